"""News datelines ("MANILA, Philippines -- ", "KABUL (Pajhwok): ", "ADDIS ABABA, May 15
(Xinhua) -- ") set apart before parsing.

Left in the sentence, a dateline is parsed as part of it: the place in capitals becomes the
subject ("MANILA ... pardoned Estrada") or swallows the real one ("WASHINGTON - Congressional
lawmakers"). A pipeline component placed before the parser starts a new sentence right after the
dateline; the parser keeps preset boundaries, so the dateline is a verbless sentence of its own
and the story's sentence parses as if it stood alone. Token offsets are unchanged.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "toneshift_dateline"

# a place in capitals (3+ letters: "UN:" is a headline, not a dateline), then optionally a
# region or country ("Philippines", "N.M.", "Gaza Strip"), a day ("May 15") and an agency in
# brackets, then a dash, double dash or colon
_DATELINE = re.compile(
    r"""\A\s*
    [A-Z][A-Z.'\u2019-]+(?:\ [A-Z][A-Z.'\u2019-]+)*   # MANILA, ADDIS ABABA, TEL AVIV
    (?<=[A-Z.]{3})
    (?:,\ [A-Z][\w.]*(?:\ [A-Z][\w.]*)*)?              # , Philippines / , N.M.
    (?:,\ [A-Z][a-z]{2,8}\.?\ \d{1,2})?                # , May 15
    \s*(?:\([^()\n]{1,40}\))?                           # (AP), (Xinhua)
    \s*(?:--|-|\u2013|\u2014|:)\s+""",
    re.VERBOSE,
)


# "Cebu City--Police have ...": a place in title case glued to a double dash; "WASHINGTON
# (AP) " President ...": an agency's bracket before a dash lost to a wrong encoding
_GLUED = re.compile(r"\A\s*[A-Z][a-z]+(?:\ [A-Z][a-z]+){0,2}--\s*(?=[A-Z])")
# "Kolkata: The West Bengal government ...": one title-case place and a colon, then a
# sentence that starts with an article or a time phrase (a headline's "Iran: US must ..."
# keeps its speaker)
_PLACE_COLON = re.compile(
    r"\A\s*[A-Z][a-z]+(?:\ [A-Z][a-z]+)?:\s+(?=(?:The|A|An|In|On|Since|After|Last)\b)"
)
_AGENCY_QUOTE = re.compile(r"\A\s*[A-Z][A-Z.'\u2019 -]+\s*\([^()\n]{1,40}\)\s*\"\s+(?=[A-Z])")


# "(CNN) Italian police have ...": an agency alone, in brackets
_AGENCY_ONLY = re.compile(
    r"\A\s*\([A-Z][A-Za-z.&' -]{1,30}\)\s*(?:--|-|\u2013|\u2014|:)?\s+(?=[A-Z])"
)


def dateline_end(text: str) -> int:
    """Character offset where the story starts after a leading dateline; 0 when there is none."""
    for pattern in (_DATELINE, _GLUED, _AGENCY_QUOTE, _AGENCY_ONLY, _PLACE_COLON):
        found = pattern.match(text)
        if found:
            return found.end()
    return 0


@Language.component(COMPONENT)
def split_dateline(doc: Doc) -> Doc:
    """Start a new sentence at the first token after a leading dateline."""
    end = dateline_end(doc.text)
    if end:
        token = next((t for t in doc if t.idx >= end), None)
        if token is not None and token.i > 0:
            token.is_sent_start = True
    return doc
