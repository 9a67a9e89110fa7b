"""Verb and noun pattern lexicon: (lemma, object words, particle, prepositions) → CAMEO code.

Two tab-separated tables ship in ``toneshift/data``: ``team_patterns.tsv`` (written by the
project, one or more patterns for every three-digit CAMEO code) and ``verb_patterns.tsv``
(generated from the PETRARCH2 verb dictionary by ``scripts/build_verb_lexicon.py``). Both have
the header ``code kind lemma objects prep note``; ``kind`` is ``verb`` or ``noun``.

Matching is a handful of dictionary lookups. The most specific pattern wins: each object word
counts 2, a preposition or phrasal particle 1, the bare verb 1; team patterns win ties.
A complement verb ("threaten to impose sanctions") is coded through frames: the outer verb's
CAMEO family (threaten, intend, appeal, demand, refuse) turns the inner event into the
matching sub-code (inner 163 sanctions under "threaten" → 1312).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from toneshift.cameo import all_codes
from toneshift.errors import InputError

__all__ = ["VerbLexicon", "VerbMatch", "singular"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
HEADER = ("code", "kind", "lemma", "objects", "prep", "note")
KINDS = frozenset({"verb", "noun"})


@dataclass(frozen=True)
class VerbMatch:
    """The code a pattern gives, the pattern as text, its specificity and a confidence."""

    cameo: str
    pattern: str
    specificity: int
    confidence: float


class _Pattern(NamedTuple):
    # a NamedTuple, not a frozen dataclass: 62k are built at start-up, three times faster
    code: str
    kind: str
    lemma: str
    objects: frozenset[str]
    prep: str
    team: bool

    @property
    def specificity(self) -> int:
        return len(self.lemma.split()) + 2 * len(self.objects) + (1 if self.prep else 0)

    def describe(self) -> str:
        parts = [self.lemma, *sorted(self.objects)]
        if self.prep:
            parts.append(f"({self.prep})")
        return " ".join(parts)


def singular(word: str) -> str:
    """Lower-case, crude singular: ``Sanctions`` → ``sanction`` (the build script's rule)."""
    word = word.strip().lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.cache
def _known_codes() -> frozenset[str]:
    return frozenset(t.code for t in all_codes())


def _parse_line(line: str, where: str, team: bool) -> _Pattern:
    fields = line.rstrip("\n").split("\t")
    if len(fields) != len(HEADER):
        raise InputError(f"{where}: expected {len(HEADER)} tab-separated fields, got {len(fields)}")
    code, kind, lemma, objects, prep = (f.strip() for f in fields[:5])
    if code not in _known_codes():
        raise InputError(f"{where}: unknown CAMEO code {code!r}")
    if kind not in KINDS or not lemma:
        raise InputError(f"{where}: kind must be verb or noun and lemma non-empty")
    objs = frozenset(singular(w) for w in objects.split())
    return _Pattern(code, kind, " ".join(lemma.lower().split()), objs, prep.lower(), team)


def read_patterns(path: Path, *, team: bool = False) -> list[_Pattern]:
    """Read one pattern TSV; InputError names the file and line of a malformed row."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise InputError(f"{path}:1: header must be {' '.join(HEADER)} (tab-separated)")
    return [
        _parse_line(line, f"{path}:{number}", team)
        for number, line in enumerate(lines[1:], start=2)
        if line.strip() and not line.startswith("#")
    ]


# Frames for "OUTER to INNER": inner code prefixes (longest first wins) → resulting code.
_FRAMES: dict[str, dict[str, str]] = {
    "threaten": {
        "163": "1312",
        "162": "1311",
        "161": "1313",
        "160": "1313",
        "164": "134",
        "165": "135",
        "166": "136",
        "1721": "1321",
        "1722": "1322",
        "1723": "1323",
        "1724": "1324",
        "172": "132",
        "175": "137",
        "14": "133",
        "191": "1381",
        "192": "1382",
        "18": "1383",
        "19": "1384",
        "20": "1385",
        "15": "138",
        "17": "131",
        "": "130",
    },
    "intend": {
        "045": "039",
        "04": "036",
        "057": "030",
        "05": "032",
        "061": "0311",
        "062": "0312",
        "063": "0313",
        "064": "0314",
        "06": "031",
        "071": "0331",
        "072": "0332",
        "073": "0333",
        "074": "0334",
        "07": "033",
        "081": "0351",
        "084": "0353",
        "085": "0354",
        "086": "0355",
        "087": "0356",
        "08": "035",
        "": "030",
    },
    "appeal": {
        "045": "028",
        "04": "026",
        "05": "022",
        "06": "021",
        "071": "0231",
        "072": "0232",
        "073": "0233",
        "074": "0234",
        "07": "023",
        "081": "0251",
        "084": "0253",
        "085": "0254",
        "086": "0255",
        "087": "0256",
        "08": "025",
        "": "020",
    },
    "demand": {
        "045": "108",
        "04": "106",
        "05": "102",
        "06": "101",
        "07": "103",
        "081": "1051",
        "084": "1053",
        "085": "1054",
        "086": "1055",
        "087": "1056",
        "08": "105",
        "": "100",
    },
    "refuse": {
        "045": "126",
        "04": "125",
        "057": "127",
        "05": "120",
        "06": "121",
        "07": "122",
        "081": "1241",
        "084": "1243",
        "085": "1244",
        "086": "1245",
        "087": "1246",
        "08": "124",
        "": "120",
    },
}
_FRAME_OF_ROOT = {"13": "threaten", "03": "intend", "02": "appeal", "10": "demand", "12": "refuse"}
_INTENT_VERBS = frozenset(
    {
        "plan",
        "intend",
        "agree",
        "promise",
        "pledge",
        "vow",
        "offer",
        "want",
        "hope",
        "seek",
        "prepare",
        "aim",
        "expect",
    }
)


def demanded_code(code: str) -> str:
    """The CAMEO demand (10x) for an action someone says another must take."""
    return _frame_code("demand", code)


def _frame_code(frame: str, inner: str) -> str:
    table = _FRAMES[frame]
    for size in (4, 3, 2, 0):
        if inner[:size] in table and len(inner) >= size:
            return table[inner[:size]]
    return table[""]


# an authority ordering a coercive act performs it
COMMANDING_VERBS = frozenset({"order", "direct", "instruct", "force", "compel"})
# "decided to lift", "began to withdraw", "moved to ease": the complement is done, not promised
ENACTING_VERBS = frozenset({"decide", "resolve", "begin", "start", "move", "continue"})


def _frame_for(verb: str, outer: VerbMatch | None) -> str | None:
    if verb in ENACTING_VERBS:
        return None
    if verb in _INTENT_VERBS:
        return "intend"
    return _FRAME_OF_ROOT.get(outer.cameo[:2]) if outer else None


def _compose(verb: str, outer: VerbMatch | None, inner: VerbMatch) -> VerbMatch:
    """Code "VERB to INNER" from the outer verb's frame and the inner event."""
    frame = _frame_for(verb, outer)
    if frame is None:
        # "decided to lift": the complement is the act; "convicted X to pay", "forced X to
        # withdraw": the outer verb is the act toward X
        return inner if outer is None or verb in ENACTING_VERBS else outer
    if frame == "intend" and inner.cameo[:2] >= "13":
        frame = "threaten"
    elif frame != "threaten" and inner.cameo[:2] >= "09":
        if verb in COMMANDING_VERBS and inner.cameo[:2] >= "16":
            return inner  # "ordered X jailed", "ordered Y to suspend publication": coercion
        return outer or inner
    code = _frame_code(frame, inner.cameo)
    spec = inner.specificity + 1
    confidence = min(0.95, max(inner.confidence, outer.confidence if outer else 0.0))
    return VerbMatch(code, f"{verb} to {inner.pattern}", spec, confidence)


class VerbLexicon:
    """Pattern lexicon with an index by (kind, lemma, anchor word)."""

    def __init__(self, patterns: Iterable[_Pattern]) -> None:
        """Index ``patterns``; earlier ones win ties with later ones of equal rank."""
        self._index: dict[tuple[str, str, str], list[tuple[int, _Pattern]]] = {}
        for order, pattern in enumerate(patterns):
            anchor = min(pattern.objects) if pattern.objects else ""
            key = (pattern.kind, pattern.lemma, anchor)
            self._index.setdefault(key, []).append((order, pattern))
        self.size = sum(len(v) for v in self._index.values())

    @classmethod
    def from_files(cls, team: Path | None = None, derived: Path | None = None) -> VerbLexicon:
        """Load a team table and/or a derived table (team rows rank first on ties)."""
        patterns: list[_Pattern] = []
        if team is not None:
            patterns += read_patterns(team, team=True)
        if derived is not None:
            patterns += read_patterns(derived)
        return cls(patterns)

    @classmethod
    def default(cls) -> VerbLexicon:
        """The shipped lexicon, loaded once per process."""
        return _default_lexicon()

    def _best(
        self, kind: str, lemmas: Sequence[tuple[str, int]], words: frozenset[str], preps: set[str]
    ) -> VerbMatch | None:
        best: tuple[tuple[int, bool, int, int], _Pattern] | None = None
        for lemma, bonus in lemmas:
            for anchor in ("", *words):
                for order, pat in self._index.get((kind, lemma, anchor), ()):
                    if not pat.objects <= words or (pat.prep and pat.prep not in preps):
                        continue
                    # a derived pattern's preposition is weak evidence (often an adjunct: "met
                    # at the palace", "sued for records"): it does not outrank the team's
                    # entry for the bare verb, only other derived patterns
                    weak = 1 if pat.prep and not pat.team else 0
                    rank = (pat.specificity + bonus - weak, pat.team, pat.specificity, -order)
                    if best is None or rank > best[0]:
                        best = (rank, pat)
        if best is None:
            return None
        (spec, _team, _raw, _order), pat = best
        confidence = min(0.95, (0.6 if pat.team else 0.45) + 0.05 * spec)
        return VerbMatch(pat.code, pat.describe(), spec, round(confidence, 2))

    def match(
        self,
        verb: str,
        *,
        object_words: Sequence[str] = (),
        particle: str | None = None,
        prepositions: Sequence[str] = (),
        complement_verb: str | None = None,
        complement_words: Sequence[str] = (),
    ) -> VerbMatch | None:
        """The most specific verb pattern for a clause, or None when no pattern applies."""
        verb = " ".join(verb.lower().split())
        words = frozenset(singular(w) for w in object_words if w.strip())
        preps = {p.lower() for p in prepositions}
        lemmas = _verb_lemmas(verb, particle, preps, words)
        if complement_verb:
            outer = self._best("verb", lemmas, frozenset(), preps)
            inner = self.match(
                complement_verb,
                object_words=complement_words or object_words,
                prepositions=sorted(preps),
            )
            return _compose(verb, outer, inner) if inner else outer
        return self._best("verb", lemmas, words, preps)

    def match_noun(
        self, noun: str, *, modifier_words: Sequence[str] = (), prepositions: Sequence[str] = ()
    ) -> VerbMatch | None:
        """The pattern for a nominal event ("sanctions" (against), "talks" (with)), or None."""
        words = frozenset(singular(w) for w in modifier_words if w.strip())
        preps = {p.lower() for p in prepositions}
        return self._best("noun", [(singular(noun), 0)], words, preps)


def _verb_lemmas(
    verb: str, particle: str | None, preps: set[str], words: frozenset[str]
) -> list[tuple[str, int]]:
    """Lexicon lemmas a clause can stand for, with the bonus each earns by consuming a word."""
    lemmas = [(verb, 0)]
    if particle:
        lemmas.append((f"{verb} {particle.lower()}", 0))
    lemmas.extend((f"{verb} {p}", 0) for p in preps)
    lemmas.extend((f"{verb} {w}", 1) for w in words)
    return lemmas


@functools.cache
def _default_lexicon() -> VerbLexicon:
    return VerbLexicon.from_files(DATA_DIR / "team_patterns.tsv", DATA_DIR / "verb_patterns.tsv")
