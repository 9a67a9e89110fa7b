"""Symbolism or substance? Do verbal gestures turn into deeds within N days?

A **gesture** is a verbal-cooperation event of the dyad: CAMEO 02x (appeals, requests,
invitations) or 03x (expressed intent: to cooperate, to meet — 036 —, to provide aid...).
It is **fulfilled** when, after its day and within ``days`` days, the same two parties (in
either direction, at the level the caller named them: USA–COL or USAGOV–COLGOV) have a
material-cooperation event (quad class 2), a consultation (04x) or an agreement (057,
06x–08x). Gestures whose ``days`` days reach past the store's last event are **pending**:
not counted as kept or broken. Rate = fulfilled / (gestures − pending).

One SQL range join does the matching; no loop over events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

from toneshift.analytics.dyads import Party, check_pair, direction_sql, dyad_where, resolve_party

GESTURE_SQL = "left(cameo, 2) IN ('02', '03')"
DEED_SQL = "(quad_class = 2 OR left(cameo, 2) IN ('04', '06', '07', '08') OR cameo = '057')"


@dataclass(frozen=True)
class FollowThrough:
    """Per-direction follow-through rates and the gestures left unfulfilled."""

    dyad: str
    days: int
    rates: list[dict[str, Any]]
    unfulfilled: list[dict[str, Any]]


def follow_through(
    con: duckdb.DuckDBPyConnection,
    a: str | Party,
    b: str | Party,
    *,
    days: int = 90,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> FollowThrough:
    """Match each gesture of the dyad to its first deed within ``days`` days."""
    pa = a if isinstance(a, Party) else resolve_party(a)
    pb = b if isinstance(b, Party) else resolve_party(b)
    check_pair(pa, pb)
    gestures = _matched(con, pa, pb, days, start, end)
    gestures["direction"] = gestures["side"].map(
        {"A->B": f"{pa.code}->{pb.code}", "B->A": f"{pb.code}->{pa.code}"}
    )
    rates = _rates(gestures)
    open_ = gestures[~gestures["fulfilled"] & ~gestures["pending"]]
    cols = ["event_date", "direction", "source_code", "target_code", "cameo", "sentence", "url"]
    unfulfilled = open_[cols].sort_values("event_date")
    unfulfilled["event_date"] = pd.to_datetime(unfulfilled["event_date"]).dt.date
    unfulfilled = unfulfilled.astype(object)
    unfulfilled = unfulfilled.where(unfulfilled.notna(), None)
    return FollowThrough(
        f"{pa.code}<->{pb.code}",
        days,
        rates,
        [dict(r) for r in unfulfilled.to_dict(orient="records")],
    )


def _matched(
    con: duckdb.DuckDBPyConnection,
    a: Party,
    b: Party,
    days: int,
    start: dt.date | None,
    end: dt.date | None,
) -> pd.DataFrame:
    where, wparams = dyad_where(a, b)
    side, sparams = direction_sql(a, b)
    sql = f"""
    WITH d AS (SELECT * FROM events WHERE {where} AND event_date IS NOT NULL),
    g AS (SELECT {side} AS side, * FROM d WHERE {GESTURE_SQL}
          AND event_date >= coalesce(?, DATE '0001-01-01')
          AND event_date <= coalesce(?, DATE '9999-12-31')),
    f AS (SELECT event_date FROM d WHERE {DEED_SQL}),
    last AS (SELECT max(event_date) AS last_day FROM events)
    SELECT g.event_id, any_value(g.side) AS side, any_value(g.event_date) AS event_date,
        any_value(g.source_code) AS source_code, any_value(g.target_code) AS target_code,
        any_value(g.cameo) AS cameo, any_value(g.sentence) AS sentence, any_value(g.url) AS url,
        min(f.event_date) AS fulfilled_on,
        any_value(g.event_date) + {int(days)} > any_value(last.last_day) AS late
    FROM g CROSS JOIN last
    LEFT JOIN f ON f.event_date > g.event_date AND f.event_date <= g.event_date + {int(days)}
    GROUP BY g.event_id"""
    frame = con.execute(sql, [*wparams, *sparams, start, end]).df()
    frame["fulfilled"] = frame["fulfilled_on"].notna()
    frame["pending"] = ~frame["fulfilled"] & frame["late"].astype(bool)
    return frame


def _rates(gestures: pd.DataFrame) -> list[dict[str, Any]]:
    grouped = gestures.groupby("direction").agg(
        gestures=("event_id", "size"),
        fulfilled=("fulfilled", "sum"),
        pending=("pending", "sum"),
    )
    decided = grouped["gestures"] - grouped["pending"]
    grouped["rate"] = (grouped["fulfilled"] / decided.where(decided > 0)).round(4)
    out = grouped.reset_index().astype(object)
    out = out.where(out.notna(), None)
    return [
        {k: (int(v) if isinstance(v, int) else v) for k, v in r.items()}
        for r in out.to_dict(orient="records")
    ]
