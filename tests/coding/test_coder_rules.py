"""The coder's grammar rules, one sentence each (sentences written by the team)."""

from __future__ import annotations

import datetime as dt

import pytest

from toneshift.coding.modality import announced_code
from toneshift.coding.pair import code_pair

DAY = dt.date(2026, 1, 15)


def _events(coder, text: str):
    return coder.code_text(text, date=DAY)


def _pair(coder, text: str, source: str, target: str):
    """Pair mode: how ``source`` acted toward ``target`` in ``text`` (no article date)."""
    return code_pair(coder, text, source, target, date=None)


def _by_pair(events):
    return {
        (e.source.country or e.source.text, e.target.country or e.target.text): e for e in events
    }


@pytest.mark.parametrize(
    ("code", "modality", "expected"),
    [
        ("087", "promised", "0356"),
        ("0841", "future", "0353"),
        ("042", "intended", "036"),
        ("163", "future", "1312"),
        ("190", "promised", "138"),
        ("111", "future", "111"),  # a verbal conflict announced is still that conflict
        ("087", "asserted", "087"),
    ],
)
def test_announced_actions_become_intents_or_threats(code, modality, expected):
    assert announced_code(code, modality) == expected


def test_passive_voice_swaps_roles(coder):
    (event,) = _events(coder, "Colombia was criticized by Venezuela.")
    assert (event.source.country, event.target.country, event.plover) == ("VEN", "COL", "ACCUSE")


def test_promise_is_agree_not_the_action(coder):
    events = _events(coder, "Peru is willing to withdraw its troops from Ecuador.")
    assert events and events[0].plover == "AGREE" and events[0].cameo.startswith("03")
    assert events[0].modality == "promised"


def test_threat_of_force(coder):
    events = _events(coder, "Russia threatened to attack Ukraine.")
    assert events and events[0].plover == "THREATEN"


def test_negated_cooperation_is_rejection(coder):
    events = _events(coder, "Brazil did not support Argentina.")
    assert events and events[0].plover == "REJECT" and events[0].negated


def test_negated_conflict_is_no_event(coder):
    assert _events(coder, "Chile did not attack Bolivia.") == []


def test_coordinated_subjects_act_toward_each_other(coder):
    pairs = _by_pair(_events(coder, "Colombia and Ecuador agreed to cooperate."))
    assert ("COL", "ECU") in pairs and ("ECU", "COL") in pairs


def test_coordinated_targets(coder):
    pairs = _by_pair(_events(coder, "The United States sanctioned Venezuela and Cuba."))
    assert ("USA", "VEN") in pairs and ("USA", "CUB") in pairs


def test_nominal_event_with_possessive_source(coder):
    events = _events(coder, "Mexico's invitation to Guatemala surprised observers.")
    assert any((e.source.country, e.target.country) == ("MEX", "GTM") for e in events)


def test_reported_blame_is_accusation(coder):
    events = _events(coder, "Colombia said Venezuela was responsible for the attack.")
    assert any(
        (e.source.country, e.target.country, e.plover) == ("COL", "VEN", "ACCUSE") for e in events
    )


def test_pronoun_subject_of_reported_speech_is_the_speaker(coder):
    events = _events(coder, "The Colombian army says it has attacked rebels in Venezuela.")
    assert events and all(e.source.code == "COLMIL" for e in events)


def test_third_countries_named_beside_the_dyad(coder):
    (event,) = _events(coder, "Colombia criticized the United States over its policy on Venezuela.")
    assert event.third_parties == ("VEN",)


def test_peacekeepers_sent_are_aid_not_mobilisation(coder):
    (event,) = _events(coder, "Japan is sending troops to the peacekeeping force in South Sudan.")
    assert (event.cameo, event.plover) == ("074", "AID")
    (event,) = _events(coder, "Russia sent troops to the border of Ukraine.")
    assert event.plover == "MOBILIZE"


def test_adjunct_preposition_does_not_change_the_verb(coder):
    (event,) = _events(coder, "Peru met Chile at the presidential palace.")
    assert event.plover == "CONSULT"


def test_time_phrases_are_not_arguments(coder):
    (event,) = _events(coder, "Colombia called Ecuador on Friday to discuss trade.")
    assert event.plover == "CONSULT"  # a telephone call, not an appeal ("call on")


