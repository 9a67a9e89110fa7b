"""Helpers shared by CLI verbs: output formats, error printing, settings from options."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console

from toneshift.config import Settings, load_settings
from toneshift.errors import InputError

if TYPE_CHECKING:
    from toneshift.coding.coder import Coder

_err = Console(stderr=True, highlight=False)


class OutputFormat(StrEnum):
    """How a verb prints its result."""

    table = "table"
    json = "json"
    csv = "csv"


def console_error(message: str) -> None:
    """Print a one-line error to stderr."""
    first = message.strip().splitlines()[0] if message.strip() else "error"
    _err.print(f"[bold red]error:[/] {first}", soft_wrap=True)


def settings_from(db: str | None = None) -> Settings:
    """Settings with the CLI's --db applied (None means: keep the lower-precedence value)."""
    return load_settings(db=db)


def parse_date(value: str | None, *, field: str = "--date") -> dt.date | None:
    """Parse an ISO date option, naming the option in the error."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise InputError(f"{field}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def utc_now() -> dt.datetime:
    """The clock, read once at the CLI edge and injected into the library."""
    return dt.datetime.now(dt.UTC)


def print_json(data: Any) -> None:
    """Write JSON to stdout (dates as ISO strings)."""
    sys.stdout.write(json.dumps(data, default=_json_default, ensure_ascii=False) + "\n")


def print_csv(rows: Sequence[dict[str, Any]]) -> None:
    """Write rows as CSV to stdout."""
    if not rows:
        return
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    sys.stdout.write(buf.getvalue())


def _json_default(value: object) -> object:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "item"):
        return value.item()  # numpy scalars
    raise TypeError(f"cannot serialise {type(value).__name__}")


def coder_with_dictionaries(actors: list[Path] | None) -> Coder:
    """The default coder, its actor table extended by PETRARCH-format dictionaries if given;
    skipped dictionary lines are reported on stderr with their file and line."""
    from toneshift.coding.coder import Coder
    from toneshift.coding.dictionaries import extend_with_dictionaries

    coder = Coder.default()
    if not actors:
        return coder
    extended = extend_with_dictionaries(coder.actors, actors)
    for problem in extended.skipped:
        _err.print(f"[yellow]warning:[/] skipped {problem}", soft_wrap=True)
    _err.print(
        f"loaded {extended.entries} dictionary actors ({len(extended.skipped)} lines skipped)"
    )
    return coder.with_actors(extended.table)
