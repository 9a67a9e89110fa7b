"""Shared fixtures: where ../shared is, and a coder loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(
    os.environ.get("TONESHIFT_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared")
)


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear message when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (set TONESHIFT_SHARED)")
    return path


@pytest.fixture(scope="session")
def shared_file():
    """``shared_file("seed", "story.txt")``: a path under ../shared, or skip when absent."""
    return shared_path


@pytest.fixture(scope="session")
def coder():
    """The default coder (spaCy pipeline, actor table, verb lexicon), loaded once."""
    from toneshift.coding.coder import Coder

    return Coder.default()
