"""Per-language actor words: titles, roles, organisation nouns, reporting verbs.

The words are data (``chronique/data/actors/<lang>.json``); this module loads
them once per language and matches them in word lists, accent- and
case-insensitively, longest phrase first.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import ModelError
from ._text import Word, fold, key
from .registry import DATA_DIR

__all__ = ["LANGS", "Lexicon", "Noun", "NounMatch", "get_lexicon"]

LANGS = ("fr", "en")


@dataclass(frozen=True)
class Noun:
    """An actor noun: a title or role (kind "person") or a body ("organisation", "group")."""

    phrase: str
    sector: str | None
    label: str
    kind: str
    cased: bool = False

    @property
    def is_title(self) -> bool:
        return self.kind == "person"


@dataclass(frozen=True)
class NounMatch:
    noun: Noun
    i: int
    j: int


@dataclass
class Lexicon:
    """Actor words of one language."""

    lang: str
    nouns: dict[tuple[str, ...], Noun] = field(default_factory=dict)
    glue: frozenset[str] = frozenset()
    coordinators: tuple[tuple[str, ...], ...] = ()
    reporting_verbs: frozenset[str] = frozenset()
    source_markers: tuple[tuple[str, ...], ...] = ()
    continuation_markers: tuple[tuple[str, ...], ...] = ()
    counterpart: frozenset[str] = frozenset()
    both: tuple[tuple[str, ...], ...] = ()
    pronouns: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    ethnic_markers: frozenset[str] = frozenset()  # "ethnic Albanians": a people, not a state's citizens
    stance_prefixes: frozenset[str] = frozenset()  # "anti-Syria journalist": a stance, not a nationality
    max_len: int = 1
    first: dict[str, int] = field(default_factory=dict)  # first word of a noun -> longest noun length

    def find(self, ws: Sequence[Word], skip: set[int] | None = None) -> list[NounMatch]:
        """Non-overlapping actor nouns in ``ws`` (longest first), ignoring indices in ``skip``."""
        skip = skip or set()
        out: list[NounMatch] = []
        i, n = 0, len(ws)
        while i < n:
            hit = None
            if i not in skip:
                for j in range(min(n, i + self.first.get(ws[i].norm, 0)), i, -1):
                    if any(k in skip for k in range(i, j)):
                        continue
                    noun = self.nouns.get(tuple(w.norm for w in ws[i:j]))
                    if noun and (not noun.cased or ws[i].capital):
                        hit = NounMatch(noun, i, j)
                        break
            if hit:
                out.append(hit)
                i = hit.j
            else:
                i += 1
        return out

    def starts_with(self, ws: Sequence[Word], phrases: Sequence[tuple[str, ...]], at: int = 0) -> int:
        """Length of the first phrase of ``phrases`` (longest first, as the lexicon stores
        them) found at ``ws[at:]`` (0 if none)."""
        if at >= len(ws):
            return 0
        first = ws[at].norm
        for p in phrases:  # the lexicon keeps its phrase lists longest first
            if p and p[0] == first and tuple(w.norm for w in ws[at:at + len(p)]) == p:
                return len(p)
        return 0


def _longest_first(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
    """Phrase keys, longest first: the longest marker wins where several start alike."""
    return tuple(sorted((key(p) for p in phrases), key=len, reverse=True))


@functools.cache
def get_lexicon(lang: str) -> Lexicon:
    """Load (once per process) the actor words of ``lang``."""
    path = DATA_DIR / f"{lang}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"[E102] no actor lexicon for language {lang!r} ({path}): {exc}; "
                         f"supported: {', '.join(LANGS)}") from exc
    nouns: dict[tuple[str, ...], Noun] = {}
    for phrase, spec in data["nouns"].items():
        sector, label, kind = spec[0], spec[1], spec[2]
        cased = len(spec) > 3 and spec[3] == "cased"
        nouns[key(phrase)] = Noun(phrase, sector, label, kind, cased)
    return Lexicon(
        lang=lang,
        nouns=nouns,
        glue=frozenset(fold(g) for g in data["glue"]),
        coordinators=_longest_first(data["coordinators"]),
        reporting_verbs=frozenset(fold(v) for v in data["reporting_verbs"]),
        source_markers=_longest_first(data["source_markers"]),
        continuation_markers=_longest_first(data["continuation_markers"]),
        counterpart=frozenset(fold(c) for c in data["counterpart"]),
        both=_longest_first(data["both"]),
        pronouns=frozenset(fold(p) for p in data["pronouns"]),
        locatives=frozenset(fold(p) for p in data["locatives"]),
        ethnic_markers=frozenset(fold(p) for p in data.get("ethnic_markers", ())),
        stance_prefixes=frozenset(fold(p) for p in data.get("stance_prefixes", ())),
        max_len=max(len(k) for k in nouns),
        first=_first_words(nouns),
    )


def _first_words(nouns: dict[tuple[str, ...], Noun]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k in nouns:
        out[k[0]] = max(out.get(k[0], 0), len(k))
    return out
