"""Keep the busiest views computed: a background thread fills the cache after start-up and
after every write, so analysts rarely wait for a cold per-dyad analysis."""

from __future__ import annotations

import contextlib
import logging
import os
import threading

import duckdb

from toneshift.errors import ToneshiftError
from toneshift.web import views
from toneshift.web.state import AppState

log = logging.getLogger("toneshift.web")


class Prewarmer:
    """One daemon thread; :meth:`poke` asks it to (re)fill the cache, :meth:`stop` ends it."""

    def __init__(self, state: AppState) -> None:
        self._state = state
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread and warm once."""
        self._thread = threading.Thread(target=self._run, name="toneshift-prewarm", daemon=True)
        self._thread.start()
        self._wake.set()

    def poke(self) -> None:
        """The data changed: warm again (an ongoing pass restarts)."""
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop and wait for the thread (before the store closes)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=timeout)

    def _run(self) -> None:
        with contextlib.suppress(AttributeError, OSError):  # background: requests go first
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        while not self._stop.is_set():
            self._wake.wait()
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                self._warm()
            except (ToneshiftError, duckdb.Error) as exc:
                log.warning("prewarm stopped: %s", exc)

    def _interrupted(self) -> bool:
        return self._stop.is_set() or self._wake.is_set()

    def _warm(self) -> None:
        state = self._state
        with state.cursor() as con:
            for a, b in views.feed_dyads(state, con, state.settings.prewarm_dyads):
                if self._interrupted():
                    return
                views.dyad_view(state, con, a, b)
            if not self._interrupted():
                views.shift_feed(state, con)
            if not self._interrupted():
                views.region_view(state, con, "USA", "latin_america_caribbean")
