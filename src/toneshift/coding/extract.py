"""Who-did-what-to-whom candidates from a dependency parse.

For every verb (and every event noun such as "invitation" or "criticism") the extractor finds
the words that could be its source and target, in the shapes news uses:

* active clauses: "Petro criticized the U.S." (nsubj → verb → dobj / prep object);
* passives: "Petro was invited by Trump" (agent → source, nsubjpass → target);
* coordination: "Colombia and Peru agreed ...", "... criticized X and praised Y";
* control and complements: "threatened to impose sanctions on Venezuela";
* nominal events: "Trump's invitation to Petro", "extended an invitation to Petro";
* reported speech: "Petro said the U.S. had failed" — the inner clause is coded in its own right.

Candidates carry parse tokens only; actors and event types are resolved by the coder.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import cast

from spacy.tokens import Span, Token

from toneshift.coding.verbs import COMMANDING_VERBS, ENACTING_VERBS

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
TARGET_PREPS = frozenset(
    {
        "to",
        "with",
        "against",
        "on",
        "toward",
        "towards",
        "at",
        "from",
        "for",
        "into",
        "over",
        "upon",
        "about",
        "of",
        "in",
        "by",
        "between",
        "among",
        "onto",
    }
)
LOCATIVE_PREPS = frozenset({"in", "by", "at", "from"})
CALL_VERBS = frozenset({"call", "phone", "telephone", "ring", "summon"})
# sending people somewhere to look into something is the inquiry itself
SENDING_VERBS = frozenset({"send", "dispatch", "deploy"})
INQUIRY_VERBS = frozenset({"investigate", "probe", "inspect", "examine", "audit"})
# what a call can be made "to" do that is itself the act toward the one called
MESSAGE_VERBS = frozenset(
    {
        "congratulate",
        "thank",
        "express",
        "convey",
        "assure",
        "apologize",
        "apologise",
        "offer",
        "reaffirm",
        "reiterate",
        "praise",
        "condole",
        "welcome",
        "wish",
        "pledge",
        "complain",
        "protest",
        "condemn",
        "criticize",
        "criticise",
        "demand",
        "warn",
    }
)
# prepositions whose common-noun object says what the action is about ("agreed to a deal")
OBJECT_LIKE_PREPS = frozenset({"to", "on", "for"})
FUTURE_AUX = frozenset({"will", "would", "shall", "'ll"})
POSSIBLE_AUX = frozenset({"may", "might", "could", "can"})
# "North Korea must denuclearize", said by someone else, is a demand on North Korea
OBLIGING_AUX = frozenset({"must", "should", "ought"})
INTENT_VERBS = frozenset(
    {"plan", "expect", "intend", "hope", "aim", "seek", "want", "try", "prepare"}
)

# Verbs and adjectives that commit the subject to the action of their complement: "agreed to
# withdraw", "is willing to release", "pledged to send". ("decided to ease" is not among them:
# a decision announced is the act itself.) The complement carries the event; the
# commitment makes it a promise (CAMEO 03x intent, or 13x threat when the action is hostile).
COMMIT_VERBS = frozenset(
    {
        "agree",
        "promise",
        "pledge",
        "vow",
        "offer",
        "commit",
        "consent",
        "undertake",
        "volunteer",
        "guarantee",
    }
)
COMMIT_ADJECTIVES = frozenset({"willing", "ready", "prepared", "eager", "determined", "committed"})


@dataclass(frozen=True)
class Predicate:
    """The action of a candidate event: its head word and the words that refine it."""

    head: Token
    lemma: str
    object_words: tuple[str, ...] = ()
    particle: str | None = None
    prepositions: tuple[str, ...] = ()
    complement: str | None = None
    # the complement's own objects ("ordered X to suspend publication")
    complement_words: tuple[str, ...] = ()
    obliged_clause: Token | None = None  # the "must"/"should" clause above the action, if any
    nominal: bool = False
    negated: bool = False
    modality: str = "asserted"


@dataclass(frozen=True)
class Candidate:
    """A possible event: source and target head tokens and the predicate linking them."""

    source: Token
    target: Token
    predicate: Predicate
    target_prep: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    reciprocal: bool = False  # coordinated subjects toward each other ("X and Y agreed")
    last_resort: bool = False  # only when no other target answered the action
    implied_source: bool = False  # the place stands for its authorities ("arrested in Peru")


def _children(token: Token, deps: frozenset[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _conj_expand(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        stack = [token]
        while stack:
            current = stack.pop(0)
            out.append(current)
            stack.extend(c for c in current.children if c.dep_ == "conj" and c.pos_ != "VERB")
    return out


# how far subjects and targets are inherited up or down a chain of clauses; real sentences
# need a handful, a garbled parse ("to try to try to ...") can chain thousands
MAX_CLAUSE_DEPTH = 24


def subjects(verb: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """Subjects of a verb, inherited through coordination and control; True when passive."""
    active = _children(verb, SUBJECT_DEPS)
    passive = _children(verb, PASSIVE_SUBJECT_DEPS)
    if active or passive:
        return _conj_expand(active or passive), bool(passive) and not active
    if verb.dep_ in ("conj", "xcomp", "advcl", "acl", "relcl") and verb.head.i != verb.i:
        head = verb.head
        if head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head.i != head.i:
            head = head.head  # "Honduras is willing to withdraw": the subject of "is"
        elif verb.dep_ == "acl" and head.lemma_.lower() in DOCUMENT_NOUNS and head.dep_ == "dobj":
            head = head.head  # "passed a resolution criticizing X": who passed it criticizes
        elif _misparsed_main_verb(verb):
            # "A congressional report called for sanctions against China": the parser made
            # the sentence one noun phrase; the noun it hangs on is the verb's subject
            return [head], False
        elif verb.dep_ == "relcl":
            return [], False
        if depth >= MAX_CLAUSE_DEPTH:
            return [], False
        inherited, was_passive = subjects(head, depth + 1)
        return inherited, was_passive and verb.dep_ == "conj"
    return [], False


def _misparsed_main_verb(verb: Token) -> bool:
    """A verb the parser hung on the sentence's root noun as a modifier, though it has no
    relative word of its own: the sentence's real main verb."""
    if verb.dep_ not in ("acl", "relcl") or verb.head.dep_ != "ROOT":
        return False
    if verb.head.pos_ not in ("NOUN", "PROPN"):
        return False
    relative = any(c.tag_ in ("WDT", "WP", "WP$", "WRB") for c in verb.children)
    return not relative and _finite_or_active(verb)


