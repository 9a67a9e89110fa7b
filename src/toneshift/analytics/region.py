"""A hegemon and a region: the dyad matrix, rivals beside it, polarisation and co-movement.

* :func:`region_matrix` — per period, every country of the region with the hegemon and with
  its rivals (default China and Russia), in both directions: events, mean Goldstein, net
  cooperation, mean tone. One SQL query.
* :func:`polarisation` — per period and power, the spread (standard deviation) across the
  region's countries of their mean Goldstein score and tone toward that power; a higher value
  means the region is more divided in how it treats the power. Countries with fewer than
  ``min_events`` events that period are left out; the count used is reported.
* :func:`co_movement` — for a table of shifts (dyad, date), each pair of different dyads whose
  shifts fall within ``margin`` periods of each other, and whether they go the same way.

Region members come from the actor table (``region_members``); if that is not available a
small built-in list for ``latin_america_caribbean`` is used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb
import pandas as pd

from toneshift.analytics.periods import labels, trunc_sql
from toneshift.errors import InputError

LATIN_AMERICA_CARIBBEAN: tuple[str, ...] = (
    "ARG", "BHS", "BLZ", "BOL", "BRA", "BRB", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "GTM",
    "GUY", "HND", "HTI", "JAM", "MEX", "NIC", "PAN", "PER", "PRY", "SLV", "SUR", "TTO", "URY",
    "VEN",
)  # fmt: skip
RIVALS: tuple[str, ...] = ("CHN", "RUS")


def members(region: str, table: Any = None) -> list[str]:
    """Country codes of ``region`` from the actor table, or the built-in fallback."""
    if table is None:
        try:
            from toneshift.coding.actors import default_actor_table

            table = default_actor_table()
        except ImportError:
            table = None
    if table is not None and hasattr(table, "region_members"):
        return list(table.region_members(region))
    if region == "latin_america_caribbean":
        return list(LATIN_AMERICA_CARIBBEAN)
    raise InputError(f"unknown region {region!r} (no actor table to look it up)")


def region_matrix(
    con: duckdb.DuckDBPyConnection,
    hegemon: str = "USA",
    region: str = "latin_america_caribbean",
    freq: str = "month",
    *,
    rivals: Sequence[str] = RIVALS,
    countries: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Long frame: power, country, direction (``to_power``/``from_power``), period, measures."""
    powers = [hegemon, *[r for r in rivals if r != hegemon]]
    states = [c for c in (countries or members(region)) if c not in powers]
    src, tgt = (
        "coalesce(source_country, left(source_code, 3))",
        "coalesce(target_country, left(target_code, 3))",
    )
    sql = f"""
    WITH ev AS (SELECT {src} AS s, {tgt} AS t, {trunc_sql(freq)} AS period_start, goldstein,
                       quad_class, tone FROM events
                WHERE (list_contains(?::VARCHAR[], {src}) AND list_contains(?::VARCHAR[], {tgt}))
                   OR (list_contains(?::VARCHAR[], {tgt}) AND list_contains(?::VARCHAR[], {src})))
    SELECT CASE WHEN list_contains(?::VARCHAR[], t) THEN t ELSE s END AS power,
           CASE WHEN list_contains(?::VARCHAR[], t) THEN s ELSE t END AS country,
           CASE WHEN list_contains(?::VARCHAR[], t) THEN 'to_power' ELSE 'from_power' END
             AS direction,
           period_start, count(*) AS events, avg(goldstein) AS goldstein_mean,
           (count(*) FILTER (WHERE quad_class IN (1, 2))
            - count(*) FILTER (WHERE quad_class IN (3, 4))) / count(*) AS net_cooperation,
           avg(tone) AS tone_mean
    FROM ev GROUP BY ALL ORDER BY power, country, direction, period_start"""
    frame = con.execute(sql, [states, powers, states, powers, powers, powers, powers]).df()
    frame["period"] = labels(frame["period_start"], freq)
    return frame


def polarisation(
    matrix: pd.DataFrame, *, direction: str = "to_power", min_events: int = 3
) -> pd.DataFrame:
    """Per power and period: std across countries of mean Goldstein and tone (see module)."""
    rows = matrix[(matrix["direction"] == direction) & (matrix["events"] >= min_events)]
    out = rows.groupby(["power", "period_start", "period"], as_index=False).agg(
        countries=("country", "nunique"),
        goldstein_spread=("goldstein_mean", "std"),
        tone_spread=("tone_mean", "std"),
        goldstein_mean=("goldstein_mean", "mean"),
    )
    return out.sort_values(["power", "period_start"]).reset_index(drop=True)


def co_movement(shifts: pd.DataFrame, *, freq_months: int = 1, margin: int = 1) -> pd.DataFrame:
    """Pairs of shifts in different dyads within ``margin`` periods (of ``freq_months``)."""
    s = shifts[["dyad", "date", "direction"]].copy()
    d = pd.to_datetime(s["date"])
    s["k"] = (d.dt.year * 12 + d.dt.month - 1) // freq_months
    pairs = s.merge(s, how="cross", suffixes=("", "_other"))
    pairs = pairs[
        (pairs["dyad"] < pairs["dyad_other"]) & ((pairs["k"] - pairs["k_other"]).abs() <= margin)
    ]
    pairs = pairs.assign(same_direction=pairs["direction"] == pairs["direction_other"])
    return pairs.drop(columns=["k", "k_other"]).reset_index(drop=True)
