"""What analysts type, turned into what the store holds (no SQL here).

A party filter ("ministère russe", "Guérassimov", "defense russe") matches, accent- and
case-insensitively and word by word (every typed word starts a word of it, in any order):
- the mention texts and canonical names stored for that role;
- every alias of the actor registry, French or English, and so the canonical names they
  stand for ("Guérassimov" -> "Valery Gerasimov");
and a mention text that matches brings its canonical name, so that the events where the
same actor is written otherwise are found too ("ministère russe" -> every event of
"Ministry of Defence of Russia", however its article wrote it).

Countries are taken as ISO codes or names in English or French (pycountry's names and its
French translation, the registry's state names); an unknown one raises ConfigError naming
the closest known names.
"""

from __future__ import annotations

import difflib
import functools
import gettext
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError

__all__ = ["PartyMatch", "country_lookup", "fold_words", "match_words", "registry_names"]

_WORD = re.compile(r"[^\W_]+")
# beyond this many matching stored values, the IN lists give way to the plain substring match
MAX_MATCHED_VALUES = 800


@functools.lru_cache(maxsize=65536)
def fold_words(text: str) -> tuple[str, ...]:
    """Words of ``text``, casefolded and without accents ("Défense russe" -> ("defense", "russe"))."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return tuple(_WORD.findall(bare))


def match_words(query: Sequence[str], candidate: Sequence[str]) -> bool:
    """Every query word starts some word of the candidate (any order)."""
    return bool(query) and all(any(w.startswith(q) for w in candidate) for q in query)


@dataclass
class PartyMatch:
    """Stored values (casefolded, as in ``event_actors``) a party filter value stands for."""

    names: list[str]
    texts: list[str]


@functools.lru_cache(maxsize=1)
def _alias_index() -> tuple[tuple[tuple[str, ...], str], ...]:
    from ..actors.registry import get_registry

    registry = get_registry()
    out = {(k, alias.entry.name) for k, bucket in registry.index.items() for alias in bucket}
    out |= {(fold_words(e.name), e.name) for e in registry.entries.values()}
    return tuple(out)


@functools.lru_cache(maxsize=4096)
def registry_names(value: str) -> frozenset[str]:
    """Canonical names of the registry actors one of whose aliases matches ``value`` word by word.

    Short words alone ("de", "la") are too common to name anyone: a value must have a word
    of three letters or more."""
    query = fold_words(value)
    if not query or max(map(len, query)) < 3:
        return frozenset()
    return frozenset(name for words, name in _alias_index() if match_words(query, words))


def match_parties(value: str, pairs: Iterable[tuple[str | None, str | None]]) -> PartyMatch | None:
    """What ``value`` matches among stored (text_lc, name_lc) pairs and the registry; None when too much."""
    query = fold_words(value)
    names = {n.casefold() for n in registry_names(value)}
    texts: set[str] = set()
    if query:
        for text, name in pairs:
            if text and match_words(query, fold_words(text)):
                texts.add(text)
                if name:
                    names.add(name)
            elif name and match_words(query, fold_words(name)):
                names.add(name)
    if len(names) + len(texts) > MAX_MATCHED_VALUES:
        return None
    return PartyMatch(sorted(names), sorted(texts))


def match_values(value: str, stored: Iterable[str | None], extra: Iterable[str] = ()) -> list[str]:
    """Stored values (place names) matching ``value`` word by word, plus ``extra`` that are stored."""
    query = fold_words(value)
    stored = [s for s in stored if s]
    found = {s for s in stored if match_words(query, fold_words(s))} if query else set()
    wanted = {fold_words(x) for x in extra}
    found |= {s for s in stored if fold_words(s) in wanted}
    return sorted(found)


# -- countries ---------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[tuple[str, ...], tuple[str, str]]:
    """Folded country name (English and French, official and common) -> (alpha-2, alpha-3)."""
    import pycountry

    try:
        french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"]).gettext
    except OSError:  # pycountry without its translations: English names only
        french = None
    out: dict[tuple[str, ...], tuple[str, str]] = {}
    for c in pycountry.countries:
        codes = (c.alpha_2, c.alpha_3)
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name:
                out.setdefault(fold_words(name), codes)
                if french:
                    out.setdefault(fold_words(french(name)), codes)
    try:
        from ..actors.registry import get_registry

        for entry in get_registry().entries.values():
            if entry.kind != "state" or not entry.country:
                continue
            country = pycountry.countries.get(alpha_3=entry.country)
            if country is None:
                continue
            for name in [entry.name, *_state_names(entry.id)]:
                out.setdefault(fold_words(name), (country.alpha_2, country.alpha_3))
    except Exception:  # noqa: BLE001 - the registry only adds spellings; pycountry's names suffice
        pass
    return out


def _state_names(state_id: str) -> list[str]:
    from ..actors.registry import DATA_DIR

    names = _states_json(str(DATA_DIR / "states.json")).get(state_id) or {}
    return [n for lang in ("en", "fr") for n in names.get(lang, [])]


@functools.lru_cache(maxsize=1)
def _states_json(path: str) -> dict[str, dict[str, list[str]]]:
    import json

    with open(path, encoding="utf-8") as f:
        return {s["id"]: s.get("names") or {} for s in json.load(f)}


def country_lookup(value: str) -> tuple[str, str] | None:
    """(alpha-2, alpha-3) of a country name in English or French ("Syrie", "syria", "Russie"), or None."""
    return _country_names().get(fold_words(value))


def country_suggestions(value: str, n: int = 3) -> list[str]:
    """The known country names closest to ``value`` (for the error message)."""
    import pycountry

    key = " ".join(fold_words(value))
    names = {" ".join(k): v for k, v in _country_names().items()}
    close = difflib.get_close_matches(key, list(names), n=n * 3, cutoff=0.6)
    out: list[str] = []
    for name in close:
        country = pycountry.countries.get(alpha_2=names[name][0])
        label = f"{getattr(country, 'common_name', None) or country.name} ({country.alpha_2})" if country else name
        if label not in out:
            out.append(label)
    return out[:n]


def unknown_country(value: str) -> ConfigError:
    """The error for a country nobody knows, proposing the closest names."""
    close = country_suggestions(value)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return ConfigError(f"country={value!r} is not an ISO 3166 code or a country name in English or French "
                       f"(e.g. SY, SYR, Syria, Syrie){hint}")
