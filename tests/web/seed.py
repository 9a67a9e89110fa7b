"""Synthetic stores for the web tests: USA–COL monthly events with a warming in 2026-01."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from toneshift.store import EVENT_COLUMN_NAMES, DuckDBStore

NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
WARMING = dt.date(2026, 1, 1)
STORY_ID = "story-usa-col"
STORY_TITLE = "Trump Changes Tone, Invites Colombia's Petro to the White House"
STORY_SUBTITLE = "A surprising diplomatic pivot raises questions about strategy"
SENTENCE = "Donald Trump extended an invitation to Colombian President Gustavo Petro."
STORY_BODY = (
    f"{STORY_TITLE}\n{STORY_SUBTITLE}\n"
    f"In a surprising diplomatic turn, {SENTENCE} Petro accepted the invitation.\n"
    "Issues likely to dominate include migration and drug trafficking.\n"
)


def _row(**values: Any) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(EVENT_COLUMN_NAMES)
    row.update(values)
    return row


def _months() -> list[dt.date]:
    out, day = [], dt.date(2024, 1, 1)
    while day <= dt.date(2026, 11, 1):
        out.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return out


def dyad_rows(per_month: int = 6) -> list[dict[str, Any]]:
    """Monthly USA->COL and COL->USA events; conflictual before 2026-01, cooperative after."""
    rows = []
    for m, month in enumerate(_months()):
        warm = month >= WARMING
        for i in range(per_month):
            for src, tgt in (("USA", "COL"), ("COL", "USA")):
                wobble = ((m * 7 + i * 3) % 5 - 2) * 0.3
                gold = (5.0 if warm else -4.0) + wobble
                rows.append(
                    _row(
                        event_id=f"test:{src}{tgt}:{month.isoformat()}:{i}",
                        dataset="test",
                        event_date=month + dt.timedelta(days=i * 4),
                        source_code=f"{src}GOV",
                        source_country=src,
                        target_code=f"{tgt}GOV",
                        target_country=tgt,
                        cameo="036" if warm else "112",
                        cameo_root="03" if warm else "11",
                        plover="CONSULT" if warm else "ACCUSE",
                        quad_class=1 if warm else 3,
                        goldstein=gold,
                        tone=(0.4 if warm else -0.4) + wobble / 10,
                        issues="migration,drugs" if warm else "drugs",
                        sentence=f"{src} and {tgt} event {i} of {month:%Y-%m}.",
                    )
                )
    return rows


def seed_story(store: DuckDBStore) -> None:
    """The USA–COL story with one coded, highlighted event."""
    start = STORY_BODY.index(SENTENCE)
    store.con.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            STORY_ID,
            STORY_TITLE,
            "https://example.org/story",
            "test",
            dt.date(2026, 1, 15),
            STORY_BODY,
            "migration",
            NOW.replace(tzinfo=None),
        ],
    )
    store.insert_event_rows(
        [
            _row(
                event_id=f"toneshift:{STORY_ID}:0",
                dataset="toneshift",
                event_date=dt.date(2026, 11, 25),
                source_code="USAGOV",
                source_country="USA",
                target_code="COLGOV",
                target_country="COL",
                cameo="036",
                cameo_root="03",
                plover="CONSULT",
                quad_class=1,
                goldstein=4.0,
                tone=0.5,
                issues="migration",
                sentence=SENTENCE,
                article_id=STORY_ID,
                url="https://example.org/story",
                span_start=start,
                span_end=start + len(SENTENCE),
            )
        ]
    )


def seed(path: str | Path, per_month: int = 6) -> Path:
    """Create a seeded DuckDB file and return its path."""
    with DuckDBStore.open(path) as store:
        store.insert_event_rows(dyad_rows(per_month))
        seed_story(store)
    return Path(path)
