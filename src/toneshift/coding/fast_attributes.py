"""A faster stand-in for spaCy's ``attribute_ruler`` in the English pipelines.

The stock ruler runs a token ``Matcher`` over every document to map fine-grained tags to
coarse parts of speech and morphology (plus a few word exceptions); on this project's machine
that costs as much as the parser itself. Nearly all its patterns constrain one token, so here
they are looked up in dictionaries keyed by (tag, lower-cased word); the few two-token patterns
are checked only where their first word occurs. Patterns apply in their original order, later
ones overriding earlier ones, as in spaCy. ``tests/coding/test_fast_attributes.py`` checks that
the output equals the stock ruler's on real text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

FACTORY = "toneshift_fast_attributes"
_KNOWN = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
MEMO_LIMIT = 200_000


@dataclass(frozen=True)
class Rule:
    """One pattern: per-token constraints, the attributes it sets, and on which token."""

    order: int
    tokens: tuple[dict[str, Any], ...]
    attrs: dict[str, Any]
    index: int
    exact: bool = False  # the lookup key alone decides the match (no further checks)


def _matches(token: Token, constraint: dict[str, Any]) -> bool:
    for key, value in constraint.items():
        actual: Any
        if key == "TAG":
            actual = token.tag_
        elif key == "LOWER":
            actual = token.lower_
        elif key == "DEP":
            actual = token.dep_
        else:
            actual = token.is_space
        if isinstance(value, dict):
            if not _operators_hold(actual, value):
                return False
        elif actual != value:
            return False
    return True


def _operators_hold(actual: Any, operators: dict[str, Any]) -> bool:
    """The Matcher's set and regex operators: IN, NOT_IN, REGEX."""
    for op, operand in operators.items():
        if op == "IN" and actual not in operand:
            return False
        if op == "NOT_IN" and actual in operand:
            return False
        if op == "REGEX" and not re.search(operand, str(actual)):
            return False
        if op not in ("IN", "NOT_IN", "REGEX"):
            raise ValueError(f"unsupported attribute-ruler operator: {op}")
    return True


def _plain(value: Any) -> str | None:
    """A constraint value usable as a dictionary key (exact strings only)."""
    return value if isinstance(value, str) else None


def _apply(token: Token, attrs: dict[str, Any]) -> None:
    for key, value in attrs.items():
        if key == "POS":
            token.pos = value
        elif key == "MORPH":
            token.set_morph(value)  # type: ignore[attr-defined]  # spaCy ≥ 3.2, not in stubs
        elif key == "LEMMA":
            token.lemma_ = value
        elif key == "TAG":
            token.tag_ = value


def _compile_attrs(attrs: dict[str, str], vocab: Any) -> dict[str, Any]:
    """POS as its integer id and MORPH as its hash, so applying them parses nothing."""
    from spacy.parts_of_speech import IDS

    out: dict[str, Any] = dict(attrs)
    if "POS" in out:
        out["POS"] = IDS[out["POS"]]
    if "MORPH" in out and vocab is not None:
        out["MORPH"] = vocab.morphology.add(out["MORPH"])
    return out


class FastAttributeRuler:
    """Applies attribute-ruler patterns by dictionary lookup instead of a Matcher."""

    def __init__(self, patterns: Iterable[dict[str, Any]], vocab: Any = None) -> None:
        self.single: dict[tuple[str | None, str | None], list[Rule]] = {}
        self._memo: dict[tuple[str, str, str, bool], tuple[Rule, ...]] = {}
        self.multi: dict[str | None, list[Rule]] = {}
        order = 0
        for entry in patterns:
            for pattern in entry["patterns"]:
                if any(set(tok) - _KNOWN for tok in pattern):
                    raise ValueError(f"unsupported attribute-ruler pattern: {pattern}")
                attrs = _compile_attrs(entry["attrs"], vocab)
                first = pattern[0]
                key = (_plain(first.get("TAG")), _plain(first.get("LOWER")))
                exact = len(pattern) == 1 and len(first) == sum(k is not None for k in key)
                rule = Rule(order, tuple(pattern), attrs, entry.get("index", 0), exact)
                order += 1
                if len(pattern) == 1:
                    self.single.setdefault(key, []).append(rule)
                else:
                    self.multi.setdefault(_plain(first.get("LOWER")), []).append(rule)

    def _single_rules(self, token: Token) -> tuple[Rule, ...]:
        # the single-token rules that hold for a (tag, word, dependency) triple, memoised:
        # such triples repeat across a corpus, so most tokens cost one dictionary lookup
        memo_key = (token.tag_, token.lower_, token.dep_, token.is_space)
        found = self._memo.get(memo_key)
        if found is None:
            tag, lower = memo_key[0], memo_key[1]
            found = tuple(
                rule
                for key in ((tag, lower), (tag, None), (None, lower), (None, None))
                for rule in self.single.get(key, ())
                if rule.exact or _matches(token, rule.tokens[0])
            )
            if len(self._memo) < MEMO_LIMIT:
                self._memo[memo_key] = found
        return found

    def _token_hits(self, doc: Doc, token: Token, hits: list[tuple[int, int, Rule]]) -> None:
        hits.extend((rule.order, token.i, rule) for rule in self._single_rules(token))
        lower = token.lower_
        for rule in (*self.multi.get(lower, ()), *self.multi.get(None, ())):
            end = token.i + len(rule.tokens)
            if end <= len(doc) and all(
                _matches(doc[token.i + k], c) for k, c in enumerate(rule.tokens)
            ):
                hits.append((rule.order, token.i, rule))

    def __call__(self, doc: Doc) -> Doc:
        hits: list[tuple[int, int, Rule]] = []
        for token in doc:
            self._token_hits(doc, token, hits)
        hits.sort(key=lambda h: (h[0], h[1]))  # later patterns override earlier ones
        for _order, start, rule in hits:
            _apply(doc[start + rule.index], rule.attrs)
        return doc


@Language.factory(FACTORY, default_config={"patterns": []})
def make_fast_attributes(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> Any:
    """spaCy factory for :class:`FastAttributeRuler`."""
    return FastAttributeRuler(patterns, nlp.vocab)


def swap_attribute_ruler(nlp: Language) -> Language:
    """Replace the pipeline's ``attribute_ruler`` with the fast one, same patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    patterns = nlp.get_pipe("attribute_ruler").patterns  # type: ignore[attr-defined]
    nlp.replace_pipe("attribute_ruler", FACTORY, config={"patterns": patterns})
    return nlp
