"""Known turns in the real ICEWS data (needs ../shared and toneshift.ingest; skipped otherwise).

A turn is found when a shift in either direction of the dyad has the listed direction within
±1 month (±1 quarter when the dyad is too sparse for a monthly series).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest

from toneshift.analytics.changepoints import detect_shifts
from toneshift.errors import AnalyticsError
from toneshift.store import DuckDBStore

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def known_and_stores(
    shared: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[list[dict[str, str]], dict[str, DuckDBStore]]:
    ingest = pytest.importorskip("toneshift.ingest", reason="toneshift.ingest not available")
    with open(shared / "data" / "events" / "known_shifts.csv", encoding="utf-8") as fh:
        known = list(csv.DictReader(fh))
    tmp = tmp_path_factory.mktemp("icews")
    stores = {}
    for name in sorted({row["dataset"] for row in known}):
        store = DuckDBStore.open(tmp / f"{name}.duckdb")
        src = shared / "data" / "events" / "icews" / f"{name}.tsv.gz"
        ingest.ingest_paths(store, [src], fmt="icews_decoded", now=dt.datetime.now(dt.UTC))
        stores[name] = store
    return known, stores


def _found(store: DuckDBStore, row: dict[str, str]) -> bool:
    want = dt.date.fromisoformat(row["month"] + "-01")
    for freq, margin in (("month", 1), ("quarter", 3)):
        try:
            shifts = detect_shifts(store.con, row["actor_a"], row["actor_b"], freq=freq)
        except AnalyticsError:
            continue
        return any(
            s.direction == row["direction"]
            and abs((s.date.year - want.year) * 12 + s.date.month - want.month) <= margin
            for s in shifts
        )
    return False


def test_known_turns_are_found(
    known_and_stores: tuple[list[dict[str, str]], dict[str, DuckDBStore]],
) -> None:
    known, stores = known_and_stores
    missed = [r for r in known if not _found(stores[r["dataset"]], r)]
    assert not missed, f"missed known turns: {missed}"


def test_quiet_real_dyad_is_refused_not_invented(
    known_and_stores: tuple[list[dict[str, str]], dict[str, DuckDBStore]],
) -> None:
    _, stores = known_and_stores
    with pytest.raises(AnalyticsError, match="not enough data"):
        detect_shifts(stores["icews18_decoded"].con, "TUV", "ISL")
