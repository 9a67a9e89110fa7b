"""Directed dyad series: counts, Goldstein, net cooperation, volume share and tone per period.

One SQL query (``date_trunc`` + ``GROUP BY``) does the work; pandas only labels the result.

Columns of :func:`dyad_series` (one row per period and direction, every period of the range):

* ``events`` and ``verbal_coop``, ``material_coop``, ``verbal_conflict``, ``material_conflict``
  (counts by quad class);
* ``goldstein_sum``, ``goldstein_mean`` (= ``goldstein_sum / events``);
* ``net_cooperation`` = (cooperation − conflict) / events, where cooperation is quad classes
  1–2 and conflict 3–4: +1 all cooperation, −1 all conflict (normalised by the dyad's volume);
* ``per_1000`` = the dyad's events per 1,000 events of the store (or ``dataset``) in the
  period (normalised by the dataset's volume, so growth of the news feed is not read as
  growth of the relation);
* ``tone_mean`` (NULL when no event has a tone) and ``tone_events``;
* ``sources``: distinct news sources (URL host, else article id) behind the events;
* ``gap``: True for periods with no events; their means are NULL, not zero.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb
import pandas as pd

from toneshift.analytics.dyads import Party, check_pair, direction_sql, dyad_where, resolve_party
from toneshift.analytics.periods import check_freq, interval_sql, labels, period_start, trunc_sql
from toneshift.errors import AnalyticsError

SERIES_COLUMNS: tuple[str, ...] = (
    "period",
    "period_start",
    "direction",
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein_sum",
    "goldstein_mean",
    "net_cooperation",
    "per_1000",
    "tone_mean",
    "tone_events",
    "sources",
    "gap",
)

_AGG = """
count(*) AS events,
count(*) FILTER (WHERE quad_class = 1) AS verbal_coop,
count(*) FILTER (WHERE quad_class = 2) AS material_coop,
count(*) FILTER (WHERE quad_class = 3) AS verbal_conflict,
count(*) FILTER (WHERE quad_class = 4) AS material_conflict,
sum(goldstein) AS goldstein_sum,
avg(goldstein) AS goldstein_mean,
(count(*) FILTER (WHERE quad_class IN (1, 2)) - count(*) FILTER (WHERE quad_class IN (3, 4)))
  / count(*) AS net_cooperation,
avg(tone) AS tone_mean,
count(tone) AS tone_events,
count(DISTINCT coalesce(nullif(regexp_extract(url, '^[a-z]+://([^/]+)', 1), ''), article_id))
  AS sources
