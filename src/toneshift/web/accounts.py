"""Sign-up, log-in and log-out routes (forms and their JSON twins) and role admin."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from toneshift.errors import InputError
from toneshift.web import auth
from toneshift.web.comments import safe_next
from toneshift.web.csrf import (
    SESSION_COOKIE,
    check_csrf,
    current_session,
    new_anon_token,
    require,
    set_cookie,
)
from toneshift.web.pages_common import render
from toneshift.web.state import app_state, db

router = APIRouter()
Con = Annotated[duckdb.DuckDBPyConnection, Depends(db)]


class Credentials(BaseModel):
    """Email and password."""

    email: str = Field(max_length=254)
    password: str = Field(max_length=1024)


class RoleChange(BaseModel):
    """A new role for an account."""

    role: str = Field(pattern="^(viewer|analyst|admin)$")


def _login(
    request: Request, con: duckdb.DuckDBPyConnection, user: auth.User, response: Response
) -> auth.Session:
    state = app_state(request)
    token, session = auth.start_session(
        con, user, now=state.clock(), days=state.settings.session_days
    )
    set_cookie(request, response, SESSION_COOKIE, token, state.settings.session_days * 86400)
    return session


def _signup(
    request: Request, con: duckdb.DuckDBPyConnection, email: str, password: str
) -> auth.User:
    s = app_state(request).settings
    return auth.create_user(
        con,
        email,
        password,
        now=app_state(request).clock(),
        admin_email=s.admin_email,
        default_role=s.default_role,
    )


def _me(session: auth.Session | None) -> dict[str, Any]:
    if session is None:
        return {"ok": True, "user": None}
    u = session.user
    return {
        "ok": True,
        "user": {"user_id": u.user_id, "email": u.email, "role": u.role},
        "csrf_token": session.csrf,
    }


@router.get("/api/auth/csrf", tags=["accounts"])
def csrf_api(request: Request, con: Con) -> Response:
    """A CSRF token for the next state-changing call (sets the anonymous cookie if needed)."""
    session = current_session(request, con)
    response = JSONResponse({"ok": True})
    token = session.csrf if session else new_anon_token(request, response)
    response.body = response.render({"ok": True, "csrf_token": token})
    response.headers["content-length"] = str(len(response.body))
    return response


@router.get("/api/auth/me", tags=["accounts"])
def me_api(request: Request, con: Con) -> dict[str, Any]:
    """The logged-in account, or ``null``."""
    return _me(current_session(request, con))


@router.post("/api/auth/signup", tags=["accounts"], status_code=201)
def signup_api(request: Request, con: Con, creds: Credentials) -> Response:
    """Create an account and log in (needs ``X-CSRF-Token`` from ``/api/auth/csrf``)."""
    check_csrf(request, con)
    user = _signup(request, con, creds.email, creds.password)
    response = JSONResponse({}, status_code=201)
    session = _login(request, con, user, response)
    response.body = response.render(_me(session))
    response.headers["content-length"] = str(len(response.body))
    return response


@router.post("/api/auth/login", tags=["accounts"])
def login_api(request: Request, con: Con, creds: Credentials) -> Response:
    """Log in (needs ``X-CSRF-Token`` from ``/api/auth/csrf``)."""
    check_csrf(request, con)
    user = auth.authenticate(con, creds.email, creds.password)
    response = JSONResponse({})
    session = _login(request, con, user, response)
    response.body = response.render(_me(session))
    response.headers["content-length"] = str(len(response.body))
    return response


@router.post("/api/auth/logout", tags=["accounts"])
def logout_api(request: Request, con: Con) -> Response:
    """End the session."""
    require(request, con)
    check_csrf(request, con)
    auth.end_session(con, request.cookies.get(SESSION_COOKIE, ""))
    response = JSONResponse({"ok": True})
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/api/users", tags=["accounts"])
def users_api(request: Request, con: Con) -> dict[str, Any]:
    """Accounts and roles (admins only)."""
    require(request, con, "admin")
    return {"ok": True, "items": auth.list_users(con)}


@router.post("/api/users/{user_id}/role", tags=["accounts"])
def role_api(request: Request, con: Con, user_id: str, change: RoleChange) -> dict[str, Any]:
    """Give an account a role (admins only)."""
    require(request, con, "admin")
    check_csrf(request, con)
    auth.set_role(con, user_id, change.role)
    return {"ok": True, "user_id": user_id, "role": change.role}


@router.get("/login", include_in_schema=False)
@router.get("/signup", include_in_schema=False)
def account_page(request: Request, con: Con, next: str = "/") -> Response:
    """The log-in / sign-up form."""
    mode = "signup" if request.url.path == "/signup" else "login"
    return render(request, con, "account.html", {"mode": mode, "next": safe_next(next)})


def _account_form(
    request: Request,
    con: duckdb.DuckDBPyConnection,
    mode: str,
    email: str,
    password: str,
    next: str,
) -> Response:
    try:
        if mode == "signup":
            user = _signup(request, con, email, password)
        else:
            user = auth.authenticate(con, email, password)
    except InputError as exc:
        ctx = {"mode": mode, "next": safe_next(next), "error": str(exc), "email": email}
        return render(request, con, "account.html", ctx, status=400)
    response = RedirectResponse(safe_next(next), status_code=303)
    _login(request, con, user, response)
    return response


@router.post("/login", include_in_schema=False)
@router.post("/signup", include_in_schema=False)
def account_form(
    request: Request,
    con: Con,
    email: Annotated[str, Form(max_length=254)],
    password: Annotated[str, Form(max_length=1024)],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Submit the log-in / sign-up form."""
    check_csrf(request, con, csrf_token)
    mode = "signup" if request.url.path == "/signup" else "login"
    return _account_form(request, con, mode, email, password, next)


@router.post("/logout", include_in_schema=False)
def logout_form(request: Request, con: Con, csrf_token: Annotated[str, Form()] = "") -> Response:
    """The log-out button."""
    if current_session(request, con) is not None:
        check_csrf(request, con, csrf_token)
        auth.end_session(con, request.cookies.get(SESSION_COOKIE, ""))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
