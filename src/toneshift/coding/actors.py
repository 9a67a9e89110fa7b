"""Resolve noun phrases, ICEWS names and type-ahead prefixes to dated CAMEO-style actors.

Conventions
-----------
* Country names and demonyms code the bare country (``COL``); a sector word in the same
  phrase adds its sector (``Colombian troops`` -> ``COLMIL``; ``U.S. drug policy`` ->
  ``USAGOV``: a policy is the government's). Capitals and seats of government are metonyms
  for the government (``Bogota``, ``the Kremlin`` -> ``COLGOV``, ``RUSGOV``).
* Known leaders resolve by date. In office on the date: the term's code and role. Out of
  office: country + ``ELI`` (elite) with role ``former <role>`` -- "former U.S. President
  Donald Trump" is ``USAELI`` in 2022 but ``USAGOV`` in 2019 and 2026. Before their first
  term: country + ``ELI`` with no role. IGO officials out of office have no code.
  An undated query takes the latest term.
* A phrase with only a sector word ("the police") gets the bare sector as code and no
  country; nothing known -> ``None``.
* In a phrase naming several actors, :meth:`ActorTable.resolve` returns the first.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from toneshift.coding.actor_table import (
    ActorEntry,
    Match,
    NameIndex,
    TableData,
    Token,
    load_table_data,
    tokenize,
)
from toneshift.errors import ResolveError
from toneshift.models import Actor

SECTOR_LABELS = {
    "GOV": "government", "MIL": "military", "COP": "police", "LEG": "legislature",
    "JUD": "judiciary", "OPP": "opposition", "REB": "rebels", "BUS": "business",
    "MED": "media", "CVL": "civilians", "LAB": "labor", "EDU": "education", "HLH": "health",
    "REL": "religious", "NGO": "NGOs", "SPY": "intelligence", "CRM": "criminals",
    "REF": "refugees", "ELI": "elites",
}  # fmt: skip
ACTOR_KINDS = frozenset({"country", "gov", "igo", "group", "person", "dict"})
SEARCH_RANK = {"country": 0, "igo": 1, "group": 1, "person": 2}
ICEWS_RE = re.compile(r"^(.*?)\s*\(([^()]+)\)\s*$")
_CACHE_LIMIT = 200_000


def _strip_key(text: str) -> str:
    """Lower-cased, accent-free search key."""
    return " ".join(t.alt for t in tokenize(text))


def _pick_person(entries: tuple[ActorEntry, ...], date: dt.date | None) -> ActorEntry | None:
    """The term of the person meant by a (possibly shared) name on ``date``."""
    people = [e for e in entries if e.kind == "person"]
    if not people:
        return None
    if date is None:
        return max(people, key=lambda e: e.start or dt.date.min)
    for entry in people:
        if entry.covers(date):
            return entry
    past = [e for e in people if e.end is not None and e.end <= date]
    if past:
        return max(past, key=lambda e: e.end or dt.date.min)
    return min(people, key=lambda e: e.start or dt.date.max)


def _pick_dated(entries: tuple[ActorEntry, ...], date: dt.date | None) -> ActorEntry | None:
    """PETRARCH rule: a dated code covering the date wins, else the undated default."""
    dated = [e for e in entries if e.start is not None or e.end is not None]
    for entry in dated:
        if date is not None and entry.covers(date):
            return entry
    plain = [e for e in entries if e.start is None and e.end is None]
    return plain[0] if plain else None


class ActorTable:
    """An immutable actor table: names, leaders, IGOs and sector words, indexed once."""

    def __init__(self, data: TableData, extra: tuple[ActorEntry, ...] = ()) -> None:
        self._data = data
        self._extra = extra
        self._index = NameIndex(data.entries, extra)
        self._countries = frozenset(data.country_names)
        self._cache: dict[str, tuple[list[Token], list[Match]]] = {}
        self._icews: dict[str, tuple[str, Actor | None]] = {}
        self._search = self._build_search()

    # -- matching ---------------------------------------------------------------------------
    def _analyse(self, text: str) -> tuple[list[Token], list[Match]]:
        hit = self._cache.get(text)
        if hit is None:
            tokens = tokenize(text)
            hit = (tokens, self._index.matches(tokens))
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[text] = hit
        return hit

    def _analyse_keys(self, match: Match) -> list[str]:
        """The table phrase keys of a sector match (its first name's tokens)."""
        return [t.alt for t in tokenize(match.entries[0].names[0])]

    def _split_code(self, code: str) -> tuple[str | None, str | None]:
        country = code[:3] if code[:3] in self._countries else None
        sector = code[3:6] or None if country else None
        return country, sector

    def _person_actor(self, text: str, entry: ActorEntry, date: dt.date | None) -> Actor:
        if date is None or entry.covers(date):
            return Actor(text, entry.code, entry.country, entry.sector, entry.name, entry.role)
        if entry.country is None:
            return Actor(text, None, None, None, entry.name, f"former {entry.role}")
        before = entry.start is not None and date < entry.start
        role = None if before else f"former {entry.role}"
        return Actor(text, entry.country + "ELI", entry.country, "ELI", entry.name, role)

    def _base_actor(self, text: str, match: Match, date: dt.date | None) -> Actor | None:
        kind = match.kind
        if kind == "person":
            entry = _pick_person(match.entries, date)
            return self._person_actor(text, entry, date) if entry else None
        if kind == "dict":
            entry = _pick_dated(match.entries, date)
            if entry is None or entry.code == "---":
                return None
            country, sector = self._split_code(entry.code)
            return Actor(text, entry.code, country, sector, entry.name, entry.role)
        entry = match.entries[0]
        return Actor(text, entry.code, entry.country, entry.sector)

    def _actors(self, text: str, date: dt.date | None) -> list[tuple[Match, Actor]]:
        """Every actor named in ``text`` with its match, sectors attached, persons merged."""
        _tokens, matches = self._analyse(text)
        heads = [(i, m) for i, m in enumerate(matches) if m.kind in ACTOR_KINDS]
        found: list[tuple[Match, Actor]] = []
        for n, (i, match) in enumerate(heads):
            span = text[_tokens[match.first].start : _tokens[match.last - 1].end]
            actor = self._base_actor(span, match, date)
            if actor is None:
                continue
            lo = heads[n - 1][0] + 1 if n else 0
            hi = heads[n + 1][0] if n + 1 < len(heads) else len(matches)
            sectors = [m for m in matches[i + 1 : hi] if m.kind == "sector"]
            sectors += [m for m in matches[lo:i] if m.kind == "sector"]
            actor = self._with_sector(actor, match, sectors)
            if found and self._absorbs(found[-1][1], actor, match):
                found.pop()
            found.append((match, actor))
        return found

    def _with_sector(self, actor: Actor, match: Match, sectors: list[Match]) -> Actor:
        if not sectors or match.kind not in ("country", "gov") or actor.country is None:
            return actor
        sector = sectors[0].entries[0].code.lstrip("~")
        return replace(actor, code=actor.country + sector, sector=sector[:3])

    @staticmethod
    def _absorbs(previous: Actor, actor: Actor, match: Match) -> bool:
        """A person absorbs the country named just before them ("Colombian President X")."""
        return (
            match.kind == "person"
            and previous.name is None
            and (previous.country == actor.country or actor.country is None)
        )

    # -- public API ---------------------------------------------------------------------------
    def resolve(self, text: str, date: dt.date | None) -> Actor | None:
        """The first actor named in a noun phrase, coded for ``date``; ``None`` if unknown."""
        found = self._actors(text, date)
        if found:
            return replace(found[0][1], text=text)
        _tokens, matches = self._analyse(text)
        sectors = [m for m in matches if m.kind == "sector"]
        if sectors:
            code = sectors[0].entries[0].code.lstrip("~")
            return Actor(text, code, None, code[:3])
        return None

    def resolve_all(self, text: str, date: dt.date | None) -> list[Actor]:
        """Every distinct actor named in a phrase or sentence, in order of mention."""
        seen: dict[str | None, Actor] = {}
        for _match, actor in self._actors(text, date):
            seen.setdefault(actor.code, actor)
        return [a for code, a in seen.items() if code is not None]

    def country_mentions(self, text: str) -> list[tuple[str, int, int]]:
        """(country code, start, end) of every country name, demonym or capital in ``text``."""
        tokens, matches = self._analyse(text)
        return [
            (m.entries[0].country or "", tokens[m.first].start, tokens[m.last - 1].end)
            for m in matches
            if m.kind in ("country", "gov") and m.entries[0].country
        ]

    def resolve_icews_name(self, name: str, date: dt.date | None) -> Actor | None:
        """Resolve an ICEWS actor name ("Police (India)", "Vladimir Putin"); cached."""
        hit = self._icews.get(name)
        if hit is None:
            hit = self._parse_icews(name)
            if len(self._icews) < _CACHE_LIMIT:
                self._icews[name] = hit
        mode, actor = hit
        return self.resolve(name, date) if mode == "phrase" else actor

    def _parse_icews(self, name: str) -> tuple[str, Actor | None]:
        m = ICEWS_RE.match(name)
        if m is None:
            return "phrase", None
        label, where = m.groups()
        place = self.resolve(where, None)
        if place is None or place.country is None:
            return "fixed", self.resolve(name, None)
        sector_actor = self.resolve(label, None)
        sector = sector_actor.sector if sector_actor and sector_actor.country is None else None
        code = place.country + (sector or "")
        return "fixed", Actor(name, code, place.country, sector)

    def name_for(self, code: str) -> str:
        """A readable label for a code ("COL" -> "Colombia", "USAGOV" -> "... government")."""
        if code in self._data.igo_names:
            return self._data.igo_names[code]
        country = self._data.country_names.get(code[:3])
        if country is None:
            raise ResolveError(f"unknown actor code: {code!r}")
        labels = [
            SECTOR_LABELS.get(code[i : i + 3], code[i : i + 3]) for i in range(3, len(code), 3)
        ]
        return " ".join((country, *labels))

    def _build_search(self) -> list[tuple[str, int, str, str]]:
        rows: set[tuple[str, int, str, str]] = set()
        for entry in (*self._data.entries, *self._extra):
            rank = SEARCH_RANK.get(entry.kind)
            if rank is not None:
                label = entry.name or self.name_for(entry.code)
                for alias in entry.names:
                    rows.add((_strip_key(alias), rank, entry.code, label))
        return sorted(rows)

    def search(self, prefix: str, limit: int = 10) -> list[tuple[str, str]]:
        """Type-ahead: (code, label) of countries, IGOs and leaders whose name starts so.

        Countries come first, then IGOs, then persons; each group alphabetical.
        """
        key = _strip_key(prefix)
        if not key:
            return []
        hits: list[tuple[int, str, str, str]] = []
        i = bisect_left(self._search, (key,))
        while i < len(self._search) and self._search[i][0].startswith(key):
            alias, rank, code, label = self._search[i]
            hits.append((rank, label, code, alias))
            i += 1
        out: list[tuple[str, str]] = []
        for _rank, label, code, _alias in sorted(hits):
            if (code, label) not in out:
                out.append((code, label))
        return out[:limit]

    def region_members(self, region: str) -> list[str]:
        """Country codes of a region (see :meth:`regions`)."""
        members = sorted(c for c, r in self._data.regions.items() if r == region)
        if not members:
            raise ResolveError(f"unknown region: {region!r}; known: {', '.join(self.regions())}")
        return members

    def regions(self) -> list[str]:
        """The region names used in the country table."""
        return sorted({r for r in self._data.regions.values() if r})

    def extend(self, entries: Iterable[ActorEntry]) -> ActorTable:
        """A new table in which ``entries`` (e.g. PETRARCH actors) take precedence."""
        return ActorTable(self._data, (*self._extra, *entries))

    def document_resolver(self, date: dt.date | None) -> DocumentResolver:
        """A per-article resolver that remembers the persons already introduced."""
        return DocumentResolver(self, date)


@cache
def default_actor_table() -> ActorTable:
    """The shipped table, built once per process."""
    return ActorTable(load_table_data())


DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
LEADER_WORDS = frozenset({"leader", "head of state", "head of government"})


class DocumentResolver:
    """Per-article resolution that remembers persons for later short mentions.

    After "Colombian President Gustavo Petro", a bare "Petro", "the president" or "the
    Colombian leader" resolve to the same actor; an unknown person introduced with a country
    and a role ("Colombian Senator Maria Lopez" -> ``COLLEG``) is remembered by surname.
    """

    def __init__(self, table: ActorTable, date: dt.date | None) -> None:
        self._table = table
        self._date = date
        self._names: dict[str, Actor] = {}
        self._people: list[Actor] = []

    def resolve(self, text: str) -> Actor | None:
        """Resolve ``text`` using the table and the persons met so far in the article."""
        tokens, matches = self._table._analyse(text)
        content = " ".join(t.key for t in tokens if t.key not in DETERMINERS)
        if content in self._names:
            return replace(self._names[content], text=text)
        actor = self._table.resolve(text, self._date)
        if actor is not None and actor.name is not None:
            self._remember(actor)
            return actor
        person = self._introduced(text, tokens, matches, actor)
        if person is not None:
            self._remember(person)
            return person
        return self._anaphor(text, matches, actor) or actor

    def _remember(self, actor: Actor) -> None:
        words = [t.key for t in tokenize(actor.name or "")]
        if words:
            self._names[" ".join(words)] = actor
            self._names[words[-1]] = actor
        self._people.append(actor)

    def _introduced(
        self, text: str, tokens: list[Token], matches: list[Match], actor: Actor | None
    ) -> Actor | None:
        """A new person: capitalised unmatched words after a role, with or without a country
        ("Colombian President Gustavo Petro"; "President Uhuru Kenyatta", whose country the
        table does not know, is still a president and not the last one met)."""
        if actor is None or not matches:
            return None
        tail = tokens[matches[-1].last :]
        if not tail or not all(t.capitalised for t in tail):
            return None
        roles = [m for m in matches if m.kind == "sector"]
        if not roles:
            return None
        role = " ".join(text[tokens[m.first].start : tokens[m.last - 1].end] for m in roles)
        name = text[tail[0].start : tail[-1].end]
        return replace(actor, name=name, role=role)

    def _anaphor(self, text: str, matches: list[Match], actor: Actor | None) -> Actor | None:
        """ "the president", "the Colombian leader" -> the latest matching person."""
        if actor is None or any(m.kind not in ("sector", "country") for m in matches):
            return None
        words = [" ".join(self._table._analyse_keys(m)) for m in matches if m.kind == "sector"]
        if not words:
            return None
        for person in reversed(self._people):
            if actor.country is not None and person.country != actor.country:
                continue
            role = (person.role or "").lower()
            if all(w in LEADER_WORDS or w in role for w in words):
                return replace(person, text=text)
        return None


__all__ = ["ActorEntry", "ActorTable", "DocumentResolver", "default_actor_table"]
