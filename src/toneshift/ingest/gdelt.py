"""GDELT events: 2.0 exports (61 columns) and 1.0 files (57-column backfile and 58-column daily
rows mixed in one file). Tab-separated, no header, no quoting.

Normalisation: ``event_id`` = ``gdelt1:``/``gdelt2:`` + GLOBALEVENTID; the actor's first type
code is its sector; PLOVER comes from the CAMEO table; ``tone`` = AvgTone / 10 clipped to
[-1, 1], the raw AvgTone kept in ``raw`` with the other unmapped fields analysts ask for.

``raw`` (the audit record) is the text of the :data:`RAW_FIELDS`, tab-separated in that order,
as they stand in the file (an empty field stays empty; AvgTone, read as a number for ``tone``,
is written in its shortest exact form). :func:`raw_record` turns it back into a dict. A
tab-joined string rather than a JSON object: a third of the bytes and no JSON building, which
made ``raw`` the largest per-row cost of a GDELT ingest (benchmarks/RESULTS.md, "Ingest").
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from toneshift.ingest.base import NULL_MARK, CsvLayout, ReadContext, Reader, gdelt_tone, sql_str
from toneshift.ingest.lookups import register_cameo

_ACTOR = [
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
]  # fmt: skip
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

GDELT2_NAMES: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{x}" for x in _ACTOR), *(f"Actor2{x}" for x in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{x}" for x in _GEO), *(f"Actor2Geo_{x}" for x in _GEO),
    *(f"ActionGeo_{x}" for x in _GEO), "DATEADDED", "SOURCEURL",
)  # fmt: skip
#: GDELT 1.0: the 2.0 order without the three ADM2 columns (58 with SOURCEURL, 57 without).
GDELT1_NAMES: tuple[str, ...] = tuple(n for n in GDELT2_NAMES if not n.endswith("ADM2Code"))

_TYPES = {
    "GLOBALEVENTID": "BIGINT",
    "SQLDATE": "DATE",
    "QuadClass": "TINYINT",
    "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER",
    "NumSources": "INTEGER",
    "AvgTone": "DOUBLE",
}
#: The source fields kept in ``raw``, in their order there.
RAW_FIELDS: tuple[str, ...] = (
    "AvgTone", "IsRootEvent", "EventBaseCode", "NumArticles", "DATEADDED", "Actor1Geo_CountryCode",
    "Actor2Geo_CountryCode", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
)  # fmt: skip


def _typed(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((n, _TYPES.get(n, "VARCHAR")) for n in names)


def raw_record(raw: str) -> dict[str, str]:
    """The source fields of a GDELT row's ``raw``, by name (text as in the file)."""
    values = raw.split("\t")
    if len(values) != len(RAW_FIELDS):
        raise ValueError(f"not a GDELT raw record ({len(values)} fields): {raw[:80]!r}")
    return dict(zip(RAW_FIELDS, values, strict=True))


def _raw_sql() -> str:
    # concat() reads NULL as '' (a missing or padded field), so every field keeps its slot.
    return "concat(" + ", chr(9), ".join(RAW_FIELDS) + ")"


def _layout2(_: Path) -> CsvLayout:
    return CsvLayout(columns=_typed(GDELT2_NAMES), dateformat="%Y%m%d")


def _layout1(_: Path) -> CsvLayout:
    return CsvLayout(
        columns=_typed(GDELT1_NAMES), dateformat="%Y%m%d", null_padding=True, nullstr=NULL_MARK
    )


def _text(col: str, padded: bool) -> str:
    return f"nullif({col}, '')" if padded else col


def events_select(dataset: str, ctx: ReadContext, reject: str, rownum: bool = False) -> str:
    """The SELECT normalising GDELT event columns (both versions) into the events table.

    The CAMEO lookup is a LEFT JOIN with the file on the left: the loader keeps the file as
    the join's probe side, so the rows stay in file order and the INSERT runs on every thread.
    """
    p = ctx.layout.nullstr != ""
    actor = []
    for num, side in ((1, "source"), (2, "target")):
        actor += [
            f"{_text(f'Actor{num}Code', p)} AS {side}_code",
            f"{_text(f'Actor{num}Name', p)} AS {side}_name",
            f"{_text(f'Actor{num}CountryCode', p)} AS {side}_country",
            f"{_text(f'Actor{num}Type1Code', p)} AS {side}_sector",
        ]
    return f"""SELECT {sql_str(dataset + ":")} || GLOBALEVENTID AS event_id,
        {sql_str(dataset)} AS dataset, GLOBALEVENTID::VARCHAR AS original_id,
        SQLDATE AS event_date, {", ".join(actor)},
        {_text("EventCode", p)} AS cameo, {_text("EventRootCode", p)} AS cameo_root,
        c.plover AS plover, QuadClass AS quad_class, GoldsteinScale AS goldstein,
        {gdelt_tone("AvgTone")} AS tone, NumMentions AS mentions, NumSources AS num_sources,
        {_text("SOURCEURL", p)} AS url, 1.0 AS confidence,
        {sql_str(ctx.source_file)} AS source_file, {_raw_sql()} AS raw,
        {reject} AS _reject{", _rn" if rownum else ""}
    FROM src LEFT JOIN _ts_cameo c ON c.code = src.EventCode"""


def _select2(ctx: ReadContext) -> str:
    return events_select("gdelt2", ctx, "NULL::VARCHAR")


def _select1(ctx: ReadContext) -> str:
    cells = ", ".join(f"{n}::VARCHAR" for n in GDELT1_NAMES)
    count = f"len(list_filter([{cells}], lambda x: x IS NOT NULL))"
    reject = f"CASE WHEN DATEADDED IS NULL THEN 'wrong column count ' || {count} END"
    return events_select("gdelt1", ctx, reject, rownum=True)


def _prepare(con: duckdb.DuckDBPyConnection, _: ReadContext) -> None:
    register_cameo(con)


GDELT2 = Reader(
    name="gdelt2", table="events", key="event_id", layout=_layout2, select=_select2,
    prepare=_prepare, direct_select=_select2,
)  # fmt: skip
GDELT1 = Reader(
    name="gdelt1", table="events", key="event_id", layout=_layout1, select=_select1,
    prepare=_prepare, rownum=True, widths=(57, 58),
)  # fmt: skip
