"""PostgreSQL for tests: ``TONESHIFT_TEST_PG`` names a server; each test gets a fresh schema."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

ENV = "TONESHIFT_TEST_PG"
SHARED = Path(
    os.environ.get("TONESHIFT_SHARED", Path(__file__).resolve().parents[2] / ".." / "shared")
)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (set TONESHIFT_SHARED)")
    return path


def base_url() -> str:
    """The server URL, or skip the test saying how to enable it."""
    url = os.environ.get(ENV)
    if not url:
        pytest.skip(f"PostgreSQL tests need {ENV}=postgresql://user:pass@host/db")
    try:
        import psycopg
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg: pip install 'toneshift[postgres]'")
    try:
        psycopg.connect(url, connect_timeout=3).close()
    except psycopg.Error as exc:
        pytest.skip(f"PostgreSQL at {ENV} is unreachable: {exc}")
    return url


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A URL whose connections use a new, empty schema; dropped afterwards."""
    import psycopg

    url = base_url()
    name = f"ts_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {name}")
    sep = "&" if "?" in url else "?"
    try:
        yield f"{url}{sep}options={quote(f'-csearch_path={name}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute(f"DROP SCHEMA {name} CASCADE")
