"""``toneshift series A B``: a dyad's period series in both directions."""

from __future__ import annotations

from typing import Annotated

import typer

from toneshift.cli.common import OutputFormat, parse_date, print_csv, print_json, settings_from

_TABLE = OutputFormat.table


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("series")
    def series_cli(
        a: str = typer.Argument(..., help="first actor: code (USA, USAGOV) or name (Colombia)"),
        b: str = typer.Argument(..., help="second actor: code or name"),
        db: str | None = typer.Option(None, "--db", help="DuckDB file (default: settings)"),
        freq: str = typer.Option("month", "--freq", help="day | week | month | quarter"),
        undirected: bool = typer.Option(False, "--undirected", help="pool both directions"),
        start: str | None = typer.Option(None, "--start", help="first day, YYYY-MM-DD"),
        end: str | None = typer.Option(None, "--end", help="last day, YYYY-MM-DD"),
        dataset: str | None = typer.Option(None, "--dataset", help="only this dataset"),
        as_json: bool = typer.Option(False, "--json", help="print JSON (same as --format json)"),
        fmt: Annotated[OutputFormat, typer.Option("--format", help="table|json|csv")] = _TABLE,
    ) -> None:
        """Print the A->B and B->A series: events, Goldstein, net cooperation, tone per period.

        Periods without events are listed with events=0, null means and gap=true.
        """
        from toneshift.analytics.series import series_records
        from toneshift.store import open_store
        from toneshift.store.backends import analytics_con

        store = open_store(settings_from(db=db).db, read_only=True)
        try:
            rows = series_records(
                analytics_con(store, a, b, dataset=dataset),
                a,
                b,
                freq=freq,
                directed=not undirected,
                start=parse_date(start, field="--start"),
                end=parse_date(end, field="--end"),
                dataset=dataset,
            )
        finally:
            store.close()
        _emit(rows, OutputFormat.json if as_json else fmt)


def _emit(rows: list[dict], fmt: OutputFormat) -> None:
    if fmt is OutputFormat.json:
        print_json(rows)
    elif fmt is OutputFormat.csv:
        print_csv(rows)
    else:
        keys = ("period", "direction", "events", "goldstein_mean", "net_cooperation", "tone_mean")
        typer.echo("\t".join(keys))
        for row in rows:
            typer.echo("\t".join(_cell(row[k]) for k in keys))


def _cell(value: object) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) else str(value)
