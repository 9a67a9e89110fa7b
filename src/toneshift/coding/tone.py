"""Directed tone: how a source speaks of, or acts toward, a target, in [-1, 1].

The score is lexical, over the clause that links the two actors (not the whole document):
VADER's word valences, overridden and extended by the team's diplomacy lexicon (lemmas and
short lemma sequences such as "soften rhetoric" or "extend invitation"), with negation flipping
a term's sign. The event type enters as one more term, worth Goldstein/5 on VADER's scale, so a
neutral-worded invitation still leans warm and a neutral-worded sanction leans cold.
The sum is squashed like VADER's compound score: ``x / sqrt(x² + 15)``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from toneshift.errors import InputError

NEGATIONS = frozenset({"not", "no", "never", "n't", "without", "nor", "neither", "hardly"})
SQUASH_ALPHA = 15.0
TYPE_WEIGHT = 0.2  # valence units per Goldstein point
MAX_GAP = 2  # words allowed between the parts of a multi-word term


@dataclass(frozen=True)
class ToneLexicon:
    """Single-word valences and multi-word terms (first lemma → [(rest, valence)])."""

    words: dict[str, float]
    phrases: dict[str, tuple[tuple[tuple[str, ...], float], ...]]


def _read_diplomacy() -> list[tuple[str, float]]:
    path = resources.files("toneshift").joinpath("data/lexicons/diplomacy.tsv")
    entries: list[tuple[str, float]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("term\t"):
            continue
        parts = line.split("\t")
        try:
            entries.append((parts[0].strip().lower(), float(parts[1])))
        except (IndexError, ValueError) as exc:
            raise InputError(f"diplomacy.tsv line {number}: expected 'term<TAB>valence'") from exc
    return entries


@functools.cache
def default_lexicon() -> ToneLexicon:
    """VADER's lexicon overlaid with the team's diplomacy lexicon (loaded once)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    words = dict(SentimentIntensityAnalyzer().lexicon)
    grouped: dict[str, list[tuple[tuple[str, ...], float]]] = {}
    for term, valence in _read_diplomacy():
        parts = tuple(term.split())
        if len(parts) == 1:
            words[parts[0]] = valence
        else:
            grouped.setdefault(parts[0], []).append((parts[1:], valence))
    phrases = {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in grouped.items()}
    return ToneLexicon(words=words, phrases=phrases)


def _phrase_at(lemmas: Sequence[str], i: int, rest: tuple[str, ...]) -> int | None:
    """End index (exclusive) of ``rest`` following position i with small gaps, or None."""
    pos = i + 1
    for part in rest:
        window = lemmas[pos : pos + MAX_GAP + 1]
        if part not in window:
            return None
        pos += window.index(part) + 1
    return pos


def _negated(lemmas: Sequence[str], i: int) -> bool:
    return any(w in NEGATIONS for w in lemmas[max(0, i - 3) : i])


def lexical_valence(
    lemmas: Sequence[str], words: Sequence[str], lexicon: ToneLexicon | None = None
) -> float:
    """Summed valence of a clause given its lemmas and surface words (lower case)."""
    lex = lexicon or default_lexicon()
    total, i = 0.0, 0
    while i < len(lemmas):
        value, end = None, i + 1
        for rest, valence in lex.phrases.get(lemmas[i], ()):
            stop = _phrase_at(lemmas, i, rest)
            if stop is not None:
                value, end = valence, stop
                break
        if value is None:
            value = lex.words.get(lemmas[i], lex.words.get(words[i]))
        if value is not None:
            total += -0.74 * value if _negated(lemmas, i) else value  # VADER's negation factor
        i = end
    return total


def squash(total: float) -> float:
    """Map an unbounded valence sum into (-1, 1) as VADER's compound score does."""
    return total / math.sqrt(total * total + SQUASH_ALPHA)


def directed_tone(
    lemmas: Sequence[str], words: Sequence[str], goldstein: float | None = None
) -> float:
    """Tone of a clause in [-1, 1], leaning toward the event type's Goldstein weight."""
    total = lexical_valence(lemmas, words)
    if goldstein is not None:
        total += TYPE_WEIGHT * goldstein
    return round(squash(total), 4)
