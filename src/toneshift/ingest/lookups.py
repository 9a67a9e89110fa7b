"""Small lookup tables the readers join on in SQL: CAMEO codes, ICEWS event texts, countries.

Each is built once per process in Python (a few hundred rows) and registered on the connection
as a DataFrame view, so the per-row work stays inside DuckDB.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

import duckdb
import pandas as pd

_DATA = Path(__file__).resolve().parent.parent / "data"


@functools.cache
def cameo_frame() -> pd.DataFrame:
    """One row per CAMEO code: code, root, plover, quad_class, goldstein, goldstein_icews."""
    from toneshift import cameo

    rows = [
        (t.code, t.root, t.plover or None, t.quad_class, t.goldstein, t.goldstein_icews)
        for t in cameo.all_codes()
    ]
    cols = ["code", "root", "plover", "quad_class", "goldstein", "goldstein_icews"]
    return pd.DataFrame(rows, columns=cols)


@functools.cache
def event_text_frame() -> pd.DataFrame:
    """``(text, code)``: normalised ICEWS event texts and their CAMEO codes."""
    from toneshift import cameo

    return pd.DataFrame(cameo.event_text_table(), columns=["text", "code"])


@functools.cache
def plover_frame() -> pd.DataFrame:
    """``(plover, code)``: a representative CAMEO code for each PLOVER type."""
    from toneshift import cameo
    from toneshift.models import PLOVER_TYPES

    rows = [(p, cameo.default_code_for_plover(p)) for p in PLOVER_TYPES]
    return pd.DataFrame(rows, columns=["plover", "code"])


@functools.cache
def country_names() -> dict[str, str]:
    """Lower-cased country names and aliases → ISO-3 code, from the packaged country table."""
    index: dict[str, str] = {}
    with (_DATA / "actors" / "countries.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            names = [row["name"], *row.get("aliases", "").split("|")]
            for name in filter(None, names):
                index.setdefault(name.strip().lower(), row["code"])
    return index


def register(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    """Register ``frame`` as view ``name`` (replacing an earlier one)."""
    con.register(name, frame)


def register_cameo(con: duckdb.DuckDBPyConnection) -> None:
    """Make ``_ts_cameo`` available to SQL."""
    register(con, "_ts_cameo", cameo_frame())
