"""The coder's JSONL contract (see ``shared/eval/README.md``): records in, records out.

Input, one object per line: ``{"id", "text", "date"?}`` (open mode) or with ``"source"`` and
``"target"`` (pair mode). Output, one line per input line, same ids: ``{"id", "events": [...]}``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from toneshift.coding.coder import Coder
from toneshift.coding.pair import code_pair
from toneshift.coding.parallel import map_chunks
from toneshift.errors import InputError
from toneshift.models import Event


@dataclass(frozen=True)
class CodingRequest:
    """One input line of the contract."""

    id: str
    text: str
    date: dt.date | None
    source: str | None = None
    target: str | None = None

    @property
    def pair_mode(self) -> bool:
        """True when the actors are given."""
        return bool(self.source) and bool(self.target)


def parse_request(line: str, *, number: int, name: str = "input") -> CodingRequest:
    """Parse one contract line, naming the line on error."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} line {number}: not valid JSON ({exc.msg})") from exc
    if not isinstance(record, dict) or "text" not in record:
        raise InputError(f"{name} line {number}: expected an object with 'id' and 'text'")
    date = None
    if record.get("date"):
        try:
            date = dt.date.fromisoformat(str(record["date"])[:10])
        except ValueError as exc:
            raise InputError(f"{name} line {number}: field 'date' is not an ISO date") from exc
    return CodingRequest(
        id=str(record.get("id", number)),
        text=str(record["text"]),
        date=date,
        source=record.get("source") or None,
        target=record.get("target") or None,
    )


def event_record(event: Event) -> dict[str, Any]:
    """An event in the contract's shape (plus confidence and third parties)."""
    return {
        "source": {"text": event.source.text, "code": event.source.code},
        "target": {"text": event.target.text, "code": event.target.code},
        "cameo": event.cameo,
        "plover": event.plover,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "tone": event.tone,
        "issues": list(event.issue_names),
        "third_parties": list(event.third_parties),
        "confidence": event.confidence,
        "span": list(event.span),
    }


def code_requests(
    coder: Coder,
    requests: Sequence[CodingRequest],
    *,
    batch_size: int = 128,
    processes: int = 1,
) -> Iterator[dict[str, Any]]:
    """Answer requests in order. With ``processes`` > 1 (0 = one per core) large inputs are
    split into chunks that forked workers parse and code (see :mod:`toneshift.coding.parallel`)."""

    def answer_chunk(chunk: Sequence[CodingRequest]) -> list[dict[str, Any]]:
        docs = coder.nlp.pipe((r.text for r in chunk), batch_size=batch_size)
        return [_answer_or_error(coder, r, doc) for r, doc in zip(chunk, docs, strict=True)]

    yield from map_chunks(answer_chunk, requests, processes=processes, batch_size=batch_size)


def _answer_or_error(coder: Coder, request: CodingRequest, doc: Doc) -> dict[str, Any]:
    """The answer, or for a text the coder fails on, no events and the error under "error":
    one unreadable sentence must not cost a batch of thousands its answers. The CLI counts
    and reports these lines."""
    try:
        return _answer(coder, request, doc)
    except Exception as exc:  # any coder failure is reported per record
        return {"id": request.id, "events": [], "error": f"{type(exc).__name__}: {exc}"[:300]}


def _answer(coder: Coder, request: CodingRequest, doc: Doc) -> dict[str, Any]:
    if request.pair_mode:
        assert request.source is not None and request.target is not None
        event = code_pair(
            coder, request.text, request.source, request.target, date=request.date, doc=doc
        )
        events = [event] if event is not None else []
    else:
        events = list(coder.code_doc(doc, date=request.date))
    return {"id": request.id, "events": [event_record(e) for e in events]}
