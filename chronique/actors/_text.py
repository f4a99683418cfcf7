"""Word splitting and normalisation shared by the registry and the lexicons.

Matching is accent- and case-insensitive on words: ``"Guérassimov"`` and
``"GUERASSIMOV"`` give the same key. Apostrophes, hyphens and dots separate
words, so that "d'état-major", "d’état-major" and "d' état - major" (spaCy's
French tokens) all give ``("d", "etat", "major")``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

__all__ = ["Word", "fold", "key", "words"]

_WORD = re.compile(r"\w+", re.UNICODE)


class Word(NamedTuple):
    """One word of a text: folded form and character offsets of the original.

    A named tuple, not a frozen dataclass: every text an article holds is split into
    words several times, and building a frozen dataclass per word cost twice as much."""

    norm: str
    start: int
    end: int
    orig: str

    @property
    def upper(self) -> bool:
        """All letters upper case (acronyms: "EI", "US", "ONU")."""
        return self.orig.isupper()

    @property
    def capital(self) -> bool:
        return self.orig[:1].isupper()


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accents stripped ("Défense" -> "defense"; "œ" -> "oe")."""
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str, offset: int = 0) -> list[Word]:
    """Words of ``text`` with offsets (plus ``offset``) into the original string."""
    return [Word(fold(w), m.start() + offset, m.end() + offset, w)
            for m in _WORD.finditer(text) if (w := m.group()) != "_"]


def key(text: str) -> tuple[str, ...]:
    """Matching key of a phrase: its folded words."""
    return tuple(w.norm for w in words(text))
