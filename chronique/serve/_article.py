"""What to highlight in an article: the spans its events point to, every date, and on demand every entity.

Nothing new is stored for this: the event records already carry the offsets
of their trigger, parties, place and quantities, and dates are re-tagged at
request time with ``chronique.time.tag`` (rule-based: milliseconds, no model),
so the page also shows dates no event used. With ``analyse=True`` the
article is parsed again (spaCy, gazetteer, actor coder: the pipeline's own
stages) so that every recognised place and actor shows, not only those an
event used; that costs a model load once per process and a parse per article
(cached), so it is asked for explicitly.
"""

from __future__ import annotations

import threading
import time
from functools import lru_cache
from typing import Any

from ..errors import ChroniqueError
from ..model import Article
from ._highlight import Mark, event_marks, segments

__all__ = ["entities", "segments_of"]

# spaCy pipelines are not meant to be shared by threads; one parse at a time also keeps
# a burst of article pages from starving the server's other requests of CPU.
_NLP_LOCK = threading.Lock()


def _dates(article: Article) -> list[Mark]:
    """Temporal expressions of the article (empty when its language has no lexicon)."""
    from ..pipeline import tag_times  # bounded for unpunctuated text, as the pipeline tags
    from ..time import available_langs  # imported here: loads lexicons on first use

    lang = (article.lang or "").split("-")[0]
    if lang not in available_langs():
        return []
    try:
        return [(t.start, t.end, "date") for t in tag_times(article.text, lang, article.published)]
    except (ChroniqueError, ValueError):  # a date the tagger cannot read must not break the page
        return []


@lru_cache(maxsize=64)
def _recognised(text: str, lang: str) -> tuple[Mark, ...]:
    """Places and actor mentions chronique recognises in ``text`` (parsed once per text).

    The pipeline's limits hold here too: a text over ``max_article_chars`` is not parsed,
    sentences are cut at ``max_sentence_tokens``, a long text is read in sections, and
    the sections stop once ``article_time_budget`` is spent (what was found stays)."""
    from .. import nlp
    from .._sections import sections
    from ..actors import ActorCoder
    from ..config import Limits
    from ..geo import find_places

    limits = Limits.from_settings()
    if len(text) > limits.max_article_chars:
        return ()
    marks: list[Mark] = []
    with _NLP_LOCK:
        t0 = time.monotonic()
        for start, end in sections(text):
            doc = nlp.parse(text[start:end], lang, max_sentence_tokens=limits.max_sentence_tokens)
            marks += [(start + p.start, start + p.end, "place") for p in find_places(doc, lang)]
            marks += [(start + a.start, start + a.end, "actor") for a in ActorCoder(lang).mentions(doc)
                      if a.start is not None and a.end is not None]
            if time.monotonic() - t0 > limits.article_time_budget:
                break
    return tuple(marks)


def _analysed(article: Article) -> list[Mark]:
    """Every recognised place and actor of the article (empty for a language chronique cannot parse)."""
    lang = (article.lang or "").split("-")[0]
    if lang not in ("fr", "en"):
        return []
    try:
        return list(_recognised(article.text, lang))
    except ChroniqueError:  # a missing model: the page still shows what the events carry
        return []


def entities(article: Article, events: list[dict[str, Any]], analyse: bool = False) -> list[dict[str, Any]]:
    """Highlighted spans of ``article``: ``[{"start", "end", "label", "text", "events": [ids]}]``.

    Labels: trigger, actor, recipient, claimant, place, date, quantity; a span
    used by several events lists all of them. With ``analyse``, places and
    actors recognised by a fresh parse are added (``events`` empty when no
    event used them). Sorted by offset.
    """
    found: dict[Mark, set[str]] = {}
    n = len(article.text)
    for record in events:
        for mark in event_marks(record):
            if 0 <= mark[0] < mark[1] <= n:
                found.setdefault(mark, set()).add(str(record.get("id")))
    for mark in _dates(article) + (_analysed(article) if analyse else []):
        if 0 <= mark[0] < mark[1] <= n:
            found.setdefault(mark, set())
    return [{"start": s, "end": e, "label": label, "text": article.text[s:e], "events": sorted(ids)}
            for (s, e, label), ids in sorted(found.items())]


def segments_of(text: str, spans: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The whole text cut into labelled pieces for the article page."""
    return segments(text, [(s["start"], s["end"], s["label"]) for s in spans])
