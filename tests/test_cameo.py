"""Tests for the CAMEO table: normalisation, PLOVER, quad classes, Goldstein, ICEWS texts."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from toneshift.cameo import (
    all_codes,
    cameo_type,
    default_code_for_plover,
    event_text_table,
    event_text_to_code,
    goldstein_for,
    plover_for,
    quad_class_for,
)
from toneshift.errors import ResolveError
from toneshift.models import PLOVER_TYPES

SHARED = Path(
    os.environ.get("TONESHIFT_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")
)
ICEWS18 = SHARED / "data" / "events" / "icews" / "icews18_decoded.tsv.gz"


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("10", "10"),
        ("010", "010"),
        ("0314", "0314"),
        ("1031", "1031"),
        (" 173 ", "173"),
        ("314", "0314"),
    ],
)
def test_codes_normalise(raw: str, code: str) -> None:
    assert cameo_type(raw).code == code


@pytest.mark.parametrize("bad", ["", "99", "0999", "abc", "2100"])
def test_unknown_code_raises(bad: str) -> None:
    with pytest.raises(ResolveError):
        cameo_type(bad)


def test_table_covers_every_root_and_level() -> None:
    codes = {t.code for t in all_codes()}
    assert {f"{r:02d}" for r in range(1, 21)} <= codes
    assert len(codes) == 313
    assert {"0314", "1213", "1214", "2042"} <= codes


def test_plover_types_valid_and_statements_empty() -> None:
    for entry in all_codes():
        assert entry.plover in PLOVER_TYPES or entry.plover == ""
        if entry.plover == "":
            assert entry.root == "01"
    assert plover_for("010") == ""
    assert plover_for("163") == "COERCE"
    assert plover_for("0841") == "RETREAT"
    assert plover_for("081") == "CONCEDE"
    assert plover_for("023") == "REQUEST"


def test_quad_class_convention() -> None:
    for entry in all_codes():
        root = int(entry.root)
        expected = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
        assert entry.quad_class == expected == quad_class_for(entry.code)


@pytest.mark.parametrize(
    ("code", "gdelt", "icews"),
    [("016", -2.0, -5.0), ("022", 3.2, 3.4), ("164", -7.0, -6.5), ("165", -6.5, -7.0)],
)
def test_goldstein_scales_differ(code: str, gdelt: float, icews: float) -> None:
    assert goldstein_for(code) == gdelt
    assert goldstein_for(code, "icews") == icews


def test_goldstein_equal_elsewhere_and_bad_scale() -> None:
    assert goldstein_for("190", "icews") == goldstein_for("190") == -10.0
    with pytest.raises(ResolveError):
        goldstein_for("190", "kansas")


def test_default_code_for_every_plover() -> None:
    for plover in PLOVER_TYPES:
        assert plover_for(default_code_for_plover(plover)) == plover
    assert default_code_for_plover("accuse") == "112"
    with pytest.raises(ResolveError):
        default_code_for_plover("DANCE")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Make statement", "010"),
        ("Criticize or denounce", "111"),
        ("express intent to meet or negotiate", "036"),
        ("Host a visit", "043"),
        ("Arrest, detain, or charge with legal action", "173"),
        ("USE CONVENTIONAL MILITARY FORCE", "190"),
        ("Make an appeal or request", "020"),
        ("fight with small arms and light weapons", "193"),
        ("Threaten with repression", "137"),
    ],
)
def test_event_text_to_code(text: str, code: str) -> None:
    assert event_text_to_code(text) == code


def test_event_text_unknown_and_table() -> None:
    assert event_text_to_code("dance the tango") is None
    table = dict(event_text_table())
    assert table["criticize or denounce"] == "111"


def test_icews18_event_text_coverage() -> None:
    if not ICEWS18.exists():
        pytest.skip(f"shared ICEWS18 file not found at {ICEWS18}; set TONESHIFT_SHARED")
    with gzip.open(ICEWS18, "rt", encoding="utf-8") as handle:
        next(handle)
        texts = {line.split("\t")[1] for line in handle}
    missing = sorted(t for t in texts if event_text_to_code(t) is None)
    assert missing == []
