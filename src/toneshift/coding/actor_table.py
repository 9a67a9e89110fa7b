"""The shipped actor tables, loaded once into an immutable token trie.

Files (``toneshift/data/actors``):

* ``countries.csv`` -- code (ISO 3166-1 alpha-3; Kosovo is ``KSV`` as in CAMEO), name, region,
  aliases, demonyms and ``gov_metonyms``. Names, aliases and demonyms code the bare country
  (``COL``); metonyms (capitals, seats of government) code country + ``GOV``, or the sector
  written after a colon (``Pentagon:MIL`` -> ``USAMIL``). Code ``---`` lists place names that
  are *not* actors ("Latin America", "New Mexico") so they cannot match a shorter name.
* ``igos.csv`` -- IGO codes: ``IGO`` + a short mnemonic (``IGOUNO`` UN, ``IGONAT`` NATO,
  ``IGOEUR`` EU, ``IGOOAS`` OAS, ``IGOIMF`` IMF...).
* ``groups.csv`` -- non-state armed groups, movements and international NGOs: code, name,
  aliases, home country (empty when transnational), sector.
* ``leaders.csv`` -- one row per term in office: name, aliases, country, code, role, start, end.
* ``sectors.csv`` -- sector words and ICEWS sector labels -> three-letter sector code.

Matching works on normalised tokens: accents stripped, possessive ``'s`` dropped, lower case,
except short all-capital tokens (``US``, ``UN``, ``EU``) which keep their case so that the
pronoun "us" never reads as the United States.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*\+?")
_END = ""


@dataclass(frozen=True)
class ActorEntry:
    """One name (with its aliases) bound to a code, optionally for a date range.

    ``kind`` is one of ``country``, ``gov`` (a metonym), ``igo``, ``person``, ``sector``,
    ``stop`` or ``dict`` (a PETRARCH actor). ``start``/``end`` bound the validity of the
    code (``end`` exclusive, ``None`` open).
    """

    names: tuple[str, ...]
    code: str
    kind: str = "dict"
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, date: dt.date | None) -> bool:
        """Whether the entry is valid on ``date`` (an undated query matches open entries)."""
        if date is None:
            return self.end is None
        if self.start is not None and date < self.start:
            return False
        return self.end is None or date < self.end


@dataclass(frozen=True)
class Token:
    """A token of the input: its normalised keys and character span."""

    key: str
    alt: str
    start: int
    end: int
    capitalised: bool


@dataclass(frozen=True)
class Match:
    """A longest match of table names over tokens ``[first, last)``."""

    first: int
    last: int
    entries: tuple[ActorEntry, ...]

    @property
    def kind(self) -> str:
        """The kind of the first (highest-precedence) entry."""
        return self.entries[0].kind


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=1 << 16)
def normalise(word: str) -> tuple[str, str]:
    """Return (key, alternative key) of one word: case kept for short acronyms (cached: the
    same words are looked up for every actor phrase)."""
    word = _strip_accents(word).replace("’", "'")
    if word.lower().endswith("'s"):
        word = word[:-2]
    letters = word.replace(".", "")
    lower = word.lower()
    if letters.isalpha() and letters.isupper() and len(letters) <= 4:
        return word, lower
    return lower, lower


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into normalised tokens with character offsets."""
    tokens = []
    for m in TOKEN_RE.finditer(text):
        key, alt = normalise(m.group())
        tokens.append(Token(key, alt, m.start(), m.end(), m.group()[:1].isupper()))
    return tokens


def name_keys(name: str) -> tuple[str, ...]:
    """The trie path of a table name ("the White House" -> ('the', 'white', 'house'))."""
    return tuple(t.key for t in tokenize(name))


