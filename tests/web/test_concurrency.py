"""The server is the single writer: a CLI ingest runs inside it while readers keep reading."""

from __future__ import annotations

import json
import stat
import threading
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from toneshift.errors import StoreError
from toneshift.web.app import create_app
from toneshift.web.client import endpoint_path, read_endpoint, server_answers, submit_ingest
from toneshift.web.state import WebSettings

from .live import live_server
from .seed import NOW

READERS = 10


def write_events(path: Path, n: int) -> Path:
    """``n`` JSONL events USA->VEN, one a day from 2025-01-01."""
    import datetime as dt

    start = dt.date(2025, 1, 1)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            day = start + dt.timedelta(days=i % 600)
            fh.write(
                json.dumps(
                    {
                        "event_id": f"toneshift:load:{i}",
                        "dataset": "toneshift",
                        "original_id": f"load:{i}",
                        "event_date": day.isoformat(),
                        "source_code": "USAGOV",
                        "target_code": "VENGOV",
                        "cameo": "112",
                        "tone": -0.3,
                        "goldstein": -2.0,
                        "quad_class": 3,
                    }
                )
                + "\n"
            )
    return path


def _reader(base: str, stop: threading.Event, failures: list[str], count: list[int]) -> None:
    urls = [
        "/api/events?a=USA&limit=50",
        "/api/series?a=USA&b=VEN",
        "/api/dyads",
        "/api/events?a=USA&b=COL&dyad=true&limit=20",
        "/api/articles",
    ]
    with httpx.Client(base_url=base, timeout=30) as client:
        i = 0
        while not stop.is_set():
            response = client.get(urls[i % len(urls)])
            i += 1
            count.append(1)
            if response.status_code != 200:
                failures.append(f"{response.status_code} {response.text[:200]}")


@pytest.mark.slow
def test_ingest_while_ten_readers_query(settings: WebSettings, tmp_path: Path) -> None:
    data = write_events(tmp_path / "load.jsonl", 30_000)
    with live_server(settings) as base:
        assert server_answers(settings.db)
        stop, failures, count = threading.Event(), [], []
        readers = [
            threading.Thread(target=_reader, args=(base, stop, failures, count))
            for _ in range(READERS)
        ]
        for t in readers:
            t.start()
        try:
            counts = submit_ingest(settings.db, [data])
        finally:
            stop.set()
            for t in readers:
                t.join(timeout=60)
        assert failures == []
        assert len(count) >= READERS
        assert counts["loaded"] == 30_000 and counts["read"] == 30_000
        after = httpx.get(f"{base}/api/events", params={"a": "USA", "b": "VEN", "limit": 1000})
        assert len(after.json()["items"]) == 1000
        series = httpx.get(f"{base}/api/series", params={"a": "USA", "b": "VEN"}).json()
        assert sum(r["events"] for r in series["items"]) == 30_000  # cache was invalidated


def test_endpoint_file_is_private_and_removed(settings: WebSettings) -> None:
    with live_server(settings):
        path = endpoint_path(settings.db)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        info = read_endpoint(settings.db)
        assert info is not None and len(info["token"]) >= 32
    assert not endpoint_path(settings.db).exists()
    assert not server_answers(settings.db)


def test_submit_without_server_raises(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no server"):
        submit_ingest(tmp_path / "none.duckdb", [tmp_path / "x.jsonl"])


def test_submit_with_wrong_token_is_refused(settings: WebSettings, tmp_path: Path) -> None:
    data = write_events(tmp_path / "few.jsonl", 3)
    with live_server(settings):
        info = read_endpoint(settings.db)
        assert info is not None
        endpoint_path(settings.db).write_text(json.dumps({**info, "token": "wrong"}))
        with pytest.raises(StoreError, match="ingest token"):
            submit_ingest(settings.db, [data])


def test_ingest_only_from_loopback(settings: WebSettings, tmp_path: Path) -> None:
    data = write_events(tmp_path / "few.jsonl", 3)
    body = {"paths": [str(data)]}
    auth = {"Authorization": f"Bearer {settings.ingest_token}"}
    with TestClient(create_app(settings, clock=lambda: NOW), client=("10.1.2.3", 4000)) as remote:
        r = remote.post("/api/admin/ingest", json=body, headers=auth)
        assert r.status_code == 403 and r.json()["ok"] is False
    with TestClient(create_app(settings, clock=lambda: NOW), client=("127.0.0.1", 4000)) as local:
        assert local.post("/api/admin/ingest", json=body).status_code == 401
        ok = local.post("/api/admin/ingest", json=body, headers=auth)
        assert ok.status_code == 200 and ok.json()["counts"]["loaded"] == 3
