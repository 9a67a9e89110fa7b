"""``toneshift watch [--once] [--every S]``: poll the feeds, code and store new articles."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from toneshift.ingest.watch import WatchReport


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""
    app.command("watch")(watch_cli)


def watch_cli(
    db: Annotated[str | None, typer.Option("--db", help="DuckDB path")] = None,
    once: Annotated[bool, typer.Option("--once", help="poll every feed once and exit")] = False,
    every: Annotated[float, typer.Option("--every", help="seconds between polls", min=1.0)] = 900.0,
    delay: Annotated[
        float, typer.Option("--delay", help="seconds between requests to one host", min=0.0)
    ] = 2.0,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON line per poll")] = False,
) -> None:
    """Poll the feeds added with `feeds add`; fetch, code and store each new entry.

    Conditional GETs (ETag / Last-Modified) keep unchanged feeds cheap; seen entries are
    remembered in the store, so they are never coded twice. The store is opened only
    while polling.
    """
    import time

    import httpx

    from toneshift.cli.common import settings_from, utc_now
    from toneshift.ingest.remote import Throttle
    from toneshift.ingest.watch import Poller, watch
    from toneshift.store.duckdb_store import DuckDBStore

    settings = settings_from(db=db)
    headers = {"User-Agent": settings.user_agent}
    with httpx.Client(timeout=settings.http_timeout, headers=headers) as client:
        throttle = Throttle(delay=delay, sleep=time.sleep, clock=time.monotonic)
        poller = Poller(client=client, throttle=throttle, now=utc_now)
        watch(
            lambda: DuckDBStore.open(settings.db), poller, every=every, sleep=time.sleep,
            rounds=1 if once else None, on_round=_printer(as_json),
        )  # fmt: skip


def _printer(as_json: bool) -> Callable[[WatchReport], None]:
    """The per-poll printer: one JSON line, or a summary line and the errors."""
    from rich.console import Console

    from toneshift.cli.common import print_json, utc_now

    console = Console()

    def on_round(report: WatchReport) -> None:
        if as_json:
            print_json({"at": utc_now(), **report.as_dict()})
            return
        console.print(f"{utc_now():%Y-%m-%d %H:%M:%S}Z {report.summary()}")
        for url, error in report.errors:
            console.print(f"  [yellow]{url}[/]: {error}", soft_wrap=True)

    return on_round
