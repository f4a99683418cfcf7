"""Aggregate read-only views for the web page: timeline counts and map points.

Functions taking a ``Store`` (not methods) so that ``base.py`` stays the
store's core; they reuse its filter clauses (``_query.where_clause``), so a
view accepts exactly the filters of ``Store.query_events`` and every value
is a bound parameter. SQL is portable to SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ..errors import ConfigError
from . import _query
from .base import Store

__all__ = ["FACETS", "PERIODS", "article_titles", "events_per_period", "facet_counts", "map_points"]

PERIODS = ("day", "week", "month")


def _where(store: Store, filters: dict[str, Any], extra: str) -> tuple[str, list[Any]]:
    """The filters' WHERE clause with one more condition ANDed in."""
    where, params = store._where({k: v for k, v in filters.items() if v not in (None, "", []) and k != "order"})
    return (f"{where} AND {extra}" if where else f"WHERE {extra}"), params


def _bucket(day: str, period: str) -> str:
    """The first day of the ``period`` containing ``day`` (ISO), as the bucket's key."""
    if period == "day":
        return day
    if period == "month":
        return day[:7] + "-01"
    d = date.fromisoformat(day)
    return (d - timedelta(days=d.weekday())).isoformat()  # Monday of the ISO week


def events_per_period(store: Store, period: str = "day", **filters: Any) -> list[dict[str, Any]]:
    """Counts of dated events matching ``filters`` per period and first PLOVER type.

    Each item is ``{"period": first day (YYYY-MM-DD), "type": str, "count": int}``,
    sorted by period then type. An event counts once, at the first day of its
    date range. Raises ConfigError for an unknown period or filter.
    """
    if period not in PERIODS:
        raise ConfigError(f"period={period!r}: choose one of {', '.join(PERIODS)}")
    where, params = _where(store, filters, "e.date_lo IS NOT NULL")
    sql = f"SELECT e.date_lo, e.event_type, COUNT(*) FROM events e {where} GROUP BY e.date_lo, e.event_type"
    try:
        rows = store.cached_rows(sql, params)
    except store.db_errors as exc:
        raise store._error("count events per day", exc) from exc
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for day, event_type, n in rows:
        # Grouped here, not in SQL: week/month arithmetic differs between dialects.
        counts[(_bucket(str(day)[:10], period), event_type or "")] += int(n)
    return [{"period": p, "type": t, "count": n} for (p, t), n in sorted(counts.items())]


def map_points(store: Store, **filters: Any) -> list[dict[str, Any]]:
    """Events matching ``filters`` that have coordinates, grouped by location.

    Each item is ``{"lat", "lon", "place", "country", "count", "types": {type: n},
    "type": the most frequent type}``, largest first.
    """
    where, params = _where(store, filters, "e.lat IS NOT NULL AND e.lon IS NOT NULL")
    sql = (f"SELECT e.lat, e.lon, MIN(e.place), MIN(e.country), e.event_type, COUNT(*) FROM events e {where}"
           " GROUP BY e.lat, e.lon, e.event_type")
    try:
        rows = store.cached_rows(sql, params)
    except store.db_errors as exc:
        raise store._error("group events by place", exc) from exc
    points: dict[tuple[float, float], dict[str, Any]] = {}
    for lat, lon, place, country, event_type, n in rows:
        key = (round(float(lat), 4), round(float(lon), 4))
        point = points.setdefault(key, {"lat": key[0], "lon": key[1], "place": place, "country": country,
                                        "count": 0, "types": {}})
        point["count"] += int(n)
        point["types"][event_type or ""] = point["types"].get(event_type or "", 0) + int(n)
    for point in points.values():
        point["type"] = max(point["types"].items(), key=lambda kv: (kv[1], kv[0]))[0]
    return sorted(points.values(), key=lambda p: (-p["count"], p["lat"], p["lon"]))



# facet -> what it counts by; admin1 is read from the record (no column of its own), per dialect
FACETS = ("country", "admin1", "week", "month", "type", "actor", "claimant", "modality", "date_precision")
_COLUMN_FACETS = {"country": "e.country", "type": "e.event_type", "modality": "e.modality",
                  "date_precision": "e.date_precision"}
