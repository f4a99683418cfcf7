"""ActorCoder.code_text: one mention string -> one coded actor."""

from __future__ import annotations

import pytest

from chronique.actors import ActorCoder
from chronique.errors import ConfigError


@pytest.mark.parametrize("text, name, country, sector", [
    ("le ministère russe de la Défense", "Ministry of Defence of Russia", "RUS", "GOV"),
    ("Daech", "Islamic State", None, "REB"),
    ("les forces aériennes russes", None, "RUS", "MIL"),
    ("Moscou", None, "RUS", "GOV"),
    ("le général Valéri Guérassimov", "Valery Gerasimov", "RUS", "MIL"),
    ("Valeri GUERASSIMOV", "Valery Gerasimov", "RUS", "MIL"),
])
def test_coder_text_french_examples(fr: ActorCoder, text: str, name: str | None, country: str | None,
                                    sector: str) -> None:
    a = fr.code_text(text)
    assert a is not None
    if name:
        assert a.name == name
    assert (a.country, a.sector) == (country, sector)


@pytest.mark.parametrize("text, country, sector", [
    ("Turkish police", "TUR", "COP"),
    ("rebels", None, "REB"),
    ("Syrian government forces", "SYR", "MIL"),
    ("U.S. Secretary of State", "USA", "GOV"),
    ("the Interior Ministry", None, "GOV"),
    ("Iraqi Prime Minister Haider al-Abadi", "IRQ", "GOV"),
    ("168 Liberians", "LBR", "CVL"),
])
def test_coder_text_english_examples(en: ActorCoder, text: str, country: str | None, sector: str) -> None:
    a = en.code_text(text)
    assert a is not None
    assert (a.country, a.sector) == (country, sector)


def test_coder_text_unknown_person_has_no_country(fr: ActorCoder) -> None:
    a = fr.code_text("Jean Dupont")
    assert a is not None and a.country is None and a.name == "Jean Dupont"


def test_coder_text_nationality_gives_unknown_person_a_country(fr: ActorCoder) -> None:
    a = fr.code_text("le diplomate algérien Ahmed Benali")
    assert a is not None
    assert (a.name, a.country, a.sector, a.kind) == ("Ahmed Benali", "DZA", "GOV", "person")


def test_coder_text_no_actor_is_none(fr: ActorCoder, en: ActorCoder) -> None:
    assert fr.code_text("la situation en mer") is None
    assert en.code_text("the meeting") is None


def test_coder_text_acronyms_need_capitals(en: ActorCoder, fr: ActorCoder) -> None:
    # "us", "un" are words, "US", "UN" are actors.
    assert en.code_text("us") is None
    assert en.code_text("the US").country == "USA"  # type: ignore[union-attr]
    assert fr.code_text("un") is None
    assert fr.code_text("l'ONU").sector == "IGO"  # type: ignore[union-attr]


def test_coder_text_offsets_cover_the_words(fr: ActorCoder) -> None:
    text = "  le Hezbollah  "
    a = fr.code_text(text)
    assert a is not None and text[a.start:a.end] == "le Hezbollah"


def test_coder_rejects_unknown_language() -> None:
    with pytest.raises(ConfigError):
        ActorCoder("xx")
