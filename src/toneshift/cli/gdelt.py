"""``toneshift gdelt fetch --from D --to D``: download, verify and ingest GDELT event exports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from toneshift.ingest.fetch_gdelt import GdeltFetchReport

gdelt_app = typer.Typer(help="Fetch GDELT event exports from the GDELT servers (or a mirror).")


def register(app: typer.Typer) -> None:
    """Add the ``gdelt`` command group to the app."""
    app.add_typer(gdelt_app, name="gdelt")


@gdelt_app.command("fetch")
def fetch_cli(
    start: Annotated[str, typer.Option("--from", help="first UTC day, YYYY-MM-DD")],
    end: Annotated[str, typer.Option("--to", help="last UTC day (inclusive), YYYY-MM-DD")],
    version: Annotated[int, typer.Option("--version", help="GDELT 1 (daily) or 2 (15 min)")] = 2,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="mirror URL (default: data.gdeltproject.org)")
    ] = None,
    dest: Annotated[
        str | None, typer.Option("--dest", help="download folder (default: beside the DB)")
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help="DuckDB path")] = None,
    on_error: Annotated[
        str, typer.Option("--on-error", help="raise: stop at the first bad file; skip: go on")
    ] = "raise",
    retries: Annotated[int, typer.Option("--retries", help="attempts per file")] = 4,
    as_json: Annotated[bool, typer.Option("--json", help="print one JSON line")] = False,
) -> None:
    """Download the exports for a UTC date range, check size and MD5, then ingest them.

    Verified files already in --dest are not downloaded again; failed downloads are retried
    with exponential backoff.
    """
    from rich.console import Console

    from toneshift.cli.common import print_json

    report = _fetch(start, end, version, base_url, dest, db, on_error, retries, quiet=as_json)
    if as_json:
        print_json(report.as_dict())
    else:
        Console().print(report.summary())
    if report.failed:
        raise typer.Exit(3)


def _fetch(
    start: str, end: str, version: int, base_url: str | None, dest: str | None, db: str | None,
    on_error: str, retries: int, *, quiet: bool,
) -> GdeltFetchReport:  # fmt: skip
    """Check the options, open client and store, run :func:`fetch_gdelt` with a progress bar."""
    import time

    import httpx

    from toneshift.cli.common import parse_date, settings_from, utc_now
    from toneshift.errors import InputError
    from toneshift.ingest.fetch_gdelt import fetch_gdelt
    from toneshift.ingest.remote import RetryPolicy
    from toneshift.store.duckdb_store import DuckDBStore

    if on_error not in ("raise", "skip"):
        raise InputError(f"--on-error must be raise or skip, not {on_error!r}")
    first, last = parse_date(start, field="--from"), parse_date(end, field="--to")
    assert first is not None and last is not None
    settings = settings_from(db=db)
    folder = Path(dest) if dest else Path(settings.db).parent / "gdelt" / f"v{version}"
    headers = {"User-Agent": settings.user_agent}
    with (
        httpx.Client(timeout=settings.http_timeout, headers=headers) as client,
        DuckDBStore.open(settings.db) as store,
        _Bar(disabled=quiet) as tick,
    ):
        return fetch_gdelt(
            store, start=first, end=last, dest=folder, client=client, sleep=time.sleep,
            now=utc_now(), version=version, base_url=base_url,
            policy=RetryPolicy(attempts=max(1, retries)), on_error=on_error,  # type: ignore[arg-type]
            progress=tick,
        )  # fmt: skip


class _Bar:
    """A rich progress bar whose ``tick(stage, name, done, total)`` follows the fetch."""

    def __init__(self, *, disabled: bool) -> None:
        from rich.console import Console
        from rich.progress import Progress

        self.progress = Progress(console=Console(stderr=True), transient=True, disable=disabled)
        self.task = self.progress.add_task("gdelt", total=None)

    def __enter__(self) -> _Bar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def __call__(self, stage: str, name: str, done: int, total: int) -> None:
        label = f"{stage} {name}" if name else f"{stage} done"
        self.progress.update(self.task, completed=done, total=total, description=label)
