"""Guess a file's format from its first lines: header names, then the count of tab fields."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections import Counter
from pathlib import Path

from toneshift.errors import InputError

_SNIFF_LINES = 25


def head_lines(path: Path, n: int = _SNIFF_LINES) -> list[str]:
    """The first ``n`` non-empty lines of a plain, ``.gz`` or ``.zip`` (first member) file."""
    try:
        with _open_text(path) as fh:
            lines = []
            for line in fh:
                if line.strip():
                    lines.append(line.rstrip("\r\n"))
                if len(lines) >= n:
                    break
            return lines
    except (OSError, EOFError, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from exc


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix.lower() == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    if path.suffix.lower() == ".zip":
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.namelist() if not m.endswith("/")]
        if not members:
            raise InputError(f"{path}: empty zip archive")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8", errors="replace")
    return io.TextIOWrapper(path.open("rb"), encoding="utf-8", errors="replace")


def _by_header(first: str) -> str | None:
    low = [c.strip().strip('"').lower() for c in first.replace(",", "\t").split("\t")]
    names = set(low)
    if {"event id", "event text", "source name"} <= names:
        return "icews"
    if {"event_id", "event_text", "source_name"} <= names:
        return "icews"
    if {"event id", "event type", "event mode"} <= names:
        return "polecat"
    if {"source", "event_text", "target", "date"} <= names:
        return "icews_decoded"
    if {"globaleventid", "mentiontimedate"} <= names:
        return "gdelt2_mentions"
    return None


_BY_WIDTH = {61: "gdelt2", 58: "gdelt1", 57: "gdelt1", 16: "gdelt2_mentions", 27: "gkg2"}


def _by_width(lines: list[str]) -> str | None:
    width, _ = Counter(line.count("\t") + 1 for line in lines).most_common(1)[0]
    if width in _BY_WIDTH:
        return _BY_WIDTH[width]
    first = lines[0].split("\t")
    if width == 11 and first[0].isdigit() and len(first[0]) == 8:
        return "gkg1"
    if width in (4, 5) and len(first[3]) == 10 and first[3][4] == "-":
        return "icews_decoded"
    return None


def detect_format(path: str | Path) -> str:
    """The registry name of ``path``'s format; InputError naming the file when unknown."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    lines = head_lines(path)
    if not lines:
        raise InputError(f"{path}: empty file")
    first = lines[0].lstrip("\ufeff")
    if first.startswith("{") or first.startswith("["):
        return "jsonl"
    found = _by_header(first) or _by_width(lines)
    if found is None:
        widths = sorted({line.count("\t") + 1 for line in lines})
        raise InputError(
            f"{path}: unknown format (tab fields per line: {widths}); pass --format explicitly"
        )
    return found
