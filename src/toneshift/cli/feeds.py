"""``toneshift feeds add URL`` / ``feeds list`` / ``feeds remove URL``: the feeds a watch polls."""

from __future__ import annotations

from typing import Annotated

import typer

feeds_app = typer.Typer(help="Manage the RSS/Atom feeds and web pages that `watch` polls.")

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB path")]


def register(app: typer.Typer) -> None:
    """Add the ``feeds`` command group to the app."""
    app.add_typer(feeds_app, name="feeds")


@feeds_app.command("add")
def add_cli(
    urls: Annotated[list[str], typer.Argument(help="RSS/Atom feed or web page URLs")],
    db: DbOption = None,
) -> None:
    """Watch one or more URLs (RSS, Atom or a plain web page)."""
    from rich.console import Console

    from toneshift.cli.common import settings_from, utc_now
    from toneshift.ingest.feeds import add_feed
    from toneshift.store.duckdb_store import DuckDBStore

    console = Console()
    with DuckDBStore.open(settings_from(db=db).db) as store:
        for url in urls:
            added = add_feed(store, url, now=utc_now())
            console.print(f"{'added' if added else 'already watched'}: {url}", soft_wrap=True)


@feeds_app.command("remove")
def remove_cli(
    url: Annotated[str, typer.Argument(help="a watched URL")], db: DbOption = None
) -> None:
    """Stop watching a URL and forget which of its entries were seen."""
    from rich.console import Console

    from toneshift.cli.common import settings_from
    from toneshift.errors import InputError
    from toneshift.ingest.feeds import remove_feed
    from toneshift.store.duckdb_store import DuckDBStore

    with DuckDBStore.open(settings_from(db=db).db) as store:
        if not remove_feed(store, url):
            raise InputError(f"{url}: not a watched feed")
    Console().print(f"removed: {url}", soft_wrap=True)


@feeds_app.command("list")
def list_cli(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON array")] = False,
) -> None:
    """List the watched URLs with their kind and last poll."""
    from rich.console import Console
    from rich.table import Table

    from toneshift.cli.common import print_json, settings_from
    from toneshift.ingest.feeds import list_feeds
    from toneshift.store.duckdb_store import DuckDBStore

    with DuckDBStore.open(settings_from(db=db).db) as store:
        feeds = list_feeds(store)
    if as_json:
        print_json([f.as_dict() for f in feeds])
        return
    table = Table("url", "kind", "title", "last poll", "status", "error")
    for f in feeds:
        polled = f.polled_at.isoformat(timespec="seconds") if f.polled_at else ""
        status = "" if f.last_status is None else str(f.last_status)
        table.add_row(f.url, f.kind or "", f.title or "", polled, status, f.last_error or "")
    Console().print(table)
