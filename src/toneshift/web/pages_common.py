"""Rendering helpers every page uses: the templates and the per-page context."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
from fastapi import Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from toneshift.web.csrf import CSRF_FIELD, csrf_token, current_session


def make_templates() -> Jinja2Templates:
    """The Jinja2 templates shipped with the package (autoescape on for .html)."""
    path = Path(str(files("toneshift.web").joinpath("templates")))
    templates = Jinja2Templates(directory=str(path))
    templates.env.autoescape = True
    return templates


def render(
    request: Request,
    con: duckdb.DuckDBPyConnection,
    template: str,
    context: dict[str, Any],
    status: int = 200,
) -> Response:
    """Render a page with the visitor's account and CSRF token in the context."""
    session = current_session(request, con)
    base = {
        "user": session.user if session else None,
        "csrf_token": csrf_token(request, con),
        "csrf_field": CSRF_FIELD,
    }
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, {**base, **context}, status_code=status)
