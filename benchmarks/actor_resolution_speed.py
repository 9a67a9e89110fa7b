"""Print how many noun phrases per second the default actor table resolves.

Usage: ``PYTHONPATH=src python benchmarks/actor_resolution_speed.py``. The phrases are built
here from a few templates (about 10,000, most of them distinct) so the figure includes
tokenising and trie matching, not only cache hits.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time

from toneshift.coding.actors import default_actor_table

TEMPLATES = (
    "former {who} President Donald Trump",
    "the {who} army near the border",
    "{who} Foreign Minister {n}",
    "rival powers such as {who} and Russia",
    "a {who} Supreme Court decision on case {n}",
    "officials in {who} said on day {n}",
)
WHO = ("U.S.", "Colombian", "Venezuelan", "Chinese", "Brazilian", "Mexican", "Iranian", "UK")


def phrases(count: int = 10_000) -> list[str]:
    """``count`` phrases cycling through templates, countries and numbers."""
    combos = itertools.cycle(itertools.product(TEMPLATES, WHO))
    return [t.format(who=w, n=i) for i, (t, w) in zip(range(count), combos, strict=False)]


def main() -> None:
    """Time table loading and resolution, and print the figures."""
    start = time.perf_counter()
    table = default_actor_table()
    loaded = time.perf_counter() - start
    texts = phrases()
    date = dt.date(2024, 6, 1)
    start = time.perf_counter()
    resolved = sum(table.resolve(text, date) is not None for text in texts)
    elapsed = time.perf_counter() - start
    print(f"table load: {loaded * 1000:.0f} ms")
    print(f"{len(texts)} phrases, {resolved} resolved, {len(texts) / elapsed:,.0f} resolutions/s")


if __name__ == "__main__":
    main()
