"""The app factory: :func:`create_app` builds the FastAPI application over one store.

The server process owns the DuckDB file as its single writer (see docs/concurrency.md):
one connection opened here, one cursor per request, writes from the CLI forwarded to
``/api/admin/ingest``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from toneshift.store import DuckDBStore
from toneshift.web import accounts, adapters, api, comments, csrf, ingest_api, pages, problems
from toneshift.web.httpcache import ResponseCache, ResponseCacheMiddleware
from toneshift.web.pages_common import make_templates
from toneshift.web.prewarm import Prewarmer
from toneshift.web.state import AppState, Clock, ResultCache, WebSettings


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _settings(db: str | Path | WebSettings) -> WebSettings:
    return db if isinstance(db, WebSettings) else WebSettings(db=str(db))


def _lifespan(state: AppState) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """Start-up: warm imports, start the prewarm thread; shutdown: stop it, close the store."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(adapters.warm_up)
        warmer = Prewarmer(state)
        state.on_change.append(warmer.poke)
        if state.settings.prewarm_dyads > 0:
            warmer.start()
        yield
        await run_in_threadpool(warmer.stop)
        for hook in state.on_shutdown:
            hook()
        state.store.close()

    return lifespan


def _open_state(settings: WebSettings, clock: Clock, store: DuckDBStore | None) -> AppState:
    opened = store or DuckDBStore.open(settings.db)
    threads = settings.duckdb_threads or max(1, (os.cpu_count() or 2) - 1)
    opened.con.execute(f"SET threads = {int(threads)}")
    return AppState(settings, opened, clock, ResultCache(settings.cache_entries))


def create_app(
    db: str | Path | WebSettings, *, clock: Clock = _utc_now, store: DuckDBStore | None = None
) -> FastAPI:
    """The web application over the store at ``db`` (a path or full :class:`WebSettings`).

    ``clock`` returns the current UTC time (inject a fixed one in tests); ``store`` lets a
    caller hand over an already-open store, which the app then owns and closes.
    """
    state = _open_state(_settings(db), clock, store)
    app = FastAPI(
        title="toneshift",
        version=version("toneshift"),
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan(state),
        description="Political events coded from news, and how tone shifts.",
    )
    app.state.ts = state
    app.state.templates = make_templates()
    static = Path(str(files("toneshift.web").joinpath("static")))
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    for module in (api, comments, accounts, ingest_api, pages):
        app.include_router(module.router)
    problems.install(app)
    csrf.install(app)
    responses = ResponseCache()
    state.on_change.append(responses.clear)
    app.add_middleware(ResponseCacheMiddleware, cache=responses)
    return app
