"""toneshift: code news into political events and measure shifts in tone between governments.

The public API is listed in ``__all__``. Importing the package does no I/O and loads no model;
the spaCy pipeline loads on the first call that needs it.

>>> import datetime as dt, toneshift
>>> events = toneshift.code_text("Colombia criticized the United States.", date=dt.date(2026, 1, 5))
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from toneshift.errors import (
    AnalyticsError,
    ConfigError,
    FetchError,
    InputError,
    ModelError,
    ResolveError,
    StoreError,
    ToneshiftError,
)
from toneshift.models import PLOVER_TYPES, Actor, Article, Event, IssueTag

if TYPE_CHECKING:
    from toneshift.store.backends import EventStore

__version__ = "0.1.0"

__all__ = [
    "PLOVER_TYPES",
    "Actor",
    "AnalyticsError",
    "Article",
    "ConfigError",
    "Event",
    "FetchError",
    "InputError",
    "IssueTag",
    "ModelError",
    "ResolveError",
    "StoreError",
    "ToneshiftError",
    "__version__",
    "analyze_text",
    "code_pair",
    "code_text",
    "open_store",
]


def code_text(text: str, *, date: dt.date | None = None) -> list[Event]:
    """Code a text (a sentence or a whole article) into events, in text order.

    ``date`` is the article's date: it decides who held which office ("President Trump" in
    2019 and in 2023 resolve differently).
    """
    from toneshift.coding.coder import Coder
    from toneshift.coding.pipeline import code_article
    from toneshift.ingest.articles import text_article

    return code_article(Coder.default(), text_article(text, date=date))


def code_pair(text: str, source: str, target: str, *, date: dt.date | None = None) -> Event | None:
    """How ``source`` acted toward ``target`` in ``text`` (both given as words of the text)."""
    from toneshift.coding.coder import Coder
    from toneshift.coding.pair import code_pair as _code_pair

    return _code_pair(Coder.default(), text, source, target, date=date)


def analyze_text(
    text: str, *, date: dt.date | None = None, title: str = "", url: str | None = None
) -> tuple[Article, list[Event]]:
    """Code a text as an article: the article (issues, countries named) and its events."""
    from toneshift.coding.pipeline import analyze_text as _analyze_text

    return _analyze_text(text, date=date, title=title, url=url)


def open_store(url: str) -> EventStore:
    """Open the event store at a DuckDB path (``:memory:`` for a temporary one) or a
    ``postgresql://`` URL (needs ``toneshift[postgres]``)."""
    from toneshift.store import open_store as _open_store

    return _open_store(url)
