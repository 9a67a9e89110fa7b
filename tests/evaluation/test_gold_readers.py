"""Gold readers on the project's own tiny fixtures (no shared data needed)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from toneshift.errors import GoldFormatError, InputError
from toneshift.evaluation import read_gold

DATA = Path(__file__).resolve().parents[1] / "data" / "evaluation"


def test_plover_tsv_groups_rows_by_sentence_and_numbers_rows() -> None:
    gold = read_gold(DATA / "tiny_plover.tsv")
    assert gold.format == "plover_tsv" and gold.default_mode == "pair"
    assert [s.id for s in gold.sentences] == ["1", "2", "3"]
    first = gold.sentences[0]
    assert [e.id for e in first.events] == ["row1", "row2"]  # uid column is empty
    assert [e.line for e in first.events] == [2, 3]
    assert first.events[1].source_text == "Germany" and first.events[1].plover == "REJECT"
    assert gold.sentences[2].events[0].plover == "YIELD"


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("bad_plover_fields.tsv", 3, "expected 7 tab-separated fields"),
        ("bad_plover_root.tsv", 3, "unknown PLOVER root 'GRUMBLE'"),
        ("bad_penta.tsv", 2, "class '7'"),
        ("unknown.txt", 1, "unknown gold format"),
    ],
)
def test_bad_files_name_file_and_line(name: str, line: int, words: str) -> None:
    with pytest.raises(GoldFormatError, match=rf"{name}: line {line}: .*{words}"):
        read_gold(DATA / name)


def test_gold_format_error_is_an_input_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.tsv"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty"):
        read_gold(empty)
    with pytest.raises(GoldFormatError, match="no such file"):
        read_gold(tmp_path / "missing.tsv")


def test_penta_tsv_labels() -> None:
    gold = read_gold(DATA / "tiny_penta.tsv")
    assert gold.format == "penta_tsv" and gold.default_mode == "open"
    assert [s.labels["penta"] for s in gold.sentences] == ["0", "1", "2", "3", "4"]
    assert gold.sentences[0].id == "row1"


def test_gsr_json_skips_document_and_maps_old_names() -> None:
    gold = read_gold(DATA / "tiny_gsr.json")
    assert gold.format == "gsr_json"
    assert [s.id for s in gold.sentences] == [
        "TINY-AGREE-0001",
        "TINY-DEMAND-0001",
        "TINY-CONSULT-0001",
        "TINY-THREATEN-0001",
    ]
    agree, demand, consult, threaten = (s.events[0] for s in gold.sentences)
    assert gold.sentences[0].date == dt.date(2001, 5, 4) and agree.line == 3
    assert demand.plover == "REQUEST" and demand.source[0].code == "KENGOV"
    assert consult.source_text == "Bolivia" and consult.target_text == "Paraguay"  # mutual
    assert not threaten.has_texts  # no target actor: skipped in pair mode


def test_json_errors_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[\n {"text": "x", "event": "AGREE"},\n {"text": 3,\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"bad.json: line 4: invalid JSON"):
        read_gold(bad)
    missing = tmp_path / "missing_text.json"
    missing.write_text('[\n {"text": "x", "event": "AGREE"},\n {"event": "AGREE", "text": 5}\n]')
    with pytest.raises(GoldFormatError, match=r"line 3: record needs 'text'"):
        read_gold(missing)


def test_cameo_manual_json_labels() -> None:
    gold = read_gold(DATA / "tiny_cameo.json")
    assert gold.format == "cameo_json" and gold.default_mode == "open"
    labels = [dict(s.labels) for s in gold.sentences]
    assert labels == [
        {"cameo_root": "01", "plover": "NONE"},
        {"cameo_root": "04", "plover": "CONSULT"},
        {"cameo_root": "11", "plover": "ACCUSE"},
    ]  # the empty example is dropped


def test_petrarch_xml_recovers_record_by_record() -> None:
    gold = read_gold(DATA / "tiny_petrarch.xml")
    assert gold.format == "petrarch_xml" and gold.default_mode == "open"
    assert [s.id for s in gold.sentences] == ["TINY-1", "TINY-2", "TINY-4"]
    assert gold.repaired == 2  # the self-closed <Sentence .../> tags
    assert [u.line for u in gold.unreadable] == [28, 42]
    assert "malformed XML" in gold.unreadable[0].reason
    assert "no <Text>" in gold.unreadable[1].reason
    one, two, four = gold.sentences
    assert one.text == "The US president visited China on Monday."
    assert one.date == dt.date(2008, 8, 4) and four.date is None
    assert one.events[0].source[0].code == "USAGOV" and one.labels["cameo_root"] == "04"
    assert two.events == () and two.labels["cameo_root"] == "NONE"
    assert len(four.events) == 1 and four.labels["cameo_root"] == "03"


def test_xml_with_no_records_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text("<Validation><Sentences></Sentences></Validation>\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"empty\.xml"):
        read_gold(path)


def test_limited_keeps_the_first_sentences() -> None:
    gold = read_gold(DATA / "tiny_penta.tsv").limited(2)
    assert len(gold.sentences) == 2
