"""The ingest data files (chronique/data/ingest/) are well-formed and sensible."""

from __future__ import annotations

import re

import pytest

from chronique.ingest._resources import (
    artefact_languages,
    boilerplate_pattern,
    glued_exceptions,
    langid_config,
    load_json,
)

# Ordinary news lines no boilerplate pattern may remove.
NEWS_LINES = [
    "Le texte a été adopté en première lecture par les députés.",
    "Lire la suite de la déclaration du ministre, a-t-il ajouté.",
    "Les avions russes ont effectué 302 sorties en cinq jours.",
    "Reading the statement aloud, the minister said the talks had failed.",
    "Share prices fell 3% on Thursday.",
    "Advertisement revenue fell sharply in 2020, the company said.",
    "Publié le rapport, le gouvernement a réagi.",
]


def test_data_files_languages_present() -> None:
    assert {"fr", "en"} <= set(artefact_languages())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_data_files_fields_and_regexes(lang: str) -> None:
    data = load_json(f"{lang}.json")
    assert isinstance(data["boilerplate_lines"], list) and data["boilerplate_lines"]
    assert isinstance(data["glued_exceptions"], list)
    for pattern in data["boilerplate_lines"]:
        compiled = re.compile(pattern, re.IGNORECASE)  # raises on a broken pattern
        assert not compiled.fullmatch(""), f"{pattern!r} matches an empty line"
    for token in data["glued_exceptions"]:
        assert "." in token and " " not in token, f"glued exception {token!r} must be one dotted token"


@pytest.mark.parametrize("line", NEWS_LINES)
def test_data_files_boilerplate_spares_news(line: str) -> None:
    assert not boilerplate_pattern().fullmatch(line)


def test_data_files_langid_languages_known_to_model() -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    config = langid_config()
    known = set(LanguageIdentifier.from_model_file(MODEL_FILE).nb_classes)
    assert config.primary == ("fr", "en")
    assert set(config.languages) <= known and config.fallback in config.languages
    assert set(config.primary) <= set(config.languages)
    assert len(set(config.languages)) == len(config.languages)
    assert 0 < config.short_text_letters < 200


def test_data_files_exceptions_loaded() -> None:
    assert "Ph.D" in glued_exceptions()
