"""A self-contained HTML report on one dyad: series, shifts, drivers, follow-through, region.

Charts are inline SVG (:mod:`.svg`), so the file opens offline. Each section that cannot be
computed (e.g. too little data) says why instead of failing the whole report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from html import escape
from typing import Any

import duckdb
import pandas as pd

from toneshift.analytics.changepoints import DyadShift, detect_shifts
from toneshift.analytics.drivers import why_now
from toneshift.analytics.dyads import Party, resolve_party
from toneshift.analytics.followthrough import follow_through
from toneshift.analytics.region import members, polarisation, region_matrix
from toneshift.analytics.series import dyad_series
from toneshift.analytics.svg import line_chart
from toneshift.errors import ToneshiftError

_CSS = """body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}
table{border-collapse:collapse;font-size:13px;margin:.5em 0}td,th{border:1px solid #ccc;
padding:3px 6px;text-align:left}th{background:#f3f3f3}.note{color:#a33}small{color:#666}"""


def build_report(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    now: dt.datetime,
    freq: str = "month",
    region: str | None = None,
    days: int = 90,
) -> str:
    """The report as one HTML string (``now`` is printed as the generation time)."""
    pa, pb = resolve_party(a), resolve_party(b)
    shifts: list[DyadShift] = []

    def shift_section() -> str:
        shifts.extend(detect_shifts(con, pa, pb, freq=freq))
        return _shift_table(shifts)

    body = [
        f"<h1>{escape(pa.code)} and {escape(pb.code)}</h1>",
        f"<p><small>generated {now.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC · {freq}ly "
        "series · Goldstein scale −10…+10, tone −1…+1</small></p>",
        _section("Series", lambda: _series_charts(con, pa, pb, freq, shifts_hint=None)),
        _section("Shifts", shift_section),
        _section("Why now? Drivers of each shift", lambda: _drivers(con, pa, pb, shifts, freq)),
        _section(f"Follow-through of gestures ({days} days)", lambda: _follow(con, pa, pb, days)),
        _section("Region", lambda: _region(con, pa, pb, region, freq)),
    ]
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>toneshift "
        f"{escape(pa.code)}–{escape(pb.code)}</title><style>{_CSS}</style></head><body>"
        + "\n".join(body)
        + "</body></html>"
    )


def _section(title: str, make: Callable[[], str]) -> str:
    try:
        content = make()
    except ToneshiftError as exc:
        content = f"<p class='note'>{escape(str(exc))}</p>"
    return f"<h2>{escape(title)}</h2>\n{content}"


def _series_charts(
    con: duckdb.DuckDBPyConnection, a: Party, b: Party, freq: str, shifts_hint: Any
) -> str:
    frame = dyad_series(con, a, b, freq=freq)
    wide = frame.pivot(
        index="period", columns="direction", values=["goldstein_mean", "tone_mean", "events"]
    )
    x = list(wide.index)
    charts = [
        line_chart(x, _cols(wide["goldstein_mean"]), title="mean Goldstein score"),
        line_chart(x, _cols(wide["tone_mean"]), title="mean tone"),
        line_chart(x, _cols(wide["events"]), title="events"),
    ]
    gaps = int(frame["gap"].sum())
    return (
        "\n".join(charts) + f"<p><small>{gaps} period-direction cells without events are "
        "drawn as breaks in the lines.</small></p>"
    )


def _cols(wide: pd.DataFrame) -> dict[str, list[float | None]]:
    return {str(c): [None if pd.isna(v) else float(v) for v in wide[c]] for c in wide.columns}


def _table(rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> str:
    if not rows:
        return "<p><em>none</em></p>"
    head = "".join(f"<th>{escape(k)}</th>" for k in keys)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_fmt(r.get(k)))}</td>" for k in keys) + "</tr>" for r in rows
    )
    return f"<table><tr>{head}</tr>{body}</table>"


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    return f"{v:.3f}" if isinstance(v, float) else str(v)


def _shift_table(shifts: Sequence[DyadShift]) -> str:
    keys = [
        "date",
        "dyad",
        "direction",
        "goldstein_before",
        "goldstein_after",
        "tone_before",
        "tone_after",
        "events_before",
        "events_after",
        "confidence",
    ]
    return _table([vars(s) for s in shifts], keys)


def _drivers(
    con: duckdb.DuckDBPyConnection, a: Party, b: Party, shifts: Sequence[DyadShift], freq: str
) -> str:
    parts = []
    for shift in sorted({s.date for s in shifts}):
        why = why_now(con, a, b, shift, freq=freq, top=3)
        parts.append(f"<h3>{shift.isoformat()}</h3>")
        for kind, rows in why.drivers.items():
            rows = [{**r, "example": _example(r.get("evidence") or [])} for r in rows]
            parts.append(
                f"<p><b>{escape(kind)}</b></p>"
                + _table(
                    rows,
                    [
                        "key",
                        "events_before",
                        "events_after",
                        "share_before",
                        "share_after",
                        "contribution",
                        "example",
                    ],
                )
            )
    return "\n".join(parts) or "<p><em>no shifts to explain</em></p>"


def _example(evidence: Sequence[dict[str, Any]]) -> str:
    if not evidence:
        return ""
    e = evidence[0]
    return f"{e.get('date')}: {e.get('sentence') or ''} {e.get('url') or ''}".strip()


def _follow(con: duckdb.DuckDBPyConnection, a: Party, b: Party, days: int) -> str:
    ft = follow_through(con, a, b, days=days)
    rates = _table(ft.rates, ["direction", "gestures", "fulfilled", "pending", "rate"])
    open_rows = ft.unfulfilled[-20:]
    return (
        rates + f"<p>Unfulfilled gestures (latest {len(open_rows)} of {len(ft.unfulfilled)})"
        "</p>" + _table(open_rows, ["event_date", "direction", "cameo", "sentence", "url"])
    )


def _region(
    con: duckdb.DuckDBPyConnection, a: Party, b: Party, region: str | None, freq: str
) -> str:
    region = region or "latin_america_caribbean"
    matrix = region_matrix(con, a.code[:3], region, freq, countries=members(region))
    pol = polarisation(matrix)
    wide = pol.pivot(index="period", columns="power", values="goldstein_spread")
    chart = line_chart(
        list(wide.index),
        _cols(wide),
        title=f"polarisation of {region} toward each power (std of Goldstein)",
    )
    latest = matrix[matrix["direction"] == "to_power"]
    recent = (
        latest[latest["period"] >= sorted(latest["period"].unique())[-12:][0]]
        if not latest.empty
        else latest
    )
    table = recent.pivot_table(index="country", columns="power", values="goldstein_mean")
    rows = [
        {"country": c, **{p: float(v) for p, v in r.items() if pd.notna(v)}}
        for c, r in table.iterrows()
    ]
    return (
        chart
        + "<p>Mean Goldstein toward each power, last 12 periods</p>"
        + _table(rows, ["country", *table.columns])
    )
