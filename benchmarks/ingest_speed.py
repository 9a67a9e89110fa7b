"""Ingest speed: the real GDELT 2.0 events sample replicated to N rows with fresh ids.

Prints rows/s for the whole ingest (read, normalise, dedup, store) into a fresh DuckDB file,
beside DuckDB's bare ``SELECT count(*) FROM read_csv(...)`` of the same file, and peak RSS.
Usage: python benchmarks/ingest_speed.py [ROWS]   (TONESHIFT_SHARED points at shared/)
"""

from __future__ import annotations

import datetime as dt
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from toneshift.ingest import ingest_paths
from toneshift.store.duckdb_store import DuckDBStore

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TONESHIFT_SHARED", ROOT / ".." / "shared"))
SAMPLE = SHARED / "data" / "events" / "gdelt2" / "events_english_20150218.csv"


def replicate(out: Path, rows: int) -> None:
    """Write ``rows`` copies of the sample's rows, each with a fresh GLOBALEVENTID."""
    tails = [ln.split("\t", 1)[1] for ln in SAMPLE.read_text().splitlines()]
    with out.open("w") as fh:
        for i in range(rows):
            fh.write(f"{900_000_000 + i}\t{tails[i % len(tails)]}\n")


def main(rows: int = 1_000_000) -> None:
    """Run the benchmark and print its figures."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "events.export.CSV"
        replicate(src, rows)
        t0 = time.perf_counter()
        duckdb.connect().execute(
            f"SELECT count(*) FROM read_csv('{src}', delim='\t', header=false, all_varchar=true)"
        ).fetchall()
        bare = time.perf_counter() - t0
        store = DuckDBStore.open(Path(tmp) / "bench.duckdb")
        t0 = time.perf_counter()
        report = ingest_paths(store, [src], now=dt.datetime.now(dt.UTC))
        full = time.perf_counter() - t0
        store.close()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows {rows:,}  loaded {report.loaded:,}")
    print(f"bare read_csv count: {bare:.2f} s  ({rows / bare:,.0f} rows/s)")
    print(
        f"full ingest:         {full:.2f} s  ({rows / full:,.0f} rows/s)  ratio {full / bare:.2f}x"
    )
    print(f"peak RSS: {rss:,.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
