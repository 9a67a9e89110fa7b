"""Which events belong to a dyad: parties, their resolution and their SQL predicates.

A party is matched at one of three levels:

* **country** — a three-letter code (``USA``, ``COL``): events whose ``source_country`` /
  ``target_country`` is that code (falling back to the first three letters of the actor code
  when the country column is empty). This also catches leaders and ministries, which is what
  ICEWS05-15 needs: it has no "United States" node, only its officials (``USAGOV``).
* **actor** — a longer code (``USAGOV``, ``COLMIL``, ``IGOUNO``): events whose actor code starts
  with it, so ``USAGOV`` also covers ``USAGOVMIL``-style refinements.
* **person** — a leader's name ("Trump", "Petro") resolves through the actor table to the
  person's full name, matched case-insensitively against ``source_name`` / ``target_name``
  (ICEWS and toneshift's own events carry it), so Trump→Petro is the leaders' own dyad.
* any other **name** ("Colombia", "the Kremlin") resolves through the actor table to a country
  or actor code as above.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from toneshift.errors import InputError, ResolveError

_CODE = re.compile(r"^[A-Z]{3}([A-Z]{3})*$")


@dataclass(frozen=True)
class Party:
    """One side of a dyad: a code and the level it is matched at."""

    code: str  # a country or actor code, or a person's name at the "person" level
    level: str  # "country" | "actor" | "person"
    text: str = ""

    def predicate(self, side: str) -> str:
        """SQL boolean for events whose ``side`` ("source"/"target") is this party (one ``?``)."""
        if side not in ("source", "target"):
            raise ValueError(side)
        if self.level == "country":
            # a plain comparison lets DuckDB skip row groups by their min/max statistics
            # (every reader fills the country column whenever the code has a country)
            return f"{side}_country = ?"
        if self.level == "person":
            # spelling-insensitive: "Kim Jong-Un" = "KIM JONG UN" = "Kim Jong Un"
            return (
                f"regexp_replace(lower({side}_name), '[^a-z]', '', 'g') = "
                "regexp_replace(lower(?), '[^a-z]', '', 'g')"
            )
        return f"starts_with({side}_code, ?)"


def resolve_party(text: str, *, date: dt.date | None = None, table: Any = None) -> Party:
    """Turn a code or a name into a :class:`Party`.

    Codes (upper-case, 3, 6, 9... letters) are taken as they are; anything else is looked up in
    the actor table (``toneshift.coding.actors.default_actor_table()`` unless ``table`` is
    given). Raises :class:`ResolveError` when a name does not resolve.
    """
    text = text.strip()
    if not text:
        raise InputError("an empty actor was given")
    if _CODE.match(text):
        return Party(text, "country" if len(text) == 3 else "actor", text)
    actor = _actor_table(table).resolve(text, date)
    if actor is None or not getattr(actor, "code", None):
        raise ResolveError(f"{text!r} does not resolve to an actor code; give a code like USA")
    if getattr(actor, "name", None) and getattr(actor, "role", None):
        # a leader: the person, whatever office the data gives them on each date
        return Party(str(actor.name), "person", text)
    code = str(actor.code)
    return Party(code, "country" if len(code) == 3 else "actor", text)


def _actor_table(table: Any) -> Any:
    if table is not None:
        return table
    try:
        from toneshift.coding.actors import default_actor_table
    except ImportError as exc:  # the coding layer is optional for analytics
        raise ResolveError("names need the actor table (toneshift.coding.actors)") from exc
    return default_actor_table()


def dyad_where(a: Party, b: Party) -> tuple[str, list[str]]:
    """SQL for events in either direction of the dyad, and its parameters."""
    ab = f"({a.predicate('source')} AND {b.predicate('target')})"
    ba = f"({b.predicate('source')} AND {a.predicate('target')})"
    return f"({ab} OR {ba})", [a.code, b.code, b.code, a.code]


def direction_sql(a: Party, b: Party) -> tuple[str, list[str]]:
    """SQL ``CASE`` naming the direction of a dyad event (``'A->B'`` or ``'B->A'``)."""
    sql = (
        f"CASE WHEN {a.predicate('source')} AND {b.predicate('target')} THEN 'A->B' ELSE 'B->A' END"
    )
    return sql, [a.code, b.code]


def check_pair(a: Party, b: Party) -> None:
    """Refuse a dyad of a party with itself."""
    if a.code == b.code:
        raise InputError(f"a dyad needs two different actors, got {a.code} twice")
