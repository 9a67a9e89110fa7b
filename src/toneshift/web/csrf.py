"""Who is asking, and did they mean it: session cookies and CSRF tokens.

A logged-in session carries its own CSRF token (stored with the session). Anonymous visitors
get a random token in an HttpOnly ``ts_csrf`` cookie (double submit), so the sign-up and
log-in forms are protected too. Every state-changing form sends the token in a
``csrf_token`` field; every state-changing API call in an ``X-CSRF-Token`` header. Cookies are
HttpOnly and SameSite=Lax; the Secure flag follows ``WebSettings.secure_cookies``.
"""

from __future__ import annotations

import hmac
import secrets

import duckdb
from fastapi import FastAPI, Request, Response
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from toneshift.web.auth import Session, load_session
from toneshift.web.problems import ApiError
from toneshift.web.state import app_state

SESSION_COOKIE = "ts_session"
ANON_COOKIE = "ts_csrf"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
_UNSET = object()


def current_session(request: Request, con: duckdb.DuckDBPyConnection) -> Session | None:
    """The live session of the request's cookie (looked up once per request)."""
    cached = getattr(request.state, "ts_session", _UNSET)
    if cached is not _UNSET:
        return cached  # type: ignore[return-value]
    token = request.cookies.get(SESSION_COOKIE)
    session = load_session(con, token, now=app_state(request).clock()) if token else None
    request.state.ts_session = session
    return session


def csrf_token(request: Request, con: duckdb.DuckDBPyConnection) -> str:
    """The token forms on this page must send back."""
    session = current_session(request, con)
    if session is not None:
        return session.csrf
    return str(getattr(request.state, "anon_csrf", "") or request.cookies.get(ANON_COOKIE, ""))


def check_csrf(
    request: Request, con: duckdb.DuckDBPyConnection, submitted: str | None = None
) -> None:
    """Raise 403 unless the request carries the right CSRF token (header or form field)."""
    given = request.headers.get(CSRF_HEADER) or submitted or ""
    expected = csrf_token(request, con)
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise ApiError(403, "CSRF token missing or invalid")


def require(request: Request, con: duckdb.DuckDBPyConnection, role: str = "viewer") -> Session:
    """The session, if its user holds ``role``: 401 without a session, 403 without the role."""
    session = current_session(request, con)
    if session is None:
        raise ApiError(401, "log in first")
    if not session.user.can(role):
        raise ApiError(403, f"needs the {role} role")
    return session


def set_cookie(
    request: Request, response: Response, name: str, value: str, max_age: int | None = None
) -> None:
    """Set a cookie with the app's flags: HttpOnly, SameSite=Lax, Secure as configured."""
    secure = app_state(request).settings.secure_cookies
    response.set_cookie(
        name, value, max_age=max_age, path="/", httponly=True, samesite="lax", secure=secure
    )


def new_anon_token(request: Request, response: Response) -> str:
    """Issue a fresh anonymous CSRF token (also used by ``GET /api/auth/csrf``)."""
    token = secrets.token_urlsafe(32)
    request.state.anon_csrf = token
    set_cookie(request, response, ANON_COOKIE, token)
    return token


class AnonCsrfMiddleware:
    """Give page visitors without a token an anonymous CSRF cookie (pure ASGI, cheap)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or path.startswith(("/api", "/static")):
            await self.app(scope, receive, send)
            return
        if ANON_COOKIE in HTTPConnection(scope).cookies:
            await self.app(scope, receive, send)
            return
        fresh = secrets.token_urlsafe(32)
        scope.setdefault("state", {})["anon_csrf"] = fresh
        secure = scope["app"].state.ts.settings.secure_cookies

        async def with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                carrier = Response()
                carrier.set_cookie(
                    ANON_COOKIE, fresh, path="/", httponly=True, samesite="lax", secure=secure
                )
                cookie = [h for h in carrier.raw_headers if h[0] == b"set-cookie"]
                message = {**message, "headers": [*message.get("headers", []), *cookie]}
            await send(message)

        await self.app(scope, receive, with_cookie)


def install(app: FastAPI) -> None:
    """Add the anonymous-token middleware to ``app``."""
    app.add_middleware(AnonCsrfMiddleware)
