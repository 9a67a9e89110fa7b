"""The fast attribute ruler gives exactly the stock ruler's POS, morphology and lemmas."""

from __future__ import annotations

import csv

import pytest

from toneshift.coding.fast_attributes import FastAttributeRuler
from toneshift.coding.nlp import load_pipeline

TEXTS = [
    "Colombian President Gustavo Petro has openly criticized U.S. drug policy.",
    "I'd say y'all ain't gonna like it, c'mon, let's go. We're nothin' if not doin' somethin'.",
    "She's been here; they were not sure whether it's theirs or ours, but he'll wait.",
    "The ministers had agreed, didn't they? Nothing was signed, and nobody's happy.",
]


def _annotations(nlp, texts):
    return [
        (t.text, t.pos_, str(t.morph), t.lemma_, t.tag_) for doc in nlp.pipe(texts) for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines():
    stock = load_pipeline(fast_attributes=False)
    fast = load_pipeline()
    assert isinstance(fast.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert not isinstance(stock.get_pipe("attribute_ruler"), FastAttributeRuler)
    return stock, fast


def test_same_output_as_the_stock_ruler(pipelines):
    stock, fast = pipelines
    assert _annotations(fast, TEXTS) == _annotations(stock, TEXTS)


def test_same_output_on_real_news(pipelines, shared_file):
    path = shared_file("data", "gold", "plover_dev.tsv")
    with path.open(encoding="utf-8", newline="") as f:
        texts = [r["sentence"] for r in csv.DictReader(f, delimiter="\t")][:300]
    stock, fast = pipelines
    assert _annotations(fast, texts) == _annotations(stock, texts)


def test_unknown_pattern_keys_are_refused():
    with pytest.raises(ValueError, match="unsupported"):
        FastAttributeRuler([{"patterns": [[{"ORTH": "x"}]], "attrs": {"POS": "X"}}])
