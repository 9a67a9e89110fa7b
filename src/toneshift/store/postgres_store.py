"""The PostgreSQL event store (``postgresql://`` URLs), for teams sharing one database.

Same tables, same named migrations and the same ``schema_migrations`` record as
:class:`~toneshift.store.duckdb_store.DuckDBStore`; DuckDB types are translated on the way
(``TINYINT`` → ``SMALLINT``, ``DOUBLE`` → ``DOUBLE PRECISION``). Concurrent writers are safe:
every write runs in a transaction, migrations run under a session advisory lock, and bulk
loads (:mod:`toneshift.store.pg_ingest`) take a per-table transaction lock around their
anti-join, so two processes never insert the same key twice.

psycopg 3 is imported lazily; without it :meth:`PostgresStore.open` raises
:class:`~toneshift.errors.ModelError` naming the extra (``toneshift[postgres]``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pandas as pd

from toneshift.errors import MigrationError, ModelError, StoreError
from toneshift.models import Article, Event
from toneshift.store.duckdb_store import EVENT_COLUMN_NAMES, article_values, event_row
from toneshift.store.migrations import MIGRATIONS, Migration, pending

if TYPE_CHECKING:
    import psycopg

#: Key of the session advisory lock held while migrations run.
MIGRATION_LOCK = 0x746F6E65  # "tone"

#: PostgreSQL-only indexes made together with a migration (same name, same record).
PG_EXTRA: dict[str, tuple[str, ...]] = {
    "0001_core": (
        "CREATE INDEX IF NOT EXISTS events_event_id_idx ON events (event_id)",
        "CREATE INDEX IF NOT EXISTS events_article_id_idx ON events (article_id)",
        "CREATE INDEX IF NOT EXISTS rejects_source_file_idx ON rejects (source_file)",
    ),
    "0002_ingest_tables": (
        "CREATE INDEX IF NOT EXISTS gdelt_mentions_id_idx ON gdelt_mentions (mention_id)",
        "CREATE INDEX IF NOT EXISTS gkg_record_id_idx ON gkg (record_id)",
    ),
}

_TYPES = (
    (re.compile(r"\bTINYINT\b"), "SMALLINT"),
    (re.compile(r"\bDOUBLE\b(?!\s+PRECISION)"), "DOUBLE PRECISION"),
)


def psycopg_module() -> Any:
    """``psycopg``, or :class:`ModelError` saying which extra to install."""
    try:
        import psycopg
    except ImportError as exc:
        raise ModelError(
            "PostgreSQL stores need psycopg 3: install toneshift[postgres] "
            "(pip install 'toneshift[postgres]')"
        ) from exc
    return psycopg


def translate_ddl(sql: str) -> str:
    """A DuckDB DDL statement in PostgreSQL's dialect."""
    for pattern, replacement in _TYPES:
        sql = pattern.sub(replacement, sql)
    return sql


def pg_params(sql: str) -> str:
    """DuckDB/qmark placeholders (``?``) as psycopg placeholders (``%s``)."""
    return sql.replace("%", "%%").replace("?", "%s")


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


class PostgresStore:
    """toneshift's tables in a PostgreSQL database.

    Open with :meth:`open`; migrations run on open. :meth:`transaction` groups writes: everything
    inside commits together or not at all. ``con`` is the psycopg connection (autocommit outside
    :meth:`transaction`).
    """

    def __init__(self, con: psycopg.Connection[Any], url: str) -> None:
        self.con = con
        self.url = url
        self._in_tx = False

    @classmethod
    def open(cls, url: str, *, read_only: bool = False) -> PostgresStore:
        """Connect to ``url`` and (unless ``read_only``) bring the schema up to date."""
        psycopg = psycopg_module()
        try:
            con = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database {redact(url)}: {exc}") from exc
        store = cls(con, url)
        if read_only:
            con.execute("SET default_transaction_read_only = on")
        else:
            store.migrate()
        return store

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> PostgresStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """Run the block in one transaction; roll back on any error (nested blocks join it)."""
        if self._in_tx:
            yield self.con
            return
        self._in_tx = True
        try:
            with self.con.transaction():
                yield self.con
        finally:
            self._in_tx = False

    def applied_migrations(self) -> list[str]:
        """Names of the migrations already applied, in order."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)"
        )
        rows = self.con.execute("SELECT name FROM schema_migrations ORDER BY applied_at, name")
        return [r[0] for r in rows.fetchall()]

    def migrate(self, migrations: Sequence[Migration] = MIGRATIONS) -> list[str]:
        """Apply pending migrations, each in its own transaction, under an advisory lock.

        The lock makes concurrent openers wait; the second one then finds nothing pending.
        """
        psycopg = psycopg_module()
        done: list[str] = []
        self.con.execute("SELECT pg_advisory_lock(%s)", [MIGRATION_LOCK])
        try:
            for migration in pending(self.applied_migrations()):
                if migration not in migrations:
                    continue
                try:
                    with self.transaction() as con:
                        for statement in migration.statements:
                            con.execute(translate_ddl(statement))
                        for statement in PG_EXTRA.get(migration.name, ()):
                            con.execute(statement)
                        con.execute(
                            "INSERT INTO schema_migrations VALUES (%s, clock_timestamp())",
                            [migration.name],
                        )
                except psycopg.Error as exc:
                    raise MigrationError(f"migration {migration.name} failed: {exc}") from exc
                done.append(migration.name)
        finally:
            self.con.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK])
        return done

    # -- articles and coded events ------------------------------------------------------------

    def save_article(self, article: Article, events: Sequence[Event], *, now: dt.datetime) -> None:
        """Store an article and its coded events in one transaction, replacing an earlier copy."""
        rows = [event_row(article, i, ev) for i, ev in enumerate(events)]
        with self.transaction() as con:
            con.execute("DELETE FROM events WHERE article_id = %s", [article.id])
            con.execute("DELETE FROM articles WHERE article_id = %s", [article.id])
            con.execute(
                "INSERT INTO articles VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                article_values(article, now),
            )
            if rows:
                self.insert_event_rows(rows)

    def insert_event_rows(self, rows: Iterable[dict[str, Any]]) -> int:
        """Append normalised event rows (dicts keyed by event column names) with COPY."""
        cols = ", ".join(EVENT_COLUMN_NAMES)
        n = 0
        sql = f"COPY events ({cols}) FROM STDIN"
        with self.transaction() as con, con.cursor() as cur, cur.copy(sql) as copy:
            for row in rows:
                copy.write_row([_plain(row.get(name)) for name in EVENT_COLUMN_NAMES])
                n += 1
        return n

    def events_frame(self, where: str = "", params: Sequence[object] = ()) -> pd.DataFrame:
        """Events as a DataFrame, optionally filtered by a SQL ``where`` clause (``?`` or ``%s``
        placeholders) with parameters."""
        clause = (pg_params(where) if "?" in where else where) if where else ""
        sql = "SELECT * FROM events" + (f" WHERE {clause}" if clause else "")
        return self.query_frame(sql, params)

    def query_frame(self, sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
        """The rows of a query (``%s`` placeholders) as a DataFrame with its column names."""
        with self.con.cursor() as cur:
            cur.execute(sql, list(params))
            names = [d.name for d in cur.description or []]
            return pd.DataFrame(cur.fetchall(), columns=names)

    def count(self, table: str) -> int:
        """Rows in a table."""
        row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0]) if row else 0


def _plain(value: object) -> object:
    """A value COPY can write: NaN → NULL, numpy scalars → Python."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:
        return None
    item = getattr(value, "item", None)
    return item() if callable(item) else value
