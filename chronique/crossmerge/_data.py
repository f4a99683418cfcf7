"""The cross-article merge settings, read once from ``chronique/data/merge/merge.json``."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any


def fold(text: str) -> str:
    """Casefolded, accents removed ('Élysée' -> 'elysee'): how the merge compares words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # one replace per mark present is several times faster than a test per character (MinHash folds
    # whole articles at ingest), and gives the same text
    for mark in [c for c in set(decomposed) if unicodedata.combining(c)]:
        decomposed = decomposed.replace(mark, "")
    return decomposed


@cache
def settings() -> dict[str, Any]:
    """Families, feature weights, thresholds and distances of the merge (data, not code)."""
    text = resources.files("chronique").joinpath("data", "merge", "merge.json").read_text(encoding="utf-8")
    return json.loads(text)


@cache
def family_of() -> dict[str, str]:
    """PLOVER type -> the family whose events may be one event."""
    return {t: fam for fam, types in settings()["families"].items() for t in types}


@cache
def stopwords() -> frozenset[str]:
    return frozenset(settings()["stopwords"])


@cache
def generic_party_words() -> frozenset[str]:
    """Words of party names that do not tell one party from another: kinds of party and country names."""
    import pycountry

    words = set(settings()["generic_party_words"])
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", "")):
            words.update(w.casefold() for w in name.replace(",", " ").split() if len(w) > 3)
    return frozenset(words)


@cache
def office_holders() -> dict[str, list[tuple[str, int, int]]]:
    """Folded office ('president of france') -> its holders in the actor registry, (name, first year,
    last year): a report's 'le président français' is compatible with another's 'Emmanuel Macron'."""
    def fold_role(text: str) -> str:
        return " ".join(w for w in fold(text).split() if w != "the")

    people = json.loads(resources.files("chronique").joinpath("data", "actors", "people.json")
                        .read_text(encoding="utf-8"))
    holders: dict[str, list[tuple[str, int, int]]] = {}
    for person in people:
        years = (person.get("years") or "").split("-")
        if not person.get("role") or not years[0].isdigit():
            continue
        first, last = int(years[0]), int(years[1]) if len(years) > 1 and years[1].isdigit() else 9999
        for role in person["role"].split(", then "):
            holders.setdefault(fold_role(role), []).append((fold_role(person["name"]), first, last))
    return holders


@cache
def country_words() -> frozenset[str]:
    """Country names and their people (French and English, folded, cut as proper names are): a country
    named by two reports' sentences ('France', 'Etats-Unis') says where, not which event."""
    cut = settings()["words"]["stem"] + 2
    states = json.loads(resources.files("chronique").joinpath("data", "actors", "states.json")
                        .read_text(encoding="utf-8"))
    words: set[str] = set()
    for state in states:
        for lang in ("en", "fr"):
            for name in state["names"].get(lang, []) + state["adjectives"].get(lang, []):
                folded = fold(name)
                words.update(w[:cut] for w in [folded, *re.findall(r"[^\W\d_]+", folded)]
                             if len(w) >= settings()["words"]["min_length"])
    return frozenset(words)
