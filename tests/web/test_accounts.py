"""Accounts, CSRF, roles and comments, including stored XSS."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from toneshift.web.app import create_app
from toneshift.web.state import WebSettings

from .seed import NOW, STORY_ID

XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def form_token(client: TestClient, path: str) -> str:
    html = client.get(path).text
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, f"no CSRF field on {path}"
    return match.group(1)


def signup(client: TestClient, email: str, password: str = "correct horse") -> None:
    token = form_token(client, "/signup")
    data = {"email": email, "password": password, "csrf_token": token, "next": "/"}
    response = client.post("/signup", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text


def api_token(client: TestClient) -> str:
    return str(client.get("/api/auth/me").json()["csrf_token"])


def test_first_user_is_admin_then_viewers(client: TestClient) -> None:
    signup(client, "first@example.org")
    assert client.get("/api/auth/me").json()["user"]["role"] == "admin"
    client.cookies.clear()
    signup(client, "second@example.org")
    assert client.get("/api/auth/me").json()["user"]["role"] == "viewer"


def test_admin_email_setting(settings: WebSettings) -> None:
    app = create_app(WebSettings(db=settings.db, admin_email="boss@example.org"), clock=lambda: NOW)
    with TestClient(app) as c:
        signup(c, "someone@example.org")
        c.cookies.clear()
        signup(c, "BOSS@example.org")
        assert c.get("/api/auth/me").json()["user"]["role"] == "admin"


def test_password_is_hashed_with_argon2(client: TestClient) -> None:
    signup(client, "hash@example.org", "s3cret-password")
    con = client.app.state.ts.store.con  # type: ignore[attr-defined]
    stored = con.execute("SELECT password_hash FROM users").fetchone()[0]
    assert stored.startswith("$argon2") and "s3cret" not in stored


def test_session_cookie_flags(settings: WebSettings) -> None:
    app = create_app(WebSettings(db=settings.db, secure_cookies=True), clock=lambda: NOW)
    with TestClient(app, base_url="https://testserver") as c:
        token = form_token(c, "/signup")
        r = c.post(
            "/signup",
            data={"email": "s@example.org", "password": "12345678x", "csrf_token": token},
            follow_redirects=False,
        )
        cookie = next(v for k, v in r.headers.multi_items() if v.startswith("ts_session="))
        assert "ts_session=" in cookie
        assert "HttpOnly" in cookie and "Secure" in cookie and "samesite=lax" in cookie.lower()


def test_login_wrong_password_and_logout(client: TestClient) -> None:
    signup(client, "me@example.org", "right-password")
    client.cookies.clear()
    token = form_token(client, "/login")
    bad = client.post(
        "/login", data={"email": "me@example.org", "password": "wrong-pass", "csrf_token": token}
    )
    assert bad.status_code == 400 and "wrong email or password" in bad.text
    good = client.post(
        "/login",
        data={"email": "me@example.org", "password": "right-password", "csrf_token": token},
        follow_redirects=False,
    )
    assert good.status_code == 303
    assert client.get("/api/auth/me").json()["user"]["email"] == "me@example.org"
    out = client.post("/api/auth/logout", headers={"X-CSRF-Token": api_token(client)})
    assert out.status_code == 200
    assert client.get("/api/auth/me").json()["user"] is None


def test_forms_need_csrf(client: TestClient) -> None:
    client.get("/signup")
    r = client.post("/signup", data={"email": "x@example.org", "password": "12345678"})
    assert r.status_code == 403
    signup(client, "x@example.org")
    r = client.post(
        "/comments",
        data={
            "target_kind": "article",
            "target_id": STORY_ID,
            "body": "hi",
            "csrf_token": "forged",
        },
    )
    assert r.status_code == 403


def test_post_comment_without_session_is_401(client: TestClient) -> None:
    for body in ({"target_kind": "article", "target_id": STORY_ID, "body": "hello"}, {}, None):
        r = client.post("/api/comments", json=body)
        assert r.status_code == 401
        assert r.json() == {"ok": False, "error": r.json()["error"], "status": 401}


def test_bad_comment_body_is_422_in_error_shape(client: TestClient) -> None:
    signup(client, "v@example.org")
    r = client.post(
        "/api/comments",
        json={"target_kind": "nope", "target_id": "x", "body": ""},
        headers={"X-CSRF-Token": api_token(client)},
    )
    assert r.status_code == 422 and set(r.json()) == {"ok", "error", "status"}


def test_api_comment_needs_csrf_header(client: TestClient) -> None:
    signup(client, "a@example.org")
    body = {"target_kind": "article", "target_id": STORY_ID, "body": "hello"}
    assert client.post("/api/comments", json=body).status_code == 403
    ok = client.post("/api/comments", json=body, headers={"X-CSRF-Token": api_token(client)})
    assert ok.status_code == 201 and ok.json()["item"]["body"] == "hello"


def test_viewer_cannot_comment_admin_deletes(client: TestClient) -> None:
    signup(client, "admin@example.org")
    admin_cookies = dict(client.cookies)
    client.cookies.clear()
    signup(client, "viewer@example.org")
    body = {"target_kind": "event", "target_id": "e1", "body": "mine"}
    r = client.post("/api/comments", json=body, headers={"X-CSRF-Token": api_token(client)})
    assert r.status_code == 403
    viewer_id = client.get("/api/auth/me").json()["user"]["user_id"]
    client.cookies.clear()
    client.cookies.update(admin_cookies)
    h = {"X-CSRF-Token": api_token(client)}
    assert (
        client.post(f"/api/users/{viewer_id}/role", json={"role": "analyst"}, headers=h).json()[
            "role"
        ]
        == "analyst"
    )
    posted = client.post("/api/comments", json=body, headers=h).json()["item"]
    gone = client.delete(f"/api/comments/{posted['comment_id']}", headers=h)
    assert gone.status_code == 200
    listed = client.get("/api/comments", params={"target_kind": "event", "target_id": "e1"})
    assert listed.json()["items"] == []


def test_stored_xss_is_rendered_as_text(client: TestClient) -> None:
    signup(client, "analyst@example.org")
    for payload in XSS:
        token = form_token(client, f"/articles/{STORY_ID}")
        r = client.post(
            "/comments",
            data={
                "target_kind": "article",
                "target_id": STORY_ID,
                "body": payload,
                "csrf_token": token,
                "next": f"/articles/{STORY_ID}",
            },
            follow_redirects=False,
        )
        assert r.status_code == 303
    html = client.get(f"/articles/{STORY_ID}").text
    assert "<script>alert(1)</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    api = client.get("/api/comments", params={"target_kind": "article", "target_id": STORY_ID})
    assert sorted(c["body"] for c in api.json()["items"]) == sorted(XSS)


def test_open_redirect_is_refused(client: TestClient) -> None:
    token = form_token(client, "/signup")
    r = client.post(
        "/signup",
        data={
            "email": "r@example.org",
            "password": "12345678",
            "csrf_token": token,
            "next": "//evil.example",
        },
        follow_redirects=False,
    )
    assert r.headers["location"] == "/"
