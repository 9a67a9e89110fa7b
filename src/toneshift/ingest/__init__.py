"""Every source analysts use, into one event store.

:func:`ingest_paths` loads GDELT 1.0/2.0 events, mentions, GKG 1.0/2.1, ICEWS (raw and the
decoded benchmark layout), POLECAT and toneshift's own JSONL, one transaction per file. Formats
are detected from the first lines (:func:`detect_format`) or named (see :data:`READERS`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import IO

from toneshift.errors import InputError
from toneshift.ingest.base import FileReport, IngestReport, ReadContext
from toneshift.ingest.detect import detect_format
from toneshift.ingest.loader import SourceFile, load_file
from toneshift.ingest.registry import READERS, get_reader
from toneshift.store.duckdb_store import DuckDBStore

__all__ = [
    "READERS",
    "FileReport",
    "IngestReport",
    "Progress",
    "detect_format",
    "get_reader",
    "ingest_paths",
]

#: Called as ``progress(path, files_done, files_total)`` before each file and once at the end.
Progress = Callable[[str, int, int], None]


def ingest_paths(
    store: DuckDBStore,
    paths: Sequence[str | Path],
    *,
    fmt: str = "auto",
    now: dt.datetime,
    progress: Progress | None = None,
) -> IngestReport:
    """Load ``paths`` into ``store``; each file in one transaction. Return the counts.

    Every path is checked (exists, readable, format known) before anything is written, so a bad
    argument fails with InputError and leaves the store untouched.
    """
    plan = [(Path(p), _format_of(Path(p), fmt)) for p in paths]
    report = IngestReport()
    for i, (path, name) in enumerate(plan):
        if progress is not None:
            progress(str(path), i, len(plan))
        reader = get_reader(name)
        with _sources(path) as sources:
            for src in sources:
                ctx = ReadContext(source_file=src.name, layout=reader.layout(src.local))
                report.add(load_file(store, reader, src, ctx, now))
    if progress is not None:
        progress("", len(plan), len(plan))
    return report


def _format_of(path: Path, fmt: str) -> str:
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    if fmt == "auto":
        return detect_format(path)
    get_reader(fmt)
    return fmt


@contextmanager
def _sources(path: Path) -> Iterator[list[SourceFile]]:
    """The files DuckDB reads for ``path``: itself, or each member of a zip, extracted."""
    if path.suffix.lower() != ".zip":
        yield [SourceFile(local=path, name=str(path))]  # hashed while it loads
        return
    import tempfile
    import zipfile

    with ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="toneshift-zip-")))
        try:
            archive = stack.enter_context(zipfile.ZipFile(path))
            members = [m for m in archive.namelist() if not m.endswith("/")]
            out = []
            for i, member in enumerate(members):
                local = tmp / f"{i}-{Path(member).name}"
                with archive.open(member) as fh:
                    sha = _extract(fh, local, salt=member)
                out.append(SourceFile(local, f"{path}!{member}", sha256=sha))
        except (OSError, zipfile.BadZipFile) as exc:
            raise InputError(f"{path}: cannot read zip: {exc}") from exc
        yield out


def _extract(member: IO[bytes], local: Path, *, salt: str) -> str:
    """Copy an archive member to ``local`` in blocks; its salted sha256, computed on the way."""
    import hashlib

    digest = hashlib.sha256(salt.encode())
    with local.open("wb") as dst:
        for block in iter(lambda: member.read(1 << 22), b""):
            digest.update(block)
            dst.write(block)
    return digest.hexdigest()
