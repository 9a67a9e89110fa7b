"""Coding quality on every gold file in ../shared/data/gold: one Markdown table.

    .venv/bin/python benchmarks/coding_quality.py [--shared PATH] [--limit N]

Rows: file, mode, n (coder inputs), the headline figures for that file (pair mode: PLOVER root
accuracy / macro-F1; open mode: recall_full / actor_precision and the sentence-level label
accuracy / macro-F1 for files that carry one), actor resolution (country / full code accuracy
over aligned actors) and sentences/s. PLOVER TSV and GSR JSON run in pair and open mode.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from pathlib import Path

from toneshift.coding.coder import Coder
from toneshift.evaluation import EvalResult, evaluate, read_gold

DEFAULT_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
HEADER = ["file", "mode", "n", "labels", "accuracy", "macro-F1", "recall_full",
          "actor_precision", "actor country/code", "sentences/s"]  # fmt: skip


def _f(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def row(name: str, result: EvalResult) -> list[str]:
    """One table row for one (file, mode) evaluation."""
    s = result.scores
    scheme = next(iter(s.classification), "")
    c = s.classification.get(scheme)
    actors = s.actors if s.actors and s.actors.n else None
    return [
        name,
        s.mode,
        str(s.n_inputs),
        " ".join(f"{k}" for k in s.classification) or "",
        _f(c.accuracy if c else None),
        _f(c.macro_f1 if c else None),
        _f(s.open.recall_full if s.open else None),
        _f(s.open.actor_precision if s.open else None),
        f"{actors.country_accuracy:.3f}/{actors.code_accuracy:.3f}" if actors else "",
        f"{result.sentences_per_second:.1f}",
    ]


def modes_for(path: Path) -> list[str]:
    """Pair and open mode for gold that names actors in words; open mode otherwise."""
    return ["pair", "open"] if read_gold(path).default_mode == "pair" else ["open"]


def evaluate_all(root: Path, coder: Coder, limit: int | None) -> tuple[list[list[str]], list[str]]:
    """Table rows and footnotes (extra label schemes, unreadable records) for each gold file."""
    rows: list[list[str]] = []
    extras: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        name = str(path.relative_to(root))
        for mode in modes_for(path):
            result = evaluate(path, mode=mode, limit=limit, coder=coder)
            rows.append(row(name, result))
            for scheme, c in list(result.scores.classification.items())[1:]:
                extras.append(
                    f"- {name} ({mode}): {scheme} accuracy {c.accuracy:.3f}, "
                    f"macro-F1 {c.macro_f1:.3f}"
                )
            if result.gold.unreadable:
                lines = ", ".join(str(u.line) for u in result.gold.unreadable)
                extras.append(
                    f"- {name}: {len(result.gold.unreadable)} unreadable record(s) "
                    f"at line(s) {lines}; {result.gold.repaired} repaired"
                )
    return rows, extras


def main(argv: list[str] | None = None) -> int:
    """Evaluate every gold file and print the table (plus extra label schemes below it)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("TONESHIFT_SHARED", DEFAULT_SHARED))
    )
    ap.add_argument("--limit", type=int, default=None, help="first N sentences of each file")
    args = ap.parse_args(argv)
    root = args.shared / "data" / "gold"
    if not root.is_dir():
        print(f"no gold data at {root} (set TONESHIFT_SHARED)", file=sys.stderr)
        return 2
    rows, extras = evaluate_all(root, Coder.default(), args.limit)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f} (1 min, at end)\n"
    )
    print("| " + " | ".join(HEADER) + " |\n|" + "---|" * len(HEADER))
    for r in rows:
        print("| " + " | ".join(r) + " |")
    if extras:
        print("\n" + "\n".join(extras))
    return 0


if __name__ == "__main__":
    sys.exit(main())
