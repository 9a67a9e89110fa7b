"""Pair mode: the actors are given; say how the source acted toward the target.

The given source and target words are found in the parse; the coder then prefers, in order,
(1) an extracted candidate whose source and target fall inside them, (2) the predicates on the
dependency path between the two, nearest the target first, (3) any predicate of the sentence,
nearest the target first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from toneshift.coding.coder import ArticleMemory, Coder, SentenceContext, reported_speaker
from toneshift.coding.extract import (
    Candidate,
    commits,
    is_purpose,
    noun_predicate,
    sentence_candidates,
    verb_predicate,
)
from toneshift.models import Actor, Event

# verbs of giving whose purpose clause ("to help", "to support") is not the act itself
GIVING = frozenset(
    {"give", "provide", "donate", "contribute", "allocate", "grant", "deliver", "supply", "spend"}
)


def find_tokens(doc: Doc, words: str) -> list[Token]:
    """Tokens covered by the first case-insensitive occurrence of ``words`` in the doc."""
    start = doc.text.lower().find(words.strip().lower())
    if start < 0 or not words.strip():
        return []
    end = start + len(words.strip())
    return [t for t in doc if t.idx < end and t.idx + len(t) > start]


def _head(tokens: list[Token]) -> Token | None:
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else None


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


def _pair_candidates(sentence: Span, source: Token, target: Token) -> Iterator[Candidate]:
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


def _one_sided_candidates(sentence: Span, anchor: Token) -> Iterator[Candidate]:
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


def code_pair(
    coder: Coder,
    text: str,
    source_text: str,
    target_text: str,
    *,
    date: dt.date | None,
    doc: Doc | None = None,
) -> Event | None:
    """The coder's answer for how ``source_text`` acted toward ``target_text`` in ``text``
    (``doc``: the text already parsed, when the caller batches parsing)."""
    doc = doc if doc is not None else coder.nlp(text)
    s_head, t_head = _head(find_tokens(doc, source_text)), _head(find_tokens(doc, target_text))
    if s_head is None and t_head is None:
        return None
    memory = ArticleMemory(coder.actors.document_resolver(date))
    source = memory.resolve(source_text) or Actor(text=source_text)
    target = memory.resolve(target_text) or Actor(text=target_text)
    context = SentenceContext(doc[:], date, 0, None)
    if s_head is None or t_head is None:
        # one side is not in the text (a placeholder such as "a recipient"): the action is
        # the one the named side takes part in
        anchor = s_head if s_head is not None else t_head
        assert anchor is not None
        candidates = _one_sided_candidates(doc[:], anchor)
    else:
        candidates = _pair_candidates(doc[:], s_head, t_head)
    for candidate in candidates:
        match = coder.classify(candidate.predicate)
        if match is None or not coder_type_is_event(match.cameo):
            continue
        event = coder.build_event(candidate, match, source, target, context)
        if event is not None:
            return event
    return None


def coder_type_is_event(code: str) -> bool:
    """Bare statements (CAMEO 010–014, 017) carry no PLOVER type and are no answer."""
    from toneshift import cameo

    return bool(cameo.plover_for(code))
