"""The events table as a Spark schema, and pandas frames typed to match it."""

from __future__ import annotations

import pandas as pd

from toneshift.store.migrations import EVENT_COLUMNS

_SPARK_TYPES = {
    "VARCHAR": "string",
    "DATE": "date",
    "TINYINT": "tinyint",
    "INTEGER": "int",
    "BIGINT": "bigint",
    "DOUBLE": "double",
}
_PANDAS_TYPES = {"TINYINT": "Int8", "INTEGER": "Int32", "BIGINT": "Int64", "DOUBLE": "float64"}


def _base(kind: str) -> str:
    return kind.replace("NOT NULL", "").strip()


def events_ddl() -> str:
    """The events columns as a Spark DDL schema string (``event_id string, ...``)."""
    return ", ".join(f"{name} {_SPARK_TYPES[_base(kind)]}" for name, kind in EVENT_COLUMNS)


def typed_events(rows: list[dict[str, object]]) -> pd.DataFrame:
    """Event rows as a frame with one nullable pandas dtype per column (Arrow-ready)."""
    frame = pd.DataFrame(rows, columns=[name for name, _ in EVENT_COLUMNS])
    for name, kind in EVENT_COLUMNS:
        dtype = _PANDAS_TYPES.get(_base(kind))
        if dtype is not None:
            frame[name] = frame[name].astype(dtype)
        elif _base(kind) == "VARCHAR":
            frame[name] = frame[name].astype(object)
    return frame
