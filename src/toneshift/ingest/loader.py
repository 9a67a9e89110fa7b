"""Load one file into the store in one transaction: read, normalise, dedup, rejects, record.

The work is DuckDB SQL end to end. ``read_csv`` reads every column as declared (no sniffing)
with ``ignore_errors`` and ``store_rejects``, so rows DuckDB cannot parse land in its reject
table with their physical line; rows the reader's SQL rejects (``_reject``) join them.

Two paths, same result. *Direct* (readers whose SQL never rejects, e.g. GDELT 2.0): one
``INSERT ... SELECT`` straight from ``read_csv``, then a cheap check on the inserted rows; if
the file repeats a key or holds one already stored, the transaction is rolled back and the file
is loaded again by the *staged* path: normalise into a temp table, deduplicate within the file
and anti-join against the target table on the reader's key. The file's sha256 is computed in a
thread while DuckDB works.

Both paths pin each lookup join's build side to the small lookup table (see
:func:`_load_settings`): left to itself DuckDB builds on the file, single-threaded and out of
file order. Where the time of a large GDELT 2.0 load goes, and what was tried: the "Ingest"
section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
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
    """One file to load: where DuckDB reads it, the name stored with its rows, its sha256.

    ``sha256`` may be left empty: it is then computed from ``local`` (salted with ``salt``,
    the member name of an archive) while the file loads.
    """

    local: Path
    name: str
    sha256: str = ""
    salt: str = ""

    def digest(self) -> str:
        """The file's sha256, computing it when not given."""
        return self.sha256 or sha256_of(self.local, self.salt)


class _NotDirect(Exception):
    """The direct insert met a repeated or stored key: roll back and load staged."""


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
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="toneshift-sha") as pool:
        digest = pool.submit(src.digest)
        if reader.direct_select is not None and not reader.rownum:
            try:
                with _load_settings(store.con, unordered=True):
                    return _load(store, reader, src, layout_ctx, now, digest, direct=True)
            except _NotDirect:
                pass  # rolled back; the staged path deduplicates
        with _load_settings(store.con, unordered=False):
            return _load(store, reader, src, layout_ctx, now, digest, direct=False)


def _load(
    store: DuckDBStore,
    reader: Reader,
    src: SourceFile,
    layout_ctx: ReadContext,
    now: dt.datetime,
    digest: Future[str],
    *,
    direct: bool,
) -> FileReport:
    con = store.con
    report = FileReport(path=src.name, format=reader.name)
    with store.transaction():
        _drop_temp(con)
        con.execute("SET enable_progress_bar = false")
        source = read_csv_sql(src, layout_ctx, reader.rownum)
        if reader.prepare is not None:
            reader.prepare(con, replace(layout_ctx, source_sql=source))
            _drop_temp(con)
        if direct and reader.direct_select is not None:
            query = f"WITH src AS ({source}) SELECT * FROM ({reader.direct_select(layout_ctx)}) q"
            good = report.loaded = _insert_direct(con, reader, src.name, query)
        else:
            query = f"WITH src AS ({source}) SELECT * FROM ({reader.select(layout_ctx)}) q"
            _run(con, src.name, reader, f"CREATE TEMP TABLE {_STAGE} AS {query}")
            good = _count(con, f"SELECT count(*) FROM {_STAGE} WHERE _reject IS NULL")
            report.loaded = _insert_new(con, reader)
        rejects = _collect_rejects(con, reader, layout_ctx.layout)
        _fill_counts(report, good, rejects)
        sha = src.sha256 or digest.result()
        report.skipped_known = _count(
            con, "SELECT count(*) FROM ingested_files WHERE sha256 = ?", [sha]
        ) > 0  # fmt: skip
        if not report.skipped_known:
            _store_rejects(con, src.name, rejects, now)
            _record_file(con, replace(src, sha256=sha), report, now)
        _drop_temp(con)
    return report


def _run(con: duckdb.DuckDBPyConnection, name: str, reader: Reader, sql: str) -> int:
    """Execute the statement that reads the file; DuckDB's errors become InputError."""
    try:
        return _count(con, sql)
    except duckdb.ConstraintException:
        raise
    except duckdb.Error as exc:
        raise InputError(f"{name}: cannot read as {reader.name}: {exc}") from exc


