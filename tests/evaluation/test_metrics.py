"""Metrics on hand-made predictions with known answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from toneshift.evaluation import (
    GoldActor,
    GoldEvent,
    actor_resolution,
    classification,
    open_scores,
    read_gold,
    score,
)
from toneshift.evaluation.metrics import LABELERS, choose_pair_event, penta_class

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"


def ev(src: str | None, tgt: str | None, plover: str = "", cameo: str = "",
       src_code: str | None = None, tgt_code: str | None = None) -> dict[str, object]:  # fmt: skip
    return {"source": {"text": src, "code": src_code}, "target": {"text": tgt, "code": tgt_code},
            "plover": plover, "cameo": cameo}  # fmt: skip


def test_classification_known_answer() -> None:
    pairs = [("A", "A"), ("A", "B"), ("B", "B"), ("B", ""), ("C", "A")]
    c = classification(pairs)
    assert c.n == 5 and c.accuracy == pytest.approx(0.4)
    assert c.per_class["A"].precision == pytest.approx(0.5)
    assert c.per_class["A"].recall == pytest.approx(0.5)
    assert c.per_class["B"].f1 == pytest.approx(0.5)  # tp 1, fp 1 (A→B), fn 1 (B→none)
    assert c.per_class["C"].f1 == 0.0
    assert c.macro_f1 == pytest.approx((0.5 + 0.5 + 0.0) / 3)  # gold classes only
    assert c.confusion == {"A": {"A": 1, "B": 1}, "B": {"B": 1, "NONE": 1}, "C": {"A": 1}}


def test_penta_classes() -> None:
    assert [penta_class(c) for c in ["010", "042", "0352", "061", "083", "090", "138", "145",
                                     "1123", "204", None, ""]] == [
        "0", "1", "1", "2", "2", "3", "3", "4", "3", "4", "0", "0"]  # fmt: skip
    assert LABELERS["penta"]([]) == "0"
    assert LABELERS["cameo_root"]([ev("a", "b", cameo="1123")]) == "11"
    assert LABELERS["cameo_root"]([]) == "NONE"
    assert LABELERS["plover"]([ev("a", "b", "RETREAT")]) == "YIELD"


def test_pair_choice_prefers_overlapping_actors() -> None:
    gold = GoldEvent("1", 2, (GoldActor("the French army"),), (GoldActor("Mali"),), "ASSAULT")
    events = [ev("Paris", "Bamako", "AID"), ev("French troops", "northern Mali", "ASSAULT")]
    assert choose_pair_event(gold, events)["plover"] == "ASSAULT"
    assert choose_pair_event(gold, events[:1])["plover"] == "AID"
    assert choose_pair_event(gold, []) == {}


def test_open_scores_text_and_code_gold() -> None:
    text_gold = GoldEvent("1", 2, (GoldActor("Peru"),), (GoldActor("Chile"),), "AGREE")
    code_gold = GoldEvent("2", 3, (GoldActor(None, "USAGOV"),), (GoldActor(None, "CHN"),),
                          cameo="042")  # fmt: skip
    s = open_scores([
        ([text_gold], [ev("Peru", "Chile", "CONSULT"), ev("Lima", "Chile", "AGREE")]),
        ([code_gold], [ev("x", "y", cameo="043", src_code="USA", tgt_code="CHNGOV")]),
        ([], [ev("a", "b")]),  # a sentence without gold events is not scored
    ])  # fmt: skip
    assert (s.n_gold, s.n_sentences, s.n_predicted_events) == (2, 2, 3)
    assert s.recall_actors == 1.0 and s.recall_full == 0.5  # 043 has root 04 like 042
    assert s.actor_precision == pytest.approx(2 / 3)


def test_actor_resolution_country_and_code() -> None:
    gold = [GoldActor("The Kenyan government", "KENGOV"), GoldActor("Uganda", "UGA"),
            GoldActor("Sudan", "SDN"), GoldActor("nobody", None)]  # fmt: skip
    predicted = [("Kenyan government", "KENMIL"), ("Uganda", "UGA"), ("Kampala", "UGA")]
    a = actor_resolution([(gold, predicted)])
    assert (a.n, a.aligned, a.country_correct, a.code_correct) == (3, 2, 2, 1)
    assert a.code_accuracy == 0.5 and a.to_dict()["country_recall"] == pytest.approx(2 / 3)
    coded = actor_resolution([([GoldActor(None, "USAGOV")], [("x", "USA"), ("y", "USAGOV")])])
    assert coded.code_correct == 1  # the best aligned actor counts


def test_score_open_on_penta_and_pair_on_gsr() -> None:
    penta = read_gold(DATA / "tiny_penta.tsv")
    preds = {"row1": [], "row2": [ev("Peru", "Chile", cameo="051")],
             "row3": [ev("Norway", "Yemen", cameo="190")]}  # fmt: skip
    s = score(penta, "open", preds)
    assert s.classification["penta"].accuracy == pytest.approx(2 / 5)
    assert s.open is None and s.missing == 3
    gsr = read_gold(DATA / "tiny_gsr.json")
    answers = {"TINY-AGREE-0001": [ev("Peru", "Chile", "AGREE", src_code="PER", tgt_code="CHL")],
               "TINY-DEMAND-0001": [ev("The Kenyan government", "Uganda", "REQUEST",
                                       src_code="KEN", tgt_code="UGA")]}  # fmt: skip
    p = score(gsr, "pair", answers)
    assert p.n_inputs == 3 and p.skipped == 1 and p.missing == 1
    assert p.classification["plover"].accuracy == pytest.approx(2 / 3)
    assert p.actors is not None
    assert (p.actors.n, p.actors.aligned, p.actors.code_correct) == (6, 4, 3)
