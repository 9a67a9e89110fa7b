"""Shifts in a dyad's relations: change points of its Goldstein-mean series, with evidence.

For each direction (A→B, B→A) the period series of :func:`~.series.dyad_series` is segmented
by a registered method (PELT by default; see :mod:`.methods`, :mod:`.costs` for the weights
and the penalty rule). Each break becomes a :class:`DyadShift`: the first day of the first
non-empty period after the break, the event-mean Goldstein score and tone in the windows
before and after (each up to ``window`` non-empty periods, never crossing a neighbouring
break), the event counts behind them and a confidence from a day-block permutation test.

Sparse data: a direction with fewer than ``min_periods`` non-empty periods or ``min_events``
events is not analysed; when no direction qualifies :func:`detect_shifts` raises
:class:`AnalyticsError` saying what was found and what is needed (an empty list always means
"enough data, no shift").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import duckdb
import numpy as np
import pandas as pd

from toneshift.analytics.breaks import find_breaks
from toneshift.analytics.confidence import DEFAULT_PERMUTATIONS, block_permutation_p
from toneshift.analytics.costs import DEFAULT_C
from toneshift.analytics.dyads import Party, check_pair, direction_sql, dyad_where, resolve_party
from toneshift.analytics.periods import interval_sql
from toneshift.analytics.series import dyad_series
from toneshift.errors import AnalyticsError

MIN_PERIODS = 6
MIN_EVENTS = 30
WINDOW = 6


@dataclass(frozen=True)
class DyadShift:
    """One shift in one direction of a dyad."""

    dyad: str
    date: dt.date
    period: str
    direction: str  # "warming" | "cooling"
    goldstein_before: float
    goldstein_after: float
    goldstein_change: float
    tone_before: float | None
    tone_after: float | None
    events_before: int
    events_after: int
    before_start: dt.date
    after_end: dt.date
    confidence: float
    p_value: float
    method: str


@dataclass(frozen=True)
class ShiftOptions:
    """Knobs of :func:`detect_shifts`, with their documented defaults."""

    freq: str = "month"
    method: str = "pelt"
    c: float = DEFAULT_C
    window: int = WINDOW
    min_periods: int = MIN_PERIODS
    min_events: int = MIN_EVENTS
    permutations: int = DEFAULT_PERMUTATIONS
    dataset: str | None = None


def detect_shifts(
    con: duckdb.DuckDBPyConnection,
    a: str | Party,
    b: str | Party,
    *,
    freq: str = "month",
    method: str = "pelt",
    rng_seed: int = 0,
    **options: Any,
) -> list[DyadShift]:
    """Shifts in both directions of the dyad, in date order (see the module docstring).

    ``options`` are the other fields of :class:`ShiftOptions`. Raises :class:`AnalyticsError`
    when neither direction has enough data.
    """
    opts = ShiftOptions(freq=freq, method=method, **options)
    pa = a if isinstance(a, Party) else resolve_party(a)
    pb = b if isinstance(b, Party) else resolve_party(b)
    check_pair(pa, pb)
    frame = dyad_series(con, pa, pb, freq=freq, dataset=opts.dataset)
    events = _dyad_events(con, pa, pb, frame, opts)
    rng = np.random.default_rng(rng_seed)
    shifts: list[DyadShift] = []
    short: list[str] = []
    for name, part in frame.groupby("direction", sort=False):
        n_periods, n_events = int((part["events"] > 0).sum()), int(part["events"].sum())
        if n_periods < opts.min_periods or n_events < opts.min_events:
            short.append(f"{name} has {n_periods} non-empty periods and {n_events} events")
            continue
        side = "A->B" if name == f"{pa.code}->{pb.code}" else "B->A"
        shifts += _direction_shifts(part.reset_index(drop=True), events[side], opts, rng)
    if len(short) == frame["direction"].nunique():
        raise AnalyticsError(
            f"not enough data for {pa.code}–{pb.code} at {freq} level: {'; '.join(short)}; "
            f"need at least {opts.min_periods} non-empty periods and {opts.min_events} events"
        )
    return sorted(shifts, key=lambda s: (s.date, s.dyad))


def shift_records(con: duckdb.DuckDBPyConnection, a: str, b: str, **kwargs: Any) -> list[dict]:
    """:func:`detect_shifts` as JSON-ready dicts (dates as ISO strings)."""
    out = []
    for shift in detect_shifts(con, a, b, **kwargs):
        row = asdict(shift)
        out.append({k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()})
    return out


def _dyad_events(
    con: duckdb.DuckDBPyConnection, a: Party, b: Party, frame: pd.DataFrame, opts: ShiftOptions
) -> dict[str, pd.DataFrame]:
    where, wparams = dyad_where(a, b)
    side, sparams = direction_sql(a, b)
    ds = " AND dataset = ?" if opts.dataset else ""
    first, last = frame["period_start"].min(), frame["period_start"].max()
    sql = (
        f"SELECT {side} AS side, event_date, goldstein, tone FROM events WHERE {where} "
        f"AND event_date >= ? AND event_date < CAST(? AS DATE) + {interval_sql(opts.freq)}{ds}"
    )
    params = [*sparams, *wparams, first, last, *([opts.dataset] if opts.dataset else [])]
    ev = con.execute(sql, params).df()
    ev["event_date"] = pd.to_datetime(ev["event_date"])
    return {s: ev[ev["side"] == s] for s in ("A->B", "B->A")}


def _direction_shifts(
    part: pd.DataFrame, events: pd.DataFrame, opts: ShiftOptions, rng: np.random.Generator
) -> list[DyadShift]:
    found = find_breaks(part["goldstein_mean"], part["events"], method=opts.method, c=opts.c)
    nonempty = np.flatnonzero(part["events"].to_numpy() > 0)
    pos = [int(np.searchsorted(nonempty, k)) for k in found]  # break positions among non-empty
    edges = [0, *pos, nonempty.size]
    shifts = []
    for i, k in enumerate(pos):
        lo, hi = max(edges[i], k - opts.window), min(edges[i + 2], k + opts.window)
        shifts.append(_one_shift(part, events, nonempty[[lo, k, hi - 1]], opts, rng))
    return shifts


def _one_shift(
    part: pd.DataFrame,
    events: pd.DataFrame,
    idx: np.ndarray,
    opts: ShiftOptions,
    rng: np.random.Generator,
) -> DyadShift:
    starts = pd.to_datetime(part["period_start"])
    lo, brk = starts.iloc[idx[0]], starts.iloc[idx[1]]
    hi = starts.iloc[idx[2]] + pd.tseries.frequencies.to_offset(_OFFSET[opts.freq])
    win = events[(events["event_date"] >= lo) & (events["event_date"] < hi)]
    after = (win["event_date"] >= brk).to_numpy()
    gold = win["goldstein"].to_numpy(float)
    days = win["event_date"].to_numpy().astype("datetime64[D]").astype(np.int64)
    g_before, g_after = float(np.nanmean(gold[~after])), float(np.nanmean(gold[after]))
    p = block_permutation_p(days, np.nan_to_num(gold), after, rng, opts.permutations)
    return DyadShift(
        dyad=str(part["direction"].iloc[0]),
        date=brk.date(),
        period=str(part["period"].iloc[idx[1]]),
        direction="warming" if g_after > g_before else "cooling",
        goldstein_before=round(g_before, 4),
        goldstein_after=round(g_after, 4),
        goldstein_change=round(g_after - g_before, 4),
        tone_before=_mean_or_none(win["tone"][~after]),
        tone_after=_mean_or_none(win["tone"][after]),
        events_before=int((~after).sum()),
        events_after=int(after.sum()),
        before_start=lo.date(),
        after_end=(hi - pd.Timedelta(days=1)).date(),
        confidence=round(1.0 - p, 4),
        p_value=round(p, 4),
        method=opts.method,
    )


_OFFSET = {"day": "D", "week": "7D", "month": "MS", "quarter": "QS"}


def _mean_or_none(values: pd.Series) -> float | None:
    vals = values.dropna()
    return None if vals.empty else round(float(vals.mean()), 4)