def test_a_call_made_to_deliver_a_message_is_that_message(coder):
    (event,) = _events(coder, "Colombia called Ecuador on Friday to congratulate its president.")
    assert (event.cameo, event.plover) == ("051", "SUPPORT")


def test_agreeing_to_a_deal_is_concluding_it_and_to_an_action_is_a_promise(coder):
    deals = _events(coder, "Peru and Chile agreed to a trade deal.")
    assert {(e.source.code, e.target.code, e.plover) for e in deals} == {
        ("PER", "CHL", "SUPPORT"),
        ("CHL", "PER", "SUPPORT"),
    }
    (promise,) = _events(coder, "Peru agreed to send aid to Chile.")
    assert promise.plover == "AGREE"


def test_failing_to_agree_is_a_rejection(coder):
    pairs = _by_pair(_events(coder, "Peru and Chile failed to reach an agreement on fishing."))
    assert pairs[("PER", "CHL")].plover == "REJECT"


def test_blockades_and_occupation_are_assaults_closing_borders_is_coercion(coder):
    (blockade,) = _events(coder, "Turkish troops blockaded the Syrian town.")
    assert blockade.plover == "ASSAULT"
    (closed,) = _events(coder, "Venezuela closed its border with Colombia.")
    assert closed.plover == "COERCE"


def test_a_decision_announced_is_the_act_not_a_promise(coder):
    (event,) = _events(coder, "Japan decided to lift economic sanctions on India.")
    assert event.plover in ("RETREAT", "CONCEDE")  # PLOVER YIELD, enacted
    assert event.cameo.startswith("08")


def test_lowering_tariffs_eases_a_sanction(coder):
    (event,) = _events(coder, "The United States reduced tariffs on Chinese goods.")
    assert event.cameo == "085"


def test_a_verdict_falls_on_the_subject_of_its_small_clause(coder):
    (event,) = _events(coder, "Peru's Supreme Court found Fujimori guilty of corruption.")
    assert (event.target.text, event.plover) == ("Fujimori", "ACCUSE")


def test_summoning_an_envoy_to_complain_is_a_complaint(coder):
    (event,) = _events(
        coder, "Colombia summoned the Ecuadorian ambassador to complain about spying."
    )
    assert (event.target.country, event.plover) == ("ECU", "ACCUSE")


def test_calling_for_sanctions_against_a_country_accuses_it(coder):
    (event,) = _events(coder, "Canada called for sanctions against Russia.")
    assert (event.target.country, event.cameo, event.plover) == ("RUS", "113", "ACCUSE")


def test_opening_an_investigation_into_someone_accuses_them(coder):
    (event,) = _events(coder, "Peru launched an investigation into Chile's navy.")
    assert event.plover == "ACCUSE"


def test_money_given_to_help_someone_is_aid_not_the_help(coder):
    text = "Germany gave 300 million euros to promote investment in Ethiopia."
    event = _pair(coder, text, "Germany", "Ethiopia")
    assert event is not None and event.plover == "AID"


def test_cancelling_a_planned_visit_rejects_the_meeting(coder):
    (event,) = _events(coder, "Mexico's president cancelled a planned visit to Washington.")
    assert event.plover == "REJECT"


def test_pair_mode_with_one_side_missing_codes_the_named_sides_action(coder):
    text = "Egypt has lifted a three-month-old state of emergency."
    event = _pair(coder, text, "Egypt", "a recipient")
    assert event is not None and event.plover in ("RETREAT", "CONCEDE")
    assert _pair(coder, text, "an actor", "a recipient") is None


def test_an_order_to_do_something_coercive_is_coercion(coder):
    (event,) = _events(
        coder, "Uruguay's government ordered a Brazilian newspaper to suspend publication."
    )
    assert event.plover == "COERCE"
    (appeal,) = _events(coder, "Peru ordered Chile to hand over the documents.")
    assert appeal.plover == "REQUEST"


def test_launching_an_offensive_is_an_assault(coder):
    (event,) = _events(coder, "Russia launched an offensive against Ukraine.")
    assert event.plover == "ASSAULT"


