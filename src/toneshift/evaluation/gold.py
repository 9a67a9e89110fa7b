"""Gold-standard sentences in one shape, whatever file they came from.

Every reader (one per format, in ``gold_tsv``, ``gold_json`` and ``gold_xml``) returns a
:class:`GoldSet`: sentences, each with zero or more :class:`GoldEvent` and, where the format has
one, a sentence-level label per scheme (``plover``, ``cameo_root``, ``penta``). Records that
cannot be read are counted in ``unreadable`` with their line numbers; a file that is not a gold
file at all raises :class:`~toneshift.errors.GoldFormatError` naming the file and line.

Formats (detected from content by :func:`detect_format`):

``plover_tsv``   PLOVER TSV (``uid, sentence_id, gold_root, sentence, ..., source, target``)
``penta_tsv``    ConfliBERT ``sentence<TAB>class`` (0 statement … 4 material conflict)
``gsr_json``     PLOVER GSR records (``text``, ``source``/``target`` actor lists, ``event``)
``cameo_json``   CAMEO manual examples (``code``, ``examples``)
``petrarch_xml`` PETRARCH validation / unit-test records (``<Sentence>`` with ``<EventCoding>``)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from toneshift.errors import GoldFormatError

__all__ = [
    "FORMATS",
    "GoldActor",
    "GoldEvent",
    "GoldSentence",
    "GoldSet",
    "Unreadable",
    "detect_format",
    "read_gold",
]

#: Old PLOVER names (2016 GSR, Zero-Shot-PLOVER) → the names the coder emits, before scoring.
OLD_PLOVER_NAMES: Mapping[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


#: Formats whose events name source and target in words: ``auto`` mode means pair mode.
PAIR_FORMATS = frozenset({"plover_tsv", "gsr_json"})


@dataclass(frozen=True)
class GoldActor:
    """One gold actor: the words naming it (None when the gold has only a code) and its code."""

    text: str | None
    code: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One gold event. ``plover`` is a PLOVER root, ``cameo`` a CAMEO code; either may be None."""

    id: str
    line: int
    source: tuple[GoldActor, ...] = ()
    target: tuple[GoldActor, ...] = ()
    plover: str | None = None
    cameo: str | None = None

    @property
    def source_text(self) -> str | None:
        """The source actors' words joined (None when the gold names no source in words)."""
        return _join(self.source)

    @property
    def target_text(self) -> str | None:
        """The target actors' words joined (None when the gold names no target in words)."""
        return _join(self.target)

    @property
    def has_texts(self) -> bool:
        """True when both sides are named in words (usable in pair mode and open recall)."""
        return bool(self.source_text) and bool(self.target_text)


@dataclass(frozen=True)
class GoldSentence:
    """One sentence with its gold events and sentence-level labels (scheme → label)."""

    id: str
    text: str
    line: int
    events: tuple[GoldEvent, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    date: dt.date | None = None


@dataclass(frozen=True)
class Unreadable:
    """A record skipped because it could not be read."""

    line: int
    reason: str


@dataclass(frozen=True)
class GoldSet:
    """The readable content of one gold file."""

    path: str
    format: str
    sentences: tuple[GoldSentence, ...]
    unreadable: tuple[Unreadable, ...] = ()
    repaired: int = 0

    @property
    def default_mode(self) -> str:
        """``pair`` for formats whose events name both actors in words, else ``open``."""
        return "pair" if self.format in PAIR_FORMATS else "open"

    def limited(self, n: int | None) -> GoldSet:
        """The first ``n`` sentences (all when ``n`` is None)."""
        if n is None:
            return self
        return GoldSet(self.path, self.format, self.sentences[:n], self.unreadable, self.repaired)


def _join(actors: tuple[GoldActor, ...]) -> str | None:
    texts = [a.text for a in actors if a.text]
    return " ".join(texts) if texts else None


def detect_format(path: Path, text: str) -> str:
    """Name the gold format of ``text`` (read from ``path``); GoldFormatError when unknown."""
    head = text.lstrip("\ufeff \t\r\n")
    first = text.split("\n", 1)[0]
    if head.startswith("<"):
        if "<Sentence" in text:
            return "petrarch_xml"
    elif head.startswith("["):
        if '"examples"' in text and '"code"' in text:
            return "cameo_json"
        if '"text"' in text and '"event"' in text:
            return "gsr_json"
    elif {"sentence", "gold_root"} <= set(first.strip().split("\t")):
        return "plover_tsv"
    elif first.count("\t") == 1:
        return "penta_tsv"
    raise GoldFormatError(
        f"{path}: line 1: unknown gold format (expected PLOVER TSV, ConfliBERT "
        "TSV, PLOVER GSR JSON, CAMEO manual JSON or PETRARCH XML)"
    )


def _readers() -> dict[str, Callable[[Path, str], GoldSet]]:
    from toneshift.evaluation import gold_json, gold_tsv, gold_xml

    return {
        "plover_tsv": gold_tsv.read_plover_tsv,
        "penta_tsv": gold_tsv.read_penta_tsv,
        "gsr_json": gold_json.read_gsr_json,
        "cameo_json": gold_json.read_cameo_json,
        "petrarch_xml": gold_xml.read_petrarch_xml,
    }


FORMATS: tuple[str, ...] = ("plover_tsv", "penta_tsv", "gsr_json", "cameo_json", "petrarch_xml")


def read_gold(path: str | Path) -> GoldSet:
    """Read any supported gold file, detecting its format from the content."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GoldFormatError(f"{path}: no such file") from exc
    except UnicodeDecodeError as exc:
        raise GoldFormatError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    if not text.strip():
        raise GoldFormatError(f"{path}: line 1: the file is empty")
    gold = _readers()[detect_format(path, text)](path, text)
    if not gold.sentences:
        raise GoldFormatError(f"{path}: no readable gold records")
    return gold
