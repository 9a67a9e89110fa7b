"""How fast are series and change points for every directed country dyad at 10M events?

The real ICEWS decoded benchmarks (ingested with ``toneshift.ingest``; cached) are replicated
in DuckDB SQL to ``--events`` rows: copy ``r`` shifts every date by ``r * 37`` days, so the
time span stays about that of the data (+1 year) and the volume per month grows ~11×, as in
a denser feed. Then, timed: all directed country dyads' monthly series (one GROUP BY) and
change points for every dyad with enough data (one vectorised optimal-partitioning pass).

Usage: ``python benchmarks/analytics_speed.py [--events 10000000] [--cache DIR]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import time
from pathlib import Path

import duckdb

from toneshift.analytics.bulk import all_dyad_series, all_shifts

SHARED = Path(
    os.environ.get("TONESHIFT_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")
)
ICEWS = SHARED / "data" / "events" / "icews"


def source_db(cache: Path) -> Path:
    """A DuckDB file with the ICEWS decoded files ingested (built once; a file whose ingest
    fails is reported and left out)."""
    from toneshift.ingest import ingest_paths
    from toneshift.store import DuckDBStore

    path = cache / "icews_both.duckdb"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        with DuckDBStore.open(path) as store:
            for file in sorted(ICEWS.glob("*_decoded.tsv.gz")):
                try:
                    ingest_paths(store, [file], fmt="icews_decoded", now=dt.datetime.now(dt.UTC))
                except Exception as exc:  # report and go on: the benchmark measures analytics
                    print(f"note: ingest of {file.name} failed, left out: {exc!r:.200}")
    return path


def replicate(src: Path, n_events: int) -> tuple[duckdb.DuckDBPyConnection, float]:
    """An in-memory ``events`` table of ``n_events`` rows built from ``src``; build seconds."""
    con = duckdb.connect()
    t0 = time.perf_counter()
    con.execute(f"ATTACH '{src}' AS src (READ_ONLY)")
    base = con.execute("SELECT count(*) FROM src.events").fetchone()[0]  # type: ignore[index]
    copies = -(-n_events // base)
    con.execute(f"""
        CREATE TABLE events AS
        SELECT e.* REPLACE (CAST(e.event_date + CAST(r * 37 AS INTEGER) AS DATE) AS event_date)
        FROM src.events e, range({copies}) t(r) LIMIT {n_events}""")
    return con, time.perf_counter() - t0


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/toneshift_bench"))
    args = parser.parse_args()
    if not ICEWS.exists():
        print(f"skipped: {ICEWS} not found (set TONESHIFT_SHARED)")
        return
    con, build = replicate(source_db(args.cache), args.events)
    rows = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    t0 = time.perf_counter()
    long = all_dyad_series(con)
    t1 = time.perf_counter()
    shifts = all_shifts(long)
    t2 = time.perf_counter()
    dyads = long["source"].str.cat(long["target"], sep="->").nunique()
    analysed = long.groupby(["source", "target"])["events"].agg(["size", "sum"])
    enough = int(((analysed["size"] >= 6) & (analysed["sum"] >= 30)).sum())
    print(f"events={rows:,} (built in {build:.1f}s) cpus={os.cpu_count()}")
    print(f"series: {dyads:,} directed dyads, {len(long):,} dyad-months in {t1 - t0:.2f}s")
    print(
        f"change points: {enough:,} dyads with enough data, {len(shifts):,} shifts "
        f"in {t2 - t1:.2f}s"
    )
    print(f"total (series + change points): {t2 - t0:.2f}s")


if __name__ == "__main__":
    main()
