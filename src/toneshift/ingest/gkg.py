"""GDELT Global Knowledge Graph: 2.1 (27 columns, ``GKGRECORDID`` first) and the 1.0 daily
file (11 columns). Tab-separated, no header. Into the ``gkg`` table.

The tone field splits into its values: ``Tone, Positive, Negative, Polarity, Activity density,
Self/group density[, WordCount]`` (7 in 2.1's V2Tone, 6 in 1.0). GKG 1.0 rows have no id:
``record_id`` = ``gkg1:<date>:<md5 of the source URLs and themes>``.
"""

from __future__ import annotations

from pathlib import Path

from toneshift.ingest.base import CsvLayout, ReadContext, Reader, sql_str, varchar_columns

GKG2_NAMES: tuple[str, ...] = (
    "GKGRECORDID", "DATE", "SourceCollectionIdentifier", "SourceCommonName",
    "DocumentIdentifier", "Counts", "V2Counts", "Themes", "V2Themes", "Locations",
    "V2Locations", "Persons", "V2Persons", "Organizations", "V2Organizations", "V2Tone", "Dates",
    "GCAM", "SharingImage", "RelatedImages", "SocialImageEmbeds", "SocialVideoEmbeds",
    "Quotations", "AllNames", "Amounts", "TranslationInfo", "Extras",
)  # fmt: skip
GKG1_NAMES: tuple[str, ...] = (
    "DATE", "NUMARTS", "COUNTS", "THEMES", "LOCATIONS", "PERSONS", "ORGANIZATIONS", "TONE",
    "CAMEOEVENTIDS", "SOURCES", "SOURCEURLS",
)  # fmt: skip

_TONE_PARTS = ("tone", "positive", "negative", "polarity", "activity_density",
               "self_group_density")  # fmt: skip


def _tone(col: str) -> str:
    parts = [
        f"try_cast(string_split({col}, ',')[{i + 1}] AS DOUBLE) AS {name}"
        for i, name in enumerate(_TONE_PARTS)
    ]
    return ", ".join(parts)


def _select2(ctx: ReadContext) -> str:
    return f"""SELECT GKGRECORDID AS record_id, 2 AS version,
        try_strptime(DATE, '%Y%m%d%H%M%S') AS date, SourceCommonName AS source_name,
        DocumentIdentifier AS url, V2Counts AS counts, V2Themes AS themes,
        V2Locations AS locations, V2Persons AS persons, V2Organizations AS organizations,
        {_tone("V2Tone")}, try_cast(string_split(V2Tone, ',')[7] AS INTEGER) AS word_count,
        AllNames AS all_names, Quotations AS quotations, Amounts AS amounts,
        TranslationInfo AS translation_info, {sql_str(ctx.source_file)} AS source_file,
        CASE WHEN try_strptime(DATE, '%Y%m%d%H%M%S') IS NULL THEN 'bad date'
             WHEN coalesce(GKGRECORDID, '') = '' THEN 'missing record id' END AS _reject, _rn
    FROM src"""


def _select1(ctx: ReadContext) -> str:
    return f"""SELECT 'gkg1:' || DATE || ':' || md5(concat_ws('|', SOURCEURLS, THEMES, COUNTS,
            LOCATIONS, PERSONS, ORGANIZATIONS, TONE)) AS record_id, 1 AS version,
        try_strptime(DATE, '%Y%m%d') AS date, SOURCES AS source_name, SOURCEURLS AS url,
        COUNTS AS counts, THEMES AS themes, LOCATIONS AS locations, PERSONS AS persons,
        ORGANIZATIONS AS organizations, {_tone("TONE")}, CAMEOEVENTIDS AS cameo_event_ids,
        {sql_str(ctx.source_file)} AS source_file,
        CASE WHEN try_strptime(DATE, '%Y%m%d') IS NULL THEN 'bad date' END AS _reject, _rn
    FROM src"""


def _layout2(_: Path) -> CsvLayout:
    return CsvLayout(columns=varchar_columns(GKG2_NAMES))


def _layout1(_: Path) -> CsvLayout:
    return CsvLayout(columns=varchar_columns(GKG1_NAMES))


GKG2 = Reader(
    name="gkg2", table="gkg", key="record_id", layout=_layout2, select=_select2, rownum=True
)
GKG1 = Reader(
    name="gkg1", table="gkg", key="record_id", layout=_layout1, select=_select1, rownum=True
)