_ADMIN1_SQL = {"sqlite": "json_extract(e.record, '$.event_loc.admin1')",
               "postgresql": "(e.record::json -> 'event_loc' ->> 'admin1')"}
_FACET_ROLES = {"actor": ("actor", "recipient"), "claimant": ("claimant",)}


def facet_counts(store: Store, facet: str, limit: int = 50, **filters: Any) -> list[dict[str, Any]]:
    """How many events matching ``filters`` fall in each value of ``facet`` (``FACETS``).

    Each item is ``{"value": str | None, "count": int}`` (plus ``"country"`` for admin1),
    largest first (by period for week and month, newest first), at most ``limit`` items.
    Parties count by canonical name (events whose party has none are not counted there).
    Raises ConfigError for an unknown facet or filter.
    """
    if facet not in FACETS:
        raise ConfigError(f"facet={facet!r}: choose one of {', '.join(FACETS)}")
    try:
        if facet in ("week", "month"):
            where, params = _where(store, filters, "e.date_lo IS NOT NULL")
            rows = store.cached_rows(f"SELECT e.date_lo || '' AS d, COUNT(*) FROM events e {where} GROUP BY d",
                                     params)
            counts: dict[str, int] = defaultdict(int)
            for day, n in rows:
                counts[_bucket(str(day)[:10], facet)] += int(n)
            return [{"value": k, "count": n} for k, n in sorted(counts.items(), reverse=True)[:limit]]
        if facet in _FACET_ROLES:
            roles = _FACET_ROLES[facet]
            where, params = _where(store, filters, "1 = 1")
            role_sql = ", ".join("?" for _ in roles)
            # the filtered ids once (a temporary index), then one pass over the (role, name, event_id) index
            selected = f" AND x.event_id IN (SELECT e.id FROM events e {where})" if where.strip() != "WHERE 1 = 1" \
                else ""  # every event: the index alone answers
            sql = (f"SELECT x.name, COUNT(DISTINCT x.event_id) AS n FROM event_actors x"
                   f" WHERE x.role IN ({role_sql}) AND x.name IS NOT NULL{selected}"
                   " GROUP BY x.name ORDER BY n DESC, x.name LIMIT ?")
            rows = store.cached_rows(sql, [*roles, *params, limit])
            return [{"value": name, "count": int(n)} for name, n in rows]
        if facet == "admin1":
            # the column of migration 0005, else read from the records (an older store, slower)
            column = "e.admin1" if store._has_background_column() else _ADMIN1_SQL.get(store.dialect,
                                                                                      _ADMIN1_SQL["sqlite"])
            where, params = _where(store, filters, "e.country IS NOT NULL")
            sql = (f"SELECT e.country || '' AS c, {column} AS a1, COUNT(*) AS n FROM events e {where}"
                   " GROUP BY c, a1")
            rows = store.cached_rows(sql, [*params])
            from .._acled import admin1 as current_admin1  # France's 2016 regions, as the ACLED CSV names them

            merged: dict[tuple[Any, Any], int] = defaultdict(int)
            for cc, a1, n in rows:
                merged[(cc, current_admin1(cc, a1) or None)] += int(n)
            ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] or ""))[:limit]
            return [{"value": a1, "country": cc, "count": n} for (cc, a1), n in ranked]
        column = _COLUMN_FACETS[facet]
        where, params = _where(store, filters, "1 = 1")
        # grouped by an expression ("|| ''"), not the bare column: SQLite would otherwise walk that
        # column's index to skip the sort, and read every row, instead of the filters' indexes
        sql = (f"SELECT {column} || '' AS v, COUNT(*) AS n FROM events e {where}"
               " GROUP BY v ORDER BY n DESC, v LIMIT ?")
        rows = store.cached_rows(sql, [*params, limit])
        return [{"value": v, "count": int(n)} for v, n in rows]
    except store.db_errors as exc:
        raise store._error(f"count events by {facet}", exc) from exc


def article_titles(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Article id -> its title, outlet and publication date (for lists that show titles, not ids)."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    sql = f"SELECT id, title, outlet, published FROM articles WHERE id IN ({', '.join('?' for _ in ids)})"
    try:
        rows = store._execute(sql, ids).fetchall()
    except store.db_errors as exc:
        raise store._error("read article titles", exc) from exc
    return {i: {"title": t, "outlet": o, "published": p} for i, t, o, p in rows}
