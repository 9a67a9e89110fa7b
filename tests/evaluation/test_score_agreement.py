"""Our metrics agree with shared/eval/score_events.py on the same (synthetic) coder output."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from eval_synthetic import open_output, pair_output

from toneshift.evaluation import GoldSet, read_gold, score

SHARED = Path(
    os.environ.get("TONESHIFT_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared")
)
DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    path = SHARED / "eval" / "score_events.py"
    if not path.exists():
        pytest.skip(f"shared scorer not available: {path} (set TONESHIFT_SHARED)")
    spec = importlib.util.spec_from_file_location("score_events", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _gold_with_uids(gold: GoldSet, tmp_path: Path) -> Path:
    """The gold rows as PLOVER TSV with our event ids in ``uid`` (the scorer keys on it)."""
    path = tmp_path / "gold.tsv"
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter="\t")
        writer.writerow(["uid", "sentence_id", "gold_root", "sentence", "marked_sentence",
                         "source", "target"])  # fmt: skip
        for s in gold.sentences:
            for e in s.events:
                writer.writerow([e.id, s.id, e.plover, s.text, "", e.source_text, e.target_text])
    return path


def _write(records: list[dict[str, Any]], tmp_path: Path) -> Path:
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _gold_files() -> list[Path]:
    return [DATA / "tiny_plover.tsv", SHARED / "data" / "gold" / "plover_dev.tsv"]


@pytest.mark.parametrize("gold_path", _gold_files(), ids=["tiny", "plover_dev"])
def test_pair_mode_agrees(scorer: ModuleType, gold_path: Path, tmp_path: Path) -> None:
    if not gold_path.exists():
        pytest.skip(f"shared data not available: {gold_path}")
    gold = read_gold(gold_path)
    records = pair_output(gold)
    theirs = scorer.score_pair(scorer.read_gold(str(_gold_with_uids(gold, tmp_path))),
                               scorer.read_output(str(_write(records, tmp_path))))  # fmt: skip
    ours = score(gold, "pair", {r["id"]: r["events"] for r in records})
    c = ours.classification["plover"]
    assert ours.n_inputs == theirs["n"] and ours.missing == theirs["missing"]
    assert round(c.accuracy, 4) == theirs["accuracy"]
    assert abs(c.macro_f1 - theirs["macro_f1"]) < 1e-3
    # the scorer rounds each class's F1 to 3 places before averaging; so do we, here
    per = c.per_class.values()
    assert round(sum(round(v.f1, 3) for v in per) / len(per), 4) == theirs["macro_f1"]
    for label, v in c.per_class.items():
        got = {"precision": round(v.precision, 3), "recall": round(v.recall, 3),
               "f1": round(v.f1, 3), "n": v.n}  # fmt: skip
        assert got == theirs["per_class"][label]


@pytest.mark.parametrize("gold_path", _gold_files(), ids=["tiny", "plover_dev"])
def test_open_mode_agrees(scorer: ModuleType, gold_path: Path, tmp_path: Path) -> None:
    if not gold_path.exists():
        pytest.skip(f"shared data not available: {gold_path}")
    gold = read_gold(gold_path)
    records = open_output(gold)
    theirs = scorer.score_open(scorer.read_gold(str(_gold_with_uids(gold, tmp_path))),
                               scorer.read_output(str(_write(records, tmp_path))))  # fmt: skip
    ours = score(gold, "open", {r["id"]: r["events"] for r in records}).open
    assert ours is not None
    assert ours.n_gold == theirs["n_gold"] and ours.n_sentences == theirs["n_sentences"]
    assert ours.n_predicted_events == theirs["n_predicted_events"]
    assert round(ours.recall_full, 4) == theirs["recall_full"]
    assert round(ours.recall_actors, 4) == theirs["recall_actors"]
    assert round(ours.actor_precision, 4) == theirs["actor_precision"]
    assert round(ours.f1, 4) == theirs["f1_full_vs_actor_precision"]
    assert 0 < ours.recall_full < ours.recall_actors < 1  # the synthetic output is informative


def test_token_rules_agree(scorer: ModuleType) -> None:
    from toneshift.evaluation.metrics import overlaps, root, tokens

    for text in ["The U.S. Supreme Court's decision", "its people", "Al-Shabaab fighters", ""]:
        assert tokens(text) == scorer.tokens(text)
    assert overlaps("the Kenyan army", "Kenyan") == scorer.overlaps("the Kenyan army", "Kenyan")
    for label in ["concede", "RETREAT", "YIELD", None, " accuse "]:
        assert root(label) == scorer.root(label)
