"""``toneshift eval`` and the report renderers, on the project's own tiny fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from toneshift.cli import main
from toneshift.errors import InputError
from toneshift.evaluation import (
    EvalResult,
    read_gold,
    render_html,
    render_markdown,
    render_text,
    score,
)
from toneshift.evaluation.runner import build_requests, evaluate, resolve_mode

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"


def _result(name: str, predictions: dict[str, list[dict[str, object]]]) -> EvalResult:
    gold = read_gold(DATA / name)
    mode = resolve_mode(gold, "auto")
    return EvalResult(gold, score(gold, mode, predictions), seconds=0.5)


def test_requests_per_mode() -> None:
    gold = read_gold(DATA / "tiny_plover.tsv")
    pair = build_requests(gold, "pair")
    assert [r.id for r in pair] == ["row1", "row2", "row3", "row4"]
    assert pair[1].source == "Germany" and pair[1].pair_mode
    opened = build_requests(gold, "open")
    assert [r.id for r in opened] == ["1", "2", "3"] and not opened[0].pair_mode


def test_pair_mode_needs_actor_words() -> None:
    with pytest.raises(InputError, match="pair mode needs"):
        resolve_mode(read_gold(DATA / "tiny_petrarch.xml"), "pair")
    with pytest.raises(InputError, match="--mode"):
        resolve_mode(read_gold(DATA / "tiny_penta.tsv"), "closed")


def test_reports_escape_gold_text(tmp_path: Path) -> None:
    hostile = tmp_path / "x<script>.tsv"
    hostile.write_text("A <b>|pipe</b> & co said so.\t0\n", encoding="utf-8")
    gold = read_gold(hostile)
    result = EvalResult(gold, score(gold, "open", {"row1": []}), seconds=0.1)
    page = render_html(result)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.startswith("<!doctype html>") and "<link" not in page  # self-contained
    md = render_markdown(result)
    assert "x<script>.tsv" in md.splitlines()[0]
    assert all(line.count("|") - line.count("\\|") in (0, 3) for line in md.splitlines()[:8])


def test_text_report_lists_unreadable_records() -> None:
    result = _result("tiny_petrarch.xml", {"TINY-1": [{"cameo": "042", "plover": "CONSULT"}]})
    text = render_text(result)
    assert "cameo_root accuracy" in text and "confusion matrix" in text
    assert "Unreadable records" in text and "28" in text
    assert result.to_dict()["unreadable"][0]["line"] == 28
    assert result.sentences_per_second == pytest.approx(6.0)


def test_evaluate_runs_the_coder(coder: object) -> None:
    result = evaluate(DATA / "tiny_plover.tsv", mode="pair", coder=coder)
    assert result.scores.n_inputs == 4 and result.seconds > 0
    assert 0.0 <= result.scores.classification["plover"].accuracy <= 1.0
    limited = evaluate(DATA / "tiny_penta.tsv", limit=2, coder=coder)
    assert limited.scores.mode == "open" and limited.scores.n_inputs == 2


def test_cli_json_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    html_path, md_path = tmp_path / "r.html", tmp_path / "r.md"
    assert main(["eval", str(DATA / "tiny_gsr.json"), "--json", "--report", str(html_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "gsr_json" and data["mode"] == "pair" and data["n_inputs"] == 3
    assert set(data["classification"]["plover"]) >= {"accuracy", "macro_f1", "per_class"}
    assert "sentences_per_second" in data and html_path.read_text().startswith("<!doctype")
    args = ["eval", str(DATA / "tiny_plover.tsv"), "--mode", "open", "--report", str(md_path)]
    assert main(args) == 0
    assert "open recall_full" in capsys.readouterr().out
    assert md_path.read_text().startswith("# Evaluation of tiny_plover.tsv")


def test_cli_errors_are_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(DATA / "unknown.txt")]) == 2
    assert "unknown.txt: line 1: unknown gold format" in capsys.readouterr().err
    assert main(["eval", str(DATA / "tiny_penta.tsv"), "--report", "out.pdf"]) == 2
    assert main(["eval", str(DATA / "bad_plover_root.tsv")]) == 2
    assert "line 3" in capsys.readouterr().err
