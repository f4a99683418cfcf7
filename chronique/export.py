"""Write event records (``Event.as_dict()`` dicts) in the formats researchers use.

- ``plover``: JSON lines, one full event record a line (lossless);
- ``acled-csv``: ACLED's export columns, filled from what chronique knows
  (mapping in ``chronique/data/export/acled.json``);
- ``geojson``: a FeatureCollection of Points for events that have coordinates,
  each with a flat summary as properties (for QGIS, kepler.gl, Leaflet);
- ``parquet``: one row per event, flat summary plus the full record as JSON
  (needs pyarrow; ``out`` must then be a binary file).

Records come from ``Store.query_events`` or ``chronique extract``; nothing here
reads the database.
"""

from __future__ import annotations

import csv
import importlib
import json
import re
import time
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import IO, Any, TextIO

import pycountry

from .errors import ConfigError

__all__ = ["ACLED_COLUMNS", "FORMATS", "acled_row", "binary_format", "check_format", "csv_safe", "export", "summary"]

FORMATS = ("plover", "acled-csv", "geojson", "parquet")
_BINARY = frozenset({"parquet"})
# format -> (module it needs, the extra that installs it)
_NEEDS = {"parquet": ("pyarrow", "parquet")}


@lru_cache(maxsize=1)
def _acled() -> dict[str, Any]:
    text = resources.files("chronique").joinpath("data", "export", "acled.json").read_text(encoding="utf-8")
    return json.loads(text)


ACLED_COLUMNS: tuple[str, ...] = tuple(_acled()["columns"])


def binary_format(fmt: str) -> bool:
    """Whether ``fmt`` is written to a binary file (``export``'s ``out`` opened with "wb")."""
    return fmt in _BINARY


