"""Talk to a running ``toneshift serve`` from another process on the same machine.

While serving, the server writes ``DB.serve.json`` next to the database (mode 0600) with its
port, process id and a random token. :func:`submit_ingest` reads it and asks the server to
run the ingest, so the CLI never opens the DuckDB file that the server holds.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

import httpx

from toneshift.errors import StoreError


def endpoint_path(db_path: str | Path) -> Path:
    """Where the server of ``db_path`` announces itself."""
    return Path(f"{db_path}.serve.json")


def write_endpoint(db_path: str | Path, *, host: str, port: int) -> tuple[Path, str]:
    """Announce a server: write the endpoint file (0600); return its path and the token."""
    token = secrets.token_urlsafe(32)
    path = endpoint_path(db_path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"host": host, "port": port, "pid": os.getpid(), "token": token}, fh)
    os.chmod(path, 0o600)
    return path, token


def remove_endpoint(path: Path) -> None:
    """Withdraw the announcement (on shutdown)."""
    path.unlink(missing_ok=True)


def read_endpoint(db_path: str | Path) -> dict[str, Any] | None:
    """The endpoint of the server holding ``db_path``, or ``None`` when nobody serves it."""
    path = endpoint_path(db_path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and {"port", "token"} <= set(data) else None


def _loopback(host: str) -> str:
    return (
        "127.0.0.1" if host in ("", "0.0.0.0", "localhost") else "[::1]" if host == "::" else host
    )


def server_answers(db_path: str | Path, *, timeout: float = 2.0) -> bool:
    """Whether a server announced for ``db_path`` is up and answering."""
    ep = read_endpoint(db_path)
    if ep is None:
        return False
    url = f"http://{_loopback(str(ep.get('host', '')))}:{int(ep['port'])}/api/health"
    try:
        return httpx.get(url, timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def submit_ingest(
    db_path: str | Path,
    paths: list[str | Path],
    *,
    fmt: str = "auto",
    timeout: float = 3600.0,
    transport: httpx.BaseTransport | None = None,
) -> dict[str, Any]:
    """Run an ingest inside the server of ``db_path``; return the counts dict.

    Raises :class:`StoreError` when no server is announced, it does not answer, or it
    refuses the ingest (the message carries the server's error).
    """
    ep = read_endpoint(db_path)
    if ep is None:
        raise StoreError(f"no server is serving {db_path}")
    url = f"http://{_loopback(str(ep.get('host', '')))}:{int(ep['port'])}/api/admin/ingest"
    body = {"paths": [str(Path(p).resolve()) for p in paths], "format": fmt}
    headers = {"Authorization": f"Bearer {ep['token']}"}
    try:
        with httpx.Client(transport=transport, timeout=timeout) as client:
            response = client.post(url, json=body, headers=headers)
    except httpx.HTTPError as exc:
        raise StoreError(f"the server of {db_path} did not answer: {exc}") from exc
    data = (
        response.json()
        if response.headers.get("content-type", "").startswith("application/json")
        else {}
    )
    if response.status_code != 200 or not data.get("ok"):
        raise StoreError(f"the server refused the ingest: {data.get('error', response.text)}")
    counts: dict[str, Any] = data["counts"]
    return counts
