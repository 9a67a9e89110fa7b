"""Synthetic dyad series with planted breaks, and the precision/recall of found breaks.

Modelled on ruptures' ``pw_constant`` and ``metrics.precision_recall``: a piecewise-constant
Goldstein level with breaks at known periods, period means observed through Poisson event
volumes (some periods empty), so a detector's answers can be scored.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from toneshift.analytics.costs import FloatArray


@dataclass(frozen=True)
class PlantedSeries:
    """A synthetic series: period means ``y``, event counts ``events`` and the true breaks."""

    y: FloatArray
    events: np.ndarray
    breaks: tuple[int, ...]


def planted_series(
    rng: np.random.Generator,
    *,
    n: int = 120,
    n_breaks: int = 3,
    min_gap: int = 12,
    jump: tuple[float, float] = (2.0, 5.0),
    event_sd: float = 4.0,
    mean_events: float = 30.0,
    empty_share: float = 0.05,
) -> PlantedSeries:
    """A piecewise-constant series with ``n_breaks`` breaks at least ``min_gap`` apart.

    Each break moves the level by ±U(jump); each period has Poisson(mean_events) events (a
    share ``empty_share`` of periods is emptied) whose scores have s.d. ``event_sd``.
    """
    breaks = _spaced_breaks(rng, n, n_breaks, min_gap)
    level = np.zeros(n)
    current = rng.uniform(-3, 3)
    edges = [0, *breaks, n]
    for lo, hi in itertools.pairwise(edges):
        level[lo:hi] = current
        current += rng.choice([-1.0, 1.0]) * rng.uniform(*jump)
    events = rng.poisson(mean_events, n)
    events[rng.random(n) < empty_share] = 0
    noise = rng.normal(0, 1, n) * event_sd / np.sqrt(np.maximum(events, 1))
    y = np.where(events > 0, level + noise, np.nan)
    return PlantedSeries(y, events, tuple(breaks))


def _spaced_breaks(rng: np.random.Generator, n: int, k: int, gap: int) -> list[int]:
    slack = n - gap * (k + 1)
    if slack < 0:
        raise ValueError("series too short for the breaks asked")
    cuts = np.sort(rng.integers(0, slack + 1, k))
    return [int(c + gap * (i + 1)) for i, c in enumerate(cuts)]


def precision_recall(
    true: Sequence[int], found: Sequence[int], margin: int = 1
) -> tuple[int, int, int]:
    """Matches within ``margin`` (each true break used once): (hits, found, true)."""
    used: set[int] = set()
    hits = 0
    for f in found:
        match = next((t for t in true if abs(t - f) <= margin and t not in used), None)
        if match is not None:
            used.add(match)
            hits += 1
    return hits, len(found), len(true)


def planted_events(
    rng: np.random.Generator,
    series: PlantedSeries,
    *,
    source: str,
    target: str,
    start: str = "2010-01-01",
    event_sd: float = 4.0,
    dataset: str = "synthetic",
) -> list[dict[str, object]]:
    """Event rows (store column names) realising ``series`` month by month from ``start``.

    Each month gets ``series.events[t]`` events on random days, Goldstein scores drawn around
    the planted level of that month (recovered from ``y``'s segments) clipped to [-10, 10].
    """
    level = _levels(series)
    months = pd.date_range(start, periods=len(series.events), freq="MS")
    month_idx = np.repeat(np.arange(len(months)), series.events)
    day = rng.integers(0, 28, month_idx.size)
    gold = np.clip(level[month_idx] + rng.normal(0, event_sd, month_idx.size), -10, 10)
    dates = months[month_idx] + pd.to_timedelta(day, unit="D")
    src, tgt = (source, target)
    return [
        {
            "event_id": f"{dataset}:{src}{tgt}{i}",
            "dataset": dataset,
            "event_date": d.date(),
            "source_code": src,
            "source_country": src[:3],
            "target_code": tgt,
            "target_country": tgt[:3],
            "goldstein": float(g),
            "quad_class": 1 if g >= 0 else 3,
            "tone": float(np.tanh(g / 10)),
        }
        for i, (d, g) in enumerate(zip(dates, gold, strict=True))
    ]


def _levels(series: PlantedSeries) -> FloatArray:
    """The planted level per period: the mean of ``y`` over each true segment."""
    edges = [0, *series.breaks, len(series.y)]
    level = np.empty(len(series.y))
    for lo, hi in itertools.pairwise(edges):
        level[lo:hi] = np.nanmean(series.y[lo:hi])
    return level
