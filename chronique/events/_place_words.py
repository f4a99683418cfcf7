"""Words that tell where an event happened, from the ``event_place`` section of
``chronique/data/geo/<lang>.json``, and the one test both place readers share."""

from __future__ import annotations

import functools
import json
from typing import Any

from ..model import Place
from .lexicon import fold

__all__ = ["place_words", "reference_point"]


@functools.cache
def place_words(lang: str) -> dict[str, Any]:
    """The ``event_place`` section of ``chronique/data/geo/<lang>.json`` (English when absent)."""
    from ..geo._build import DATA_DIR

    path = DATA_DIR / f"{lang}.json"
    if not path.exists():
        path = DATA_DIR / "en.json"
    data = json.loads(path.read_text(encoding="utf-8")).get("event_place", {})
    return {
        "locative_preps": frozenset(fold(w) for w in data.get("locative_preps", [])),
        "skip_words": frozenset(fold(w) for w in data.get("skip_words", [])),
        "paragraph_window": int(data.get("paragraph_window", 1)),
        "story_min_mentions": int(data.get("story_min_mentions", 3)),
        "distance_units": frozenset(fold(w) for w in data.get("distance_units", [])),
        "frame_preps": frozenset(fold(w) for w in data.get("frame_preps", [])),
        "dateline_agencies": tuple(data.get("dateline_agencies", [])),
        "target_preps": frozenset(fold(w) for w in data.get("target_preps", [])),
        "border_nouns": frozenset(fold(w) for w in data.get("border_nouns", [])),
        "area_window": int(data.get("area_window", 60)),
        "list_words": frozenset(fold(w) for w in data.get("list_words", [])),
    }


def reference_point(p: Place, doc: Any, words: dict[str, Any]) -> bool:
    """"à 500 km au sud de Tunis": a distance before the place makes it a reference point,
    not where anything happened."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    lo = max(span.sent.start, span.start - 6)
    return any(fold(t.text) in words["distance_units"] for t in doc[lo:span.start])
