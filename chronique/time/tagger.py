"""The time stage: recognise and normalise temporal expressions of a text.

Rule-based: the patterns and words of each language live in
``chronique/data/time/<lang>.json`` (see ``lexicon.py``); this module runs them
and values what they find against the publication date, or, when there is
none, against a reference date inferred from the text itself.
"""

from __future__ import annotations

from ..model import Timex
from . import _calendar as cal
from ._match import find_matches
from ._resolve import Resolver
from .lexicon import load_lexicon

__all__ = ["infer_dct", "tag"]


def _lang(lang: str | None) -> str:
    """Language code of the lexicon to use (French when unknown, chronique's first language)."""
    return (lang or "fr").split("-")[0].lower()


def infer_dct(text: str, lang: str) -> str | None:
    """A reference date for a text without publication date: its first full explicit date.

    Returns an ISO date (YYYY-MM-DD), or None when the text names no day with
    its year.
    """
    lex = load_lexicon(_lang(lang))
    resolver = Resolver(text, lex, None, None)
    for m in find_matches(text, lex):
        if m.kind == "date" and (m.get("year") or m.get("year2")):
            res = resolver.do_date(m)
            if res is not None and res.day is not None:
                return res.day.isoformat()
    return None


def tag(text: str, lang: str, dct: str | None = None) -> list[Timex]:
    """Every temporal expression of ``text``, sorted by start offset.

    ``dct`` is the publication date (ISO date or date-time); relative
    expressions ("hier", "last week", "mardi") are valued against it
    (``anchor="dct"``). Without it the first full date of the text serves as
    reference (``anchor="inferred"``); expressions valued from another
    expression of the text ("deux jours avant", "the day before", "21 h 45")
    get ``anchor="text"``. Dates carry ``begin``/``finish`` (inclusive ISO
    dates) and ``precision``; a range ("du 18 au 23 décembre") is two Timex
    whose first spans the whole range (``precision="range"``).
    """
    lex = load_lexicon(_lang(lang))
    base = cal.parse_date(dct)
    anchor = "dct" if base else None
    if base is None:
        inferred = infer_dct(text, lang)
        base = cal.parse_date(inferred)
        anchor = "inferred" if base else None
    return Resolver(text, lex, base, anchor).run(find_matches(text, lex))
