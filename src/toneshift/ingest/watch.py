"""Poll the watched feeds, code each new entry and store it (``toneshift watch``).

A feed URL may be RSS/Atom (read with feedparser) or a plain web page (read with trafilatura
through :func:`~toneshift.ingest.articles.articles_from_bytes`). Each poll is a conditional GET
(``If-None-Match`` / ``If-Modified-Since`` from the last answer). For each entry not seen
before, the article page is fetched with :func:`~toneshift.ingest.web_page.fetch_articles`,
falling back to the entry's title and summary when the page cannot be read; the article is
coded and stored with :func:`~toneshift.coding.pipeline.analyze_article` and the entry is
remembered in the same transaction. Requests to one host are spaced by a politeness delay.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

import httpx

from toneshift.errors import FetchError, InputError
from toneshift.ingest.articles import articles_from_bytes, text_article
from toneshift.ingest.feeds import Feed, PollState, list_feeds, mark_seen, save_poll, seen_keys
from toneshift.ingest.remote import Sleep, Throttle
from toneshift.ingest.web_page import fetch_articles
from toneshift.models import Article
from toneshift.store.duckdb_store import DuckDBStore

#: ``analyze(store, article, now)`` codes and saves one article; returns its event count.
Analyze = Callable[[DuckDBStore, Article, dt.datetime], int]
#: Called as ``progress(feed url, feeds done, feeds total)``.
WatchProgress = Callable[[str, int, int], None]

_TAG = re.compile(r"<[^>]+>")
_SPACES = re.compile(r"[ \t]+")


@dataclass(frozen=True)
class Entry:
    """One item of a feed (or the page itself, for a plain web page)."""

    key: str
    url: str | None
    title: str = ""
    summary: str = ""
    date: dt.date | None = None
    article: Article | None = None  # a plain page, already read


@dataclass
class WatchReport:
    """Counts for one or more polls."""

    feeds: int = 0
    not_modified: int = 0
    new_entries: int = 0
    stored: int = 0
    from_summary: int = 0
    events: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def merge(self, other: WatchReport) -> None:
        """Add another report's counts to this one."""
        for name in ("feeds", "not_modified", "new_entries", "stored", "from_summary", "events"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def as_dict(self) -> dict[str, object]:
        """The CLI's JSON contract."""
        out: dict[str, object] = {k: v for k, v in vars(self).items() if k != "errors"}
        out["errors"] = [{"url": u, "error": e} for u, e in self.errors]
        return out

    def summary(self) -> str:
        """One line of counts."""
        return (
            f"feeds {self.feeds} ({self.not_modified} unchanged), new entries "
            f"{self.new_entries}, stored {self.stored} ({self.from_summary} from summaries), "
            f"events {self.events}, errors {len(self.errors)}"
        )


def default_analyze(store: DuckDBStore, article: Article, now: dt.datetime) -> int:
    """Code with the default coder and save (imported lazily: spaCy is heavy)."""
    from toneshift.coding.pipeline import analyze_article

    return len(analyze_article(store, article, now=now)[1])


@dataclass
class Poller:
    """Everything a poll needs besides the store: client, politeness, clock, coder."""

    client: httpx.Client
    throttle: Throttle
    now: Callable[[], dt.datetime]
    analyze: Analyze = default_analyze

    def poll_all(self, store: DuckDBStore, progress: WatchProgress | None = None) -> WatchReport:
        """Poll every watched feed once."""
        report = WatchReport()
        feeds = list_feeds(store)
        for i, feed in enumerate(feeds):
            if progress is not None:
                progress(feed.url, i, len(feeds))
            report.merge(self.poll(store, feed))
        if progress is not None:
            progress("", len(feeds), len(feeds))
        return report

    def poll(self, store: DuckDBStore, feed: Feed) -> WatchReport:
        """Poll one feed: conditional GET, then each new entry coded and stored."""
        report = WatchReport(feeds=1)
        try:
            response = self._get(feed.url, _conditional_headers(feed))
        except FetchError as exc:
            report.errors.append((feed.url, str(exc)))
            save_poll(store, feed.url, PollState(None, error=str(exc)), now=self.now())
            return report
        if response.status_code == 304:
            report.not_modified = 1
            save_poll(store, feed.url, PollState(304), now=self.now())
            return report
        try:
            kind, title, entries = read_entries(response.content, feed.url)
        except InputError as exc:
            report.errors.append((feed.url, str(exc)))
            save_poll(store, feed.url, PollState(response.status_code, error=str(exc)),
                      now=self.now())  # fmt: skip
            return report
        seen = seen_keys(store, feed.url)
        for entry in (e for e in entries if e.key not in seen):
            report.merge(self._take(store, feed, entry))
        state = PollState(
            response.status_code, kind, title,
            response.headers.get("etag"), response.headers.get("last-modified"),
        )  # fmt: skip
        save_poll(store, feed.url, state, now=self.now())
        return report

    def _get(self, url: str, headers: dict[str, str]) -> httpx.Response:
        self.throttle.wait(url)
        try:
            response = self.client.get(url, headers=headers, follow_redirects=True)
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc
        if response.status_code >= 400:
            raise FetchError(f"{url}: HTTP {response.status_code}")
        return response

    def _take(self, store: DuckDBStore, feed: Feed, entry: Entry) -> WatchReport:
        """Read, code and store one new entry, remembering it in the same transaction."""
        report = WatchReport(new_entries=1)
        articles, status = self._articles(feed, entry)
        now = self.now()
        with store.transaction():
            for article in articles:
                report.events += self.analyze(store, article, now)
            article_id = articles[0].id if articles else None
            mark_seen(store, feed.url, entry.key, url=entry.url, article_id=article_id,
                      status=status, now=now)  # fmt: skip
        report.stored = len(articles)
        report.from_summary = len(articles) if status == "summary" else 0
        if not articles:
            report.errors.append((entry.url or feed.url, status))
        return report

    def _articles(self, feed: Feed, entry: Entry) -> tuple[list[Article], str]:
        """The entry's article(s) and how they were got: page, summary, or why not."""
        if entry.article is not None:
            return [entry.article], "page"
        problem = "no link"
        if entry.url:
            self.throttle.wait(entry.url)
            try:
                return fetch_articles(entry.url, client=self.client, date=entry.date), "page"
            except (FetchError, InputError) as exc:
                problem = str(exc)
        text = "\n".join(t for t in (entry.title, _plain(entry.summary)) if t.strip())
        if not text.strip():
            return [], f"no article text ({problem})"
        return [text_article(text, date=entry.date, url=entry.url, source=feed.url)], "summary"


def _conditional_headers(feed: Feed) -> dict[str, str]:
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    return headers


def _plain(summary: str) -> str:
    return _SPACES.sub(" ", html.unescape(_TAG.sub(" ", summary))).strip()


def read_entries(content: bytes, url: str) -> tuple[str, str | None, list[Entry]]:
    """``(kind, title, entries)`` of a fetched URL: an RSS/Atom feed's items, or the page."""
    import feedparser

    parsed = feedparser.parse(content)
    if parsed.get("version") or parsed.entries:
        title = parsed.feed.get("title")
        return "feed", title, [_entry(e) for e in parsed.entries]
    articles = articles_from_bytes(content, name=url, date=None, url=url)
    entries = [Entry(key=a.id, url=url, title=a.title, article=a) for a in articles]
    return "page", articles[0].title if articles else None, entries


def _entry(item: Any) -> Entry:
    link = item.get("link") or None
    title = str(item.get("title") or "")
    summary = str(item.get("summary") or "")
    key = item.get("id") or link
    if not key:
        key = "sha256:" + hashlib.sha256((title + "\n" + summary).encode()).hexdigest()[:32]
    stamp = item.get("published_parsed") or item.get("updated_parsed")
    date = dt.date(*stamp[:3]) if stamp else None
    return Entry(key=str(key), url=link, title=title, summary=summary, date=date)


def watch(
    open_store: Callable[[], AbstractContextManager[DuckDBStore]],
    poller: Poller,
    *,
    every: float,
    sleep: Sleep,
    rounds: int | None = None,
    on_round: Callable[[WatchReport], None] | None = None,
    progress: WatchProgress | None = None,
) -> WatchReport:
    """Poll every feed, then wait ``every`` seconds, ``rounds`` times (None: forever).

    The store is opened only while polling, so other commands can use it in between.
    """
    total = WatchReport()
    done = 0
    while True:
        with open_store() as store:
            report = poller.poll_all(store, progress)
        total.merge(report)
        if on_round is not None:
            on_round(report)
        done += 1
        if rounds is not None and done >= rounds:
            return total
        sleep(every)