def _finite_or_active(verb: Token) -> bool:
    """A past tense (not a participle), or a participle with no passive "by" agent and an
    object or a particle of its own ("called for", "called on X")."""
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return not agents(verb) and any(c.dep_ in ("prep", "dobj", "prt") for c in verb.children)


# verbs whose object is what is talked about, not whom with
TOPIC_VERBS = frozenset({"discuss", "negotiate", "debate", "review", "raise", "sign", "agree"})
# verbs of handing something over: "returned six artifacts to Iraq", "sent 200 troops to
# Syria": the object is what moves, the party it goes to is the target
TRANSFER_VERBS = frozenset(
    {
        "give", "provide", "return", "send", "deliver", "donate", "grant", "offer", "hand",
        "supply", "transfer", "pledge", "allocate", "deploy", "dispatch", "sell", "ship",
        "lend", "contribute", "repatriate", "extradite", "deport", "export", "restore",
    }
)  # fmt: skip
RECIPIENT_PREPS = ("to", "into", "toward", "towards")
# verbs whose "that" clause says what its subject must do: "demanded that X step down"
DEMANDING_VERBS = frozenset({"demand", "urge", "insist", "ask", "request", "order", "propose"})
# what a refusal waits for: "until X pays", "till X meets our demands"
WAITING_MARKS = frozenset({"until", "till"})
# what one party puts to another: "rejected a request from X", "accepted demands by X"
APPEAL_NOUNS = frozenset(
    {
        "request", "call", "demand", "appeal", "offer", "proposal", "plea", "invitation",
        "bid", "ultimatum", "petition", "application",
    }
)  # fmt: skip
# verbs whose "X to do" clause says who is let act: "allowed the plane to land"
PERMITTING_VERBS = frozenset({"allow", "permit", "authorize", "authorise"})
# what an actor issues that speaks for it: "released a statement condemning X"
DOCUMENT_NOUNS = frozenset(
    {
        "statement",
        "resolution",
        "report",
        "letter",
        "declaration",
        "communique",
        "motion",
        "decree",
        "order",
        "bill",
        "note",
        "message",
        "video",
        "tweet",
        "post",
        "ultimatum",
    }
)


