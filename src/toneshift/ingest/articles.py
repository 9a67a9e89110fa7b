"""Reading news articles from files, standard input and URLs into :class:`Article` objects.

Plain text, HTML (reduced to its main text with trafilatura) and JSONL (one article per line:
``{"id", "text", "date", "title", "url"}``) are recognised by content, not only by suffix.
Every failure is an :class:`~toneshift.errors.InputError` or
:class:`~toneshift.errors.FetchError` naming the file, line or URL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from toneshift.errors import EmptyInputError, EncodingError, InputError, NoArticleError
from toneshift.models import Article

HTML_START = re.compile(rb"^\s*(<!doctype html|<html|<head|<body|<article|<div|<p[ >])", re.I)
TITLE_MAX = 200
DEFAULT_MAX_BYTES = 10_000_000
MIN_ARTICLE_WORDS = 8  # below this, what trafilatura found is navigation, not an article


def article_id(text: str, url: str | None = None) -> str:
    """A stable id: the first 16 hex digits of SHA-256 over URL and text."""
    digest = hashlib.sha256(((url or "") + "\n" + text).encode("utf-8"))
    return digest.hexdigest()[:16]


def decode(data: bytes, *, name: str) -> str:
    """Bytes → text, refusing binary data and invalid UTF-8 with a message naming the place."""
    if b"\x00" in data[:65536]:
        raise EncodingError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise EncodingError(
            f"{name}: not valid UTF-8 at byte {exc.start} (line {line}); re-encode it as UTF-8"
        ) from exc
    if not text.strip():
        raise EmptyInputError(f"{name}: the input is empty")
    return text


def guess_title(text: str) -> str:
    """The first line when it reads like a headline (short, no sentence-final full stop)."""
    first = text.lstrip().split("\n", 1)[0].strip()
    if 0 < len(first) <= TITLE_MAX and not first.endswith((".", "?\u201d", ".\u201d")):
        return first
    return ""


def text_article(
    text: str, *, date: dt.date | None, url: str | None = None, source: str = ""
) -> Article:
    """An article from plain text."""
    return Article(
        id=article_id(text, url),
        text=text,
        date=date,
        title=guess_title(text),
        url=url,
        source=source,
    )


def html_article(
    html: str, *, date: dt.date | None, url: str | None = None, source: str = ""
) -> Article:
    """An article from an HTML page, reduced to its main text."""
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    body = _field(extracted, "text")
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise NoArticleError(f"{source or url or 'HTML'}: no article text found in the page")
    title = _field(extracted, "title") or ""
    page_date = _parse_date(_field(extracted, "date"))
    text = f"{title}\n{body}" if title and not body.startswith(title) else body
    return Article(
        id=article_id(text, url),
        text=text,
        date=date or page_date,
        title=title or guess_title(body),
        url=url,
        source=source or (url or ""),
    )


def _field(extracted: Any, name: str) -> str | None:
    if extracted is None:
        return None
    if isinstance(extracted, dict):
        return extracted.get(name)
    return getattr(extracted, name, None)


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def jsonl_articles(text: str, *, date: dt.date | None, name: str) -> Iterator[Article]:
    """Articles from JSONL, one object per line with at least ``text``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name} line {number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not str(record.get("text", "")).strip():
            raise InputError(f"{name} line {number}: field 'text' is missing or empty")
        when = _parse_date(str(record["date"])) if record.get("date") else date
        if record.get("date") and when is None:
            raise InputError(f"{name} line {number}: field 'date' is not an ISO date")
        body = str(record["text"])
        url = record.get("url")
        yield Article(
            id=str(record.get("id") or article_id(body, url)),
            text=body,
            date=when,
            title=str(record.get("title") or guess_title(body)),
            url=url,
            source=name,
        )


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line is a JSON object."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return first.lstrip().startswith("{") and first.rstrip().endswith("}")


def articles_from_bytes(
    data: bytes, *, name: str, date: dt.date | None, url: str | None = None
) -> list[Article]:
    """Recognise the format of raw bytes and read the article(s) in them."""
    if HTML_START.match(data[:2048]) and b"\x00" not in data[:65536]:
        return [html_article(decode(data, name=name), date=date, url=url, source=name)]
    text = decode(data, name=name)
    if looks_like_jsonl(text):
        return list(jsonl_articles(text, date=date, name=name))
    return [text_article(text, date=date, url=url, source=name)]


def read_path(
    path: Path, *, date: dt.date | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article]:
    """Read the article(s) in a file no larger than ``max_bytes`` (checked before reading)."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not an article file")
    check_size(path.stat().st_size, name=str(path), max_bytes=max_bytes)
    return articles_from_bytes(path.read_bytes(), name=str(path), date=date)


def read_stream(
    stream: BinaryIO, *, name: str, date: dt.date | None, max_bytes: int = DEFAULT_MAX_BYTES
) -> list[Article]:
    """Read article(s) from a byte stream, reading at most ``max_bytes + 1`` bytes."""
    data = stream.read(max_bytes + 1)
    check_size(len(data), name=name, max_bytes=max_bytes)
    return articles_from_bytes(data, name=name, date=date)


def check_size(size: int, *, name: str, max_bytes: int) -> None:
    """Refuse inputs over the article size limit before holding them in memory."""
    if size > max_bytes:
        raise InputError(
            f"{name}: {size / 1e6:.1f} MB is larger than the {max_bytes / 1e6:.1f} MB article "
            "limit; split it, or raise TONESHIFT_MAX_ARTICLE_BYTES"
        )
