"""A local HTTP server thread for the remote-source tests: scripted responses, request log."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """One scripted response."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Site:
    """Routes path → replies. A list is consumed in order, its last reply then repeats.

    ``ranges`` makes plain 200 replies honour ``Range: bytes=N-`` with a 206.
    """

    routes: dict[str, Reply | list[Reply]] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    ranges: bool = False
    base: str = ""

    def reply(self, path: str) -> Reply:
        route = self.routes.get(path)
        if route is None:
            return Reply(b"not found", 404)
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            site.log.append((self.path, dict(self.headers.items())))
            reply = site.reply(self.path)
            body, status = reply.body, reply.status
            wanted = self.headers.get("Range", "")
            if site.ranges and status == 200 and wanted.startswith("bytes="):
                body, status = body[int(wanted[6:].rstrip("-")) :], 206
            self.send_response(status)
            for key, value in reply.headers.items():
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Run ``site`` on 127.0.0.1 on a free port; ``site.base`` is its root URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
