"""GDELT 2.0 Mentions (16 columns): tab-separated without a header as published, or
comma-separated with a lower-case header (as in some research copies). Into ``gdelt_mentions``.

``mention_id`` = event id, mention time, URL and sentence: the same mention re-emitted in a
later batch is a duplicate. ``event_id`` joins ``events.event_id`` (``gdelt2:<id>``).
"""

from __future__ import annotations

from pathlib import Path

from toneshift.ingest.base import CsvLayout, ReadContext, Reader, sql_str
from toneshift.ingest.detect import head_lines

NAMES: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "BIGINT"), ("EventTimeDate", "VARCHAR"), ("MentionTimeDate", "VARCHAR"),
    ("MentionType", "TINYINT"), ("MentionSourceName", "VARCHAR"),
    ("MentionIdentifier", "VARCHAR"), ("SentenceID", "INTEGER"), ("Actor1CharOffset", "INTEGER"),
    ("Actor2CharOffset", "INTEGER"), ("ActionCharOffset", "INTEGER"), ("InRawText", "TINYINT"),
    ("Confidence", "INTEGER"), ("MentionDocLen", "INTEGER"), ("MentionDocTone", "DOUBLE"),
    ("MentionDocTranslationInfo", "VARCHAR"), ("Extras", "VARCHAR"),
)  # fmt: skip


def _layout(path: Path) -> CsvLayout:
    first = head_lines(path, 1)[0]
    if first.lower().startswith("globaleventid,"):
        return CsvLayout(columns=NAMES, delim=",", header=True, quote='"')
    return CsvLayout(columns=NAMES)


def _ts(col: str) -> str:
    return f"try_strptime({col}, '%Y%m%d%H%M%S')"


def _select(ctx: ReadContext) -> str:
    key = (
        "concat_ws('|', GLOBALEVENTID, MentionTimeDate, MentionIdentifier, SentenceID, "
        "ActionCharOffset)"
    )
    return f"""SELECT {key} AS mention_id, 'gdelt2:' || GLOBALEVENTID AS event_id,
        {_ts("EventTimeDate")} AS event_time, {_ts("MentionTimeDate")} AS mention_time,
        MentionType AS mention_type, MentionSourceName AS source_name,
        MentionIdentifier AS url, SentenceID AS sentence_id, Actor1CharOffset AS actor1_offset,
        Actor2CharOffset AS actor2_offset, ActionCharOffset AS action_offset,
        InRawText AS in_raw_text, Confidence AS confidence, MentionDocLen AS doc_len,
        MentionDocTone AS doc_tone, MentionDocTranslationInfo AS translation_info,
        Extras AS extras, {sql_str(ctx.source_file)} AS source_file,
        CASE WHEN {_ts("MentionTimeDate")} IS NULL THEN 'bad date' END AS _reject, _rn
    FROM src"""


MENTIONS = Reader(
    name="gdelt2_mentions", table="gdelt_mentions", key="mention_id", layout=_layout,
    select=_select, rownum=True,
)  # fmt: skip
