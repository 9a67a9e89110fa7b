"""Readers on the real samples in shared/data/events (skipped when absent)."""

from __future__ import annotations

import pytest
from ingest_support import NOW, shared_file

from toneshift.ingest import detect_format, ingest_paths

SAMPLES = {
    "gdelt2/events_english_20150218.csv": ("gdelt2", 100),
    "gdelt2/events_translingual_20150218.csv": ("gdelt2", 100),
    "gdelt1/events_mixed_57_58_cols.csv": ("gdelt1", 100),
    "gdelt1/events_mixed_57_58_cols_710.csv": ("gdelt1", 710),
    "gdelt2/mentions_english_20150218.csv": ("gdelt2_mentions", 100),
    "gdelt2/mentions_20170701.csv": ("gdelt2_mentions", 1635),
    "gdelt2/gkg_english_20150218.csv": ("gkg2", 100),
    "gdelt1/gkg1_20200705.csv": ("gkg1", 95),
    "icews/icews_events_2018_sample.tab": ("icews", 3705),
}


@pytest.mark.parametrize("rel", sorted(SAMPLES))
def test_real_sample(store, rel):
    path = shared_file(rel)
    fmt, rows = SAMPLES[rel]
    assert detect_format(path) == fmt
    report = ingest_paths(store, [path], now=NOW)
    assert report.read == rows
    assert report.rejected == 0
    assert ingest_paths(store, [path], now=NOW).loaded == 0


def test_gdelt1_mixed_widths_both_loaded(store):
    path = shared_file("gdelt1/events_mixed_57_58_cols.csv")
    ingest_paths(store, [path], now=NOW)
    with_url = store.con.execute("SELECT count(url) FROM events").fetchone()
    assert with_url == (60,)  # 60 daily 58-column rows carry SOURCEURL, 40 backfile rows do not


def test_icews_sample_codes_countries(store):
    ingest_paths(store, [shared_file("icews/icews_events_2018_sample.tab")], now=NOW)
    row = store.con.execute(
        "SELECT source_country, target_country, cameo, goldstein FROM events "
        "WHERE event_id = 'icews:32889836:2018-06-01'"
    ).fetchone()
    assert row == ("BGD", "VNM", "040", 1.0)


@pytest.mark.slow
def test_icews18_decoded_full(store):
    report = ingest_paths(store, [shared_file("icews/icews18_decoded.tsv.gz")], now=NOW)
    assert report.read == 468_558
    assert report.loaded + report.duplicates + report.rejected == report.read
    resolved = store.con.execute("SELECT avg((source_country IS NOT NULL)::INT) FROM events")
    assert resolved.fetchone()[0] > 0.6
