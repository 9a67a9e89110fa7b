from hypothesis import given
from hypothesis import strategies as st

from toneshift.coding.tone import directed_tone, lexical_valence, squash


def _tone(text: str, goldstein: float | None = None) -> float:
    words = text.lower().split()
    return directed_tone(words, words, goldstein)


def test_invitation_is_warm_and_criticism_cold():
    assert _tone("extend an invitation to visit", 4.0) > 0.3
    assert _tone("openly criticize drug policy", -2.0) < -0.3


def test_multiword_terms_match_with_small_gaps():
    assert lexical_valence(["soften", "his", "rhetoric"], ["soften", "his", "rhetoric"]) > 1.0


def test_negation_flips_sign():
    assert _tone("agree") > 0 > _tone("do not agree")


def test_event_type_leans_neutral_wording():
    assert _tone("meet", 1.0) > _tone("meet", None)
    assert _tone("the ministry", -5.0) < 0


@given(st.floats(min_value=-1e3, max_value=1e3, allow_nan=False))
def test_squash_is_bounded_and_monotone(x: float):
    assert -1.0 < squash(x) < 1.0
    assert squash(x + 1.0) >= squash(x)
