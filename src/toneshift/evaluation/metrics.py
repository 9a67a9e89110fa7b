"""Scores for coded events against gold, written to agree with ``shared/eval/score_events.py``.

Shared rules: actor words match when their token sets (lower-case ``[a-z0-9]+`` runs, minus a
few stop words) intersect; PLOVER ``CONCEDE`` and ``RETREAT`` count as ``YIELD``; macro-F1 is
the mean F1 over the classes present in the gold. The reference scorer rounds each class's F1
to three places before averaging; these functions do not, so macro-F1 may differ from it by
less than 0.0005. Predicted events are the contract's dicts (``event_record``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from toneshift.evaluation.gold import GoldActor, GoldEvent
from toneshift.evaluation.gold_xml import cameo_root

__all__ = [
    "LABELERS",
    "ActorScores",
    "ClassScore",
    "ClassScores",
    "OpenScores",
    "actor_resolution",
    "choose_pair_event",
    "classification",
    "open_scores",
    "overlaps",
    "penta_class",
    "root",
    "tokens",
]

Prediction = Mapping[str, Any]
ALIASES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
STOP = frozenset(
    ["the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "from",
     "its", "his", "her", "their", "'s", "s"]
)  # fmt: skip
#: Last CAMEO root of each ConfliBERT class, in class order.
_PENTA_BOUNDS = ((1, "0"), (5, "1"), (8, "2"), (13, "3"), (20, "4"))
NONE = "NONE"


def root(label: str | None) -> str:
    """A PLOVER label as scored: upper case, CONCEDE/RETREAT → YIELD, ``""`` when empty."""
    label = (label or "").strip().upper()
    return ALIASES.get(label, label)


def tokens(text: str | None) -> set[str]:
    """Lower-case word tokens of ``text`` minus the stop words."""
    return {t for t in re.findall(r"[a-z0-9]+", (text or "").lower()) if t not in STOP}


def overlaps(a: str | None, b: str | None) -> bool:
    """True when the two actor texts share a token."""
    return bool(tokens(a) & tokens(b))


def side_text(event: Prediction, key: str) -> str | None:
    """The words of a predicted event's ``source`` or ``target``."""
    value = event.get(key)
    return value.get("text") if isinstance(value, Mapping) else value


def side_code(event: Prediction, key: str) -> str | None:
    """The resolved code of a predicted event's ``source`` or ``target``."""
    value = event.get(key)
    return value.get("code") if isinstance(value, Mapping) else None


def penta_class(cameo: str | None) -> str:
    """ConfliBERT's class of a CAMEO code: 0 statement (01), 1 verbal cooperation (02–05),
    2 material cooperation (06–08), 3 verbal conflict (09–13), 4 material conflict (14–20).
    No code (no event) is class 0."""
    code_root = cameo_root(cameo) if cameo else ""
    if not code_root.isdigit():
        return "0"
    number = int(code_root)
    return next((label for last, label in _PENTA_BOUNDS if number <= last), "0")


def _first(events: Sequence[Prediction]) -> Prediction:
    return events[0] if events else {}


def _label_plover(events: Sequence[Prediction]) -> str:
    return root(_first(events).get("plover")) or NONE


def _label_cameo_root(events: Sequence[Prediction]) -> str:
    code = str(_first(events).get("cameo") or "")
    return cameo_root(code) if code else NONE


def _label_penta(events: Sequence[Prediction]) -> str:
    return penta_class(_first(events).get("cameo"))


#: Sentence-level label of a prediction, by scheme: what its first event says.
LABELERS: dict[str, Callable[[Sequence[Prediction]], str]] = {
    "plover": _label_plover,
    "cameo_root": _label_cameo_root,
    "penta": _label_penta,
}


@dataclass(frozen=True)
class ClassScore:
    """Precision, recall and F1 of one class; ``n`` is its gold count."""

    precision: float
    recall: float
    f1: float
    n: int


@dataclass(frozen=True)
class ClassScores:
    """Single-label classification scores (gold label vs predicted label per item)."""

    n: int
    accuracy: float
    macro_f1: float
    per_class: dict[str, ClassScore]
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return asdict(self)


def classification(pairs: Sequence[tuple[str, str]]) -> ClassScores:
    """Accuracy, macro-F1 over gold classes, per-class scores and the confusion matrix."""
    per: dict[str, ClassScore] = {}
    for c in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        per[c] = ClassScore(prec, rec, f1, tp + fn)
    confusion: dict[str, dict[str, int]] = {}
    for (g, p), count in sorted(Counter((g, p or NONE) for g, p in pairs).items()):
        confusion.setdefault(g, {})[p] = count
    n = len(pairs)
    return ClassScores(
        n=n,
        accuracy=sum(g == p for g, p in pairs) / n if n else 0.0,
        macro_f1=sum(s.f1 for s in per.values()) / len(per) if per else 0.0,
        per_class=per,
        confusion=confusion,
    )


