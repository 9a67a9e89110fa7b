"""A small in-memory DuckDB that answers the analytics' queries for one dyad exactly.

:mod:`toneshift.analytics` is written against a DuckDB connection with an ``events`` table.
When the events live elsewhere (PostgreSQL, a Spark partition), we do not copy the whole
archive: we copy the dyad's own events and, for everything else, only the number of events
per day and dataset. ``events`` is then a view over both: the dyad's rows as they are, plus one
all-NULL placeholder row (carrying only ``event_date`` and ``dataset``) per other event,
generated on the fly with ``range``. Every query the analytics run gives the same answer as on
the full table: dyad filters match only real rows (placeholders have NULL actors), and the
per-period totals behind ``per_1000`` and the default date range count all events.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from toneshift.store.migrations import EVENT_COLUMNS

#: Columns of the per-day totals frame: ``event_date`` (date), ``dataset`` (str), ``n`` (int).
TOTAL_COLUMNS: tuple[str, ...] = ("event_date", "dataset", "n")


def local_events_con(dyad: pd.DataFrame, totals: pd.DataFrame) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose ``events`` view stands for the full store (see module doc).

    ``dyad`` holds the dyad's event rows (any subset of the event columns; missing ones are
    NULL); ``totals`` the count of *all* events per ``event_date`` and ``dataset``.
    """
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")
    cols = ",\n  ".join(f"{name} {kind}" for name, kind in EVENT_COLUMNS)
    con.execute(f"CREATE TABLE dyad_events (\n  {cols}\n)")
    present = [name for name, _ in EVENT_COLUMNS if name in dyad.columns]
    if len(dyad):
        con.register("_dyad_in", dyad.loc[:, present])
        names = ", ".join(present)
        con.execute(f"INSERT INTO dyad_events ({names}) SELECT {names} FROM _dyad_in")
        con.unregister("_dyad_in")
    con.execute("CREATE TABLE day_totals (event_date DATE, dataset VARCHAR, n BIGINT)")
    if len(totals):
        con.register("_totals_in", totals.loc[:, list(TOTAL_COLUMNS)])
        con.execute("INSERT INTO day_totals SELECT * FROM _totals_in")
        con.unregister("_totals_in")
    con.execute(_FILLER_SQL)
    con.execute(f"CREATE VIEW events AS SELECT * FROM dyad_events UNION ALL {_placeholders()}")
    return con


# Placeholder count per day and dataset: all events minus the dyad rows already present.
_FILLER_SQL = """
CREATE TABLE filler AS
SELECT t.event_date, t.dataset, t.n - coalesce(d.k, 0) AS n
FROM day_totals t
LEFT JOIN (SELECT event_date, dataset, count(*) AS k FROM dyad_events GROUP BY ALL) d
  ON d.event_date IS NOT DISTINCT FROM t.event_date AND d.dataset IS NOT DISTINCT FROM t.dataset
WHERE t.n - coalesce(d.k, 0) > 0
"""


def _placeholders() -> str:
    """SELECT of one all-NULL row per counted event, in the events column order."""
    exprs = []
    for name, kind in EVENT_COLUMNS:
        if name in ("event_date", "dataset"):
            exprs.append(f"f.{name}")
        else:
            base = kind.replace("NOT NULL", "").strip()
            exprs.append(f"CAST(NULL AS {base}) AS {name}")
    return f"SELECT {', '.join(exprs)} FROM filler f, range(f.n)"
