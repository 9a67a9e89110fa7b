"""Measure the coder against gold-standard files: ``toneshift eval`` as a library.

>>> from toneshift.evaluation import evaluate          # doctest: +SKIP
>>> result = evaluate("plover_dev.tsv", mode="pair")    # doctest: +SKIP
>>> result.scores.classification["plover"].accuracy     # doctest: +SKIP

Readers (``gold*``) turn every supported file into a :class:`GoldSet`; :mod:`.metrics` scores
contract output the way ``shared/eval/score_events.py`` does; :mod:`.runner` runs the coder;
:mod:`.report` renders text, Markdown and HTML.
"""

from __future__ import annotations

from toneshift.evaluation.gold import (
    FORMATS,
    GoldActor,
    GoldEvent,
    GoldSentence,
    GoldSet,
    Unreadable,
    detect_format,
    read_gold,
)
from toneshift.evaluation.metrics import (
    ActorScores,
    ClassScores,
    OpenScores,
    actor_resolution,
    classification,
    open_scores,
)
from toneshift.evaluation.report import render, render_html, render_markdown, render_text
from toneshift.evaluation.runner import MODES, EvalResult, Scores, build_requests, evaluate, score

__all__ = [
    "FORMATS",
    "MODES",
    "ActorScores",
    "ClassScores",
    "EvalResult",
    "GoldActor",
    "GoldEvent",
    "GoldSentence",
    "GoldSet",
    "OpenScores",
    "Scores",
    "Unreadable",
    "actor_resolution",
    "build_requests",
    "classification",
    "detect_format",
    "evaluate",
    "open_scores",
    "read_gold",
    "render",
    "render_html",
    "render_markdown",
    "render_text",
    "score",
]
