"""Pair mode: the actors are given; say how the source acted toward the target.

The given source and target words are found in the parse; the coder then prefers, in order,
(1) an extracted candidate whose source and target fall inside them, (2) the predicates on the
dependency path between the two, nearest the target first, (3) any predicate of the sentence,
nearest the target first.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from toneshift.coding.coder import ArticleMemory, Coder, SentenceContext
from toneshift.coding.paths import one_sided_candidates, pair_candidates
from toneshift.models import Actor, Event


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
        candidates = one_sided_candidates(doc[:], anchor)
    else:
        candidates = pair_candidates(doc[:], s_head, t_head)
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
