"""The JSON API: thin routes over :mod:`toneshift.web.views` and :mod:`queries`.

Every list view also downloads as CSV or Parquet with ``?format=csv|parquet``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from toneshift.web import adapters, queries, views
from toneshift.web.problems import ApiError
from toneshift.web.state import app_state, db
from toneshift.web.tables import TableFormat, table_response

router = APIRouter(prefix="/api", tags=["data"])
Con = Annotated[duckdb.DuckDBPyConnection, Depends(db)]
CODE = r"^[A-Z]{3,}$"
Code = Annotated[str, Query(pattern=CODE, description="actor code, e.g. USA or COLGOV")]
OptCode = Annotated[str | None, Query(pattern=CODE)]
Freq = Annotated[str, Query(pattern="^(week|month|quarter|year)$")]
Fmt = Annotated[TableFormat, Query(description="json, csv or parquet")]
Limit = Annotated[int, Query(ge=1, le=1000)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]


@router.get("/health")
def health() -> dict[str, Any]:
    """Liveness probe (used by the CLI to find a running server)."""
    return {"ok": True}


@router.get("/actors")
def actors(
    q: Annotated[str, Query(min_length=1, max_length=60)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> dict[str, Any]:
    """Type-ahead: actor codes and names starting with ``q``."""
    hits = adapters.actor_search(q, limit)
    return {"ok": True, "items": [{"code": c, "label": label} for c, label in hits]}


@router.get("/dyads")
def dyads(
    request: Request,
    con: Con,
    min_events: Annotated[int, Query(ge=1)] = 1,
    limit: Limit = 100,
    format: Fmt = TableFormat.json,
) -> Response:
    """Country dyads with events, most active first."""
    rows = views.dyads(app_state(request), con, min_events, limit)
    return table_response("dyads", rows, format)


@router.get("/series")
def series(
    request: Request,
    con: Con,
    a: Code,
    b: Code,
    freq: Freq = "month",
    format: Fmt = TableFormat.json,
) -> Response:
    """Directed tone and Goldstein series of A->B and B->A."""
    view = views.dyad_view(app_state(request), con, a, b, freq)
    return table_response(
        "series",
        view["series"],
        format,
        {"a": a, "b": b, "freq": freq, "items": view["series"], "note": view["note"]},
    )


@router.get("/shifts")
def shifts(
    request: Request,
    con: Con,
    a: Code,
    b: Code,
    freq: Freq = "month",
    format: Fmt = TableFormat.json,
) -> Response:
    """Change points of the dyad in both directions."""
    view = views.dyad_view(app_state(request), con, a, b, freq)
    return table_response(
        "shifts",
        view["shifts"],
        format,
        {"a": a, "b": b, "freq": freq, "items": view["shifts"], "note": view["note"]},
    )


@router.get("/shift-feed")
def shift_feed(
    request: Request,
    con: Con,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    format: Fmt = TableFormat.json,
) -> Response:
    """The latest shifts across the busiest dyads and the watchlist, biggest first."""
    rows = views.shift_feed(app_state(request), con, limit)
    return table_response("shift_feed", rows, format)


@router.get("/region")
def region(
    request: Request,
    con: Con,
    hegemon: Code = "USA",
    region: Annotated[str, Query(pattern="^[a-z_]{3,40}$")] = "latin_america_caribbean",
    format: Fmt = TableFormat.json,
) -> Response:
    """The region heat map: monthly mean Goldstein of each power with each member."""
    view = views.region_view(app_state(request), con, hegemon, region)
    return table_response("region", view["cells"], format, view)


@router.get("/events")
def events(
    request: Request,
    con: Con,
    a: OptCode = None,
    b: OptCode = None,
    dyad: Annotated[bool, Query(description="both directions of a-b")] = False,
    start: dt.date | None = None,
    end: dt.date | None = None,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$")] = None,
    plover: Annotated[str | None, Query(pattern=r"^[A-Z]{3,}$")] = None,
    article_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    cursor: Annotated[str | None, Query(max_length=400)] = None,
    format: Fmt = TableFormat.json,
) -> Response:
    """Events, newest first; page with ``offset`` or the returned ``next_cursor``."""
    if start and end and start > end:
        raise ApiError(422, "start: must not be after end")
    flt = queries.EventFilter(a, b, dyad, start, end, cameo, plover, article_id)
    page = views.events_page(app_state(request), con, flt, limit, offset, cursor)
    return table_response("events", page["items"], format, page)


@router.get("/articles")
def articles(
    con: Con, limit: Limit = 50, offset: Offset = 0, format: Fmt = TableFormat.json
) -> Response:
    """Stored articles, newest first (without bodies)."""
    rows = queries.list_articles(con, limit=limit, offset=offset)
    return table_response("articles", rows, format)


@router.get("/articles/{article_id}")
def article(con: Con, article_id: str, format: Fmt = TableFormat.json) -> Response:
    """One article with its body and coded events (``format`` downloads the events)."""
    found = queries.get_article(con, article_id)
    if found is None:
        raise ApiError(404, f"article {article_id} not found")
    return table_response(f"article_{article_id}_events", found["events"], format, {"item": found})


@router.get("/events/{event_id}")
def event(con: Con, event_id: str) -> dict[str, Any]:
    """One event by id."""
    cols = ", ".join(queries.EVENT_VIEW_COLUMNS)
    row = con.execute(f"SELECT {cols} FROM events WHERE event_id = ?", [event_id]).fetchone()
    if row is None:
        raise ApiError(404, f"event {event_id} not found")
    return {"ok": True, "item": dict(zip(queries.EVENT_VIEW_COLUMNS, row, strict=True))}
