"""Every directed country dyad at once: monthly series in one GROUP BY, change points in one
vectorised optimal-partitioning pass (:func:`~.methods.batch_breaks`, same objective and
penalty as the per-dyad PELT).

Only dyads with enough data (:data:`~.changepoints.MIN_PERIODS` non-empty periods and
:data:`~.changepoints.MIN_EVENTS` events) get change points. No confidence test here: that is
per dyad, on demand (:func:`~.changepoints.detect_shifts`).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from toneshift.analytics.changepoints import MIN_EVENTS, MIN_PERIODS
from toneshift.analytics.costs import DEFAULT_C, penalty, volume_weights
from toneshift.analytics.methods import batch_breaks
from toneshift.analytics.periods import labels, trunc_sql

_COUNTRY = "coalesce({s}_country, left({s}_code, 3))"


def all_dyad_series(
    con: duckdb.DuckDBPyConnection, *, freq: str = "month", dataset: str | None = None
) -> pd.DataFrame:
    """Long frame: source, target, period_start, events, goldstein_sum, net_coop, tone_mean.

    Country level; events without a country on either side, and within-country events, are
    left out. Periods without events are absent here (see :func:`dyad_matrix`).
    """
    src, tgt = _COUNTRY.format(s="source"), _COUNTRY.format(s="target")
    ds = "AND dataset = ?" if dataset else ""
    sql = f"""
    SELECT {src} AS source, {tgt} AS target, {trunc_sql(freq)} AS period_start,
           count(*) AS events, sum(goldstein) AS goldstein_sum,
           (count(*) FILTER (WHERE quad_class IN (1, 2))
            - count(*) FILTER (WHERE quad_class IN (3, 4))) / count(*) AS net_cooperation,
           avg(tone) AS tone_mean
    FROM events
    WHERE {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}
      AND event_date IS NOT NULL {ds}
    GROUP BY ALL"""
    return con.execute(sql, [dataset] if dataset else []).df()


def dyad_matrix(
    long: pd.DataFrame, value: str = "goldstein_sum"
) -> tuple[pd.Index, pd.Index, np.ndarray]:
    """Pivot the long frame to (dyads × periods) with zeros for gaps, plus both axes."""
    dyad = long["source"] + "->" + long["target"]
    rows, dyads = pd.factorize(dyad, sort=True)
    starts = pd.to_datetime(long["period_start"])
    periods = pd.date_range(starts.min(), starts.max(), freq="MS")
    cols = periods.get_indexer(starts)
    out = np.zeros((len(dyads), len(periods)))
    out[rows, cols] = long[value].fillna(0).to_numpy(float)
    return pd.Index(dyads), periods, out


def all_shifts(long: pd.DataFrame, *, c: float = DEFAULT_C) -> pd.DataFrame:
    """Change points of every monthly dyad series with enough data.

    Returns one row per shift: dyad, date, period, direction, goldstein_before/after,
    events_before/after (windows reach back and ahead to the neighbouring breaks).
    """
    dyads, periods, gsum = dyad_matrix(long, "goldstein_sum")
    _, _, n_ev = dyad_matrix(long, "events")
    keep = ((n_ev > 0).sum(axis=1) >= MIN_PERIODS) & (n_ev.sum(axis=1) >= MIN_EVENTS)
    dyads, gsum, n_ev = dyads[keep], gsum[keep], n_ev[keep]
    y = np.divide(gsum, n_ev, out=np.zeros_like(gsum), where=n_ev > 0)
    w = np.vstack([volume_weights(row) for row in n_ev])
    pens = np.array([penalty(y[i][w[i] > 0], w[i][w[i] > 0], c) for i in range(len(dyads))])
    found = batch_breaks(y, w, pens)
    return _shift_table(dyads, periods, gsum, n_ev, found)


def _shift_table(
    dyads: pd.Index,
    periods: pd.DatetimeIndex,
    gsum: np.ndarray,
    n_ev: np.ndarray,
    found: list[list[int]],
) -> pd.DataFrame:
    rows = []
    for i, breaks in enumerate(found):
        edges = [0, *breaks, gsum.shape[1]]
        for j, k in enumerate(breaks):
            k = int(np.argmax(n_ev[i, k:] > 0)) + k  # first non-empty period after the break
            before = slice(edges[j], k)
            after = slice(k, edges[j + 2])
            g_b = gsum[i, before].sum() / max(n_ev[i, before].sum(), 1)
            g_a = gsum[i, after].sum() / max(n_ev[i, after].sum(), 1)
            rows.append(
                (
                    dyads[i],
                    periods[k].date(),
                    g_b,
                    g_a,
                    int(n_ev[i, before].sum()),
                    int(n_ev[i, after].sum()),
                )
            )
    table = pd.DataFrame(
        rows,
        columns=[
            "dyad",
            "date",
            "goldstein_before",
            "goldstein_after",
            "events_before",
            "events_after",
        ],
    )
    table["direction"] = np.where(
        table["goldstein_after"] > table["goldstein_before"], "warming", "cooling"
    )
    table["period"] = labels(pd.to_datetime(table["date"]), "month")
    return table
