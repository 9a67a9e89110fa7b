"""Tests for the shipped actor table and the resolver."""

from __future__ import annotations

import csv
import datetime as dt
from importlib import resources

import pytest

from toneshift.coding.actors import ActorTable, default_actor_table
from toneshift.errors import ResolveError
from toneshift.models import Actor


def must(actor: Actor | None) -> Actor:
    """The actor, asserting it was resolved."""
    assert actor is not None
    return actor


D = dt.date


@pytest.fixture(scope="module")
def table() -> ActorTable:
    return default_actor_table()


def code(table: ActorTable, text: str, date: dt.date | None = None) -> str | None:
    actor = table.resolve(text, date)
    return actor.code if actor else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colombian President Gustavo Petro", "COLGOV"),
        ("Washington", "USAGOV"),
        ("the White House", "USAGOV"),
        ("Bogotá", "COLGOV"),
        ("Bogota", "COLGOV"),
        ("the Kremlin", "RUSGOV"),
        ("Downing Street", "GBRGOV"),
        ("Casa de Nariño", "COLGOV"),
        ("Colombia", "COL"),
        ("Colombian troops", "COLMIL"),
        ("U.S. drug policy", "USAGOV"),
        ("the Colombian army", "COLMIL"),
        ("a U.S. Supreme Court decision", "USAJUD"),
        ("the United Nations", "IGOUNO"),
        ("NATO", "IGONAT"),
        ("Chinese police", "CHNCOP"),
        ("rival powers such as China and Russia", "CHN"),
        ("the Pentagon", "USAMIL"),
        ("North Korean soldiers", "PRKMIL"),
        ("Venezuela's opposition", "VENOPP"),
        ("the OAS", "IGOOAS"),
    ],
)
def test_examples(table: ActorTable, text: str, expected: str) -> None:
    assert code(table, text, D(2024, 3, 1)) == expected


def test_unknown_and_non_actors(table: ActorTable) -> None:
    assert table.resolve("the weather", None) is None
    assert table.resolve("let us go", None) is None  # the pronoun is not the United States
    assert table.resolve("Latin American leaders", None) is None
    assert must(table.resolve("New Mexico officials", None)).country is None


def test_foreign_minister_by_date(table: ActorTable) -> None:
    text = "Iranian Foreign Minister Mohammad Javad Zarif"
    assert code(table, text, D(2015, 7, 14)) == "IRNGOV"
    assert code(table, text, None) == "IRNGOV"
    assert code(table, text, D(2024, 1, 1)) == "IRNELI"


def test_sector_only_phrase_has_no_country(table: ActorTable) -> None:
    actor = table.resolve("the police", None)
    assert actor is not None
    assert (actor.code, actor.country, actor.sector) == ("COP", None, "COP")


@pytest.mark.parametrize(
    ("date", "expected", "role"),
    [
        (D(2019, 6, 1), "USAGOV", "President"),
        (D(2022, 6, 1), "USAELI", "former President"),
        (D(2026, 1, 15), "USAGOV", "President"),
    ],
)
def test_trump_by_date(table: ActorTable, date: dt.date, expected: str, role: str) -> None:
    actor = table.resolve("former U.S. President Donald Trump", date)
    assert actor is not None
    assert (actor.code, actor.name, actor.role, actor.country) == (
        expected,
        "Donald Trump",
        role,
        "USA",
    )


def test_obama_and_bare_surnames(table: ActorTable) -> None:
    assert code(table, "Obama", D(2012, 5, 1)) == "USAGOV"
    assert code(table, "Obama", D(2020, 5, 1)) == "USAELI"
    assert code(table, "Petro", D(2023, 5, 1)) == "COLGOV"
    assert code(table, "Putin", D(2010, 5, 1)) == "RUSGOV"
    assert must(table.resolve("Putin", D(2010, 5, 1))).role == "Prime Minister"
    assert code(table, "Biden", D(2023, 5, 1)) == "USAGOV"


def test_shared_surnames_pick_the_office_holder(table: ActorTable) -> None:
    assert must(table.resolve("Castro", D(2005, 1, 1))).name == "Fidel Castro"
    assert must(table.resolve("Castro", D(2012, 1, 1))).name == "Raul Castro"
    assert must(table.resolve("Clinton", D(2010, 1, 1))).name == "Hillary Clinton"
    assert must(table.resolve("Maduro", D(2004, 1, 1))).country == "HND"
    assert must(table.resolve("Maduro", D(2020, 1, 1))).country == "VEN"


def test_igo_officials(table: ActorTable) -> None:
    assert code(table, "Ban Ki-moon", D(2010, 1, 1)) == "IGOUNO"
    assert code(table, "Stoltenberg", D(2020, 1, 1)) == "IGONAT"
    assert code(table, "Mark Rutte", D(2020, 1, 1)) == "NLDGOV"
    assert code(table, "Mark Rutte", D(2025, 1, 1)) == "IGONAT"
    assert code(table, "Almagro", D(2019, 1, 1)) == "IGOOAS"


def test_resolve_all(table: ActorTable) -> None:
    codes = [a.code for a in table.resolve_all("China and Russia", None)]
    assert codes == ["CHN", "RUS"]
    mixed = table.resolve_all("Colombian troops and Venezuelan police met U.S. officials", None)
    assert [a.code for a in mixed] == ["COLMIL", "VENCOP", "USAGOV"]
    assert mixed[0].text == "Colombian"


