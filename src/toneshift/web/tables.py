"""Table views as downloads: ``?format=json|csv|parquet`` on any list endpoint."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from enum import Enum
from typing import Any

from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response


class TableFormat(str, Enum):
    """Formats a table view can be downloaded in."""

    json = "json"
    csv = "csv"
    parquet = "parquet"


def _cell(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


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
    return JSONResponse(jsonable_encoder(body))
