"""detect_lang: French and English news told apart, other languages named."""

from __future__ import annotations

import pytest

from chronique.ingest import detect_lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Le ministère russe de la Défense a annoncé jeudi que ses avions avaient frappé 1.093 cibles.",
            "fr",
        ),
        ("The Russian defence ministry said on Thursday its aircraft had struck 1,093 targets.", "en"),
        (
            "Das russische Verteidigungsministerium teilte am Donnerstag mit, seine Flugzeuge hätten Ziele getroffen.",
            "de",
        ),
        ("El ministerio ruso de Defensa anunció el jueves que sus aviones habían atacado objetivos.", "es"),
    ],
)
def test_lang_detects_news_sentence(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


@pytest.mark.parametrize("text", ["", "1.093 — 2015-12-23 !", "   "])
def test_lang_no_letters_gives_fallback(text: str) -> None:
    from chronique.ingest._resources import langid_config

    assert detect_lang(text) == langid_config().fallback


def test_lang_short_text_gets_a_primary_language() -> None:
    from chronique.ingest._resources import langid_config

    primary = langid_config().primary
    for text in ("OK", "Hollande", "Su-24", "Daech", "Danke"):
        assert detect_lang(text) in primary
    assert detect_lang("Attaque à Alep") == "fr"
    assert detect_lang("Attack in Aleppo") == "en"
