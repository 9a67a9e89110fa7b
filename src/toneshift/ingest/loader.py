"""Load one file into the store in one transaction: read, normalise, dedup, rejects, record.

The work is DuckDB SQL end to end. ``read_csv`` reads every column as declared (no sniffing)
with ``ignore_errors`` and ``store_rejects``, so rows DuckDB cannot parse land in its reject
table with their physical line; rows the reader's SQL rejects (``_reject``) join them. Good rows
are deduplicated within the file and anti-joined against the target table on the reader's key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from toneshift.errors import InputError
from toneshift.ingest.base import CsvLayout, FileReport, ReadContext, Reader, sql_str
from toneshift.store.duckdb_store import DuckDBStore

_STAGE, _REJ, _SCAN = "_ts_stage", "_ts_rej", "_ts_scan"


@dataclass(frozen=True)
class SourceFile:
    """One file to load: where DuckDB reads it, the name stored with its rows, its sha256."""

    local: Path
    name: str
    sha256: str


def sha256_of(path: Path, prefix: str = "") -> str:
    """Hex sha256 of a file's bytes (``prefix`` salts members of one archive)."""
    digest = hashlib.sha256(prefix.encode())
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            digest.update(block)
    return digest.hexdigest()


def read_csv_sql(src: SourceFile, ctx: ReadContext, rownum: bool) -> str:
    """The ``read_csv(...)`` call (wrapped with a row number when asked) for one file."""
    lay = ctx.layout
    cols = "{" + ", ".join(f"{sql_str(n)}: {sql_str(t)}" for n, t in lay.columns) + "}"
    opts = [
        f"delim={sql_str(lay.delim)}",
        f"quote={sql_str(lay.quote)}",
        f"escape={sql_str(lay.quote)}",
        f"header={str(lay.header).lower()}",
        f"columns={cols}",
        "auto_detect=false",
        f"null_padding={str(lay.null_padding).lower()}",
        f"nullstr={sql_str(lay.nullstr)}",
        "ignore_errors=true",
        "store_rejects=true",
        f"rejects_table={sql_str(_REJ)}",
        f"rejects_scan={sql_str(_SCAN)}",
        f"compression={sql_str(lay.compression)}",
        "parallel=true" if not lay.null_padding else "parallel=false",
    ]
    if lay.dateformat:
        opts.append(f"dateformat={sql_str(lay.dateformat)}")
    call = f"read_csv({sql_str(str(src.local))}, {', '.join(opts)})"
    if rownum:
        return f"SELECT row_number() OVER () AS _rn, * FROM {call}"
    return f"SELECT * FROM {call}"


def load_file(
    store: DuckDBStore, reader: Reader, src: SourceFile, layout_ctx: ReadContext, now: dt.datetime
) -> FileReport:
    """Load ``src`` with ``reader`` in one transaction and return its counts."""
    con = store.con
    report = FileReport(path=src.name, format=reader.name)
    with store.transaction():
        _drop_temp(con)
        con.execute("SET enable_progress_bar = false")
        source = read_csv_sql(src, layout_ctx, reader.rownum)
        if reader.prepare is not None:
            reader.prepare(con, replace(layout_ctx, source_sql=source))
            _drop_temp(con)
        try:
            con.execute(
                f"CREATE TEMP TABLE {_STAGE} AS WITH src AS ({source}) "
                f"SELECT * FROM ({reader.select(layout_ctx)}) q"
            )
        except duckdb.Error as exc:
            raise InputError(f"{src.name}: cannot read as {reader.name}: {exc}") from exc
        rejects = _collect_rejects(con, reader, layout_ctx.layout)
        good = _count(con, f"SELECT count(*) FROM {_STAGE} WHERE _reject IS NULL")
        report.loaded = _insert_new(con, reader)
        report.rejected = len(rejects)
        report.read = good + report.rejected
        report.duplicates = good - report.loaded
        for _, reason, _ in rejects:
            report.rejects_by_reason[reason] = report.rejects_by_reason.get(reason, 0) + 1
        known = _count(con, "SELECT count(*) FROM ingested_files WHERE sha256 = ?", [src.sha256])
        report.skipped_known = known > 0
        if not known:
            _store_rejects(con, src.name, rejects, now)
            _record_file(con, src, report, now)
        _drop_temp(con)
    return report


def _drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    for table in (_STAGE, _REJ, _SCAN):
        con.execute(f"DROP TABLE IF EXISTS {table}")


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> int:
    rows = con.execute(sql, params or []).fetchall()
    return int(rows[0][0]) if rows and rows[0][0] is not None else 0


