"""Derive ``src/toneshift/data/verb_patterns.tsv`` from the PETRARCH CAMEO verb dictionary.

Source: ``CAMEO.2.0.txt`` (openeventdata/petrarch2, MIT; marked "may train" in the shared
data licence table). Run::

    .venv/bin/python scripts/build_verb_lexicon.py /path/to/CAMEO.2.0.txt

What the conversion keeps and drops
-----------------------------------
* ``--- VERB [code] ---`` opens a family; every synonym line in it (``WORD {FORMS} [code]``,
  ``+MULTI_WORD``) becomes a verb-only row with its own code or the family code; the
  inflection braces are dropped (the matcher works on lemmas).
* ``- * WORDS (PREP WORDS) [code]`` becomes one row per verb of the family: the words after
  ``*`` and inside ``{...}`` are object lemmas, the first preposition of a ``(...)`` phrase
  becomes the preposition and its noun joins the objects; a leading particle (``off``,
  ``up``...) is folded into the verb ("set off"). ``&SYNSET`` words expand to their
  members (one synset per pattern; a set of more than 12 members drops the
  pattern). ``$``/``+``/``^``/``%`` markers drop.
* Patterns with words before ``*`` (subject-side constraints) are skipped, as are codes
  ``---``; ``[a:b]`` keeps ``a`` (or ``b`` when ``a`` is empty).
* Words are lower-cased and crudely singularised (the matcher applies the same rule).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

PARTICLES = frozenset({"off", "up", "out", "down", "away", "back", "forward", "aside", "over"})
MAX_SYNSET = 12
MAX_OBJECT_WORDS = 3
OUT = Path(__file__).resolve().parents[1] / "src" / "toneshift" / "data" / "verb_patterns.tsv"
CODES = OUT.parent / "cameo_codes.csv"
KNOWN: frozenset[str] = frozenset()
HEADER = "code\tkind\tlemma\tobjects\tprep\tnote"
_CODE = re.compile(r"\[([0-9:]*|---)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def singular(word: str) -> str:
    """The crude singular the matcher also applies (``sanctions`` → ``sanction``)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def known_codes() -> frozenset[str]:
    """Codes of the project's CAMEO table; PETRARCH codes outside it (``176``...) drop."""
    with CODES.open(encoding="utf-8") as handle:
        return frozenset(line.split(",", 1)[0] for line in handle.read().splitlines()[1:])


