"""Table views as downloads: ``?format=json|csv|parquet`` on any list endpoint."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

from fastapi.responses import Response


class TableFormat(StrEnum):
    """Formats a table view can be downloaded in."""

    json = "json"
    csv = "csv"
    parquet = "parquet"


def _cell(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, set | tuple):
        return list(value)
    if hasattr(value, "__dataclass_fields__"):
        import dataclasses

        return dataclasses.asdict(value)
    return str(value)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def json_bytes(body: Any) -> bytes:
    """Compact JSON (dates as ISO strings, NaN as null); much faster than jsonable_encoder."""
    try:
        text = json.dumps(
            body, default=_default, ensure_ascii=False, allow_nan=False, separators=(",", ":")
        )
    except ValueError:  # a NaN or infinity somewhere: replace, then encode
        text = json.dumps(
            _finite(body), default=_default, ensure_ascii=False, separators=(",", ":")
        )
    return text.encode("utf-8")


def to_csv(rows: Sequence[dict[str, Any]]) -> bytes:
    """Rows as UTF-8 CSV (header from the first row)."""
    buf = io.StringIO()
    if rows:
        writer = csv.DictWriter(buf, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in r.items()} for r in rows)
    return buf.getvalue().encode("utf-8")


def to_parquet(rows: Sequence[dict[str, Any]]) -> bytes:
    """Rows as a Parquet file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([dict(r) for r in rows])
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def table_response(
    name: str,
    rows: Sequence[dict[str, Any]],
    fmt: TableFormat,
    payload: dict[str, Any] | None = None,
) -> Response:
    """The rows as JSON (``payload`` merged in, default ``{"ok": true, "items": rows}``),
    or as a CSV/Parquet attachment named after the view."""
    if fmt is TableFormat.csv:
        return Response(
            to_csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
        )
    if fmt is TableFormat.parquet:
        return Response(
            to_parquet(rows),
            media_type="application/vnd.apache.parquet",
            headers={"Content-Disposition": f'attachment; filename="{name}.parquet"'},
        )
    body = {"ok": True, **(payload if payload is not None else {"items": list(rows)})}
    return Response(json_bytes(body), media_type="application/json")
