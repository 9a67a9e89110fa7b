"""Load test of the web API: ≥ 50 concurrent clients against ``toneshift serve`` on loopback.

Builds a synthetic store of N events (default 10,000,000) with DuckDB SQL in a temp folder,
starts the real server (``toneshift serve`` in a subprocess), warms up, then drives a mix of
API calls from C concurrent httpx async clients for D seconds and prints p50/p90/p99/max
latency, throughput and the error count. Target: p99 < 300 ms, 0 errors.

    python benchmarks/api_load.py [--events 10000000] [--clients 50] [--seconds 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from toneshift.store import EVENT_COLUMN_NAMES, DuckDBStore

COUNTRIES = (
    "USA",
    "COL",
    "VEN",
    "MEX",
    "BRA",
    "ARG",
    "CHL",
    "PER",
    "ECU",
    "BOL",
    "CUB",
    "NIC",
    "PAN",
    "CHN",
    "RUS",
    "GBR",
    "FRA",
    "DEU",
    "IND",
    "JPN",
    "IRN",
    "ISR",
    "UKR",
    "TUR",
)
LATAM = ("COL", "VEN", "MEX", "BRA", "ARG", "CHL", "PER", "ECU", "BOL", "CUB", "NIC", "PAN")


INNER = """SELECT range AS i,
    DATE '2015-01-01' + CAST(range * 4383 // {n} AS INTEGER) AS d,
    list_element({c}, 1 + CAST(hash(range) % {k} AS INTEGER)) AS s,
    list_element({c}, 1 + CAST(hash(range + 7) % {k} AS INTEGER)) AS t,
    CAST(1 + hash(range * 3) % 20 AS INTEGER) AS r
  FROM range({n})"""

OUTER = {
    "event_id": "'bench:' || i",
    "dataset": "'bench'",
    "original_id": "CAST(i AS VARCHAR)",
    "event_date": "d",
    "source_code": "s || 'GOV'",
    "source_country": "s",
    "source_sector": "'GOV'",
    "target_code": "t || 'GOV'",
    "target_country": "t",
    "target_sector": "'GOV'",
    "cameo": "lpad(CAST(r AS VARCHAR), 2, '0') || '0'",
    "cameo_root": "lpad(CAST(r AS VARCHAR), 2, '0')",
    "quad_class": "CAST(CASE WHEN r <= 5 THEN 1 WHEN r <= 9 THEN 2 WHEN r <= 14 THEN 3 ELSE 4 END"
    " AS TINYINT)",
    "goldstein": "round((hash(i * 5) % 200) / 10.0 - 10, 1)",
    "tone": "round((hash(i * 11) % 200) / 100.0 - 1, 2)",
    "mentions": "1",
    "num_sources": "1",
    "issues": "CASE hash(i) % 4 WHEN 0 THEN 'migration' WHEN 1 THEN 'drugs' ELSE '' END",
    "sentence": "'Synthetic sentence ' || i",
}


def build_store(path: Path, n: int) -> float:
    """Fill ``path`` with ``n`` synthetic events, in date order; return the seconds taken."""
    start = time.perf_counter()
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    inner = INNER.format(n=n, c=countries, k=len(COUNTRIES))
    cols = ", ".join(f"{OUTER.get(c, 'NULL')} AS {c}" for c in EVENT_COLUMN_NAMES)
    with DuckDBStore.open(path) as store:
        store.con.execute(f"INSERT INTO events SELECT {cols} FROM ({inner}) WHERE s <> t")
    return time.perf_counter() - start


def free_port() -> int:
    """A free loopback port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """``toneshift serve`` in a subprocess; waits until it answers."""
    exe = Path(sys.executable).with_name("toneshift")
    proc = subprocess.Popen(
        [str(exe), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(
        "server did not start: "
        + (proc.stderr.read() if proc.stderr else b"").decode(errors="replace")[-2000:]
    )


def request_mix(rng: random.Random) -> str:
    """One API call of the mix an analyst's dashboard makes."""
    a, b = "USA", rng.choice(LATAM)
    if rng.random() < 0.3:
        a, b = rng.sample(COUNTRIES, 2)
    year = rng.randint(2015, 2026)
    return rng.choice(
        [
            f"/api/series?a={a}&b={b}",
            f"/api/shifts?a={a}&b={b}",
            f"/api/events?a={a}&b={b}&dyad=true&limit=50",
            f"/api/events?a={a}&start={year}-01-01&end={year}-12-31&limit=100",
            f"/api/events?a={a}&b={b}&limit=20&offset={rng.randrange(0, 200, 20)}",
            "/api/dyads?limit=50",
            "/api/articles",
            f"/api/actors?q={b[:2]}",
        ]
    )


async def client_loop(
    base: str, until: float, seed: int, lat: list[float], errors: list[str]
) -> None:
    """One client: request after request until ``until``."""
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.perf_counter() < until:
            url = request_mix(rng)
            t0 = time.perf_counter()
            try:
                r = await client.get(url)
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {url} {r.text[:120]}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {url}")
            lat.append(time.perf_counter() - t0)


async def drive(base: str, clients: int, seconds: float) -> tuple[list[float], list[str]]:
    """Run ``clients`` concurrent loops for ``seconds``."""
    lat: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(client_loop(base, until, i, lat, errors) for i in range(clients)))
    return lat, errors


def pct(values: list[float], q: float) -> float:
    """The q-quantile in milliseconds."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> int:
    """Build, serve, warm up, measure, print."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--warmup", type=float, default=5.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        built = build_store(db, args.events)
        print(
            f"built {args.events:,} events in {built:.1f} s ({db.stat().st_size / 2**20:.0f} MiB)"
        )
        port = free_port()
        proc = start_server(db, port)
        try:
            base = f"http://127.0.0.1:{port}"
            warm_lat, warm_err = asyncio.run(drive(base, args.clients, args.warmup))
            print(
                f"warm-up: {len(warm_lat)} requests, p99 {pct(warm_lat, 0.99):.0f} ms, "
                f"{len(warm_err)} errors"
            )
            lat, errors = asyncio.run(drive(base, args.clients, args.seconds))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(
        f"cpus {os.cpu_count()}, clients {args.clients}, {args.seconds:.0f} s, "
        f"{len(lat)} requests, {len(lat) / args.seconds:.0f} req/s"
    )
    print(
        f"latency ms: p50 {pct(lat, 0.5):.1f}  p90 {pct(lat, 0.9):.1f}  "
        f"p99 {pct(lat, 0.99):.1f}  max {1000 * max(lat, default=0):.1f}"
    )
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    ok = not errors and pct(lat, 0.99) < 300
    print("target p99 < 300 ms and 0 errors:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
