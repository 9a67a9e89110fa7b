"""The server's shared state: settings, the one store connection, the clock and caches."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import duckdb
from fastapi import Request

from toneshift.store import DuckDBStore

Clock = Callable[[], dt.datetime]


@dataclass(frozen=True)
class WebSettings:
    """Settings of one web server.

    ``secure_cookies`` sets the cookie Secure flag (turn it on behind HTTPS);
    ``admin_email`` names an account that becomes admin on sign-up (the first account
    always does); ``default_role`` is what other sign-ups get; ``shift_dyads`` bounds how
    many dyads the shift feed examines; ``watchlist`` (``"USA-COL"``...) is examined first.
    """

    db: str
    secure_cookies: bool = False
    admin_email: str | None = None
    default_role: str = "viewer"
    session_days: int = 14
    shift_dyads: int = 12
    min_dyad_events: int = 24
    watchlist: tuple[str, ...] = ()
    ingest_token: str | None = None
    cache_entries: int = 512
    prewarm_dyads: int = 24
    duckdb_threads: int = 0  # 0: one fewer than the CPUs, so the event loop keeps a core


class ResultCache:
    """A small thread-safe LRU of computed results, emptied whenever the data changes."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._inflight: dict[Hashable, threading.Event] = {}
        self.version = 0

    def get_or_compute(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for ``key``; on a miss one caller computes, the others wait.

        Single flight: fifty requests for the same cold dyad cost one computation, not fifty.
        A value computed while the data changed (version bumped) is returned but not kept.
        """
        while True:
            with self._lock:
                if key in self._data:
                    self._data.move_to_end(key)
                    return self._data[key]
                version, gate = self.version, self._inflight.get(key)
                if gate is None:
                    gate = self._inflight[key] = threading.Event()
                    break
            gate.wait(timeout=120)
        try:
            value = compute()
            with self._lock:
                if version == self.version:
                    self._data[key] = value
                    while len(self._data) > self._size:
                        self._data.popitem(last=False)
        finally:
            with self._lock:
                self._inflight.pop(key, None)
            gate.set()
        return value

    def invalidate(self) -> None:
        """Forget everything (called after each write to the events or articles)."""
        with self._lock:
            self.version += 1
            self._data.clear()


@dataclass
class AppState:
    """Everything a request handler needs, stored on ``app.state.ts``."""

    settings: WebSettings
    store: DuckDBStore
    clock: Clock
    cache: ResultCache
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    on_change: list[Callable[[], None]] = field(default_factory=list)
    on_shutdown: list[Callable[[], None]] = field(default_factory=list)

    def data_changed(self) -> None:
        """Events or articles were written: drop cached views and tell the listeners."""
        self.cache.invalidate()
        for listener in self.on_change:
            listener()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A fresh cursor on the server's one connection, closed afterwards.

        DuckDB cursors of one connection may be used from different threads at once; the
        server is the database's single writer process, so readers never see a lock error.
        """
        cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()


def app_state(request: Request) -> AppState:
    """The :class:`AppState` of the app serving ``request``."""
    state: AppState = request.app.state.ts
    return state


def db(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """FastAPI dependency: a cursor for the duration of one request."""
    with app_state(request).cursor() as cur:
        yield cur