# passive actions whose "from" place is who did them: "were expelled from North Korea"
_FROM_PLACE_VERBS = frozenset({"expel", "deport", "release", "free", "evict", "ban", "bar"})


def _expelling_place(verb: Token) -> list[Token]:
    if verb.lemma_.lower() not in _FROM_PLACE_VERBS:
        return []
    return [
        place
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for place in prep.children
        if place.dep_ == "pobj" and place.pos_ == "PROPN"
    ]


# where someone is held: "tortured in a secret prison in Afghanistan"
CUSTODY_NOUNS = frozenset(
    {"prison", "jail", "captivity", "custody", "detention", "camp", "center", "centre", "cell"}
)


def _place_of_act(verb: Token) -> list[Token]:
    """ "was arrested in Rwanda", "were released from captivity in Libya": with no agent, the
    authorities of the place the act happened in (the coder keeps this only for coercion,
    assault and release)."""
    places: list[Token] = []
    for prep, place in prep_objects(verb):
        if prep not in ("in", "from"):
            continue
        if place.pos_ == "PROPN" and prep == "in":
            places.append(place)
        elif place.lemma_.lower() in CUSTODY_NOUNS:
            places.extend(p for inner, p in prep_objects(place) if inner == "in")
    return places[:1]


def agents(verb: Token) -> list[Token]:
    """Objects of a passive "by" phrase ("invited by Trump" → [Trump])."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "agent":
            found.extend(_conj_expand(_children(child, frozenset({"pobj"}))))
    return found


def prep_objects(head: Token) -> list[tuple[str, Token]]:
    """(preposition, object) pairs attached to a token, coordination expanded."""
    pairs: list[tuple[str, Token]] = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS and not _is_time_phrase(child):
            for obj in _conj_expand(_children(child, frozenset({"pobj"}))):
                pairs.append((child.lower_, obj))
    # who an action falls on is marked by "against", "to", "with"...; "in", "by" mostly say
    # where or how ("filed a lawsuit in a Paris court against X")
    pairs.sort(key=lambda pair: pair[0] in LOCATIVE_PREPS)
    return pairs


MONEY_WORDS = frozenset({"million", "billion", "trillion", "$", "€", "£", "dollar", "euro", "yuan"})


def _object_words(objects: list[Token]) -> tuple[str, ...]:
    """Lemmas that refine a verb: the objects, their modifiers and the nouns of their
    prepositional phrases ("$2 billion in humanitarian aid"); sums of money add "money"."""
    words: list[str] = []
    for obj in objects:
        words.append(obj.lemma_.lower())
        for child in obj.children:
            if child.dep_ in ("compound", "amod", "nmod"):
                words.append(child.lemma_.lower())
            elif child.dep_ == "prep":
                words.extend(g.lemma_.lower() for g in child.subtree if g.pos_ in ("NOUN", "ADJ"))
                # a title-cased phrase: "lifted the State of Emergency"
                words.extend(
                    g.lemma_.lower()
                    for g in child.children
                    if g.dep_ == "pobj" and g.pos_ == "PROPN"
                )
        if any(t.lemma_.lower() in MONEY_WORDS or t.ent_type_ == "MONEY" for t in obj.subtree):
            words.append("money")
    return tuple(words)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def commits(token: Token) -> bool:
    """True for a verb or adjective that commits its subject to its complement."""
    lemma = token.lemma_.lower()
    return lemma in COMMIT_VERBS or (token.pos_ == "ADJ" and lemma in COMMIT_ADJECTIVES)


# links through which an action shares the modality of the verb above it: "is willing to
# provide aid to help X" (help is promised too), "would allow WFP to deliver food"
LIGHT_VERBS = frozenset(
    {"provide", "give", "send", "offer", "launch", "hold", "extend", "make", "deliver", "grant"}
)
_SHARING_DEPS = frozenset({"xcomp", "advcl", "dobj", "pobj", "prep", "acomp", "conj", "compound"})


def _climb(token: Token) -> Iterator[Token]:
    """``token`` and the words above it through the links modality travels along."""
    current = token
    for _ in range(12):  # parse trees are shallow; the bound guards against cycles
        yield current
        if current.dep_ not in _SHARING_DEPS or current.head.i == current.i:
            return
        current = current.head


def governing_clause(token: Token) -> Token | None:
    """The nearest verb at or above ``token`` whose modality is not plain assertion, through
    complement, purpose and object links ("is willing to provide aid to help X": help is
    promised; "would allow WFP to deliver food"); None when the action is simply asserted.

    An event noun shares its verb's modality only when the verb is light ("will provide
    assistance"): in "will investigate attacks" the attacks are not announced."""
    for current in _climb(token):
        if current.pos_ in ("VERB", "AUX", "ADJ") and _modality(current) != "asserted":
            return current
        head = current.head
        if current.pos_ == "NOUN" and head.pos_ == "VERB" and head.lemma_ not in LIGHT_VERBS:
            return None
    return None


