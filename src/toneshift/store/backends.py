"""Which backend a ``--db`` value names, and the operations that differ between backends.

* a path (or ``:memory:``) is an embedded DuckDB store (:class:`DuckDBStore`);
* a ``postgresql://`` or ``postgres://`` URL is a PostgreSQL store (:class:`PostgresStore`,
  needs ``toneshift[postgres]``).

Verbs that need a DuckDB connection for the analytics call :func:`analytics_con`: on DuckDB it
is the store's own connection; on PostgreSQL the dyad's events are selected in PostgreSQL and
the analytics run unchanged on a small in-memory DuckDB (:mod:`toneshift.store.dyad_local`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

import duckdb

from toneshift.errors import StoreError
from toneshift.store.duckdb_store import DuckDBStore

if TYPE_CHECKING:
    from toneshift.ingest import IngestReport, Progress
    from toneshift.store.postgres_store import PostgresStore

    EventStore: TypeAlias = DuckDBStore | PostgresStore

POSTGRES_SCHEMES: tuple[str, ...] = ("postgresql://", "postgres://")


def is_postgres_url(url: str | Path) -> bool:
    """True when ``url`` names a PostgreSQL database."""
    return isinstance(url, str) and url.lower().startswith(POSTGRES_SCHEMES)


def open_backend(url: str | Path, *, read_only: bool = False) -> EventStore:
    """Open the store named by ``url`` (see the module docstring); migrations run on open."""
    if is_postgres_url(url):
        from toneshift.store.postgres_store import PostgresStore

        return PostgresStore.open(str(url), read_only=read_only)
    return DuckDBStore.open(url, read_only=read_only)


def require_duckdb(store: EventStore, verb: str) -> DuckDBStore:
    """The store as a DuckDB store, or :class:`StoreError` for verbs PostgreSQL lacks so far."""
    if isinstance(store, DuckDBStore):
        return store
    store.close()
    raise StoreError(
        f"{verb} needs a DuckDB store; with PostgreSQL use `toneshift series`/`shifts`, "
        "or export the events to DuckDB first"
    )


def analytics_con(
    store: EventStore, a: str, b: str, *, dataset: str | None = None
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection on which the analytics of the dyad ``a``–``b`` give the store's answer.

    DuckDB: the store's connection. PostgreSQL: the dyad's rows (selected in PostgreSQL with
    the analytics' own predicate) and the per-day event totals, in an in-memory DuckDB. The
    caller closes it (closing the DuckDB store's connection is closing the store).
    """
    if isinstance(store, DuckDBStore):
        return store.con
    from toneshift.analytics.dyads import dyad_where, resolve_party
    from toneshift.store.dyad_local import local_events_con
    from toneshift.store.postgres_store import pg_params

    where, params = dyad_where(resolve_party(a), resolve_party(b))
    ds_sql, ds_params = (" AND dataset = %s", [dataset]) if dataset else ("", [])
    dyad = store.query_frame(f"SELECT * FROM events WHERE {pg_params(where)}", params)
    totals = store.query_frame(
        f"SELECT event_date, dataset, count(*) AS n FROM events WHERE true{ds_sql} "
        "GROUP BY event_date, dataset",
        ds_params,
    )
    return local_events_con(dyad, totals)


def ingest_into(
    store: EventStore,
    paths: Sequence[str | Path],
    *,
    fmt: str = "auto",
    now: dt.datetime,
    progress: Progress | None = None,
) -> IngestReport:
    """:func:`toneshift.ingest.ingest_paths` for either backend; the same counts on both."""
    if isinstance(store, DuckDBStore):
        from toneshift.ingest import ingest_paths

        return ingest_paths(store, paths, fmt=fmt, now=now, progress=progress)
    from toneshift.store.pg_ingest import ingest_postgres

    return ingest_postgres(store, paths, fmt=fmt, now=now, progress=progress)
