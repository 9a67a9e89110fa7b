import pytest

from toneshift.coding.issues import build_index, find_issues, merge_issues
from toneshift.errors import InputError
from toneshift.models import IssueTag


def _issues(text: str) -> dict[str, tuple[str, ...]]:
    words = text.lower().split()
    lemmas = [w.rstrip("s") if len(w) > 3 else w for w in words]
    return {t.issue: t.triggers for t in find_issues(lemmas, words)}


def test_finds_issues_with_their_trigger_words():
    found = _issues("Petro criticized the war on drugs and migration policy and climate change")
    assert found["drugs"] == ("war on drugs",)  # the phrase wins over its own words
    assert "migration" in found and "climate_energy" in found


def test_no_issue_in_neutral_text():
    assert _issues("the two leaders spoke on tuesday") == {}


def test_merge_keeps_order_and_unions_triggers():
    merged = merge_issues(
        [
            [IssueTag("trade", ("tariff",))],
            [IssueTag("trade", ("export",)), IssueTag("drugs", ("coca",))],
        ]
    )
    assert merged == (IssueTag("trade", ("tariff", "export")), IssueTag("drugs", ("coca",)))


def test_malformed_lexicon_line_is_named():
    with pytest.raises(InputError, match="line 2"):
        build_index(["issue\ttrigger", "nonsense"], name="x.tsv")
