"""The cross-article merge settings, read once from ``chronique/data/merge/merge.json``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


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
    import unicodedata

    def fold(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return " ".join(w for w in "".join(c for c in decomposed if not unicodedata.combining(c)).split()
                        if w != "the")

    people = json.loads(resources.files("chronique").joinpath("data", "actors", "people.json")
                        .read_text(encoding="utf-8"))
    holders: dict[str, list[tuple[str, int, int]]] = {}
    for person in people:
        years = (person.get("years") or "").split("-")
        if not person.get("role") or not years[0].isdigit():
            continue
        first, last = int(years[0]), int(years[1]) if len(years) > 1 and years[1].isdigit() else 9999
        for role in person["role"].split(", then "):
            holders.setdefault(fold(role), []).append((fold(person["name"]), first, last))
    return holders
