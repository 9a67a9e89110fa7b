"""Feeds and ``watch``: RSS, Atom and a plain page served by a local HTTP server."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest
from http_support import Reply, Site, serve
from ingest_support import NOW

from toneshift.errors import InputError
from toneshift.ingest.feeds import add_feed, list_feeds, remove_feed
from toneshift.ingest.remote import Throttle
from toneshift.ingest.watch import Poller, watch

ARTICLE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body}</p><p>Officials in both capitals said talks would continue next week, and
diplomats from several neighbouring countries followed the meeting closely.</p>
</article></body></html>"""
RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><guid>w1</guid><title>Colombia and Venezuela sign border accord</title>
<link>{base}/a1.html</link><pubDate>Mon, 01 Sep 2025 10:00:00 GMT</pubDate>
<description>Colombia signed a border agreement with Venezuela.</description></item>
<item><guid>w2</guid><title>Brazil criticises Argentina</title><link>{base}/gone.html</link>
<description>&lt;p&gt;Brazil &lt;b&gt;criticized&lt;/b&gt; Argentina over trade.&lt;/p&gt;
</description>
</item></channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Desk</title><id>urn:desk</id><updated>2025-09-02T00:00:00Z</updated>
<entry><id>urn:desk:1</id><title>Russia threatens Ukraine</title>
<link href="{base}/a2.html"/><updated>2025-09-02T08:00:00Z</updated>
<summary>Russia threatened Ukraine.</summary></entry></feed>"""
LAST_MOD = "Tue, 02 Sep 2025 08:00:00 GMT"


def _site() -> Site:
    site = Site()
    site.routes["/a1.html"] = Reply(ARTICLE.format(
        title="Colombia and Venezuela sign border accord",
        body="Colombia signed a border agreement with Venezuela on Monday in Caracas.",
    ).encode())  # fmt: skip
    site.routes["/a2.html"] = Reply(ARTICLE.format(
        title="Russia threatens Ukraine", body="Russia threatened Ukraine with new strikes.",
    ).encode())  # fmt: skip
    site.routes["/page.html"] = Reply(ARTICLE.format(
        title="Japan praises India", body="Japan praised India for its help after the storm.",
    ).encode())  # fmt: skip
    return site


def _feeds(site: Site) -> None:
    rss = RSS.format(base=site.base).encode()
    atom = ATOM.format(base=site.base).encode()
    site.routes["/rss.xml"] = [Reply(rss, headers={"ETag": '"r1"'}), Reply(status=304)]
    site.routes["/atom.xml"] = [Reply(atom, headers={"Last-Modified": LAST_MOD}), Reply(status=304)]


class FakeTime:
    """A clock that only moves when slept on."""

    def __init__(self) -> None:
        self.t = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds


def _analyze_stub(store, article, now):
    store.save_article(article, [], now=now)
    return 0


def _poller(client, fake: FakeTime, analyze=None) -> Poller:
    throttle = Throttle(delay=1.5, sleep=fake.sleep, clock=fake.clock)
    kw = {"analyze": analyze} if analyze else {}
    return Poller(client=client, throttle=throttle, now=lambda: NOW, **kw)


def test_add_list_remove(store):
    assert add_feed(store, "https://example.org/rss", now=NOW)
    assert not add_feed(store, "https://example.org/rss", now=NOW)
    with pytest.raises(InputError):
        add_feed(store, "ftp://example.org/rss", now=NOW)
    assert [f.url for f in list_feeds(store)] == ["https://example.org/rss"]
    assert remove_feed(store, "https://example.org/rss") and list_feeds(store) == []


def test_watch_codes_new_entries_once(store):
    site = _site()
    fake = FakeTime()
    with serve(site), httpx.Client() as client:
        _feeds(site)
        for path in ("/rss.xml", "/atom.xml", "/page.html"):
            add_feed(store, site.base + path, now=NOW)
        poller = _poller(client, fake)
        first = poller.poll_all(store)
        assert (first.feeds, first.new_entries, first.stored, first.from_summary) == (3, 4, 4, 1)
        assert first.events >= 2 and first.errors == []
        counts = (store.count("articles"), store.count("events"), store.count("feed_items"))
        second = poller.poll_all(store)
    assert (second.not_modified, second.new_entries, second.stored) == (2, 0, 0)
    assert (store.count("articles"), store.count("events"), store.count("feed_items")) == counts
    conditional = [h for p, h in site.log if p in ("/rss.xml", "/atom.xml")][2:]
    assert {h.get("If-None-Match") or h.get("If-Modified-Since") for h in conditional} == {
        '"r1"',
        LAST_MOD,
    }
    kinds = {f.url.rsplit("/", 1)[1]: (f.kind, f.last_status) for f in list_feeds(store)}
    assert kinds == {
        "rss.xml": ("feed", 304),
        "atom.xml": ("feed", 304),
        "page.html": ("page", 200),
    }
    summary = store.con.execute("SELECT body, published FROM articles WHERE url LIKE '%gone%'")
    body, published = summary.fetchone()
    assert body == "Brazil criticises Argentina\nBrazil criticized Argentina over trade."
    assert published is None  # the item has no date
    dated = store.con.execute("SELECT published FROM articles WHERE url LIKE '%a1.html'")
    assert dated.fetchone() == (dt.date(2025, 9, 1),)


def test_politeness_delay_per_host(store):
    site = _site()
    fake = FakeTime()
    with serve(site), httpx.Client() as client:
        _feeds(site)
        add_feed(store, site.base + "/rss.xml", now=NOW)
        _poller(client, fake, _analyze_stub).poll_all(store)
    assert [p for p, _ in site.log] == ["/rss.xml", "/a1.html", "/gone.html"]
    assert fake.sleeps == [1.5, 1.5]


def test_watch_loop_rounds_and_errors(tmp_path):
    from toneshift.store.duckdb_store import DuckDBStore

    fake = FakeTime()
    db = tmp_path / "w.duckdb"
    site = Site()
    with serve(site), httpx.Client() as client:
        with DuckDBStore.open(db) as store:
            add_feed(store, site.base + "/missing.xml", now=NOW)
        rounds = []
        total = watch(
            lambda: DuckDBStore.open(db), _poller(client, fake, _analyze_stub), every=60,
            sleep=fake.sleep, rounds=2, on_round=rounds.append,
        )  # fmt: skip
    assert len(rounds) == 2 and len(total.errors) == 2 and "HTTP 404" in total.errors[0][1]
    assert fake.sleeps == [60]
    with DuckDBStore.open(db) as store:
        assert list_feeds(store)[0].last_error.endswith("HTTP 404")


def test_cli_feeds_and_watch_once_twice(tmp_path, capsys):
    from toneshift.cli import main

    db = str(tmp_path / "c.duckdb")
    site = _site()
    with serve(site):
        _feeds(site)
        assert (
            main(["feeds", "add", site.base + "/rss.xml", site.base + "/atom.xml", "--db", db]) == 0
        )
        assert main(["feeds", "list", "--db", db, "--json"]) == 0
        capsys.readouterr()
        assert main(["watch", "--once", "--delay", "0", "--db", db, "--json"]) == 0
        first = json.loads(capsys.readouterr().out)
        assert main(["watch", "--once", "--delay", "0", "--db", db, "--json"]) == 0
        second = json.loads(capsys.readouterr().out)
    assert first["new_entries"] == 3 and first["stored"] == 3
    assert second["new_entries"] == 0 and second["not_modified"] == 2
