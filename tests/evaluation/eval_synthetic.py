"""Synthetic coder output with known properties, for scoring tests (no coder needed)."""

from __future__ import annotations

import random
from typing import Any

from toneshift.evaluation import GoldSet

OTHER = ["ACCUSE", "AGREE", "CONCEDE", "RETREAT", "ASSAULT", "", "CONSULT"]


def _event(source: str | None, target: str | None, plover: str) -> dict[str, Any]:
    return {"source": {"text": source, "code": None}, "target": {"text": target, "code": None},
            "cameo": "", "plover": plover}  # fmt: skip


def _guess(rng: random.Random, gold_root: str) -> str:
    if gold_root == "YIELD" and rng.random() < 0.5:
        return rng.choice(["CONCEDE", "RETREAT"])  # both count as YIELD
    return gold_root if rng.random() < 0.6 else rng.choice(OTHER)


def pair_output(gold: GoldSet, seed: int = 7) -> list[dict[str, Any]]:
    """One answer per gold pair: right, wrong, empty, or a non-matching event listed first."""
    rng, out = random.Random(seed), []
    for sentence in gold.sentences:
        for e in sentence.events:
            roll, guess = rng.random(), _guess(rng, e.plover or "")
            if roll < 0.1:
                events = []
            elif roll < 0.25:
                events = [_event("Nobody", "Nothing", "ASSAULT"),
                          _event(e.source_text, e.target_text, guess)]  # fmt: skip
            elif roll < 0.35:
                events = [_event("Nobody", "Nothing", guess)]  # no overlap: the first is taken
            else:
                events = [_event(e.source_text, e.target_text, guess)]
            out.append({"id": e.id, "events": events})
    return out


def open_output(gold: GoldSet, seed: int = 11) -> list[dict[str, Any]]:
    """One answer per sentence: some gold events found (right or wrong root), some spurious."""
    rng, out = random.Random(seed), []
    for sentence in gold.sentences:
        events = []
        for e in sentence.events:
            roll = rng.random()
            if roll < 0.5:
                events.append(_event(e.source_text, e.target_text, _guess(rng, e.plover or "")))
            elif roll < 0.65:
                events.append(_event(e.target_text, e.source_text, e.plover or ""))  # swapped
        if rng.random() < 0.3:
            events.append(_event("the spokesman", "a crowd", "PROTEST"))
        out.append({"id": sentence.id, "events": events})
    return out
