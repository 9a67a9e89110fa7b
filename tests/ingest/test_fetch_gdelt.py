"""``fetch_gdelt`` and ``toneshift gdelt fetch`` against a local HTTP server with small zips."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from pathlib import Path

import httpx
import pytest
from http_support import Reply, Site, serve
from ingest_support import FIX, NOW

from toneshift.errors import FetchError, InputError
from toneshift.ingest.fetch_gdelt import fetch_gdelt, file_names, parse_v1_lists
from toneshift.ingest.remote import RetryPolicy

DAY = dt.date(2025, 9, 1)


def _zip(name: str, first_id: int, rows: int, fixture: str = "gdelt2_events.csv") -> bytes:
    tails = [ln.split("\t", 1)[1] for ln in (FIX / fixture).read_text().splitlines()[:2]]
    text = "".join(f"{first_id + i}\t{tails[i % 2]}\n" for i in range(rows))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name.removesuffix(".zip"), text)
    return buf.getvalue()


def _v2_site(files: dict[str, bytes], listed: list[str] | None = None) -> Site:
    site = Site()
    lines = []
    for name in listed if listed is not None else list(files):
        body = files[name]
        lines.append(f"{len(body)} {hashlib.md5(body).hexdigest()} http://x/gdeltv2/{name}")
        lines.append(f"1 {'0' * 32} http://x/gdeltv2/{name.replace('export', 'mentions')}")
    site.routes["/gdeltv2/masterfilelist.txt"] = Reply("\n".join(lines).encode())
    for name, body in files.items():
        site.routes[f"/gdeltv2/{name}"] = Reply(body)
    return site


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _fetch(store, site: Site, dest: Path, sleep: Sleeps, **kw):
    with httpx.Client() as client:
        return fetch_gdelt(
            store, start=DAY, end=DAY, dest=dest, client=client, sleep=sleep, now=NOW,
            base_url=site.base + "/gdeltv2/", policy=RetryPolicy(attempts=3, backoff=0.5), **kw,
        )  # fmt: skip


def test_file_names_cover_the_utc_days():
    v2 = file_names(DAY, DAY + dt.timedelta(days=1), 2)
    assert len(v2) == 192 and v2[0] == "20250901000000.export.CSV.zip"
    assert v2[-1] == "20250902234500.export.CSV.zip"
    assert file_names(DAY, DAY, 1) == ["20250901.export.CSV.zip"]
    with pytest.raises(InputError):
        file_names(DAY, DAY - dt.timedelta(days=1), 2)


def test_fetch_verifies_ingests_and_resumes(store, tmp_path):
    names = file_names(DAY, DAY, 2)[:3]
    files = {n: _zip(n, 100 * (i + 1), 4) for i, n in enumerate(names)}
    site = _v2_site(files)
    site.routes[f"/gdeltv2/{names[1]}"] = [Reply(b"busy", 503), Reply(files[names[1]])]
    sleep = Sleeps()
    with serve(site):
        report = _fetch(store, site, tmp_path, sleep)
        assert report.downloaded == names and len(report.missing) == 93
        assert report.ingest.loaded == 12 and store.count("events") == 12
        assert sleep == [0.5]  # one retry after the 503
        assert not list(tmp_path.glob("*.part"))
        again = _fetch(store, site, tmp_path, sleep)
    assert again.verified == names and again.downloaded == []
    assert again.ingest.loaded == 0 and store.count("events") == 12
    assert sum(site.hits(f"/gdeltv2/{n}") for n in names) == 4


def test_corrupt_file_is_retried_then_refused(store, tmp_path):
    names = file_names(DAY, DAY, 2)[:2]
    files = {n: _zip(n, 100 * (i + 1), 4) for i, n in enumerate(names)}
    site = _v2_site(files)
    bad = bytearray(files[names[0]])
    bad[-30] ^= 0xFF
    site.routes[f"/gdeltv2/{names[0]}"] = Reply(bytes(bad))
    sleep = Sleeps()
    with serve(site), pytest.raises(FetchError, match="MD5 mismatch") as err:
        _fetch(store, site, tmp_path, sleep)
    assert names[0] in str(err.value) and "3 attempts" in str(err.value)
    assert sleep == [0.5, 1.0] and store.count("events") == 0
    assert not (tmp_path / names[0]).exists() and not list(tmp_path.glob("*.part"))


def test_corrupt_then_good_download_succeeds(store, tmp_path):
    name = file_names(DAY, DAY, 2)[0]
    good = _zip(name, 100, 4)
    site = _v2_site({name: good})
    site.routes[f"/gdeltv2/{name}"] = [Reply(good[:-5] + b"XXXXX"), Reply(good)]
    with serve(site):
        report = _fetch(store, site, tmp_path, Sleeps())
    assert report.downloaded == [name] and report.ingest.loaded == 4


def test_skip_policy_reports_failures_and_ingests_the_rest(store, tmp_path):
    names = file_names(DAY, DAY, 2)[:2]
    files = {n: _zip(n, 100 * (i + 1), 4) for i, n in enumerate(names)}
    site = _v2_site(files)
    site.routes[f"/gdeltv2/{names[0]}"] = Reply(b"gone", 404)
    with serve(site):
        report = _fetch(store, site, tmp_path, Sleeps(), on_error="skip")
    assert [n for n, _ in report.failed] == [names[0]] and "HTTP 404" in report.failed[0][1]
    assert report.downloaded == [names[1]] and store.count("events") == 4


def test_partial_download_resumes_with_range(store, tmp_path):
    name = file_names(DAY, DAY, 2)[0]
    body = _zip(name, 100, 50)
    site = _v2_site({name: body})
    site.ranges = True
    (tmp_path / (name + ".part")).write_bytes(body[:100])
    with serve(site):
        report = _fetch(store, site, tmp_path, Sleeps())
    assert report.downloaded == [name] and (tmp_path / name).read_bytes() == body
    assert site.log[-1][1].get("Range") == "bytes=100-"


def test_v1_lists_and_daily_files(store, tmp_path):
    name = "20250901.export.CSV.zip"
    body = _zip(name, 7000, 3, fixture="gdelt1_events.csv")
    md5 = hashlib.md5(body).hexdigest()
    site = Site()
    site.routes["/events/md5sums"] = Reply(f"{md5}  {name}\n{'1' * 32}  other.zip\n".encode())
    site.routes["/events/filesizes"] = Reply(f"{len(body)} {name}\n".encode())
    site.routes[f"/events/{name}"] = Reply(body)
    with serve(site), httpx.Client() as client:
        report = fetch_gdelt(
            store, start=DAY, end=DAY, dest=tmp_path, client=client, sleep=Sleeps(), now=NOW,
            version=1, base_url=site.base + "/events",
        )  # fmt: skip
    assert report.downloaded == [name] and report.ingest.loaded == 3
    assert store.con.execute("SELECT min(dataset) FROM events").fetchone() == ("gdelt1",)
    assert parse_v1_lists([f"{md5} {name}"], [f"{name} 12"], "b/", {name})[name].size == 12


def test_cli_gdelt_fetch_json(tmp_path, capsys):
    from toneshift.cli import main

    name = file_names(DAY, DAY, 2)[0]
    site = _v2_site({name: _zip(name, 100, 4)})
    with serve(site):
        code = main([
            "gdelt", "fetch", "--from", "2025-09-01", "--to", "2025-09-01",
            "--base-url", site.base + "/gdeltv2/", "--dest", str(tmp_path / "dl"),
            "--db", str(tmp_path / "t.duckdb"), "--json",
        ])  # fmt: skip
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["downloaded"] == 1 and out["missing"] == 95 and out["ingest"]["loaded"] == 4
