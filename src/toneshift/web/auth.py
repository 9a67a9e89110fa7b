"""Accounts and sessions: argon2 password hashes, roles, server-side sessions.

Roles, weakest first: ``viewer`` (reads), ``analyst`` (also comments), ``admin`` (also
deletes comments and sets roles). The first account ever created becomes admin, as does an
account signing up with the email given to ``toneshift serve --admin-email``; everyone else
gets ``WebSettings.default_role`` (viewer). Session tokens are random; only their SHA-256 is
stored, so a leaked database does not leak live sessions.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
import uuid
from dataclasses import dataclass

import duckdb
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from toneshift.errors import InputError

ROLES = ("viewer", "analyst", "admin")
EMAIL_RE = re.compile(r"^[^@\s<>\"']{1,64}@[^@\s<>\"']{1,190}\.[A-Za-z]{2,}$")
MIN_PASSWORD = 8
_hasher = PasswordHasher()


class AuthError(InputError):
    """Wrong email or password, or a request the account may not make."""


@dataclass(frozen=True)
class User:
    """A signed-up account."""

    user_id: str
    email: str
    role: str

    def can(self, role: str) -> bool:
        """Whether the user holds ``role`` or a stronger one."""
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class Session:
    """A live login: the user and the session's CSRF token."""

    user: User
    csrf: str


def _naive(now: dt.datetime) -> dt.datetime:
    return now.astimezone(dt.UTC).replace(tzinfo=None) if now.tzinfo else now


def token_hash(token: str) -> str:
    """What the sessions table stores for a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(
    con: duckdb.DuckDBPyConnection,
    email: str,
    password: str,
    *,
    now: dt.datetime,
    admin_email: str | None = None,
    default_role: str = "viewer",
) -> User:
    """Sign up an account; the first account (or ``admin_email``) becomes admin."""
    email = email.strip().lower()
    if not EMAIL_RE.match(email):
        raise InputError("email: not a valid email address")
    if len(password) < MIN_PASSWORD:
        raise InputError(f"password: at least {MIN_PASSWORD} characters")
    if con.execute("SELECT 1 FROM users WHERE email = ?", [email]).fetchone():
        raise InputError("email: an account with this email already exists")
    first = con.execute("SELECT count(*) FROM users").fetchone() == (0,)
    is_admin = first or (admin_email is not None and email == admin_email.strip().lower())
    role = "admin" if is_admin else default_role
    user = User(uuid.uuid4().hex, email, role)
    con.execute(
        "INSERT INTO users VALUES (?, ?, ?, ?, ?)",
        [user.user_id, email, _hasher.hash(password), role, _naive(now)],
    )
    return user


def authenticate(con: duckdb.DuckDBPyConnection, email: str, password: str) -> User:
    """The account for these credentials, else :class:`AuthError` (same message either way)."""
    row = con.execute(
        "SELECT user_id, email, role, password_hash FROM users WHERE email = ?",
        [email.strip().lower()],
    ).fetchone()
    try:
        if row is None:
            _hasher.hash(password)  # spend the same time as a real check
            raise VerificationError
        _hasher.verify(row[3], password)
    except (VerificationError, InvalidHashError) as exc:
        raise AuthError("wrong email or password") from exc
    return User(row[0], row[1], row[2])


def start_session(
    con: duckdb.DuckDBPyConnection, user: User, *, now: dt.datetime, days: int
) -> tuple[str, Session]:
    """Open a session; return the cookie token and the session."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    start = _naive(now)
    con.execute(
        "INSERT INTO sessions VALUES (?, ?, ?, ?, ?)",
        [token_hash(token), user.user_id, csrf, start, start + dt.timedelta(days=days)],
    )
    return token, Session(user, csrf)


def load_session(con: duckdb.DuckDBPyConnection, token: str, *, now: dt.datetime) -> Session | None:
    """The live session of a cookie token, or ``None``."""
    row = con.execute(
        """SELECT u.user_id, u.email, u.role, s.csrf_token FROM sessions s
           JOIN users u USING (user_id) WHERE s.session_hash = ? AND s.expires_at > ?""",
        [token_hash(token), _naive(now)],
    ).fetchone()
    return Session(User(row[0], row[1], row[2]), row[3]) if row else None


def end_session(con: duckdb.DuckDBPyConnection, token: str) -> None:
    """Log out: forget the session."""
    con.execute("DELETE FROM sessions WHERE session_hash = ?", [token_hash(token)])


def set_role(con: duckdb.DuckDBPyConnection, user_id: str, role: str) -> None:
    """Give an account a role (admins only; checked by the caller)."""
    if role not in ROLES:
        raise InputError(f"role: one of {', '.join(ROLES)}")
    if not con.execute("SELECT 1 FROM users WHERE user_id = ?", [user_id]).fetchone():
        raise InputError(f"user {user_id} not found")
    con.execute("UPDATE users SET role = ? WHERE user_id = ?", [role, user_id])


def list_users(con: duckdb.DuckDBPyConnection) -> list[dict[str, object]]:
    """Accounts, oldest first (no hashes)."""
    rows = con.execute(
        "SELECT user_id, email, role, created_at FROM users ORDER BY created_at, email"
    ).fetchall()
    return [{"user_id": u, "email": e, "role": r, "created_at": c} for u, e, r, c in rows]
