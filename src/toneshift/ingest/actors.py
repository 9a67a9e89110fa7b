"""Resolve ICEWS-style actor and country names once per distinct name, then join in SQL."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from toneshift.ingest.lookups import country_names


def register_actors(con: duckdb.DuckDBPyConnection, names_sql: str) -> None:
    """Resolve each ``(name, date)`` row of ``names_sql`` and register ``_ts_actors``.

    ``_ts_actors(name, code, country, sector)``; the date is the latest the name occurs on, so
    leaders resolve to their role at the end of the file's period.
    """
    from toneshift.coding.actors import default_actor_table

    table = default_actor_table()
    rows: list[tuple[str, str | None, str | None, str | None]] = []
    for name, date in con.execute(names_sql).fetchall():
        day = date if isinstance(date, dt.date) else None
        actor = table.resolve_icews_name(str(name), day)
        if actor is not None:
            rows.append((name, actor.code, actor.country, actor.sector))
    frame = pd.DataFrame(rows, columns=["name", "code", "country", "sector"])
    con.register("_ts_actors", frame.astype("object"))


def register_countries(con: duckdb.DuckDBPyConnection) -> None:
    """Register ``_ts_countries(name, code)``: lower-cased country names → ISO-3."""
    items = sorted(country_names().items())
    con.register("_ts_countries", pd.DataFrame(items, columns=["name", "code"]))


def distinct_names_sql(source_sql: str, columns: tuple[str, ...], date_col: str) -> str:
    """SQL listing each distinct non-empty name in ``columns`` with the latest date it has."""
    parts = " UNION ALL ".join(
        f"SELECT {c} AS name, {date_col} AS d FROM ({source_sql})" for c in columns
    )
    return f"SELECT name, max(d) FROM ({parts}) WHERE name IS NOT NULL AND name <> '' GROUP BY name"
