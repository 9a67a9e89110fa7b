"""Fixtures: a seeded store and a TestClient over the app with a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from toneshift.web.app import create_app
from toneshift.web.state import WebSettings

from .seed import NOW, seed


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A seeded DuckDB file."""
    return seed(tmp_path / "web.duckdb")


@pytest.fixture
def settings(db_path: Path) -> WebSettings:
    """Web settings over the seeded store, with an ingest token."""
    return WebSettings(db=str(db_path), ingest_token="secret-token", min_dyad_events=10)


@pytest.fixture
def client(settings: WebSettings) -> Iterator[TestClient]:
    """A TestClient over the app (client address on loopback)."""
    app = create_app(settings, clock=lambda: NOW)
    with TestClient(app, client=("127.0.0.1", 50000)) as c:
        yield c
