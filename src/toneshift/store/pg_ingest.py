"""Ingest into PostgreSQL: the normal DuckDB loader into a scratch store, then COPY.

Each path is loaded by :func:`toneshift.ingest.ingest_paths` into a fresh scratch DuckDB file
(reading, normalising, rejects and in-file dedup are exactly the DuckDB path's). The new rows
then go to PostgreSQL, one transaction per source file: DuckDB writes them as CSV, psycopg
streams the CSV with ``COPY ... FROM STDIN`` into a temporary table, and an anti-join on the
reader's key inserts only keys PostgreSQL does not hold yet. A per-table advisory transaction
lock serialises that anti-join between concurrent writers. The counts are recomputed against
PostgreSQL, so the report (``read``, ``loaded``, ``duplicates``, ``rejected``) is the one the
DuckDB path prints for the same files in the same store state.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import zlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb

from toneshift.errors import InputError
from toneshift.ingest import IngestReport, Progress, detect_format, get_reader, ingest_paths
from toneshift.ingest.base import FileReport, sql_str
from toneshift.store.duckdb_store import DuckDBStore
from toneshift.store.postgres_store import PostgresStore

_CHUNK = 1 << 20


def ingest_postgres(
    store: PostgresStore,
    paths: Sequence[str | Path],
    *,
    fmt: str = "auto",
    now: dt.datetime,
    progress: Progress | None = None,
) -> IngestReport:
    """Load ``paths`` into the PostgreSQL ``store``; each file in one transaction.

    Every path is checked before anything is written, as with :func:`ingest_paths`.
    """
    for path in paths:
        _check(Path(path), fmt)
    report = IngestReport()
    for i, path in enumerate(paths):
        if progress is not None:
            progress(str(path), i, len(paths))
        with tempfile.TemporaryDirectory(prefix="toneshift-pg-") as tmp:
            scratch = DuckDBStore.open(Path(tmp) / "scratch.duckdb")
            try:
                local = ingest_paths(scratch, [path], fmt=fmt, now=now)
                for item in local.per_file:
                    report.add(_push_file(scratch, store, item, Path(tmp), now))
            finally:
                scratch.close()
    if progress is not None:
        progress("", len(paths), len(paths))
    return report


def _check(path: Path, fmt: str) -> None:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if fmt == "auto":
        detect_format(path)
    else:
        get_reader(fmt)


def _push_file(
    scratch: DuckDBStore, store: PostgresStore, item: FileReport, tmp: Path, now: dt.datetime
) -> FileReport:
    """Copy one file's new rows, rejects and record to PostgreSQL; return its true counts."""
    reader = get_reader(item.format)
    cols = [r[0] for r in scratch.con.execute(f"DESCRIBE {reader.table}").fetchall()]
    where = f"source_file = {sql_str(item.path)}"
    csv = _to_csv(scratch.con, f"SELECT {', '.join(cols)} FROM {reader.table} WHERE {where}", tmp)
    sha = _scalar(scratch.con, f"SELECT sha256 FROM ingested_files WHERE {where}")
    with store.transaction() as con:
        con.execute("SELECT pg_advisory_xact_lock(%s)", [_lock_key(reader.table)])
        known = con.execute("SELECT 1 FROM ingested_files WHERE sha256 = %s", [sha]).fetchone()
        loaded = copy_new_rows(con, reader.table, reader.key, cols, csv)
        out = replace(
            item,
            loaded=loaded,
            duplicates=item.read - item.rejected - loaded,
            skipped_known=known is not None,
        )
        if known is None:
            rej = _to_csv(scratch.con, f"SELECT * FROM rejects WHERE {where}", tmp)
            copy_csv(con, "rejects", None, rej)
            _record(con, out, sha, now)
    return out


def copy_new_rows(con: Any, table: str, key: str, cols: list[str], csv: Path) -> int:
    """COPY ``csv`` into a temp table, insert rows whose ``key`` is new; return the count."""
    names = ", ".join(cols)
    con.execute(f"CREATE TEMP TABLE _ts_stage (LIKE {table}) ON COMMIT DROP")
    copy_csv(con, "_ts_stage", names, csv)
    cur = con.execute(
        f"INSERT INTO {table} ({names}) SELECT {names} FROM _ts_stage s "
        f"WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE t.{key} = s.{key})"
    )
    return int(cur.rowcount)


def copy_csv(con: Any, table: str, names: str | None, csv: Path) -> None:
    """Stream a headerless DuckDB-written CSV file into ``table`` with COPY."""
    target = f"{table} ({names})" if names else table
    sql = f"COPY {target} FROM STDIN (FORMAT csv)"
    with con.cursor() as cur, cur.copy(sql) as copy, csv.open("rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            copy.write(block)


def _to_csv(con: duckdb.DuckDBPyConnection, select: str, tmp: Path) -> Path:
    """Write a query's rows as CSV that PostgreSQL reads back exactly (NULL bare, '' quoted)."""
    out = tmp / f"part-{zlib.crc32(select.encode()):08x}.csv"
    con.execute(f"COPY ({select}) TO {sql_str(str(out))} (FORMAT csv, HEADER false)").fetchall()
    return out


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> Any:
    row = con.execute(sql).fetchone()
    return row[0] if row else None


def _lock_key(table: str) -> int:
    return zlib.crc32(f"toneshift.load.{table}".encode())


def _record(con: Any, report: FileReport, sha: str, now: dt.datetime) -> None:
    con.execute(
        "INSERT INTO ingested_files VALUES (%s, %s, %s, %s, %s, %s, %s, %s) "
        "ON CONFLICT (sha256) DO NOTHING",
        [
            report.path,
            sha,
            report.format,
            report.read,
            report.loaded,
            report.duplicates,
            report.rejected,
            now.astimezone(dt.UTC).replace(tzinfo=None),
        ],
    )
