"""Very long articles, read in sections: where they are cut, and how offsets come back.

The rule stages (actors, events, merge) compare mentions across a whole document: their
look-ups by position are bisections now, but merging and coreference still compare
records and chains with each other, and one spaCy Doc of a whole archive holds all of
it in memory at once. An article longer than ``SECTION_CHARS`` is therefore parsed and coded
section by section (cut at a paragraph, else a sentence end, else a space), and the
offsets of what each section gives are moved back onto the whole text. Events do not
span sections and are not merged across them: a report that long is an archive, a
transcript or a dump rather than one news story. No article of the corpora we score
comes near the size, so their results are unchanged.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from typing import Any

from .model import Event, Place, Timex

__all__ = ["SECTION_CHARS", "sections", "shift_event", "shift_place", "timexes_within"]

SECTION_CHARS = 50_000
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]?\s")


def sections(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` character ranges covering ``text``, each at most ``size`` long
    (default: ``SECTION_CHARS`` as it is when called, so that a test can lower it)."""
    size = SECTION_CHARS if size is None else size
    out: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        half, end = start + size // 2, start + size
        cut = max((m.end() for m in _PARAGRAPH.finditer(text, half, end)), default=-1)
        if cut < 0:
            cut = max((m.end() for m in _SENTENCE_END.finditer(text, half, end)), default=-1)
        if cut < 0:
            cut = text.rfind(" ", half, end) + 1 or end
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


def timexes_within(timexes: list[Timex], start: int, end: int) -> list[Timex]:
    """The temporal expressions inside ``[start, end)``, offsets made relative to ``start``."""
    return [replace(t, start=t.start - start, end=t.end - start) for t in timexes
            if start <= t.start and t.end <= end]


def _shift(value: Any, by: int) -> Any:
    """Every ``start``/``end`` integer of nested dicts and lists moved by ``by``."""
    if isinstance(value, dict):
        return {k: (v + by if k in ("start", "end") and isinstance(v, int) else _shift(v, by))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, by) for v in value]
    return value


def shift_place(place: Place, by: int) -> Place:
    """A place of a section, with offsets into the whole text."""
    return replace(place, start=place.start + by, end=place.end + by)


def shift_event(event: Event, by: int) -> Event:
    """An event of a section, with offsets into the whole text and an id unique in the article."""
    moved = Event.from_dict(_shift(event.as_dict(), by))
    if by:
        moved.id = hashlib.sha1(f"{event.doc_id}@{by}:{event.id}".encode()).hexdigest()[:16]
    return moved
