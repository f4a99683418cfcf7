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

__all__ = ["PERIODS", "events_per_period", "map_points"]

PERIODS = ("day", "week", "month")


def _where(store: Store, filters: dict[str, Any], extra: str) -> tuple[str, list[Any]]:
    """The filters' WHERE clause with one more condition ANDed in."""
    where, params = _query.where_clause({k: v for k, v in filters.items() if v not in (None, "", [])},
                                        store._text_clause)
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
        rows = store._execute(sql, params).fetchall()
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
        rows = store._execute(sql, params).fetchall()
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

