"""The direct load path (GDELT 2.0) gives the same store as the staged path, and falls back."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from ingest_support import FIX, NOW

from toneshift.ingest import ingest_paths, loader
from toneshift.ingest.base import ReadContext
from toneshift.ingest.gdelt import GDELT2, GDELT2_NAMES
from toneshift.ingest.loader import SourceFile, load_file
from toneshift.ingest.lookups import register_cameo
from toneshift.store.duckdb_store import DuckDBStore

TABLES = ("events", "rejects", "ingested_files")


def _file(path: Path, ids: list[int | str], bad_line: bool = False) -> Path:
    tails = [ln.split("\t", 1)[1] for ln in (FIX / "gdelt2_events.csv").read_text().splitlines()]
    lines = [f"{n}\t{tails[i % 2]}" for i, n in enumerate(ids)]
    if bad_line:
        lines.insert(1, "77\ttoo\tfew")
        lines.insert(2, f"78\t{tails[2]}")  # bad date
    path.write_text("\n".join(lines) + "\n")
    return path


def _snapshot(store: DuckDBStore) -> dict[str, list[tuple[object, ...]]]:
    q = store.con.execute
    return {
        "events": q("SELECT * EXCLUDE (source_file) FROM events ORDER BY event_id").fetchall(),
        "rejects": q("SELECT line, reason, raw FROM rejects ORDER BY line").fetchall(),
        "files": q(
            "SELECT rows_read, rows_loaded, duplicates, rejected FROM ingested_files"
        ).fetchall(),
    }


def _load(store: DuckDBStore, path: Path, direct: bool):
    reader = GDELT2 if direct else replace(GDELT2, direct_select=None)
    ctx = ReadContext(source_file=str(path), layout=reader.layout(path))
    return load_file(store, reader, SourceFile(path, str(path)), ctx, NOW)


@pytest.mark.parametrize("bad", [False, True])
def test_direct_equals_staged(tmp_path, bad):
    path = _file(tmp_path / "e.csv", list(range(500, 540)), bad_line=bad)
    results = []
    for direct in (True, False):
        with DuckDBStore.open(tmp_path / f"{direct}.duckdb") as store:
            report = _load(store, path, direct)
            results.append((vars(report), _snapshot(store)))
    assert results[0] == results[1]
    assert results[0][0]["loaded"] == 40 and results[0][0]["rejected"] == (2 if bad else 0)


def test_direct_path_is_taken_and_falls_back(store, tmp_path, monkeypatch):
    calls: list[bool] = []
    real = loader._load

    def spy(*args, direct, **kw):
        calls.append(direct)
        return real(*args, direct=direct, **kw)

    monkeypatch.setattr(loader, "_load", spy)
    first = ingest_paths(store, [_file(tmp_path / "a.csv", [1, 2, 3])], now=NOW)
    assert calls == [True] and first.loaded == 3
    calls.clear()  # a repeated key inside the file, then keys already stored
    repeat = ingest_paths(store, [_file(tmp_path / "b.csv", [4, 5, 4])], now=NOW)
    assert calls == [True, False] and (repeat.loaded, repeat.duplicates) == (2, 1)
    calls.clear()
    stored = ingest_paths(store, [_file(tmp_path / "c.csv", [5, 6])], now=NOW)
    assert calls == [True, False] and (stored.loaded, stored.duplicates) == (1, 1)
    assert store.count("events") == 6 and store.count("ingested_files") == 3


def test_null_key_rolls_back_to_staged(store, tmp_path):
    report = ingest_paths(store, [_file(tmp_path / "n.csv", [1, "", 2])], now=NOW)
    assert (report.read, report.loaded, report.duplicates) == (3, 2, 1)
    assert store.count("events") == 2 and store.count("ingested_files") == 1
    order = store.con.execute("SELECT current_setting('preserve_insertion_order')")
    assert order.fetchone() == (True,)  # restored after the failed direct insert


def test_direct_settings_are_restored(store: DuckDBStore) -> None:
    con = store.con
    con.execute("SET disabled_optimizers = 'top_n'")
    with loader._load_settings(con, unordered=True):
        row = con.execute(
            "SELECT current_setting('preserve_insertion_order'), "
            "current_setting('disabled_optimizers')"
        ).fetchone()
        assert row is not None and row[0] is False
        assert set(str(row[1]).split(",")) == {"top_n", "build_side_probe_side"}
    row = con.execute(
        "SELECT current_setting('preserve_insertion_order'), current_setting('disabled_optimizers')"
    ).fetchone()
    assert row == (True, "top_n")


def test_direct_insert_probes_the_file_not_the_lookup(store: DuckDBStore) -> None:
    """The CAMEO join keeps the file as its probe side (so the INSERT runs on every thread)."""
    path = FIX / "gdelt2_events.csv"
    ctx = ReadContext(source_file=str(path), layout=GDELT2.layout(path))
    source = loader.read_csv_sql(loader.SourceFile(path, str(path)), ctx, False)
    assert GDELT2.direct_select is not None
    query = f"WITH src AS ({source}) {GDELT2.direct_select(replace(ctx, source_sql=source))}"
    register_cameo(store.con)
    with loader._load_settings(store.con, unordered=False):
        plan = store.con.execute(f"EXPLAIN {query}").fetchall()[0][1]
    assert "Join Type: LEFT" in plan and "RIGHT" not in plan


def test_first_copy_of_a_repeated_key_wins(store: DuckDBStore, tmp_path: Path) -> None:
    """Copies differing in the looked-up column: the join must not reorder the file's rows."""
    tail = (FIX / "gdelt2_events.csv").read_text().splitlines()[0].split("\t")[1:]
    code = GDELT2_NAMES.index("EventCode") - 1
    lines = []
    for cameo in ("043", "042"):  # the CAMEO table lists 042 first
        tail[code] = cameo
        lines.append("\t".join(["5", *tail]))
    path = tmp_path / "e.csv"
    path.write_text("\n".join(lines) + "\n")
    report = ingest_paths(store, [path], now=NOW)
    assert (report.loaded, report.duplicates) == (1, 1)
    assert store.con.execute("SELECT cameo FROM events").fetchall() == [("043",)]
