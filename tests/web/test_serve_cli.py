"""``toneshift serve`` is registered, documented, and serves with an endpoint file."""

from __future__ import annotations

from pathlib import Path

import pytest

from toneshift.cli import main
from toneshift.web import server
from toneshift.web.client import endpoint_path
from toneshift.web.state import WebSettings


def test_serve_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--db", "--host", "--port", "--admin-email", "--secure-cookies", "--watch"):
        assert option in out
    assert "admin" in out


def test_serve_announces_and_cleans_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, object] = {}

    def fake_run(app: object, **kwargs: object) -> None:
        seen.update(
            kwargs, exists=endpoint_path(db).exists(), token=app.state.ts.settings.ingest_token
        )  # type: ignore[attr-defined]

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", fake_run)
    db = tmp_path / "s.duckdb"
    server.serve(WebSettings(db=str(db)), host="127.0.0.1", port=8123)
    assert seen["exists"] is True and seen["port"] == 8123 and seen["token"]
    assert not endpoint_path(db).exists()
