"""Why now? What changed between the windows before and after a shift.

For each kind of driver — event type (CAMEO root, PLOVER), actor pair (source and target
codes) and issue — the events of the dyad in ``window`` periods before and after the shift
date are grouped in SQL. Each group gets its share of the window's events before and after
and its mean Goldstein score and tone; its **contribution** is
``share_after·mean_after − share_before·mean_before``, and these contributions add up to the
change in the dyad's mean Goldstein score, so they say which groups moved it. Groups are
ranked by ``|contribution|``; the top ones come with example sentences and URLs from the
after window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

from toneshift.analytics.dyads import Party, check_pair, dyad_where, resolve_party
from toneshift.analytics.periods import interval_sql, period_start

DRIVER_KEYS: dict[str, str] = {
    "cameo_root": "cameo_root",
    "plover": "plover",
    "actors": "coalesce(source_code, '?') || '->' || coalesce(target_code, '?')",
    "issue": "unnest(string_split(nullif(issues, ''), ','))",
}


@dataclass(frozen=True)
class WhyNow:
    """Drivers of one shift: ranked groups per kind, with evidence."""

    dyad: str
    shift_date: dt.date
    before: tuple[dt.date, dt.date]
    after: tuple[dt.date, dt.date]
    drivers: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def why_now(
    con: duckdb.DuckDBPyConnection,
    a: str | Party,
    b: str | Party,
    shift_date: dt.date,
    *,
    freq: str = "month",
    window: int = 3,
    top: int = 5,
    examples: int = 3,
) -> WhyNow:
    """Rank the event types, actor pairs and issues that moved the dyad around ``shift_date``."""
    pa = a if isinstance(a, Party) else resolve_party(a)
    pb = b if isinstance(b, Party) else resolve_party(b)
    check_pair(pa, pb)
    brk = period_start(shift_date, freq)
    lo, hi = _bound(con, brk, -window, freq), _bound(con, brk, window, freq)
    drivers = {
        kind: _ranked(con, pa, pb, key, (lo, brk, hi), top, examples)
        for kind, key in DRIVER_KEYS.items()
    }
    last = hi - dt.timedelta(days=1)
    return WhyNow(
        f"{pa.code}<->{pb.code}", brk, (lo, brk - dt.timedelta(days=1)), (brk, last), drivers
    )


def _bound(con: duckdb.DuckDBPyConnection, day: dt.date, steps: int, freq: str) -> dt.date:
    row = con.execute(
        f"SELECT CAST(CAST(? AS DATE) + {steps} * {interval_sql(freq)} AS DATE)", [day]
    ).fetchone()
    assert row is not None
    return row[0]


def _ranked(
    con: duckdb.DuckDBPyConnection,
    a: Party,
    b: Party,
    key: str,
    bounds: tuple[dt.date, dt.date, dt.date],
    top: int,
    examples: int,
) -> list[dict[str, Any]]:
    where, params = dyad_where(a, b)
    sql = f"""
    WITH ev AS (SELECT *, event_date >= ? AS after FROM events
                WHERE {where} AND event_date >= ? AND event_date < ?),
    tot AS (SELECT count(*) FILTER (WHERE NOT after) AS nb, count(*) FILTER (WHERE after) AS na
            FROM ev),
    k AS (SELECT {key} AS key, after, goldstein, tone, sentence, url, event_date FROM ev),
    g AS (SELECT key,
        count(*) FILTER (WHERE NOT after) AS events_before,
        count(*) FILTER (WHERE after) AS events_after,
        avg(goldstein) FILTER (WHERE NOT after) AS goldstein_before,
        avg(goldstein) FILTER (WHERE after) AS goldstein_after,
        avg(tone) FILTER (WHERE NOT after) AS tone_before,
        avg(tone) FILTER (WHERE after) AS tone_after,
        list(struct_pack(date := event_date, sentence := sentence, url := url)
             ORDER BY event_date) FILTER (WHERE after AND (sentence IS NOT NULL OR url IS NOT NULL))
          AS evidence
        FROM k WHERE key IS NOT NULL GROUP BY key)
    SELECT g.* EXCLUDE (evidence), g.evidence[1:{int(examples)}] AS evidence,
        g.events_before / nullif(tot.nb, 0) AS share_before,
        g.events_after / nullif(tot.na, 0) AS share_after,
        coalesce(g.events_after * g.goldstein_after / nullif(tot.na, 0), 0)
          - coalesce(g.events_before * g.goldstein_before / nullif(tot.nb, 0), 0) AS contribution
    FROM g, tot ORDER BY abs(contribution) DESC, key LIMIT {int(top)}"""
    brk, lo, hi = bounds[1], bounds[0], bounds[2]
    frame = con.execute(sql, [brk, *params, lo, hi]).df()
    out = frame.astype(object).where(frame.notna(), None)
    return [{**r, "evidence": _plain(r["evidence"])} for r in out.to_dict(orient="records")]


def _plain(value: Any) -> list[dict[str, Any]]:
    if value is None:
        return []
    return [
        {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in dict(e).items()}
        for e in list(value)
    ]