def _collect_rejects(
    con: duckdb.DuckDBPyConnection, reader: Reader, layout: CsvLayout
) -> list[tuple[int, str, str | None]]:
    """``(physical line, reason, raw)`` for DuckDB's rejects and the reader's own."""
    parse = con.execute(
        f"SELECT line, min(error_type)::VARCHAR, min(column_name), first(csv_line) "
        f"FROM {_REJ} GROUP BY line ORDER BY line"
    ).fetchall()
    widths = reader.widths or (len(layout.columns),)
    out = [
        (int(line), _reason(kind, col, raw, layout, widths), raw) for line, kind, col, raw in parse
    ]
    if not reader.rownum:
        return out
    has_raw = "raw" in {r[0] for r in con.execute(f"DESCRIBE {_STAGE}").fetchall()}
    raw_col = "raw" if has_raw else "NULL"
    own = con.execute(
        f"SELECT _rn, _reject, {raw_col} FROM {_STAGE} WHERE _reject IS NOT NULL ORDER BY _rn"
    ).fetchall()
    lines = physical_lines([int(r[0]) for r in own], [r[0] for r in out], int(layout.header))
    out += [(ln, str(r[1]), r[2]) for ln, r in zip(lines, own, strict=True)]
    return sorted(out, key=lambda r: r[0])


def physical_lines(row_numbers: list[int], reject_lines: list[int], header: int) -> list[int]:
    """Map the n-th row DuckDB returned (ascending) to its 1-based line in the file.

    Lines DuckDB rejected are not returned, so each one at or before a row shifts it down.
    """
    out: list[int] = []
    skipped = 0
    for rn in row_numbers:
        line = rn + header + skipped
        while skipped < len(reject_lines) and reject_lines[skipped] <= line:
            skipped += 1
            line += 1
        out.append(line)
    return out


def _reason(
    kind: str, column: str | None, raw: str | None, layout: CsvLayout, widths: tuple[int, ...]
) -> str:
    n = (raw or "").strip("\r\n").count(layout.delim) + 1
    if kind in ("TOO MANY COLUMNS", "MISSING COLUMNS") or n not in widths:
        return f"wrong column count {n}"
    if kind == "CAST":
        low = (column or "").lower()
        return "bad date" if "date" in low else f"bad value in {column}"
    return kind.lower()


def _insert_new(con: duckdb.DuckDBPyConnection, reader: Reader) -> int:
    """Insert the stage's good rows whose key is new (in the table and in the file)."""
    target = [r[0] for r in con.execute(f"DESCRIBE {reader.table}").fetchall()]
    staged = {r[0] for r in con.execute(f"DESCRIBE {_STAGE}").fetchall()}
    cols = ", ".join(c for c in target if c in staged)
    key = reader.key
    dupes_in_file = _count(
        con,
        f"SELECT count({key}) - count(DISTINCT {key}) FROM {_STAGE} WHERE _reject IS NULL",
    )
    qualify = f" QUALIFY row_number() OVER (PARTITION BY s.{key} ORDER BY s.rowid) = 1"
    sql = (
        f"INSERT INTO {reader.table} ({cols}) SELECT {cols} FROM {_STAGE} s "
        f"WHERE s._reject IS NULL AND s.{key} IS NOT NULL AND NOT EXISTS "
        f"(SELECT 1 FROM {reader.table} t WHERE t.{key} = s.{key})"
        + (qualify if dupes_in_file else "")
    )
    before = _count(con, f"SELECT count(*) FROM {reader.table}")
    con.execute(sql).fetchall()
    return _count(con, f"SELECT count(*) FROM {reader.table}") - before


def _store_rejects(
    con: duckdb.DuckDBPyConnection,
    name: str,
    rejects: list[tuple[int, str, str | None]],
    now: dt.datetime,
) -> None:
    if not rejects:
        return
    stamp = now.astimezone(dt.UTC).replace(tzinfo=None)
    frame = pd.DataFrame(
        [(name, line, reason, _raw_text(raw), stamp) for line, reason, raw in rejects],
        columns=["source_file", "line", "reason", "raw", "rejected_at"],
    )
    con.register("_ts_new_rejects", frame)
    try:
        con.execute("INSERT INTO rejects SELECT * FROM _ts_new_rejects")
    finally:
        con.unregister("_ts_new_rejects")


def _raw_text(raw: object) -> str | None:
    if raw is None or isinstance(raw, str):
        return raw.rstrip("\r\n").lstrip("\n") if isinstance(raw, str) else None
    return json.dumps(raw, default=str)


def _record_file(
    con: duckdb.DuckDBPyConnection, src: SourceFile, report: FileReport, now: dt.datetime
) -> None:
    con.execute(
        "INSERT INTO ingested_files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            src.name,
            src.sha256,
            report.format,
            report.read,
            report.loaded,
            report.duplicates,
            report.rejected,
            now.astimezone(dt.UTC).replace(tzinfo=None),
        ],
    )
