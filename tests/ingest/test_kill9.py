"""Kill -9 mid-ingest, run again: the store ends identical to an uninterrupted run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ingest_support import FIX

from toneshift.store.duckdb_store import DuckDBStore


def _big_gdelt2(path: Path, rows: int) -> None:
    """Replicate the fixture's good rows with fresh ids."""
    good = [ln.split("\t", 1)[1] for ln in (FIX / "gdelt2_events.csv").read_text().splitlines()[:2]]
    with path.open("w") as fh:
        for i in range(rows):
            fh.write(f"{1_000_000 + i}\t{good[i % 2]}\n")


def _ingest(db: Path, files: list[Path]) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "toneshift.cli", "ingest", *map(str, files), "--db", str(db)]
    code = "import sys; from toneshift.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", code, *cmd[3:]])


def _snapshot(db: Path) -> dict[str, object]:
    with DuckDBStore.open(db) as store:
        q = store.con.execute
        return {
            "events": q(
                "SELECT count(*), sum(hash(event_id, goldstein, tone, source_file)) FROM events"
            ).fetchall(),
            "rejects": q("SELECT source_file, line, reason FROM rejects ORDER BY 1, 2").fetchall(),
            "files": q(
                "SELECT source_file, sha256, rows_loaded, duplicates, rejected "
                "FROM ingested_files ORDER BY 1"
            ).fetchall(),
        }


@pytest.mark.slow
def test_kill9_then_rerun_matches_clean_run(tmp_path):
    big = tmp_path / "big.csv"
    _big_gdelt2(big, 800_000)
    files = [FIX / "gdelt2_events.csv", big, FIX / "icews_events.tab"]
    clean, killed = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    started = time.monotonic()
    assert _ingest(clean, files).wait(timeout=300) == 0
    clean_run = time.monotonic() - started
    proc = _ingest(killed, files)
    # kill well inside the run whatever this machine's speed: past start-up and the small
    # first file, mid-way through the big file's transaction
    time.sleep(max(0.5, 0.6 * clean_run))
    assert proc.poll() is None, "ingest finished before it could be killed; grow the file"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert _ingest(killed, files).wait(timeout=300) == 0
    assert _snapshot(killed) == _snapshot(clean)
