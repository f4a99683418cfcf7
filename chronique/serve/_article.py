"""What to highlight in an article: the spans its events point to, and every date in it.

Nothing new is stored for this: the event records already carry the offsets
of their trigger, parties, place and quantities, and dates are re-tagged at
request time with ``chronique.time.tag`` (rule-based: milliseconds, no model),
so the page also shows dates no event used.
"""

from __future__ import annotations

from typing import Any

from ..errors import ChroniqueError
from ..model import Article
from ._highlight import Mark, event_marks, segments

__all__ = ["entities", "segments_of"]


def _dates(article: Article) -> list[Mark]:
    """Temporal expressions of the article (empty when its language has no lexicon)."""
    from ..time import available_langs, tag  # imported here: loads lexicons on first use

    lang = (article.lang or "").split("-")[0]
    if lang not in available_langs():
        return []
    try:
        return [(t.start, t.end, "date") for t in tag(article.text, lang, article.published)]
    except (ChroniqueError, ValueError):  # a date the tagger cannot read must not break the page
        return []


def entities(article: Article, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Highlighted spans of ``article``: ``[{"start", "end", "label", "text", "events": [ids]}]``.

    Labels: trigger, actor, recipient, claimant, place, date, quantity; a span
    used by several events lists all of them. Sorted by offset.
    """
    found: dict[Mark, set[str]] = {}
    n = len(article.text)
    for record in events:
        for mark in event_marks(record):
            if 0 <= mark[0] < mark[1] <= n:
                found.setdefault(mark, set()).add(str(record.get("id")))
    for mark in _dates(article):
        found.setdefault(mark, set())
    return [{"start": s, "end": e, "label": label, "text": article.text[s:e], "events": sorted(ids)}
            for (s, e, label), ids in sorted(found.items())]


def segments_of(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The whole text cut into labelled pieces for the article page."""
    return segments(text, [(s["start"], s["end"], s["label"]) for s in spans])
