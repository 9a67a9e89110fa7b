"""What the pages and their JSON twins show, computed once per request and cached.

Routes stay thin: each calls one function here, which reads through a cursor and caches its
result in the app's :class:`ResultCache` (emptied after every write to the data).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from toneshift.errors import AnalyticsError
from toneshift.web import adapters, queries
from toneshift.web.state import AppState

HEGEMON_RIVALS = ("CHN", "RUS")


def dyad_view(
    state: AppState, con: duckdb.DuckDBPyConnection, a: str, b: str, freq: str = "month"
) -> dict[str, Any]:
    """Both directed series of a dyad and its change points."""

    def compute() -> dict[str, Any]:
        view: dict[str, Any] = {"a": a, "b": b, "freq": freq, "note": None}
        view["series"], view["shifts"] = [], []
        try:  # too little data is an answer, not a failure
            view["series"] = adapters.series_records(con, a, b, freq=freq)
            view["shifts"] = adapters.shift_records(con, a, b, freq=freq)
        except AnalyticsError as exc:
            view["note"] = str(exc)
        return view

    result: dict[str, Any] = state.cache.get_or_compute(("dyad", a, b, freq), compute)
    return result


def dyads(
    state: AppState, con: duckdb.DuckDBPyConnection, min_events: int, limit: int
) -> list[dict[str, Any]]:
    """Dyads with at least ``min_events`` events, most active first."""
    result: list[dict[str, Any]] = state.cache.get_or_compute(
        ("dyads", min_events, limit),
        lambda: queries.list_dyads(con, min_events=min_events, limit=limit),
    )
    return result


def events_page(
    state: AppState,
    con: duckdb.DuckDBPyConnection,
    flt: queries.EventFilter,
    limit: int,
    offset: int = 0,
    cursor: str | None = None,
) -> dict[str, Any]:
    """One page of the events view (cached until the next write)."""
    result: dict[str, Any] = state.cache.get_or_compute(
        ("events", flt, limit, offset, cursor),
        lambda: queries.list_events(con, flt, limit=limit, offset=offset, cursor=cursor),
    )
    return result


def feed_dyads(
    state: AppState, con: duckdb.DuckDBPyConnection, bound: int
) -> list[tuple[str, str]]:
    """The watchlist first, then the most active dyads, at most ``bound`` of them."""
    chosen: list[tuple[str, str]] = []
    for item in state.settings.watchlist:
        a, _, b = item.upper().partition("-")
        if a and b:
            chosen.append((a, b))
    for d in dyads(state, con, state.settings.min_dyad_events, bound):
        pair = (d["a"], d["b"])
        if pair not in chosen and (pair[1], pair[0]) not in chosen:
            chosen.append(pair)
    return chosen[:bound]


def _magnitude(shift: dict[str, Any]) -> float:
    before, after = shift.get("goldstein_before"), shift.get("goldstein_after")
    return abs(float(after) - float(before)) if before is not None and after is not None else 0.0


def shift_feed(state: AppState, con: duckdb.DuckDBPyConnection, limit: int = 20) -> list[dict]:
    """The latest shifts across the bounded set of dyads, biggest first, each explained."""

    def compute() -> list[dict[str, Any]]:
        today = state.clock().date()
        feed = []
        for a, b in feed_dyads(state, con, state.settings.shift_dyads):
            for shift in dyad_view(state, con, a, b)["shifts"]:
                item = {"a": a, "b": b, **shift, "magnitude": round(_magnitude(shift), 3)}
                item["why_now"] = adapters.why_now(con, a, b, shift)
                item["followthrough"] = adapters.followthrough(con, a, b, shift, today)
                feed.append(item)
        feed.sort(key=lambda s: (-s["magnitude"], str(s.get("date"))))
        return feed[:limit]

    result: list[dict[str, Any]] = state.cache.get_or_compute(("feed", limit), compute)
    return result


def region_view(
    state: AppState, con: duckdb.DuckDBPyConnection, hegemon: str, region: str
) -> dict[str, Any]:
    """The region heat map: the hegemon with each member, and its rivals beside it."""

    def compute() -> dict[str, Any]:
        rows = adapters.region_matrix(con, hegemon, region, rivals=HEGEMON_RIVALS)
        periods = sorted({str(r["period"])[:7] for r in rows})
        return {
            "hegemon": hegemon,
            "region": region,
            "periods": periods,
            "partners": adapters.region_members(region),
            "cells": rows,
        }

    result: dict[str, Any] = state.cache.get_or_compute(("region", hegemon, region), compute)
    return result


def highlight(body: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article body cut into plain and event-highlighted segments (templates escape)."""
    segments: list[dict[str, Any]] = []
    pos = 0
    spans = sorted(
        (e for e in events if e.get("span_start") is not None),
        key=lambda e: (e["span_start"], e["span_end"]),
    )
    for ev in spans:
        start, end = int(ev["span_start"]), int(ev["span_end"])
        if start < pos or end <= start or end > len(body):
            continue
        if start > pos:
            segments.append({"text": body[pos:start], "event": None})
        segments.append({"text": body[start:end], "event": ev})
        pos = end
    if pos < len(body):
        segments.append({"text": body[pos:], "event": None})
    return segments


def iso_today(state: AppState) -> dt.date:
    """Today in UTC by the app's clock."""
    return state.clock().date()
