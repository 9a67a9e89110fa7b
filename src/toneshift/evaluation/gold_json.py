"""Readers for the two JSON gold formats: PLOVER GSR records and CAMEO manual examples."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from toneshift.cameo import cameo_type
from toneshift.errors import GoldFormatError, ResolveError
from toneshift.evaluation.gold import (
    OLD_PLOVER_NAMES,
    GoldActor,
    GoldEvent,
    GoldSentence,
    GoldSet,
)

__all__ = ["iter_json_array", "read_cameo_json", "read_gsr_json"]


def iter_json_array(path: Path, text: str) -> Iterator[tuple[int, Any]]:
    """Yield ``(line, element)`` for each element of a top-level JSON array.

    Decoding element by element keeps each record's line number for error messages.
    """
    decoder = json.JSONDecoder()
    pos = _skip(text, 0)
    if not text.startswith("[", pos):
        raise GoldFormatError(f"{path}: line {_line(text, pos)}: expected a JSON array")
    pos = _skip(text, pos + 1)
    while not text.startswith("]", pos):
        try:
            element, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})") from exc
        yield _line(text, pos), element
        pos = _skip(text, end)
        if text.startswith(",", pos):
            pos = _skip(text, pos + 1)
        elif not text.startswith("]", pos):
            raise GoldFormatError(f"{path}: line {_line(text, pos)}: expected ',' or ']'")


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n\ufeff":
        pos += 1
    return pos


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


def read_gsr_json(path: Path, text: str) -> GoldSet:
    """PLOVER GSR records; the ``DOCUMENT`` record is skipped.

    Actor codes join ``code`` and ``sector`` (``DEU`` + ``GOV`` → ``DEUGOV``). When a record
    lists two or more sources and no target actor (a mutual event: "Bosnia and Slovenia
    agreed"), the first source is taken as the source and the second as the target.
    """
    sentences: list[GoldSentence] = []
    for line, record in iter_json_array(path, text):
        if not isinstance(record, dict):
            raise GoldFormatError(f"{path}: line {line}: a record must be a JSON object")
        if record.get("event") == "DOCUMENT":
            continue
        if not isinstance(record.get("text"), str) or not record.get("event"):
            raise GoldFormatError(f"{path}: line {line}: record needs 'text' and 'event'")
        rid = str(record.get("id") or f"record{len(sentences) + 1}")
        source, target = _actors(record.get("source")), _actors(record.get("target"))
        if len(source) > 1 and not target:
            source, target = source[:1], source[1:2]
        root = str(record["event"]).strip().upper()
        event = GoldEvent(rid, line, source, target, plover=OLD_PLOVER_NAMES.get(root, root))
        sentences.append(
            GoldSentence(
                rid,
                record["text"].strip(),
                line,
                (event,),
                labels={"plover": event.plover or ""},
                date=_date(record.get("date")),
            )
        )
    return GoldSet(str(path), "gsr_json", tuple(sentences))


def _actors(value: object) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()  # None, "" or a bare word such as "diplomatic": no actor
    actors = []
    for item in value:
        if isinstance(item, dict) and (item.get("actorText") or item.get("code")):
            code = (str(item.get("code") or "") + str(item.get("sector") or "")).upper() or None
            actors.append(GoldActor(item.get("actorText") or None, code))
    return tuple(actors)


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_cameo_json(path: Path, text: str) -> GoldSet:
    """CAMEO manual entries: each example sentence becomes one gold sentence.

    Labels: ``cameo_root`` (``"04"``) and ``plover`` (``"NONE"`` for plain statements, which
    PLOVER does not code). Ids are ``<code>-<k>``.
    """
    sentences = []
    for line, entry in iter_json_array(path, text):
        if not isinstance(entry, dict) or not isinstance(entry.get("examples"), list):
            raise GoldFormatError(f"{path}: line {line}: entry needs 'code' and 'examples'")
        code = str(entry.get("code", "")).strip()
        try:
            kind = cameo_type(code)
        except ResolveError as exc:
            raise GoldFormatError(f"{path}: line {line}: unknown CAMEO code {code!r}") from exc
        plover = kind.plover or "NONE"
        for k, example in enumerate(entry["examples"], start=1):
            if not isinstance(example, str) or not example.strip():
                continue
            event = GoldEvent(f"{kind.code}-{k}", line, cameo=kind.code, plover=plover)
            labels = {"cameo_root": kind.root, "plover": plover}
            sentences.append(GoldSentence(event.id, example.strip(), line, (event,), labels))
    return GoldSet(str(path), "cameo_json", tuple(sentences))
