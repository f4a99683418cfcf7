"""The places stage: every toponym of a parsed document, resolved to GeoNames."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Place
from ..nlp import doc_text
from ._context import story_countries
from ._lexicon import lexicon
from ._normalize import name_key
from .gazetteer import Gazetteer
from .recognize import mentions
from .resolve import resolve_mentions

__all__ = ["find_places", "is_demonym", "is_metonymic"]


def find_places(doc: Any, lang: str, article: Any = None, actors: Sequence[Any] = ()) -> list[Place]:
    """Place mentions of ``doc`` (a spaCy Doc of ``chronique.nlp.load(lang)``), sorted by start.

    Offsets are character offsets into ``doc.text``. Mentions the gazetteer
    cannot resolve are left out. Demonyms ('russe', 'Turkish') are returned as
    their country, and places used as governments ('Moscou a annoncé') are
    returned too: use :func:`is_metonymic` before taking one as an event's location.

    Besides the other place names (those of a mention's own paragraph weigh more), the
    story's context weighs in (:func:`chronique.geo.story_countries`): the countries of
    its parties ``actors`` (``ActorCoder.mentions(doc)``; a party that is only a place's
    name, 'Tripoli' read as a government, is no clue), the dateline of ``article``'s title
    and its outlet.
    """
    gaz = Gazetteer.load()
    found = mentions(doc, lang, gaz)
    text = doc_text(doc)
    paragraphs = [text.count("\n", 0, m.start) for m in found]
    context = story_countries(article, _named_parties(actors, found), lang)
    resolved = resolve_mentions(found, gaz, context_countries=context, paragraphs=paragraphs)
    return [p for p in resolved if p is not None]


def _named_parties(actors: Sequence[Any], found: Sequence[Any]) -> list[Any]:
    """The parties whose country is a clue of their own: armed and political groups of one
    country (Hezbollah, the Taliban, the Houthis' fighters), with no place name in their words.
    A party coded from a place ('Georgia authorities', 'the Athens Police Department', the
    government that 'Tripoli' stands for) would vote for the actor coder's reading of that
    place, and people's names are too often namesakes ('Mayor Chuck Blair' coded as Tony Blair)."""
    out = []
    for a in actors:
        if a.start is None or a.end is None or not (a.kind == "group" or a.sector == "REB"):
            continue
        if any(m.start < a.end and a.start < m.end for m in found):
            continue
        out.append(a)
    return out


def is_demonym(place: Place, lang: str) -> bool:
    """Whether the mention is a nationality word ('russes', 'Syrian') rather than a name."""
    return name_key(place.text) in lexicon(lang).demonyms


def is_metonymic(place: Place, doc: Any, lang: str | None = None) -> bool:
    """Whether the mention names an actor, not a location, in ``doc``.

    True for a country or capital that is the subject of a statement or
    decision verb ('Moscou a annoncé', 'Turkey denied'), and for nationality
    adjectives ('les avions russes') unless they qualify a location noun
    ('au large des côtes syriennes').
    """
    lang = lang or doc.lang_
    lex = lexicon(lang)
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if is_demonym(place, lang):
        return root.head.lemma_.lower() not in lex.location_nouns and root.lemma_.lower() not in lex.location_nouns
    if place.precision not in ("country", "city", "admin1"):
        return False
    verb = root.head
    if root.dep_.startswith("nsubj") and verb.lemma_.lower() in lex.metonymy_verbs:
        return True
    # "Moscou a annoncé" may be parsed with the auxiliary as head.
    return root.dep_.startswith("nsubj") and verb.pos_ == "AUX" and any(
        t.lemma_.lower() in lex.metonymy_verbs for t in verb.children if t.pos_ == "VERB"
    )
