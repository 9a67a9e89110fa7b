"""CAMEO event codes: names, Goldstein weights, PLOVER types, quad classes, ICEWS labels.

The table lives in ``data/cameo_codes.csv`` (one row per code: roots ``01``–``20``, three- and
four-digit codes). Names are the project's own short paraphrases; the numbers and the
CAMEO→PLOVER mapping are facts (see DATA.md).

PLOVER choices worth knowing
----------------------------
* PLOVER dropped CAMEO 01 (public statements). ``010``–``014`` and ``017`` map to ``""``: for
  the coder a statement with no better type is not an event. Four statement codes carry a
  clear direction and keep one: ``015`` admit responsibility → CONCEDE, ``016`` deny → REJECT,
  ``018`` sympathy and ``019`` accord → SUPPORT.
* CAMEO 02 (appeal) → REQUEST, as PLOVER merged appeals and demands.
* 09 (investigate) → ACCUSE; 163 (sanctions, embargo) → COERCE; 0813/0814 and 084–087 →
  RETREAT, 080–083 → CONCEDE; 175, 1712 and 201 → ASSAULT.
* 191 (blockade) and 192 (occupy territory) → ASSAULT, as in the PLOVER gold annotation
  (Hu et al. 2024: storming, capturing and blockading by armed forces are assaults); the
  2021 conversion table puts them under COERCE.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from toneshift.errors import ResolveError
from toneshift.models import PLOVER_TYPES

__all__ = [
    "CameoType",
    "all_codes",
    "cameo_type",
    "default_code_for_plover",
    "event_text_table",
    "event_text_to_code",
    "goldstein_for",
    "normalize_event_text",
    "plover_for",
    "quad_class_for",
]


@dataclass(frozen=True)
class CameoType:
    """One CAMEO event code with its weights and classes.

    ``goldstein`` is the GDELT weight; ``goldstein_icews`` the ICEWS one (equal to it for all
    but a few codes). ``plover`` is a PLOVER type or ``""`` for plain statements.
    """

    code: str
    name: str
    goldstein: float
    plover: str
    quad_class: int
    root: str
    goldstein_icews: float = 0.0
    icews_labels: tuple[str, ...] = ()


_DEFAULT_FOR_PLOVER: dict[str, str] = {
    "AGREE": "030",
    "CONSULT": "040",
    "SUPPORT": "051",
    "CONCEDE": "080",
    "COOPERATE": "060",
    "AID": "070",
    "RETREAT": "084",
    "REQUEST": "020",
    "ACCUSE": "112",
    "REJECT": "120",
    "THREATEN": "130",
    "PROTEST": "140",
    "SANCTION": "160",
    "MOBILIZE": "150",
    "COERCE": "170",
    "ASSAULT": "190",
}


def _row_to_type(row: dict[str, str]) -> CameoType:
    code = row["code"]
    gold = float(row["goldstein"])
    icews = float(row["goldstein_icews"]) if row["goldstein_icews"] else gold
    labels = tuple(x for x in row["icews_label"].split("|") if x)
    return CameoType(
        code=code,
        name=row["name"],
        goldstein=gold,
        plover=row["plover"],
        quad_class=int(row["quad_class"]),
        root=code[:2],
        goldstein_icews=icews,
        icews_labels=labels,
    )


@functools.cache
def _table() -> dict[str, CameoType]:
    text = (Path(__file__).resolve().parent / "data" / "cameo_codes.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return {t.code: t for t in map(_row_to_type, rows)}


def _normalize_code(code: str) -> str:
    """``" 010 "`` → ``"010"``; zero-stripped forms (``"314"``→``"0314"``) when unambiguous."""
    table = _table()
    clean = str(code).strip()
    if clean.endswith(".0"):
        clean = clean[:-2]
    if clean in table:
        return clean
    padded = "0" + clean
    if clean.isdigit() and padded in table:
        return padded
    raise ResolveError(f"unknown CAMEO event code: {code!r}")


def cameo_type(code: str) -> CameoType:
    """The entry for ``code`` ("10", "010", "0314", "1031"); ResolveError when unknown."""
    return _table()[_normalize_code(code)]


def plover_for(code: str) -> str:
    """The PLOVER type of a CAMEO code (``""`` for plain public statements)."""
    return cameo_type(code).plover


def goldstein_for(code: str, scale: str = "gdelt") -> float:
    """Goldstein weight of ``code`` on the ``"gdelt"`` or ``"icews"`` version of the scale."""
    entry = cameo_type(code)
    if scale == "gdelt":
        return entry.goldstein
    if scale == "icews":
        return entry.goldstein_icews
    raise ResolveError(f"unknown Goldstein scale {scale!r}; use 'gdelt' or 'icews'")


def quad_class_for(code: str) -> int:
    """GDELT quad class (1–4) of ``code``."""
    return cameo_type(code).quad_class


def default_code_for_plover(plover: str) -> str:
    """A representative three-digit CAMEO code for a PLOVER type (``ACCUSE`` → ``"112"``)."""
    key = plover.strip().upper()
    if key == "YIELD":
        key = "CONCEDE"
    if key not in _DEFAULT_FOR_PLOVER:
        raise ResolveError(f"unknown PLOVER type {plover!r}; expected one of {PLOVER_TYPES}")
    return _DEFAULT_FOR_PLOVER[key]


def all_codes() -> list[CameoType]:
    """Every code in table order (roots first within each family)."""
    return list(_table().values())


def normalize_event_text(text: str) -> str:
    """Lower case, punctuation to spaces, whitespace collapsed: the key ICEWS texts join on."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@functools.cache
def _text_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for entry in _table().values():
        for label in entry.icews_labels:
            index.setdefault(normalize_event_text(label), entry.code)
    return index


@functools.lru_cache(maxsize=4096)
def event_text_to_code(text: str) -> str | None:
    """The CAMEO code of an ICEWS event text ("Criticize or denounce" → ``"111"``), or None."""
    return _text_index().get(normalize_event_text(text))


def event_text_table() -> list[tuple[str, str]]:
    """``(normalised ICEWS text, CAMEO code)`` pairs, for joining in SQL."""
    return sorted(_text_index().items())
