"""Discussion threads under stories, events and shifts.

Analysts and admins comment; admins delete (a soft delete, kept for audit). Bodies are stored
as typed and escaped when rendered (Jinja2 autoescape; the JS inserts them as text).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Body, Depends, Form, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field, ValidationError

from toneshift.errors import InputError
from toneshift.web.auth import User
from toneshift.web.csrf import check_csrf, require
from toneshift.web.problems import ApiError
from toneshift.web.state import app_state, db
from toneshift.web.tables import TableFormat, table_response

KINDS = ("article", "event", "shift")
MAX_BODY = 5000
EMPTY_TEXT = (
    "There are no comments for this story. Be the first to respond and start the conversation."
)

router = APIRouter()
Con = Annotated[duckdb.DuckDBPyConnection, Depends(db)]


class NewComment(BaseModel):
    """A comment to post."""

    target_kind: str = Field(pattern="^(article|event|shift)$")
    target_id: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=MAX_BODY)


def add_comment(
    con: duckdb.DuckDBPyConnection,
    user: User,
    kind: str,
    target_id: str,
    body: str,
    *,
    now: dt.datetime,
) -> dict[str, Any]:
    """Store a comment by ``user`` on a target; return it."""
    text = body.strip()
    if kind not in KINDS:
        raise InputError(f"target_kind: one of {', '.join(KINDS)}")
    if not text or len(text) > MAX_BODY:
        raise InputError(f"body: 1 to {MAX_BODY} characters")
    comment_id = uuid.uuid4().hex
    at = now.astimezone(dt.UTC).replace(tzinfo=None)
    con.execute(
        "INSERT INTO comments VALUES (?, ?, ?, ?, ?, ?, NULL)",
        [comment_id, kind, target_id, user.user_id, text, at],
    )
    return {
        "comment_id": comment_id,
        "target_kind": kind,
        "target_id": target_id,
        "author": user.email.split("@")[0],
        "body": text,
        "created_at": at,
    }


def list_comments(con: duckdb.DuckDBPyConnection, kind: str, target_id: str) -> list[dict]:
    """Live comments on a target, oldest first (authors shown by their email's local part)."""
    rows = con.execute(
        """SELECT c.comment_id, c.target_kind, c.target_id, split_part(u.email, '@', 1),
                  c.body, c.created_at
           FROM comments c JOIN users u USING (user_id)
           WHERE c.target_kind = ? AND c.target_id = ? AND c.deleted_at IS NULL
           ORDER BY c.created_at, c.comment_id""",
        [kind, target_id],
    ).fetchall()
    keys = ("comment_id", "target_kind", "target_id", "author", "body", "created_at")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def delete_comment(con: duckdb.DuckDBPyConnection, comment_id: str, *, now: dt.datetime) -> None:
    """Soft-delete a comment (admins only; checked by the caller)."""
    found = con.execute(
        "SELECT 1 FROM comments WHERE comment_id = ? AND deleted_at IS NULL", [comment_id]
    ).fetchone()
    if not found:
        raise ApiError(404, f"comment {comment_id} not found")
    con.execute(
        "UPDATE comments SET deleted_at = ? WHERE comment_id = ?",
        [now.astimezone(dt.UTC).replace(tzinfo=None), comment_id],
    )


@router.get("/api/comments", tags=["comments"])
def comments_api(
    con: Con,
    target_kind: Annotated[str, Query(pattern="^(article|event|shift)$")],
    target_id: Annotated[str, Query(min_length=1, max_length=300)],
    format: TableFormat = TableFormat.json,
) -> Response:
    """Comments on one story, event or shift."""
    rows = list_comments(con, target_kind, target_id)
    return table_response(
        "comments", rows, format, {"items": rows, "empty_text": EMPTY_TEXT if not rows else None}
    )


@router.post(
    "/api/comments",
    tags=["comments"],
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": NewComment.model_json_schema()}},
        }
    },
)
def post_comment_api(
    request: Request, con: Con, payload: Annotated[Any, Body()] = None
) -> dict[str, Any]:
    """Post a comment: needs an analyst session and the ``X-CSRF-Token`` header.

    The session is checked before the body, so an anonymous POST always answers 401.
    """
    session = require(request, con, "analyst")
    check_csrf(request, con)
    try:
        comment = NewComment.model_validate(payload)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from exc
    item = add_comment(
        con,
        session.user,
        comment.target_kind,
        comment.target_id,
        comment.body,
        now=app_state(request).clock(),
    )
    return {"ok": True, "item": item}


@router.delete("/api/comments/{comment_id}", tags=["comments"])
def delete_comment_api(request: Request, con: Con, comment_id: str) -> dict[str, Any]:
    """Delete a comment: admins only, with the ``X-CSRF-Token`` header."""
    require(request, con, "admin")
    check_csrf(request, con)
    delete_comment(con, comment_id, now=app_state(request).clock())
    return {"ok": True, "deleted": comment_id}


def safe_next(target: str) -> str:
    """A local redirect target (never another site)."""
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.post("/comments", include_in_schema=False)
def post_comment_form(
    request: Request,
    con: Con,
    target_kind: Annotated[str, Form()],
    target_id: Annotated[str, Form()],
    body: Annotated[str, Form()],
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """The comment form under a story, event or shift."""
    session = require(request, con, "analyst")
    check_csrf(request, con, csrf_token)
    add_comment(con, session.user, target_kind, target_id, body, now=app_state(request).clock())
    return RedirectResponse(safe_next(next) + "#comments", status_code=303)


@router.post("/comments/{comment_id}/delete", include_in_schema=False)
def delete_comment_form(
    request: Request,
    con: Con,
    comment_id: str,
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """The admin's delete button."""
    require(request, con, "admin")
    check_csrf(request, con, csrf_token)
    delete_comment(con, comment_id, now=app_state(request).clock())
    return RedirectResponse(safe_next(next) + "#comments", status_code=303)
