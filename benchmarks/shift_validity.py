"""Does shift detection find what it should? Prints precision/recall and known-shift hits.

1. Synthetic: many seeded series with planted breaks (``toneshift.analytics.synthetic``);
   precision and recall of each method within ±1 period.
2. Real: the ICEWS decoded benchmarks in ../shared (ingested with ``toneshift.ingest`` into a
   cached DuckDB file) against ``known_shifts.csv``: a turn counts as found when a shift in
   either direction of the dyad has the right direction within ±1 month (±1 quarter when the
   dyad is too sparse for a monthly series). Nothing is tuned to the listed turns.

Usage: ``python benchmarks/shift_validity.py [--series 300] [--cache /tmp/toneshift_bench]``
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import time
from pathlib import Path

import numpy as np

from toneshift.analytics.breaks import find_breaks
from toneshift.analytics.changepoints import detect_shifts
from toneshift.analytics.synthetic import planted_series, precision_recall
from toneshift.errors import AnalyticsError
from toneshift.store import DuckDBStore

SHARED = Path(
    os.environ.get("TONESHIFT_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")
)
ICEWS = SHARED / "data" / "events" / "icews"
FILES = {
    "icews18_decoded": "icews18_decoded.tsv.gz",
    "icews05-15_decoded": "icews05-15_decoded.tsv.gz",
}


def synthetic(n_series: int) -> dict[str, tuple[float, float, float]]:
    """method → (precision, recall, seconds) over ``n_series`` seeded planted series."""
    out = {}
    for method in ("pelt", "binseg", "window"):
        hits = found = true = 0
        t0 = time.perf_counter()
        for seed in range(n_series):
            s = planted_series(np.random.default_rng(seed))
            h, f, t = precision_recall(s.breaks, find_breaks(s.y, s.events, method=method))
            hits, found, true = hits + h, found + f, true + t
        out[method] = (hits / max(found, 1), hits / max(true, 1), time.perf_counter() - t0)
    return out


def store_for(dataset: str, cache: Path) -> DuckDBStore:
    """A DuckDB store holding one ICEWS decoded file, ingested once and cached."""
    from toneshift.ingest import ingest_paths

    path = cache / f"{dataset}.duckdb"
    fresh = not path.exists()
    store = DuckDBStore.open(path)
    if fresh:
        ingest_paths(
            store, [ICEWS / FILES[dataset]], fmt="icews_decoded", now=dt.datetime.now(dt.UTC)
        )
    return store


def months_apart(a: dt.date, b: dt.date) -> int:
    """Whole calendar months between two dates."""
    return abs((a.year - b.year) * 12 + a.month - b.month)


def check_turn(store: DuckDBStore, row: dict[str, str]) -> str:
    """'hit (month)', 'hit (quarter)' or 'miss: ...' for one known turn."""
    want = dt.date.fromisoformat(row["month"] + "-01")
    for freq, margin in (("month", 1), ("quarter", 3)):
        try:
            shifts = detect_shifts(store.con, row["actor_a"], row["actor_b"], freq=freq)
        except AnalyticsError as exc:
            last = str(exc)
            continue
        near = [s for s in shifts if months_apart(s.date, want) <= margin]
        if any(s.direction == row["direction"] for s in near):
            return f"hit ({freq}; {len(shifts)} shifts listed)"
        found = ", ".join(f"{s.dyad} {s.date} {s.direction}" for s in shifts) or "no shift"
        return f"miss ({freq}: {found})"
    return f"miss: {last}"


def real(cache: Path) -> list[tuple[dict[str, str], str, float]]:
    """Each known turn with its outcome and the seconds it took."""
    with open(SHARED / "data" / "events" / "known_shifts.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    cache.mkdir(parents=True, exist_ok=True)
    out = []
    for row in rows:
        store = store_for(row["dataset"], cache)
        t0 = time.perf_counter()
        out.append((row, check_turn(store, row), time.perf_counter() - t0))
        store.close()
    return out


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--series", type=int, default=300)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/toneshift_bench"))
    args = parser.parse_args()
    for method, (p, r, secs) in synthetic(args.series).items():
        print(
            f"synthetic {method:<7} series={args.series} precision={p:.3f} recall={r:.3f} "
            f"({secs:.1f}s)"
        )
    if not ICEWS.exists():
        print(f"real: skipped, {ICEWS} not found (set TONESHIFT_SHARED)")
        return
    results = real(args.cache)
    for row, outcome, secs in results:
        print(
            f"real {row['dataset']} {row['actor_a']}-{row['actor_b']} {row['month']} "
            f"{row['direction']}: {outcome} ({secs:.2f}s)"
        )
    hits = sum(o.startswith("hit") for _, o, _ in results)
    print(f"real known turns found: {hits}/{len(results)}")


if __name__ == "__main__":
    main()
