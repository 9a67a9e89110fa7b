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
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

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
MODAL_FUTURE = frozenset({"will", "would", "shall", "may", "might", "could", "should", "can"})
INTENT_VERBS = frozenset(
    {"plan", "expect", "intend", "hope", "aim", "seek", "want", "try", "prepare"}
)


@dataclass(frozen=True)
class Predicate:
    """The action of a candidate event: its head word and the words that refine it."""

    head: Token
    lemma: str
    object_words: tuple[str, ...] = ()
    particle: str | None = None
    prepositions: tuple[str, ...] = ()
    complement: str | None = None
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


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subjects of a verb, inherited through coordination and control; True when passive."""
    active = _children(verb, SUBJECT_DEPS)
    passive = _children(verb, PASSIVE_SUBJECT_DEPS)
    if active or passive:
        return _conj_expand(active or passive), bool(passive) and not active
    if verb.dep_ in ("conj", "xcomp", "advcl", "acl") and verb.head.i != verb.i:
        inherited, was_passive = subjects(verb.head)
        return inherited, was_passive and verb.dep_ == "conj"
    return [], False


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
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            for obj in _conj_expand(_children(child, frozenset({"pobj"}))):
                pairs.append((child.lower_, obj))
    return pairs


def _object_words(objects: list[Token]) -> tuple[str, ...]:
    words: list[str] = []
    for obj in objects:
        words.append(obj.lemma_.lower())
        words.extend(c.lemma_.lower() for c in obj.children if c.dep_ in ("compound", "amod"))
    return tuple(words)


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _modality(verb: Token) -> str:
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS:
        return "intended"
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in MODAL_FUTURE for a in aux):
        return "possible"
    return "asserted"


def verb_predicate(verb: Token) -> Predicate:
    """The predicate of a verb: lemma, object words, particle, prepositions, complement."""
    objects = _children(verb, frozenset({"dobj", "attr", "oprd"}))
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    xcomp = next(
        (c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
    )
    preps = tuple(c.lower_ for c in verb.children if c.dep_ in ("prep", "agent"))
    return Predicate(
        head=verb,
        lemma=verb.lemma_.lower(),
        object_words=_object_words(objects),
        particle=particle,
        prepositions=preps,
        complement=xcomp.lemma_.lower() if xcomp is not None else None,
        negated=_negated(verb) or (verb.dep_ == "xcomp" and _negated(verb.head)),
        modality=_modality(verb),
    )


def _targets_of_verb(verb: Token) -> list[tuple[str | None, Token]]:
    """Target candidates in priority order: objects, indirect objects, prepositional objects."""
    found: list[tuple[str | None, Token]] = []
    for obj in _conj_expand(_children(verb, OBJECT_DEPS)):
        found.append((None, obj))
        found.extend(prep_objects(obj))  # "an invitation to Petro", "sanctions on Venezuela"
        for child in obj.children:
            if child.dep_ == "poss":  # "criticized Washington's policy"
                found.append(("poss", child))
    found.extend(prep_objects(verb))
    for xcomp in _children(verb, frozenset({"xcomp"})):
        found.extend(_targets_of_verb(xcomp))  # "threatened to impose sanctions on X"
    return found


def verb_candidates(verb: Token) -> Iterator[Candidate]:
    """Candidates whose predicate is ``verb``."""
    subs, passive = subjects(verb)
    predicate = verb_predicate(verb)
    if passive:
        for source in agents(verb) or [None]:
            for target in subs:
                if source is not None:
                    yield Candidate(source, target, predicate)
        return
    targets = _targets_of_verb(verb)
    for source in subs:
        for prep, target in targets:
            if target.i != source.i:
                yield Candidate(source, target, predicate, target_prep=prep)


def noun_candidates(noun: Token) -> Iterator[Candidate]:
    """Nominal events with a possessive source: "Trump's invitation to Petro"."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if not owners:
        return
    predicate = Predicate(
        head=noun,
        lemma=noun.lemma_.lower(),
        prepositions=tuple(c.lower_ for c in noun.children if c.dep_ == "prep"),
        nominal=True,
    )
    for source in _conj_expand(owners):
        for prep, target in prep_objects(noun):
            yield Candidate(source, target, predicate, target_prep=prep)


def sentence_candidates(sentence: Span) -> list[Candidate]:
    """All candidates of a sentence, in the order of their predicates."""
    found: list[Candidate] = []
    for token in sentence:
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            found.extend(verb_candidates(token))
        elif token.pos_ == "NOUN":
            found.extend(noun_candidates(token))
    return found
