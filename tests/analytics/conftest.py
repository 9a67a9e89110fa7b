"""Fixtures for analytics tests: an in-memory store with hand-made and planted events."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from toneshift.analytics.synthetic import planted_events, planted_series
from toneshift.store import DuckDBStore

SHARED = Path(
    os.environ.get("TONESHIFT_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared")
)


def _ev(i: int, day: dt.date, src: str, tgt: str, quad: int, gold: float, **extra: object) -> dict:
    """One event row with the fields analytics reads."""
    row: dict[str, object] = {
        "event_id": f"t:{i}",
        "dataset": "t",
        "event_date": day,
        "source_code": src,
        "source_country": src[:3],
        "target_code": tgt,
        "target_country": tgt[:3],
        "quad_class": quad,
        "goldstein": gold,
        "cameo": extra.pop("cameo", "010"),
    }
    row["cameo_root"] = str(row["cameo"])[:2]
    row.update(extra)
    return row


@pytest.fixture
def ev() -> Callable[..., dict]:
    """Factory of event rows: ``ev(i, date, source, target, quad, goldstein, **more)``."""
    return _ev


@pytest.fixture
def store() -> Iterator[DuckDBStore]:
    """An empty in-memory store."""
    s = DuckDBStore.open(":memory:")
    yield s
    s.close()


@pytest.fixture
def planted_store(store: DuckDBStore) -> tuple[DuckDBStore, tuple[int, ...]]:
    """USA->COL events over 60 months with two planted breaks (months 23 and 36)."""
    series = planted_series(np.random.default_rng(1), n=60, n_breaks=2)
    store.insert_event_rows(
        planted_events(np.random.default_rng(2), series, source="USAGOV", target="COL")
    )
    return store, series.breaks


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder; skips the test when it is absent."""
    if not (SHARED / "data" / "events").exists():
        pytest.skip(f"shared data not found at {SHARED}: set TONESHIFT_SHARED")
    return SHARED
