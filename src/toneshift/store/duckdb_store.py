"""The embedded DuckDB event store (the default backend)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from toneshift.errors import MigrationError, StoreError
from toneshift.models import Article, Event
from toneshift.store.migrations import EVENT_COLUMNS, MIGRATIONS, Migration, pending

EVENT_COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _ in EVENT_COLUMNS)


class DuckDBStore:
    """toneshift's tables in one DuckDB file (or ``:memory:``).

    Open with :meth:`open`; migrations run on open. Use :meth:`transaction` to group writes:
    everything inside commits together or not at all.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path
        self._in_tx = False

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> DuckDBStore:
        """Open (creating if needed) the store at ``path`` and bring its schema up to date."""
        path = str(path)
        if path != ":memory:" and not read_only:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open database {path}: {exc}") from exc
        store = cls(con, path)
        if not read_only:
            store.migrate()
        return store

    def close(self) -> None:
        """Close the connection."""
        self.con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run the block in one transaction; roll back on any error."""
        if self._in_tx:
            yield self.con
            return
        self.con.execute("BEGIN TRANSACTION")
        self._in_tx = True
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        else:
            self.con.execute("COMMIT")
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
        """Apply pending migrations, each in its own transaction; return the names applied."""
        done: list[str] = []
        for migration in pending(self.applied_migrations()):
            if migration not in migrations:
                continue
            try:
                with self.transaction() as con:
                    for statement in migration.statements:
                        con.execute(statement)
                    con.execute("INSERT INTO schema_migrations VALUES (?, now())", [migration.name])
            except duckdb.Error as exc:
                raise MigrationError(f"migration {migration.name} failed: {exc}") from exc
            done.append(migration.name)
        return done

    # -- articles and coded events ------------------------------------------------------------

    def save_article(self, article: Article, events: Sequence[Event], *, now: dt.datetime) -> None:
        """Store an article and its coded events in one transaction, replacing an earlier copy."""
        rows = [event_row(article, i, ev) for i, ev in enumerate(events)]
        with self.transaction() as con:
            con.execute("DELETE FROM events WHERE article_id = ?", [article.id])
            con.execute("DELETE FROM articles WHERE article_id = ?", [article.id])
            con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                article_values(article, now),
            )
            if rows:
                self.insert_event_rows(rows)

    def insert_event_rows(self, rows: Iterable[dict[str, Any]]) -> int:
        """Append normalised event rows (dicts keyed by event column names); return the count."""
        frame = pd.DataFrame(list(rows), columns=list(EVENT_COLUMN_NAMES))
        if frame.empty:
            return 0
        self.con.register("_new_events", frame)
        try:
            cols = ", ".join(EVENT_COLUMN_NAMES)
            self.con.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM _new_events")
        finally:
            self.con.unregister("_new_events")
        return len(frame)

    def events_frame(self, where: str = "", params: Sequence[object] = ()) -> pd.DataFrame:
        """Events as a DataFrame, optionally filtered by a SQL ``where`` clause with parameters."""
        sql = "SELECT * FROM events" + (f" WHERE {where}" if where else "")
        return self.con.execute(sql, list(params)).df()

    def count(self, table: str) -> int:
        """Rows in a table."""
        row = self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0]) if row else 0


def article_values(article: Article, now: dt.datetime) -> list[object]:
    """The articles-table row of an article, in column order (``now`` stored as naive UTC)."""
    return [
        article.id,
        article.title,
        article.url,
        article.source,
        article.date,
        article.text,
        ",".join(tag.issue for tag in article.issues),
        now.replace(tzinfo=None),
    ]


def event_row(article: Article, index: int, event: Event) -> dict[str, Any]:
    """The normalised events-table row of one coded event."""
    return {
        "event_id": f"toneshift:{article.id}:{index}",
        "dataset": "toneshift",
        "original_id": f"{article.id}:{index}",
        "event_date": event.date or article.date,
        "source_code": event.source.code,
        "source_name": event.source.name or event.source.text,
        "source_country": event.source.country,
        "source_sector": event.source.sector,
        "target_code": event.target.code,
        "target_name": event.target.name or event.target.text,
        "target_country": event.target.country,
        "target_sector": event.target.sector,
        "cameo": event.cameo,
        "cameo_root": event.cameo_root,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "tone": event.tone,
        "mentions": 1,
        "num_sources": 1,
        "url": article.url,
        "article_id": article.id,
        "sentence": event.sentence,
        "span_start": event.span[0],
        "span_end": event.span[1],
        "issues": ",".join(event.issue_names),
        "third_parties": ",".join(event.third_parties),
        "confidence": event.confidence,
        "source_file": article.source,
        "raw": json.dumps({"trigger": event.trigger, "modality": event.modality}),
    }
