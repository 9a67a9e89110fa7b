"""Helpers shared by CLI verbs: output formats, error printing, settings from options."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from enum import Enum
from typing import Any

from rich.console import Console

from toneshift.config import Settings, load_settings
from toneshift.errors import InputError

_err = Console(stderr=True, highlight=False)


class OutputFormat(str, Enum):
    """How a verb prints its result."""

    table = "table"
    json = "json"
    csv = "csv"


def console_error(message: str) -> None:
    """Print a one-line error to stderr."""
    first = message.strip().splitlines()[0] if message.strip() else "error"
    _err.print(f"[bold red]error:[/] {first}", soft_wrap=True)


def settings_from(db: str | None = None, **overrides: object) -> Settings:
    """Settings with CLI overrides applied (None means: keep the lower-precedence value)."""
    return load_settings(db=db, **overrides)


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
