"""Name keys: the one normalisation shared by the gazetteer build and look-ups."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["name_key"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "‐": "-", "–": "-"})
_SEPARATORS = re.compile(r"[\s\-'.,]+")


@functools.lru_cache(maxsize=200_000)
def name_key(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key: 'Deir ez-Zor' == 'deir ez zor'.

    Dots are dropped so that 'U.S.' and 'US', 'St. Louis' and 'St Louis' meet.
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace(".", "")
    return _SEPARATORS.sub(" ", text).strip()
