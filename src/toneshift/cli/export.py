"""``toneshift export --out events.parquet``: write the normalised events table."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("export")
    def export_cli(
        out: Annotated[str, typer.Option("--out", help="Parquet file to write")],
        db: Annotated[str | None, typer.Option("--db", help="DuckDB path")] = None,
    ) -> None:
        """Write every event in the store to a Parquet file."""
        from toneshift.cli.common import settings_from
        from toneshift.ingest.export import export_events
        from toneshift.store.duckdb_store import DuckDBStore

        with DuckDBStore.open(settings_from(db=db).db) as store:
            n = export_events(store, out)
        typer.echo(f"wrote {n} events to {out}")
