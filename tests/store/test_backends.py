"""The store contract on every backend: DuckDB always, PostgreSQL when TONESHIFT_TEST_PG is set."""

from __future__ import annotations

import datetime as dt
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_support import fresh_schema

from toneshift.errors import ModelError, StoreError
from toneshift.models import Actor, Article, Event
from toneshift.store import DuckDBStore, open_store
from toneshift.store.backends import is_postgres_url, require_duckdb
from toneshift.store.migrations import MIGRATIONS
from toneshift.store.postgres_store import redact, translate_ddl

NOW = dt.datetime(2026, 1, 15, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(params=["duckdb", pytest.param("postgres", marks=pytest.mark.slow)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh store location on each backend."""
    if request.param == "duckdb":
        yield str(tmp_path / "t.duckdb")
        return
    with fresh_schema() as pg:
        yield pg


def _event(code: str = "036", goldstein: float = 4.0) -> Event:
    return Event(
        source=Actor("Trump", "USAGOV", "USA", "GOV", "Donald Trump"),
        target=Actor("Petro", "COLGOV", "COL", "GOV", "Gustavo Petro"),
        cameo=code, plover="CONSULT", quad_class=1, goldstein=goldstein, tone=0.5,
        date=dt.date(2026, 1, 15), sentence="Trump invited Petro.", span=(0, 20),
    )  # fmt: skip


def test_migrations_recorded_once(url: str) -> None:
    with open_store(url) as store:
        assert store.applied_migrations() == [m.name for m in MIGRATIONS]
    with open_store(url) as store:
        assert store.migrate() == []
        assert store.count("schema_migrations") == len(MIGRATIONS)


def test_save_article_replaces_and_is_atomic(url: str) -> None:
    with open_store(url) as store:
        article = Article(id="a1", text="Trump invited Petro.", date=dt.date(2026, 1, 15))
        store.save_article(article, [_event(), _event("040")], now=NOW)
        store.save_article(article, [_event()], now=NOW)
        assert store.count("events") == 1 and store.count("articles") == 1
        row = store.events_frame().iloc[0]
        assert (row.source_code, row.target_code, row.event_id) == (
            "USAGOV", "COLGOV", "toneshift:a1:0",
        )  # fmt: skip
        with pytest.raises(RuntimeError), store.transaction():
            store.save_article(Article(id="a2", text="x"), [_event()], now=NOW)
            raise RuntimeError("boom")
        assert store.count("articles") == 1 and store.count("events") == 1


def test_insert_event_rows_and_events_frame(url: str) -> None:
    from toneshift.store import event_row

    article = Article(id="b", text="t", date=dt.date(2026, 2, 1), url="https://x.org/a")
    rows = [event_row(article, i, _event(goldstein=float(i))) for i in range(5)]
    rows[0]["goldstein"] = float("nan")  # NaN is stored as NULL on both backends
    with open_store(url) as store:
        assert store.insert_event_rows(rows) == 5
        assert store.insert_event_rows([]) == 0
        assert store.count("events") == 5
        frame = store.events_frame("goldstein >= ? ORDER BY event_id", [2.0])
        assert list(frame["event_id"]) == ["toneshift:b:2", "toneshift:b:3", "toneshift:b:4"]
        assert str(frame["event_date"].iloc[0])[:10] == "2026-01-15"
        assert int(frame["quad_class"].iloc[0]) == 1
        assert store.events_frame("goldstein IS NULL")["event_id"].tolist() == ["toneshift:b:0"]


@pytest.mark.slow
def test_concurrent_openers_migrate_once() -> None:
    with fresh_schema() as pg:
        errors: list[BaseException] = []

        def opener() -> None:
            try:
                open_store(pg).close()
            except BaseException as exc:  # collected for the assertion below
                errors.append(exc)

        threads = [threading.Thread(target=opener) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        with open_store(pg) as store:
            assert store.count("schema_migrations") == len(MIGRATIONS)


def test_dispatch_and_helpers(tmp_path: Path) -> None:
    assert is_postgres_url("postgresql://u@h/db") and is_postgres_url("postgres://h/db")
    assert not is_postgres_url(str(tmp_path / "x.duckdb")) and not is_postgres_url(tmp_path)
    store = open_store(":memory:")
    assert isinstance(store, DuckDBStore) and require_duckdb(store, "report") is store
    store.close()
    assert translate_ddl("x TINYINT, y DOUBLE, z DOUBLE PRECISION") == (
        "x SMALLINT, y DOUBLE PRECISION, z DOUBLE PRECISION"
    )
    assert redact("postgresql://me:secret@host/db") == "postgresql://me:***@host/db"


def test_missing_psycopg_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(ModelError, match=r"toneshift\[postgres\]"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


@pytest.mark.slow
def test_unreachable_server_is_a_store_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match="cannot open database"):
        open_store("postgresql://nobody:pw@127.0.0.1:1/none?connect_timeout=2")


def test_local_events_con_answers_like_the_full_store() -> None:
    """The dyad rows + day totals view gives the analytics' exact answer (no server needed)."""
    import numpy as np

    from toneshift.analytics.changepoints import shift_records
    from toneshift.analytics.series import series_records
    from toneshift.analytics.synthetic import planted_events, planted_series
    from toneshift.store.dyad_local import local_events_con

    planted = planted_series(np.random.default_rng(1), n=60, n_breaks=2)
    rows = planted_events(np.random.default_rng(2), planted, source="USAGOV", target="COL")
    noise = planted_events(np.random.default_rng(3), planted, source="FRA", target="DEU")
    store = open_store(":memory:")
    assert isinstance(store, DuckDBStore)
    store.insert_event_rows(rows + noise)
    full = store.events_frame()
    totals = full.groupby(["event_date", "dataset"], dropna=False).size().reset_index(name="n")
    dyad = store.events_frame("source_country IN ('USA', 'COL')")
    local = local_events_con(dyad, totals)
    for freq in ("month", "quarter"):
        assert series_records(local, "USA", "COL", freq=freq) == series_records(
            store.con, "USA", "COL", freq=freq
        )
    assert shift_records(local, "USA", "COL") == shift_records(store.con, "USA", "COL")
    store.close()
