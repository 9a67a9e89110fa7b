"""toneshift's own JSON lines: one object per line, keyed by the events table's columns.

Read by DuckDB as one text column per line (so bad JSON becomes a reject with its line) and
parsed with its JSON functions. ``event_id`` defaults to ``<dataset>:<original_id>``; a line
with neither, or with a bad ``event_date``, is rejected.
"""

from __future__ import annotations

from pathlib import Path

from toneshift.ingest.base import CsvLayout, ReadContext, Reader, sql_str
from toneshift.store.migrations import EVENT_COLUMNS

_SKIP = {"event_id", "dataset", "original_id", "event_date", "source_file"}


def _layout(_: Path) -> CsvLayout:
    return CsvLayout(columns=(("line", "VARCHAR"),), delim="\x01", quote="")


# Three-letter prefixes of actor codes that are not countries (IGOs, sector-only codes).
NOT_COUNTRIES = (
    "IGO",
    "NGO",
    "MNC",
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "COP",
    "JUD",
    "LEG",
    "BUS",
    "MED",
    "CVL",
    "LAB",
    "EDU",
    "REL",
    "REF",
    "CRM",
    "SPY",
    "ELI",
    "HLH",
    "INS",
    "UIS",
    "SEP",
    "AGR",
    "ENV",
)


def _field(name: str, kind: str) -> str:
    base = kind.replace(" NOT NULL", "")
    value = f"try_cast(j->>{sql_str(name)} AS {base})"
    if name in ("source_country", "target_country"):
        value = f"coalesce({value}, {_country_of(name.split('_')[0] + '_code')})"
    return f"{value} AS {name}"


def _country_of(code_field: str) -> str:
    """SQL: the country part of an actor code given without its country column."""
    code = f"upper(j->>{sql_str(code_field)})"
    excluded = ", ".join(sql_str(p) for p in NOT_COUNTRIES)
    return (
        f"CASE WHEN regexp_full_match({code}, '[A-Z]{{3}}([A-Z]{{3}})*') "
        f"AND left({code}, 3) NOT IN ({excluded}) THEN left({code}, 3) END"
    )


def _select(ctx: ReadContext) -> str:
    fields = ", ".join(_field(n, k) for n, k in EVENT_COLUMNS if n not in _SKIP | {"raw"})
    ds = "coalesce(j->>'dataset', 'toneshift')"
    oid = "j->>'original_id'"
    eid = f"coalesce(j->>'event_id', {ds} || ':' || {oid})"
    return f"""WITH p AS (SELECT _rn, line, CASE WHEN json_valid(line) THEN line::JSON END AS j
                   FROM src WHERE trim(line) <> '')
    SELECT {eid} AS event_id, {ds} AS dataset, coalesce({oid}, {eid}) AS original_id,
        try_cast(j->>'event_date' AS DATE) AS event_date, {fields},
        {sql_str(ctx.source_file)} AS source_file, coalesce(j->>'raw', line) AS raw,
        CASE WHEN j IS NULL THEN 'bad json'
             WHEN {eid} IS NULL THEN 'missing event_id'
             WHEN j->>'event_date' IS NOT NULL AND try_cast(j->>'event_date' AS DATE) IS NULL
             THEN 'bad date' END AS _reject, _rn
    FROM p"""


JSONL = Reader(
    name="jsonl", table="events", key="event_id", layout=_layout, select=_select, rownum=True
)
