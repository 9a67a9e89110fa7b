"""The one seam between the web app and the library functions other modules provide.

The web layer calls analytics, coding and ingest only through this module. Each function
imports its library counterpart lazily and uses it when present; while a counterpart is not
yet available, a small, clearly-labelled fallback (plain SQL over ``events``) keeps the app
usable. Results are normalised to lists of plain dicts so routes can serialise them.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import importlib
import math
from collections.abc import Callable, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

import duckdb

from toneshift.errors import InputError, ModelError

DIRECTED = "(source_country = ? OR source_code = ?) AND (target_country = ? OR target_code = ?)"


def _library(module: str, name: str) -> Callable[..., Any] | None:
    """``module.name`` when importable, else ``None``."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


WARM_MODULES = (
    "toneshift.analytics.series",
    "toneshift.analytics.changepoints",
    "toneshift.analytics.drivers",
    "toneshift.analytics.followthrough",
    "toneshift.analytics.region",
)


def warm_up() -> None:
    """Import the analytics modules and load the actor table once, before the first request."""
    for module in WARM_MODULES:
        try:
            importlib.import_module(module)
        except ImportError:
            continue
    actor_search("US", 1)


def records(value: Any) -> list[dict[str, Any]]:
    """A library result (records, a DataFrame or dataclasses) as a list of dicts."""
    if hasattr(value, "to_dict") and hasattr(value, "columns"):
        return [dict(r) for r in value.to_dict(orient="records")]
    out = []
    for item in value or []:
        out.append(dict(item) if isinstance(item, dict) else dict(vars(item)))
    return out


def _period_sql(freq: str) -> str:
    unit = {"week": "week", "quarter": "quarter", "year": "year"}.get(freq, "month")
    return f"CAST(date_trunc('{unit}', event_date) AS DATE)"


def _fallback_series(con: duckdb.DuckDBPyConnection, a: str, b: str, freq: str) -> list[dict]:
    out: list[dict[str, Any]] = []
    for src, tgt in ((a, b), (b, a)):
        rows = con.execute(
            f"""SELECT {_period_sql(freq)} AS period, count(*), avg(goldstein),
                   sum(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END)
                   - sum(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END), avg(tone)
                FROM events WHERE {DIRECTED} AND event_date IS NOT NULL
                GROUP BY 1 ORDER BY 1""",
            [src, src, tgt, tgt],
        ).fetchall()
        for period, n, gold, net, tone in rows:
            out.append(
                {
                    "period": period,
                    "direction": f"{src}->{tgt}",
                    "events": n,
                    "goldstein_mean": gold,
                    "net_cooperation": net,
                    "tone_mean": tone,
                }
            )
    return out


def series_records(con: duckdb.DuckDBPyConnection, a: str, b: str, freq: str = "month") -> list:
    """Both directed series of the dyad, one record per direction and period."""
    lib = _library("toneshift.analytics.series", "series_records")
    if lib is not None:
        return records(lib(con, a, b, freq=freq))
    return _fallback_series(con, a, b, freq)


def _best_split(values: Sequence[float], margin: int = 3) -> tuple[int, float, float]:
    """Index, t-like score and mean change of the single best mean shift in ``values``."""
    best = (0, 0.0, 0.0)
    n = len(values)
    for i in range(margin, n - margin + 1):
        left, right = values[:i], values[i:]
        mean_l, mean_r = sum(left) / len(left), sum(right) / len(right)
        var = sum((v - mean_l) ** 2 for v in left) + sum((v - mean_r) ** 2 for v in right)
        sd = math.sqrt(var / max(n - 2, 1)) or 1e-9
        score = abs(mean_r - mean_l) / (sd * math.sqrt(1 / len(left) + 1 / len(right)))
        if score > best[1]:
            best = (i, score, mean_r - mean_l)
    return best


