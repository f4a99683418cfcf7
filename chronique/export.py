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
from typing import IO, Any, TextIO

from ._acled import ACLED_COLUMNS as _ACLED_COLUMNS
from ._acled import AcledNumbering, acled_coded, acled_row
from .errors import ConfigError

__all__ = ["ACLED_COLUMNS", "FORMATS", "acled_row", "binary_format", "check_format", "csv_safe", "export", "summary"]

FORMATS = ("plover", "acled-csv", "geojson", "parquet")
_BINARY = frozenset({"parquet"})
# format -> (module it needs, the extra that installs it)
_NEEDS = {"parquet": ("pyarrow", "parquet")}


ACLED_COLUMNS = _ACLED_COLUMNS


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
           sources: Mapping[str, str] | None = None, timestamp: int | None = None,
           acled_all: bool = False) -> int:
    """Write ``records`` to ``out`` in format ``fmt``; return how many were written.

    ``sources`` maps a record's ``doc_id`` to the outlet that published it
    (ACLED's ``source`` column; the doc_id is used when absent); ``timestamp``
    (Unix seconds) fills ACLED's ``timestamp`` column, default now. For
    'geojson' the count is of events with coordinates (the others are left out).
    For 'acled-csv' only events that happened (modality asserted) of types ACLED codes are
    written, unless ``acled_all`` (the others then say their modality in ``tags``).
    Records flagged ``"background": true`` (history told in passing) are left out, as
    in the store's default views.
    Raises ConfigError for an unknown format or a missing optional dependency.
    """
    records = (r for r in records if not r.get("background"))
    if fmt == "plover":
        return _write_jsonl(records, out)  # type: ignore[arg-type]
    if fmt == "acled-csv":
        stamp = int(time.time()) if timestamp is None else timestamp
        if not acled_all:
            records = (r for r in records if acled_coded(r))
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
    numbering = AcledNumbering()
    for record in records:
        row = acled_row(record, _sources(record, sources), stamp, numbering)
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
        n += 1
    return n


# -- GeoJSON and Parquet ----------------------------------------------------


def _names(actors: list[dict[str, Any]] | None) -> list[str]:
    """Display names of actors: canonical name, else the text as written."""
    return [a.get("name") or a.get("text") or "" for a in actors or [] if a.get("name") or a.get("text")]


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
