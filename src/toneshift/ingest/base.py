"""The reader interface every source module implements, and the report types of an ingest.

A reader describes how DuckDB reads one layout (:class:`CsvLayout`) and the SQL that turns the
raw columns into rows of its target table (``events``, ``gdelt_mentions`` or ``gkg``). Readers
never loop over rows in Python: the loader runs their SQL inside one transaction per file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

#: Seen by DuckDB as NULL; chosen so that empty fields stay ``''`` and only padding is NULL.
NULL_MARK = "\x02"


@dataclass(frozen=True)
class CsvLayout:
    """How DuckDB's ``read_csv`` reads one file: explicit columns, no sniffing."""

    columns: tuple[tuple[str, str], ...]
    delim: str = "\t"
    header: bool = False
    quote: str = ""
    null_padding: bool = False
    dateformat: str | None = None
    compression: str = "auto"
    nullstr: str = ""


@dataclass(frozen=True)
class ReadContext:
    """What a reader's SQL may refer to: the file's name as stored and its layout."""

    source_file: str
    layout: CsvLayout
    source_sql: str = ""  # the read_csv query, filled in by the loader before ``prepare``


@dataclass(frozen=True)
class Reader:
    """One source format.

    ``select`` returns a SELECT over the relation ``src`` (raw columns, plus ``_rn`` when
    ``rownum``) producing the target table's columns plus ``_reject`` (a reason or NULL).
    ``prepare`` registers lookup tables the SELECT joins on (actors, CAMEO codes).
    """

    name: str
    table: str
    key: str
    layout: Callable[[Path], CsvLayout]
    select: Callable[[ReadContext], str]
    prepare: Callable[[duckdb.DuckDBPyConnection, ReadContext], None] | None = None
    rownum: bool = False
    widths: tuple[int, ...] = ()  # allowed field counts; () = the layout's column count
    #: Optional fast path for readers whose rows are never rejected by their SQL: the SELECT
    #: the loader INSERTs straight from the file (usually ``select`` itself). Lookups must be
    #: LEFT JOINs with ``src`` on the left: the loader keeps the small lookup as the hash
    #: join's build side, so the insert runs on every thread.
    direct_select: Callable[[ReadContext], str] | None = None


@dataclass
class FileReport:
    """Counts for one file."""

    path: str
    format: str
    read: int = 0
    loaded: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejects_by_reason: dict[str, int] = field(default_factory=dict)
    skipped_known: bool = False


@dataclass
class IngestReport:
    """Counts for a whole ingest: ``read = loaded + duplicates + rejected``."""

    read: int = 0
    loaded: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejects_by_reason: dict[str, int] = field(default_factory=dict)
    per_file: list[FileReport] = field(default_factory=list)

    def add(self, item: FileReport) -> None:
        """Fold one file's counts into the totals."""
        self.per_file.append(item)
        self.read += item.read
        self.loaded += item.loaded
        self.duplicates += item.duplicates
        self.rejected += item.rejected
        for reason, n in item.rejects_by_reason.items():
            self.rejects_by_reason[reason] = self.rejects_by_reason.get(reason, 0) + n

    def as_dict(self) -> dict[str, object]:
        """The CLI's JSON contract."""
        return {
            "read": self.read,
            "loaded": self.loaded,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "rejects_by_reason": dict(sorted(self.rejects_by_reason.items())),
        }

    def summary(self) -> str:
        """``read N, loaded N, duplicates N, rejected N (reasons)``."""
        reasons = ", ".join(f"{k}: {v}" for k, v in sorted(self.rejects_by_reason.items()))
        tail = f" ({reasons})" if reasons else ""
        return (
            f"read {self.read}, loaded {self.loaded}, duplicates {self.duplicates}, "
            f"rejected {self.rejected}{tail}"
        )


def sql_str(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def varchar_columns(names: list[str] | tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Every column as VARCHAR (the safe default for codes with leading zeros)."""
    return tuple((n, "VARCHAR") for n in names)


def gdelt_tone(expr: str) -> str:
    """SQL for a GDELT tone (about -100..100, usually -10..10) rescaled to [-1, 1]."""
    return f"greatest(-1.0, least(1.0, ({expr})::DOUBLE / 10.0))"
