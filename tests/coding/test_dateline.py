"""Leading news datelines are set apart before parsing (sentences written by the team)."""

from __future__ import annotations

import pytest

from toneshift.coding.dateline import dateline_end


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("LIMA -- Peru's congress voted.", "LIMA -- "),
        (
            "SANTO DOMINGO, Dominican Republic - Police arrested two men.",
            "SANTO DOMINGO, Dominican Republic - ",
        ),
        ("QUITO (AP) -- Ecuador closed its border.", "QUITO (AP) -- "),
        ("HAVANA, June 3 (Xinhua) -- Cuba freed 50 prisoners.", "HAVANA, June 3 (Xinhua) -- "),
        ("LA PAZ: Bolivia expelled the envoy.", "LA PAZ: "),
        ("SAN JOSE, Calif. \u2014 A judge ruled.", "SAN JOSE, Calif. \u2014 "),
        ("Cusco City--Police arrested two men.", "Cusco City--"),
        ('QUITO (AP) " Ecuador closed its border.', 'QUITO (AP) " '),
        ("(CNN) Peruvian police arrested two men.", "(CNN) "),
        ("(Reuters) - Chile expelled the envoy.", "(Reuters) - "),
        ("Arequipa: The regional government declared a curfew.", "Arequipa: "),
    ],
)
def test_a_leading_dateline_is_found(text: str, dateline: str) -> None:
    assert text[: dateline_end(text)] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "UN: Russia vetoes the resolution.",  # two letters: a headline's speaker
        "US President Trump - the deal is off.",
        "Peru's congress voted - again.",
        "WHO chief: the pandemic is over.",
        "Police--who had waited--moved in.",
        'Peru said "no" to the plan.',
        "(a) Peru shall ratify the treaty.",
        "Bolivia: Chile must return the sea.",  # a headline's speaker, not a dateline
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert dateline_end(text) == 0


def test_the_dateline_is_its_own_sentence_and_never_the_actor(coder) -> None:
    text = "LIMA, Peru -- President Pedro Castillo pardoned former president Alberto Fujimori."
    doc = coder.nlp(text)
    assert next(s.text for s in doc.sents) == "LIMA, Peru --"
    (event,) = coder.code_text(text)
    assert (event.source.text, event.target.text) == (
        "President Pedro Castillo",
        "former president Alberto Fujimori",
    )
    assert text[event.span[0] :].startswith("President")  # the span is the story's sentence
