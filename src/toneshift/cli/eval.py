"""``toneshift eval``: run the coder over a gold file and print how well it did."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("eval")
    def eval_cli(
        gold: Annotated[
            Path,
            typer.Argument(
                help="gold file: PLOVER TSV/GSR JSON, PETRARCH XML, "
                "ConfliBERT TSV or CAMEO manual JSON"
            ),
        ],
        mode: Annotated[
            str, typer.Option(help="pair, open or auto (pair when the gold names actors in words)")
        ] = "auto",
        json: Annotated[bool, typer.Option("--json", help="print one JSON object")] = False,
        report: Annotated[
            Path | None, typer.Option(help="also save a report (.html or .md)")
        ] = None,
        limit: Annotated[
            int | None, typer.Option(min=1, help="first N gold sentences only")
        ] = None,
        processes: Annotated[
            int, typer.Option(min=0, help="worker processes (0 = one per core; 1 = this one)")
        ] = 0,
    ) -> None:
        """Score the coder on GOLD: accuracy, macro-F1, per-class scores, confusions, open-mode
        recall, actor resolution and sentences/s."""
        from toneshift.cli.common import print_json
        from toneshift.evaluation.report import render, render_text, report_format
        from toneshift.evaluation.runner import evaluate

        if report is not None:
            report_format(report)  # fail before the coder runs
        result = evaluate(gold, mode=mode, limit=limit, processes=processes)
        if report is not None:
            report.write_text(render(result, report), encoding="utf-8")
        if json:
            print_json(result.to_dict())
        else:
            typer.echo(render_text(result), nl=False)