def _fill_counts(report: FileReport, good: int, rejects: list[tuple[int, str, str | None]]) -> None:
    report.rejected = len(rejects)
    report.read = good + report.rejected
    report.duplicates = good - report.loaded
    for _, reason, _ in rejects:
        report.rejects_by_reason[reason] = report.rejects_by_reason.get(reason, 0) + 1


def _insert_direct(con: duckdb.DuckDBPyConnection, reader: Reader, name: str, query: str) -> int:
    """Insert every row of ``query`` into the table; raise _NotDirect on a key clash.

    The new rows are the table's rows with this ``source_file`` (checked absent before), so
    the clash checks read only them: a key repeated among them, or also stored elsewhere
    (skipped when the table was empty before: nothing else is stored).
    """
    table, key = reader.table, reader.key
    stored = _count(con, f"SELECT count(*) FROM {table}")  # from metadata, no scan
    if stored and _count(con, f"SELECT count(*) FROM {table} WHERE source_file = ?", [name]):
        raise _NotDirect
    target = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()]
    produced = {r[0] for r in con.execute(f"DESCRIBE {query}").fetchall()}
    _drop_temp(con)
    cols = ", ".join(c for c in target if c in produced)
    try:
        inserted = _run(
            con, name, reader, f"INSERT INTO {table} ({cols}) SELECT {cols} FROM ({query})"
        )
    except duckdb.ConstraintException as exc:  # a NULL key; the staged path counts it
        raise _NotDirect from exc
    if _repeats_key(con, table, key, name) or (stored and _stored_elsewhere(con, table, key, name)):
        raise _NotDirect
    return inserted


def _repeats_key(con: duckdb.DuckDBPyConnection, table: str, key: str, name: str) -> bool:
    """Whether a key may repeat among the rows of ``name``.

    Distinct *hashes* are counted (a third cheaper than the strings): equal keys always share
    a hash, so no repeat is missed; a hash collision only sends the file to the staged path,
    which deduplicates on the keys themselves.
    """
    sql = (
        f"SELECT count({key}) - count(DISTINCT hash({key})) FROM {table} WHERE source_file = $name"
    )
    return _count(con, sql, {"name": name}) > 0


def _stored_elsewhere(con: duckdb.DuckDBPyConnection, table: str, key: str, name: str) -> bool:
    """Whether a key of the rows of ``name`` is also held by rows of another file."""
    sql = (
        f"SELECT count(*) FROM {table} o WHERE o.source_file IS DISTINCT FROM $name "
        f"AND o.{key} IN (SELECT {key} FROM {table} WHERE source_file = $name)"
    )
    return _count(con, sql, {"name": name}) > 0


@contextmanager
def _load_settings(con: duckdb.DuckDBPyConnection, *, unordered: bool) -> Iterator[None]:
    """Settings for loading one file, restored afterwards.

    ``build_side_probe_side`` off, always: ``read_csv`` with explicit columns carries no row
    estimate, so that optimizer turns ``src LEFT JOIN lookup`` into a RIGHT join that builds
    its hash table on the *file*: a single-threaded build of every row, and an output in the
    lookup's order rather than the file's (the staged path keeps the *first* copy of a
    repeated key by row order). Readers put the file on the left of LEFT JOINs to small
    lookups, which thus stay the build side.
    ``preserve_insertion_order`` off when ``unordered`` (the direct path, which checks its
    rows for clashes afterwards): DuckDB then inserts from every reader thread.
    """
    row = con.execute(
        "SELECT current_setting('preserve_insertion_order'), current_setting('disabled_optimizers')"
    ).fetchone()
    order = "true" if row is None or row[0] else "false"
    disabled = str(row[1]) if row is not None and row[1] else ""
    if unordered:
        con.execute("SET preserve_insertion_order = false")
    con.execute(
        "SET disabled_optimizers = "
        + sql_str(",".join(filter(None, [disabled, "build_side_probe_side"])))
    )
    try:
        yield
    finally:
        con.execute(f"SET preserve_insertion_order = {order}")
        con.execute(f"SET disabled_optimizers = {sql_str(disabled)}")


def _drop_temp(con: duckdb.DuckDBPyConnection) -> None:
    for table in (_STAGE, _REJ, _SCAN):
        con.execute(f"DROP TABLE IF EXISTS {table}")


def _count(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | dict[str, Any] | None = None
) -> int:
    rows = con.execute(sql, params if params is not None else []).fetchall()
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
