"""Which noun phrases name a party to an event, and how firmly.

The coder resolves a head word through the actor table; these rules decide what happens
around that: a role word alone ("the army") is a weak target, a role word pointed at ("the
court", "a Delhi court") is someone, some parties the table cannot code are still parties
("some European countries", "the committee", an unclaimed "car bomb" as the doer), and two
resolved actors may or may not be one. Pure functions of a token or an actor: no memory, no
lexicon.
"""

from __future__ import annotations

from spacy.tokens import Token

from toneshift.coding.extract import TIME_WORDS
from toneshift.models import Actor

# Heads that never name an actor: dates and times, numbers-as-words, relative pronouns.
NOT_ACTORS = TIME_WORDS | frozenset(
    {"percent", "%", "which", "that", "what", "who", "it", "this", "there"}
)


# nouns for a piece of some country's territory: "some parts of west Darfur", "several areas
# near Damascus", "the troubled Balkan republic"
PLACE_NOUNS = frozenset(
    {
        "part",
        "area",
        "region",
        "town",
        "village",
        "city",
        "district",
        "province",
        "zone",
        "border",
        "territory",
        "republic",
        "state",
        "enclave",
        "corridor",
        "neighborhood",
        "neighbourhood",
        "countryside",
        "coast",
        "island",
        "camp",
        "frontier",
    }
)


def agent_behind(head: Token) -> Token | None:
    """The "by" agent of a thing or event that stands as a subject, or None."""
    if head.pos_ != "NOUN":
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "acl":  # "missiles fired by X"
            for agent in child.children:
                if agent.dep_ == "agent":
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


# sectors whose words name people, not offices: "a journalist", "an inmate" is someone
PEOPLE_SECTORS = frozenset({"CVL", "REF", "MED", "OPP", "LAB", "EDU"})


def weakness(target: Actor) -> int:
    """How little a target says who the action fell on: 0 a coded party, 1 an uncoded name
    or thing ("the DEA law"), 2 a role word alone ("the army"). A weaker target answers an
    action only when no stronger one does."""
    if role_only(target):
        return 2
    return 1 if target.code is None else 0


def role_only(actor: Actor) -> bool:
    """An actor known only by its role (code = sector, no country, no name): "the troops",
    "police"; not "President Uhuru Kenyatta"."""
    return (
        actor.code is not None
        and actor.code == actor.sector
        and actor.country is None
        and actor.name is None
    )


def points_at_someone(head: Token) -> bool:
    """ "the court", "the prime minister", "protesters": a definite or plural role word."""
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children):
        return False  # "withdrew its troops from Syria": the actor's own, not another party
    if named_by_proper_noun(head):
        return True  # "a Gibraltar court": a named institution
    return definite(head) or head.tag_ in ("NNS", "NNPS")


def named_by_proper_noun(head: Token) -> bool:
    """ "a Delhi court", "UNSCOM weapons inspectors": a common noun with a proper-noun name
    (or a capitalised name the tagger took for an adjective: "Punjab government")."""
    return any(
        (c.dep_ == "compound" and c.pos_ == "PROPN")
        or (c.dep_ == "amod" and c.is_title and not c.is_sent_start)
        for c in head.children
    )


def definite(head: Token) -> bool:
    """ "the court": a noun phrase with the definite article."""
    return any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)


# plural nouns for several parties at once: "some European countries", "Western allies"
COLLECTIVE_PARTIES = frozenset(
    {
        "country",
        "nation",
        "government",
        "ally",
        "partner",
        "donor",
        "neighbour",
        "neighbor",
        "power",
    }
)


# bodies that act as one: "the committee declared ...", "the women-led Hirak movement"
BODY_NOUNS = frozenset(
    {"committee", "council", "group", "movement", "coalition", "alliance", "association",
     "organization", "organisation", "federation", "front", "commission", "board"}
)  # fmt: skip


# what news names as the doer of an attack when no one claims it: "a car bomb killed ..."
ATTACK_NOUNS = frozenset(
    {"bomb", "bomber", "attack", "strike", "airstrike", "explosion", "blast", "missile", "rocket",
     "shelling", "bombing", "raid", "drone", "gunfire", "ambush"}
)  # fmt: skip


def unnamed_party(head: Token, role: str) -> bool:
    """A party the table cannot code but news treats as one: several countries or allies
    ("some European countries"), a body pointed at ("the committee", "the Hirak movement"),
    or, as the doer, an attack or weapon no one is named behind ("a suicide bomber in
    Mogadishu killed ...")."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN":
        return False
    if lemma in COLLECTIVE_PARTIES and head.tag_ == "NNS":
        return True
    if lemma in BODY_NOUNS and points_at_someone(head):
        return True
    return role == "source" and lemma in ATTACK_NOUNS


def could_be_actor(head: Token, role: str) -> bool:
    """An unknown noun phrase that may still be an event's actor: a proper name (not a date).
    Common nouns are left out: as targets they would add many events about things
    ("criticized the legislation") and halve the precision of who-did-what-to-whom."""
    # an acronym the tagger took for a common noun ("ICE returned ...") is still a name
    acronym = head.is_alpha and len(head.text) >= 2 and head.text.isupper()
    named = head.pos_ == "PROPN" or (
        head.pos_ == "NOUN" and (acronym or named_by_proper_noun(head))
    )
    return named and head.lemma_.lower() not in NOT_ACTORS and not head.like_num


def identity(actor: Actor) -> str:
    """Who an actor is, for telling events apart: its code, or its words when uncoded."""
    return actor.code or actor.text


def same_actor(source: Actor, target: Actor) -> bool:
    """True when both sides are one actor: same code (or words, when uncoded), and not two
    people told apart by name ("Israel's president lifted restrictions on Olmert": both
    ISRGOV)."""
    if source.code is None or target.code is None or (role_only(source) and role_only(target)):
        # "the Uttar Pradesh government ... with the Gujarat government": both plain GOV
        return plain_words(source.text) == plain_words(target.text)
    return source.code == target.code and source.name == target.name


def plain_words(text: str) -> str:
    """Lower-cased words without a leading article ("The Gujarat government")."""
    words = text.lower().split()
    return " ".join(words[1:] if words and words[0] in ("the", "a", "an") else words)
