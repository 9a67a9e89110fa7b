"""ICEWS events as published on Dataverse: tab-separated with a header, 20 columns (or the R
package's 22: snake_case plus ``year`` and ``yearmonth``). ``NA`` reads as empty.

``Event ID`` repeats across dates, so ``original_id`` = ``<Event ID>:<Event Date>``. Actor
names resolve through the actor table (once per distinct name); country names map to ISO-3.
``goldstein`` is ICEWS ``Intensity``; files without a CAMEO Code column map the event text.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from toneshift.ingest.actors import distinct_names_sql, register_actors, register_countries
from toneshift.ingest.base import CsvLayout, ReadContext, Reader, sql_str
from toneshift.ingest.detect import head_lines
from toneshift.ingest.lookups import event_text_frame, register_cameo

_RAW_FIELDS = (
    "event_text", "intensity", "source_sectors", "target_sectors", "story_id",
    "sentence_number", "publisher", "city", "province", "country", "latitude", "longitude",
)  # fmt: skip


def snake(name: str) -> str:
    """``"Event Date"`` → ``"event_date"``."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().strip('"').lower()).strip("_")


def _layout(path: Path) -> CsvLayout:
    lines = head_lines(path, 2)
    names = [snake(n) for n in lines[0].split("\t")]
    day = lines[1].split("\t")[names.index("event_date")] if len(lines) > 1 else ""
    fmt = "%m/%d/%Y" if "/" in day else "%Y-%m-%d"
    cols = tuple((n, "DATE" if n == "event_date" else "VARCHAR") for n in names)
    for missing in ("cameo_code", "intensity"):
        if missing not in names:
            cols += ((missing, "VARCHAR"),)
    return CsvLayout(columns=cols, header=True, dateformat=fmt, null_padding="cameo_code"
                     not in names)  # fmt: skip


def _actor(side: str) -> str:
    a = f"a_{side}"
    return f"""{a}.code AS {side}_code, src.{side}_name AS {side}_name,
        coalesce({a}.country, k_{side}.code) AS {side}_country, {a}.sector AS {side}_sector"""


def _select(ctx: ReadContext) -> str:
    raw = ", ".join(f"{sql_str(f)}, src.{f}" for f in _RAW_FIELDS)
    code = "coalesce(nullif(src.cameo_code, 'NA'), t.code)"
    oid = "src.event_id || ':' || strftime(src.event_date, '%Y-%m-%d')"
    return f"""SELECT 'icews:' || {oid} AS event_id, 'icews' AS dataset, {oid} AS original_id,
        src.event_date AS event_date, {_actor("source")}, {_actor("target")},
        {code} AS cameo, left({code}, 2) AS cameo_root, c.plover, c.quad_class,
        coalesce(try_cast(src.intensity AS DOUBLE), c.goldstein_icews) AS goldstein,
        1.0 AS confidence, {sql_str(ctx.source_file)} AS source_file,
        json_object({raw})::VARCHAR AS raw,
        CASE WHEN coalesce(src.event_id, '') = '' THEN 'missing event id'
             WHEN {code} IS NULL THEN 'unknown event text' END AS _reject, _rn
    FROM src
    LEFT JOIN _ts_event_text t ON t.text = {normalised_text("src.event_text")}
    LEFT JOIN _ts_cameo c ON c.code = {code}
    LEFT JOIN _ts_actors a_source ON a_source.name = src.source_name
    LEFT JOIN _ts_actors a_target ON a_target.name = src.target_name
    LEFT JOIN _ts_countries k_source ON k_source.name = lower(src.source_country)
    LEFT JOIN _ts_countries k_target ON k_target.name = lower(src.target_country)"""


def normalised_text(expr: str) -> str:
    """SQL twin of :func:`toneshift.cameo.normalize_event_text`."""
    return f"trim(regexp_replace(lower({expr}), '[^a-z0-9]+', ' ', 'g'))"


def prepare_lookups(con: duckdb.DuckDBPyConnection, names_sql: str) -> None:
    """Register CAMEO codes, event texts, countries and the file's resolved actor names."""
    register_cameo(con)
    con.register("_ts_event_text", event_text_frame())
    register_countries(con)
    register_actors(con, names_sql)


def _prepare(con: duckdb.DuckDBPyConnection, ctx: ReadContext) -> None:
    names = distinct_names_sql(ctx.source_sql, ("source_name", "target_name"), "event_date")
    prepare_lookups(con, names)


ICEWS = Reader(
    name="icews", table="events", key="event_id", layout=_layout, select=_select,
    prepare=_prepare, rownum=True,
)  # fmt: skip
