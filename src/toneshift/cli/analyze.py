"""``toneshift analyze PATH|URL|-``: code an article, print its events, store it."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from toneshift.cli.common import (
    OutputFormat,
    parse_date,
    print_csv,
    print_json,
    settings_from,
    utc_now,
)


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("analyze")
    def analyze_cli(
        source: Annotated[
            str, typer.Argument(help="article file (text, HTML, JSONL), URL, or - for stdin")
        ],
        date: Annotated[
            str | None,
            typer.Option(help="article date YYYY-MM-DD (default: from the page, else today UTC)"),
        ] = None,
        db: Annotated[str | None, typer.Option(help="DuckDB file to store into")] = None,
        fmt: Annotated[
            OutputFormat, typer.Option("--format", help="table, json or csv")
        ] = OutputFormat.table,
        no_store: Annotated[
            bool, typer.Option("--no-store", help="print only; store nothing")
        ] = False,
        actors: Annotated[
            list[Path] | None,
            typer.Option("--actors", help="PETRARCH/TABARI actor dictionary (repeatable)"),
        ] = None,
    ) -> None:
        """Code an article into events (who did what to whom, tone, issues) and store them."""
        from toneshift.analyze import analyze_source
        from toneshift.cli.common import coder_with_dictionaries

        settings = settings_from(db=db)
        now = utc_now()
        results = analyze_source(
            source,
            date=parse_date(date),
            today=now.date(),
            db=None if no_store else settings.db,
            now=now,
            stdin=sys.stdin.buffer if source == "-" else None,
            settings=settings,
            coder=coder_with_dictionaries(actors),
        )
        rows = [row for article, events in results for row in event_rows(article.id, events)]
        if fmt is OutputFormat.json:
            print_json([analysis_record(a, e) for a, e in results])
        elif fmt is OutputFormat.csv:
            print_csv(rows)
        else:
            from toneshift.cli.tables import events_table

            events_table(results)


def event_rows(article_id: str, events: list[Any]) -> list[dict[str, Any]]:
    """Flat rows for CSV output."""
    from toneshift.coding.contract import event_record

    rows = []
    for event in events:
        rec = event_record(event)
        rows.append(
            {
                "article_id": article_id,
                "source": rec["source"]["text"],
                "source_code": rec["source"]["code"],
                "cameo": rec["cameo"],
                "plover": rec["plover"],
                "target": rec["target"]["text"],
                "target_code": rec["target"]["code"],
                "quad_class": rec["quad_class"],
                "goldstein": rec["goldstein"],
                "tone": rec["tone"],
                "issues": ";".join(rec["issues"]),
                "third_parties": ";".join(rec["third_parties"]),
                "span_start": rec["span"][0],
                "span_end": rec["span"][1],
                "sentence": event.sentence,
            }
        )
    return rows


def analysis_record(article: Any, events: list[Any]) -> dict[str, Any]:
    """One article and its events as JSON."""
    from toneshift.coding.contract import event_record

    return {
        "article": {
            "id": article.id,
            "title": article.title,
            "date": article.date,
            "url": article.url,
            "issues": [{"issue": t.issue, "triggers": list(t.triggers)} for t in article.issues],
            "third_parties": list(article.third_parties),
        },
        "events": [dict(event_record(e), sentence=e.sentence) for e in events],
    }
