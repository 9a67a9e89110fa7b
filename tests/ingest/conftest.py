from __future__ import annotations

from pathlib import Path

import pytest

from toneshift.store.duckdb_store import DuckDBStore


@pytest.fixture
def store(tmp_path: Path) -> DuckDBStore:
    return DuckDBStore.open(tmp_path / "t.duckdb")
