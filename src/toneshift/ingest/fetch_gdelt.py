"""Download GDELT event exports for a date range, verify them, and ingest them.

GDELT 1.0 publishes one ``YYYYMMDD.export.CSV.zip`` a day under ``events/`` with the lists
``md5sums`` ("md5  name") and ``filesizes`` ("size name"); GDELT 2.0 publishes one
``YYYYMMDDHHMMSS.export.CSV.zip`` every 15 minutes under ``gdeltv2/``, listed with size and MD5
in ``masterfilelist.txt`` ("size md5 url"). File URLs are built from the UTC dates; files the
list does not name (GDELT has gaps) are reported as missing, not requested.

Downloads are retried with exponential backoff (the sleep is injected), checked against the
list's size and MD5, written to ``NAME.part`` and renamed only once verified; a ``.part`` left by
an interrupted run is resumed with an HTTP Range request. Files already in ``dest`` that verify
are not downloaded again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import httpx

from toneshift.errors import FetchError, InputError
from toneshift.ingest import IngestReport, ingest_paths
from toneshift.ingest.remote import RetryableError, RetryPolicy, Sleep, check_status, with_retries
from toneshift.store.duckdb_store import DuckDBStore

BASE_URLS: dict[int, str] = {
    1: "http://data.gdeltproject.org/events/",
    2: "http://data.gdeltproject.org/gdeltv2/",
}
_MD5 = re.compile(r"^[0-9a-fA-F]{32}$")
_CHUNK = 1 << 20

#: Called as ``progress(stage, file name, done, total)``; stage is "download" or "ingest".
FetchProgress = Callable[[str, str, int, int], None]


@dataclass(frozen=True)
class RemoteFile:
    """One export file as the master list describes it."""

    name: str
    url: str
    size: int
    md5: str


@dataclass
class GdeltFetchReport:
    """What a fetch did: files per outcome, and the ingest counts."""

    wanted: int = 0
    downloaded: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)  # already in dest and intact
    missing: list[str] = field(default_factory=list)  # not in the master list
    failed: list[tuple[str, str]] = field(default_factory=list)  # (name, reason)
    ingest: IngestReport = field(default_factory=IngestReport)

    def as_dict(self) -> dict[str, object]:
        """The CLI's JSON contract."""
        return {
            "wanted": self.wanted,
            "downloaded": len(self.downloaded),
            "verified": len(self.verified),
            "missing": len(self.missing),
            "failed": [{"file": n, "error": e} for n, e in self.failed],
            "ingest": self.ingest.as_dict(),
        }

    def summary(self) -> str:
        """One line: file outcomes, then the ingest summary."""
        return (
            f"files: {self.wanted} wanted, {len(self.downloaded)} downloaded, "
            f"{len(self.verified)} already present, {len(self.missing)} not published, "
            f"{len(self.failed)} failed; {self.ingest.summary()}"
        )


def file_names(start: dt.date, end: dt.date, version: int) -> list[str]:
    """The export file names for the UTC days ``start``..``end`` (inclusive)."""
    if end < start:
        raise InputError(f"--to {end} is before --from {start}")
    days = [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]
    if version == 1:
        return [f"{d:%Y%m%d}.export.CSV.zip" for d in days]
    if version == 2:
        quarters = [dt.timedelta(minutes=15 * q) for q in range(96)]
        midnight = [dt.datetime.combine(d, dt.time()) for d in days]
        return [f"{m + q:%Y%m%d%H%M%S}.export.CSV.zip" for m in midnight for q in quarters]
    raise InputError(f"--version must be 1 or 2, not {version}")


def fetch_gdelt(
    store: DuckDBStore,
    *,
    start: dt.date,
    end: dt.date,
    dest: Path,
    client: httpx.Client,
    sleep: Sleep,
    now: dt.datetime,
    version: int = 2,
    base_url: str | None = None,
    policy: RetryPolicy = RetryPolicy(),  # noqa: B008 (frozen, immutable)
    on_error: Literal["raise", "skip"] = "raise",
    progress: FetchProgress | None = None,
) -> GdeltFetchReport:
    """Download the exports for ``start``..``end`` into ``dest``, verify and ingest them.

    With ``on_error="raise"`` the first file that cannot be fetched intact raises FetchError
    (files already verified stay in ``dest`` for the next run); with ``"skip"`` failures are
    listed in the report and the other files are still ingested.
    """
    base = _base(base_url, version)
    names = file_names(start, end, version)
    report = GdeltFetchReport(wanted=len(names))
    manifest = read_manifest(client, version, base, set(names), policy=policy, sleep=sleep)
    report.missing = [n for n in names if n not in manifest]
    dest.mkdir(parents=True, exist_ok=True)
    ready = _download_all(
        client, [manifest[n] for n in names if n in manifest], dest, report,
        policy=policy, sleep=sleep, on_error=on_error, progress=progress,
    )  # fmt: skip
    if ready:
        tick = None if progress is None else _ingest_tick(progress)
        fmt = "gdelt1" if version == 1 else "gdelt2"
        report.ingest = ingest_paths(store, ready, fmt=fmt, now=now, progress=tick)
    return report


def _base(base_url: str | None, version: int) -> str:
    if version not in BASE_URLS:
        raise InputError(f"--version must be 1 or 2, not {version}")
    base = base_url or BASE_URLS[version]
    return base if base.endswith("/") else base + "/"


def _ingest_tick(progress: FetchProgress) -> Callable[[str, int, int], None]:
    def tick(path: str, done: int, total: int) -> None:
        progress("ingest", Path(path).name if path else "", done, total)

    return tick


