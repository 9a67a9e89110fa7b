"""Change points: planted breaks are found, sparse data is refused, methods agree."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
import pytest

from toneshift.analytics.breaks import find_breaks
from toneshift.analytics.changepoints import detect_shifts, shift_records
from toneshift.analytics.confidence import block_permutation_p
from toneshift.analytics.methods import METHODS, batch_breaks, get_method
from toneshift.analytics.synthetic import planted_series, precision_recall
from toneshift.errors import AnalyticsError, InputError
from toneshift.store import DuckDBStore


@pytest.mark.parametrize("method", ["pelt", "binseg"])
def test_precision_recall_on_planted_series(method: str) -> None:
    hits = found = true = 0
    for seed in range(60):
        s = planted_series(np.random.default_rng(seed))
        h, f, t = precision_recall(s.breaks, find_breaks(s.y, s.events, method=method))
        hits, found, true = hits + h, found + f, true + t
    assert hits / found >= 0.9 and hits / true >= 0.9


def test_batch_solver_equals_pelt() -> None:
    ys, ws, pens, expected = [], [], [], []
    from toneshift.analytics.costs import penalty, volume_weights

    for seed in range(15):
        s = planted_series(np.random.default_rng(seed), n=80)
        w = volume_weights(s.events)
        ys.append(np.nan_to_num(s.y))
        ws.append(w)
        keep = w > 0
        pens.append(penalty(s.y[keep], w[keep]))
        expected.append(find_breaks(s.y, s.events))
    got = batch_breaks(np.array(ys), np.array(ws), np.array(pens))
    for g, e, w in zip(got, expected, ws, strict=True):
        nonempty = np.flatnonzero(w > 0)
        mapped = [int(nonempty[np.searchsorted(nonempty, k)]) for k in g]
        assert mapped == e


def test_detect_shifts_finds_planted_breaks(planted_store: tuple[DuckDBStore, tuple]) -> None:
    store, breaks = planted_store
    shifts = detect_shifts(store.con, "USA", "COL", rng_seed=3)
    months = [(s.date.year - 2010) * 12 + s.date.month - 1 for s in shifts]
    assert precision_recall(breaks, months)[0] == len(breaks) == len(shifts)
    for s in shifts:
        assert s.direction == ("warming" if s.goldstein_after > s.goldstein_before else "cooling")
        assert s.confidence >= 0.95 and s.events_before > 0 and s.events_after > 0
    again = shift_records(store.con, "USA", "COL", rng_seed=3)
    assert [r["confidence"] for r in again] == [s.confidence for s in shifts]
    assert again[0]["date"].endswith("-01")


def test_flat_series_has_no_shift(store: DuckDBStore) -> None:
    s = planted_series(np.random.default_rng(5), n_breaks=0)
    assert find_breaks(s.y, s.events) == []


def test_sparse_dyad_raises(store: DuckDBStore, ev: Callable[..., dict]) -> None:
    store.insert_event_rows(
        [ev(i, dt.date(2014, 1, 1 + i), "USA", "VEN", 3, -2.0) for i in range(9)]
    )
    with pytest.raises(AnalyticsError, match="not enough data"):
        detect_shifts(store.con, "USA", "VEN")


def test_registry_and_unknown_method() -> None:
    assert {"pelt", "binseg", "window"} <= set(METHODS)
    with pytest.raises(InputError):
        get_method("nope")


def test_permutation_p_is_seeded_and_sensible() -> None:
    rng = np.random.default_rng(0)
    day = np.repeat(np.arange(40), 5)
    after = day >= 20
    shifted = np.where(after, 3.0, 0.0) + rng.normal(0, 1, day.size)
    p1 = block_permutation_p(day, shifted, after, np.random.default_rng(1))
    p2 = block_permutation_p(day, shifted, after, np.random.default_rng(1))
    assert p1 == p2 and p1 < 0.01
    same = rng.normal(0, 1, day.size)
    assert block_permutation_p(day, same, after, np.random.default_rng(1)) > 0.01
