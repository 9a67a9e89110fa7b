"""The one name → reader registry. Reader modules are imported only when used."""

from __future__ import annotations

import importlib

from toneshift.errors import InputError
from toneshift.ingest.base import Reader

#: format name → "module:attribute" of its :class:`Reader`.
READERS: dict[str, str] = {
    "gdelt1": "toneshift.ingest.gdelt:GDELT1",
    "gdelt2": "toneshift.ingest.gdelt:GDELT2",
    "gdelt2_mentions": "toneshift.ingest.mentions:MENTIONS",
    "gkg2": "toneshift.ingest.gkg:GKG2",
    "gkg1": "toneshift.ingest.gkg:GKG1",
    "icews": "toneshift.ingest.icews:ICEWS",
    "icews_decoded": "toneshift.ingest.icews_decoded:ICEWS_DECODED",
    "polecat": "toneshift.ingest.polecat:POLECAT",
    "jsonl": "toneshift.ingest.jsonl:JSONL",
}


def get_reader(name: str) -> Reader:
    """The reader registered as ``name``; InputError listing the known names otherwise."""
    target = READERS.get(name)
    if target is None:
        known = ", ".join(sorted(READERS))
        raise InputError(f"unknown format {name!r}; expected auto or one of: {known}")
    module_name, attr = target.split(":")
    reader = getattr(importlib.import_module(module_name), attr)
    assert isinstance(reader, Reader)
    return reader
