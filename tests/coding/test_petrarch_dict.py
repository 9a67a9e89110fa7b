"""Tests for the PETRARCH/TABARI dictionary loader."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from toneshift.coding.actors import default_actor_table
from toneshift.coding.petrarch_dict import (
    DictionaryReport,
    load_actor_dictionary,
    load_agent_dictionary,
    parse_code_block,
    parse_date,
)
from toneshift.errors import InputError
from toneshift.models import Actor


def must(actor: Actor | None) -> Actor:
    """The actor, asserting it was resolved."""
    assert actor is not None
    return actor


DATA = Path(__file__).resolve().parents[1] / "data"
SHARED = Path(
    os.environ.get("TONESHIFT_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared")
)
DICTS = SHARED / "data" / "dictionaries"


def need_shared(name: str) -> Path:
    path = DICTS / name
    if not path.exists():
        pytest.skip(f"shared dictionary {path} is absent (set TONESHIFT_SHARED)")
    return path


def test_parse_date_and_code_blocks() -> None:
    assert parse_date("20110101") == dt.date(2011, 1, 1)
    assert parse_date("950601") == dt.date(1995, 6, 1)
    assert parse_date("050601") == dt.date(2005, 6, 1)
    assert parse_code_block("USAGOV") == ("USAGOV", None, None)
    assert parse_code_block("HOB < 950601") == ("HOB", None, dt.date(1995, 6, 1))
    assert parse_code_block("X >20110101") == ("X", dt.date(2011, 1, 1), None)
    assert parse_code_block("X 20050101 - 20101231") == (
        "X",
        dt.date(2005, 1, 1),
        dt.date(2011, 1, 1),
    )
    with pytest.raises(ValueError):
        parse_code_block("X 2005-2010")


def test_tiny_actor_dictionary() -> None:
    entries = load_actor_dictionary(DATA / "tiny_actors.txt")
    codes = [(e.code, e.start, e.end) for e in entries]
    assert ("FRD", None, None) in codes
    assert ("FRDGOV", dt.date(1933, 1, 1), dt.date(1934, 1, 1)) in codes
    assert ("SYLGOV", None, dt.date(1934, 1, 1)) in codes
    firefly = next(e for e in entries if e.code == "FRDGOV")
    assert firefly.names == ("rufus t. firefly", "firefly")
    assert any(e.code == "USAGOV" for e in entries)


def test_extend_honours_date_restrictions() -> None:
    table = default_actor_table().extend(load_actor_dictionary(DATA / "tiny_actors.txt"))
    assert must(table.resolve("Firefly", dt.date(1933, 6, 1))).code == "FRDGOV"
    assert must(table.resolve("Firefly", dt.date(1935, 6, 1))).code == "FRDELI"
    assert must(table.resolve("Firefly", dt.date(1920, 6, 1))).code == "FRD"
    assert table.resolve("Trentino", dt.date(1935, 1, 1)) is None
    assert table.resolve("Freedonian troops", None) is not None
    assert default_actor_table().resolve("Freedonia", None) is None


def test_malformed_line_names_file_and_line() -> None:
    path = DATA / "bad_actors.txt"
    with pytest.raises(InputError, match=r"bad_actors\.txt:4"):
        load_actor_dictionary(path)
    report = DictionaryReport()
    entries = load_actor_dictionary(path, on_error="skip", report=report)
    assert len(report.skipped) == 1
    assert [e.code for e in entries] == ["FRD"]


def test_alias_without_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("+ORPHAN\nFOO [FOO]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"x\.txt:1"):
        load_actor_dictionary(path)


def test_tiny_agent_dictionary() -> None:
    entries = load_agent_dictionary(DATA / "tiny_agents.txt")
    by_code = {e.code: e.names for e in entries}
    assert by_code["MIL"] == ("marshal", "marshals")
    assert by_code["BUS"] == ("harbourman", "harbourwoman")
    assert by_code["SPY"] == ("secret police", "secret police")
    table = default_actor_table().extend(entries)
    assert must(table.resolve("Chilean harbourmen", None)).code == "CHL"
    assert must(table.resolve("a Chilean harbourwoman", None)).code == "CHLBUS"


def test_phoenix_dictionaries_load() -> None:
    counts = {}
    for name in (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "PETR.Validate.actors.txt",
    ):
        report = DictionaryReport()
        counts[name] = len(load_actor_dictionary(need_shared(name), "skip", report))
        assert len(report.skipped) < 10
    assert counts["Phoenix.Countries.actors.txt"] > 25_000
    assert counts["Phoenix.International.actors.txt"] > 7_000
    assert counts["Phoenix.MilNonState.actors.txt"] > 1_000
    with pytest.raises(InputError, match=r"International\.actors\.txt:40"):
        load_actor_dictionary(need_shared("Phoenix.International.actors.txt"))


def test_phoenix_agents_load() -> None:
    report = DictionaryReport()
    agents = load_agent_dictionary(need_shared("Phoenix.agents.txt"), "skip", report)
    assert len(agents) > 2_000
    assert len(report.skipped) == 2


def test_validate_dictionary_dates_on_both_sides() -> None:
    table = default_actor_table().extend(
        load_actor_dictionary(need_shared("PETR.Validate.actors.txt"))
    )

    def code(text: str, day: dt.date) -> str | None:
        actor = table.resolve(text, day)
        return actor.code if actor else None

    assert code("Sam Gamgee", dt.date(2007, 1, 1)) == "HOBCIV"
    assert code("Sam Gamgee", dt.date(2010, 1, 10)) == "ORCHOB"
    assert code("Sam Gamgee", dt.date(2011, 1, 1)) == "HOBMIL"
    assert code("Sam Gamgee", dt.date(2014, 1, 1)) == "HOBELI"
    assert code("Zimbabwe", dt.date(1975, 1, 1)) == "RHO"
    assert code("Zimbabwe", dt.date(1995, 1, 1)) == "ZBW"


def test_phoenix_country_leader_by_date() -> None:
    entries = load_actor_dictionary(need_shared("Phoenix.Countries.actors.txt"), "skip")
    table = default_actor_table().extend(entries)
    assert must(table.resolve("Hamid Karzai", dt.date(2005, 1, 1))).code == "AFGGOV"
    assert must(table.resolve("Hamid Karzai", dt.date(1990, 1, 1))).code == "AFGELI"
