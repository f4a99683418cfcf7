"""A state hyphenated to a stance prefix ("anti-Syria", "pro-Russian") tells what the actor
is for or against, not whose it is."""

from __future__ import annotations

import pytest

from chronique.actors import ActorCoder


@pytest.mark.parametrize("text, sector", [
    ("a prominent anti-Syria journalist", "JRN"),
    ("pro-Russian rebels", "REB"),
])
def test_stance_prefix_gives_no_country(en: ActorCoder, text: str, sector: str) -> None:
    a = en.code_text(text)
    assert a is not None and a.sector == sector
    assert a.country is None


def test_plain_nationality_still_codes(en: ActorCoder) -> None:
    a = en.code_text("Syrian journalists")
    assert a is not None and (a.country, a.sector) == ("SYR", "JRN")
