"""Write the normalised events table to Parquet with DuckDB's ``COPY ... TO``."""

from __future__ import annotations

from pathlib import Path

from toneshift.ingest.base import sql_str
from toneshift.store.duckdb_store import DuckDBStore


def export_events(store: DuckDBStore, out: str | Path) -> int:
    """Write every event to ``out`` (Parquet, zstd); return the number of rows written."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    store.con.execute(
        f"COPY (SELECT * FROM events ORDER BY event_id) TO {sql_str(str(out))} "
        "(FORMAT parquet, COMPRESSION zstd)"
    ).fetchall()
    return store.count("events")
