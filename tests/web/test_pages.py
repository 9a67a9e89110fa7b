"""Server-rendered pages: each renders, links its JSON twin, and loads nothing remote."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from .seed import SENTENCE, STORY_ID, STORY_SUBTITLE, STORY_TITLE

EMPTY = "There are no comments for this story. Be the first to respond and start the conversation."


@pytest.mark.parametrize(
    ("path", "twin"),
    [
        ("/?a=USA&b=COL", "/api/series"),
        ("/shifts", "/api/shift-feed"),
        ("/region", "/api/region"),
        ("/articles", "/api/articles"),
        (f"/articles/{STORY_ID}", f"/api/articles/{STORY_ID}"),
    ],
)
def test_page_renders_and_links_twin(client: TestClient, path: str, twin: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert twin in response.text
    assert not re.search(r"(src|href)=\"https?://(?!example\.org)", response.text)


def test_story_page(client: TestClient) -> None:
    html = client.get(f"/articles/{STORY_ID}").text
    assert STORY_TITLE.replace("'", "&#39;") in html
    assert STORY_SUBTITLE in html
    assert re.search(r'<mark class="ev q1"[^>]*>' + re.escape(SENTENCE), html)
    assert "CAMEO 036" in html and "CONSULT" in html
    assert EMPTY in html


def test_dyad_page_lists_events_with_article_link(client: TestClient) -> None:
    html = client.get("/", params={"a": "USA", "b": "COL"}).text
    assert 'id="chart"' in html and f"/articles/{STORY_ID}" in html
    assert "warming" in html


def test_page_errors_are_html(client: TestClient) -> None:
    response = client.get("/articles/missing")
    assert response.status_code == 404 and "text/html" in response.headers["content-type"]
    assert client.get("/?a=us").status_code == 422


def test_cookies_flags(client: TestClient) -> None:
    response = client.get("/login")
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")
