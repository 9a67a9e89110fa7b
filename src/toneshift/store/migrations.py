"""Named, ordered schema migrations, recorded in ``schema_migrations``.

Each migration runs inside one transaction with its record, so a failure leaves the schema as
it was. New migrations are appended; an applied one is never edited.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    """One schema step: a unique name and the SQL statements that make it."""

    name: str
    statements: tuple[str, ...]


EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR NOT NULL"),  # dataset:original_id, unique across the store
    (
        "dataset",
        "VARCHAR NOT NULL",
    ),  # toneshift | gdelt1 | gdelt2 | icews | icews_decoded | polecat
    ("original_id", "VARCHAR"),
    ("event_date", "DATE"),
    ("source_code", "VARCHAR"),
    ("source_name", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("source_sector", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("target_name", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("target_sector", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("plover", "VARCHAR"),
    ("quad_class", "TINYINT"),
    ("goldstein", "DOUBLE"),
    ("tone", "DOUBLE"),  # [-1, 1]; dataset tones rescaled, raw value kept in raw
    ("mentions", "INTEGER"),
    ("num_sources", "INTEGER"),
    ("url", "VARCHAR"),
    ("article_id", "VARCHAR"),
    ("sentence", "VARCHAR"),
    ("span_start", "INTEGER"),
    ("span_end", "INTEGER"),
    ("issues", "VARCHAR"),  # comma-separated issue names
    ("third_parties", "VARCHAR"),  # comma-separated country codes
    ("confidence", "DOUBLE"),
    ("source_file", "VARCHAR"),
    # the original record, for audit: JSON text; GDELT rows keep their unmapped fields as
    # tab-separated text instead (toneshift.ingest.gdelt.raw_record reads it back)
    ("raw", "VARCHAR"),
)


def _events_table() -> str:
    cols = ",\n  ".join(f"{name} {kind}" for name, kind in EVENT_COLUMNS)
    return f"CREATE TABLE IF NOT EXISTS events (\n  {cols}\n)"


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_core",
        (
            """CREATE TABLE IF NOT EXISTS articles (
                article_id VARCHAR PRIMARY KEY,
                title VARCHAR,
                url VARCHAR,
                source VARCHAR,
                published DATE,
                body VARCHAR,
                issues VARCHAR,
                stored_at TIMESTAMP
            )""",
            _events_table(),
            """CREATE TABLE IF NOT EXISTS rejects (
                source_file VARCHAR,
                line BIGINT,
                reason VARCHAR,
                raw VARCHAR,
                rejected_at TIMESTAMP
            )""",
            """CREATE TABLE IF NOT EXISTS ingested_files (
                source_file VARCHAR,
                sha256 VARCHAR PRIMARY KEY,
                format VARCHAR,
                rows_read BIGINT,
                rows_loaded BIGINT,
                duplicates BIGINT,
                rejected BIGINT,
                ingested_at TIMESTAMP
            )""",
        ),
    ),
    Migration(
        "0002_web_accounts",
        (
            """CREATE TABLE IF NOT EXISTS users (
                user_id VARCHAR PRIMARY KEY,
                email VARCHAR UNIQUE NOT NULL,
                password_hash VARCHAR NOT NULL,
                role VARCHAR NOT NULL,
                created_at TIMESTAMP
            )""",
            """CREATE TABLE IF NOT EXISTS sessions (
                session_hash VARCHAR PRIMARY KEY,
                user_id VARCHAR NOT NULL,
                csrf_token VARCHAR NOT NULL,
                created_at TIMESTAMP,
                expires_at TIMESTAMP
            )""",
            """CREATE TABLE IF NOT EXISTS comments (
                comment_id VARCHAR PRIMARY KEY,
                target_kind VARCHAR NOT NULL,
                target_id VARCHAR NOT NULL,
                user_id VARCHAR NOT NULL,
                body VARCHAR NOT NULL,
                created_at TIMESTAMP,
                deleted_at TIMESTAMP
            )""",
        ),
    ),
    Migration(
        "0002_ingest_tables",
        (
            """CREATE TABLE IF NOT EXISTS gdelt_mentions (
                mention_id VARCHAR NOT NULL,
                event_id VARCHAR,
                event_time TIMESTAMP,
                mention_time TIMESTAMP,
                mention_type TINYINT,
                source_name VARCHAR,
                url VARCHAR,
                sentence_id INTEGER,
                actor1_offset INTEGER,
                actor2_offset INTEGER,
                action_offset INTEGER,
                in_raw_text TINYINT,
                confidence INTEGER,
                doc_len INTEGER,
                doc_tone DOUBLE,
                translation_info VARCHAR,
                extras VARCHAR,
                source_file VARCHAR
            )""",
            """CREATE TABLE IF NOT EXISTS gkg (
                record_id VARCHAR NOT NULL,
                version TINYINT,
                date TIMESTAMP,
                source_name VARCHAR,
                url VARCHAR,
                counts VARCHAR,
                themes VARCHAR,
                locations VARCHAR,
                persons VARCHAR,
                organizations VARCHAR,
                tone DOUBLE,
                positive DOUBLE,
                negative DOUBLE,
                polarity DOUBLE,
                activity_density DOUBLE,
                self_group_density DOUBLE,
                word_count INTEGER,
                cameo_event_ids VARCHAR,
                all_names VARCHAR,
                quotations VARCHAR,
                amounts VARCHAR,
                translation_info VARCHAR,
                source_file VARCHAR
            )""",
        ),
    ),
    Migration(
        "0003_watch_state",
        (
            """CREATE TABLE IF NOT EXISTS watch_state (
                dyad VARCHAR NOT NULL,
                freq VARCHAR NOT NULL,
                shift_date DATE NOT NULL,
                direction VARCHAR NOT NULL,
                goldstein_before DOUBLE,
                goldstein_after DOUBLE,
                confidence DOUBLE,
                reported_at TIMESTAMP,
                PRIMARY KEY (dyad, freq, shift_date, direction)
            )""",
        ),
    ),
    Migration(
        "0004_feeds",
        (
            """CREATE TABLE IF NOT EXISTS feeds (
                url VARCHAR PRIMARY KEY,
                kind VARCHAR,
                title VARCHAR,
                etag VARCHAR,
                last_modified VARCHAR,
                added_at TIMESTAMP,
                polled_at TIMESTAMP,
                last_status INTEGER,
                last_error VARCHAR
            )""",
            """CREATE TABLE IF NOT EXISTS feed_items (
                feed_url VARCHAR NOT NULL,
                item_key VARCHAR NOT NULL,
                url VARCHAR,
                article_id VARCHAR,
                status VARCHAR,
                seen_at TIMESTAMP,
                PRIMARY KEY (feed_url, item_key)
            )""",
        ),
    ),
)


def pending(applied: Sequence[str]) -> list[Migration]:
    """The migrations not yet applied, in order."""
    done = set(applied)
    return [m for m in MIGRATIONS if m.name not in done]
