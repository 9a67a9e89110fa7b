"""``toneshift watch-dyads USA:COL USA:VEN``: report new shifts as data arrives."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from toneshift.cli.common import console_error, print_json, settings_from, utc_now


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("watch-dyads")
    def watch_dyads_cli(
        dyads: Annotated[list[str], typer.Argument(help="dyads as A:B, e.g. USA:COL USA:VEN")],
        db: str | None = typer.Option(None, "--db", help="DuckDB file (default: settings)"),
        freq: str = typer.Option("month", "--freq", help="day | week | month | quarter"),
        method: str = typer.Option("pelt", "--method", help="pelt | binseg | window"),
        every: float = typer.Option(300.0, "--every", help="seconds between polls"),
        once: bool = typer.Option(False, "--once", help="check once and exit"),
    ) -> None:
        """Poll the store and print each shift not reported before (one JSON line per check).

        Reported shifts are remembered in the store's watch_state table, so a restart does
        not report them again. The store is opened only while checking.
        """
        from toneshift.analytics.watch import check_dyads, parse_pair
        from toneshift.store import open_store
        from toneshift.store.backends import require_duckdb

        pairs = [parse_pair(d) for d in dyads]
        path = settings_from(db=db).db
        while True:
            store = require_duckdb(open_store(path), "watch-dyads")
            try:
                report = check_dyads(store.con, pairs, now=utc_now(), freq=freq, method=method)
            finally:
                store.close()
            for note in report.notes:
                console_error(note)
            print_json({"checked_at": report.checked_at, "new": report.new})
            if once:
                return
            time.sleep(every)
