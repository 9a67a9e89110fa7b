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

    def branches(self) -> list[tuple[str, list[Any]]]:
        """Disjoint ``WHERE`` clauses (with parameters) whose union is the filter.

        Split so that each branch uses plain equality on the country columns, which DuckDB
        prunes with its zone maps: rows with both countries known match on those; rows with
        a country missing fall back to the code's prefix (a branch that min/max null
        statistics skip when no country is missing).
        """
        common, params = self._common()
        pairs = [(self.source, self.target)]
        if self.dyad and self.source and self.target:
            pairs.append((self.target, self.source))
        out = []
        for src, tgt in pairs:
            for actor_sql, actor_params in _actor_branches(src, tgt):
                clause = " AND ".join([actor_sql, *common]) or "TRUE"
                out.append((clause, [*actor_params, *params]))
        return out

    def _common(self) -> tuple[list[str], list[Any]]:
        parts, params = [], []
        for cond, value in (
            ("event_date >= ?", self.start),
            ("event_date <= ?", self.end),
            ("starts_with(cameo, ?)", self.cameo),
            ("plover = ?", self.plover),
            ("article_id = ?", self.article_id),
        ):
            if value is not None:
                parts.append(cond)
                params.append(value)
        return parts, params


def _side(side: str, code: str | None, exact: bool) -> tuple[str, list[Any]]:
    """One side's test: country equality (``exact``) or the fallback on the code."""
    if code is None:
        return "TRUE", []
    if len(code) > 3:
        return f"{side}_code = ?", [code]
    if exact:
        return f"{side}_country = ?", [code]
    return f"starts_with(coalesce({side}_country, {side}_code), ?)", [code]


def _actor_branches(src: str | None, tgt: str | None) -> list[tuple[str, list[Any]]]:
    """The country-equality branch and the missing-country branch of one direction."""
    if src is None and tgt is None:
        return [("TRUE", [])]
    s_eq, s_eq_p = _side("source", src, True)
    t_eq, t_eq_p = _side("target", tgt, True)
    fast = (f"{s_eq} AND {t_eq}", [*s_eq_p, *t_eq_p])
    nulls = [
        f"{side}_country IS NULL"
        for side, code in (("source", src), ("target", tgt))
        if code is not None and len(code) == 3
    ]
    if not nulls:
        return [fast]
    s_any, s_any_p = _side("source", src, False)
    t_any, t_any_p = _side("target", tgt, False)
    slow = (f"({' OR '.join(nulls)}) AND {s_any} AND {t_any}", [*s_any_p, *t_any_p])
    return [fast, slow]


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


def _page_sql(
    flt: EventFilter, limit: int, offset: int, cursor: str | None
) -> tuple[str, list[Any]]:
    """UNION ALL of each branch's own top-N, then the page of the merged order."""
    keyset, key_params = "", []
    if cursor:
        day, event_id = decode_cursor(cursor)
        keyset = " AND (event_date < ? OR (event_date = ? AND event_id < ?))"
        key_params = [day, day, event_id]
    cols = ", ".join(EVENT_VIEW_COLUMNS)
    order = "ORDER BY event_date DESC NULLS LAST, event_id DESC"
    parts, params = [], []
    for where, branch_params in flt.branches():
        parts.append(f"(SELECT {cols} FROM events WHERE {where}{keyset} {order} LIMIT ?)")
        params += [*branch_params, *key_params, limit + offset + 1]
    sql = f"SELECT * FROM ({' UNION ALL '.join(parts)}) {order} LIMIT ? OFFSET ?"
    return sql, [*params, limit + 1, offset]


def list_events(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter,
    *,
    limit: int,
    offset: int = 0,
    cursor: str | None = None,
) -> dict[str, Any]:
    """One page of events, newest first, with the cursor of the next page."""
    if cursor:
        offset = 0
    sql, params = _page_sql(flt, limit, offset, cursor)
    rows = con.execute(sql, params).fetchall()
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
