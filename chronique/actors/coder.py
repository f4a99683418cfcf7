"""ActorCoder: the actors stage's public entry point.

The event extractor finds triggers and takes subject/object subtrees from the
dependency parse; it asks the coder to turn them into coded actors
(:meth:`ActorCoder.code_span`), to resolve them through the document's
coreference chains (:meth:`ActorCoder.resolve`) and to say who claims each
sentence (:meth:`ActorCoder.claimants`).
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from ..model import Actor
from ..nlp import doc_text, entity_at
from ._analyse import analyse
from ._claims import find_claimants
from ._mentions import Mention, find_mentions, mention_actors, mention_index, name_positions, to_actor
from ._phrases import code_phrase
from ._places import city_country
from ._text import words
from .lexicon import LANGS, get_lexicon
from .registry import get_registry

__all__ = ["ActorCoder", "preload"]

_CACHE_KEY = "chronique.actors"


def preload(lang: str) -> None:
    """Load the registry, the words of ``lang`` and the towns that stand for their country
    now rather than on the first article that needs them (see :func:`chronique.pipeline.preload`)."""
    ActorCoder(lang)
    city_country("")


class ActorCoder:
    """Codes actor mentions of one language.

    Cheap to construct: the registry and the language's words are loaded once
    per process and shared. Results per spaCy ``Doc`` are cached in
    ``doc.user_data`` so that :meth:`resolve` and :meth:`claimants` reuse the
    mentions computed by :meth:`mentions`.
    """

    def __init__(self, lang: str) -> None:
        if lang not in LANGS:
            raise ConfigError(f"[E103] no actor coder for language {lang!r}; supported: {', '.join(LANGS)}")
        self.lang = lang
        self.registry = get_registry()
        self.lexicon = get_lexicon(lang)

    def code_text(self, text: str) -> Actor | None:
        """Code a mention string as one actor (None when nothing in it names an actor).

        >>> ActorCoder("fr").code_text("le ministère russe de la Défense").country
        'RUS'
        """
        ws = words(text)
        c = analyse(ws, self.lang, self.registry, self.lexicon)
        if c is None:
            return None
        return to_actor(text.strip(), ws[0].start, ws[-1].end, c)

    def code_span(self, span: Any) -> list[Actor]:
        """Code a spaCy Span (a noun-phrase subtree) as the actors it names.

        Conjuncts become several actors ("la Russie et la France"); a name and its
        apposition one ("le général Pierre de Villiers, chef d'état-major des
        armées"). Offsets are characters of the document; ``text`` the actor's words.
        """
        doc = span.doc
        out = []
        names = name_positions(doc)
        for part in code_phrase(span.text, span.start_char, self.lang, self.registry, self.lexicon, names):
            assert part.coded is not None
            c = part.coded
            if c.kind == "unknown":
                ent = entity_at(doc, part.start)
                city = city_country(c.person_name) if c.person_name and not c.nouns else None
                if ent is not None and ent.label_ in ("PER", "PERSON"):
                    c.kind = "person"
                elif city is not None and c.country is None:
                    c.country, c.name = city  # a town named as actor stands for its country
                elif ent is not None and ent.label_ == "ORG":
                    c.kind = "organisation"
            out.append(to_actor(doc_text(doc)[part.start:part.end], part.start, part.end, c))
        return out

    def _mentions(self, doc: Any) -> list[Mention]:
        cache = doc.user_data.setdefault(_CACHE_KEY, {})
        # the cache lives on the Doc itself: the language and length tell its entries apart
        # (doc.text is rebuilt from every token on each access: far too slow for a key)
        key = (self.lang, len(doc))
        if key not in cache:
            cache.clear()
            cache[key] = find_mentions(doc, self.lang, self.registry, self.lexicon)
        return cache[key]

    def _inside(self, doc: Any, a: int, b: int) -> list[Mention]:
        """The mentions that start in ``[a, b]``, in their own order (by bisection: scanning
        every mention of the document for each argument was quadratic)."""
        return mention_index(doc, self._mentions(doc)).starting_in(a, b + 1)

    def mentions(self, doc: Any) -> list[Actor]:
        """All actor mentions of a Doc, each carrying its coreference chain's identity.

        A plural reference ("les deux officiers généraux", "the two sides") gives
        one Actor per party, with the same offsets.
        """
        return [a for m in self._mentions(doc) for a in mention_actors(m)]

    def mentions_between(self, doc: Any, start: int, end: int) -> list[Actor]:
        """The actors of :meth:`mentions` that start in ``[start, end)``, in the same order."""
        return [a for m in self._inside(doc, start, end - 1) if start <= m.start < end for a in mention_actors(m)]

    def resolve(self, span_or_range: Any, doc: Any) -> list[Actor]:
        """Actors of a Span or ``(start_char, end_char)`` range, resolved through the chains.

        Mentions inside the range are returned, one per chain (the text of its first
        mention there); when none lies inside, the range is coded on its own.
        """
        if isinstance(span_or_range, tuple):
            a, b = span_or_range
        else:
            a, b = span_or_range.start_char, span_or_range.end_char
        out: list[Actor] = []
        seen: set[tuple[str | None, str | None, str | None]] = set()
        for m in self._inside(doc, a, b):
            if a <= m.start and m.end <= b:
                for act in mention_actors(m):
                    k = (act.name, act.country, act.sector)
                    if k not in seen:
                        seen.add(k)
                        out.append(act)
        if out:
            return out
        if isinstance(span_or_range, tuple):
            span = doc.char_span(a, b, alignment_mode="expand")
            return self.code_span(span) if span is not None else []
        return self.code_span(span_or_range)

    def claimants(self, doc: Any) -> dict[int, list[Actor]]:
        """Sentence index (in ``list(doc.sents)``) -> the sources asserting what it reports."""
        return find_claimants(doc, self._mentions(doc), self.lexicon)
