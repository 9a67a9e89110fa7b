"""Readers for the two tab-separated gold formats: PLOVER TSV and ConfliBERT penta TSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from toneshift.errors import GoldFormatError
from toneshift.evaluation.gold import (
    OLD_PLOVER_NAMES,
    GoldActor,
    GoldEvent,
    GoldSentence,
    GoldSet,
)
from toneshift.models import PLOVER_TYPES

__all__ = ["PENTA_NAMES", "read_penta_tsv", "read_plover_tsv"]

PLOVER_COLUMNS = ("sentence_id", "gold_root", "sentence", "source", "target")
KNOWN_ROOTS = frozenset(PLOVER_TYPES) | {"YIELD"} | frozenset(OLD_PLOVER_NAMES)

#: ConfliBERT's five classes, by the label in the file.
PENTA_NAMES = {
    "0": "statement",
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}

csv.field_size_limit(10**9)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))


def read_plover_tsv(path: Path, text: str) -> GoldSet:
    """PLOVER TSV: one row per (sentence, source, target, root); rows grouped by ``sentence_id``.

    Event ids are the ``uid`` column or, where it is empty, ``row<N>`` (N = data row number).
    A row with the wrong number of fields, an empty sentence or an unknown root raises
    GoldFormatError naming the line.
    """
    rows = _rows(text)
    header = [h.strip() for h in rows[0]]
    missing = [c for c in PLOVER_COLUMNS if c not in header]
    if missing:
        raise GoldFormatError(f"{path}: line 1: header lacks column(s) {', '.join(missing)}")
    col = {name: i for i, name in enumerate(header)}
    grouped: dict[str, list[tuple[int, GoldEvent, str]]] = {}
    for number, row in enumerate(rows[1:], start=1):
        line = number + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise GoldFormatError(
                f"{path}: line {line}: expected {len(header)} tab-separated fields, got {len(row)}"
            )
        event, sentence_text = _plover_row(path, line, number, row, col)
        sid = row[col["sentence_id"]].strip() or event.id
        grouped.setdefault(sid, []).append((line, event, sentence_text))
    sentences = [
        GoldSentence(
            id=sid, text=items[0][2], line=items[0][0], events=tuple(event for _, event, _ in items)
        )
        for sid, items in grouped.items()
    ]
    return GoldSet(str(path), "plover_tsv", tuple(sentences))


def _plover_row(
    path: Path, line: int, number: int, row: list[str], col: dict[str, int]
) -> tuple[GoldEvent, str]:
    sentence = row[col["sentence"]].strip()
    root = row[col["gold_root"]].strip().upper()
    if not sentence:
        raise GoldFormatError(f"{path}: line {line}: empty sentence")
    if root not in KNOWN_ROOTS:
        raise GoldFormatError(f"{path}: line {line}: unknown PLOVER root {root!r}")
    uid = row[col["uid"]].strip() if "uid" in col else ""
    event = GoldEvent(
        id=uid or f"row{number}",
        line=line,
        source=(GoldActor(row[col["source"]].strip() or None),),
        target=(GoldActor(row[col["target"]].strip() or None),),
        plover=OLD_PLOVER_NAMES.get(root, root),
    )
    return event, sentence


def read_penta_tsv(path: Path, text: str) -> GoldSet:
    """ConfliBERT ``sentence<TAB>class`` rows (no header); ids are ``row<N>``.

    A row without exactly two fields or with a class outside 0–4 raises GoldFormatError.
    """
    sentences = []
    for line, row in enumerate(_rows(text), start=1):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != 2:
            raise GoldFormatError(
                f"{path}: line {line}: expected 2 tab-separated fields (sentence, class), "
                f"got {len(row)}"
            )
        sentence, label = row[0].strip(), row[1].strip()
        if label not in PENTA_NAMES:
            raise GoldFormatError(f"{path}: line {line}: class {label!r} is not one of 0-4")
        if not sentence:
            raise GoldFormatError(f"{path}: line {line}: empty sentence")
        sentences.append(
            GoldSentence(id=f"row{line}", text=sentence, line=line, labels={"penta": label})
        )
    return GoldSet(str(path), "penta_tsv", tuple(sentences))
