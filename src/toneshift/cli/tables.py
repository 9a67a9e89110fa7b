"""Rich tables for terminal output."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from toneshift.models import QUAD_LABELS

COLUMNS = (
    "source → action → target",
    "CAMEO/PLOVER",
    "quad",
    "Gold.",
    "tone",
    "issues",
    "sentence",
)


def _who_did_what(e: Any) -> str:
    source = f"{e.source.text} [{e.source.code}]"
    return f"{source} → {e.trigger} → {e.target.text} [{e.target.code}]"


def events_table(results: list[tuple[Any, list[Any]]]) -> None:
    """Print each article's events as a table."""
    console = Console()
    if not console.is_terminal:
        console.width = max(console.width, 160)  # piped output: no terminal to fit
    for article, events in results:
        title = article.title or article.id
        table = Table(title=f"{title} ({len(events)} events)", show_lines=True, expand=True)
        for name in COLUMNS:
            table.add_column(name, overflow="fold")
        for e in events:
            table.add_row(
                _who_did_what(e),
                f"{e.cameo} {e.plover}",
                QUAD_LABELS.get(e.quad_class, "?"),
                f"{e.goldstein:+.1f}",
                f"{e.tone:+.2f}",
                ", ".join(e.issue_names),
                e.sentence,
            )
        console.print(table)
        issues = ", ".join(f"{t.issue} ({'; '.join(t.triggers[:3])})" for t in article.issues)
        console.print(f"[bold]Article issues:[/] {issues or '-'}")
        console.print(f"[bold]Countries named:[/] {', '.join(article.third_parties) or '-'}")