"""


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str | Party,
    b: str | Party,
    *,
    freq: str = "month",
    directed: bool = True,
    start: dt.date | None = None,
    end: dt.date | None = None,
    dataset: str | None = None,
) -> pd.DataFrame:
    """The dyad's series, one row per period and direction (``A->B``, ``B->A``; or ``A<->B``).

    ``start``/``end`` default to the first and last event date of the store (or ``dataset``),
    so quiet periods at either end show as gaps. Raises :class:`AnalyticsError` on an empty store.
    """
    pa, pb = _party(a), _party(b)
    check_pair(pa, pb)
    check_freq(freq)
    start, end = _date_range(con, start, end, dataset)
    frame = _query(con, pa, pb, freq, directed, (start, end), dataset)
    frame["direction"] = frame["side"].map(
        {
            "A->B": f"{pa.code}->{pb.code}",
            "B->A": f"{pb.code}->{pa.code}",
            "A<->B": f"{pa.code}<->{pb.code}",
        }
    )
    frame["period"] = labels(frame["period_start"], freq)
    frame["gap"] = frame["events"] == 0
    return frame.loc[:, list(SERIES_COLUMNS)].reset_index(drop=True)


def series_records(con: duckdb.DuckDBPyConnection, a: str, b: str, **kwargs: Any) -> list[dict]:
    """:func:`dyad_series` as JSON-ready dicts (NaN → None, dates → ISO strings)."""
    frame = dyad_series(con, a, b, **kwargs)
    frame["period_start"] = frame["period_start"].astype(str)
    out = frame.astype(object).where(frame.notna(), None)
    return [dict(row) for row in out.to_dict(orient="records")]


def _party(value: str | Party) -> Party:
    return value if isinstance(value, Party) else resolve_party(value)


def _dataset_sql(dataset: str | None) -> tuple[str, list[Any]]:
    return (" AND dataset = ?", [dataset]) if dataset else ("", [])


def _date_range(
    con: duckdb.DuckDBPyConnection,
    start: dt.date | None,
    end: dt.date | None,
    dataset: str | None,
) -> tuple[dt.date, dt.date]:
    if start is not None and end is not None:
        return start, end
    ds_sql, ds_params = _dataset_sql(dataset)
    row = con.execute(
        f"SELECT min(event_date), max(event_date) FROM events WHERE true{ds_sql}", ds_params
    ).fetchone()
    if row is None or row[0] is None:
        raise AnalyticsError("not enough data: the store holds no dated events")
    return start or row[0], end or row[1]


def _query(
    con: duckdb.DuckDBPyConnection,
    a: Party,
    b: Party,
    freq: str,
    directed: bool,
    span: tuple[dt.date, dt.date],
    dataset: str | None,
) -> pd.DataFrame:
    where, wparams = dyad_where(a, b)
    side, sparams = direction_sql(a, b) if directed else ("'A<->B'", [])
    ds_sql, ds_params = _dataset_sql(dataset)
    trunc, step = trunc_sql(freq), interval_sql(freq)
    first, last = period_start(span[0], freq), period_start(span[1], freq)
    sql = f"""
    WITH ev AS (
      SELECT {trunc} AS p, {side} AS side, * FROM events
      WHERE {where} AND event_date BETWEEN ? AND ?{ds_sql}),
    agg AS (SELECT side, p, {_AGG} FROM ev GROUP BY side, p),
    grid AS (SELECT CAST(unnest(range(CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP) + {step},
                                      {step})) AS DATE) AS p),
    sides AS (SELECT unnest(?::VARCHAR[]) AS side)
    SELECT g.p AS period_start, s.side, a.* EXCLUDE (side, p)
    FROM grid g CROSS JOIN sides s
    LEFT JOIN agg a ON a.p = g.p AND a.side = s.side
    ORDER BY s.side, g.p"""
    sides = ["A->B", "B->A"] if directed else ["A<->B"]
    params = [
        *sparams,
        *wparams,
        span[0],
        span[1],
        *ds_params,
        first,
        last,
        sides,
    ]
    frame = con.execute(sql, params).df()
    counts = [
        "events",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "tone_events",
        "sources",
    ]
    frame[counts] = frame[counts].fillna(0).astype("int64")
    frame["goldstein_sum"] = frame["goldstein_sum"].where(frame["events"] > 0)
    totals = period_totals(con, freq, span, dataset)
    per_period = pd.to_datetime(frame["period_start"]).map(totals)
    frame["per_1000"] = 1000.0 * frame["events"] / per_period.where(per_period > 0)
    return frame


# (database file, events in store, freq, span, dataset) → events per period. The event count is
# part of the key, so any load or deletion recomputes; a cold dyad then costs one scan less.
_TOTALS: dict[tuple[Any, ...], pd.Series] = {}
_TOTALS_LIMIT = 256


def period_totals(
    con: duckdb.DuckDBPyConnection,
    freq: str,
    span: tuple[dt.date, dt.date],
    dataset: str | None,
) -> pd.Series:
    """Events of the store (or ``dataset``) per period start, cached per store state."""
    ds_sql, ds_params = _dataset_sql(dataset)
    (path, size), *_ = con.execute(  # fetchall: a half-read result blocks the connection
        "SELECT (SELECT path FROM duckdb_databases() WHERE database_name = current_database()),"
        " (SELECT count(*) FROM events)"
    ).fetchall()
    key = (path, size, freq, span, dataset)
    cached = _TOTALS.get(key) if path else None  # in-memory stores are not cached
    if cached is not None:
        return cached
    rows = con.execute(
        f"SELECT {trunc_sql(freq)} AS p, count(*) AS n FROM events "
        f"WHERE event_date BETWEEN ? AND ?{ds_sql} GROUP BY 1",
        [span[0], span[1], *ds_params],
    ).df()
    totals = pd.Series(rows["n"].to_numpy(), index=pd.to_datetime(rows["p"]))
    if path:
        if len(_TOTALS) >= _TOTALS_LIMIT:
            _TOTALS.clear()
        _TOTALS[key] = totals
    return totals
