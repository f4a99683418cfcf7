"""The country of a domestic actor whose words name none.

"Judge Alejandro Rivera opened investigations against 28 Chilean officials", "Demonstrators
in Baghdad blocked a road", "Darfur rebels": a judge, a crowd, rebels or a president act in
a country the report names elsewhere. Read as a human coder reads them:

1. a place named in a locative phrase hung on the actor (or on a participle describing
   it: "guerrillas operating in Macedonia"), or else inside its words, gives its country
   ("Demonstrators in Baghdad", "opposition parties in Nepal", "Darfur rebels"); a nationality word is no place ("ethnic Albanians" are not of Albania);
2. otherwise, when every country the sentence names (places, nationality words, coded
   parties) is one and the same, the actor is of that country.

Only actors with a domestic sector or a person are given a country: international bodies
(IGO, NGO, multinational companies) and registry entries keep what the registry says.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from ..model import Actor, Place
from .lexicon import Lexicon, fold

__all__ = ["alpha3", "give_home_countries"]

# sectors that belong to no country of their own
_STATELESS = frozenset({"IGO", "NGO", "MNC", "IMG"})


def alpha3(alpha2: str | None) -> str | None:
    """ISO alpha-3 code of a GeoNames (alpha-2) country code."""
    if not alpha2:
        return None
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2.upper())
    return found.alpha_3 if found else None


def _homeless(a: Actor) -> bool:
    """A domestic actor with no country: a sector of its own or a person, not a registry entry."""
    if a.country or a.wikidata:
        return False
    if a.sector:
        return a.sector not in _STATELESS
    return a.kind == "person"


def _attached_range(a: Actor, doc: Any, lex: Lexicon) -> tuple[int, int] | None:
    """The locative phrase hung on the actor's head ("Demonstrators in Baghdad"), if any."""
    assert a.start is not None and a.end is not None
    span = doc.char_span(a.start, a.end, alignment_mode="expand")
    if span is None:
        return None
    preps = lex.preps["location"] | lex.preps.get("origin", frozenset())
    for c in [*span.root.children, *_participle_preps(span.root)]:
        if c.dep_ == "prep" and c.i >= span.end and fold(c.text) in preps:
            return c.idx, max(t.idx + len(t.text) for t in c.subtree)
    return None


def _participle_preps(head: Any) -> list[Any]:
    """Phrases of a participle describing the actor: "guerrillas operating in Macedonia",
    "rebels based in Goma" are of the place they operate or are based in."""
    return [p for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN") for p in c.children]


def _nationality_word(p: Place, lang: str) -> bool:
    """"Albanians", "Kurdish": a people's name the gazetteer read as its country, no place."""
    from ..actors._text import words
    from ..actors.registry import get_registry

    ws = words(p.text)
    return any(m.how == "adjective" and m.i == 0 and m.j == len(ws) for m in get_registry().find(ws, lang))


def _place_country(lo: int, hi: int, places: Sequence[Place], lang: str) -> str | None:
    found = {alpha3(p.country_code) for p in places
             if lo <= p.start and p.end <= hi and not _nationality_word(p, lang)}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _sentence_country(sent: Any, places: Sequence[Place], parties: Iterable[Actor]) -> str | None:
    """The one country the sentence names, if it names only one. Towns are left out: a
    common word read as a town abroad ("Independence") must not outvote the country."""
    found = {alpha3(p.country_code) for p in places
             if sent.start_char <= p.start < sent.end_char and p.precision == "country"}
    found |= {a.country for a in parties}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def give_home_countries(actors: list[Actor], sent: Any, doc: Any, places: Sequence[Place],
                        mentions: Sequence[Actor], lex: Lexicon) -> list[Actor]:
    """The actors of one event, the domestic ones that had no country given one (copies)."""
    if not any(_homeless(a) for a in actors):
        return actors
    sent_mentions = [m for m in mentions if m.start is not None and sent.start_char <= m.start < sent.end_char]
    default = _sentence_country(sent, places, [*sent_mentions, *actors])
    out = []
    for a in actors:
        if _homeless(a) and a.start is not None and a.end is not None:
            attached = _attached_range(a, doc, lex)
            country = (attached and _place_country(*attached, places, lex.lang)) \
                or _place_country(a.start, a.end, places, lex.lang) or default
            if country:
                a = replace(a, country=country)
        out.append(a)
    return out
