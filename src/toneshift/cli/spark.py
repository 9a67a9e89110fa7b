"""``toneshift spark code|series|shifts``: the same jobs over a Spark cluster or local mode.

``--master`` (or ``SPARK_MASTER``) names the cluster; without one the jobs run in Spark local
mode, ``local[2]``. Needs ``toneshift[spark]`` and Java 17+.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer

from toneshift.cli.common import parse_date, print_csv, print_json

spark_app = typer.Typer(
    name="spark",
    help="Run coding and dyad analytics as Spark jobs (cluster via --master, else local[2]).",
    no_args_is_help=True,
)

_MASTER = typer.Option(None, "--master", help="Spark master URL (default: $SPARK_MASTER, local[2])")
_INPUT = typer.Option(..., "--input", help="events Parquet (file or folder), e.g. from export")
_FREQ = typer.Option("month", "--freq", help="day | week | month | quarter")
_DATASET = typer.Option(None, "--dataset", help="only this dataset")
_JSON = typer.Option(False, "--json", help="print JSON (the default; CSV with --csv)")
_CSV = typer.Option(False, "--csv", help="print CSV instead of JSON")


def register(app: typer.Typer) -> None:
    """Add the ``spark`` sub-command group to the app."""
    app.add_typer(spark_app, name="spark")


def with_session(master: str | None, job: Callable[[Any], Any]) -> Any:
    """Run ``job(spark)`` in a session on ``master``; stop the session afterwards."""
    from toneshift.spark.session import spark_session

    spark = spark_session(master)
    try:
        return job(spark)
    finally:
        spark.stop()


@spark_app.command("code")
def code_cli(
    input: str = typer.Option(..., "--input", help="folder (or file) of .txt/.jsonl articles"),
    output: str = typer.Option(..., "--output", help="Parquet folder to write the events to"),
    date: str | None = typer.Option(None, "--date", help="date of undated articles, YYYY-MM-DD"),
    partitions: int | None = typer.Option(None, "--partitions", help="default: Spark's"),
    master: str | None = _MASTER,
) -> None:
    """Code article files into events with the spaCy coder, in parallel; write Parquet."""
    from toneshift.spark.code_job import article_files, code_articles

    files = article_files(input)
    when = parse_date(date)
    n = with_session(
        master, lambda s: code_articles(s, files, output, date=when, partitions=partitions)
    )
    typer.echo(f"coded {len(files)} files into {n} events in {output}")


@spark_app.command("series")
def series_cli(
    a: str = typer.Argument(..., help="first actor: code (USA, USAGOV) or name"),
    b: str = typer.Argument(..., help="second actor: code or name"),
    input: str = _INPUT,
    freq: str = _FREQ,
    undirected: bool = typer.Option(False, "--undirected", help="pool both directions"),
    start: str | None = typer.Option(None, "--start", help="first day, YYYY-MM-DD"),
    end: str | None = typer.Option(None, "--end", help="last day, YYYY-MM-DD"),
    dataset: str | None = _DATASET,
    as_json: bool = _JSON,
    as_csv: bool = _CSV,
    master: str | None = _MASTER,
) -> None:
    """The A->B and B->A series, as `toneshift series A B --json` prints it, computed in Spark."""
    options = {
        "freq": freq,
        "directed": not undirected,
        "start": parse_date(start, field="--start"),
        "end": parse_date(end, field="--end"),
        "dataset": dataset,
    }
    _emit(_run(master, input, "series", a, b, options), as_csv)


@spark_app.command("shifts")
def shifts_cli(
    a: str = typer.Argument(..., help="first actor: code (USA, USAGOV) or name"),
    b: str = typer.Argument(..., help="second actor: code or name"),
    input: str = _INPUT,
    freq: str = _FREQ,
    method: str = typer.Option("pelt", "--method", help="pelt | binseg | window"),
    seed: int = typer.Option(0, "--seed", help="seed of the permutation test"),
    dataset: str | None = _DATASET,
    as_json: bool = _JSON,
    as_csv: bool = _CSV,
    master: str | None = _MASTER,
) -> None:
    """Warming and cooling shifts, as `toneshift shifts A B --json` prints them, in Spark."""
    options = {"freq": freq, "method": method, "rng_seed": seed, "dataset": dataset}
    _emit(_run(master, input, "shifts", a, b, options), as_csv)


def _run(master: str | None, input: str, kind: str, a: str, b: str, options: dict) -> list:
    from toneshift.spark.dyad_job import dyad_json

    def job(spark: Any) -> list:
        return dyad_json(spark.read.parquet(input), kind, [(a, b)], options)[0]

    return list(with_session(master, job))


def _emit(rows: list[dict], as_csv: bool) -> None:
    if as_csv:
        print_csv(rows)
    else:
        print_json(rows)