def test_actions_under_a_promise_are_promised_and_under_a_refusal_refused(coder):
    promised = _pair(coder, "Peru is willing to send troops to help Chile.", "Peru", "Chile")
    assert promised is not None and promised.plover == "AGREE"
    refused = _pair(
        coder,
        "Peru said it will not end the blockade until Chile meets its demands.",
        "Peru",
        "Chile",
    )
    assert refused is not None and refused.plover == "REJECT"


def test_what_another_must_do_is_a_demand_on_them(coder):
    text = "Russia says Israel must end attacks on Syria."
    event = _pair(coder, text, "Russia", "Israel")
    assert event is not None and event.plover == "REQUEST"


def test_an_of_phrase_names_the_actor_and_a_dative_to_is_the_target(coder):
    (event,) = _events(coder, "The premier of Canada's Alberta province criticized the US.")
    assert (event.source.code, event.target.code) == ("CANGOV", "USA")
    (gift,) = _events(coder, "U.S. military gives medical equipment to Nicaragua.")
    assert (gift.source.country, gift.target.country, gift.plover) == ("USA", "NIC", "AID")


def test_a_role_word_placed_by_an_in_phrase_is_an_actor(coder):
    (event,) = _events(coder, "Police in Japan arrested a Chinese actor.")
    assert event.source.code == "JPNCOP"
    (unknown,) = _events(coder, "Authorities in Wyoming criticized Canada.")
    assert (unknown.source.text, unknown.source.code) == ("Authorities in Wyoming", None)


def test_definite_or_plural_role_words_are_actors_bare_ones_are_not(coder):
    (event,) = _events(coder, "Colombian police arrested the protesters in Bogota.")
    assert event.target.text == "the protesters"
    assert _events(coder, "A ministry criticized Peru.") == []
    (lifted,) = _events(coder, "Israel lifted restrictions imposed on Gaza.")
    assert lifted.target.country == "PSE" and lifted.cameo.startswith("08")


def test_the_actors_own_troops_are_not_the_target(coder):
    (event,) = _events(coder, "Russia has begun withdrawing its troops from Syria.")
    assert event.target.country == "SYR"


def test_struck_a_target_is_an_attack(coder):
    (attack,) = _events(coder, "Israeli missiles struck a Syrian army depot.")
    assert attack.plover == "ASSAULT"


def test_in_pair_mode_a_pronoun_of_reported_speech_is_the_speaker(coder):
    text = "The Taliban has said it will not begin talks with the Afghan government."
    event = _pair(coder, text, "The Taliban", "the Afghan government")
    assert event is not None and event.plover == "REJECT"


def test_a_resolution_criticizing_someone_is_its_authors_criticism(coder):
    (event,) = _events(coder, "Albania's parliament passed a resolution criticizing Serbia.")
    assert (event.source.code, event.target.country, event.plover) == ("ALBLEG", "SRB", "ACCUSE")


def test_a_demand_that_someone_act_targets_them(coder):
    (event,) = _events(coder, "Peru demanded that Chile withdraw its ambassador.")
    assert (event.target.country, event.plover) == ("CHL", "REQUEST")


def test_troops_on_alert_mobilize(coder):
    text = "Cambodian troops remained on alert near the Thailand border."
    event = _pair(coder, text, "Cambodian troops", "Thailand border")
    assert event is not None and event.plover == "MOBILIZE"


def test_a_definite_thing_rejected_or_condemned_is_the_target(coder):
    (event,) = _events(coder, "Baghdad has rejected the referendum.")
    assert (event.target.text, event.plover) == ("the referendum", "REJECT")
    assert _events(coder, "Baghdad welcomed the referendum.") == []


def test_a_team_sent_to_investigate_is_an_investigation(coder):
    events = _events(coder, "Ukraine sent a team of experts to Iran to investigate the crash.")
    assert ("IRN", "ACCUSE") in {(e.target.country, e.plover) for e in events}


def test_joint_war_games_are_military_cooperation(coder):
    text = "The armies of Brazil and Argentina performed joint war games in October."
    event = _pair(coder, text, "The armies of Brazil", "Argentina")
    assert event is not None and event.plover == "COOPERATE"


def test_ultimatums_and_warnings_of_action_threaten(coder):
    (ultimatum,) = _events(coder, "Britain gave Russia a midnight deadline.")
    assert ultimatum.plover == "THREATEN"
    (warning,) = _events(coder, "Zimbabwe warned Britain that it would expel its envoy.")
    assert (warning.target.country, warning.plover) == ("GBR", "THREATEN")