def check_format(fmt: str) -> None:
    """Raise ConfigError, saying what to install, when ``fmt`` is unknown or its library is missing."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt in _NEEDS:
        module, extra = _NEEDS[fmt]
        try:
            importlib.import_module(module)
        except ImportError:
            raise ConfigError(f"the {fmt!r} export needs {module}, which is not installed: "
                              f"pip install 'chronique[{extra}]' (or pip install {module})") from None


def export(records: Iterable[dict[str, Any]], fmt: str, out: TextIO | IO[bytes], *,
           sources: Mapping[str, str] | None = None, timestamp: int | None = None) -> int:
    """Write ``records`` to ``out`` in format ``fmt``; return how many were written.

    ``sources`` maps a record's ``doc_id`` to the outlet that published it
    (ACLED's ``source`` column; the doc_id is used when absent); ``timestamp``
    (Unix seconds) fills ACLED's ``timestamp`` column, default now. For
    'geojson' the count is of events with coordinates (the others are left out).
    Records flagged ``"background": true`` (history told in passing) are left out, as
    in the store's default views.
    Raises ConfigError for an unknown format or a missing optional dependency.
    """
    records = (r for r in records if not r.get("background"))
    if fmt == "plover":
        return _write_jsonl(records, out)  # type: ignore[arg-type]
    if fmt == "acled-csv":
        stamp = int(time.time()) if timestamp is None else timestamp
        return _write_acled(records, out, sources or {}, stamp)  # type: ignore[arg-type]
    if fmt == "geojson":
        return _write_geojson(records, out)  # type: ignore[arg-type]
    check_format(fmt)
    return _write_parquet(records, out)  # type: ignore[arg-type]


def _write_jsonl(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


# -- ACLED ------------------------------------------------------------------


def _names(actors: list[dict[str, Any]] | None) -> list[str]:
    """Display names of actors: canonical name, else the text as written."""
    return [a.get("name") or a.get("text") or "" for a in actors or [] if a.get("name") or a.get("text")]


def _alpha3(alpha2: str | None) -> str | None:
    if not alpha2:
        return None
    found = pycountry.countries.get(alpha_2=alpha2.upper())
    return found.alpha_3 if found else None


def _inter(actor: dict[str, Any] | None, record: dict[str, Any], place_alpha3: str | None) -> str:
    """ACLED's actor category (inter1/inter2) from the PLOVER sector and countries."""
    if not actor:
        return ""
    table = _acled()
    sector = (actor.get("sector") or "").upper()
    inter = table["inter_by_sector"].get(sector, "")
    if inter == table["state_inter"] and place_alpha3 and actor.get("country") \
            and actor["country"].upper() != place_alpha3:
        # ACLED codes state forces acting outside their own country as external forces.
        return table["foreign_state_inter"]
    if "PROTEST" in (record.get("event") or []) and inter == table["civilian_inter"]:
        return table["protest_inter"]
    return inter


def _acled_types(record: dict[str, Any]) -> tuple[str, str]:
    """ACLED event_type and sub_event_type: the record's own, else a fallback from PLOVER."""
    acled = record.get("acled") or {}
    if acled.get("event_type"):
        return acled["event_type"], acled.get("sub_event_type") or ""
    table = _acled()
    for mode in record.get("mode") or []:
        if mode in table["fallback_by_mode"]:
            return tuple(table["fallback_by_mode"][mode])  # type: ignore[return-value]
    for plover in record.get("event") or []:
        if plover in table["fallback_by_type"]:
            return tuple(table["fallback_by_type"][plover])  # type: ignore[return-value]
    return tuple(table["fallback_other"])  # type: ignore[return-value]


def _time_precision(record: dict[str, Any]) -> int | str:
    table = _acled()
    precision = record.get("date_precision")
    if not record.get("date"):
        return ""
    if precision == "range" and record.get("enddate"):
        try:
            days = (date.fromisoformat(record["enddate"][:10]) - date.fromisoformat(record["date"][:10])).days
        except ValueError:
            return 3
        return 1 if days == 0 else 2 if days <= table["range_days_for_precision_2"] else 3
    if precision in table["time_precision"]:
        return int(table["time_precision"][precision])
    # Unknown precision: judge from the date's own grain.
    return 1 if len(record["date"]) >= 10 else 3


def _country_name(alpha2: str | None, country: Any) -> str:
    """ACLED's name for a country: its own spelling, else pycountry's common or official name."""
    if not alpha2:
        return ""
    override = _acled()["country_names"].get(alpha2)
    if override:
        return str(override)
    if country is None:
        return alpha2
    return str(getattr(country, "common_name", None) or country.name)


def _event_date(value: str | None) -> str:
    """ACLED wants a day: a month or year date becomes its first day (time_precision says so)."""
    if not value:
        return ""
    if len(value) >= 10:
        return value[:10]
    if len(value) == 7:
        return value + "-01"
    if len(value) == 4 and value.isdigit():
        return value + "-01-01"
    return value


def acled_row(record: dict[str, Any], source: str | None = None, timestamp: int | str = "") -> dict[str, Any]:
    """One event record as an ACLED row (dict over ``ACLED_COLUMNS``; unknown fields empty)."""
    table = _acled()
    loc = record.get("event_loc") or {}
    alpha2 = (loc.get("country_code") or "").upper() or None
    country = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
    place_alpha3 = country.alpha_3 if country else None
    actors, recipients = record.get("actor") or [], record.get("recipient") or []
    names1, names2 = _names(actors), _names(recipients)
    inter1 = _inter(actors[0] if actors else None, record, place_alpha3)
    inter2 = _inter(recipients[0] if recipients else None, record, place_alpha3)
    event_type, sub_event_type = _acled_types(record)
    disorder = table["disorder_type"].get(event_type, "")
    targets_civilians = any((r.get("sector") or "").upper() == "CVL" for r in recipients) \
        or inter2 == table["civilian_inter"]
    event_date = _event_date(record.get("date"))
    tags = f"crowd size={record['size']}" if record.get("size") else ""
    row = {
        "event_id_cnty": record.get("id", ""),
        "event_date": event_date,
        "year": event_date[:4] if event_date else "",
        "time_precision": _time_precision(record),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": names1[0] if names1 else "",
        "assoc_actor_1": "; ".join(names1[1:]),
        "inter1": inter1,
        "actor2": names2[0] if names2 else "",
        "assoc_actor_2": "; ".join(names2[1:]),
        "inter2": inter2,
        "interaction": f"{inter1}-{inter2}" if inter1 and inter2 else inter1,
        "civilian_targeting": "Civilian targeting"
        if targets_civilians and disorder.startswith("Political violence") else "",
        "iso": int(country.numeric) if country else "",
        "region": "",
        "country": _country_name(alpha2, country),
        "admin1": loc.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": loc.get("name") or loc.get("text") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": table["geo_precision"].get(loc.get("precision") or "", "") if loc else "",
        "source": source or record.get("doc_id", ""),
        "source_scale": "",
        "notes": " ".join(record.get("event_text") or []),
        "fatalities": record.get("dead") or 0,
        "tags": tags,
        "timestamp": timestamp,
    }
    return row


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def csv_safe(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run as a formula (OWASP "CSV injection").

    Text starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return gets a leading
    apostrophe, which spreadsheets show as text; plain numbers ("-4.19") and non-text
    values are kept as they are. A carriage return inside a cell becomes a line feed:
    the csv module does not quote a bare CR (with our "\n" line ends), and readers
    then split the row. Every CSV chronique writes goes through this."""
    if not isinstance(value, str):
        return value
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        if value.startswith("\n"):
            return "'" + value
    if value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _sources(record: dict[str, Any], sources: Mapping[str, str]) -> str | None:
    """ACLED's ``source``: every outlet of a merged event's reports (once each), else the article's."""
    reports = record.get("reports") or []
    if not reports:
        return sources.get(record.get("doc_id", ""))
    names = [r.get("outlet") or sources.get(r.get("doc_id") or "") or r.get("doc_id") or "" for r in reports]
    return "; ".join(dict.fromkeys(n for n in names if n)) or None


def _write_acled(records: Iterable[dict[str, Any]], out: TextIO, sources: Mapping[str, str],
                 stamp: int) -> int:
    # QUOTE_MINIMAL with the csv module: notes hold commas, quotes and newlines.
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for record in records:
        row = acled_row(record, _sources(record, sources), stamp)
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
        n += 1
    return n


# -- GeoJSON and Parquet ----------------------------------------------------


def summary(record: dict[str, Any]) -> dict[str, Any]:
    """A flat, one-level summary of an event record (GeoJSON properties, Parquet columns)."""
    loc = record.get("event_loc") or {}
    acled = record.get("acled") or {}
    return {
        "id": record.get("id"),
        "doc_id": record.get("doc_id"),
        "event": ";".join(record.get("event") or []),
        "mode": ";".join(record.get("mode") or []),
        "date": record.get("date"),
        "enddate": record.get("enddate"),
        "date_precision": record.get("date_precision"),
        "place": loc.get("name") or loc.get("text"),
        "geonameid": loc.get("geonameid"),
        "country_code": loc.get("country_code"),
        "geo_precision": loc.get("precision"),
        "actor": "; ".join(_names(record.get("actor"))),
        "actor_country": ";".join(a.get("country") or "" for a in record.get("actor") or []),
        "recipient": "; ".join(_names(record.get("recipient"))),
        "claimant": "; ".join(_names(record.get("claimant"))),
        "dead": record.get("dead"),
        "injured": record.get("injured"),
        "size": record.get("size"),
        "modality": record.get("modality"),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "lang": record.get("lang"),
        "text": " ".join(record.get("event_text") or []),
    }


def _coordinates(record: dict[str, Any]) -> tuple[float, float] | None:
    loc = record.get("event_loc") or {}
    try:
        lat, lon = float(loc["lat"]), float(loc["lon"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        return None
    return lon, lat


def _write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    # Written feature by feature, so that a large export does not sit in memory.
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for record in records:
        point = _coordinates(record)
        if point is None:
            continue
        feature = {"type": "Feature", "id": record.get("id"),
                   "geometry": {"type": "Point", "coordinates": list(point)},
                   "properties": summary(record)}
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def _write_parquet(records: Iterable[dict[str, Any]], out: IO[bytes]) -> int:
    import pyarrow as pa  # optional (the 'parquet' extra): check_format has said so when it is missing
    import pyarrow.parquet as pq
    rows = [{**summary(r), "record": json.dumps(r, ensure_ascii=False)} for r in records]
    columns = list(summary({}).keys()) + ["record"]
    table = pa.Table.from_pylist(rows, schema=None) if rows else pa.table({c: pa.array([], pa.string())
                                                                            for c in columns})
    pq.write_table(table, out)
    return len(rows)
