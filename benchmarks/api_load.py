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


def start_server(db: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """``toneshift serve`` in a subprocess, watching the USA–Latin America dyads."""
    exe = Path(sys.executable).with_name("toneshift")
    watch = [arg for c in LATAM for arg in ("--watch", f"USA-{c}")]
    cmd = [str(exe), "serve", "--db", str(db), "--port", str(port), *watch]
    with log.open("wb") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start: " + log.read_text(errors="replace")[-2000:])


def cold_dyads(base: str) -> list[float]:
    """Latency (ms) of /api/series for three dyads no client asked for (computed on demand)."""
    out = []
    for a, b in (("GBRGOV", "FRAGOV"), ("DEUGOV", "JPNGOV"), ("INDGOV", "TURGOV")):
        t0 = time.perf_counter()
        httpx.get(f"{base}/api/series?a={a}&b={b}", timeout=60)
        out.append(1000 * (time.perf_counter() - t0))
    return out


def request_mix(rng: random.Random, adhoc: float) -> str:
    """One API call of the mix an analyst's dashboard makes.

    Dyads are the watched USA–Latin America pairs, except a fraction ``adhoc`` of calls
    that pick any pair of the 24 countries (cold: computed on first use).
    """
    a, b = "USA", rng.choice(LATAM)
    if rng.random() < adhoc:
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
            "/api/shift-feed",
            "/api/articles",
            f"/api/actors?q={b[:2]}",
        ]
    )


async def client_loop(
    base: str, until: float, seed: int, adhoc: float, lat: list[float], errors: list[str]
) -> None:
    """One client: request after request until ``until``."""
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        while time.perf_counter() < until:
            url = request_mix(rng, adhoc)
            t0 = time.perf_counter()
            try:
                r = await client.get(url)
                if r.status_code != 200:
                    errors.append(f"{r.status_code} {url} {r.text[:120]}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {url}")
            lat.append(time.perf_counter() - t0)


async def drive(
    base: str, clients: int, seconds: float, adhoc: float
) -> tuple[list[float], list[str]]:
    """Run ``clients`` concurrent loops for ``seconds``."""
    lat: list[float] = []
    errors: list[str] = []
    until = time.perf_counter() + seconds
    await asyncio.gather(*(client_loop(base, until, i, adhoc, lat, errors) for i in range(clients)))
    return lat, errors


def pct(values: list[float], q: float) -> float:
    """The q-quantile in milliseconds."""
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def report(lat: list[float], errors: list[str], args: argparse.Namespace) -> bool:
    """Print the figures; whether the target was met."""
    print(
        f"cpus {os.cpu_count()}, clients {args.clients}, adhoc {args.adhoc:.0%}, "
        f"{args.seconds:.0f} s, {len(lat)} requests, {len(lat) / args.seconds:.0f} req/s"
    )
    print(
        f"latency ms: p50 {pct(lat, 0.5):.1f}  p90 {pct(lat, 0.9):.1f}  "
        f"p99 {pct(lat, 0.99):.1f}  max {1000 * max(lat, default=0):.1f}"
    )
    print(f"errors: {len(errors)}" + (f" (first: {errors[0]})" if errors else ""))
    ok = not errors and pct(lat, 0.99) < 300
    print("target p99 < 300 ms and 0 errors:", "met" if ok else "NOT met")
    return ok


def run(db: Path, args: argparse.Namespace) -> bool:
    """Serve ``db``, warm up, measure, print."""
    port = free_port()
    proc = start_server(db, port, db.with_suffix(".log"))
    try:
        base = f"http://127.0.0.1:{port}"
        warm_lat, warm_err = asyncio.run(drive(base, args.clients, args.warmup, args.adhoc))
        print(
            f"warm-up {args.warmup:.0f} s: {len(warm_lat)} requests, "
            f"p99 {pct(warm_lat, 0.99):.0f} ms, {len(warm_err)} errors"
        )
        lat, errors = asyncio.run(drive(base, args.clients, args.seconds, args.adhoc))
        ok = report(lat, errors, args)
        print("cold dyad /api/series ms:", ", ".join(f"{v:.0f}" for v in cold_dyads(base)))
        return ok
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> int:
    """Build (or reuse) the store, then run the load."""
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--warmup", type=float, default=10.0)
    ap.add_argument("--adhoc", type=float, default=0.0, help="share of calls on random dyads")
    ap.add_argument("--db", type=Path, help="reuse this store instead of building one")
    args = ap.parse_args()
    if args.db is not None and args.db.exists():
        return 0 if run(args.db, args) else 1
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        built = build_store(db, args.events)
        size = db.stat().st_size / 2**20
        print(f"built {args.events:,} events in {built:.1f} s ({size:.0f} MiB)")
        return 0 if run(db, args) else 1


if __name__ == "__main__":
    raise SystemExit(main())