def test_troops_leaving_a_country_withdraw(coder):
    (event,) = _events(coder, "American troops have begun leaving Afghanistan.")
    assert (event.target.country, event.plover) == ("AFG", "RETREAT")


def test_abbreviated_dates_are_time_phrases(coder):
    (event,) = _events(coder, "On Nov. 2, Colombia called Ecuador to discuss trade.")
    assert event.plover == "CONSULT"


def test_holding_people_as_human_shields_is_an_assault(coder):
    text = "Islamic State militants held around 20,000 civilians as human shields in Raqqa."
    event = _pair(coder, text, "Islamic State militants", "around 20,000 civilians")
    assert event is not None and event.plover == "ASSAULT"


def test_announced_boycotts_and_curfew_extensions_threaten(coder):
    boycotts = _events(coder, "Nigeria said it will boycott the summit in South Africa.")
    # the summit itself, and (through the rescue) the host
    assert {(e.plover, e.target.text) for e in boycotts} == {
        ("THREATEN", "the summit"),
        ("THREATEN", "South Africa"),
    }
    protests = _events(coder, "Colombia boycotted the summit in Venezuela.")
    assert {e.plover for e in protests} == {"PROTEST"}


def test_a_peacekeeping_deployment_announced_is_aid(coder):
    text = "Nigeria announced the deployment of 230 troops to Liberia on a peacekeeping mission."
    event = _pair(coder, text, "Nigeria", "Liberia")
    assert event is not None and event.plover == "AID"


def test_a_common_noun_named_by_a_proper_one_is_an_actor(coder):
    (event,) = _events(coder, "A Delhi court issued an arrest warrant against Malvinder Singh.")
    assert (event.source.text, event.target.text, event.plover) == (
        "Delhi court",
        "Malvinder Singh",
        "COERCE",
    )


def test_expelled_from_a_country_is_that_countrys_act(coder):
    (event,) = _events(coder, "Two UN inspectors were expelled from North Korea.")
    assert (event.source.country, event.plover) == ("PRK", "SANCTION")


def test_a_place_phrase_targets_the_country_it_names(coder):
    (event,) = _events(coder, "Israel imposed a curfew in several areas near Damascus.")
    assert (event.target.text, event.target.country) == ("several areas near Damascus", "SYR")


def test_a_named_party_outranks_a_role_word_target(coder):
    events = _events(coder, "Israel mobilized the army for a ground assault against Lebanon.")
    assert ("LBN", "MOBILIZE") in {(e.target.country, e.plover) for e in events}
    assert all(e.target.text != "the army" for e in events)


def test_the_party_agreed_with_is_the_target_of_the_promise(coder):
    events = _events(coder, "The United States agreed with Cuba to repatriate any migrants.")
    assert ("CUB", "AGREE") in {(e.target.country, e.plover) for e in events}


def test_what_is_discussed_is_the_topic_whom_with_is_the_target(coder):
    (event,) = _events(coder, "Erdogan discussed Libya with Donald Trump.")
    assert (event.target.text, event.plover) == ("Donald Trump", "CONSULT")


def test_an_otherwise_empty_sentence_is_rescued_by_the_pair_path(coder):
    text = "Peru was willing to withdraw its troops as soon as a UN force had been sent to Chile."
    (event,) = _events(coder, text)
    assert (event.source.country, event.target.country, event.plover) == ("PER", "CHL", "AGREE")
    coder_without = type(coder)(coder.nlp, coder.actors, coder.verbs)
    coder_without.rescue_event = lambda *args, **kwargs: None  # type: ignore[method-assign]
    assert list(coder_without.code_text(text)) == []  # the rescue is what finds it


def test_a_weapon_or_attack_as_subject_stands_for_who_is_behind_it(coder):
    (event,) = _events(coder, "The missiles fired by the Israeli military struck a depot in Syria.")
    assert (event.source.code, event.target.country, event.plover) == ("ISRMIL", "SYR", "ASSAULT")


def test_a_day_is_never_a_target(coder):
    events = _events(coder, "Salva Kiir declared a ceasefire on Monday in South Sudan.")
    assert events and all(e.target.text != "Monday" for e in events)


