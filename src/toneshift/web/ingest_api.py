"""Writes that go through the server, the database's single writer process.

``POST /api/admin/ingest`` answers only loopback clients holding the token from
``DB.serve.json`` (see :mod:`toneshift.web.client`); the ingest runs in a worker thread on
its own cursor while readers keep querying. ``/analyze`` codes a pasted text and stores it.
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from toneshift.errors import InputError
from toneshift.store import DuckDBStore
from toneshift.web import adapters
from toneshift.web.csrf import check_csrf, require
from toneshift.web.pages_common import render
from toneshift.web.problems import ApiError
from toneshift.web.state import AppState, app_state, db

router = APIRouter()
Con = Annotated[duckdb.DuckDBPyConnection, Depends(db)]
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


class IngestRequest(BaseModel):
    """Files to ingest, as paths on the server's machine."""

    paths: list[str] = Field(min_length=1, max_length=10_000)
    format: str = Field(default="auto", pattern="^[a-z0-9_]{2,20}$")


class AnalyzeRequest(BaseModel):
    """A text to code and store."""

    text: str = Field(default="", max_length=500_000)
    title: str = Field(default="", max_length=500)
    url: str | None = Field(default=None, max_length=2000)
    date: dt.date | None = None


def _check_ingest_caller(request: Request) -> None:
    host = request.client.host if request.client else ""
    if host not in LOOPBACK:
        raise ApiError(403, "ingest is accepted from loopback only")
    expected = app_state(request).settings.ingest_token
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(401, "missing or wrong ingest token")


def run_ingest(state: AppState, paths: list[str], fmt: str) -> dict[str, Any]:
    """Ingest on a dedicated cursor, one ingest at a time; readers are not blocked."""
    with state.ingest_lock, state.cursor() as cur:
        counts = adapters.ingest_paths(
            DuckDBStore(cur, state.store.path), paths, fmt=fmt, now=state.clock()
        )
    state.data_changed()
    return counts


@router.post("/api/admin/ingest", tags=["admin"])
def ingest_api(request: Request, job: IngestRequest) -> dict[str, Any]:
    """Ingest files into the served database (loopback + token; used by the CLI)."""
    _check_ingest_caller(request)
    return {"ok": True, "counts": run_ingest(app_state(request), job.paths, job.format)}


def analyze_and_store(state: AppState, con: duckdb.DuckDBPyConnection, job: AnalyzeRequest) -> str:
    """Code a text, store the article and its events; return the article id."""
    now = state.clock()
    if not job.text.strip():
        if not job.url:
            raise InputError("text: paste a text or give a URL")
        article_id = adapters.fetch_and_analyze(
            DuckDBStore(con, state.store.path), job.url, now=now
        )
        state.data_changed()
        return article_id
    article, events = adapters.analyze_text(
        job.text, date=job.date or now.date(), title=job.title, url=job.url
    )
    DuckDBStore(con, state.store.path).save_article(article, events, now=now)
    state.data_changed()
    return str(article.id)


@router.post("/api/analyze", tags=["data"], status_code=201)
def analyze_api(request: Request, con: Con, job: AnalyzeRequest) -> dict[str, Any]:
    """Code and store a text (analysts; ``X-CSRF-Token``); returns the article id."""
    require(request, con, "analyst")
    check_csrf(request, con)
    article_id = analyze_and_store(app_state(request), con, job)
    return {"ok": True, "article_id": article_id, "url": f"/articles/{article_id}"}


@router.get("/analyze", include_in_schema=False)
def analyze_page(request: Request, con: Con) -> Response:
    """The paste-a-text form."""
    return render(request, con, "analyze.html", {})


@router.post("/analyze", include_in_schema=False)
def analyze_form(
    request: Request,
    con: Con,
    text: Annotated[str, Form(max_length=500_000)],
    title: Annotated[str, Form(max_length=500)] = "",
    url: Annotated[str, Form(max_length=2000)] = "",
    csrf_token: Annotated[str, Form()] = "",
) -> Response:
    """Submit the form: code, store, and show the story page."""
    require(request, con, "analyst")
    check_csrf(request, con, csrf_token)
    job = AnalyzeRequest(text=text, title=title, url=url or None)
    article_id = analyze_and_store(app_state(request), con, job)
    return RedirectResponse(f"/articles/{article_id}", status_code=303)
