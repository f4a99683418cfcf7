"""Query-string parameters of the web app: event filters, paging, timeline period.

The same names are used by the HTML pages, their JSON twins, the downloads
and the OpenAPI document (``FILTER_PARAMS``), so a filtered view's URL can be
turned into a download or an API call by changing only the path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from ..errors import ConfigError

__all__ = ["DEFAULT_LIMIT", "DEFAULT_SORT", "FILTER_PARAMS", "SORTS", "MAX_LIMIT", "MAX_OFFSET", "MAX_VALUES", "View", "parse_view"]

# query parameter -> (Store.query_events keyword, description, may be repeated)
FILTER_PARAMS: dict[str, tuple[str, str, bool]] = {
    "type": ("type", "PLOVER event type (AGREE ... ASSAULT); repeat for any of several", True),
    "mode": ("mode", "PLOVER mode (aerial, firearms, visit, ...); repeat for any of several", True),
    "date_from": ("date_from", "events whose dates overlap from this day on (YYYY, YYYY-MM or YYYY-MM-DD)", False),
    "date_to": ("date_to", "events whose dates overlap up to this day (YYYY, YYYY-MM or YYYY-MM-DD)", False),
    "country": ("country", "country of the place or of a party: alpha-2, alpha-3 or name", True),
    "actor": ("actor", "the actor or recipient: words of its name or mention, any registry alias (FR/EN), "
                       "accents and case ignored", False),
    "claimant": ("claimant", "who claims the event: words of its name or mention, any registry alias", False),
    "place": ("place", "the event's place: words of its name, or any gazetteer name of it (Alep, Aleppo)", False),
    "modality": ("modality", "asserted, agreed, planned, denied or hypothetical", True),
    "date_precision": ("date_precision", "day, week, month, season, quarter, year, range or publication", True),
    "q": ("text", "full-text search in the event's sentences and its article (every word must occur)", False),
}
# list orders (?sort=): chronique.store._query.ORDERS; the list is newest first by default
SORTS = ("-date", "date", "type", "-type", "country", "-country", "place", "-place", "dead", "-dead")
DEFAULT_SORT = "-date"
DEFAULT_LIMIT = 50
MAX_LIMIT = 500
# Bounds of what a request may ask: past them the answer is a 400 naming the parameter,
# never a database error (an offset of 2**63 overflowed SQLite's integers; a thousand
# values of one filter made a query SQLite refused).
MAX_OFFSET = 1_000_000_000
MAX_VALUES = 50
_MAX_VALUE_CHARS = 200  # longer filter values are user error (or abuse), not a search


@dataclass
class View:
    """A filtered, paged view of the events, as asked by a URL's query string."""

    filters: dict[str, Any] = field(default_factory=dict)  # Store.query_events keywords
    params: dict[str, list[str]] = field(default_factory=dict)  # the query string, cleaned
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    sort: str = DEFAULT_SORT

    def query(self, **changes: Any) -> str:
        """The query string of this view (filters, limit, offset) with ``changes`` applied (None removes)."""
        items: dict[str, Any] = {k: list(v) for k, v in self.params.items()}
        if self.limit != DEFAULT_LIMIT:
            items["limit"] = [str(self.limit)]
        if self.offset:
            items["offset"] = [str(self.offset)]
        if self.sort != DEFAULT_SORT:
            items["sort"] = [self.sort]
        for key, value in changes.items():
            if value is None or value == "":
                items.pop(key, None)
            else:
                items[key] = [str(value)]
        return urlencode([(k, v) for k, vs in items.items() for v in vs])

    def filter_query(self) -> str:
        """The query string of the filters alone (no paging): what downloads and aggregates take."""
        return urlencode([(k, v) for k, vs in self.params.items() for v in vs])


def _int(raw: str | None, name: str, default: int, low: int, high: int) -> int:
    if raw is None or raw == "":
        return default
    text = raw.strip()
    # digits only (int() also takes "1_000" and "٣"); the length check comes first so
    # that a 10,000-digit value is not converted at all
    if not (text.isascii() and text.lstrip("+-").isdigit()) or len(text) > 19:
        raise ConfigError(f"{name}={raw[:30]!r} must be an integer between {low} and {high}")
    value = int(text)
    if value < low or value > high:
        raise ConfigError(f"{name}={raw!r} must be between {low} and {high}")
    return value


def parse_view(query: Mapping[str, Any]) -> View:
    """Read filters and paging from a query string (Starlette ``QueryParams`` or a dict of lists).

    Empty values are ignored (an empty form field means "no filter"); a
    comma-separated value of a repeatable parameter counts as several. Raises
    ConfigError (shown as HTTP 400) for a bad limit, offset or over-long value.
    """
    def values(name: str) -> list[str]:
        if hasattr(query, "getlist"):
            raw = list(query.getlist(name))
        else:
            got = query.get(name)
            raw = [] if got is None else ([got] if isinstance(got, str) else list(got))
        return [v.strip() for v in raw if v and v.strip()]

    view = View()
    for name, (keyword, _, repeatable) in FILTER_PARAMS.items():
        got = values(name)
        if repeatable:
            got = [part.strip() for v in got for part in v.split(",") if part.strip()]
        if not got:
            continue
        if len(got) > (MAX_VALUES if repeatable else 1):
            raise ConfigError(f"{name}: {len(got)} values given, at most "
                              f"{MAX_VALUES if repeatable else 1} accepted")
        for v in got:
            if len(v) > _MAX_VALUE_CHARS:
                raise ConfigError(f"{name}: value longer than {_MAX_VALUE_CHARS} characters")
        view.params[name] = got
        view.filters[keyword] = got if repeatable else got[0]
    for name in ("limit", "offset", "sort"):
        if len(values(name)) > 1:
            raise ConfigError(f"{name}: given {len(values(name))} times, once at most")
    view.limit = _int(next(iter(values("limit")), None), "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    view.offset = _int(next(iter(values("offset")), None), "offset", 0, 0, MAX_OFFSET)
    sort = next(iter(values("sort")), DEFAULT_SORT)
    if sort not in SORTS:
        raise ConfigError(f"sort={sort[:30]!r}: choose one of {', '.join(SORTS)} ('-' = descending)")
    view.sort = sort
    return view
