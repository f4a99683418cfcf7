"""Language identification of articles (py3langid, restricted to news languages)."""

from __future__ import annotations

import functools
from typing import Any

from ._resources import langid_config

__all__ = ["detect_lang"]

# py3langid walks the UTF-8 bytes in pure Python (~1 µs a byte): the opening
# of an article (headline, lead) is plenty to tell its language, and the cap
# keeps identification of 4,000 articles to a few seconds.
_MAX_CHARS = 600


@functools.lru_cache(maxsize=1)
def _identifier() -> Any:
    """A private py3langid identifier restricted to the configured languages.

    Private rather than py3langid's module-level one, so another part of the
    program calling ``py3langid.set_languages`` cannot change our choices.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    known = set(identifier.nb_classes)
    identifier.set_languages([lang for lang in langid_config().languages if lang in known])
    return identifier


def detect_lang(text: str) -> str:
    """ISO 639-1 code of the language of ``text`` ('fr', 'en', 'de', ...).

    The choice is restricted to the languages of ``chronique/data/ingest/langid.json``;
    a short text (a few words) gets the likeliest of the primary languages (French,
    English), a text without any letter the fallback language.

    >>> detect_lang("Le gouvernement a annoncé jeudi de nouvelles mesures.")
    'fr'
    """
    config = langid_config()
    sample = text[:_MAX_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if not letters:
        return config.fallback
    if letters < config.short_text_letters:
        scores = dict(_identifier().rank(sample))
        return max(config.primary, key=lambda lang: scores.get(lang, float("-inf")))
    lang, _ = _identifier().classify(sample)
    return str(lang)