def clean_code(raw: str) -> str | None:
    """``042:043`` → ``042``; ``:026`` → ``026``; ``---`` or a non-CAMEO code → None."""
    parts = [p for p in raw.split(":") if p.isdigit() and p in KNOWN]
    return parts[0] if parts else None


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` blocks followed by ``+MEMBER`` lines, before the verb patterns."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = text.split()[0]
            sets[current] = []
        elif text.startswith("+") and current is not None:
            sets[current].append(text[1:].split()[0].replace("_", " ").strip().lower())
        elif text.startswith("---"):
            current = None
    return sets


def words_of(token: str, synsets: dict[str, list[str]]) -> list[list[str]]:
    """Alternatives for one token: a synset expands, a plain word is itself."""
    if token.startswith("&"):
        members = synsets.get(token.rstrip("_"), synsets.get(token, []))
        if not members or len(members) > MAX_SYNSET:
            return []
        return [[singular(w) for w in m.split()] for m in members]
    word = re.sub(r"[^a-z\-]", "", token.lower())
    return [[singular(word)]] if word else [[]]


def parse_pattern(body: str) -> tuple[str, list[str], str] | None:
    """``* OFF {A B} (TO C)`` → (particle, object tokens, preposition)."""
    pre, star, post = body.partition("*")
    if not star or pre.strip():
        return None
    post = post.replace("{", " ").replace("}", " ")
    prep = ""
    tokens: list[str] = []
    for chunk in re.findall(r"\([^)]*\)|[^\s()]+", post):
        if chunk.startswith("("):
            inner = chunk.strip("()").split()
            if inner and not prep:
                prep = inner[0].lower()
            tokens.extend(inner[1:])
        elif chunk not in {"$", "+", "^", "%"}:
            tokens.append(chunk)
    particle = ""
    if tokens and tokens[0].lower() in PARTICLES:
        particle = tokens.pop(0).lower()
    return particle, tokens, prep


def expand(tokens: list[str], synsets: dict[str, list[str]]) -> Iterator[list[str]]:
    """Every object-word list the tokens stand for (synsets multiply)."""
    if sum(tok.startswith("&") for tok in tokens) > 1:
        return
    results: list[list[str]] = [[]]
    for tok in tokens:
        alts = words_of(tok, synsets)
        if not alts:
            return
        results = [r + a for r in results for a in alts]
    yield from results


def verb_lemma(line: str) -> str:
    """First word of a synonym line, ``+ASK_FOR`` → ``ask for``."""
    word = line.split()[0].lstrip("+").replace("_", " ").strip().lower()
    return word


def convert(text: str) -> list[str]:
    """The TSV rows (without header) for the whole dictionary text."""
    lines = text.splitlines()
    synsets = read_synsets(lines)
    rows: list[str] = []
    seen: set[tuple[str, str, str]] = set()
    verbs: list[str] = []
    family_code: str | None = None
    for line in lines:
        head = _HEADER.match(line)
        if head:
            verbs, family_code = [], clean_code(head.group(2))
            continue
        body = line.split("#", 1)[0].strip()
        if not body or body.startswith("&"):
            continue
        if _in_patterns(body, verbs):
            rows.extend(_pattern_rows(body, verbs, synsets, seen))
        elif (re.match(r"^\+?[A-Z][A-Z_\-']*", body) and family_code is not None) or _CODE.search(
            body
        ):
            _add_verb(body, verbs, family_code, rows, seen)
        elif re.match(r"^\+?[A-Z]", body):
            verbs.append(verb_lemma(body))
    return rows


def _in_patterns(body: str, verbs: list[str]) -> bool:
    return body.startswith("-") and bool(verbs)


def _add_verb(
    body: str,
    verbs: list[str],
    family: str | None,
    rows: list[str],
    seen: set[tuple[str, str, str]],
) -> None:
    lemma = verb_lemma(body)
    if not re.match(r"^[a-z][a-z \-']*$", lemma):
        return
    verbs.append(lemma)
    found = _CODE.search(body)
    code = clean_code(found.group(1)) if found else family
    if code and (lemma, "", "") not in seen:
        seen.add((lemma, "", ""))
        rows.append(f"{code}\tverb\t{lemma}\t\t\tp2")


def _pattern_rows(
    body: str, verbs: list[str], synsets: dict[str, list[str]], seen: set[tuple[str, str, str]]
) -> Iterator[str]:
    found = _CODE.search(body)
    code = clean_code(found.group(1)) if found else None
    parsed = parse_pattern(_CODE.sub("", body)[1:])
    if code is None or parsed is None:
        return
    particle, tokens, prep = parsed
    for objects in expand(tokens, synsets):
        obj = " ".join(w for w in objects if w)
        for verb in verbs:
            lemma = f"{verb} {particle}" if particle else verb
            key = (lemma, obj, prep)
            if key in seen or not (obj or prep or particle) or len(objects) > MAX_OBJECT_WORDS:
                continue
            seen.add(key)
            yield f"{code}\tverb\t{lemma}\t{obj}\t{prep}\tp2"


def main(argv: list[str]) -> int:
    """Read the dictionary named on the command line and write the TSV."""
    if len(argv) != 2:
        sys.stderr.write("usage: build_verb_lexicon.py CAMEO.2.0.txt\n")
        return 2
    global KNOWN
    KNOWN = known_codes()
    text = Path(argv[1]).read_text(encoding="utf-8", errors="replace")
    rows = convert(text)
    OUT.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    sys.stdout.write(f"wrote {len(rows)} rows to {OUT}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
