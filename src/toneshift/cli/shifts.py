"""``toneshift shifts A B``: change points in a dyad's relations, with evidence."""

from __future__ import annotations

from typing import Annotated

import typer

from toneshift.cli.common import OutputFormat, print_csv, print_json, settings_from

_TABLE = OutputFormat.table


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("shifts")
    def shifts_cli(
        a: str = typer.Argument(..., help="first actor: code (USA, USAGOV) or name (Colombia)"),
        b: str = typer.Argument(..., help="second actor: code or name"),
        db: str | None = typer.Option(None, "--db", help="DuckDB file (default: settings)"),
        freq: str = typer.Option("month", "--freq", help="day | week | month | quarter"),
        method: str = typer.Option("pelt", "--method", help="pelt | binseg | window"),
        seed: int = typer.Option(0, "--seed", help="seed of the permutation test"),
        dataset: str | None = typer.Option(None, "--dataset", help="only this dataset"),
        as_json: bool = typer.Option(False, "--json", help="print JSON (same as --format json)"),
        fmt: Annotated[OutputFormat, typer.Option("--format", help="table|json|csv")] = _TABLE,
    ) -> None:
        """List warming and cooling shifts in both directions of the dyad.

        Exits with code 2 and a message when the dyad has too little data (fewer than 6
        non-empty periods or 30 events in both directions); an empty list means no shift.
        """
        from toneshift.analytics.changepoints import shift_records
        from toneshift.store import open_store
        from toneshift.store.backends import analytics_con

        store = open_store(settings_from(db=db).db, read_only=True)
        try:
            rows = shift_records(
                analytics_con(store, a, b, dataset=dataset),
                a,
                b,
                freq=freq,
                method=method,
                rng_seed=seed,
                dataset=dataset,
            )
        finally:
            store.close()
        if as_json or fmt is OutputFormat.json:
            print_json(rows)
        elif fmt is OutputFormat.csv:
            print_csv(rows)
        else:
            for r in rows:
                typer.echo(
                    f"{r['date']}  {r['dyad']:<16} {r['direction']:<8} "
                    f"{r['goldstein_before']:+.2f} -> {r['goldstein_after']:+.2f}  "
                    f"conf {r['confidence']:.3f}  events {r['events_before']}/{r['events_after']}"
                )
