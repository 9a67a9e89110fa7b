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
        served = _via_server(settings.db, paths, fmt)
        if served is not None:  # a running `toneshift serve` owns the DuckDB file
            print_json(served) if as_json else Console().print(_summary(served))
            return
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


def _via_server(db: str, paths: list[str], fmt: str) -> dict[str, object] | None:
    """When `toneshift serve` holds this DuckDB file, ingest through it (one writer process)."""
    if "://" in db:
        return None
    from toneshift.web.client import server_answers, submit_ingest

    if not server_answers(db):
        return None
    return submit_ingest(db, list(paths), fmt=fmt)


def _summary(counts: dict[str, object]) -> str:
    reasons = counts.get("rejects_by_reason") or {}
    return (
        f"read {counts['read']}, loaded {counts['loaded']}, duplicates {counts['duplicates']}, "
        f"rejected {counts['rejected']} ({reasons}) [via toneshift serve]"
    )
