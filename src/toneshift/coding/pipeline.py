"""From articles to stored events: paragraphs streamed through spaCy, coded, saved at once.

Long texts are never handed to spaCy whole: they are cut into paragraphs (and over-long
paragraphs into pieces at sentence ends), parsed in batches, and coded with one actor memory for
the whole article, so memory stays bounded by the batch, not the article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import replace

from toneshift.coding.coder import ArticleMemory, Coder
from toneshift.coding.headline import is_headline, sentence_case
from toneshift.coding.issues import find_issues, merge_issues
from toneshift.models import Article, Event
from toneshift.store import DuckDBStore

PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def paragraphs(text: str, max_chars: int = 20_000) -> Iterator[tuple[int, str]]:
    """(offset, paragraph) pairs; paragraphs longer than ``max_chars`` are split at sentence
    ends (or hard-cut when a 'sentence' is itself too long)."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        yield from _pieces(text, start, match.start(), max_chars)
        start = match.end()
    yield from _pieces(text, start, len(text), max_chars)


def _pieces(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, str]]:
    while start < end:
        stop = min(end, start + max_chars)
        if stop < end:
            cut = [m.end() for m in SENTENCE_END.finditer(text, start, stop)]
            stop = cut[-1] if cut and cut[-1] > start else stop
        piece = text[start:stop]
        if piece.strip():
            yield start, piece
        start = stop


def code_article(coder: Coder, article: Article, *, batch_size: int = 64) -> list[Event]:
    """All events of an article, with article-level provenance."""
    memory = ArticleMemory(coder.actors.document_resolver(article.date))
    pieces = paragraphs(article.text)
    offsets: list[int] = []

    def texts() -> Iterator[str]:
        for offset, piece in pieces:
            offsets.append(offset)
            yield prepare_piece(coder, piece, article.date)

    events: list[Event] = []
    for index, doc in enumerate(coder.nlp.pipe(texts(), batch_size=batch_size)):
        events.extend(
            coder.code_doc(
                doc, date=article.date, article_id=article.id, offset=offsets[index], memory=memory
            )
        )
    # sentences as written (a headline was parsed in sentence case)
    return [replace(e, sentence=article.text[e.span[0] : e.span[1]]) for e in events]


def prepare_piece(coder: Coder, piece: str, date: dt.date | None) -> str:
    """The text handed to the parser: headlines in sentence case, all else unchanged."""
    if not is_headline(piece):
        return piece
    return sentence_case(piece, lambda words: _names_a_country(coder, words, date))


def _names_a_country(coder: Coder, words: str, date: dt.date | None) -> bool:
    actor = coder.actors.resolve(words, date)
    return actor is not None and actor.country is not None


def describe_article(coder: Coder, article: Article) -> Article:
    """The article with its issues and third parties (countries named) filled in."""
    lemmas, words = _lexical_view(article.text)
    issues = find_issues(lemmas, words)
    countries: list[str] = []
    for code, _s, _e in coder.actors.country_mentions(article.text):
        if code not in countries:
            countries.append(code)
    return replace(
        article, issues=merge_issues([article.issues, issues]), third_parties=tuple(countries)
    )


def _lexical_view(text: str) -> tuple[list[str], list[str]]:
    # Article-level issue tagging runs on lower-cased words with a light plural fold instead of
    # a second parse of the whole text.
    words = re.findall(r"[a-z][a-z\-']*", text.lower())
    lemmas = [
        w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w for w in words
    ]
    return lemmas, words


def analyze_text(
    text: str,
    *,
    date: dt.date | None,
    title: str = "",
    url: str | None = None,
    coder: Coder | None = None,
) -> tuple[Article, list[Event]]:
    """Code a text as one article; return the described article and its events."""
    from toneshift.ingest.articles import text_article

    coder = coder or Coder.default()
    article = text_article(text, date=date, url=url)
    if title:
        article = replace(article, title=title)
    return analyze(coder, article)


def analyze(coder: Coder, article: Article) -> tuple[Article, list[Event]]:
    """Describe and code one article; its third parties are the countries it names that are
    not source or target of any of its events."""
    events = code_article(coder, article)
    described = describe_article(coder, article)
    in_dyads = {c for e in events for c in (e.source.country, e.target.country)}
    third = tuple(c for c in described.third_parties if c not in in_dyads)
    return replace(described, third_parties=third), events


def analyze_article(
    store: DuckDBStore, article: Article, *, now: dt.datetime, coder: Coder | None = None
) -> tuple[Article, list[Event]]:
    """Code an article and store it with its events in one transaction."""
    described, events = analyze(coder or Coder.default(), article)
    store.save_article(described, events, now=now)
    return described, events
