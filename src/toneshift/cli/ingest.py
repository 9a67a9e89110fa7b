"""``toneshift ingest PATH...``: load event files of any supported format into the store."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("ingest")
    def ingest_cli(
        paths: Annotated[
            list[str], typer.Argument(help="files: csv/tab/tsv/json/jsonl, .gz, .zip")
        ],
        db: Annotated[
            str | None, typer.Option("--db", help="DuckDB path or postgresql:// URL")
        ] = None,
        fmt: Annotated[
            str, typer.Option("--format", help="auto or a reader name (gdelt1, gdelt2, icews...)")
        ] = "auto",
        as_json: Annotated[bool, typer.Option("--json", help="print one JSON line")] = False,
    ) -> None:
        """Load GDELT, GKG, ICEWS, POLECAT or toneshift JSONL files; one transaction per file."""
        from rich.console import Console
        from rich.progress import Progress

        from toneshift.cli.common import print_json, settings_from, utc_now
        from toneshift.store import open_store
        from toneshift.store.backends import ingest_into

        settings = settings_from(db=db)
        console = Console(stderr=True)
        with (
            open_store(settings.db) as store,
            Progress(console=console, transient=True, disable=as_json) as bar,
        ):
            task = bar.add_task("ingest", total=len(paths))

            def tick(path: str, done: int, total: int) -> None:
                bar.update(task, completed=done, description=path or "done")

            report = ingest_into(store, paths, fmt=fmt, now=utc_now(), progress=tick)
        if as_json:
            print_json(report.as_dict())
        else:
            Console().print(report.summary())
