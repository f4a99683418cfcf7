"""Parties the text leaves implicit, supplied as ACLED codes them.

A protest whose protesters are not named ("de petites manifestations ont marqué
l'anniversaire") is by *Protesters (Country)*; an arrest or a dispersal with no named
agent ("dix personnes ont été interpellées") is by *Police Forces of Country*. The words,
names and the events they apply to are lexicon data (``implied_actors``); the country is
the event's place. The supplied party has no evidence span: it is the coder's reading,
not words of the text, and is marked ``kind="implied"``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Actor, Event
from .lexicon import LEXICON_LANGS, load_lexicon

__all__ = ["add_implied_actors", "state_of"]


def state_of(code: str | None) -> tuple[str, str] | None:
    """(alpha-3 code, common name) of a country given by its alpha-2 or alpha-3 code: the state a
    place or a nationality implies, named as the coder names it ("Afghanistan", "Turkey")."""
    if not code:
        return None
    import pycountry  # a light lookup table

    code = str(code).upper()
    c = pycountry.countries.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    if c is None:
        return None
    return c.alpha_3, str(getattr(c, "common_name", None) or c.name)


def _country(event: Event, fallback: str | None = None) -> tuple[str | None, str | None]:
    """(alpha-3 code, common name) of the event's place country, else of ``fallback`` (alpha-2)."""
    return state_of((event.event_loc or {}).get("country_code") or fallback) or (None, None)


def _named(actors: Sequence[Actor]) -> bool:
    """Does the record already name who acted (a coded party or words of people)?"""
    return any(a.country or a.sector or a.name or a.kind not in (None, "unknown") or a.text for a in actors)


def add_implied_actors(events: Sequence[Event], lang: str, lemmas: Mapping[str, str]) -> None:
    """Give records of the listed types with no actor their implicit party (in place).

    ``lemmas`` maps an event id to the lemma of its head trigger.
    """
    if lang not in LEXICON_LANGS:
        return
    rules: dict[str, Any] = load_lexicon(lang).data.get("implied_actors", {})
    # an unplaced arrest in a story whose other events all happen in one country happened there
    countries = Counter(str(cc).upper() for ev in events if (cc := (ev.event_loc or {}).get("country_code")))
    story = countries.most_common(1)[0][0] if len(countries) == 1 else None
    for ev in events:
        if _named(ev.actor):
            continue
        etype = ev.event[0] if ev.event else ""
        for rule in rules.values():
            wanted = any(t == etype or (t.startswith(etype + "/") and t.split("/", 1)[1] in ev.mode)
                         for t in rule["events"])
            if not wanted:
                continue
            if rule.get("lemmas") and "/" not in next(t for t in rule["events"] if t.startswith(etype)) \
                    and lemmas.get(ev.id, "") not in rule["lemmas"]:
                continue
            code, cname = _country(ev, story)
            if rule.get("needs_country") and code is None:
                continue
            name = rule["name"].format(country=cname) if cname else rule["name"].replace(" ({country})", "") \
                .replace(" of {country}", "")
            ev.actor = [Actor(text=rule["text"], name=name, country=code, sector=rule.get("sector"),
                              kind="implied")]
            break