def _download_all(
    client: httpx.Client,
    files: list[RemoteFile],
    dest: Path,
    report: GdeltFetchReport,
    *,
    policy: RetryPolicy,
    sleep: Sleep,
    on_error: str,
    progress: FetchProgress | None,
) -> list[Path]:
    """Fetch each file (or accept the verified copy in dest); the paths ready to ingest."""
    ready: list[Path] = []
    for i, remote in enumerate(files):
        if progress is not None:
            progress("download", remote.name, i, len(files))
        try:
            fresh = download(client, remote, dest, policy=policy, sleep=sleep)
        except FetchError as exc:
            if on_error == "raise":
                raise
            report.failed.append((remote.name, str(exc)))
            continue
        (report.downloaded if fresh else report.verified).append(remote.name)
        ready.append(dest / remote.name)
    if progress is not None:
        progress("download", "", len(files), len(files))
    return ready


def read_manifest(
    client: httpx.Client,
    version: int,
    base: str,
    wanted: set[str],
    *,
    policy: RetryPolicy,
    sleep: Sleep,
) -> dict[str, RemoteFile]:
    """Size and MD5 of each wanted file from GDELT's lists (streamed; only wanted kept)."""
    if version == 2:
        lines = _get_lines(client, base + "masterfilelist.txt", policy, sleep)
        return parse_masterlist(lines, base, wanted)
    sums = _get_lines(client, base + "md5sums", policy, sleep)
    sizes = _get_lines(client, base + "filesizes", policy, sleep)
    return parse_v1_lists(sums, sizes, base, wanted)


def _get_lines(client: httpx.Client, url: str, policy: RetryPolicy, sleep: Sleep) -> list[str]:
    def get() -> list[str]:
        with client.stream("GET", url) as response:
            check_status(url, response)
            return [ln for ln in response.iter_lines() if ".export." in ln]

    return with_retries(get, url=url, policy=policy, sleep=sleep)


def parse_masterlist(lines: Iterable[str], base: str, wanted: set[str]) -> dict[str, RemoteFile]:
    """GDELT 2.0 ``masterfilelist.txt`` lines ("size md5 url") → the wanted files."""
    out: dict[str, RemoteFile] = {}
    for line in lines:
        parts = line.split()
        if len(parts) != 3 or not parts[0].isdigit() or not _MD5.match(parts[1]):
            continue
        name = parts[2].rsplit("/", 1)[-1]
        if name in wanted:
            out[name] = RemoteFile(name, base + name, int(parts[0]), parts[1].lower())
    return out


def parse_v1_lists(
    md5_lines: Iterable[str], size_lines: Iterable[str], base: str, wanted: set[str]
) -> dict[str, RemoteFile]:
    """GDELT 1.0 ``md5sums`` ("md5  name") and ``filesizes`` ("size name") → wanted files."""
    md5s = dict(_pairs(md5_lines, lambda tok: bool(_MD5.match(tok))))
    sizes = dict(_pairs(size_lines, str.isdigit))
    out: dict[str, RemoteFile] = {}
    for name in wanted & md5s.keys() & sizes.keys():
        out[name] = RemoteFile(name, base + name, int(sizes[name]), md5s[name].lower())
    return out


def _pairs(lines: Iterable[str], is_value: Callable[[str], bool]) -> Iterable[tuple[str, str]]:
    """(file name, value) from two-token lines, whichever order the tokens come in."""
    for line in lines:
        parts = line.split()
        if len(parts) != 2:
            continue
        value, name = parts if is_value(parts[0]) else parts[::-1]
        if is_value(value):
            yield name.rsplit("/", 1)[-1], value


def download(
    client: httpx.Client, remote: RemoteFile, dest: Path, *, policy: RetryPolicy, sleep: Sleep
) -> bool:
    """Make ``dest/NAME`` an intact copy of ``remote``; True if it was downloaded now.

    A corrupt or short download is deleted and retried; after ``policy.attempts`` tries the
    FetchError names the file, the expected and the received size or MD5.
    """
    final = dest / remote.name
    if final.is_file() and _problem(final, remote) is None:
        return False
    part = dest / (remote.name + ".part")

    def attempt() -> bool:
        _stream_to(client, remote, part)
        problem = _problem(part, remote)
        if problem is not None:
            part.unlink(missing_ok=True)
            raise RetryableError(f"{remote.url}: {problem}")
        part.replace(final)
        return True

    return with_retries(attempt, url=remote.url, policy=policy, sleep=sleep)


def _stream_to(client: httpx.Client, remote: RemoteFile, part: Path) -> None:
    """GET into ``part``, continuing a shorter ``.part`` with a Range request."""
    have = part.stat().st_size if part.is_file() else 0
    if have >= remote.size:
        part.unlink(missing_ok=True)
        have = 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    with client.stream("GET", remote.url, headers=headers) as response:
        check_status(remote.url, response)
        mode = "ab" if have and response.status_code == 206 else "wb"
        with part.open(mode) as fh:
            for chunk in response.iter_bytes(_CHUNK):
                fh.write(chunk)


def _problem(path: Path, remote: RemoteFile) -> str | None:
    """Why ``path`` is not an intact copy of ``remote`` (None when it is)."""
    size = path.stat().st_size
    if size != remote.size:
        return f"size mismatch (expected {remote.size} bytes, got {size})"
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(block)
    if digest.hexdigest() != remote.md5:
        return f"MD5 mismatch (expected {remote.md5}, got {digest.hexdigest()})"
    return None
