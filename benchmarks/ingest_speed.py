"""Ingest speed: the real GDELT 2.0 events sample replicated to N rows with fresh ids.

Prints rows/s for the whole ingest (read, normalise, dedup, store) into a fresh DuckDB file,
beside DuckDB's bare ``SELECT count(*) FROM read_csv(...)`` of the same file, the CPU seconds
of each (steadier than wall time on a shared machine), the load average, peak RSS and the size
of the DuckDB file afterwards.
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


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def main(rows: int = 1_000_000) -> None:
    """Run the benchmark and print its figures."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "events.export.CSV"
        replicate(src, rows)
        load = os.getloadavg()
        t0, c0 = time.perf_counter(), _cpu()
        duckdb.connect().execute(
            f"SELECT count(*) FROM read_csv('{src}', delim='\t', header=false, all_varchar=true)"
        ).fetchall()
        bare, bare_cpu = time.perf_counter() - t0, _cpu() - c0
        db = Path(tmp) / "bench.duckdb"
        store = DuckDBStore.open(db)
        t0, c0 = time.perf_counter(), _cpu()
        report = ingest_paths(store, [src], now=dt.datetime.now(dt.UTC))
        full, full_cpu = time.perf_counter() - t0, _cpu() - c0
        store.close()
        size = db.stat().st_size / 2**20
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"rows {rows:,}  loaded {report.loaded:,}")
    print(f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"bare read_csv count: {bare:.2f} s  ({rows / bare:,.0f} rows/s)  cpu {bare_cpu:.2f} s")
    print(
        f"full ingest:         {full:.2f} s  ({rows / full:,.0f} rows/s)  ratio {full / bare:.2f}x"
        f"  cpu {full_cpu:.2f} s"
    )
    print(f"peak RSS: {rss:,.0f} MiB  DuckDB file: {size:,.1f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
