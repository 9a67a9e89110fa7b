"""Event stores: embedded DuckDB by default; PostgreSQL for teams (``postgresql://`` URLs)."""

from __future__ import annotations

from pathlib import Path

from toneshift.store.duckdb_store import EVENT_COLUMN_NAMES, DuckDBStore, event_row

__all__ = ["EVENT_COLUMN_NAMES", "DuckDBStore", "event_row", "open_store"]


def open_store(url: str | Path, *, read_only: bool = False) -> DuckDBStore:
    """Open the store named by a path (DuckDB) or URL; migrations run on open."""
    return DuckDBStore.open(url, read_only=read_only)