def obliging_clause(token: Token) -> Token | None:
    """The nearest clause at or above ``token`` whose verb says the action must or should
    happen: "Indonesia must ensure security"."""
    for current in _climb(token):
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in OBLIGING_AUX for c in current.children):
            return current
    return None


def inherited_mood(token: Token) -> tuple[str, bool]:
    """(modality, negated) that ``token`` inherits from the clause governing it: "will not
    end the strike until X meets their demands" makes the meeting future and refused."""
    clause = governing_clause(token)
    if clause is None:
        return "asserted", False
    return _modality(clause), clause.i != token.i and _negated(clause)


def _modality(verb: Token) -> str:
    if verb.dep_ in ("xcomp", "pcomp") and commits(verb.head):
        return "promised"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS:
        return "intended"
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in FUTURE_AUX for a in aux):
        return "future"
    if any(a in POSSIBLE_AUX for a in aux):
        return "possible"
    return "asserted"


TIME_WORDS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "day",
        "week",
        "weekend",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "today",
        "yesterday",
        "tomorrow",
        "time",
        "occasion",
        "sideline",
        # abbreviated months ("On Nov. 2"), with and without the full stop
        *(
            f"{m}{dot}"
            for m in (
                "jan",
                "feb",
                "mar",
                "apr",
                "jun",
                "jul",
                "aug",
                "sep",
                "sept",
                "oct",
                "nov",
                "dec",
            )
            for dot in ("", ".")
        ),
    }
)


