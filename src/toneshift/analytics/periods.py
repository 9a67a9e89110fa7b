"""Calendar periods: the frequencies analytics understands, their SQL and their labels.

Periods are calendar-aligned and start on their first day (weeks on Monday, ISO 8601).
Labels: day ``2014-03-05``, week ``2014-W10`` (ISO year and week), month ``2014-03``,
quarter ``2014-Q1``.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from toneshift.errors import InputError

FREQS: dict[str, str] = {"day": "DAY", "week": "WEEK", "month": "MONTH", "quarter": "QUARTER"}
_INTERVAL: dict[str, str] = {
    "day": "INTERVAL 1 DAY",
    "week": "INTERVAL 7 DAY",
    "month": "INTERVAL 1 MONTH",
    "quarter": "INTERVAL 3 MONTH",
}


def check_freq(freq: str) -> str:
    """Return ``freq`` if known, else raise :class:`InputError` naming the choices."""
    if freq not in FREQS:
        raise InputError(f"--freq: {freq!r} is not one of {', '.join(FREQS)}")
    return freq


def trunc_sql(freq: str, column: str = "event_date") -> str:
    """SQL that maps a DATE column to the first day of its period (a DATE)."""
    return f"CAST(date_trunc('{FREQS[check_freq(freq)].lower()}', {column}) AS DATE)"


def interval_sql(freq: str) -> str:
    """SQL interval literal of one period."""
    return _INTERVAL[check_freq(freq)]


def period_start(day: dt.date, freq: str) -> dt.date:
    """The first day of the period holding ``day``."""
    check_freq(freq)
    if freq == "day":
        return day
    if freq == "week":
        return day - dt.timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)


def labels(starts: pd.Series, freq: str) -> pd.Series:
    """Vectorised period labels for a Series of period start dates."""
    ts = pd.to_datetime(starts)
    check_freq(freq)
    if freq == "day":
        return ts.dt.strftime("%Y-%m-%d")
    if freq == "month":
        return ts.dt.strftime("%Y-%m")
    if freq == "quarter":
        return ts.dt.year.astype(str) + "-Q" + ts.dt.quarter.astype(str)
    iso = ts.dt.isocalendar()
    return iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
