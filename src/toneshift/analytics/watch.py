"""Online detection: which shifts of watched dyads are new since the last look?

Each check re-runs :func:`~.changepoints.detect_shifts` on the data now in the store and
compares with ``watch_state`` (migration ``0003_watch_state``). A shift counts as already
reported when the same dyad, frequency and direction has a reported shift within
``tolerance`` periods (as data arrives a break can move by a period; it is not news twice).
New shifts are recorded with the injected ``now``. Dyads with too little data give a note,
not an error, so one sparse dyad does not stop the watch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from toneshift.analytics.changepoints import DyadShift, detect_shifts
from toneshift.errors import AnalyticsError, InputError

_DAYS = {"day": 1, "week": 7, "month": 31, "quarter": 92}


@dataclass(frozen=True)
class WatchReport:
    """One check: the new shifts and the dyads that could not be analysed (with why)."""

    checked_at: dt.datetime
    new: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def parse_pair(text: str) -> tuple[str, str]:
    """``"USA:COL"`` → ``("USA", "COL")``; :class:`InputError` otherwise."""
    parts = [p.strip() for p in text.split(":")]
    if len(parts) != 2 or not all(parts):
        raise InputError(f"dyad {text!r}: expected A:B, e.g. USA:COL")
    return parts[0], parts[1]


def check_dyads(
    con: duckdb.DuckDBPyConnection,
    pairs: Sequence[tuple[str, str]],
    *,
    now: dt.datetime,
    freq: str = "month",
    method: str = "pelt",
    tolerance: int = 1,
) -> WatchReport:
    """Detect shifts of every pair, record and return the ones not reported before."""
    report = WatchReport(checked_at=now)
    for a, b in pairs:
        try:
            shifts = detect_shifts(con, a, b, freq=freq, method=method)
        except AnalyticsError as exc:
            report.notes.append(str(exc))
            continue
        for shift in shifts:
            if not _seen(con, shift, freq, tolerance):
                _record(con, shift, freq, now)
                report.new.append({k: _iso(v) for k, v in asdict(shift).items()})
    return report


def _seen(con: duckdb.DuckDBPyConnection, shift: DyadShift, freq: str, tolerance: int) -> bool:
    row = con.execute(
        "SELECT count(*) FROM watch_state WHERE dyad = ? AND freq = ? AND direction = ? "
        "AND abs(datediff('day', shift_date, ?)) <= ?",
        [shift.dyad, freq, shift.direction, shift.date, tolerance * _DAYS[freq]],
    ).fetchone()
    return bool(row and row[0])


def _record(con: duckdb.DuckDBPyConnection, shift: DyadShift, freq: str, now: dt.datetime) -> None:
    con.execute(
        "INSERT OR REPLACE INTO watch_state VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            shift.dyad,
            freq,
            shift.date,
            shift.direction,
            shift.goldstein_before,
            shift.goldstein_after,
            shift.confidence,
            now.astimezone(dt.UTC).replace(tzinfo=None),
        ],
    )


def _iso(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value