def _is_time_phrase(prep: Token) -> bool:
    """ "on Friday", "in 2019", "during the week": a time adjunct, not an argument."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.lemma_.lower() in TIME_WORDS or o.like_num or o.ent_type_ in ("DATE", "TIME")
        for o in objects
    )


def verb_predicate(verb: Token) -> Predicate:
    """The predicate of a verb: lemma, object words, particle, prepositions, complement.

    Cached per token in the doc's ``user_data``: pair paths, candidates and the open-mode
    rescue ask for the same verbs several times."""
    key = f"toneshift.verb_predicate.{verb.i}"
    cached = verb.doc.user_data.get(key)
    if cached is None:
        cached = verb.doc.user_data[key] = _verb_predicate(verb)
    return cast(Predicate, cached)


def _verb_predicate(verb: Token) -> Predicate:
    objects = _children(verb, frozenset({"dobj", "attr", "oprd"}))
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    xcomp = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
    )
    if xcomp is None and verb.lemma_.lower() in COMMANDING_VERBS:
        # "ordered nine former ministers jailed": the parser makes the participle a clause
        # of the verb or a modifier of the object
        xcomp = next(
            (
                c
                for c in (*verb.children, *(g for o in objects for g in o.children))
                if c.dep_ in ("ccomp", "acl") and c.tag_ == "VBN"
            ),
            None,
        )
    preps = tuple(
        c.lower_ for c in verb.children if c.dep_ in ("prep", "agent") and not _is_time_phrase(c)
    )
    modality, inherited_negation = inherited_mood(verb)
    if verb.lemma_.lower() in SENDING_VERBS and objects:
        # "sent a team to Iran to investigate the crash": the investigation is the act
        act = _purpose_act(verb, INQUIRY_VERBS, modality)
        if act is not None:
            return act
    if verb.lemma_.lower() in CALL_VERBS and particle != "on" and "on" not in preps and objects:
        # "called Erdogan to congratulate him" is a telephone call, not an appeal; what the
        # call was for, when it is a message ("to congratulate", "to express support"), is
        # the event, as if said face to face
        act = _purpose_act(verb, MESSAGE_VERBS, modality)
        if act is not None:
            return act
        xcomp = None
    if not objects and xcomp is not None:
        # "decided to ease restrictions": the complement's objects refine the composed match
        objects = _children(xcomp, frozenset({"dobj", "attr", "oprd"}))
    elif not objects:
        # "agreed to a trade deal", "agreed on the text": what is agreed refines the verb
        objects = [
            obj
            for prep in verb.children
            if prep.dep_ == "prep" and prep.lower_ in OBJECT_LIKE_PREPS
            for obj in prep.children
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN"
        ]
    return Predicate(
        head=verb,
        lemma="threaten"
        if _warns_of_action(verb)
        else _sense(verb.lemma_.lower(), has_object=bool(_children(verb, frozenset({"dobj"})))),
        object_words=_object_words(objects)
        + tuple(a.lower_ for a in _verdicts(verb))
        + _role_words(verb),
        particle=particle,
        prepositions=preps,
        complement=xcomp.lemma_.lower() if xcomp is not None else None,
        complement_words=_object_words(_children(xcomp, frozenset({"dobj", "attr", "oprd"})))
        if xcomp is not None
        else (),
        negated=_negated(verb)
        or (verb.dep_ == "xcomp" and (_negated(verb.head) or verb.head.lemma_ in FAIL_VERBS))
        or inherited_negation,
        modality=modality,
        obliged_clause=obliging_clause(verb),
    )


# verbs whose transitive sense differs from the intransitive one: workers "strike" (a labour
# strike, CAMEO 143); missiles "struck a depot" (an attack)
_TRANSITIVE_SENSES = {"strike": "hit"}


def _sense(lemma: str, *, has_object: bool) -> str:
    return _TRANSITIVE_SENSES.get(lemma, lemma) if has_object else lemma


def _role_words(verb: Token) -> tuple[str, ...]:
    """Words of an "as" phrase that says what the object is made into ("held civilians as
    human shields", "named him as envoy")."""
    return tuple(
        w.lemma_.lower()
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "as"
        for obj in prep.children
        if obj.dep_ == "pobj"
        for w in (obj, *(c for c in obj.children if c.dep_ in ("amod", "compound")))
    )


def _warns_of_action(verb: Token) -> bool:
    """ "warned X that his government would expel him": a warning of what the speaker's
    side will do is a threat."""
    if verb.lemma_.lower() != "warn" or not _children(verb, frozenset({"dobj"})):
        return False
    return any(
        c.lower_ in FUTURE_AUX or c.lower_ in POSSIBLE_AUX
        for clause in _children(verb, frozenset({"ccomp"}))
        for c in clause.children
        if c.dep_ == "aux"
    )


def _purpose_act(verb: Token, acts: frozenset[str], modality: str) -> Predicate | None:
    """The predicate of ``verb``'s purpose clause when that purpose is one of ``acts``,
    standing for ``verb`` itself ("called X to congratulate him" is congratulating X)."""
    purpose = next((c for c in verb.children if is_purpose(c)), None)
    if purpose is None or purpose.lemma_.lower() not in acts:
        return None
    return replace(verb_predicate(purpose), head=verb, modality=modality)


def is_purpose(token: Token) -> bool:
    """ "(called him) to congratulate": an infinitive complement or purpose clause."""
    return token.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _targets_of_verb(verb: Token, depth: int = 0) -> list[tuple[str | None, Token]]:
    """Target candidates in priority order: objects, indirect objects, prepositional objects."""
    found: list[tuple[str | None, Token]] = []
    if depth > MAX_CLAUSE_DEPTH:
        return found
    for obj in _conj_expand(_children(verb, OBJECT_DEPS)):
        if obj.dep_ == "dative" and obj.pos_ == "ADP":
            # "gives equipment to Nicaragua": spaCy hangs the "to" phrase as a dative
            found.extend(("to", o) for o in obj.children if o.dep_ == "pobj")
            continue
        found.append((None, obj))
        inners = prep_objects(obj)
        if obj.lemma_.lower() in APPEAL_NOUNS:
            # "rejected a call from Bush for the movement to disarm": whoever made the
            # request, offer or demand is who it is rejected or granted to
            inners.sort(key=lambda pair: pair[0] not in ("from", "by"))
        for prep, inner in inners:  # "an invitation to Petro", "sanctions on X"
            found.append((prep, inner))
            if prep == "of":  # "a team of experts to Iran"
                found.extend(prep_objects(inner))
        for participle in _children(obj, frozenset({"acl"})):
            found.extend(prep_objects(participle))  # "restrictions imposed on Olmert"
        for child in obj.children:
            if child.dep_ == "poss":  # "criticized Washington's policy"
                found.append(("poss", child))
    for prep, obj in prep_objects(verb):
        found.append((prep, obj))
        # "to the peacekeeping force in South Sudan", "toward the border of Ukraine"
        # "responded to a request from X": as for an object, whoever made it
        deeper = (
            ("in", "of", "against", "from", "by")
            if obj.lemma_.lower() in APPEAL_NOUNS
            else ("in", "of", "against")
        )
        found.extend(
            (inner, place)
            for inner, place in prep_objects(obj)
            if inner in deeper  # "called for sanctions against X"
        )
    for xcomp in _children(verb, frozenset({"xcomp"})):
        found.extend(_targets_of_verb(xcomp, depth + 1))  # "threatened to impose sanctions on X"
    for clause in _children(verb, frozenset({"advcl"})):
        # "will not end the strike until the authorities meet its demands": whoever must
        # act first is who the refusal is aimed at
        if any(c.dep_ == "mark" and c.lower_ in WAITING_MARKS for c in clause.children):
            found.extend((None, s) for s in _conj_expand(_children(clause, SUBJECT_DEPS)))
    if verb.lemma_.lower() in TRANSFER_VERBS - SENDING_VERBS:
        # "gave 350 million euros to promote development in Ethiopia": the gift goes to
        # whom its purpose serves (troops sent may be sent to help X or to fight X)
        for purpose in verb.children:
            own_subject = any(c.dep_ in SUBJECT_DEPS for c in purpose.children)
            if purpose.dep_ == "advcl" and is_purpose(purpose) and not own_subject:
                found.extend(_targets_of_verb(purpose, depth + 1))
    for clause in _verdicts(verb):
        found.extend((None, s) for s in clause.children if s.dep_ in ("nsubj", "nsubjpass"))
    if verb.lemma_.lower() in DEMANDING_VERBS | PERMITTING_VERBS:
        # "demanded that Dbeibeh appear": the one the demand is made of; "allowed the Red
        # Cross to deliver food": the one let act
        for clause in _children(verb, frozenset({"ccomp"})):
            found.extend((None, s) for s in _children(clause, SUBJECT_DEPS))
    return found


def _verdicts(verb: Token) -> list[Token]:
    """ "found X guilty", "declared Y responsible": the adjective of a small clause whose
    subject is who the verdict falls on."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("ccomp", "xcomp", "acomp") and c.pos_ == "ADJ" and c.lower_ in VERDICTS
    ]


def _has_complement(verb: Token) -> bool:
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)


def verb_candidates(verb: Token) -> Iterator[Candidate]:
    """Candidates whose predicate is ``verb``."""
    if (commits(verb) or verb.lemma_.lower() in ENACTING_VERBS) and _has_complement(verb):
        # "agreed to share": the complement "share" is the event, as a promise; "decided to
        # lift": the complement is the event, as done. The party agreed *with* is its target
        # before the complement's own objects ("agreed with Cuba to repatriate migrants").
        partners = [o for p, o in prep_objects(verb) if p == "with"]
        if partners:
            complement = next(c for c in verb.children if c.dep_ == "xcomp")
            inner = verb_predicate(complement)
            for source in subjects(verb)[0]:
                for partner in partners:
                    yield Candidate(source, partner, replace(inner, head=complement), "with")
        return
    subs, passive = subjects(verb)
    predicate = verb_predicate(verb)
    if passive:
        # no "by" phrase: no known source, unless the place one is sent away from acts
        # ("two inspectors were expelled from North Korea")
        by = agents(verb)
        for source in by or _expelling_place(verb):
            for target in subs:
                yield Candidate(source, target, predicate)
        if not by:
            for source in _place_of_act(verb):
                for target in subs:
                    yield Candidate(source, target, predicate, implied_source=True)
        return
    targets = _targets_of_verb(verb)
    lemma = verb.lemma_.lower()
    if lemma in TOPIC_VERBS:
        # "discussed Libya with Trump": the object is the topic, the "with" party the target
        targets.sort(key=lambda pair: pair[0] != "with")
    elif lemma in TRANSFER_VERBS:
        targets.sort(key=_recipient_rank)
    # "Colombia and Peru agreed (to a trade deal)", "India and Pakistan agreed to a ceasefire
    # in Kashmir": coordinated subjects act toward each other (kept by the coder only for
    # symmetric actions: agreeing, meeting, cooperating), before places and topics; after
    # the other targets, and only when none of them answered, when a party is the object
    # ("Peru and Chile accused Bolivia") or the one dealt with
    coordinated = len(subs) > 1
    party_object = any(
        (prep is None and t.pos_ in ("PROPN", "PRON")) or prep == "with" for prep, t in targets
    )
    if coordinated and not party_object:
        yield from _reciprocal(subs, predicate, last_resort=False)
    for source in subs:
        for prep, target in targets:
            if target.i != source.i:
                yield Candidate(source, target, predicate, target_prep=prep)
    if coordinated and party_object:
        yield from _reciprocal(subs, predicate, last_resort=True)


# what contributions go through on their way to a country: "troops to the UN force in X"
VEHICLE_NOUNS = frozenset(
    {"force", "mission", "operation", "plan", "effort", "programme", "program", "fund"}
)


def _recipient_rank(pair: tuple[str | None, Token]) -> int:
    """Order of a handing-over verb's targets: the country a force or mission serves ("sent
    troops to the UN force in South Sudan"), then whom it goes to, then the rest."""
    prep, target = pair
    via = target.head.head  # "in" -> "force"
    if (
        prep == "in"
        and via.lemma_.lower() in VEHICLE_NOUNS
        and via.dep_ == "pobj"
        and via.head.lower_ in RECIPIENT_PREPS
    ):
        return 0
    return 1 if prep in RECIPIENT_PREPS else 2


def _reciprocal(
    subs: list[Token], predicate: Predicate, *, last_resort: bool
) -> Iterator[Candidate]:
    for source in subs:
        for other in subs:
            if other.i != source.i:
                yield Candidate(
                    source, other, predicate, "with", reciprocal=True, last_resort=last_resort
                )


VERDICTS = frozenset({"guilty", "liable", "responsible", "innocent"})
# "failed to reach agreement" negates its complement like "did not reach agreement"
FAIL_VERBS = frozenset({"fail", "refuse", "decline"})
JOINT_VERBS = frozenset({"agree", "sign", "conclude", "reach", "hold", "negotiate", "discuss"})


def _joint_action(verb: Token, targets: list[tuple[str | None, Token]]) -> bool:
    """ "X and Y signed a deal", "agreed on a text": a joint act whose object is no party."""
    return verb.lemma_.lower() in JOINT_VERBS and all(
        t.pos_ not in ("PROPN", "PRON") for _, t in targets
    )


def noun_predicate(noun: Token) -> Predicate:
    """An event noun as a predicate ("invitation", "sanctions", "talks")."""
    modality, negated = inherited_mood(noun)
    return Predicate(
        head=noun,
        lemma=noun.lemma_.lower(),
        prepositions=tuple(c.lower_ for c in noun.children if c.dep_ == "prep"),
        nominal=True,
        negated=negated,
        modality=modality,
        obliged_clause=obliging_clause(noun),
    )


def noun_candidates(noun: Token) -> Iterator[Candidate]:
    """Nominal events with a possessive source: "Trump's invitation to Petro"."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:
        return
    predicate = noun_predicate(noun)
    for source in _conj_expand(owners):
        for prep, target in prep_objects(noun):
            yield Candidate(source, target, predicate, target_prep=prep)


SPEECH_VERBS = frozenset(
    {"say", "state", "claim", "allege", "announce", "insist", "tell", "declare", "charge", "assert"}
)
BLAME_WORDS = frozenset({"responsible", "guilty", "culpable", "behind", "blame", "liable"})


def blame_candidates(verb: Token) -> Iterator[Candidate]:
    """ "X said Y was responsible (for ...)": X accuses Y."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return
    speakers, _ = subjects(verb)
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        blamed = _children(clause, SUBJECT_DEPS)
        words = {c.lemma_.lower() for c in clause.children if c.dep_ in ("acomp", "attr", "prep")}
        if clause.lemma_.lower() == "be" and blamed and words & BLAME_WORDS:
            predicate = Predicate(head=clause, lemma="accuse", nominal=False)
            for speaker in speakers:
                for target in _conj_expand(blamed):
                    yield Candidate(speaker, target, predicate)


def obligation_candidates(verb: Token) -> Iterator[Candidate]:
    """ "Brazil said Argentina must end its tariffs": Brazil demands it of Argentina.

    The action of the "must"/"should" clause first (the coder turns it into the matching
    demand); a plain demand after it, for clauses whose verb codes nothing ("must be ready to
    mediate")."""
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return
    speakers, _ = subjects(verb)
    for clause in _children(verb, frozenset({"ccomp"})):
        if obliging_clause(clause) is not clause:
            continue
        obliged = _conj_expand(_children(clause, SUBJECT_DEPS))
        demand = Predicate(head=clause, lemma="demand", obliged_clause=clause)
        for speaker in speakers:
            for target in obliged:
                if target.lower_ not in SPEAKER_PRONOUNS:  # "said it must": its own duty
                    yield Candidate(speaker, target, verb_predicate(clause))
                    yield Candidate(speaker, target, demand)


def sentence_candidates(sentence: Span) -> list[Candidate]:
    """All candidates of a sentence, in the order of their predicates."""
    found: list[Candidate] = []
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            found.extend(verb_candidates(token))
            found.extend(blame_candidates(token))
            found.extend(obligation_candidates(token))
        elif token.pos_ == "NOUN":
            found.extend(noun_candidates(token))
    return found


SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she"})


def reported_speaker(head: Token) -> Token | None:
    """For "X says it/they ...", the speaker X that the pronoun stands for."""
    if head.lower_ not in SPEAKER_PRONOUNS or head.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = head.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    speakers = [c for c in clause.head.children if c.dep_ == "nsubj"]
    return speakers[0] if speakers and speakers[0].lower_ not in SPEAKER_PRONOUNS else None
