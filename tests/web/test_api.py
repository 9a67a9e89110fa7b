"""The JSON API over a seeded store: views, filters, paging, downloads, the error shape."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from .seed import STORY_ID


def test_series_has_both_directions(client: TestClient) -> None:
    body = client.get("/api/series", params={"a": "USA", "b": "COL"}).json()
    assert body["ok"] is True
    assert {r["direction"] for r in body["items"]} == {"USA->COL", "COL->USA"}
    assert {"events", "goldstein_mean", "net_cooperation", "tone_mean"} <= set(body["items"][0])


def test_planted_warming_is_detected(client: TestClient) -> None:
    items = client.get("/api/shifts", params={"a": "USA", "b": "COL"}).json()["items"]
    assert items, "the planted 2026-01 warming should be found"
    assert all(s["direction"] == "warming" for s in items)
    assert any(str(s["date"]).startswith("2026-01") for s in items)


def test_shift_feed_explains_and_orders(client: TestClient) -> None:
    items = client.get("/api/shift-feed").json()["items"]
    assert items and {"why_now", "followthrough", "magnitude"} <= set(items[0])
    mags = [s["magnitude"] for s in items]
    assert mags == sorted(mags, reverse=True)


def test_region_view(client: TestClient) -> None:
    body = client.get("/api/region").json()
    assert body["hegemon"] == "USA" and "COL" in body["partners"]
    assert any(c["partner"] == "COL" for c in body["cells"])


def test_events_cursor_paging_covers_all(client: TestClient) -> None:
    params = {"a": "USA", "b": "COL", "dyad": "true", "limit": 100}
    seen, cursor = [], None
    while True:
        page = client.get(
            "/api/events", params={**params, **({"cursor": cursor} if cursor else {})}
        )
        body = page.json()
        seen += [e["event_id"] for e in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 35 * 6 * 2 + 1


def test_events_offset_and_filters(client: TestClient) -> None:
    body = client.get(
        "/api/events",
        params={"a": "USA", "b": "COL", "start": "2026-01-01", "end": "2026-01-31", "limit": 3},
    ).json()
    assert len(body["items"]) == 3
    assert all(e["event_date"].startswith("2026-01") for e in body["items"])
    second = client.get("/api/events", params={"a": "USA", "limit": 3, "offset": 3}).json()
    assert second["offset"] == 3 and len(second["items"]) == 3


@pytest.mark.parametrize(
    "query",
    [
        {"a": "usa"},
        {"a": "US"},
        {"start": "2026-13-01"},
        {"start": "yesterday"},
        {"limit": 1001},
        {"limit": 0},
        {"offset": -1},
        {"start": "2026-02-01", "end": "2026-01-01"},
        {"format": "xlsx"},
        {"cursor": "!!!"},
    ],
)
def test_bad_filters_answer_the_error_shape(client: TestClient, query: dict) -> None:
    response = client.get("/api/events", params=query)
    assert 400 <= response.status_code < 500
    body = response.json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == response.status_code and body["error"]


def test_error_shape_for_404_and_405(client: TestClient) -> None:
    for response in (
        client.get("/api/nowhere"),
        client.get("/api/articles/nope"),
        client.put("/api/series"),
    ):
        assert response.json() == {
            "ok": False,
            "error": response.json()["error"],
            "status": response.status_code,
        }
        assert response.status_code in (404, 405)


def test_csv_and_parquet_downloads(client: TestClient) -> None:
    csv_resp = client.get("/api/events", params={"a": "USA", "limit": 5, "format": "csv"})
    assert csv_resp.headers["content-type"].startswith("text/csv")
    lines = csv_resp.text.strip().splitlines()
    assert lines[0].startswith("event_id,event_date") and len(lines) == 6
    pq_resp = client.get("/api/series", params={"a": "USA", "b": "COL", "format": "parquet"})
    table = pq.read_table(io.BytesIO(pq_resp.content))
    assert table.num_rows > 0 and "direction" in table.column_names
    for path in ("/api/dyads", "/api/shift-feed", "/api/region", "/api/articles"):
        assert client.get(path, params={"format": "csv"}).status_code == 200


def test_article_with_events(client: TestClient) -> None:
    item = client.get(f"/api/articles/{STORY_ID}").json()["item"]
    assert item["body"] and len(item["events"]) == 1
    ev = item["events"][0]
    assert item["body"][ev["span_start"] : ev["span_end"]] == ev["sentence"]


def test_actor_typeahead(client: TestClient) -> None:
    items = client.get("/api/actors", params={"q": "Colo"}).json()["items"]
    assert any(i["code"].startswith("COL") for i in items)


def test_openapi_and_local_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/comments" in spec["paths"]
    docs = client.get("/docs").text
    assert "/api/events" in docs and "cdn" not in docs.lower()
