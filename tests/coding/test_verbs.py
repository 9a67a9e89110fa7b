"""Tests for the verb/noun pattern lexicon."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from toneshift.cameo import all_codes, plover_for
from toneshift.coding.verbs import DATA_DIR, VerbLexicon, read_patterns
from toneshift.errors import InputError

HEADER = "code\tkind\tlemma\tobjects\tprep\tnote\n"


@pytest.fixture(scope="module")
def lex() -> VerbLexicon:
    return VerbLexicon.default()


@pytest.mark.parametrize(
    ("verb", "kwargs", "code"),
    [
        ("criticize", {}, "111"),
        ("accuse", {}, "112"),
        ("invite", {}, "036"),
        ("extend", {"object_words": ["invitation"]}, "036"),
        ("impose", {"object_words": ["sanctions"]}, "163"),
        ("impose", {"object_words": ["tariffs"]}, "163"),
        ("meet", {}, "040"),
        ("sign", {"object_words": ["agreement"]}, "057"),
        ("threaten", {}, "130"),
        ("condemn", {}, "111"),
        ("sue", {}, "115"),
        ("arrest", {}, "173"),
        ("attack", {}, "190"),
        ("bomb", {}, "195"),
        ("praise", {}, "051"),
        ("reject", {}, "120"),
        ("demand", {}, "100"),
        ("urge", {}, "020"),
        ("call", {"prepositions": ["for"]}, "020"),
        ("negotiate", {}, "046"),
        ("provide", {"object_words": ["aid"]}, "070"),
        ("deploy", {"object_words": ["troops"]}, "150"),
        ("expel", {}, "166"),
        ("host", {"object_words": ["visit"]}, "043"),
        ("host", {"object_words": ["talks"]}, "043"),
        ("visit", {}, "042"),
        ("release", {"object_words": ["prisoner"]}, "0841"),
        ("protest", {}, "140"),
        ("soften", {"object_words": ["rhetoric"]}, "050"),
    ],
)
def test_required_examples(lex: VerbLexicon, verb: str, kwargs: dict, code: str) -> None:
    found = lex.match(verb, **kwargs)
    assert found is not None and found.cameo == code


@pytest.mark.parametrize(
    ("verb", "complement", "objects", "code"),
    [
        ("threaten", "impose", ["sanction"], "1312"),
        ("threaten", "attack", [], "1384"),
        ("agree", "meet", [], "036"),
        ("urge", "negotiate", [], "026"),
        ("refuse", "release", ["prisoner"], "1243"),
        ("demand", "withdraw", ["troops"], "1056"),
    ],
)
def test_complement_frames(
    lex: VerbLexicon, verb: str, complement: str, objects: list[str], code: str
) -> None:
    found = lex.match(verb, complement_verb=complement, object_words=objects)
    assert found is not None and found.cameo == code


def test_more_specific_wins(lex: VerbLexicon) -> None:
    bare = lex.match("impose")
    full = lex.match("impose", object_words=["sanction"])
    assert bare is not None and full is not None
    assert full.specificity > bare.specificity and full.cameo != bare.cameo


def test_unknown_verb_is_none(lex: VerbLexicon) -> None:
    assert lex.match("zzzfrobnicate") is None


@pytest.mark.parametrize(
    ("noun", "preps", "code"),
    [
        ("invitation", ["to"], "036"),
        ("criticism", ["of"], "111"),
        ("sanctions", ["against"], "163"),
        ("talks", ["with"], "046"),
        ("visit", ["to"], "042"),
        ("accusation", [], "112"),
        ("threat", [], "130"),
        ("agreement", [], "057"),
        ("aid", [], "070"),
        ("attack", [], "190"),
        ("protest", [], "141"),
        ("meeting", [], "040"),
        ("call", ["for"], "020"),
    ],
)
def test_nouns(lex: VerbLexicon, noun: str, preps: list[str], code: str) -> None:
    found = lex.match_noun(noun, prepositions=preps)
    assert found is not None and found.cameo == code


def test_team_patterns_cover_every_three_digit_code() -> None:
    team = read_patterns(DATA_DIR / "team_patterns.tsv", team=True)
    covered = {p.code for p in team if p.kind == "verb"}
    three = {t.code for t in all_codes() if len(t.code) == 3}
    assert three - covered == set()


def test_every_pattern_code_has_plover_or_is_statement() -> None:
    for pattern in read_patterns(DATA_DIR / "team_patterns.tsv", team=True):
        assert plover_for(pattern.code) or pattern.code.startswith("01")


@pytest.mark.parametrize(
    ("body", "line"),
    [
        ("111\tverb\tcriticize\t\t\tok\n999\tverb\tx\t\t\tbad\n", 3),
        ("111\tverb\tcriticize\t\tok\n", 2),
        ("111\tadverb\tcriticize\t\t\tok\n", 2),
    ],
)
def test_malformed_tsv_names_line(tmp_path: Path, body: str, line: int) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(InputError, match=rf"bad\.tsv:{line}"):
        VerbLexicon.from_files(team=path)


def test_bad_header(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("a\tb\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:1"):
        read_patterns(path)


def test_team_wins_ties(tmp_path: Path) -> None:
    team = tmp_path / "team.tsv"
    derived = tmp_path / "derived.tsv"
    team.write_text(HEADER + "115\tverb\tsue\t\t\tteam\n", encoding="utf-8")
    derived.write_text(HEADER + "173\tverb\tsue\t\t\tp2\n", encoding="utf-8")
    found = VerbLexicon.from_files(team=team, derived=derived).match("sue")
    assert found is not None and found.cameo == "115"


def test_match_is_fast(lex: VerbLexicon) -> None:
    start = time.perf_counter()
    for _ in range(2000):
        lex.match("impose", object_words=["new", "sanction"], prepositions=["on"])
    assert (time.perf_counter() - start) / 2000 < 200e-6


def test_team_patterns_have_no_duplicate_keys():
    """Earlier rows win ties, so a repeated (code, kind, lemma, objects, prep) row is dead."""
    from toneshift.coding.verbs import DATA_DIR

    lines = (DATA_DIR / "team_patterns.tsv").read_text(encoding="utf-8").splitlines()[1:]
    keys = [tuple(line.split("\t")[:5]) for line in lines if line.strip()]
    repeated = {k for k in keys if keys.count(k) > 1}
    assert repeated == set()
