"""Acceptance for issue 2: the seed story, and a team-written fixture on the same paths."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from toneshift.coding.pipeline import analyze
from toneshift.ingest.articles import text_article

STORY_DATE = dt.date(2026, 1, 15)  # Trump back in office; Petro in office
FIXTURE = Path(__file__).resolve().parents[1] / "data" / "fixture_article.txt"


def _analysis(coder, path: Path):
    article = text_article(path.read_text(encoding="utf-8"), date=STORY_DATE)
    return analyze(coder, article)


def _check_core_paths(article, events) -> None:
    warm = [
        e
        for e in events
        if (e.source.country, e.target.country) == ("USA", "COL")
        and e.plover in ("AGREE", "CONSULT")
        and e.goldstein > 0
        and e.tone > 0
    ]
    assert warm, "the invitation: USA→COL AGREE/CONSULT with positive Goldstein and tone"
    cold = [
        e
        for e in events
        if (e.source.country, e.target.country) == ("COL", "USA")
        and e.plover == "ACCUSE"
        and e.tone < 0
    ]
    assert cold, "Petro criticizing U.S. drug policy: COL→USA ACCUSE with negative tone"
    by_name = {e.source.name: e.source for e in events if e.source.name}
    assert by_name["Donald Trump"].country == "USA"
    assert by_name["Gustavo Petro"].code == "COLGOV"
    issues = {tag.issue for tag in article.issues}
    assert {"drugs", "migration", "trade", "climate_energy"} <= issues
    assert {"CHN", "RUS"} <= set(article.third_parties)
    for e in events:  # provenance: the span points at the sentence in the article text
        assert article.text[e.span[0] : e.span[1]] == e.sentence


def test_fixture_article_covers_the_acceptance_paths(coder):
    article, events = _analysis(coder, FIXTURE)
    _check_core_paths(article, events)


@pytest.mark.shared
def test_seed_story(coder, shared_file):
    article, events = _analysis(coder, shared_file("seed", "story.txt"))
    _check_core_paths(article, events)
    invitation = [e for e in events if e.cameo == "036" and e.source.code == "USAGOV"]
    assert any(e.target.code == "COLGOV" for e in invitation)
    bare_petro = [e for e in events if e.source.text == "Petro"]
    assert bare_petro and all(e.source.code == "COLGOV" for e in bare_petro), "coreference"


def test_former_president_resolves_by_date(coder):
    text = "Former U.S. President Donald Trump criticized Colombia."
    (in_office,) = coder.code_text(text, date=dt.date(2026, 1, 15))
    (out_of_office,) = coder.code_text(text, date=dt.date(2022, 6, 1))
    assert in_office.source.code == "USAGOV"
    assert out_of_office.source.country == "USA" and out_of_office.source.code != "USAGOV"
