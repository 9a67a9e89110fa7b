"""POLECAT weekly/monthly files (``ngecEvents.*.txt``): tab-separated with a 40-name header.

Quirks handled (SCHEMAS.md): an extra ``Headline`` name in some headers and trailing tabs
(columns are taken from the file's own header, plus two spare columns, with null padding);
apostrophes in names (only ``"`` quotes); country fields holding ``;``-separated lists, which
explode into one row per (source country, target country) dyad with ``original_id`` =
``<Event ID>`` for a single dyad and ``<Event ID>:<src>-<tgt>`` otherwise. Events repeated
from several stories share an Event ID and dedup on it. ``cameo`` is the PLOVER type's
representative CAMEO code; ``goldstein`` is Event Intensity.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from toneshift.ingest.base import CsvLayout, ReadContext, Reader, sql_str
from toneshift.ingest.detect import head_lines
from toneshift.ingest.icews import snake
from toneshift.ingest.lookups import plover_frame, register_cameo

_QUAD = {"VERBAL COOPERATION": 1, "MATERIAL COOPERATION": 2, "VERBAL CONFLICT": 3,
         "MATERIAL CONFLICT": 4}  # fmt: skip
_RAW = ("event_type", "event_mode", "quad_code", "contexts", "actor_country",
        "recipient_country", "source", "language", "version", "placename")  # fmt: skip


def _layout(path: Path) -> CsvLayout:
    names = [snake(n) or f"_blank{i}" for i, n in enumerate(head_lines(path, 1)[0].split("\t"))]
    cols = tuple((n, "DATE" if n == "event_date" else "VARCHAR") for n in names)
    cols += (("_spare1", "VARCHAR"), ("_spare2", "VARCHAR"))
    return CsvLayout(columns=cols, header=True, quote='"', null_padding=True, dateformat="%Y-%m-%d")


def _select(ctx: ReadContext) -> str:
    names = {n for n, _ in ctx.layout.columns}
    raw = ", ".join(f"{sql_str(f)}, e.{f}" for f in _RAW if f in names)
    quad = " ".join(f"WHEN {sql_str(k)} THEN {v}" for k, v in _QUAD.items())
    multi = "(len(e._src) > 1 OR len(e._tgt) > 1)"
    oid = f"e.event_id || CASE WHEN {multi} THEN ':' || e.sc || '-' || e.tc ELSE '' END"
    return f"""WITH e AS (
        SELECT *, string_split(coalesce(actor_country, ''), ';') AS _src,
               string_split(coalesce(recipient_country, ''), ';') AS _tgt
        FROM src),
      d AS (SELECT *, trim(unnest(_src)) AS sc FROM e),
      e2 AS (SELECT *, trim(unnest(_tgt)) AS tc FROM d)
    SELECT 'polecat:' || {oid.replace("e.", "e2.")} AS event_id, 'polecat' AS dataset,
        {oid.replace("e.", "e2.")} AS original_id, e2.event_date,
        nullif(e2.sc, '') AS source_code, e2.actor_name AS source_name,
        nullif(e2.sc, '') AS source_country, e2.primary_actor_sector AS source_sector,
        nullif(e2.tc, '') AS target_code, e2.recipient_name AS target_name,
        nullif(e2.tc, '') AS target_country, e2.primary_recipient_sector AS target_sector,
        p.code AS cameo, left(p.code, 2) AS cameo_root, upper(e2.event_type) AS plover,
        CASE upper(e2.quad_code) {quad} END AS quad_class,
        try_cast(e2.event_intensity AS DOUBLE) AS goldstein, 1.0 AS confidence,
        {sql_str(ctx.source_file)} AS source_file,
        json_object({raw.replace("e.", "e2.")})::VARCHAR AS raw,
        CASE WHEN coalesce(e2.event_id, '') = '' THEN 'missing event id'
             WHEN p.code IS NULL THEN 'unknown event type' END AS _reject, e2._rn AS _rn
    FROM e2 LEFT JOIN _ts_plover p ON p.plover = upper(e2.event_type)"""


def _prepare(con: duckdb.DuckDBPyConnection, _: ReadContext) -> None:
    register_cameo(con)
    con.register("_ts_plover", plover_frame())


POLECAT = Reader(
    name="polecat", table="events", key="event_id", layout=_layout, select=_select,
    prepare=_prepare, rownum=True, widths=tuple(range(40, 44)),
)  # fmt: skip
