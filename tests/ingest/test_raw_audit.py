"""``raw`` keeps each GDELT row's audit fields exactly as they stand in its source line."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_support import FIX, NOW, shared_file

from toneshift.ingest import ingest_paths
from toneshift.ingest.gdelt import GDELT1_NAMES, GDELT2_NAMES, RAW_FIELDS, raw_record
from toneshift.store.duckdb_store import DuckDBStore


def _source_fields(path: Path, names: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """GLOBALEVENTID → {RAW field: text} for every line of ``path`` with a full column count."""
    out = {}
    for line in path.read_text().splitlines():
        cells = line.split("\t")
        if len(cells) in (len(names), len(names) - 1):  # GDELT 1.0 rows may lack SOURCEURL
            cells += [""] * (len(names) - len(cells))
            out[cells[0]] = {f: cells[names.index(f)] for f in RAW_FIELDS}
    return out


def _check_raw(store: DuckDBStore, path: Path, names: tuple[str, ...], dataset: str) -> int:
    source = _source_fields(path, names)
    rows = store.con.execute(
        "SELECT original_id, raw FROM events WHERE dataset = ?", [dataset]
    ).fetchall()
    assert rows
    for original_id, raw in rows:
        got, want = raw_record(raw), source[original_id]
        # AvgTone is read as a number (for ``tone``): same value, shortest exact digits.
        assert float(got.pop("AvgTone")) == float(want.pop("AvgTone"))
        assert got == want
    return len(rows)


def test_gdelt2_raw_reproduces_source_fields(store: DuckDBStore) -> None:
    path = shared_file("gdelt2/events_english_20150218.csv")
    report = ingest_paths(store, [path], now=NOW)
    assert _check_raw(store, path, GDELT2_NAMES, "gdelt2") == report.loaded == 100


def test_gdelt1_raw_reproduces_source_fields(store: DuckDBStore) -> None:
    path = shared_file("gdelt1/events_mixed_57_58_cols.csv")
    report = ingest_paths(store, [path], now=NOW)
    assert _check_raw(store, path, GDELT1_NAMES, "gdelt1") == report.loaded > 0


def test_gdelt_fixture_raw_reproduces_source_fields(store: DuckDBStore) -> None:
    ingest_paths(store, [FIX / "gdelt2_events.csv", FIX / "gdelt1_events.csv"], now=NOW)
    assert _check_raw(store, FIX / "gdelt2_events.csv", GDELT2_NAMES, "gdelt2") > 0
    assert _check_raw(store, FIX / "gdelt1_events.csv", GDELT1_NAMES, "gdelt1") > 0


def test_raw_record_rejects_other_text() -> None:
    with pytest.raises(ValueError, match="not a GDELT raw record"):
        raw_record('{"AvgTone": 1.0}')
