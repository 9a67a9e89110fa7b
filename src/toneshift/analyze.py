"""Analyse articles end to end: read (file, URL, stdin), code, and store in one transaction."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import BinaryIO

import httpx

from toneshift.coding.coder import Coder
from toneshift.coding.pipeline import analyze
from toneshift.config import Settings, load_settings
from toneshift.ingest.articles import read_path, read_stream
from toneshift.ingest.web_page import fetch_articles, is_url
from toneshift.models import Article, Event
from toneshift.store import open_store

Analysis = tuple[Article, list[Event]]


def read_articles(
    source: str,
    *,
    date: dt.date | None,
    stdin: BinaryIO | None = None,
    client: httpx.Client | None = None,
    settings: Settings | None = None,
) -> list[Article]:
    """The article(s) named by a path, an http(s) URL, or ``-`` (read from ``stdin``)."""
    settings = settings or load_settings()
    if source == "-":
        if stdin is None:
            raise ValueError("source '-' needs a stdin stream")
        return read_stream(stdin, name="<stdin>", date=date, max_bytes=settings.max_article_bytes)
    if is_url(source):
        if client is not None:
            return fetch_articles(source, client=client, date=date)
        headers = {"User-Agent": settings.user_agent}
        with httpx.Client(timeout=settings.http_timeout, headers=headers) as own:
            return fetch_articles(source, client=own, date=date)
    return read_path(Path(source), date=date, max_bytes=settings.max_article_bytes)


def analyze_source(
    source: str,
    *,
    date: dt.date | None,
    today: dt.date,
    db: str | None,
    now: dt.datetime,
    stdin: BinaryIO | None = None,
    client: httpx.Client | None = None,
    settings: Settings | None = None,
    coder: Coder | None = None,
) -> list[Analysis]:
    """Read, code and (when ``db`` is given) store every article of a source.

    Articles with no date of their own are dated ``today``. All articles are coded before the
    store is opened, and stored in one transaction, so a failure leaves no partial rows.
    """
    articles = read_articles(source, date=date, stdin=stdin, client=client, settings=settings)
    coder = coder or Coder.default((settings or load_settings()).spacy_model)
    results = [analyze(coder, _dated(a, today)) for a in articles]
    if db:
        store = open_store(db)
        try:
            with store.transaction():
                for article, events in results:
                    store.save_article(article, events, now=now)
        finally:
            store.close()
    return results


def _dated(article: Article, today: dt.date) -> Article:
    if article.date is not None:
        return article
    from dataclasses import replace

    return replace(article, date=today)
