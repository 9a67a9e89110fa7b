"""The ICEWS-derived benchmark layout (ICEWS18, ICEWS05-15): ``source, event text, target,
date[, split]``, tab-separated, with or without a header.

Names resolve to country and sector codes through the actor table (per distinct name), event
texts to CAMEO codes by a join on :func:`toneshift.cameo.event_text_table`. The layout has no
id, so ``original_id`` is the md5 of the four fields: a repeated quadruple is a duplicate.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from toneshift.ingest.actors import distinct_names_sql
from toneshift.ingest.base import CsvLayout, ReadContext, Reader, sql_str
from toneshift.ingest.detect import head_lines
from toneshift.ingest.icews import normalised_text, prepare_lookups

_NAMES = ("source", "event_text", "target", "date", "split")


def _layout(path: Path) -> CsvLayout:
    first = head_lines(path, 1)[0].split("\t")
    header = first[0].strip().lower() == "source"
    width = 5 if len(first) >= 5 else 4
    cols = tuple((n, "DATE" if n == "date" else "VARCHAR") for n in _NAMES[:width])
    return CsvLayout(columns=cols, header=header, dateformat="%Y-%m-%d")


def _side(side: str) -> str:
    a = f"a_{side}"
    return f"""{a}.code AS {side}_code, src.{side} AS {side}_name,
        {a}.country AS {side}_country, {a}.sector AS {side}_sector"""


def _select(ctx: ReadContext) -> str:
    names = [n for n, _ in ctx.layout.columns]
    raw = ", ".join(f"{sql_str(n)}, src.{n}" for n in names)
    key = "md5(concat_ws('|', src.source, src.event_text, src.target, src.date::VARCHAR))"
    return f"""SELECT 'icews_decoded:' || {key} AS event_id, 'icews_decoded' AS dataset,
        {key} AS original_id, src.date AS event_date, {_side("source")}, {_side("target")},
        t.code AS cameo, left(t.code, 2) AS cameo_root, c.plover, c.quad_class,
        c.goldstein_icews AS goldstein, 1.0 AS confidence,
        {sql_str(ctx.source_file)} AS source_file, json_object({raw})::VARCHAR AS raw,
        CASE WHEN t.code IS NULL THEN 'unknown event text'
             WHEN coalesce(src.source, '') = '' OR coalesce(src.target, '') = ''
             THEN 'missing actor' END AS _reject, _rn
    FROM src
    LEFT JOIN _ts_event_text t ON t.text = {normalised_text("src.event_text")}
    LEFT JOIN _ts_cameo c ON c.code = t.code
    LEFT JOIN _ts_actors a_source ON a_source.name = src.source
    LEFT JOIN _ts_actors a_target ON a_target.name = src.target"""


def _prepare(con: duckdb.DuckDBPyConnection, ctx: ReadContext) -> None:
    prepare_lookups(con, distinct_names_sql(ctx.source_sql, ("source", "target"), "date"))


ICEWS_DECODED = Reader(
    name="icews_decoded", table="events", key="event_id", layout=_layout, select=_select,
    prepare=_prepare, rownum=True, widths=(4, 5),
)  # fmt: skip
