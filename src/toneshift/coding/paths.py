"""Predicates that link two given words of a parse (pair mode, and open mode's rescue).

Given a source and a target token, the candidates are tried in order: an extracted candidate
between them (a pronoun of reported speech standing for its speaker), then the verb that
governs both, then the other predicates on the dependency path, nearest the target first, then
the rest of the sentence by distance. Purpose clauses of giving verbs come last.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from toneshift.coding.extract import (
    Candidate,
    commits,
    is_purpose,
    noun_predicate,
    reported_speaker,
    sentence_candidates,
    verb_predicate,
)

# verbs of giving whose purpose clause ("to help", "to support") is not the act itself
GIVING = frozenset(
    {"give", "provide", "donate", "contribute", "allocate", "grant", "deliver", "supply", "spend"}
)


def _ancestors(token: Token) -> list[Token]:
    # spaCy makes a new Token object on every access: compare positions, not identity
    chain = [token]
    while chain[-1].head.i != chain[-1].i and len(chain) <= len(token.doc):
        chain.append(chain[-1].head)
    return chain


def path_predicates(source: Token, target: Token) -> list[Token]:
    """Verbs and nouns on the dependency path between target and source: the common ancestor
    first when it is a verb, then the target side, then the source side."""
    up_t, up_s = _ancestors(target), _ancestors(source)
    common = next((t for t in up_t if t in up_s), up_t[-1])
    t_side = up_t[: up_t.index(common) + 1]
    s_side = up_s[: up_s.index(common)] if common in up_s else []
    path = t_side[1:] + list(reversed(s_side[1:]))
    if common.pos_ in ("VERB", "AUX") and common in path:
        # the verb that governs both actors links them ("X welcomed Y's invitation": X
        # welcomed, not Y invited)
        path.remove(common)
        path.insert(0, common)
    return [t for t in path if t.pos_ in ("VERB", "AUX", "NOUN")]


def _by_distance(sentence: Span, target: Token) -> Iterator[Token]:
    """Verbs of the sentence nearest the target first, then its nouns likewise."""
    for pos in ("VERB", "NOUN"):
        predicates = [t for t in sentence if t.pos_ == pos and t.dep_ != "aux"]
        yield from sorted(predicates, key=lambda t: abs(t.i - target.i))


def pair_candidates(sentence: Span, source: Token, target: Token) -> Iterator[Candidate]:
    """Candidates for how ``source`` acted toward ``target``, best first."""
    s_inside = set(source.subtree)
    t_inside = set(target.subtree)
    purposes: list[Candidate] = []
    for cand in sentence_candidates(sentence):
        speaker = reported_speaker(cand.source)  # "X said they support ...": they = X
        if (cand.source in s_inside or speaker in s_inside) and cand.target in t_inside:
            if is_purpose(cand.predicate.head) and cand.predicate.head.head.lemma_ in GIVING:
                # "gave 300 million euros to promote investment in Ethiopia": the giving is
                # the act toward Ethiopia; the purpose only when the main verb says nothing
                purposes.append(cand)
            else:
                yield cand
    for token in [*path_predicates(source, target), *_by_distance(sentence, target)]:
        if token.pos_ == "NOUN":
            yield Candidate(source, target, noun_predicate(token))
            continue
        complement = _complement(token)
        if complement is not None:  # "agreed to share": the promise of sharing
            yield Candidate(source, target, verb_predicate(complement))
        yield Candidate(source, target, verb_predicate(token))
    yield from purposes


def one_sided_candidates(sentence: Span, anchor: Token) -> Iterator[Candidate]:
    """Predicates for an action of which only one side is named: the verbs that govern the
    named side, nearest first, then the sentence's predicates by distance."""
    governing = [t for t in _ancestors(anchor)[1:] if t.pos_ in ("VERB", "AUX")]
    for token in [*governing, *_by_distance(sentence, anchor)]:
        if token.pos_ == "NOUN":
            yield Candidate(anchor, anchor, noun_predicate(token))
            continue
        complement = _complement(token)
        if complement is not None:
            yield Candidate(anchor, anchor, verb_predicate(complement))
        yield Candidate(anchor, anchor, verb_predicate(token))


def _complement(token: Token) -> Token | None:
    if not commits(token):
        return None
    return next(
        (c for c in token.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None
    )
