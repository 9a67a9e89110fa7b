"""``--db postgresql://``: ingest, series and shifts print what they print with DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from pg_support import fresh_schema, shared_path

from toneshift.analytics.synthetic import planted_events, planted_series
from toneshift.cli import main
from toneshift.store import open_store

pytestmark = pytest.mark.slow


def _out(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out or captured.err


def _planted() -> list[dict[str, object]]:
    series = planted_series(np.random.default_rng(1), n=60, n_breaks=2)
    return planted_events(np.random.default_rng(2), series, source="USAGOV", target="COL")


@pytest.mark.shared
def test_ingest_series_shifts_match_duckdb(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [
        shared_path("data", "events", "gdelt2", "events_english_20150218.csv"),
        shared_path("data", "events", "icews", "icews_events_2018_sample.tab"),
    ]
    duck = str(tmp_path / "t.duckdb")
    with fresh_schema() as pg:
        for argv in ([str(f)] for f in [*files, files[0]]):  # the repeat: all duplicates
            counts = [_out(capsys, ["ingest", *argv, "--db", db, "--json"]) for db in (duck, pg)]
            assert counts[0] == counts[1] and counts[0][0] == 0
        last = json.loads(counts[1][1])
        assert last["loaded"] == 0 and last["duplicates"] == last["read"] == 100
        with open_store(duck) as d, open_store(pg) as p:
            for table in ("events", "ingested_files", "rejects"):
                assert d.count(table) == p.count(table)
            cols = ["event_id", "event_date", "source_code", "goldstein", "tone", "raw"]
            a = d.events_frame().sort_values("event_id")[cols].astype(str).values.tolist()
            b = p.events_frame().sort_values("event_id")[cols].astype(str).values.tolist()
            assert a == b
            d.insert_event_rows(_planted())
            p.insert_event_rows(_planted())
        for verb in (["series", "USA", "PRK", "--freq", "week"], ["shifts", "USA", "COL"]):
            out = [_out(capsys, [*verb, "--db", db, "--json"]) for db in (duck, pg)]
            assert out[0] == out[1] and out[0][0] == 0 and json.loads(out[0][1])
        sparse = [_out(capsys, ["shifts", "USA", "VEN", "--db", db]) for db in (duck, pg)]
        assert sparse[0] == sparse[1] and sparse[0][0] == 2
