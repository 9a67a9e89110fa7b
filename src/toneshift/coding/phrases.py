"""Noun phrases and clauses cut from a spaCy dependency parse.

The extractor needs two views of a parse: the words that *name* an actor (a trimmed noun
phrase: no relative clauses, no trailing prepositional phrases except "of ...") and the words of
the *clause* that links two actors (scored for tone).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

# Children whose subtrees are part of the words that name an actor (all others are cut:
# relative clauses, coordination, objects a misparsed headline hangs on a name...).
_NAME_DEPS = frozenset(
    {"compound", "amod", "det", "poss", "case", "nmod", "nummod", "quantmod", "flat", "predet"}
)
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})


def name_tokens(head: Token) -> list[Token]:
    """Tokens of the trimmed noun phrase headed by ``head``, in text order."""
    keep: list[Token] = []
    pending = [head]  # a stack, not recursion: a garbled parse can chain thousands of tokens
    while pending:
        token = pending.pop()
        keep.append(token)
        for child in token.children:
            in_of_phrase = token.dep_ == "prep" and child.dep_ == "pobj"
            if child.dep_ in _NAME_DEPS or _is_of_phrase(child) or in_of_phrase:
                pending.append(child)
    keep.sort(key=lambda t: t.i)
    while keep and keep[0].dep_ in ("det", "case") and keep[0].lower_ in ("a", "an", "some"):
        keep.pop(0)
    return keep


def _is_of_phrase(child: Token) -> bool:
    # "the government of Colombia", "President of Colombia": the of-phrase names the actor
    return child.dep_ == "prep" and child.lower_ == "of"


def span_text(tokens: Sequence[Token]) -> str:
    """The exact text covered by tokens (first to last, as written)."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text


def clause_words(
    predicate: Token, exclude: Iterable[Token], sentence: Span
) -> tuple[list[str], list[str]]:
    """Lemmas and lower-cased words of the predicate's clause, minus the actors' own names.

    The clause is the predicate's subtree (or, for a nominal predicate, the subtree of the verb
    that governs it) without nested clauses of other speakers.
    """
    excluded = {t.i for t in exclude}
    lemmas: list[str] = []
    words: list[str] = []
    for token in predicate.subtree:
        if token.i in excluded or token.is_punct or not sentence.start <= token.i < sentence.end:
            continue
        lemmas.append(token.lemma_.lower())
        words.append(token.lower_)
    return lemmas, words
