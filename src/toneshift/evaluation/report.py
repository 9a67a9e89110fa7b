"""Evaluation results for people: plain text (terminal), Markdown and self-contained HTML.

Every function returns a string; nothing here prints or writes. Gold-file text (sentences,
labels, reasons) is escaped: ``|`` in Markdown cells, everything in HTML.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from toneshift.errors import InputError
from toneshift.evaluation.metrics import ClassScores
from toneshift.evaluation.runner import EvalResult

__all__ = [
    "render",
    "render_html",
    "render_markdown",
    "render_text",
    "report_format",
    "summary_rows",
]

Table = tuple[list[str], list[list[str]]]


def _f(value: float) -> str:
    return f"{value:.3f}"


def summary_rows(result: EvalResult) -> list[list[str]]:
    """``[measure, value]`` rows: the headline figures of one evaluation."""
    s, g = result.scores, result.gold
    rows = [
        ["gold", g.path],
        ["format", g.format],
        ["mode", s.mode],
        ["inputs", str(s.n_inputs)],
        ["no event returned", str(s.missing)],
    ]
    if s.skipped:
        rows.append(["gold events skipped (no actor words)", str(s.skipped)])
    if g.unreadable or g.repaired:
        rows.append(["unreadable records", str(len(g.unreadable))])
        rows.append(["repaired records", str(g.repaired)])
    for scheme, c in s.classification.items():
        rows += [[f"{scheme} accuracy", _f(c.accuracy)], [f"{scheme} macro-F1", _f(c.macro_f1)]]
    if s.open:
        rows += [
            ["open recall_full", _f(s.open.recall_full)],
            ["open recall_actors", _f(s.open.recall_actors)],
            ["open actor_precision", _f(s.open.actor_precision)],
            ["open gold events", str(s.open.n_gold)],
        ]
    if s.actors and s.actors.n:
        a = s.actors
        rows += [
            ["actors with gold codes / aligned", f"{a.n} / {a.aligned}"],
            ["actor country accuracy", _f(a.country_accuracy)],
            ["actor code accuracy", _f(a.code_accuracy)],
        ]
    rows.append(["sentences/s", f"{result.sentences_per_second:.1f}"])
    return rows


def _per_class(c: ClassScores) -> Table:
    rows = [
        [label, _f(v.precision), _f(v.recall), _f(v.f1), str(v.n)]
        for label, v in c.per_class.items()
    ]
    return ["class", "precision", "recall", "F1", "n"], rows


def _confusion(c: ClassScores) -> Table:
    predicted = sorted({p for row in c.confusion.values() for p in row})
    rows = [[g] + [str(c.confusion[g].get(p, "")) for p in predicted] for g in c.confusion]
    return ["gold \\ predicted", *predicted], rows


def _sections(result: EvalResult) -> list[tuple[str, Table]]:
    sections: list[tuple[str, Table]] = [("Summary", (["measure", "value"], summary_rows(result)))]
    for scheme, c in result.scores.classification.items():
        sections.append((f"{scheme}: per class", _per_class(c)))
        sections.append((f"{scheme}: confusion matrix", _confusion(c)))
    if result.gold.unreadable:
        rows = [[str(u.line), u.reason] for u in result.gold.unreadable]
        sections.append(("Unreadable records", (["line", "reason"], rows)))
    return sections


def render_text(result: EvalResult) -> str:
    """Aligned plain-text tables for a terminal."""
    out = []
    for title, (header, rows) in _sections(result):
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            for row in [header, *rows]
        ]
        out.append("\n".join([title, "-" * len(title), *lines]))
    return "\n\n".join(out) + "\n"


def _md_cell(value: str) -> str:
    return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _md_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(_md_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(result: EvalResult) -> str:
    """A Markdown report: summary, per-class scores, confusion matrices, unreadable records."""
    parts = [f"# Evaluation of {_md_cell(Path(result.gold.path).name)}"]
    for title, (header, rows) in _sections(result):
        parts.append(f"## {_md_cell(title)}\n\n{_md_table(header, rows)}")
    return "\n\n".join(parts) + "\n"


_CSS = (
    "body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
    "table{border-collapse:collapse;margin:0 0 1.5em}"
    "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
    "th{background:#f3f3f3}"
)


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def render_html(result: EvalResult) -> str:
    """A self-contained HTML page (inline CSS, no scripts, every value escaped)."""
    title = html.escape(f"Evaluation of {Path(result.gold.path).name}")
    body = "".join(
        f"<h2>{html.escape(name)}</h2>{_html_table(header, rows)}"
        for name, (header, rows) in _sections(result)
    )
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_CSS}</style></head><body><h1>{title}</h1>{body}</body></html>\n"
    )


def report_format(path: str | Path) -> str:
    """``"html"`` for ``*.html``/``*.htm``, ``"md"`` for ``*.md``; InputError otherwise."""
    suffix = Path(path).suffix.lower()
    if suffix in (".html", ".htm"):
        return "html"
    if suffix in (".md", ".markdown"):
        return "md"
    raise InputError(f"--report {path}: the report must end in .html or .md")


def render(result: EvalResult, path: str | Path) -> str:
    """The report for ``path``: HTML or Markdown by its suffix (see :func:`report_format`)."""
    return render_html(result) if report_format(path) == "html" else render_markdown(result)