def test_a_person_word_is_someone_even_indefinite(coder):
    (event,) = _events(coder, "Iranian police tortured a journalist.")
    assert (event.target.text, event.target.code, event.plover) == ("journalist", "MED", "ASSAULT")


def test_coordinated_parties_act_toward_each_other_when_the_object_is_no_party(coder):
    events = _events(coder, "Peru and Chile began a week of joint naval drills off Arica.")
    pairs = {(e.source.country, e.target.country, e.plover) for e in events}
    assert {("PER", "CHL", "COOPERATE"), ("CHL", "PER", "COOPERATE")} <= pairs


def test_coordinated_parties_keep_a_named_target(coder):
    events = _events(coder, "Peru and Chile accused Bolivia of smuggling.")
    assert {(e.source.country, e.target.country) for e in events} == {
        ("PER", "BOL"),
        ("CHL", "BOL"),
    }


def test_one_event_when_two_predicates_carry_it(coder):
    text = "Norway and Sweden agreed to share radar data to ensure safety at sea."
    events = _events(coder, text)
    keys = [(e.source.country, e.target.country, e.cameo) for e in events]
    assert ("NOR", "SWE", keys[0][2]) in keys and len(keys) == len(set(keys))


def test_what_is_handed_over_is_no_target_whom_it_goes_to_is(coder):
    (event,) = _events(coder, "Canada returned two Peruvian artifacts to Guatemala.")
    assert (event.target.country, event.plover) == ("GTM", "RETREAT")


def test_troops_sent_in_a_country_go_to_that_country(coder):
    (event,) = _events(coder, "Brazil sent 300 troops in Haiti to keep the peace.")
    assert (event.source.country, event.target.country) == ("BRA", "HTI")


def test_he_in_what_a_speaker_says_is_the_speaker(coder):
    events = _events(coder, "President Lula said on Friday that he would visit Chile in May.")
    assert ("President Lula", "AGREE", "CHL") in {  # a visit promised
        (e.source.text, e.plover, e.target.country) for e in events
    }


def test_who_is_allowed_to_act_is_the_target(coder):
    events = _events(coder, "Peru said it would allow the Red Cross to visit the prisoners.")
    assert ("PER", "AGREE", "the Red Cross") in {
        (e.source.country, e.plover, e.target.text) for e in events
    }
    events = _events(coder, "Chile refused to allow two Bolivian airlines to land.")
    assert ("CHL", "REJECT") in {(e.source.country, e.plover) for e in events}


def test_what_a_speaker_says_another_must_do_is_a_demand_on_them(coder):
    events = _events(coder, "Peru said the European Union should be ready to mediate.")
    assert [(e.source.country, e.plover, e.target.text) for e in events] == [
        ("PER", "REQUEST", "the European Union")
    ]  # and nothing done by the Union itself


def test_a_duty_the_speaker_owns_is_no_demand(coder):
    events = _events(coder, "Peru said it must protect its border with Chile.")
    assert all(e.plover != "REQUEST" for e in events)


def test_the_place_of_an_arrest_stands_for_its_authorities(coder):
    (event,) = _events(coder, "The journalist was arrested in Venezuela for spying.")
    assert (event.source.country, event.plover, event.target.text) == (
        "VEN",
        "COERCE",
        "The journalist",
    )
    assert _events(coder, "The border deal was signed in Geneva.") == []


def test_a_rescued_passive_sentence_keeps_who_acted_on_whom(coder):
    text = "Two Bolivian activists were freed on Sunday after Peru granted them a pardon."
    events = _events(coder, text)
    assert [(e.source.country, e.target.country) for e in events] == [("PER", "BOL")]


def test_two_named_people_of_one_government_are_two_actors(coder):
    text = "Israel's president lifted the travel restrictions on Prime Minister Ehud Olmert."
    (event,) = coder.code_text(text)  # no date: both are coded ISRGOV
    assert (event.source.code, event.target.code) == ("ISRGOV", "ISRGOV")
    assert event.target.text == "Prime Minister Ehud Olmert"


def test_a_coded_party_outranks_an_uncoded_thing_which_outranks_a_role_word(coder):
    (event,) = _events(coder, "Peru mobilized the army for the Operation Condor against Ecuador.")
    assert event.target.country == "ECU"
    (event,) = _events(coder, "Peru mobilized the army against the Shining Path.")
    assert event.target.text == "the Shining Path"


