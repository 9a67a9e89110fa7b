"""Acceptance: a real browser against a real server (slow; needs Debian's chromium).

Run: ``pytest -m slow tests/web/test_browser.py``. Screenshots go to artifacts/screenshots/.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from toneshift.web.state import WebSettings

from .live import live_server
from .seed import SENTENCE, STORY_TITLE

CHROMIUM = "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
XSS = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} missing: apt-get install -y chromium"
    ),
]


@pytest.fixture
def page(settings: WebSettings) -> Iterator[tuple[Any, str, list[str]]]:
    """A browser page, the live server's URL and the list of JS dialogs seen."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright")
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    with live_server(settings) as base, sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
        tab = context.new_page()
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        try:
            yield tab, base, dialogs
        finally:
            browser.close()


def test_analyst_journey(page: tuple[Any, str, list[str]]) -> None:
    tab, base, dialogs = page
    tab.goto(f"{base}/")
    tab.fill("input[name=b]", "Colo")
    tab.wait_for_function("document.querySelectorAll('#actors-b option').length > 0")
    tab.fill("input[name=a]", "USA")
    tab.fill("input[name=b]", "COL")
    tab.click("form.pick button[type=submit]")
    tab.wait_for_selector("#chart[data-ready='1'] svg")
    assert tab.locator("#chart svg polyline.goldstein").count() == 2
    assert tab.locator("#chart svg g.changepoint").count() >= 1
    assert "2026-01" in tab.locator("#chart svg g.changepoint text").first.text_content()
    tab.screenshot(path=str(SHOTS / "dyad_usa_col.png"), full_page=False)

    tab.locator("table.events a", has_text="article").first.click()
    tab.wait_for_selector("h1.story-title")
    assert STORY_TITLE in tab.locator("h1.story-title").inner_text()
    mark = tab.locator("mark.ev").first
    assert SENTENCE in mark.inner_text()
    mark.hover()
    assert "CAMEO 036" in tab.locator("mark.ev .tip").first.inner_text()
    assert "There are no comments for this story." in tab.locator(".thread").inner_text()
    tab.screenshot(path=str(SHOTS / "story_hover.png"))

    story_url = tab.url
    tab.click("text=Log in to comment")
    tab.click("text=Sign up")
    tab.fill("input[name=email]", "analyst@example.org")
    tab.fill("input[name=password]", "a long password")
    tab.click("form.account-form button[type=submit]")
    tab.wait_for_url(story_url)
    tab.fill("form.comment-form textarea", XSS)
    tab.click("form.comment-form button[type=submit]")
    tab.wait_for_selector("li.comment")
    assert tab.locator("li.comment .body").first.inner_text() == XSS
    assert tab.locator("li.comment img").count() == 0 and dialogs == []
    tab.locator("li.comment").first.scroll_into_view_if_needed()
    tab.screenshot(path=str(SHOTS / "story_comment.png"), full_page=True)


def test_feed_and_region_pages(page: tuple[Any, str, list[str]]) -> None:
    tab, base, _ = page
    tab.goto(f"{base}/shifts")
    assert tab.locator("article.card.shift").count() >= 1
    assert "follow-through" in tab.locator("article.card").first.inner_text()
    tab.screenshot(path=str(SHOTS / "shift_feed.png"), full_page=True)
    tab.goto(f"{base}/region")
    assert tab.locator("table.heat td.cell").count() > 10
    tab.screenshot(path=str(SHOTS / "region.png"))


def test_chromium_path_documented() -> None:
    assert shutil.which("chromium") in (CHROMIUM, None) or Path(CHROMIUM).exists()
