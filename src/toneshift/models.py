"""Domain objects shared by every layer: frozen dataclasses, no I/O.

Conventions
-----------
* Actor codes are CAMEO-style: a three-letter country (ISO 3166-1 alpha-3, as CAMEO uses it)
  followed by zero or more three-letter sector codes (``USA``, ``USAGOV``, ``COLMIL``), or an
  IGO code (``IGOUNO``, ``NATO``...). ``None`` means unresolved.
* Quad class follows GDELT's convention by CAMEO root: 01–05 verbal cooperation (1),
  06–09 material cooperation (2), 10–14 verbal conflict (3), 15–20 material conflict (4).
* Tone is in [-1, 1]: how the source speaks of or acts toward the target.
* Dates are ``datetime.date`` in UTC.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

QUAD_LABELS: dict[int, str] = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


@dataclass(frozen=True)
class Actor:
    """An actor as named in a text and as resolved to a code.

    ``text`` is the words in the sentence; ``code`` the full CAMEO-style code
    (``COLGOV``); ``country`` its country part (``COL``) or ``None`` for IGOs and
    unresolved names; ``sector`` the first sector part (``GOV``); ``name`` a canonical
    person or entity name when known ("Gustavo Petro"); ``role`` a dated role when the
    actor table knows one ("President of Colombia").
    """

    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class IssueTag:
    """One issue attached to an event or article, with the words that triggered it."""

    issue: str
    triggers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, in what tone, about what."""

    source: Actor
    target: Actor
    cameo: str
    plover: str
    quad_class: int
    goldstein: float
    tone: float
    date: dt.date | None
    sentence: str
    span: tuple[int, int]
    issues: tuple[IssueTag, ...] = ()
    third_parties: tuple[str, ...] = ()
    trigger: str = ""
    confidence: float = 0.5
    article_id: str | None = None
    negated: bool = False
    modality: str = "asserted"

    @property
    def cameo_root(self) -> str:
        """The two-digit CAMEO root code ("01".."20")."""
        return self.cameo[:2]

    @property
    def issue_names(self) -> tuple[str, ...]:
        """The issue names alone, in order."""
        return tuple(tag.issue for tag in self.issues)


@dataclass(frozen=True)
class Article:
    """A news article: the unit toneshift reads and stores."""

    id: str
    text: str
    date: dt.date | None = None
    title: str = ""
    url: str | None = None
    source: str = ""
    issues: tuple[IssueTag, ...] = field(default=())
    third_parties: tuple[str, ...] = field(default=())
