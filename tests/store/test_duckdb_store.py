import datetime as dt

import duckdb
import pytest

from toneshift.errors import MigrationError
from toneshift.models import Actor, Article, Event
from toneshift.store import open_store
from toneshift.store.migrations import MIGRATIONS, Migration

NOW = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)


def _event(code: str = "036") -> Event:
    return Event(
        source=Actor("Trump", "USAGOV", "USA", "GOV", "Donald Trump"),
        target=Actor("Petro", "COLGOV", "COL", "GOV", "Gustavo Petro"),
        cameo=code,
        plover="CONSULT",
        quad_class=1,
        goldstein=4.0,
        tone=0.5,
        date=dt.date(2026, 1, 15),
        sentence="Trump invited Petro.",
        span=(0, 20),
    )


def test_migrations_recorded_once(tmp_path):
    path = tmp_path / "t.duckdb"
    with open_store(path) as store:
        assert store.applied_migrations() == [m.name for m in MIGRATIONS]
    with open_store(path) as store:  # reopening applies nothing new
        assert store.migrate() == []


def test_failed_migration_rolls_back():
    store = open_store(":memory:")
    bad = Migration("9999_bad", ("CREATE TABLE half_done (x INT)", "THIS IS NOT SQL"))
    with pytest.raises(MigrationError, match="9999_bad"), store.transaction() as con:
        for s in bad.statements:
            try:
                con.execute(s)
            except duckdb.Error as exc:
                raise MigrationError(f"migration {bad.name} failed: {exc}") from exc
    assert "half_done" not in {r[0] for r in store.con.execute("SHOW TABLES").fetchall()}


def test_save_article_replaces_and_is_atomic():
    store = open_store(":memory:")
    article = Article(id="a1", text="Trump invited Petro.", date=dt.date(2026, 1, 15))
    store.save_article(article, [_event(), _event("040")], now=NOW)
    store.save_article(article, [_event()], now=NOW)
    assert store.count("events") == 1 and store.count("articles") == 1
    row = store.events_frame().iloc[0]
    assert (row.source_code, row.target_code, row.event_id) == (
        "USAGOV",
        "COLGOV",
        "toneshift:a1:0",
    )
    with pytest.raises(RuntimeError), store.transaction():
        store.save_article(Article(id="a2", text="x"), [_event()], now=NOW)
        raise RuntimeError("boom")
    assert store.count("articles") == 1
