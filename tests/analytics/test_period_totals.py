"""The per-period totals behind per_1000 are cached per store state, and a load invalidates them."""

from __future__ import annotations

import datetime as dt

from toneshift.analytics.series import series_records
from toneshift.store import open_store
from toneshift.store.migrations import EVENT_COLUMNS


def _rows(start: int, n: int, source: str, target: str) -> list[dict]:
    out = []
    for i in range(start, start + n):
        row = {name: None for name, _ in EVENT_COLUMNS}
        row.update(
            event_id=f"t:{i}",
            dataset="t",
            original_id=str(i),
            event_date=dt.date(2020, 1, 5),
            source_code=source,
            source_country=source,
            target_code=target,
            target_country=target,
            cameo="040",
            cameo_root="04",
            plover="CONSULT",
            quad_class=1,
            goldstein=1.0,
        )
        out.append(row)
    return out


def _per_1000(con) -> float:
    (jan,) = [r for r in series_records(con, "USA", "COL") if r["direction"] == "USA->COL"]
    return jan["per_1000"]


def test_totals_follow_the_store(tmp_path):
    store = open_store(tmp_path / "t.duckdb")
    store.insert_event_rows(_rows(0, 1, "USA", "COL") + _rows(1, 1, "PER", "CHL"))
    assert _per_1000(store.con) == 500.0
    assert _per_1000(store.con) == 500.0  # cached
    store.insert_event_rows(_rows(2, 2, "PER", "CHL"))
    assert _per_1000(store.con) == 250.0  # the load changed the totals
