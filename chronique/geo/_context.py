"""What a story says about where it happens beyond its place names (issue 18).

"Tripoli" in a Libyan story is not Lebanon's: the resolver weighs, besides the other
places of the document and of the mention's paragraph (:func:`.resolve.resolve_mentions`),
the countries of the story's parties ("the Libyan National Army", "Hezbollah"), its
dateline ("Libye : ..." in the title) and the country its outlet reports from.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from ._build import DATA_DIR

__all__ = ["outlet_country", "story_countries"]

# Votes of each clue, against one vote per place name of the document: the dateline is
# the story's own words, the parties are named in it, the outlet only makes a country likely.
_DATELINE_VOTES = 2.0
_PARTY_VOTES = 1.0  # per party named, at most _PARTY_CAP per country
_PARTY_CAP = 2.0
_OUTLET_VOTES = 0.5


@functools.cache
def _outlets() -> dict[str, Any]:
    return json.loads((DATA_DIR / "outlets.json").read_text(encoding="utf-8"))


def _host(value: str) -> str:
    value = value.strip().lower()
    host = urlsplit(value).hostname if "//" in value else value.split("/")[0]
    host = host or ""
    return host[4:] if host.startswith("www.") else host


def outlet_country(url: str | None, outlet: str | None = None) -> str | None:
    """The alpha-2 country an outlet reports from: a known outlet's, else its host's
    country-code domain ('actu.orange.fr' -> 'FR'); None for generic domains ('.com')."""
    data = _outlets()
    for value in (url, outlet):
        if not value or ("." not in value):
            continue
        host = _host(value)
        parts = host.split(".")
        for i in range(len(parts) - 1):
            known = data["hosts"].get(".".join(parts[i:]))
            if known:
                return str(known)
        tld = parts[-1]
        if len(tld) == 2 and tld.isalpha() and tld not in data["generic_tlds"]:
            return str(data["tld_countries"].get(tld, tld.upper()))
    return None


def _alpha2(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    import pycountry

    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return c.alpha_2 if c is not None else None


def story_countries(article: Any = None, actors: Iterable[Any] = (), lang: str = "en") -> Counter[str]:
    """Votes for countries (alpha-2) from the story's parties (actors with an alpha-3
    ``country``), its title's dateline ('Libye : ...', a country or a region's name) and its
    outlet."""
    votes: Counter[str] = Counter()
    seen: set[tuple[str | None, str | None]] = set()
    for a in actors:
        cc = _alpha2(getattr(a, "country", None))
        name = getattr(a, "name", None) or getattr(a, "text", None)
        if cc and (name, cc) not in seen and votes[cc] < _PARTY_CAP:
            seen.add((name, cc))
            votes[cc] += _PARTY_VOTES
    if article is not None:
        m = re.match(r"\s*([^:\n]{2,40}?)\s*:", getattr(article, "title", None) or "")
        if m:
            cc = _dateline_country(m.group(1), lang)
            if cc:
                votes[cc] += _DATELINE_VOTES
        cc = outlet_country(getattr(article, "url", None), getattr(article, "outlet", None))
        if cc:
            votes[cc] += _OUTLET_VOTES
    return votes


def _dateline_country(name: str, lang: str) -> str | None:
    """The country of a title's leading place when it is a country or an admin1 area
    (a town's name there may be any town's)."""
    from .resolve import resolve

    p = resolve(name, lang)
    if p is not None and p.precision in ("country", "admin1"):
        return p.country_code
    return None
