"""One error shape for the whole API: ``{"ok": false, "error": "...", "status": 4xx}``.

Handlers here turn HTTP errors, validation errors, toneshift's own errors and unexpected
exceptions into that shape under ``/api``; pages get a small HTML error page instead.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from toneshift.errors import AnalyticsError, InputError, ResolveError, ToneshiftError

log = logging.getLogger("toneshift.web")


class ApiError(HTTPException):
    """An error a handler raises on purpose, with its HTTP status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(status_code=status, detail=message)


def error_body(status: int, message: str) -> dict[str, object]:
    """The one error shape."""
    return {"ok": False, "error": message, "status": status}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, status: int, message: str) -> Response:
    """JSON under /api, a small HTML page elsewhere."""
    if _wants_json(request):
        return JSONResponse(error_body(status, message), status_code=status)
    templates = request.app.state.templates
    return (
        templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message}, status_code=status
        )
        if templates
        else HTMLResponse(message, status_code=status)
    )


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
        parts.append(f"{loc}: {err.get('msg', 'invalid')}" if loc else str(err.get("msg")))
    return "; ".join(parts) or "invalid request"


def _status_of(exc: ToneshiftError) -> int:
    if isinstance(exc, InputError | ResolveError | AnalyticsError):
        return 400
    return 500


def install(app: FastAPI) -> None:
    """Register the exception handlers on ``app``."""

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail) if exc.detail else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        return error_response(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(ToneshiftError)
    async def _domain(request: Request, exc: ToneshiftError) -> Response:
        return error_response(request, _status_of(exc), str(exc))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        return error_response(request, 500, "internal server error")
