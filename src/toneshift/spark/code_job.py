"""``toneshift spark code``: article files → coded events (Parquet), over Spark partitions.

The unit of work is a file path. Spark spreads the paths over partitions; ``mapInPandas`` runs
:func:`code_paths` on each batch, where the process-wide :meth:`Coder.default` loads the spaCy
model once per Python worker (workers are reused between tasks). :func:`code_paths` is also
the single-process path, so both give the same rows for the same files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from toneshift.errors import InputError
from toneshift.spark.schema import events_ddl, typed_events

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".jsonl")


def article_files(root: str | Path) -> list[str]:
    """The ``.txt``/``.jsonl`` files under ``root`` (a file or a folder), sorted."""
    base = Path(root)
    if base.is_file():
        return [str(base)]
    if not base.is_dir():
        raise InputError(f"{base}: no such file or folder")
    files = sorted(str(p) for p in base.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
    if not files:
        raise InputError(f"{base}: no .txt or .jsonl article files found")
    return files


def code_paths(paths: Sequence[str], *, date: dt.date | None = None) -> pd.DataFrame:
    """Code every article in ``paths`` with the process's default coder; events-table rows.

    Articles without a date of their own get ``date`` (None leaves their events undated).
    """
    from dataclasses import replace

    from toneshift.coding.coder import Coder
    from toneshift.coding.pipeline import code_article
    from toneshift.ingest.articles import read_path
    from toneshift.store.duckdb_store import event_row

    coder = Coder.default()
    rows: list[dict[str, Any]] = []
    for path in paths:
        for article in read_path(Path(path), date=date):
            if article.date is None and date is not None:
                article = replace(article, date=date)
            events = code_article(coder, article)
            rows.extend(event_row(article, i, ev) for i, ev in enumerate(events))
    return typed_events(rows)


def code_articles(
    spark: Any,
    paths: Sequence[str],
    output: str | Path,
    *,
    date: dt.date | None = None,
    partitions: int | None = None,
) -> int:
    """Code ``paths`` on ``spark`` and write the events to the Parquet folder ``output``.

    Returns the number of events written. ``partitions`` defaults to the default parallelism.
    """
    n = partitions or int(spark.sparkContext.defaultParallelism)
    files = spark.createDataFrame([(p,) for p in paths], "path string").repartition(n)

    def batches(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for frame in frames:
            yield code_paths(list(frame["path"]), date=date)

    events = files.mapInPandas(batches, schema=events_ddl())
    events.write.mode("overwrite").parquet(str(output))
    return int(spark.read.parquet(str(output)).count())
