"""Spark jobs give what the local path gives: coding, series and shifts (local[2], small data)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from toneshift.analytics.synthetic import planted_events, planted_series
from toneshift.cli import main
from toneshift.store import DuckDBStore

pytestmark = pytest.mark.slow

ARTICLES = [
    "Colombia criticized the United States over the deportation flights.",
    "President Petro invited Donald Trump to Bogota for talks on trade.",
    "France and Germany signed an agreement on energy cooperation.",
]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local[2] session for the module (skips without pyspark or Java)."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark tests need Java 17+ (apt-get install openjdk-17-jre-headless)")
    from toneshift.spark.session import spark_session

    session = spark_session("local[2]")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def parquet(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """A store with a planted USAGOV->COL dyad plus other dyads, exported as the CLI does; and
    a second store rebuilt from that Parquet (the local CLI on the same events)."""
    tmp = tmp_path_factory.mktemp("events")
    planted = planted_series(np.random.default_rng(1), n=60, n_breaks=2)
    rows = planted_events(np.random.default_rng(2), planted, source="USAGOV", target="COL")
    back = planted_events(np.random.default_rng(4), planted, source="COL", target="USA")
    noise = planted_events(np.random.default_rng(3), planted, source="FRA", target="DEU")
    with DuckDBStore.open(tmp / "src.duckdb") as store:
        store.insert_event_rows(rows + [dict(r, event_id=f"b{r['event_id']}") for r in back])
        store.insert_event_rows(noise)
    out = str(tmp / "events.parquet")
    assert main(["export", "--out", out, "--db", str(tmp / "src.duckdb")]) == 0
    with DuckDBStore.open(tmp / "local.duckdb") as local:
        local.con.execute(f"INSERT INTO events SELECT * FROM '{out}'")
    return out, str(tmp / "local.duckdb")


def _cli(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out.splitlines()[-1] if code == 0 else captured.err


def test_series_and_shifts_equal_the_local_cli(
    spark: Any, parquet: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    from toneshift.spark.dyad_job import dyad_json

    out, local = parquet
    events = spark.read.parquet(out)
    cases = [
        ("series", ["--freq", "month"], {"freq": "month"}),
        ("series", ["--freq", "quarter"], {"freq": "quarter"}),
        ("shifts", [], {}),
    ]
    for verb, flags, options in cases:
        code, text = _cli(capsys, [verb, "USA", "COL", "--db", local, *flags, "--json"])
        assert code == 0
        got = dyad_json(events, verb, [("USA", "COL")], options)[0]
        assert json.dumps(got) == json.dumps(json.loads(text))  # same values, same order
    assert json.loads(_cli(capsys, ["shifts", "USA", "COL", "--db", local, "--json"])[1])
    # a dyad with no rows at all takes the same path as the local CLI (error, exit code 2)
    assert _cli(capsys, ["shifts", "USA", "VEN", "--db", local])[0] == 2
    from toneshift.errors import AnalyticsError

    with pytest.raises(AnalyticsError, match="not enough data"):
        dyad_json(events, "shifts", [("USA", "VEN")], {})


def test_code_job_equals_single_process(spark: Any, tmp_path: Path, coder: Any) -> None:
    from toneshift.spark.code_job import article_files, code_articles, code_paths

    folder = tmp_path / "articles"
    folder.mkdir()
    for i, text in enumerate(ARTICLES):
        (folder / f"a{i}.txt").write_text(text + "\n", encoding="utf-8")
    records = [{"id": "j1", "text": ARTICLES[0], "date": "2026-01-20"}]
    (folder / "b.jsonl").write_text(json.dumps(records)[1:-1] + "\n", encoding="utf-8")
    files = article_files(folder)
    assert len(files) == 4
    import datetime as dt

    day = dt.date(2026, 1, 15)
    n = code_articles(spark, files, tmp_path / "ev.parquet", date=day, partitions=2)
    got = spark.read.parquet(str(tmp_path / "ev.parquet")).toPandas()
    want = code_paths(files, date=day)
    assert n == len(want) == len(got) > 0
    key = ["event_id", "source_code", "target_code", "cameo", "goldstein", "event_date"]
    norm = [sorted(map(str, f[key].astype(str).values.tolist())) for f in (got, want)]
    assert norm[0] == norm[1]