def _fallback_shifts(con: duckdb.DuckDBPyConnection, a: str, b: str, freq: str) -> list[dict]:
    out = []
    series = _fallback_series(con, a, b, freq)
    for direction in (f"{a}->{b}", f"{b}->{a}"):
        rows = [
            r for r in series if r["direction"] == direction and r["goldstein_mean"] is not None
        ]
        values = [float(r["goldstein_mean"]) for r in rows]
        i, score, change = _best_split(values)
        if i == 0 or score < 4.0 or abs(change) < 1.0:
            continue
        out.append(
            {
                "date": rows[i]["period"],
                "dyad": direction,
                "direction": "warming" if change > 0 else "cooling",
                "goldstein_before": sum(values[:i]) / i,
                "goldstein_after": sum(values[i:]) / (len(values) - i),
                "confidence": round(1 - math.exp(-score / 4), 3),
                "events_before": sum(r["events"] for r in rows[:i]),
                "events_after": sum(r["events"] for r in rows[i:]),
            }
        )
    return out


def shift_records(con: duckdb.DuckDBPyConnection, a: str, b: str, freq: str = "month") -> list:
    """Detected change points of the dyad (both directions)."""
    lib = _library("toneshift.analytics.changepoints", "shift_records")
    if lib is not None:
        return records(lib(con, a, b, freq=freq))
    return _fallback_shifts(con, a, b, freq)


def _fallback_why_now(con: duckdb.DuckDBPyConnection, a: str, b: str, day: dt.date) -> dict:
    window = [day - dt.timedelta(days=60), day + dt.timedelta(days=60)]
    rows = con.execute(
        f"""SELECT trim(issue) AS issue, count(*) AS n FROM (
               SELECT unnest(string_split(issues, ',')) AS issue FROM events
               WHERE (({DIRECTED}) OR ({DIRECTED})) AND event_date BETWEEN ? AND ?
                 AND issues IS NOT NULL AND issues <> '')
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5""",
        [a, a, b, b, b, b, a, a, *window],
    ).fetchall()
    return {
        "drivers": {
            "issue": [{"key": i, "events_after": n, "contribution": None} for i, n in rows]
        },
        "source": "fallback",
    }


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return value


def why_now(con: duckdb.DuckDBPyConnection, a: str, b: str, shift: dict[str, Any]) -> dict:
    """What drove a shift: the library's drivers, else the issues most mentioned around it."""
    lib = _library("toneshift.analytics.drivers", "why_now")
    day = _as_date(shift.get("date"))
    if lib is not None:
        result = _plain(lib(con, a, b, day))
        return result if isinstance(result, dict) else {"drivers": records(result)}
    return _fallback_why_now(con, a, b, day)


def _status(rates: list[dict[str, Any]]) -> str:
    gestures = sum(int(r.get("gestures") or 0) for r in rates)
    kept = sum(int(r.get("fulfilled") or 0) for r in rates)
    pending = sum(int(r.get("pending") or 0) for r in rates)
    if gestures == 0:
        return "no gestures"
    if kept:
        return f"followed through ({kept} of {gestures - pending} gestures)"
    return "pending" if pending else "not followed through"


def followthrough(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    shift: dict[str, Any],
    today: dt.date,
    days: int = 90,
) -> str:
    """Did verbal gestures after the shift become deeds within ``days``?"""
    day = _as_date(shift.get("date"))
    lib = _library("toneshift.analytics.followthrough", "follow_through")
    if lib is not None:
        return _status(records(_plain(lib(con, a, b, days=days, start=day)).get("rates", [])))
    row = con.execute(
        f"""SELECT count(*) FROM events WHERE (({DIRECTED}) OR ({DIRECTED}))
            AND quad_class = 2 AND event_date BETWEEN ? AND ?""",
        [a, a, b, b, b, b, a, a, day, day + dt.timedelta(days=days)],
    ).fetchone()
    if row and row[0]:
        return "followed through"
    return "pending" if (today - day).days < days else "not followed through"


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


@cache
def _countries() -> tuple[tuple[str, str, str], ...]:
    text = files("toneshift.data").joinpath("actors/countries.csv").read_text(encoding="utf-8")
    return tuple((r["code"], r["name"], r["region"]) for r in csv.DictReader(text.splitlines()))


def region_members(region: str) -> list[str]:
    """Country codes of a region, from the packaged actor table."""
    return [code for code, _, reg in _countries() if reg == region]


