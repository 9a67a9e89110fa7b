"""Readers on the project's own synthetic fixtures: counts, rejects with lines, dedup."""

from __future__ import annotations

import pytest
from ingest_support import FIX, NOW

from toneshift.errors import InputError
from toneshift.ingest import detect_format, ingest_paths

CASES = {
    "gdelt2_events.csv": ("gdelt2", 5, 2, 1, {"bad date": 1, "wrong column count 12": 1}),
    "gdelt1_events.csv": ("gdelt1", 4, 3, 0, {"wrong column count 12": 1}),
    "icews_events.tab": ("icews", 4, 2, 0, {"bad date": 1, "unknown event text": 1}),
    "icews_decoded.tsv": ("icews_decoded", 4, 2, 1, {"unknown event text": 1}),
    "polecat_events.txt": ("polecat", 5, 3, 1, {"unknown event type": 1}),
    "events.jsonl": ("jsonl", 4, 2, 0, {"bad date": 1, "bad json": 1}),
    "mentions.csv": ("gdelt2_mentions", 2, 1, 0, {"wrong column count 10": 1}),
    "gkg2.csv": ("gkg2", 1, 1, 0, {}),
    "gkg1.csv": ("gkg1", 1, 1, 0, {}),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_reader_counts(store, name):
    fmt, read, loaded, dupes, reasons = CASES[name]
    assert detect_format(FIX / name) == fmt
    report = ingest_paths(store, [FIX / name], now=NOW)
    assert (report.read, report.loaded, report.duplicates) == (read, loaded, dupes)
    assert report.rejects_by_reason == reasons
    assert report.read == report.loaded + report.duplicates + report.rejected


@pytest.mark.parametrize("name", sorted(CASES))
def test_reingest_adds_nothing(store, name):
    ingest_paths(store, [FIX / name], now=NOW)
    tables = ("events", "gdelt_mentions", "gkg", "rejects", "ingested_files")
    before = {t: store.count(t) for t in tables}
    again = ingest_paths(store, [FIX / name], now=NOW)
    assert again.loaded == 0
    assert {t: store.count(t) for t in tables} == before


def test_reject_lines_are_physical(store):
    ingest_paths(store, [FIX / "icews_events.tab", FIX / "gdelt2_events.csv"], now=NOW)
    rows = store.con.execute(
        "SELECT source_file, line, reason FROM rejects ORDER BY 1, 2"
    ).fetchall()
    got = {(r[0].rsplit("/", 1)[-1], r[1], r[2]) for r in rows}
    assert ("icews_events.tab", 4, "unknown event text") in got
    assert ("icews_events.tab", 5, "bad date") in got
    assert ("gdelt2_events.csv", 3, "bad date") in got
    assert ("gdelt2_events.csv", 4, "wrong column count 12") in got


def test_icews_id_repeats_across_dates(store):
    ingest_paths(store, [FIX / "icews_events.tab"], now=NOW)
    ids = {r[0] for r in store.con.execute("SELECT original_id FROM events").fetchall()}
    assert ids == {"7:2018-06-01", "7:2018-06-02"}


def test_gdelt_tone_rescaled_and_plover(store):
    ingest_paths(store, [FIX / "gdelt2_events.csv"], now=NOW)
    rows = dict(store.con.execute("SELECT event_id, tone FROM events").fetchall())
    assert rows["gdelt2:1"] == pytest.approx(-0.45)
    assert rows["gdelt2:2"] == -1.0  # AvgTone -25 clipped
    plover = store.con.execute("SELECT plover FROM events WHERE event_id='gdelt2:2'").fetchone()
    assert plover == ("ACCUSE",)


def test_polecat_explodes_country_lists(store):
    ingest_paths(store, [FIX / "polecat_events.txt"], now=NOW)
    ids = {r[0] for r in store.con.execute("SELECT event_id FROM events").fetchall()}
    assert {"polecat:p1", "polecat:p2:FRA-ITA", "polecat:p2:DEU-ITA"} == ids


def test_unknown_format_names_file_and_writes_nothing(store, tmp_path):
    odd = tmp_path / "odd.csv"
    odd.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match=r"odd\.csv"):
        ingest_paths(store, [FIX / "gdelt2_events.csv", odd], now=NOW)
    assert store.count("events") == 0
    with pytest.raises(InputError, match="no such file"):
        ingest_paths(store, [tmp_path / "missing.csv"], now=NOW)


def test_zip_and_gz(store, tmp_path):
    import gzip
    import zipfile

    data = (FIX / "gdelt2_events.csv").read_bytes()
    with zipfile.ZipFile(tmp_path / "20150218230000.export.CSV.zip", "w") as zf:
        zf.writestr("20150218230000.export.CSV", data)
    (tmp_path / "e.csv.gz").write_bytes(gzip.compress(data))
    assert detect_format(tmp_path / "e.csv.gz") == "gdelt2"
    report = ingest_paths(store, [tmp_path / "20150218230000.export.CSV.zip"], now=NOW)
    assert report.loaded == 2
    assert ingest_paths(store, [tmp_path / "e.csv.gz"], now=NOW).loaded == 0