class NameIndex:
    """An immutable trie from token sequences to entries; later entries override earlier."""

    def __init__(self, entries: Iterable[ActorEntry], overrides: Iterable[ActorEntry] = ()) -> None:
        flat: dict[tuple[str, ...], list[ActorEntry]] = {}
        self._add(flat, entries, set())
        self._add(flat, overrides, set(flat))
        self._root: dict[str, dict] = {}
        for keys, found in flat.items():
            node = self._root
            for key in keys:
                node = node.setdefault(key, {})
            node[_END] = tuple(found)  # type: ignore[assignment]

    @staticmethod
    def _add(
        flat: dict[tuple[str, ...], list[ActorEntry]],
        entries: Iterable[ActorEntry],
        replaceable: set[tuple[str, ...]],
    ) -> None:
        """Add entries; a key in ``replaceable`` is emptied the first time it is seen."""
        for entry in entries:
            for name in entry.names:
                keys = name_keys(name)
                if not keys:
                    continue
                if keys in replaceable:
                    replaceable.discard(keys)
                    flat[keys] = []
                flat.setdefault(keys, []).append(entry)

    def _longest(self, tokens: list[Token], i: int) -> Match | None:
        node, best, j = self._root, None, i
        while j < len(tokens):
            tok = tokens[j]
            nxt = node.get(tok.key) or (node.get(tok.alt) if tok.alt != tok.key else None)
            if nxt is None:
                break
            node, j = nxt, j + 1
            if _END in node:
                best = Match(i, j, node[_END])  # type: ignore[arg-type]
        return best

    def matches(self, tokens: list[Token]) -> list[Match]:
        """Longest, non-overlapping matches from left to right."""
        found, i = [], 0
        while i < len(tokens):
            match = self._longest(tokens, i)
            if match is None:
                i += 1
            else:
                found.append(match)
                i = match.last
        return found


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split("|") if part.strip())


def _rows(filename: str) -> Iterator[dict[str, str]]:
    path = resources.files("toneshift") / "data" / "actors" / filename
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines)


def _date(cell: str) -> dt.date | None:
    return dt.date.fromisoformat(cell) if cell else None


def _country_entries(row: dict[str, str]) -> Iterator[ActorEntry]:
    code = row["code"]
    if code == "---":
        yield ActorEntry(_split(row["aliases"]), code, "stop")
        return
    names = (row["name"], *_split(row["aliases"]), *_split(row["demonyms"]))
    yield ActorEntry(names, code, "country", code, None, row["name"])
    for metonym in _split(row["gov_metonyms"]):
        place, _, sector = metonym.partition(":")
        sector = sector or "GOV"
        yield ActorEntry((place,), code + sector, "gov", code, sector, row["name"])


def _leader_entry(row: dict[str, str]) -> ActorEntry:
    country = row["country"] or None
    return ActorEntry(
        (row["name"], *_split(row["aliases"])),
        row["code"],
        "person",
        country,
        row["code"][3:6] if country else None,
        row["name"],
        row["role"],
        _date(row["start"]),
        _date(row["end"]),
    )


@dataclass(frozen=True)
class TableData:
    """Everything read from the shipped CSV files."""

    entries: tuple[ActorEntry, ...]
    country_names: dict[str, str]
    regions: dict[str, str]
    igo_names: dict[str, str]


def load_table_data() -> TableData:
    """Read the shipped CSVs into entries and lookup dicts."""
    entries: list[ActorEntry] = []
    names, regions, igos = {}, {}, {}
    for row in _rows("sectors.csv"):
        sector = row["sector"]
        entries.append(ActorEntry((row["phrase"],), sector, "sector", None, sector))
    for row in _rows("countries.csv"):
        entries.extend(_country_entries(row))
        if row["code"] != "---":
            names[row["code"]], regions[row["code"]] = row["name"], row["region"]
    for row in _rows("igos.csv"):
        igos[row["code"]] = row["name"]
        entries.append(ActorEntry((row["name"], *_split(row["aliases"])), row["code"], "igo"))
    for row in _rows("groups.csv"):
        names_ = (row["name"], *_split(row["aliases"]))
        country = row["country"] or None
        entries.append(
            ActorEntry(names_, row["code"], "group", country, row["sector"], row["name"])
        )
    entries.extend(_leader_entry(row) for row in _rows("leaders.csv"))
    return TableData(tuple(entries), names, regions, igos)
