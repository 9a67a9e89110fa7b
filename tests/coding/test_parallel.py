"""Coding on several cores gives exactly what one process gives, in the same order."""

from __future__ import annotations

import multiprocessing

import pytest

from toneshift.coding.contract import CodingRequest, code_requests
from toneshift.coding.parallel import MIN_PARALLEL_ITEMS, map_chunks, worker_count

needs_fork = pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="no fork start method here"
)


def _square_and_pid(chunk):
    import os

    return [(x * x, os.getpid()) for x in chunk]


def test_small_inputs_stay_in_this_process():
    assert worker_count(0, MIN_PARALLEL_ITEMS - 1) == 1
    assert worker_count(1, 10_000) == 1


@needs_fork
def test_worker_count_follows_the_request_and_the_input_size():
    assert worker_count(3, 10_000) == 3
    assert worker_count(8, MIN_PARALLEL_ITEMS) == 2  # no more workers than chunks of work


@needs_fork
def test_map_chunks_keeps_order_and_uses_workers():
    import os

    items = list(range(1_000))
    out = list(map_chunks(_square_and_pid, items, processes=2, batch_size=50))
    assert [square for square, _ in out] == [x * x for x in items]
    assert os.getpid() not in {pid for _, pid in out}


@needs_fork
def test_parallel_contract_answers_equal_single_process(coder):
    texts = [
        ("Colombia criticized the United States over drug policy.", None, None),
        ("Trump invited Petro to the White House.", "Trump", "Petro"),
        ("Russia and China agreed to expand trade.", None, None),
        ("The rebels attacked an army base near the border.", None, None),
    ]
    requests = [
        CodingRequest(id=str(i), text=text, date=None, source=source, target=target)
        for i, (text, source, target) in enumerate(texts * 60)
    ]
    single = list(code_requests(coder, requests, processes=1))
    parallel = list(code_requests(coder, requests, processes=2, batch_size=16))
    assert parallel == single
    assert [a["id"] for a in parallel] == [r.id for r in requests]
    assert any(a["events"] for a in parallel)
