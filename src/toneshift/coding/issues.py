"""Issue tags: which policy issues a sentence or article is about, and the words that said so.

Issues come from the team's lexicon (``data/lexicons/issues.tsv``), matched on lemmas or
lower-cased words. Third countries are found separately, by the actor table's country mentions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from importlib import resources

from toneshift.errors import InputError
from toneshift.models import IssueTag

ISSUES: tuple[str, ...] = (
    "drugs",
    "migration",
    "trade",
    "security",
    "climate_energy",
    "democracy_rights",
)

# first word → [(full trigger as a tuple, issue)], longest first
TriggerIndex = dict[str, tuple[tuple[tuple[str, ...], str], ...]]


@functools.cache
def default_triggers() -> TriggerIndex:
    """The shipped issue lexicon, indexed by a trigger's first word."""
    text = resources.files("toneshift").joinpath("data/lexicons/issues.tsv").read_text("utf-8")
    return build_index(text.splitlines(), name="issues.tsv")


def build_index(lines: Iterable[str], *, name: str) -> TriggerIndex:
    """Index ``issue<TAB>trigger`` lines; a malformed line raises InputError naming it."""
    grouped: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or line.startswith("issue\t"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[0] not in ISSUES or not parts[1].strip():
            raise InputError(f"{name} line {number}: expected '<issue><TAB><trigger>'")
        words = tuple(parts[1].strip().lower().split())
        grouped.setdefault(words[0], []).append((words, parts[0]))
    return {k: tuple(sorted(v, key=lambda t: -len(t[0]))) for k, v in grouped.items()}


def _matches_at(
    lemmas: Sequence[str], words: Sequence[str], i: int, trigger: Sequence[str]
) -> bool:
    if i + len(trigger) > len(lemmas):
        return False
    return all(part in (lemmas[i + k], words[i + k]) for k, part in enumerate(trigger))


def _longest_trigger(
    lemmas: Sequence[str], words: Sequence[str], i: int, index: TriggerIndex
) -> tuple[tuple[str, ...], str] | None:
    best: tuple[tuple[str, ...], str] | None = None
    for key in {lemmas[i], words[i]}:
        for trigger, issue in index.get(key, ()):
            if (best is None or len(trigger) > len(best[0])) and _matches_at(
                lemmas, words, i, trigger
            ):
                best = (trigger, issue)
    return best


def find_issues(
    lemmas: Sequence[str], words: Sequence[str], index: TriggerIndex | None = None
) -> tuple[IssueTag, ...]:
    """Issues in a token sequence (lemmas and lower-cased words, aligned), in first-seen order."""
    index = default_triggers() if index is None else index
    found: dict[str, list[str]] = {}
    i = 0
    while i < len(lemmas):
        hit = _longest_trigger(lemmas, words, i, index)
        if hit is None:
            i += 1
            continue
        trigger, issue = hit
        phrase = " ".join(words[i : i + len(trigger)])
        bucket = found.setdefault(issue, [])
        if phrase not in bucket:
            bucket.append(phrase)
        i += len(trigger)  # a matched phrase is not matched again by its own words
    return tuple(IssueTag(issue, tuple(triggers)) for issue, triggers in found.items())


def merge_issues(groups: Iterable[Sequence[IssueTag]]) -> tuple[IssueTag, ...]:
    """Union of issue tags, triggers merged, first-seen order kept."""
    merged: dict[str, list[str]] = {}
    for group in groups:
        for tag in group:
            bucket = merged.setdefault(tag.issue, [])
            bucket.extend(t for t in tag.triggers if t not in bucket)
    return tuple(IssueTag(issue, tuple(triggers)) for issue, triggers in merged.items())
