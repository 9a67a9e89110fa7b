"""Event stores: embedded DuckDB by default; PostgreSQL for teams (``postgresql://`` URLs)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from toneshift.store.duckdb_store import EVENT_COLUMN_NAMES, DuckDBStore, event_row

if TYPE_CHECKING:
    from toneshift.store.backends import EventStore

__all__ = ["EVENT_COLUMN_NAMES", "DuckDBStore", "event_row", "open_store"]


def open_store(url: str | Path, *, read_only: bool = False) -> EventStore:
    """Open the store named by a path (DuckDB) or a ``postgresql://`` URL (PostgreSQL, needs
    ``toneshift[postgres]``); migrations run on open."""
    from toneshift.store.backends import open_backend

    return open_backend(url, read_only=read_only)
