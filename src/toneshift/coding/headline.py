"""Headlines in Title Case confuse a parser trained on running text ("Trump Changes Tone,
Invites Colombia's Petro" parses as one long name). A headline is put into sentence case before
parsing, keeping the capitals of words the actor table knows; the length never changes, so
character spans still point into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
POSSESSIVE = re.compile(r"['’]s$")
SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with"}
)
HEADLINE_MAX = 200


def is_headline(text: str) -> bool:
    """A short line without a final full stop whose words are mostly capitalised."""
    line = text.strip()
    if not line or len(line) > HEADLINE_MAX or "\n" in line or line.endswith("."):
        return False
    words = [w for w in WORD.findall(line) if w.lower() not in SMALL_WORDS]
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 3 and capitalised / len(words) >= 0.7


def sentence_case(text: str, is_name: Callable[[str], bool]) -> str:
    """Lower-case the words of a headline that are not names (first word and names kept)."""
    matches = list(WORD.finditer(text))
    keep = _name_positions([m.group() for m in matches], is_name)
    chars = list(text)
    for index, match in enumerate(matches):
        if index == 0 or index in keep or match.group().isupper():
            continue
        chars[match.start() : match.end()] = match.group().lower()
    return "".join(chars)


def _name_positions(words: list[str], is_name: Callable[[str], bool]) -> set[int]:
    keep: set[int] = set()
    bare = [POSSESSIVE.sub("", word) for word in words]
    single = [is_name(word) for word in bare]
    for i, word in enumerate(bare):
        if single[i]:
            keep.add(i)
        elif i + 1 < len(bare) and not single[i + 1] and is_name(f"{word} {bare[i + 1]}"):
            keep.update({i, i + 1})  # "White House": a name only as a pair
    return keep
