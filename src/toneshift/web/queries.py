"""Read queries behind the table views: events, dyads, articles. Parameterised SQL only."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from typing import Any

import duckdb

from toneshift.errors import InputError

EVENT_VIEW_COLUMNS = (
    "event_id",
    "event_date",
    "source_code",
    "source_name",
    "target_code",
    "target_name",
    "cameo",
    "plover",
    "quad_class",
    "goldstein",
    "tone",
    "issues",
    "sentence",
    "url",
    "article_id",
    "span_start",
    "span_end",
    "dataset",
)


@dataclass(frozen=True)
class EventFilter:
    """Validated filters of the events view (codes match the code or its country part)."""

    source: str | None = None
    target: str | None = None
    dyad: bool = False
    start: dt.date | None = None
    end: dt.date | None = None
    cameo: str | None = None
    plover: str | None = None
    article_id: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL ``WHERE`` clause and its parameters."""
        parts, params = self._actors()
        for cond, value in (
            ("event_date >= ?", self.start),
            ("event_date <= ?", self.end),
            ("cameo LIKE ? || '%'", self.cameo),
            ("plover = ?", self.plover),
            ("article_id = ?", self.article_id),
        ):
            if value is not None:
                parts.append(cond)
                params.append(value)
        return (" AND ".join(parts) or "TRUE"), params

    def _actors(self) -> tuple[list[str], list[Any]]:
        one = (
            "(source_country = ? OR starts_with(source_code, ?))"
            " AND (target_country = ? OR starts_with(target_code, ?))"
        )
        if self.dyad and self.source and self.target:
            s, t = self.source, self.target
            return [f"(({one}) OR ({one}))"], [s, s, t, t, t, t, s, s]
        parts, params = [], []
        if self.source:
            parts.append("(source_country = ? OR starts_with(source_code, ?))")
            params += [self.source, self.source]
        if self.target:
            parts.append("(target_country = ? OR starts_with(target_code, ?))")
            params += [self.target, self.target]
        return parts, params


def encode_cursor(day: dt.date | None, event_id: str) -> str:
    """An opaque keyset cursor for the row after (``day``, ``event_id``)."""
    raw = f"{day.isoformat() if day else ''}|{event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date, str]:
    """The (date, event_id) a cursor points after; :class:`InputError` when malformed."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        day, event_id = raw.split("|", 1)
        return dt.date.fromisoformat(day), event_id
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError("cursor: malformed paging cursor") from exc


def list_events(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    *,
    limit: int,
    offset: int = 0,
    cursor: str | None = None,
) -> dict[str, Any]:
    """One page of events, newest first, with the cursor of the next page."""
    where, params = flt.where()
    if cursor:
        day, event_id = decode_cursor(cursor)
        where += " AND (event_date < ? OR (event_date = ? AND event_id < ?))"
        params += [day, day, event_id]
        offset = 0
    cols = ", ".join(EVENT_VIEW_COLUMNS)
    rows = con.execute(
        f"SELECT {cols} FROM events WHERE {where} "
        "ORDER BY event_date DESC NULLS LAST, event_id DESC LIMIT ? OFFSET ?",
        [*params, limit + 1, offset],
    ).fetchall()
    items = [dict(zip(EVENT_VIEW_COLUMNS, r, strict=True)) for r in rows[:limit]]
    more = len(rows) > limit and items and items[-1]["event_date"] is not None
    nxt = encode_cursor(items[-1]["event_date"], items[-1]["event_id"]) if more else None
    return {"items": items, "limit": limit, "offset": offset, "next_cursor": nxt}


def list_dyads(
    con: duckdb.DuckDBPyConnection, *, min_events: int = 1, limit: int = 100
) -> list[dict[str, Any]]:
    """Country dyads (undirected) with their event counts and latest event date."""
    rows = con.execute(
        """SELECT least(source_country, target_country) AS a,
                  greatest(source_country, target_country) AS b,
                  count(*) AS events, max(event_date) AS last_event
           FROM events
           WHERE source_country IS NOT NULL AND target_country IS NOT NULL
             AND source_country <> target_country
           GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY events DESC, a, b LIMIT ?""",
        [min_events, limit],
    ).fetchall()
    return [{"a": a, "b": b, "events": n, "last_event": last} for a, b, n, last in rows]


ARTICLE_LIST_COLUMNS = ("article_id", "title", "url", "source", "published", "issues", "stored_at")


def list_articles(con: duckdb.DuckDBPyConnection, *, limit: int, offset: int) -> list[dict]:
    """Articles, newest stored first (without their bodies)."""
    cols = ", ".join(ARTICLE_LIST_COLUMNS)
    rows = con.execute(
        f"SELECT {cols} FROM articles ORDER BY stored_at DESC NULLS LAST, article_id "
        "LIMIT ? OFFSET ?",
        [limit, offset],
    ).fetchall()
    return [dict(zip(ARTICLE_LIST_COLUMNS, r, strict=True)) for r in rows]


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """One article with its body and its coded events (in text order)."""
    cols = (*ARTICLE_LIST_COLUMNS, "body")
    row = con.execute(
        f"SELECT {', '.join(cols)} FROM articles WHERE article_id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    article = dict(zip(cols, row, strict=True))
    page = list_events(con, EventFilter(article_id=article_id), limit=1000)
    article["events"] = sorted(page["items"], key=lambda e: e["span_start"] or 0)
    return article
