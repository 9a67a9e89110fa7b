"""Bring-your-own dictionaries: extend the actor table with PETRARCH/TABARI actor files."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from toneshift.coding.actors import ActorTable
from toneshift.coding.petrarch_dict import DictionaryReport, load_actor_dictionary


@dataclass(frozen=True)
class ExtendedTable:
    """An actor table extended with user dictionaries, and what loading them skipped."""

    table: ActorTable
    entries: int
    skipped: tuple[str, ...]


def extend_with_dictionaries(table: ActorTable, paths: Sequence[Path]) -> ExtendedTable:
    """Load PETRARCH-format actor dictionaries (date-restricted codes honoured) over ``table``.

    Malformed lines are skipped and reported ("file:line: reason"), not silently dropped:
    the real Phoenix files carry a few bad date blocks.
    """
    report = DictionaryReport()
    entries = []
    for path in paths:
        entries.extend(load_actor_dictionary(path, on_error="skip", report=report))
    return ExtendedTable(table.extend(entries), len(entries), tuple(report.skipped))
