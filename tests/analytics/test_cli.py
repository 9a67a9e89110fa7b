"""The CLI contracts of ``series``, ``shifts``, ``watch-dyads`` and ``report``."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from toneshift.analytics.synthetic import planted_events, planted_series
from toneshift.cli import main
from toneshift.store import DuckDBStore


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "t.duckdb"
    series = planted_series(np.random.default_rng(1), n=60, n_breaks=2)
    with DuckDBStore.open(path) as store:
        store.insert_event_rows(
            planted_events(np.random.default_rng(2), series, source="USAGOV", target="COL")
        )
    return str(path)


def _json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> object:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_series_json_contract(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["series", "USA", "COL", "--db", db, "--freq", "month", "--json"])
    assert isinstance(rows, list)
    keys = {"period", "direction", "events", "goldstein_mean", "net_cooperation", "tone_mean"}
    assert keys <= set(rows[0])
    assert {r["direction"] for r in rows} == {"USA->COL", "COL->USA"}
    assert rows[0]["period"] == "2010-01"
    quarters = _json(capsys, ["series", "USA", "COL", "--db", db, "--freq", "quarter", "--json"])
    assert quarters[0]["period"] == "2010-Q1"


def test_shifts_json_contract(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, ["shifts", "USA", "COL", "--db", db, "--json"])
    keys = {
        "date",
        "direction",
        "goldstein_before",
        "goldstein_after",
        "confidence",
        "events_before",
        "events_after",
    }
    assert len(rows) == 2 and all(keys <= set(r) for r in rows)
    assert all(r["direction"] in ("warming", "cooling") and r["date"].endswith("-01") for r in rows)


def test_sparse_dyad_exits_non_zero(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["shifts", "USA", "VEN", "--db", db, "--json"]) == 2
    assert "not enough data" in capsys.readouterr().err


def test_watch_once_and_report(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _json(capsys, ["watch-dyads", "USA:COL", "--db", db, "--once"])
    assert len(first["new"]) == 2
    second = _json(capsys, ["watch-dyads", "USA:COL", "--db", db, "--once"])
    assert second["new"] == []
    out = tmp_path / "r.html"
    assert main(["report", "USA", "COL", "--db", db, "--out", str(out)]) == 0
    assert "<svg" in out.read_text(encoding="utf-8")
