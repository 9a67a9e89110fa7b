"""Leader-level dyads: a leader's name selects the person's own events, whatever the spelling."""

from __future__ import annotations

import datetime as dt

from toneshift.analytics.dyads import resolve_party
from toneshift.analytics.series import series_records
from toneshift.store import open_store
from toneshift.store.migrations import EVENT_COLUMNS


def _row(i: int, source: tuple[str, str], target: tuple[str, str], day: dt.date) -> dict:
    row = {name: None for name, _ in EVENT_COLUMNS}
    row.update(
        event_id=f"t:{i}",
        dataset="t",
        original_id=str(i),
        event_date=day,
        source_name=source[0],
        source_code=source[1],
        source_country=source[1][:3],
        target_name=target[0],
        target_code=target[1],
        target_country=target[1][:3],
        cameo="036",
        cameo_root="03",
        plover="AGREE",
        quad_class=1,
        goldstein=4.0,
    )
    return row


def test_leader_names_select_the_persons_events():
    store = open_store(":memory:")
    trump, petro = ("DONALD TRUMP", "USAGOV"), ("Gustavo Petro", "COLGOV")
    rubio = ("Marco Rubio", "USAGOV")
    day = dt.date(2026, 1, 15)
    store.insert_event_rows(
        [_row(0, trump, petro, day), _row(1, trump, petro, day), _row(2, rubio, petro, day)]
    )
    party = resolve_party("Trump", date=day)
    assert (party.level, party.code) == ("person", "Donald Trump")
    records = series_records(store.con, "Trump", "Petro", freq="month")
    forward = [r for r in records if r["direction"].startswith("Donald Trump")]
    assert forward[0]["events"] == 2  # Rubio's event is USAGOV's, not Trump's
    country = series_records(store.con, "USA", "COL", freq="month")
    assert [r["events"] for r in country if r["direction"] == "USA->COL"] == [3]
