"""A real uvicorn server in a background thread, for concurrency and browser tests."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

import uvicorn

from toneshift.web.app import create_app
from toneshift.web.client import remove_endpoint, write_endpoint
from toneshift.web.state import WebSettings

from .seed import NOW


def free_port() -> int:
    """A TCP port free on loopback right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(settings: WebSettings, *, fixed_clock: bool = True) -> Iterator[str]:
    """Serve ``settings`` on a free loopback port (announced in DB.serve.json); yield the URL."""
    port = free_port()
    path, token = write_endpoint(settings.db, host="127.0.0.1", port=port)
    clock = {"clock": lambda: NOW} if fixed_clock else {}
    app = create_app(replace(settings, ingest_token=token), **clock)  # type: ignore[arg-type]
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)
        remove_endpoint(path)
