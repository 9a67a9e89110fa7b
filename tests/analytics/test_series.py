"""Dyad series: counts, means, gaps, labels, levels of actor matching."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import pytest

from toneshift.analytics.dyads import resolve_party
from toneshift.analytics.periods import labels
from toneshift.analytics.series import dyad_series, series_records
from toneshift.errors import AnalyticsError, InputError
from toneshift.store import DuckDBStore

D = dt.date


def _fill(store: DuckDBStore, ev: Callable[..., dict]) -> None:
    store.insert_event_rows(
        [
            ev(1, D(2014, 1, 5), "USAGOV", "COL", 1, 3.0, tone=0.5, url="https://a.com/1"),
            ev(2, D(2014, 1, 9), "USA", "COLGOV", 4, -9.0, url="https://b.com/2"),
            ev(3, D(2014, 1, 20), "USAMIL", "COL", 2, 7.0, url="https://a.com/3"),
            ev(4, D(2014, 3, 2), "COLGOV", "USAGOV", 3, -4.0, tone=-0.2),
            ev(5, D(2014, 3, 3), "CHN", "COL", 1, 1.0),  # another dyad: counts in totals only
        ]
    )


def test_month_series_counts_means_and_gaps(store: DuckDBStore, ev: Callable[..., dict]) -> None:
    _fill(store, ev)
    frame = dyad_series(store.con, "USA", "COL")
    ab = frame[frame["direction"] == "USA->COL"].set_index("period")
    assert list(ab.index) == ["2014-01", "2014-02", "2014-03"]
    jan = ab.loc["2014-01"]
    assert jan["events"] == 3 and jan["goldstein_sum"] == pytest.approx(1.0)
    assert jan["net_cooperation"] == pytest.approx((2 - 1) / 3)
    assert jan["tone_mean"] == pytest.approx(0.5) and jan["sources"] == 2
    assert jan["per_1000"] == pytest.approx(1000.0)
    feb = ab.loc["2014-02"]
    assert feb["gap"] and feb["events"] == 0 and math.isnan(feb["goldstein_mean"])
    ba = frame[frame["direction"] == "COL->USA"].set_index("period")
    assert ba.loc["2014-03", "events"] == 1 and ba.loc["2014-03", "per_1000"] == 500.0


def test_actor_level_and_undirected(store: DuckDBStore, ev: Callable[..., dict]) -> None:
    _fill(store, ev)
    gov = dyad_series(store.con, "USAGOV", "COL")
    assert gov.groupby("direction")["events"].sum().to_dict() == {
        "USAGOV->COL": 1,
        "COL->USAGOV": 1,
    }
    both = dyad_series(store.con, "USA", "COL", directed=False, freq="quarter")
    assert both["direction"].unique().tolist() == ["USA<->COL"]
    assert both["events"].tolist() == [4]


def test_records_json_shape(store: DuckDBStore, ev: Callable[..., dict]) -> None:
    _fill(store, ev)
    rows = series_records(store.con, "USA", "COL", freq="week")
    assert {
        "period",
        "direction",
        "events",
        "goldstein_mean",
        "net_cooperation",
        "tone_mean",
    } <= set(rows[0])
    assert rows[0]["period"] == "2014-W01"
    assert any(r["goldstein_mean"] is None for r in rows)  # gaps are None, not 0


def test_errors(store: DuckDBStore) -> None:
    with pytest.raises(AnalyticsError):
        dyad_series(store.con, "USA", "COL")
    with pytest.raises(InputError):
        dyad_series(store.con, "USA", "USA")
    with pytest.raises(InputError):
        dyad_series(store.con, "USA", "COL", freq="year")


def test_labels() -> None:
    import pandas as pd

    s = pd.Series(pd.to_datetime(["2014-03-03", "2014-01-01"]))
    assert labels(s, "week").tolist() == ["2014-W10", "2014-W01"]
    assert labels(s, "quarter").tolist() == ["2014-Q1", "2014-Q1"]
    assert labels(s, "day").tolist() == ["2014-03-03", "2014-01-01"]


def test_party_levels() -> None:
    assert resolve_party("USA").level == "country"
    assert resolve_party("USAGOV").level == "actor"

    class Table:
        def resolve(self, text: str, date: object) -> object:
            from toneshift.models import Actor

            return Actor(text, code="COLGOV", country="COL") if text == "Petro" else None

    assert resolve_party("Petro", table=Table()).code == "COLGOV"
