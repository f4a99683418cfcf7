"""Flatten articles and events into the store's filter columns (no SQL here)."""

from __future__ import annotations

import calendar
import json
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from typing import Any

import pycountry

from ..errors import ConfigError, StoreError
from ..model import Article, Event

ARTICLE_COLUMNS = ("id", "content_hash", "url", "title", "published", "lang", "outlet", "source",
                   "text", "ingested_at")
EVENT_COLUMNS = ("id", "doc_id", "event_type", "event_types", "mode", "context", "date", "enddate",
                 "date_lo", "date_hi", "date_precision", "country", "geonameid", "lat", "lon", "place",
                 "modality", "dead", "injured", "lang", "event_text", "record", "background", "admin1")
EVENT_COLUMNS_0005 = ("background", "admin1")  # the last EVENT_COLUMNS, added by migration 0005
ACTOR_COLUMNS = ("event_id", "role", "position", "text", "name", "country", "sector", "text_lc", "name_lc")
ROLES = ("actor", "recipient", "claimant")

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def now_iso() -> str:
    """The current UTC time, to the second, as the ``ingested_at`` stamp."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def date_bounds(value: str | None) -> tuple[str, str] | None:
    """First and last day (ISO) a date value covers: '2015' -> ('2015-01-01', '2015-12-31').

    Accepts YYYY, YYYY-MM, YYYY-MM-DD (with an optional time), YYYY-Www and YYYY-Qn;
    anything else gives None (the event then has no date to filter on).
    """
    if not value:
        return None
    value = value.strip()
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d.isoformat(), d.isoformat()
        if m := _MONTH.match(value):
            year, month = int(m[1]), int(m[2])
            last = calendar.monthrange(year, month)[1]
            return date(year, month, 1).isoformat(), date(year, month, last).isoformat()
        if m := _YEAR.match(value):
            return f"{m[1]}-01-01", f"{m[1]}-12-31"
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
        if m := _QUARTER.match(value):
            year, first = int(m[1]), 3 * int(m[2]) - 2
            last = calendar.monthrange(year, first + 2)[1]
            return date(year, first, 1).isoformat(), date(year, first + 2, last).isoformat()
    except ValueError:  # month 13, day 32, week 54: treated as no date
        return None
    return None


def query_bound(value: str | None, name: str, end: bool) -> str | None:
    """A date_from/date_to filter as an ISO day; ConfigError says what is accepted."""
    if value is None:
        return None
    bounds = date_bounds(str(value))
    if bounds is None:
        raise ConfigError(f"{name}={value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds[1] if end else bounds[0]


@lru_cache(maxsize=512)
def country_codes(code: str) -> tuple[str | None, str | None]:
    """(alpha-2, alpha-3) for a country given by either code or by name; ConfigError if unknown."""
    from ._search import country_lookup, unknown_country

    code = code.strip()
    try:
        if len(code) == 2:
            found = pycountry.countries.get(alpha_2=code.upper())
        elif len(code) == 3:
            found = pycountry.countries.get(alpha_3=code.upper())
        else:
            found = None
        if found is None and (named := country_lookup(code)):  # "Syrie", "russia", "Côte d'Ivoire"
            return named
        if found is None and len(code) > 3:
            found = pycountry.countries.lookup(code)
    except LookupError:
        found = None
    if found is None:
        # Codes pycountry lacks (Kosovo "XK"/"XKX") still filter literally.
        if len(code) in (2, 3) and code.isalpha():
            return (code.upper(), None) if len(code) == 2 else (None, code.upper())
        raise unknown_country(code)
    return found.alpha_2, found.alpha_3


def fold(value: str | None) -> str | None:
    """Casefolded copy used for case-insensitive matching (accents kept)."""
    return value.casefold() if value is not None else None


def like_pattern(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, with its own % and _ escaped by '\\'."""
    # NUL would end the pattern early in SQLite (matching everything) and is refused by PostgreSQL.
    escaped = value.replace("\x00", "").casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def article_row(article: Article, ingested_at: str) -> tuple[Any, ...]:
    """Values for ARTICLE_COLUMNS."""
    return (article.id, article.content_hash, article.url, article.title, article.published,
            article.lang, article.outlet, article.source, article.text, ingested_at)


def article_from_row(row: tuple[Any, ...] | Any) -> Article:
    """An Article back from a row selected in ARTICLE_COLUMNS order."""
    values = dict(zip(ARTICLE_COLUMNS, row))
    values.pop("content_hash")
    values.pop("ingested_at")
    return Article(**values)


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _float_or_none(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def event_record(event: Event | dict[str, Any], doc_id: str) -> dict[str, Any]:
    """The PLOVER dict of an event, checked to belong to article ``doc_id``."""
    record = event.as_dict() if isinstance(event, Event) else dict(event)
    if not record.get("id"):
        raise StoreError(f"an event of article {doc_id!r} has no id: give every Event an id")
    if not record.get("doc_id"):
        record["doc_id"] = doc_id
    elif record["doc_id"] != doc_id:
        raise StoreError(f"event {record['id']!r} has doc_id {record['doc_id']!r} but is stored with "
                          f"article {doc_id!r}: store events with the article they came from")
    return record


def event_row(record: dict[str, Any]) -> tuple[Any, ...]:
    """Values for EVENT_COLUMNS from a PLOVER record."""
    types = [str(t).upper() for t in record.get("event") or []]
    loc = record.get("event_loc") or {}
    lo = date_bounds(record.get("date"))
    hi = date_bounds(record.get("enddate")) or lo
    country = loc.get("country_code")
    return (
        record["id"], record["doc_id"], types[0] if types else None, " ".join(types),
        " ".join(record.get("mode") or []), " ".join(record.get("context") or []),
        record.get("date"), record.get("enddate"), lo[0] if lo else None, hi[1] if hi else None,
        record.get("date_precision"), country.upper() if country else None,
        _int_or_none(loc.get("geonameid")), _float_or_none(loc.get("lat")), _float_or_none(loc.get("lon")),
        loc.get("name") or loc.get("text"), record.get("modality"),
        _int_or_none(record.get("dead")), _int_or_none(record.get("injured")), record.get("lang"),
        "\n".join(record.get("event_text") or []),
        json.dumps(record, ensure_ascii=False, sort_keys=False),
        1 if record.get("background") else 0, loc.get("admin1") if country else None,
    )


def actor_rows(record: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Values for ACTOR_COLUMNS: one row per actor, recipient and claimant."""
    rows = []
    for role in ROLES:
        for position, actor in enumerate(record.get(role) or []):
            country = actor.get("country")
            rows.append((record["id"], role, position, actor.get("text"), actor.get("name"),
                         country.upper() if country else None, actor.get("sector"),
                         fold(actor.get("text")), fold(actor.get("name"))))
    return rows


def fts_query(text: str) -> str | None:
    """A user's words as an FTS5 query: every word must occur, as a word or a word's start.

    Quoted, so that user input never raises an FTS syntax error; prefix queries
    because FTS5 does not stem ("frappe" should find "frappes").
    """
    words = re.findall(r"\w+", text)
    if not words:
        return None
    return " AND ".join(f'"{w}"*' for w in words)


def search_text(text: str | None) -> str:
    """Casefolded text without accents, as indexed for full-text search where the engine cannot fold."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tsquery(text: str) -> str | None:
    """A user's words as a PostgreSQL to_tsquery: every word (accent-free) as a prefix."""
    words = re.findall(r"[^\W_]+", search_text(text))
    if not words:
        return None
    return " & ".join(f"{w}:*" for w in words)
