"""Sentences per second of the whole coding pipeline (parse, actors, event types, tone, issues).

Reads the sentences of ../shared/data/gold/plover_dev.tsv (skips when absent), codes them in
batches through the same path as `toneshift code`, and prints the rate. Model loading is timed
separately and excluded from the rate; forking the workers (``--processes`` other than 1) is
included.

    .venv/bin/python benchmarks/coding_speed.py [--repeat 3] [--processes N ...]

``--processes``: 1 = this process only, 0 = one worker per core (what `toneshift code` does
by default on inputs of 200+ texts). Default: both, one after the other.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SHARED = Path(os.environ.get("TONESHIFT_SHARED", DEFAULT_SHARED))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--processes", type=int, nargs="+", default=[1, 0], help="1: one process; 0: per core"
    )
    args = parser.parse_args()
    gold = SHARED / "data" / "gold" / "plover_dev.tsv"
    if not gold.exists():
        print(f"skip: {gold} not found (set TONESHIFT_SHARED)")
        return 0
    with gold.open(encoding="utf-8", newline="") as f:
        texts = list(dict.fromkeys(r["sentence"] for r in csv.DictReader(f, delimiter="\t")))
    from toneshift.coding.coder import Coder, code_texts

    start = time.perf_counter()
    coder = Coder.default()
    coder.code_text("Colombia criticized the United States.")  # warm caches
    load = time.perf_counter() - start
    print(f"sentences: {len(texts)}  model load: {load:.2f} s  cores: {os.cpu_count()}")
    for processes in args.processes:
        rates = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            dates = [None] * len(texts)
            events = sum(len(e) for e in code_texts(coder, texts, dates, processes=processes))
            rates.append(len(texts) / (time.perf_counter() - start))
        runs = ", ".join(f"{r:.0f}" for r in rates)
        label = "one process" if processes == 1 else f"processes={processes or 'per core'}"
        print(
            f"coding speed ({label}): {max(rates):.0f} sentences/s "
            f"(best of {args.repeat}; all: {runs}; events: {events}; "
            f"load average: {os.getloadavg()[0]:.2f})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