def _combine(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Library rows (power, country, direction, period_start...) as undirected cells."""
    cells: dict[tuple[str, str, str], list[float]] = {}
    for r in rows:
        key = (str(r["power"]), str(r["country"]), str(r.get("period_start", r.get("period"))))
        n, g = float(r.get("events") or 0), r.get("goldstein_mean")
        acc = cells.setdefault(key, [0.0, 0.0])
        acc[0] += n
        acc[1] += n * float(g) if g is not None and g == g else 0.0
    return [
        {
            "hegemon": p,
            "partner": c,
            "period": per[:10],
            "events": int(n),
            "goldstein_mean": tot / n if n else None,
        }
        for (p, c, per), (n, tot) in sorted(cells.items())
    ]


def _fallback_region(
    con: duckdb.DuckDBPyConnection, power: str, members: list[str], freq: str
) -> list[dict[str, Any]]:
    rows = con.execute(
        f"""SELECT CASE WHEN source_country = ? THEN target_country ELSE source_country END,
                   {_period_sql(freq)}, count(*), avg(goldstein)
            FROM events WHERE event_date IS NOT NULL AND (
              (source_country = ? AND list_contains(?, target_country)) OR
              (target_country = ? AND list_contains(?, source_country)))
            GROUP BY 1, 2 ORDER BY 1, 2""",
        [power, power, members, power, members],
    ).fetchall()
    return [
        {"hegemon": power, "partner": p, "period": str(per), "events": n, "goldstein_mean": g}
        for p, per, n, g in rows
    ]


def region_matrix(
    con: duckdb.DuckDBPyConnection,
    hegemon: str,
    region: str,
    rivals: Sequence[str] = ("CHN", "RUS"),
    freq: str = "month",
) -> list[dict[str, Any]]:
    """Cells (power, partner, period, events, mean Goldstein, both directions together)
    for the hegemon and its rivals with each country of ``region``."""
    lib = _library("toneshift.analytics.region", "region_matrix")
    powers = [hegemon, *[r for r in rivals if r != hegemon]]
    if lib is not None:
        return _combine(
            records(lib(con, hegemon=hegemon, region=region, freq=freq, rivals=tuple(powers[1:])))
        )
    members = [m for m in region_members(region) if m not in powers]
    return [c for p in powers for c in _fallback_region(con, p, members, freq)]


def actor_search(prefix: str, limit: int = 10) -> list[tuple[str, str]]:
    """Type-ahead over actor codes and names."""
    lib = _library("toneshift.coding.actors", "default_actor_table")
    if lib is not None:
        return list(lib().search(prefix, limit))
    q = prefix.strip().lower()
    hits = [
        (c, n) for c, n, _ in _countries() if c.lower().startswith(q) or n.lower().startswith(q)
    ]
    return hits[:limit]


def analyze_text(text: str, *, date: dt.date, title: str = "", url: str | None = None) -> Any:
    """Code a text into (Article, events) with the library coder."""
    lib = _library("toneshift.coding.pipeline", "analyze_text")
    if lib is None:
        raise ModelError("the event coder (toneshift.coding.pipeline) is not installed")
    return lib(text, date=date, title=title, url=url)


def ingest_paths(store: Any, paths: Sequence[str], *, fmt: str, now: dt.datetime) -> dict:
    """Run the library ingest into ``store``; return its counts."""
    lib = _library("toneshift.ingest", "ingest_paths")
    if lib is None:
        raise ModelError("toneshift.ingest is not installed")
    result = lib(store, list(paths), fmt=fmt, now=now)
    if hasattr(result, "as_dict"):
        return dict(result.as_dict())
    plain = _plain(result)
    return plain if isinstance(plain, dict) else dict(vars(result))


def fetch_and_analyze(store: Any, url: str, *, now: dt.datetime, timeout: float = 20.0) -> str:
    """Fetch a page, code its article and store it; return the article id."""
    import httpx

    fetch = _library("toneshift.ingest.web_page", "fetch_articles")
    analyze = _library("toneshift.coding.pipeline", "analyze_article")
    if fetch is None or analyze is None:
        raise ModelError("fetching and coding URLs needs toneshift.ingest and toneshift.coding")
    with httpx.Client(timeout=timeout, follow_redirects=True) as client:
        articles = fetch(url, client=client, date=now.date())
    if not articles:
        raise InputError(f"{url}: no article found")
    described, _ = analyze(store, articles[0], now=now)
    return str(described.id)