def test_an_amount_is_never_an_actor(coder):
    (event,) = _events(coder, "A Texas court awarded the Hendersons US$3 million in damages.")
    assert event.target.text == "the Hendersons"


def test_a_main_subject_left_out_of_every_event_is_rescued(coder):
    text = "Brazil's government gave approval for the Red Cross to deliver aid to the Yanomami."
    events = _events(coder, text)
    assert ("BRA", "CONCEDE", "the Red Cross") in {
        (e.source.country, e.plover, e.target.text) for e in events
    }
    assert len(events) == 2  # and the Red Cross's own delivery stays


def test_a_reporting_clause_is_never_rescued(coder):
    text = "Bolivian police arrested three Peruvian smugglers near Lake Titicaca, officials said."
    assert {e.source.text for e in _events(coder, text)} == {"Bolivian police"}


def test_the_rescue_reaches_a_party_named_by_a_common_noun(coder):
    text = (
        "Teachers said they will not end the strike until their demands have been met by"
        " the Bolivian authorities."
    )
    (event,) = _events(coder, text)
    assert (event.source.text, event.plover, event.target.country) == ("Teachers", "REJECT", "BOL")
    coder_without = type(coder)(coder.nlp, coder.actors, coder.verbs)
    coder_without.rescue_event = lambda *args, **kwargs: None  # type: ignore[method-assign]
    assert list(coder_without.code_text(text)) == []


def test_whoever_made_a_request_is_who_it_is_refused(coder):
    events = _events(
        coder, "Peru rejected a call from Chile for the Shining Path movement to disarm."
    )
    assert [(e.source.country, e.plover, e.target.country) for e in events] == [
        ("PER", "REJECT", "CHL")
    ]
    text = (
        "Ecuador refused to respond to a request from 20 lawmakers to detail its ties with Russia."
    )
    (event,) = _events(coder, text)
    assert (event.plover, event.target.text) == ("REJECT", "20 lawmakers")


def test_coordinated_parties_agree_with_each_other_not_with_the_topic(coder):
    events = _events(coder, "Peru and Chile have agreed to share information on Bolivia.")
    assert {(e.source.country, e.target.country, e.plover) for e in events} == {
        ("PER", "CHL", "AGREE"),
        ("CHL", "PER", "AGREE"),
    }


def test_troops_sent_to_a_force_in_a_country_go_to_that_country(coder):
    (event,) = _events(
        coder, "Uruguay is sending troops to the United Nations peacekeeping force in Haiti."
    )
    assert (event.source.country, event.plover, event.target.country) == ("URY", "AID", "HTI")


def test_a_named_party_is_sought_when_every_target_is_a_thing(coder):
    text = (
        "On Tuesday, the Peruvian government imposed new sanctions over the border crisis,"
        " including travel bans and asset freezes, on Bolivian army commanders."
    )
    targets = {e.target.text for e in _events(coder, text)}
    assert "Bolivian army commanders" in targets  # the parse hangs them on "freezes"


def test_a_gift_goes_to_whom_its_purpose_serves(coder):
    events = _events(
        coder, "Canada donated 200 ventilators to assist Haiti with its response to the epidemic."
    )
    assert ("CAN", "AID", "HTI") in {(e.source.country, e.plover, e.target.country) for e in events}


def test_two_governments_named_by_their_places_are_two_actors(coder):
    text = "The Sao Paulo government will sign an agreement with the Parana government on water."
    # and what the agreement is about is no party to it
    assert [e.target.text for e in _events(coder, text)] == ["the Parana government"]


def test_a_trailing_attribution_is_not_who_acted(coder):
    text = (
        "Chilean military police have launched an investigation into claims that two servicemen"
        " abused children in Bolivia, the defence ministry said today."
    )
    assert {e.source.text for e in _events(coder, text)} == {"Chilean military police"}


def test_support_that_gives_something_is_aid(coder):
    (event,) = _events(coder, "Chile has consistently supported economic assistance to Haiti.")
    assert (event.target.country, event.plover) == ("HTI", "AID")
    (event,) = _events(coder, "Chile has consistently supported the new government of Haiti.")
    assert event.plover == "SUPPORT"


