"""``toneshift report A B --out report.html``: a self-contained HTML report on a dyad."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from toneshift.cli.common import settings_from, utc_now

_OUT = Path("report.html")


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("report")
    def report_cli(
        a: str = typer.Argument(..., help="first actor: code (USA) or name"),
        b: str = typer.Argument(..., help="second actor: code (COL) or name"),
        out: Annotated[Path, typer.Option("--out", help="HTML file to write")] = _OUT,
        db: str | None = typer.Option(None, "--db", help="DuckDB file (default: settings)"),
        freq: str = typer.Option("month", "--freq", help="day | week | month | quarter"),
        region: str | None = typer.Option(None, "--region", help="region for the region view"),
        days: int = typer.Option(90, "--days", help="days a gesture has to be fulfilled"),
    ) -> None:
        """Write charts, shifts, drivers, follow-through and the region view as one HTML file.

        The file has no external resources (inline SVG), so it opens offline.
        """
        from toneshift.analytics.report import build_report
        from toneshift.store import open_store
        from toneshift.store.backends import require_duckdb

        store = require_duckdb(open_store(settings_from(db=db).db, read_only=True), "report")
        try:
            html = build_report(store.con, a, b, now=utc_now(), freq=freq, region=region, days=days)
        finally:
            store.close()
        out.write_text(html, encoding="utf-8")
        typer.echo(str(out))
