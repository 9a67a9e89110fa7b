"""The floor under a GDELT ingest: DuckDB's own CREATE TABLE AS of the events projection.

Replicates the real GDELT 2.0 sample to 1M rows (as ingest_speed.py does) and times, in one
process: a bare count of ``read_csv``; a CREATE TABLE AS of the same columns the events table
stores (ids, actors, codes, numbers, url, source file, the compact ``raw``), in memory and into
a file; and the same without ``raw`` and the two id strings. No dedup, no rejects, no lookups:
whatever the loader does on top of this is the loader's own cost.
Usage: python benchmarks/ingest_floor.py [ROWS]   (TONESHIFT_SHARED points at shared/)
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_speed import replicate

from toneshift.ingest.gdelt import GDELT2_NAMES, _raw_sql, _typed


def _cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_utime + use.ru_stime


def _queries(src: Path) -> list[tuple[str, str]]:
    cols = "{" + ", ".join(f"'{n}': '{t}'" for n, t in _typed(GDELT2_NAMES)) + "}"
    read = (
        f"read_csv('{src}', delim='\t', header=false, columns={cols}, auto_detect=false,"
        " dateformat='%Y%m%d', quote='', escape='')"
    )
    ids = (
        "'gdelt2:' || GLOBALEVENTID AS event_id, 'gdelt2' AS dataset,"
        " GLOBALEVENTID::VARCHAR AS original_id"
    )
    rest = (
        "SQLDATE AS event_date, Actor1Code, Actor1Name, Actor1CountryCode, Actor1Type1Code,"
        " Actor2Code, Actor2Name, Actor2CountryCode, Actor2Type1Code, EventCode, EventRootCode,"
        " QuadClass, GoldsteinScale, AvgTone / 10 AS tone, NumMentions, NumSources, SOURCEURL,"
        " 1.0 AS confidence, 'events.export.CSV' AS source_file"
    )
    full = f"SELECT {ids}, {rest}, {_raw_sql()} AS raw FROM {read}"
    lean = f"SELECT 'gdelt2' AS dataset, {rest} FROM {read}"
    return [
        ("bare count", f"SELECT count(*) FROM {read}"),
        ("CTAS in memory", f"CREATE TABLE t AS {full}"),
        ("CTAS into a file", f"CREATE TABLE t AS {full}"),
        ("CTAS into a file, no raw, no ids", f"CREATE TABLE t AS {lean}"),
    ]


def main(rows: int = 1_000_000) -> None:
    """Run each query once in a fresh database and print wall and CPU seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "events.export.CSV"
        replicate(src, rows)
        print(f"rows: {rows:,}  load average: {os.getloadavg()[0]:.2f}")
        for label, query in _queries(src):
            db = ":memory:" if "file" not in label else str(Path(tmp) / f"{len(label)}.duckdb")
            con = duckdb.connect(db)
            t0, c0 = time.perf_counter(), _cpu()
            con.execute(query)
            if "CTAS" in label:
                con.execute("CHECKPOINT")
            wall, cpu = time.perf_counter() - t0, _cpu() - c0
            con.close()
            print(f"{label:34s} {wall:5.2f} s  cpu {cpu:5.2f} s  ({rows / wall:,.0f} rows/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
