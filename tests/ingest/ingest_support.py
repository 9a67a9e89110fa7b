"""Paths and constants shared by the ingest tests."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "data" / "ingest"
SHARED = Path(os.environ.get("TONESHIFT_SHARED", ROOT / ".." / "shared"))
EVENTS = SHARED / "data" / "events"
NOW = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def shared_file(rel: str) -> Path:
    path = EVENTS / rel
    if not path.is_file():
        pytest.skip(f"shared sample {path} not available (set TONESHIFT_SHARED)")
    return path