def test_country_mentions(table: ActorTable) -> None:
    text = "Bogotá and Washington said the U.S. and Colombian police in Latin America"
    spans = table.country_mentions(text)
    assert [c for c, _s, _e in spans] == ["COL", "USA", "USA", "COL"]
    assert [text[s:e] for _c, s, e in spans] == ["Bogotá", "Washington", "U.S.", "Colombian"]
    assert table.country_mentions("North Korean and South Korean envoys")[0][0] == "PRK"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Donald Trump", "USAGOV"),
        ("Police (India)", "INDCOP"),
        ("Citizen (Nigeria)", "NGACVL"),
        ("Government (Venezuela)", "VENGOV"),
        ("Ministry of Defense (Israel)", "ISRMIL"),
        ("Saudi Arabia", "SAU"),
        ("Military (Syria)", "SYRMIL"),
        ("Head of Government (Japan)", "JPNGOV"),
        ("Barack Obama", "USAGOV"),
        ("Vladimir Putin", "RUSGOV"),
        ("Foreign Affairs (Colombia)", "COLGOV"),
        ("Unknown Thing (Nowhere)", None),
    ],
)
def test_icews_names(table: ActorTable, name: str, expected: str | None) -> None:
    date = D(2018, 3, 1) if name != "Barack Obama" else D(2014, 1, 1)
    actor = table.resolve_icews_name(name, date)
    assert (actor.code if actor else None) == expected
    again = table.resolve_icews_name(name, date)
    assert again == actor


def test_name_for(table: ActorTable) -> None:
    assert table.name_for("COL") == "Colombia"
    assert table.name_for("USAGOV") == "United States government"
    assert table.name_for("IGOUNO") == "United Nations"
    with pytest.raises(ResolveError):
        table.name_for("ZZZ")


def test_search(table: ActorTable) -> None:
    assert table.search("col", 1) == [("COL", "Colombia")]
    assert ("COLGOV", "Gustavo Petro") in table.search("Petr")
    assert ("IGOUNO", "United Nations") in table.search("united")
    assert table.search("") == []
    assert len(table.search("a", limit=5)) == 5


def test_regions(table: ActorTable) -> None:
    assert "latin_america_caribbean" in table.regions()
    members = table.region_members("latin_america_caribbean")
    assert {"COL", "VEN", "BRA", "CUB", "HTI"} <= set(members)
    assert "USA" in table.region_members("north_america")
    with pytest.raises(ResolveError):
        table.region_members("atlantis")


def test_document_resolver_coreference(table: ActorTable) -> None:
    doc = table.document_resolver(D(2023, 4, 1))
    petro = doc.resolve("Colombian President Gustavo Petro")
    assert petro is not None and petro.code == "COLGOV"
    for later in ("Petro", "the president", "the Colombian leader"):
        actor = doc.resolve(later)
        assert actor is not None and actor.name == "Gustavo Petro", later
    lopez = doc.resolve("Colombian Senator Maria Lopez")
    assert lopez is not None and (lopez.code, lopez.name) == ("COLLEG", "Maria Lopez")
    assert doc.resolve("Lopez") == lopez.__class__(
        "Lopez", "COLLEG", "COL", "LEG", "Maria Lopez", "Senator"
    )
    assert must(doc.resolve("the senator")).name == "Maria Lopez"
    assert table.document_resolver(D(2023, 4, 1)).resolve("Lopez") is None


def test_a_new_named_person_is_not_the_last_one_with_that_role(table: ActorTable) -> None:
    doc = table.document_resolver(D(2023, 4, 1))
    assert must(doc.resolve("Colombian President Gustavo Petro")).name == "Gustavo Petro"
    ruto = must(doc.resolve("President William Ruto"))  # a country the table may not know
    assert (ruto.name, ruto.role) == ("William Ruto", "President")
    assert must(doc.resolve("the president")).name == "William Ruto"


def test_table_is_cached_and_extend_is_new(table: ActorTable) -> None:
    assert default_actor_table() is table
    assert table.extend([]) is not table


def test_shipped_tables_are_consistent() -> None:
    base = resources.files("toneshift") / "data" / "actors"
    with (base / "countries.csv").open(encoding="utf-8") as handle:
        countries = {row["code"]: row for row in csv.DictReader(handle)}
    assert len([c for c in countries if c != "---"]) >= 193 + 7
    with (base / "leaders.csv").open(encoding="utf-8") as handle:
        leaders = list(csv.DictReader(handle))
    for row in leaders:
        start = dt.date.fromisoformat(row["start"])
        assert not row["end"] or dt.date.fromisoformat(row["end"]) > start, row["name"]
        assert row["code"].startswith("IGO") or row["code"][:3] == row["country"], row["name"]
        assert row["country"] == "" or row["country"] in countries, row["name"]
    americas = {
        c
        for c, r in countries.items()
        if r["region"] in ("latin_america_caribbean", "north_america")
    }
    with_leaders = {row["country"] for row in leaders}
    assert americas - with_leaders <= {"PRI", "GRL"}


def test_spelling_variants_match(table: ActorTable) -> None:
    day = D(2019, 1, 1)
    assert code(table, "Kim Jong-un", day) == code(table, "KIM JONG UN", day) == "PRKGOV"
    assert code(table, "Erdoğan's government", day) == "TURGOV"
    assert code(table, "the U.S.-led coalition", day) == "USA"
    assert code(table, "Kang Kyung Wha", day) == "KORGOV"


def test_armed_groups_and_ngos_resolve_to_home_country_and_sector(coder):
    from toneshift.coding.coder import ArticleMemory

    memory = ArticleMemory(coder.actors.document_resolver(None))
    taliban = memory.resolve("The Taliban gunmen")
    assert taliban is not None and (taliban.code, taliban.country) == ("AFGINS", "AFG")
    state = memory.resolve("the Islamic State group")
    assert state is not None and (state.code, state.country) == ("IMGISI", None)
    amnesty = memory.resolve("Amnesty International")
    assert amnesty is not None and amnesty.sector == "NGO"
    assert memory.resolve("This is a test") is None  # no two-letter alias swallows "is"
