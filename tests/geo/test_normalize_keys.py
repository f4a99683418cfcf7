from hypothesis import given
from hypothesis import strategies as st

from chronique.geo._normalize import name_key


def test_normalize_keys_fold_accents_case_and_punctuation():
    assert name_key("Deir ez-Zor") == name_key("deir ez zor") == "deir ez zor"
    assert name_key("Méditerranée") == "mediterranee"
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("d’Idleb") == name_key("d'Idleb")


def test_normalize_keys_keep_distinct_names_apart():
    assert name_key("Homs") != name_key("Hama")
    assert name_key("New York") != name_key("York")


@given(st.text(max_size=30))
def test_normalize_keys_are_idempotent(text):
    assert name_key(name_key(text)) == name_key(text)
