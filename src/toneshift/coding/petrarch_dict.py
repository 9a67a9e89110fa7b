"""Read PETRARCH/TABARI actor and agent dictionaries into entries for :class:`ActorTable`.

Actor files hold ``NAME_WITH_UNDERSCORES [CODE]`` lines, ``+ALIAS`` continuation lines and
indented code lines. A code may carry a date restriction: ``[CODE >20110101]`` (from),
``[CODE <20120101]`` (before), ``[CODE 20050101-20101231]`` (between); six-digit dates are
``YYMMDD`` (years below 30 are 20xx). A dated code that covers the sentence date wins over
the undated default. A name with no code of its own is a synonym of the next coded entry.
Agent files hold ``NAME {PLURAL} [~SECTOR]`` lines and ``!SET! = A, B`` substitution sets;
regular plurals are generated. ``#`` starts a comment; ``<!-- ... -->`` blocks are skipped.

Malformed lines raise :class:`~toneshift.errors.InputError` naming the file and line, or are
skipped (and counted in ``DictionaryReport``) with ``on_error="skip"``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from toneshift.coding.actor_table import ActorEntry
from toneshift.errors import InputError

AgentEntry = ActorEntry
"""Agents are entries of kind ``sector`` whose code is the sector part (``GOV``, ``MIL``)."""

OnError = Literal["raise", "skip"]
CODE_RE = re.compile(
    r"^(?P<code>[A-Za-z0-9/+~\-]+)"
    r"(?:\s*(?P<op>[<>])\s*(?P<when>\d+)|\s+(?P<lo>\d+)\s*-\s*(?P<hi>\d+))?$"
)
BLOCK_RE = re.compile(r"\[([^\]]*)\]")
SUBST_RE = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
PLURAL_RE = re.compile(r"\{([^}]*)\}")


@dataclass
class DictionaryReport:
    """What a load skipped (only filled with ``on_error="skip"``)."""

    skipped: list[str] = field(default_factory=list)


def parse_date(text: str) -> dt.date:
    """``YYYYMMDD`` or ``YYMMDD`` (pivot 30) -> date; ``ValueError`` otherwise."""
    if len(text) == 8:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year < 30 else 1900
        return dt.date(year, int(text[2:4]), int(text[4:]))
    raise ValueError(f"a date must have 6 or 8 digits, not {text!r}")


def _day_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=1)


def parse_code_block(block: str) -> tuple[str, dt.date | None, dt.date | None]:
    """``"USAGOV >20110101"`` -> (code, start, end-exclusive); ``ValueError`` if malformed."""
    m = CODE_RE.match(block.strip())
    if m is None:
        raise ValueError(f"bad code block [{block}]")
    code = m["code"].upper()
    if m["op"] == ">":
        return code, parse_date(m["when"]), None
    if m["op"] == "<":
        return code, None, parse_date(m["when"])
    if m["lo"]:
        return code, parse_date(m["lo"]), _day_after(parse_date(m["hi"]))
    return code, None, None


def _clean(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _phrase(raw: str) -> str:
    """``"UNITED_STATES_"`` -> ``"united states"``; a short acronym (``US``) keeps its case."""
    words = raw.replace("_", " ").split()
    if len(words) == 1 and len(words[0].replace(".", "")) <= 3:
        return words[0]
    return " ".join(words).lower()


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered, comment-free, non-empty lines."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"{path}: cannot read dictionary: {exc}") from exc
    in_xml = False
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if in_xml or stripped.startswith("<!"):
            in_xml = "-->" not in stripped
            continue
        line = _clean(raw)
        if line.strip():
            yield number, line


class _ActorReader:
    """State machine over the lines of one actor file."""

    def __init__(self, path: Path, on_error: OnError, report: DictionaryReport) -> None:
        self.path, self.on_error, self.report = path, on_error, report
        self.names: list[str] = []
        self.codes: list[tuple[str, dt.date | None, dt.date | None]] = []
        self.entries: list[ActorEntry] = []

    def fail(self, number: int, message: str) -> None:
        where = f"{self.path}:{number}: {message}"
        if self.on_error == "raise":
            raise InputError(where)
        self.report.skipped.append(where)

    def flush(self) -> None:
        if self.names and self.codes:
            names = tuple(self.names)
            for code, start, end in self.codes:
                self.entries.append(ActorEntry(names, code, "dict", start=start, end=end))
            self.names, self.codes = [], []

    def codes_in(self, number: int, text: str) -> None:
        for block in BLOCK_RE.findall(text):
            try:
                self.codes.append(parse_code_block(block))
            except ValueError as exc:
                self.fail(number, str(exc))

    def feed(self, number: int, line: str) -> None:
        stripped = line.strip()
        if stripped.startswith("["):
            if not self.names:
                self.fail(number, "a code line with no name before it")
            self.codes_in(number, stripped)
            return
        if stripped.startswith("+"):
            if not self.names:
                self.fail(number, "an alias line (+) with no name before it")
            self.names.append(_phrase(stripped[1:].split("[", 1)[0]))
            self.codes_in(number, stripped)
            return
        if "]" in stripped and "[" not in stripped:
            self.fail(number, f"unbalanced brackets in {stripped!r}")
            return
        if self.codes:
            self.flush()
        name = _phrase(stripped.split("[", 1)[0])
        if name:
            self.names.append(name)
        self.codes_in(number, stripped)


def load_actor_dictionary(
    path: str | Path, on_error: OnError = "raise", report: DictionaryReport | None = None
) -> list[ActorEntry]:
    """Read a PETRARCH actor dictionary; one entry per (names, code, date range)."""
    reader = _ActorReader(Path(path), on_error, report or DictionaryReport())
    for number, line in _lines(Path(path)):
        reader.feed(number, line)
    reader.flush()
    return reader.entries


def _plurals(word: str) -> list[str]:
    if word.endswith(("S", "X", "CH", "SH")):
        return [word + "ES"]
    if word.endswith("Y") and not word.endswith(("AY", "EY", "OY", "UY")):
        return [word[:-1] + "IES"]
    return [word + "S"]


def _expand(name: str, sets: dict[str, list[str]]) -> list[str]:
    for marker, values in sets.items():
        if marker in name:
            return [n for v in values for n in _expand(name.replace(marker, v), sets)]
    return [name]


def _agent_entry(number: int, line: str, sets: dict[str, list[str]]) -> ActorEntry:
    blocks = BLOCK_RE.findall(line)
    if len(blocks) != 1:
        raise ValueError(f"expected one [CODE] in {line.strip()!r}")
    code = blocks[0].strip()
    if not re.fullmatch(r"~?[A-Za-z0-9]+~?", code):
        raise ValueError(f"bad agent code [{code}]")
    head = line.split("[", 1)[0]
    plural = PLURAL_RE.search(head)
    base = PLURAL_RE.sub("", head).strip().rstrip("_")
    names = _expand(base, sets)
    if plural is None:
        names += [p for n in names for p in _plurals(n)]
    elif plural.group(1).strip():
        names.append(plural.group(1).strip())
    sector = code.strip("~").upper()
    return AgentEntry(tuple(_phrase(n) for n in names), sector, "sector", None, sector)


def load_agent_dictionary(
    path: str | Path, on_error: OnError = "raise", report: DictionaryReport | None = None
) -> list[AgentEntry]:
    """Read a PETRARCH agent dictionary into sector entries (plurals generated)."""
    report = report or DictionaryReport()
    sets: dict[str, list[str]] = {}
    entries: list[AgentEntry] = []
    for number, line in _lines(Path(path)):
        subst = SUBST_RE.match(line.strip())
        if subst:
            sets[subst.group(1)] = [v.strip() for v in subst.group(2).split(",") if v.strip()]
            continue
        try:
            entries.append(_agent_entry(number, line, sets))
        except ValueError as exc:
            where = f"{path}:{number}: {exc}"
            if on_error == "raise":
                raise InputError(where) from exc
            report.skipped.append(where)
    return entries
