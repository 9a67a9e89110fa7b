"""Drivers, follow-through, region view, watch and report on small hand-made stores."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
import pytest

from toneshift.analytics.drivers import why_now
from toneshift.analytics.followthrough import follow_through
from toneshift.analytics.region import co_movement, members, polarisation, region_matrix
from toneshift.analytics.report import build_report
from toneshift.analytics.watch import check_dyads, parse_pair
from toneshift.errors import InputError
from toneshift.store import DuckDBStore

D = dt.date
NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
Ev = Callable[..., dict]


def test_why_now_ranks_the_group_that_moved(store: DuckDBStore, ev: Ev) -> None:
    rows = [
        ev(i, D(2014, 1, 1 + i), "USAGOV", "COLGOV", 1, 3.0, cameo="042", issues="trade")
        for i in range(10)
    ]
    rows += [
        ev(
            20 + i,
            D(2014, 2, 1 + i),
            "USAGOV",
            "COLGOV",
            4,
            -9.0,
            cameo="173",
            issues="drugs,security",
            sentence=f"arrest {i}",
            url="https://x.org/a",
        )
        for i in range(10)
    ]
    store.insert_event_rows(rows)
    why = why_now(store.con, "USA", "COL", D(2014, 2, 1), window=1)
    top_roots = [r["key"] for r in why.drivers["cameo_root"]]
    assert set(top_roots[:2]) == {"17", "04"}
    total = sum(r["contribution"] for r in why.drivers["cameo_root"])
    assert total == pytest.approx(-9.0 - 3.0)
    assert why.drivers["issue"][0]["key"] in {"drugs", "security", "trade"}
    seventeen = next(r for r in why.drivers["cameo_root"] if r["key"] == "17")
    assert seventeen["evidence"][0]["sentence"] == "arrest 0"


def test_follow_through_rates_and_pending(store: DuckDBStore, ev: Ev) -> None:
    store.insert_event_rows(
        [
            ev(1, D(2014, 1, 1), "USAGOV", "COL", 1, 4.0, cameo="036"),
            ev(2, D(2014, 2, 1), "COLGOV", "USAGOV", 1, 1.0, cameo="042"),  # fulfils 1
            ev(3, D(2014, 3, 1), "USAGOV", "COL", 1, 4.0, cameo="030", sentence="will help"),
            ev(4, D(2014, 12, 1), "COL", "USA", 1, 3.0, cameo="020"),  # too late to judge
            ev(5, D(2014, 12, 20), "CHN", "RUS", 1, 1.0),
        ]
    )
    ft = follow_through(store.con, "USA", "COL", days=90)
    by = {r["direction"]: r for r in ft.rates}
    assert by["USA->COL"]["gestures"] == 2 and by["USA->COL"]["rate"] == 0.5
    assert by["COL->USA"]["pending"] == 1 and by["COL->USA"]["rate"] is None
    assert [u["sentence"] for u in ft.unfulfilled] == ["will help"]


def test_region_matrix_polarisation_and_co_movement(store: DuckDBStore, ev: Ev) -> None:
    rows = []
    for i, (country, gold) in enumerate([("COL", 5.0), ("VEN", -5.0), ("MEX", 1.0)]):
        rows += [ev(10 * i + k, D(2014, 1, 1 + k), country, "USA", 1, gold) for k in range(3)]
        rows += [ev(100 + 10 * i + k, D(2014, 1, 1 + k), "CHN", country, 2, 2.0) for k in range(3)]
    store.insert_event_rows(rows)
    m = region_matrix(store.con, countries=["COL", "VEN", "MEX"])
    assert set(m["power"]) == {"USA", "CHN"}
    pol = polarisation(m).set_index("power")
    assert pol.loc["USA", "countries"] == 3
    assert pol.loc["USA", "goldstein_spread"] == pytest.approx(pd.Series([5, -5, 1.0]).std())
    shifts = pd.DataFrame(
        {
            "dyad": ["A->B", "C->D", "E->F"],
            "date": [D(2014, 3, 1), D(2014, 4, 1), D(2015, 1, 1)],
            "direction": ["cooling", "cooling", "warming"],
        }
    )
    pairs = co_movement(shifts)
    assert len(pairs) == 1 and bool(pairs["same_direction"].iloc[0])
    assert "COL" in members("latin_america_caribbean")


def test_watch_reports_each_shift_once(planted_store: tuple[DuckDBStore, tuple]) -> None:
    store, _ = planted_store
    first = check_dyads(store.con, [("USA", "COL"), ("USA", "VEN")], now=NOW)
    assert len(first.new) == 2 and "not enough data" in first.notes[0]
    again = check_dyads(store.con, [("USA", "COL")], now=NOW)
    assert again.new == []
    assert parse_pair("USA:COL") == ("USA", "COL")
    with pytest.raises(InputError):
        parse_pair("USA")


def test_report_is_offline_html(planted_store: tuple[DuckDBStore, tuple]) -> None:
    store, _ = planted_store
    html = build_report(store.con, "USA", "COL", now=NOW)
    assert html.startswith("<!doctype html>") and "<svg" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in html and "cooling" in html
