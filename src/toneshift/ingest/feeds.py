"""The feeds a watch polls (RSS/Atom or plain web pages) and what it has already seen.

State lives in the store's ``feeds`` table (one row per URL, with the ETag and Last-Modified
of the last answer, for conditional GETs) and ``feed_items`` (one row per entry seen, so a
second poll adds nothing). Polling itself is in :mod:`toneshift.ingest.watch`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from toneshift.errors import InputError
from toneshift.ingest.web_page import is_url
from toneshift.store.duckdb_store import DuckDBStore

_COLUMNS = "url, kind, title, etag, last_modified, added_at, polled_at, last_status, last_error"


@dataclass(frozen=True)
class Feed:
    """One watched URL and what its last poll left behind."""

    url: str
    kind: str | None = None  # "feed" | "page", known after the first poll
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    added_at: dt.datetime | None = None
    polled_at: dt.datetime | None = None
    last_status: int | None = None
    last_error: str | None = None

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready row."""
        return {k: getattr(self, k) for k in _COLUMNS.split(", ")}


@dataclass(frozen=True)
class PollState:
    """What one poll learned about a feed, to be saved with :func:`save_poll`."""

    status: int | None
    kind: str | None = None
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None


def _naive_utc(now: dt.datetime) -> dt.datetime:
    return now.astimezone(dt.UTC).replace(tzinfo=None)


def add_feed(store: DuckDBStore, url: str, *, now: dt.datetime) -> bool:
    """Watch ``url``; False when it was already watched. InputError for a non-HTTP URL."""
    url = url.strip()
    if not is_url(url):
        raise InputError(f"{url!r}: a feed must be an http:// or https:// URL")
    with store.transaction() as con:
        known = con.execute("SELECT count(*) FROM feeds WHERE url = ?", [url]).fetchone()
        if known and known[0]:
            return False
        con.execute("INSERT INTO feeds (url, added_at) VALUES (?, ?)", [url, _naive_utc(now)])
    return True


def remove_feed(store: DuckDBStore, url: str) -> bool:
    """Stop watching ``url`` and forget its seen entries; False when it was not watched."""
    with store.transaction() as con:
        row = con.execute("SELECT count(*) FROM feeds WHERE url = ?", [url]).fetchone()
        con.execute("DELETE FROM feed_items WHERE feed_url = ?", [url])
        con.execute("DELETE FROM feeds WHERE url = ?", [url])
    return bool(row and row[0])


def list_feeds(store: DuckDBStore) -> list[Feed]:
    """Every watched feed, in the order added."""
    rows = store.con.execute(f"SELECT {_COLUMNS} FROM feeds ORDER BY added_at, url").fetchall()
    return [Feed(*row) for row in rows]


def save_poll(store: DuckDBStore, url: str, state: PollState, *, now: dt.datetime) -> None:
    """Record a poll's answer; validators and kind are kept when the answer had none (304)."""
    store.con.execute(
        "UPDATE feeds SET polled_at = ?, last_status = ?, last_error = ?, "
        "kind = coalesce(?, kind), title = coalesce(?, title), "
        "etag = coalesce(?, etag), last_modified = coalesce(?, last_modified) WHERE url = ?",
        [
            _naive_utc(now), state.status, state.error, state.kind, state.title,
            state.etag, state.last_modified, url,
        ],
    )  # fmt: skip


def seen_keys(store: DuckDBStore, feed_url: str) -> set[str]:
    """Keys of the entries of ``feed_url`` already handled."""
    rows = store.con.execute(
        "SELECT item_key FROM feed_items WHERE feed_url = ?", [feed_url]
    ).fetchall()
    return {r[0] for r in rows}


def mark_seen(
    store: DuckDBStore,
    feed_url: str,
    key: str,
    *,
    url: str | None,
    article_id: str | None,
    status: str,
    now: dt.datetime,
) -> None:
    """Remember an entry so later polls skip it."""
    store.con.execute(
        "INSERT INTO feed_items VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [feed_url, key, url, article_id, status, _naive_utc(now)],
    )
