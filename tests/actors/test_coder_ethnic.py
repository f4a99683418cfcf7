"""Nationality words naming an ethnic group: the kin state is not the people's country."""

from __future__ import annotations

import pytest

from chronique.actors import ActorCoder


@pytest.mark.parametrize("text, country", [
    ("ethnic Albanians", None),
    ("three ethnic Albanians", None),
    ("Ethnic Albanians in south Serbia", "SRB"),
    ("The Albanians of southern Serbia", "SRB"),
    ("the ethnic Turks living in Bulgaria", "BGR"),
])
def test_ethnic_group_takes_the_country_it_lives_in(en: ActorCoder, text: str, country: str | None) -> None:
    a = en.code_text(text)
    assert a is not None and a.sector == "CVL"
    assert a.country == country


@pytest.mark.parametrize("text, country, sector", [
    ("Albanians", "ALB", "CVL"),
    ("168 Liberians", "LBR", "CVL"),
    ("Serb forces", "SRB", "MIL"),
])
def test_nationals_keep_their_state(en: ActorCoder, text: str, country: str, sector: str) -> None:
    a = en.code_text(text)
    assert a is not None and (a.country, a.sector) == (country, sector)
