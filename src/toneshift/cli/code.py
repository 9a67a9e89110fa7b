"""``toneshift code``: the JSONL coding contract (stdin→stdout or --input/--output)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, TextIO

import typer


def register(app: typer.Typer) -> None:
    """Add the verb to the app."""

    @app.command("code")
    def code_cli(
        input: Annotated[
            Path | None, typer.Option("--input", "-i", help="JSONL requests (default stdin)")
        ] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="JSONL answers (default stdout)")
        ] = None,
        batch_size: Annotated[int, typer.Option(help="texts parsed per batch")] = 128,
        processes: Annotated[
            int,
            typer.Option(
                help="worker processes that parse and code (0 = one per core for inputs of "
                "200+ texts; 1 = this process only)"
            ),
        ] = 0,
        actors: Annotated[
            list[Path] | None,
            typer.Option("--actors", help="PETRARCH/TABARI actor dictionary (repeatable)"),
        ] = None,
    ) -> None:
        """Code JSONL sentences: {"id","text","date"}, or with "source" and "target" (pair mode)."""
        from toneshift.cli.common import coder_with_dictionaries
        from toneshift.coding.contract import code_requests, parse_request

        source: TextIO = input.open(encoding="utf-8") if input else sys.stdin
        name = str(input) if input else "<stdin>"
        # parse every request first: a bad line fails the run before anything is written
        requests = [
            parse_request(line, number=n, name=name)
            for n, line in enumerate(source, start=1)
            if line.strip()
        ]
        coder = coder_with_dictionaries(actors)
        answers = code_requests(coder, requests, batch_size=batch_size, processes=processes)
        sink: TextIO = output.open("w", encoding="utf-8") if output else sys.stdout
        failed: list[str] = []
        try:
            for answer in answers:
                if "error" in answer:
                    failed.append(f"{answer['id']} ({answer['error']})")
                sink.write(json.dumps(answer, ensure_ascii=False) + "\n")
        finally:
            if output:
                sink.close()
        if failed:
            # every line is answered (with no events); the failures are named, not dropped
            shown = "; ".join(failed[:5]) + (" ..." if len(failed) > 5 else "")
            typer.echo(f"coded {len(requests)} texts; {len(failed)} failed: {shown}", err=True)
