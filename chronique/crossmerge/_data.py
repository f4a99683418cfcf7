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