def test_a_main_verb_parsed_as_a_modifier_still_has_its_subject(coder):
    text = "A Peruvian congressional report called for sanctions against Bolivia over the dispute."
    (event,) = _events(coder, text)
    assert (event.source.country, event.target.country) == ("PER", "BOL")
    assert _events(coder, "The minister who called on Peru resigned.") == []


def test_calling_on_someone_is_a_visit_unless_something_is_asked(coder):
    text = "A delegation of the Chilean Socialist Party on Thursday called on President Castillo."
    (event,) = _events(coder, text)
    assert event.plover == "CONSULT"
    (event,) = _events(coder, "The Chilean delegation called on Peru to release the fishermen.")
    assert (event.target.country, event.plover) == ("PER", "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Peru agreed " + "to try " * 500 + "to attack Chile.",
        "Peru attacked Chile and " + "attacked Chile and " * 500 + "left.",
        " ".join(["PERU"] * 500) + " said",
        "The attack " + "by the attack " * 500 + "killed Chileans.",
    ],
)
def test_a_garbled_chain_of_clauses_is_coded_without_recursing(coder, text):
    import sys

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(400)  # below the chain's length: any recursion along it would fail
    try:
        events = _events(coder, text)
    finally:
        sys.setrecursionlimit(limit)
    assert isinstance(events, list)


def test_several_countries_are_a_party(coder):
    events = _events(
        coder, "Some South American countries have called for sanctions against Venezuela."
    )
    assert [(e.source.text, e.source.code, e.target.country) for e in events] == [
        ("South American countries", None, "VEN")
    ]


def test_an_attack_no_one_is_named_behind_is_the_doer(coder):
    (event,) = _events(coder, "A car bomb in Lima killed two Chilean tourists.")
    assert (event.source.text, event.plover) == ("car bomb", "ASSAULT")
    (event,) = _events(coder, "A car bomb planted by the Shining Path killed two Chilean tourists.")
    assert event.source.text == "the Shining Path"  # named behind it: the bombers


def test_a_capitalised_modifier_names_a_role_word(coder):
    events = _events(coder, "President Gabriel Boric has issued an ultimatum to Catholic leaders.")
    assert [(e.plover, e.target.text) for e in events] == [("THREATEN", "Catholic leaders")]


def test_a_definite_thing_boycotted_is_the_target(coder):
    text = "The Peruvian opposition parties said they would boycott the elections."
    events = _events(coder, text)
    assert [(e.plover, e.target.text) for e in events] == [("THREATEN", "the elections")]


def test_a_refusal_until_another_acts_is_aimed_at_them(coder):
    text = (
        "The strike committee declared that it will not end the strike until the Bolivian"
        " government meets its demands."
    )
    events = _events(coder, text)
    assert ("The strike committee", "REJECT", "BOL") in {
        (e.source.text, e.plover, e.target.country) for e in events
    }


def test_a_definite_place_a_measure_falls_on_is_the_target(coder):
    text = "President Pedro Castillo declared a state of siege in the region on Friday."
    (event,) = coder.code_text(text)
    assert (event.plover, event.target.text) == ("COERCE", "the region")


def test_a_title_cased_measure_is_read_whole(coder):
    text = "Colombian President Gustavo Petro lifted the State of Emergency in Cauca."
    events = _events(coder, text)
    assert events and all(e.cameo == "0814" for e in events)  # ease a state of emergency


def test_a_restated_commitment_to_support_is_support(coder):
    text = "The Chilean navy reiterated its commitment to support the Peruvian coast guard."
    (event,) = _events(coder, text)
    assert (event.target.country, event.plover) == ("PER", "SUPPORT")


def test_an_order_to_jail_is_the_jailing(coder):
    text = "A Peruvian judge has ordered two former ministers jailed while they are investigated."
    events = _events(coder, text)
    assert events and events[0].plover == "COERCE"


def test_the_rescue_stays_out_of_a_coordinated_clause_with_its_own_subject(coder):
    events = _events(
        coder, "Bolivia condemned the talks, and China offered Peru new loans for its railways."
    )
    assert ("BOL", "CHN") not in {(e.source.country, e.target.country) for e in events}
    assert ("CHN", "PER", "AGREE") in {
        (e.source.country, e.target.country, e.plover) for e in events
    }
