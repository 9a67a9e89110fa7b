"""Promises and threats: what an action becomes when it is announced rather than done.

"Honduras is willing to withdraw its troops" is not a withdrawal; CAMEO codes it as an
expression of intent (03x) and PLOVER as AGREE. A hostile action announced for the future
("will impose sanctions", "vowed to strike") is a threat (13x). Mappings follow the CAMEO
codebook's parallel structure between 03x/13x and the roots they announce.
"""

from __future__ import annotations

from toneshift import cameo
from toneshift.errors import ResolveError

ANNOUNCED = frozenset({"promised", "intended", "future"})

# Most specific first: a code prefix of the action → the code of announcing it.
INTENT_CODES: tuple[tuple[str, str], ...] = (
    ("0841", "0353"),  # release people → pledge to release
    ("084", "0353"),
    ("087", "0356"),  # de-escalate → pledge military de-escalation
    ("081", "0351"),
    ("085", "0354"),
    ("086", "0355"),
    ("057", "030"),  # sign an agreement → intend to cooperate
    ("04", "036"),  # consult/meet → offer to meet or negotiate
    ("05", "032"),  # diplomatic cooperation
    ("06", "031"),  # material cooperation
    ("07", "033"),  # aid
    ("08", "035"),  # yield
    ("03", ""),  # already an intent: unchanged
)
THREAT_CODES: tuple[tuple[str, str], ...] = (
    ("163", "1312"),  # sanctions → threaten sanctions
    ("16", "131"),  # reduce relations → threaten non-military action
    ("14", "133"),  # protest → threaten political dissent
    ("17", "137"),  # coerce/repress → threaten repression
    ("15", "138"),  # military posture → threaten military force
    ("18", "138"),
    ("19", "138"),
    ("20", "138"),
)


def _lookup(code: str, table: tuple[tuple[str, str], ...]) -> str | None:
    for prefix, announced in table:
        if code.startswith(prefix):
            return announced or code
    return None


def announced_code(code: str, modality: str) -> str:
    """The CAMEO code of an action under a modality: promised/intended/future actions become
    intents (cooperation) or threats (force, sanctions, repression); others are unchanged."""
    if modality not in ANNOUNCED:
        return code
    mapped = _lookup(code, INTENT_CODES) or _lookup(code, THREAT_CODES)
    if mapped is None:
        return code
    try:
        cameo.cameo_type(mapped)
    except ResolveError:  # a table without the specific code: fall back to the root's general code
        return mapped[:2] + "0"
    return mapped
