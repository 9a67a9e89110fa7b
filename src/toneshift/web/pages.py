"""Server-rendered pages. Each has a JSON twin under /api (named in its docstring)."""

from __future__ import annotations

import re
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from toneshift.web import queries, views
from toneshift.web.comments import EMPTY_TEXT, list_comments
from toneshift.web.pages_common import render
from toneshift.web.problems import ApiError
from toneshift.web.state import app_state, db

router = APIRouter(include_in_schema=False)
Con = Annotated[duckdb.DuckDBPyConnection, Depends(db)]
CODE_RE = re.compile(r"^[A-Z]{3,}$")


def _code(value: str | None, default: str) -> str:
    value = (value or default).strip().upper()
    if not CODE_RE.match(value):
        raise ApiError(422, f"actor code {value!r}: three or more capital letters")
    return value


@router.get("/")
def dyad_page(request: Request, con: Con, a: str | None = None, b: str | None = None) -> Response:
    """The dyad explorer (twins: /api/series, /api/shifts, /api/events)."""
    ca, cb = _code(a, "USA"), _code(b, "COL")
    page = queries.list_events(con, queries.EventFilter(ca, cb, dyad=True), limit=100)
    shifts = views.dyad_view(app_state(request), con, ca, cb)["shifts"]
    return render(
        request, con, "dyad.html", {"a": ca, "b": cb, "events": page["items"], "shifts": shifts}
    )


@router.get("/shifts")
def shifts_page(
    request: Request, con: Con, limit: Annotated[int, Query(ge=1, le=100)] = 20
) -> Response:
    """The shift feed (twin: /api/shift-feed)."""
    feed = views.shift_feed(app_state(request), con, limit)
    threads = {_shift_id(s): list_comments(con, "shift", _shift_id(s)) for s in feed}
    return render(request, con, "shifts.html", {"feed": feed, "threads": threads})


def _shift_id(shift: dict[str, Any]) -> str:
    return f"{shift['a']}-{shift['b']}:{str(shift.get('date'))[:10]}:{shift.get('direction')}"


@router.get("/region")
def region_page(
    request: Request,
    con: Con,
    hegemon: str = "USA",
    region: Annotated[str, Query(pattern="^[a-z_]{3,40}$")] = "latin_america_caribbean",
) -> Response:
    """The region heat map (twin: /api/region)."""
    view = views.region_view(app_state(request), con, _code(hegemon, "USA"), region)
    grid: dict[tuple[str, str, str], Any] = {
        (c["hegemon"], c["partner"], str(c["period"])[:7]): c for c in view["cells"]
    }
    rows = sorted(
        {(c["hegemon"], c["partner"]) for c in view["cells"]},
        key=lambda r: (r[0] != view["hegemon"], r),
    )
    return render(request, con, "region.html", {**view, "grid": grid, "rows": rows})


@router.get("/articles")
def articles_page(request: Request, con: Con, offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    """Stored articles (twin: /api/articles)."""
    rows = queries.list_articles(con, limit=50, offset=offset)
    return render(request, con, "articles.html", {"articles": rows, "offset": offset})


def story_parts(title: str, body: str) -> tuple[str, str, int]:
    """Title, subtitle and the offset where the story text starts in ``body``.

    A body that repeats the title on its first line, and a short unpunctuated line after
    it, is read as title + subtitle (as in a pasted story).
    """
    offset, lines = 0, body.split("\n")
    if lines and lines[0].strip() and lines[0].strip() == title.strip():
        offset = len(lines[0]) + 1
        lines = lines[1:]
    subtitle = ""
    if len(lines) > 2 and 0 < len(lines[0].strip()) < 200 and lines[0].strip()[-1] not in ".!?":
        subtitle = lines[0].strip()
        offset += len(lines[0]) + 1
    return title, subtitle, offset


@router.get("/articles/{article_id}")
def story_page(request: Request, con: Con, article_id: str) -> Response:
    """The story page: highlighted events and the discussion (twin: /api/articles/{id})."""
    found = queries.get_article(con, article_id)
    if found is None:
        raise ApiError(404, f"article {article_id} not found")
    body = found["body"] or ""
    title, subtitle, start = story_parts(found["title"] or "", body)
    shifted = [
        {
            **e,
            "span_start": (e["span_start"] or 0) - start,
            "span_end": (e["span_end"] or 0) - start,
        }
        for e in found["events"]
    ]
    return render(
        request,
        con,
        "story.html",
        {
            "article": found,
            "title": title or article_id,
            "subtitle": subtitle,
            "segments": views.highlight(body[start:], shifted),
            "comments": list_comments(con, "article", article_id),
            "empty_text": EMPTY_TEXT,
        },
    )


@router.get("/events/{event_id}")
def event_page(request: Request, con: Con, event_id: str) -> Response:
    """One event and its discussion (twin: /api/events?…)."""
    row = con.execute(
        f"SELECT {', '.join(queries.EVENT_VIEW_COLUMNS)} FROM events WHERE event_id = ?", [event_id]
    ).fetchone()
    if row is None:
        raise ApiError(404, f"event {event_id} not found")
    event = dict(zip(queries.EVENT_VIEW_COLUMNS, row, strict=True))
    return render(
        request,
        con,
        "event.html",
        {"event": event, "comments": list_comments(con, "event", event_id)},
    )


@router.get("/docs")
def docs_page(request: Request, con: Con) -> Response:
    """A CDN-free API reference drawn from /openapi.json."""
    spec = request.app.openapi()
    ops = [
        {
            "method": m.upper(),
            "path": p,
            "summary": op.get("summary", ""),
            "doc": op.get("description", ""),
        }
        for p, item in spec.get("paths", {}).items()
        for m, op in item.items()
    ]
    return render(request, con, "docs.html", {"ops": ops})
