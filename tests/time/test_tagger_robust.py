"""The tagger never fails and always returns consistent records, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chronique.time import tag

TOKENS = ["le", "du", "au", "et", "31", "0", "29", "février", "mai", "2015", "99", "h", "45", "hier",
          "matin", "lundi", "dernier", "prochain", "semaine", "il y a", "deux", "ans", "avant", ",", ".",
          "la veille", "fin", "début", "années", "XIXe", "siècle", "chaque", "jours", "on", "May", "Monday",
          "last", "week", "ago", "between", "and", "December", "p.m.", "9:45", "the", "day", "before", "’"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=14), st.sampled_from(["fr", "en"]),
       st.sampled_from([None, "2015-12-24", "2016-02-29", "1999-01-01"]))
def test_tagger_robust_random_token_soup(tokens: list[str], lang: str, dct: str | None) -> None:
    text = " ".join(tokens)
    got = tag(text, lang, dct)
    assert [t.start for t in got] == sorted(t.start for t in got)
    for t in got:
        assert text[t.start:t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value
        assert (t.begin is None) == (t.finish is None)
        if t.begin:
            assert t.begin <= t.finish
