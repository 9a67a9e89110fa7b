"""Scaling figures: Spark local mode (1 and 2 cores) against the single-process path, and the
PostgreSQL load path (COPY).

    .venv/bin/python benchmarks/scaling.py [--articles 48] [--pairs 6] [--pg postgresql://...]

Prints one line per measurement. Coding uses generated articles (sentences of the project's
example style); analytics uses the ICEWS 05-15 sample from ../shared when present (else
synthetic planted dyads); the PostgreSQL figure needs ``--pg`` or TONESHIFT_TEST_PG.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time
from pathlib import Path

SENTENCES = [
    "Colombia criticized the United States over the deportation flights.",
    "President Petro invited Donald Trump to Bogota for talks on trade.",
    "France and Germany signed an agreement on energy cooperation.",
    "Russia accused Ukraine of shelling a border village.",
    "China welcomed the visit of the Brazilian foreign minister.",
    "Iran threatened to expel United Nations inspectors.",
]
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "events"
ICEWS = SHARED / "icews" / "icews05-15_decoded.tsv.gz"
PAIRS = [("USA", "CHN"), ("USA", "RUS"), ("CHN", "JPN"), ("IND", "PAK"), ("ISR", "PSE"),
         ("USA", "IRN"), ("RUS", "UKR"), ("GBR", "FRA")]  # fmt: skip


def write_articles(folder: Path, n: int) -> list[str]:
    """``n`` articles of 12 sentences each."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(12))
        (folder / f"a{i:04d}.txt").write_text(body + "\n", encoding="utf-8")
    return sorted(str(p) for p in folder.glob("*.txt"))


def timed(fn, *args, **kwargs) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return time.perf_counter() - start, out


def bench_coding(tmp: Path, n: int) -> None:
    from toneshift.coding.coder import Coder
    from toneshift.spark.code_job import code_articles, code_paths
    from toneshift.spark.session import spark_session

    files = write_articles(tmp / "articles", n)
    Coder.default()  # model load is not part of the throughput
    secs, frame = timed(code_paths, files)
    print(f"coding single-process: {n} articles {len(frame)} events {secs:.1f}s "
          f"{n / secs:.2f} articles/s")  # fmt: skip
    for cores in (1, 2):
        spark = spark_session(f"local[{cores}]")
        code_articles(spark, files[:cores], tmp / "warm.parquet", partitions=cores)  # warm workers
        secs, events = timed(code_articles, spark, files, tmp / f"ev{cores}.parquet",
                             partitions=cores * 2)  # fmt: skip
        print(f"coding spark local[{cores}]: {n} articles {events} events {secs:.1f}s "
              f"{n / secs:.2f} articles/s")  # fmt: skip
        spark.stop()


def events_parquet(tmp: Path) -> str:
    import datetime as dt

    from toneshift.ingest import ingest_paths
    from toneshift.ingest.export import export_events
    from toneshift.store import DuckDBStore

    out = str(tmp / "events.parquet")
    with DuckDBStore.open(tmp / "ev.duckdb") as store:
        ingest_paths(store, [ICEWS], now=dt.datetime.now(dt.UTC))
        export_events(store, out)
    return out


def bench_analytics(tmp: Path, n_pairs: int) -> None:
    import duckdb

    from toneshift.analytics.changepoints import shift_records
    from toneshift.analytics.series import series_records
    from toneshift.errors import AnalyticsError
    from toneshift.spark.dyad_job import dyad_json
    from toneshift.spark.session import spark_session

    out = events_parquet(tmp)
    pairs = PAIRS[:n_pairs]
    con = duckdb.connect()
    con.execute(f"CREATE TABLE events AS SELECT * FROM '{out}'")
    n_events = con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
    start = time.perf_counter()
    for a, b in pairs:
        series_records(con, a, b)
        with contextlib.suppress(AnalyticsError):
            shift_records(con, a, b)
    secs = time.perf_counter() - start
    print(f"series+shifts single-process: {len(pairs)} dyads over {n_events} events "
          f"{secs:.1f}s {len(pairs) / secs:.2f} dyads/s")  # fmt: skip
    for cores in (1, 2):
        spark = spark_session(f"local[{cores}]")
        events = spark.read.parquet(out).cache()
        events.count()
        dyad_json(events, "series", pairs[:1], {})  # warm workers
        start = time.perf_counter()
        dyad_json(events, "series", pairs, {})
        with contextlib.suppress(AnalyticsError):
            dyad_json(events, "shifts", pairs, {})
        secs = time.perf_counter() - start
        print(f"series+shifts spark local[{cores}]: {len(pairs)} dyads {secs:.1f}s "
              f"{len(pairs) / secs:.2f} dyads/s")  # fmt: skip
        spark.stop()


def bench_postgres(tmp: Path, url: str) -> None:
    import datetime as dt

    import psycopg

    from toneshift.store import open_store
    from toneshift.store.pg_ingest import ingest_postgres

    with psycopg.connect(url, autocommit=True) as con:
        con.execute("DROP SCHEMA IF EXISTS bench_scaling CASCADE; CREATE SCHEMA bench_scaling")
    schema_url = url + ("&" if "?" in url else "?") + "options=-csearch_path%3Dbench_scaling"
    with open_store(schema_url) as store:
        now = dt.datetime.now(dt.UTC)
        secs, report = timed(ingest_postgres, store, [ICEWS], now=now)
        print(f"postgres ingest (DuckDB loader + COPY): {report.loaded} rows {secs:.1f}s "
              f"{report.loaded / secs:,.0f} rows/s")  # fmt: skip
        frame = store.events_frame()
        rows = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
        store.con.execute("TRUNCATE events")
        secs, n = timed(store.insert_event_rows, rows)
        print(
            f"postgres insert_event_rows (COPY rows): {n} rows {secs:.1f}s {n / secs:,.0f} rows/s"
        )
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("DROP SCHEMA bench_scaling CASCADE")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=48)
    parser.add_argument("--pairs", type=int, default=6)
    parser.add_argument("--pg", default=os.environ.get("TONESHIFT_TEST_PG"))
    parser.add_argument("--only", choices=["coding", "analytics", "postgres"])
    args = parser.parse_args()
    print(f"cpus {os.cpu_count()}  load {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.only in (None, "postgres") and args.pg and ICEWS.exists():
            bench_postgres(Path(tmp), args.pg)
        if args.only in (None, "analytics") and ICEWS.exists():
            bench_analytics(Path(tmp), args.pairs)
        if args.only in (None, "coding"):
            bench_coding(Path(tmp), args.articles)
    print(f"load at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
