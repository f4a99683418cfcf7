"""Split a noun phrase into the actors it names: conjuncts apart, appositions together.

"la Russie et la France" and "Turkey and Iran" are two actors each;
"le général d'armée Pierre de Villiers, chef d'état-major des armées" is one
(a name and a description of it, joined by a comma); "les chefs d'état-major
russe et français" is two actors sharing the head noun.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._analyse import Coded
from ._analyse import analyse as _analyse
from ._text import Word, words
from .lexicon import Lexicon
from .registry import Registry

__all__ = ["Part", "code_phrase"]

_COMMA = set(",;/()[]")


@dataclass
class Part:
    """One actor of a phrase: its words, coding and character range."""

    ws: list[Word]
    coded: Coded | None
    sep: str  # how it is joined to the previous part: "", "comma", "coord"

    @property
    def start(self) -> int:
        return self.ws[0].start

    @property
    def end(self) -> int:
        return self.ws[-1].end


def _segments(text: str, offset: int, lang: str, registry: Registry, lexicon: Lexicon) -> list[tuple[list[Word], str]]:
    """Word runs of ``text`` separated by commas or coordinators (never inside a registry name)."""
    ws = words(text, offset)
    protected = {k for m in registry.find(ws, lang) for k in range(m.i + 1, m.j)}
    segs: list[tuple[list[Word], str]] = []
    cur: list[Word] = []
    sep = ""
    k = 0
    while k < len(ws):
        w = ws[k]
        gap = text[ws[k - 1].end - offset:w.start - offset] if k else ""
        if cur and k not in protected and any(ch in _COMMA for ch in gap):
            segs.append((cur, sep))
            cur, sep = [], "paren" if any(ch in "()[]/" for ch in gap) else "comma"
        n = lexicon.starts_with(ws, lexicon.coordinators, k) if k not in protected else 0
        if n:
            if cur:
                segs.append((cur, sep))
            cur, sep = [], "coord"
            k += n
            continue
        cur.append(w)
        k += 1
    if cur:
        segs.append((cur, sep))
    return segs


def _named(c: Coded | None) -> bool:
    return c is not None and not c.descriptive and (c.person_name is not None or c.kind == "person"
                                                   or (c.entry is not None and c.entry.kind != "state"))


def _adjective_only(c: Coded | None) -> bool:
    return c is not None and c.entry is not None and c.entry.kind == "state" and c.descriptive and not c.nouns \
        and c.state is not None and c.state.how == "adjective"


def code_phrase(text: str, offset: int, lang: str, registry: Registry, lexicon: Lexicon,
                names: set[int] | None = None) -> list[Part]:
    """The actors of one phrase (``offset``: position of ``text`` in the article).

    ``names``, when given, holds the character positions a parser tagged as proper
    nouns; only words starting there can be read as unknown names.
    """
    parts: list[Part] = []

    def analyse(ws: list[Word], lang: str, registry: Registry, lexicon: Lexicon) -> Coded | None:
        hint = None if names is None else {k for k, w in enumerate(ws) if w.start in names}
        return _analyse(ws, lang, registry, lexicon, hint)

    for ws, sep in _segments(text, offset, lang, registry, lexicon):
        coded = analyse(ws, lang, registry, lexicon)
        prev = parts[-1] if parts else None
        if prev is not None and prev.coded is not None and coded is not None:
            if sep == "comma" and ((prev.coded.descriptive and _named(coded)) or (coded.descriptive and _named(prev.coded))):
                merged = prev.ws + ws
                prev.ws, prev.coded = merged, analyse(merged, lang, registry, lexicon)
                continue
            if sep == "coord" and _adjective_only(coded) and prev.coded.nouns:
                # "les chefs d'état-major russe et français": the second shares the head noun.
                state_words = set()
                if prev.coded.state is not None:
                    state_words = {id(w) for w in prev.ws[prev.coded.state.i:prev.coded.state.j]}
                shared = [w for w in prev.ws if id(w) not in state_words]
                coded = analyse(shared + ws, lang, registry, lexicon)
        parts.append(Part(ws, coded, sep))
    return [p for p in parts if p.coded is not None]
