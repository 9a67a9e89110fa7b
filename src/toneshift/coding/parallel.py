"""Code many independent texts on several cores: whole chunks (parse *and* code) per worker.

spaCy's own ``n_process`` parses in workers but ships every parsed ``Doc`` back to the parent,
which then codes alone: on two cores that was slower than one process (302 vs 367 sentences/s
on plover_dev). Here each worker parses and codes a chunk and returns only the small results,
so the parse (the bound: ~2.2 of ~2.8 s per 1,000 sentences) runs on every core.

Workers are forked after the coder is loaded, so they share its model and tables copy-on-write
and start in milliseconds. Where ``fork`` is not available (macOS's default, Windows) the work
runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Inputs smaller than this are coded in this process: forking would cost more than it saves.
MIN_PARALLEL_ITEMS = 200

# The chunk function of the running pool; set before forking so workers inherit it.
_WORKER_FN: Callable[[Sequence[Any]], list[Any]] | None = None


def worker_count(requested: int, items: int) -> int:
    """How many processes to use: ``requested`` (0 = one per core), never more than chunks of
    work, and 1 for small inputs or where ``fork`` is unavailable."""
    if requested == 1 or items < MIN_PARALLEL_ITEMS:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    wanted = requested if requested > 1 else (cores or 1)
    return max(1, min(wanted, items // (MIN_PARALLEL_ITEMS // 2)))


def map_chunks(
    fn: Callable[[Sequence[Item]], list[Result]],
    items: Sequence[Item],
    *,
    processes: int,
    batch_size: int = 128,
) -> Iterator[Result]:
    """``fn`` applied to consecutive chunks of ``items`` by ``processes`` forked workers (0 = one
    per core); results are yielded in input order, one per item. In one process a chunk is a
    parser batch; across workers chunks are at most 64 items, so the cores share the work
    evenly and the first answers come back early."""
    workers = worker_count(processes, len(items))
    size = batch_size if workers == 1 else min(batch_size, 64)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    if workers == 1:
        for chunk in chunks:
            yield from fn(chunk)
        return
    global _WORKER_FN
    _WORKER_FN = fn
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            for results in pool.imap(_run_chunk, chunks):
                yield from results
    finally:
        _WORKER_FN = None


def _run_chunk(chunk: Sequence[Any]) -> list[Any]:
    assert _WORKER_FN is not None, "worker started without a chunk function"
    return _WORKER_FN(chunk)
