"""A response cache in front of the read-only data endpoints (pure ASGI, no routing cost).

``GET`` answers of the data views (series, shifts, events, dyads, region, articles...) depend
only on the URL and the data, never on who asks, so a 200 answer is kept by its URL and
replayed until the next write (:meth:`AppState.data_changed` calls :meth:`clear`).
Accounts, comments and admin endpoints are never cached.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CACHEABLE = (
    "/api/series",
    "/api/shifts",
    "/api/shift-feed",
    "/api/region",
    "/api/dyads",
    "/api/events",
    "/api/articles",
    "/api/actors",
)
MAX_BODY = 4 * 2**20


class ResponseCache:
    """LRU of (status, headers, body) by URL, with a version to drop answers raced by writes."""

    def __init__(self, size: int = 2048) -> None:
        self._size = size
        self._data: OrderedDict[str, tuple[list[Any], bytes]] = OrderedDict()
        self._lock = threading.Lock()
        self.version = 0

    def get(self, key: str) -> tuple[list[Any], bytes] | None:
        """The stored answer, or ``None``."""
        with self._lock:
            hit = self._data.get(key)
            if hit is not None:
                self._data.move_to_end(key)
            return hit

    def put(self, key: str, version: int, headers: list[Any], body: bytes) -> None:
        """Keep an answer computed under ``version`` (dropped if the data changed since)."""
        with self._lock:
            if version != self.version or len(body) > MAX_BODY:
                return
            self._data[key] = (headers, body)
            while len(self._data) > self._size:
                self._data.popitem(last=False)

    def clear(self) -> None:
        """The data changed: forget every answer."""
        with self._lock:
            self.version += 1
            self._data.clear()


def _key(scope: Scope) -> str | None:
    path = str(scope.get("path", ""))
    if scope.get("type") != "http" or scope.get("method") != "GET":
        return None
    if not any(path == p or path.startswith(p + "/") for p in CACHEABLE):
        return None
    return path + "?" + bytes(scope.get("query_string", b"")).decode("latin-1")


class ResponseCacheMiddleware:
    """Serve cached answers directly; record fresh 200 answers."""

    def __init__(self, app: ASGIApp, cache: ResponseCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _key(scope)
        if key is None:
            await self.app(scope, receive, send)
            return
        hit = self.cache.get(key)
        if hit is not None:
            headers, body = hit
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self._record(key, scope, receive, send)

    async def _record(self, key: str, scope: Scope, receive: Receive, send: Send) -> None:
        version = self.cache.version
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    headers = [h for h in start.get("headers", []) if h[0] != b"set-cookie"]
                    self.cache.put(key, version, headers, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)
