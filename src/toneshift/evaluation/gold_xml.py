"""Reader for PETRARCH validation and unit-test XML, recovering record by record.

Real files are not always well-formed: ``PETR2_GSR_validation.xml`` self-closes most
``<Sentence .../>`` tags and still ends them with ``</Sentence>``. So the file is never parsed as a
whole. Comments are blanked (keeping line numbers), the text is cut into ``<Sentence>`` records,
each record's ``<Parse>`` tree (not needed here) is dropped, a self-closed opening tag is
re-opened, and the record is parsed on its own. A record that still does not parse, or has no
``<Text>``, is listed in :attr:`GoldSet.unreadable` with its line number; the rest are kept.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from toneshift.cameo import cameo_type
from toneshift.errors import GoldFormatError, ResolveError
from toneshift.evaluation.gold import GoldActor, GoldEvent, GoldSentence, GoldSet, Unreadable

__all__ = ["cameo_root", "read_petrarch_xml"]

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PARSE = re.compile(r"<Parse>.*?</Parse>", re.S)
_RECORD = re.compile(r"<Sentence\b.*?(?=<Sentence\b|</Sentences>|\Z)", re.S)
_SELF_CLOSED = re.compile(r"^(<Sentence\b[^<>]*?)\s*/>")


def _blank(match: re.Match[str]) -> str:
    """Replace a match by its newlines only, so later line numbers stay true."""
    return "\n" * match.group(0).count("\n")


def cameo_root(code: str) -> str:
    """The two-digit root of a CAMEO code (``"0352"`` → ``"03"``, ``"173"`` → ``"17"``)."""
    try:
        return cameo_type(code).root
    except ResolveError:
        clean = code.strip()
        return clean[:2] if len(clean) >= 3 else clean.zfill(2)


def read_petrarch_xml(path: Path, text: str) -> GoldSet:
    """PETRARCH ``<Sentence>`` records with ``<EventCoding>`` CAMEO and actor codes.

    Each sentence gets the label ``cameo_root`` of its first coded event, ``NONE`` when the
    record says ``noevents`` or has no coding.
    """
    clean = _COMMENT.sub(_blank, text)
    sentences: list[GoldSentence] = []
    unreadable: list[Unreadable] = []
    repaired = 0
    for match in _RECORD.finditer(clean):
        line = clean.count("\n", 0, match.start()) + 1
        body = _PARSE.sub(_blank, match.group(0))
        end = body.find("</Sentence>")
        body = body[: end + len("</Sentence>")] if end >= 0 else body.rstrip()
        if _SELF_CLOSED.match(body) and body.endswith("</Sentence>"):
            body = _SELF_CLOSED.sub(r"\1>", body, count=1)
            repaired += 1
        try:
            sentences.append(_record(ET.fromstring(body), line))
        except ET.ParseError as exc:
            where = line + exc.position[0] - 1
            unreadable.append(Unreadable(where, f"record at line {line}: malformed XML ({exc})"))
        except ValueError as exc:
            unreadable.append(Unreadable(line, f"record at line {line}: {exc}"))
    if not sentences and not unreadable:
        raise GoldFormatError(f"{path}: line 1: no <Sentence> records found")
    return GoldSet(str(path), "petrarch_xml", tuple(sentences), tuple(unreadable), repaired)


def _record(element: ET.Element, line: int) -> GoldSentence:
    if element.tag != "Sentence":
        raise ValueError(f"expected <Sentence>, found <{element.tag}>")
    rid = element.get("id") or f"line{line}"
    text_el = element.find("Text")
    text = " ".join((text_el.text or "").split()) if text_el is not None else ""
    if not text:
        raise ValueError(f"sentence {rid!r} has no <Text>")
    events = []
    for k, coding in enumerate(element.iter("EventCoding"), start=1):
        code = (coding.get("eventcode") or "").strip()
        if not code:  # noevents="True", or error="..." (a record PETRARCH should reject)
            continue
        events.append(
            GoldEvent(
                id=f"{rid}#{k}",
                line=line,
                cameo=code,
                source=(GoldActor(None, (coding.get("sourcecode") or "").strip() or None),),
                target=(GoldActor(None, (coding.get("targetcode") or "").strip() or None),),
            )
        )
    label = cameo_root(events[0].cameo or "") if events else "NONE"
    return GoldSentence(
        rid, text, line, tuple(events), {"cameo_root": label}, _date(element.get("date"))
    )


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(value or "", "%Y%m%d").date()
    except ValueError:
        return None
