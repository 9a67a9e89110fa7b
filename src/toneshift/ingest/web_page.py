"""Fetching one web page over HTTP (the client is injected, so tests never touch the network)."""

from __future__ import annotations

import datetime as dt

import httpx

from toneshift.errors import FetchError
from toneshift.ingest.articles import articles_from_bytes
from toneshift.models import Article

MAX_PAGE_BYTES = 20_000_000


def fetch_articles(url: str, *, client: httpx.Client, date: dt.date | None) -> list[Article]:
    """GET ``url`` and read its article; network and HTTP errors become :class:`FetchError`."""
    try:
        response = client.get(url, follow_redirects=True)
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from exc
    if response.status_code >= 400:
        raise FetchError(f"{url}: HTTP {response.status_code}")
    if len(response.content) > MAX_PAGE_BYTES:
        raise FetchError(f"{url}: page larger than {MAX_PAGE_BYTES} bytes")
    return articles_from_bytes(response.content, name=url, date=date, url=url)


def is_url(value: str) -> bool:
    """True for http(s) URLs."""
    return value.startswith(("http://", "https://"))