def choose_pair_event(gold: GoldEvent, events: Sequence[Prediction]) -> Prediction:
    """The coder's answer for a gold pair: the first event whose actors overlap, else the first."""
    match = [e for e in events if _texts_match(e, gold)]
    return (match or list(events) or [{}])[0]


def _texts_match(event: Prediction, gold: GoldEvent) -> bool:
    return overlaps(side_text(event, "source"), gold.source_text) and overlaps(
        side_text(event, "target"), gold.target_text
    )


def _country(code: str | None) -> str:
    return (code or "")[:3].upper()


def _codes_match(event: Prediction, gold: GoldEvent) -> bool:
    gs = gold.source[0].code if gold.source else None
    gt = gold.target[0].code if gold.target else None
    return (
        bool(gs and gt)
        and _country(side_code(event, "source")) == _country(gs)
        and _country(side_code(event, "target")) == _country(gt)
    )


def _open_scorable(gold: GoldEvent) -> bool:
    codes = all(a.code for a in gold.source + gold.target) and bool(gold.source and gold.target)
    return gold.has_texts or codes


def _actors_match(event: Prediction, gold: GoldEvent) -> bool:
    return _texts_match(event, gold) if gold.has_texts else _codes_match(event, gold)


def _root_match(event: Prediction, gold: GoldEvent) -> bool:
    if gold.plover is not None:
        return root(event.get("plover")) == root(gold.plover)
    return bool(gold.cameo) and cameo_root(str(event.get("cameo") or "")) == cameo_root(
        gold.cameo or ""
    )


@dataclass(frozen=True)
class OpenScores:
    """Open-mode scores: did the coder find who did what to whom.

    A gold event is recalled (``recall_full``) when one predicted event of its sentence matches
    its source and target (word overlap; for gold with codes only: same country codes) and its
    root; ``recall_actors`` ignores the root; ``actor_precision`` is the share of predicted
    events whose actors match some gold event of the sentence.
    """

    n_gold: int
    n_sentences: int
    n_predicted_events: int
    recall_full: float
    recall_actors: float
    actor_precision: float
    f1: float

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        return asdict(self)


def open_scores(items: Sequence[tuple[Sequence[GoldEvent], Sequence[Prediction]]]) -> OpenScores:
    """Score (gold events of a sentence, predicted events of it) pairs in open mode."""
    n_gold = hit_full = hit_actors = n_pred = n_pred_ok = n_sent = 0
    for gold_events, events in items:
        rows = [g for g in gold_events if _open_scorable(g)]
        if not rows:
            continue
        n_sent += 1
        n_gold += len(rows)
        n_pred += len(events)
        n_pred_ok += sum(1 for e in events if any(_actors_match(e, g) for g in rows))
        for g in rows:
            actors = [e for e in events if _actors_match(e, g)]
            hit_actors += bool(actors)
            hit_full += any(_root_match(e, g) for e in actors)
    recall = hit_full / n_gold if n_gold else 0.0
    precision = n_pred_ok / n_pred if n_pred else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return OpenScores(
        n_gold, n_sent, n_pred, recall, hit_actors / n_gold if n_gold else 0.0, precision, f1
    )


@dataclass(frozen=True)
class ActorScores:
    """Actor resolution: gold actor codes against the codes the coder gave the same actors.

    ``n`` gold actors carry a code; ``aligned`` of them had a predicted counterpart. The
    ``*_accuracy`` figures are over ``aligned``, the ``*_recall`` figures over ``n``; "country"
    compares the first three letters, "code" the full code.
    """

    n: int
    aligned: int
    country_correct: int
    code_correct: int

    @property
    def country_accuracy(self) -> float:
        """Share of aligned actors whose country part is right."""
        return self.country_correct / self.aligned if self.aligned else 0.0

    @property
    def code_accuracy(self) -> float:
        """Share of aligned actors whose full code is right."""
        return self.code_correct / self.aligned if self.aligned else 0.0

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form, with the derived rates."""
        return {
            **asdict(self),
            "country_accuracy": self.country_accuracy,
            "code_accuracy": self.code_accuracy,
            "country_recall": self.country_correct / self.n if self.n else 0.0,
            "code_recall": self.code_correct / self.n if self.n else 0.0,
        }


def actor_resolution(
    items: Sequence[tuple[Sequence[GoldActor], Sequence[tuple[str | None, str | None]]]],
) -> ActorScores:
    """Score (gold actors, predicted (text, code) actors) pairs.

    Each gold actor with a code is aligned to the predicted actors whose words overlap its
    words (any predicted actor when the gold has no words); the best of them counts (full code
    right, else country right, else the first).
    """
    n = aligned = country_ok = code_ok = 0
    for gold_actors, predicted in items:
        for actor in gold_actors:
            if not actor.code:
                continue
            n += 1
            pool = [p for p in predicted if actor.text is None or overlaps(p[0], actor.text)]
            if not pool:
                continue
            aligned += 1
            codes = [(p[1] or "").upper() for p in pool]
            code_ok += actor.code.upper() in codes
            country_ok += _country(actor.code) in {_country(c) for c in codes if c}
    return ActorScores(n, aligned, country_ok, code_ok)
