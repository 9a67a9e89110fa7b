"""Run the coder over a gold file through the JSONL contract and score what it says.

:func:`evaluate` is the one call: read the gold (any format), build contract requests for the
mode, code them with :func:`toneshift.coding.contract.code_requests`, time it and score.
:func:`score` is the pure half, usable on any coder's JSONL output.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from toneshift.errors import InputError
from toneshift.evaluation.gold import GoldActor, GoldEvent, GoldSet, read_gold
from toneshift.evaluation.metrics import (
    LABELERS,
    ActorScores,
    ClassScores,
    OpenScores,
    actor_resolution,
    choose_pair_event,
    classification,
    open_scores,
    root,
)

if TYPE_CHECKING:
    from toneshift.coding.coder import Coder
    from toneshift.coding.contract import CodingRequest

__all__ = ["MODES", "EvalResult", "Scores", "build_requests", "evaluate", "resolve_mode", "score"]

MODES = ("pair", "open", "auto")
Predictions = Mapping[str, Sequence[Mapping[str, Any]]]


@dataclass(frozen=True)
class Scores:
    """Everything measured on one gold set in one mode (each part None when not applicable)."""

    mode: str
    n_inputs: int
    missing: int
    skipped: int = 0
    classification: dict[str, ClassScores] = field(default_factory=dict)
    open: OpenScores | None = None
    actors: ActorScores | None = None


@dataclass(frozen=True)
class EvalResult:
    """Scores plus where they came from and how fast the coder was."""

    gold: GoldSet
    scores: Scores
    seconds: float

    @property
    def sentences_per_second(self) -> float:
        """Coder inputs answered per second (parsing included)."""
        return self.scores.n_inputs / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """One JSON-ready object for machines."""
        s = self.scores
        return {
            "gold": self.gold.path,
            "format": self.gold.format,
            "mode": s.mode,
            "n_sentences": len(self.gold.sentences),
            "n_inputs": s.n_inputs,
            "missing": s.missing,
            "skipped": s.skipped,
            "unreadable": [{"line": u.line, "reason": u.reason} for u in self.gold.unreadable],
            "repaired_records": self.gold.repaired,
            "classification": {k: v.to_dict() for k, v in s.classification.items()},
            "open": s.open.to_dict() if s.open else None,
            "actors": s.actors.to_dict() if s.actors and s.actors.n else None,
            "seconds": round(self.seconds, 3),
            "sentences_per_second": round(self.sentences_per_second, 2),
        }


def resolve_mode(gold: GoldSet, mode: str) -> str:
    """``auto`` → the gold's default; ``pair`` on gold without actor words is an InputError."""
    if mode not in MODES:
        raise InputError(f"--mode: {mode!r} is not one of {', '.join(MODES)}")
    if mode == "auto":
        return gold.default_mode
    if mode == "pair" and not any(e.has_texts for s in gold.sentences for e in s.events):
        raise InputError(
            f"{gold.path}: pair mode needs source and target words; this "
            f"{gold.format} file has none (use --mode open)"
        )
    return mode


def _pair_events(gold: GoldSet) -> list[tuple[GoldEvent, Any]]:
    return [(e, s) for s in gold.sentences for e in s.events if e.has_texts]


def build_requests(gold: GoldSet, mode: str) -> list[CodingRequest]:
    """Contract requests: one per gold pair (pair mode) or per sentence (open mode)."""
    from toneshift.coding.contract import CodingRequest

    if mode == "pair":
        return [
            CodingRequest(e.id, s.text, s.date, e.source_text, e.target_text)
            for e, s in _pair_events(gold)
        ]
    return [CodingRequest(s.id, s.text, s.date) for s in gold.sentences]


def score(gold: GoldSet, mode: str, predictions: Predictions) -> Scores:
    """Score contract output (id → events) against ``gold`` in ``pair`` or ``open`` mode."""
    if mode == "pair":
        return _score_pair(gold, predictions)
    return _score_open(gold, predictions)


def _score_pair(gold: GoldSet, predictions: Predictions) -> Scores:
    pairs, actor_items = [], []
    items = _pair_events(gold)
    for event, _ in items:
        chosen = choose_pair_event(event, predictions.get(event.id, []))
        pairs.append((root(event.plover), root(chosen.get("plover"))))
        for key, actors in (("source", event.source), ("target", event.target)):
            side = chosen.get(key) or {}
            actor_items.append((actors, [(side.get("text"), side.get("code"))] if side else []))
    n_events = sum(len(s.events) for s in gold.sentences)
    return Scores(
        mode="pair",
        n_inputs=len(items),
        missing=sum(1 for e, _ in items if not predictions.get(e.id)),
        skipped=n_events - len(items),
        classification={"plover": classification(pairs)},
        actors=actor_resolution(actor_items),
    )


def _score_open(gold: GoldSet, predictions: Predictions) -> Scores:
    labelled: dict[str, list[tuple[str, str]]] = {}
    open_items, actor_items = [], []
    for sentence in gold.sentences:
        events = predictions.get(sentence.id, [])
        for scheme, label in sentence.labels.items():
            gold_label = root(label) if scheme == "plover" else label
            labelled.setdefault(scheme, []).append((gold_label, LABELERS[scheme](events)))
        open_items.append((sentence.events, events))
        actor_items.append((_gold_actors(sentence.events), _predicted_actors(events)))
    scored = open_scores(open_items)
    return Scores(
        mode="open",
        n_inputs=len(gold.sentences),
        missing=sum(1 for s in gold.sentences if not predictions.get(s.id)),
        classification={k: classification(v) for k, v in labelled.items()},
        open=scored if scored.n_gold else None,
        actors=actor_resolution(actor_items),
    )


def _gold_actors(events: Iterable[GoldEvent]) -> list[GoldActor]:
    return list(dict.fromkeys(a for e in events for a in e.source + e.target))


def _predicted_actors(events: Sequence[Mapping[str, Any]]) -> list[tuple[str | None, str | None]]:
    found = []
    for event in events:
        for key in ("source", "target"):
            side = event.get(key)
            if isinstance(side, Mapping):
                found.append((side.get("text"), side.get("code")))
    return found


def evaluate(
    path: str | Path,
    *,
    mode: str = "auto",
    limit: int | None = None,
    coder: Coder | None = None,
    clock: Callable[[], float] = time.perf_counter,
    processes: int = 1,
) -> EvalResult:
    """Read ``path``, code its sentences with ``coder`` (default: ``Coder.default()``) in
    ``processes`` workers (0 = one per core), and score."""
    from toneshift.coding.contract import code_requests

    gold = read_gold(path).limited(limit)
    chosen = resolve_mode(gold, mode)
    requests = build_requests(gold, chosen)
    if coder is None:
        from toneshift.coding.coder import Coder

        coder = Coder.default()
    start = clock()
    answers = code_requests(coder, requests, processes=processes)
    predictions = {answer["id"]: answer["events"] for answer in answers}
    seconds = clock() - start
    return EvalResult(gold, score(gold, chosen, predictions), seconds)
