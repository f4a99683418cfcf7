"""Precomputed event counts (migration 0006's ``facet_counts`` table) for facets and list totals.

A facet over 100,000 events read event by event costs a scan of tens of thousands of index
entries and a sort, hundreds of milliseconds when 8 clients share 2 cores (1.15 s p99). But
the page and the API mostly ask for a facet under *one* kind of filter (a type, a country, a
date range, a modality, a date precision) or none, and the counts of every facet value under
every value of one filter are few: types x days, names x countries, ... So each stored event
adds 1 to one row per (facet value, filter dimension, filter key) - written in the same
transaction as the event, taken away when its article is deleted - and such a facet is a sum
over a few hundred rows.

Rows (every column NOT NULL: '' stands for NULL, so that the primary key is one row per key):
- ``facet``: country, admin1, type, modality, date_precision, day (week and month are summed
  from days), actor (actor or recipient names), claimant (names), all (the total);
- ``value``, ``value2``: the facet's value (admin1: value = country, value2 = admin1);
- ``dim``: the filter dimension the row answers: none, type, country, date, modality,
  date_precision; ``key``, ``key2``: the event's value there (country: its place's alpha-2 and
  its parties' alpha-3 codes as " MLI RUS "; date: date_lo and date_hi);
- ``n``: how many events (not background) have that facet value and that key.

``plan`` says whether a query can be answered so (filters of one dimension at most, no
background events asked for, a type filter only on a store whose events have one type each)
and returns its WHERE condition over the rows; otherwise the caller counts the events
themselves, as before. Results are the same either way (tests/store/test_counts.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from ._rows import country_codes, query_bound

__all__ = ["COLUMN_FACETS", "DIMENSIONS", "MIGRATION", "contributions", "plan"]

MIGRATION = 6  # the schema version that creates facet_counts
COLUMN_FACETS = ("country", "type", "modality", "date_precision")
DIMENSIONS = ("none", "type", "country", "date", "modality", "date_precision")
_PARTY_FACETS = {"actor": ("actor", "recipient"), "claimant": ("claimant",)}
# filters a single dimension answers: filter keyword -> dimension
_FILTER_DIMENSION = {"type": "type", "country": "country", "date_from": "date", "date_to": "date",
                     "modality": "modality", "date_precision": "date_precision"}

Key = tuple[str, str, str, str, str, str]  # facet, value, value2, dim, key, key2

# what contributions() reads of an event: its columns, then (role, name, country) of its parties
EVENT_SQL = ("SELECT e.id, e.event_type, e.country, e.admin1, e.modality, e.date_precision, e.date_lo, e.date_hi"
             " FROM events e WHERE e.background = 0 AND {where}")
PARTY_SQL = "SELECT x.event_id, x.role, x.name, x.country FROM event_actors x WHERE x.event_id IN ({ids})"


def _s(value: Any) -> str:
    return "" if value is None else str(value)


def contributions(events: Iterable[Sequence[Any]], parties: Iterable[Sequence[Any]]) -> Counter[Key]:
    """The rows (and how much to add to each) for ``events`` (rows of EVENT_SQL) and ``parties``
    (rows of PARTY_SQL for the same events)."""
    by_event: dict[str, list[Sequence[Any]]] = {}
    for row in parties:
        by_event.setdefault(row[0], []).append(row)
    out: Counter[Key] = Counter()
    for event_id, etype, country, admin1, modality, precision, date_lo, date_hi in events:
        mine = by_event.get(event_id, [])
        codes = sorted({_s(c) for _, role, _, c in mine if c and role in ("actor", "recipient")})
        keys = {"none": ("", ""), "type": (_s(etype), ""), "country": (_s(country), f" {' '.join(codes)} "),
                "date": (_s(date_lo), _s(date_hi)), "modality": (_s(modality), ""),
                "date_precision": (_s(precision), "")}
        values: list[tuple[str, str, str]] = [
            ("all", "", ""), ("country", _s(country), ""), ("type", _s(etype), ""),
            ("modality", _s(modality), ""), ("date_precision", _s(precision), "")]
        if country is not None:
            values.append(("admin1", _s(country), _s(admin1)))
        if date_lo is not None:
            values.append(("day", _s(date_lo), ""))
        for facet, roles in _PARTY_FACETS.items():
            values += [(facet, name, "") for name in sorted({n for _, r, n, _ in mine if n and r in roles})]
        for facet, value, value2 in values:
            for dim, (key, key2) in keys.items():
                out[(facet, value, value2, dim, key, key2)] += 1
    return out


def _in(column: str, values: list[str]) -> tuple[str, list[Any]]:
    return f"c.{column} IN ({', '.join('?' for _ in values)})", list(values)


def plan(filters: dict[str, Any], single_typed: bool) -> tuple[str, list[Any]] | None:
    """The condition on ``facet_counts c`` rows that counts the events matching ``filters``,
    or None when the precomputed rows cannot answer (the caller then reads the events)."""
    given = {k: v for k, v in filters.items() if v not in (None, "", [], False)}
    if given.get("background") or set(given) - set(_FILTER_DIMENSION):
        return None
    dims = {_FILTER_DIMENSION[k] for k in given}
    if not dims:
        return "c.dim = 'none'", []
    if len(dims) > 1:
        return None
    dim = dims.pop()
    values = [given[k]] if isinstance(given.get(k := next(iter(given))), str) else list(given[k])
    if dim == "date":
        date_from = query_bound(given.get("date_from"), "date_from", end=False)
        date_to = query_bound(given.get("date_to"), "date_to", end=True)
        if date_from and date_to and date_from > date_to:
            return None  # the events' query says what is wrong
        parts, params = ["c.dim = 'date'"], []
        if date_from:  # the event's range overlaps the asked one ('' is an undated event's NULL)
            parts.append("c.key2 <> '' AND c.key2 >= ?")
            params.append(date_from)
        if date_to:
            parts.append("c.key <> '' AND c.key <= ?")
            params.append(date_to)
        return " AND ".join(parts), params
    if dim == "type":
        if not single_typed:  # an event of two types would count twice under type=A,B
            return None
        sql, params = _in("key", [v.strip().upper() for v in values])
        return f"c.dim = 'type' AND {sql}", params
    if dim in ("modality", "date_precision"):
        sql, params = _in("key", values)
        return f"c.dim = '{dim}' AND {sql}", params
    parts, params = [], []
    for v in values:  # as _query._country: the place's alpha-2, or a party's alpha-3
        alpha2, alpha3 = country_codes(v)
        if alpha2:
            parts.append("c.key = ?")
            params.append(alpha2)
        if alpha3:
            parts.append("c.key2 LIKE ?")
            params.append(f"% {alpha3} %")
    return f"c.dim = 'country' AND ({' OR '.join(parts)})", params
