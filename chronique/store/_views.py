"""Aggregate read-only views for the web page: timeline counts and map points.

Functions taking a ``Store`` (not methods) so that ``base.py`` stays the
store's core; they reuse its filter clauses (``_query.where_clause``), so a
view accepts exactly the filters of ``Store.query_events`` and every value
is a bound parameter. SQL is portable to SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ..errors import ConfigError
from . import _query
from .base import Store

__all__ = ["FACETS", "PERIODS", "actor_name", "actor_profile", "article_titles", "events_per_period", "facet_counts",
           "map_points", "timeline_domain"]

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
    counted = store.counted(filters)
    if counted is not None:  # migration 0006's precomputed counts answer these filters
        try:
            return _counted_facet(store, facet, limit, counted)
        except store.db_errors as exc:
            raise store._error(f"count events by {facet}", exc) from exc
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


def _counted_facet(store: Store, facet: str, limit: int, counted: tuple[str, list[Any]]) -> list[dict[str, Any]]:
    """facet_counts() read from the precomputed rows (chronique.store._counts): same items, same order."""
    where, params = counted
    name = {"week": "day", "month": "day"}.get(facet, facet)
    if facet in ("week", "month"):
        rows = store.cached_rows(f"SELECT c.value, SUM(c.n) FROM facet_counts c WHERE c.facet = 'day' AND {where}"
                                 " GROUP BY c.value", params)
        counts: dict[str, int] = defaultdict(int)
        for day, n in rows:
            if int(n) > 0:
                counts[_bucket(str(day)[:10], facet)] += int(n)
        return [{"value": k, "count": n} for k, n in sorted(counts.items(), reverse=True)[:limit]]
    if facet == "admin1":
        rows = store.cached_rows(f"SELECT c.value, c.value2, SUM(c.n) FROM facet_counts c WHERE c.facet = 'admin1'"
                                 f" AND {where} GROUP BY c.value, c.value2", params)
        from .._acled import admin1 as current_admin1

        merged: dict[tuple[Any, Any], int] = defaultdict(int)
        for cc, a1, n in rows:
            if int(n) > 0:
                merged[(cc or None, current_admin1(cc or None, a1 or None) or None)] += int(n)
        ranked = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0][0] or "", kv[0][1] or ""))[:limit]
        return [{"value": a1, "country": cc, "count": n} for (cc, a1), n in ranked]
    rows = store.cached_rows(f"SELECT c.value, SUM(c.n) AS n FROM facet_counts c WHERE c.facet = ? AND {where}"
                             # NULLIF: '' is NULL, which each dialect sorts where it sorts NULL ("v" above)
                             " GROUP BY c.value HAVING SUM(c.n) > 0 ORDER BY n DESC, NULLIF(c.value, '') LIMIT ?",
                             [name, *params, limit])
    return [{"value": v or None, "count": int(n)} for v, n in rows]


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


# -- the timeline's domain -----------------------------------------------------------

# The bulk of the dates: from the 5th to the 95th percentile of the events, widened by as much
# again on each side (at least _DOMAIN_MIN_DAYS); events beyond that are counted, not drawn. A
# store of 2015-2020 reports with a "1500" and a "2047" among them is drawn over 2015-2020; a
# store spread evenly over 25 years loses nothing.
_DOMAIN_QUANTILE = 0.05
_DOMAIN_MIN_DAYS = 30


def timeline_domain(counts: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The days a timeline of ``counts`` (``events_per_period(..., "day")`` items) should span.

    ``{"from", "to": first and last day drawn, "before", "after": events dated outside them,
    "first", "last": the extreme dates}``, or None when no event is dated. The range is the
    5th to 95th percentile of the events' days widened on each side by its own length (30 days
    at least), and never past the first and last dated events.
    """
    per_day: dict[str, int] = defaultdict(int)
    for c in counts:
        per_day[c["period"]] += int(c["count"])
    if not per_day:
        return None
    days = sorted(per_day)
    total = sum(per_day.values())

    def quantile(q: float) -> date:
        seen = 0
        for d in days:
            seen += per_day[d]
            if seen > q * total:
                return date.fromisoformat(d)
        return date.fromisoformat(days[-1])

    lo, hi = quantile(_DOMAIN_QUANTILE), quantile(1 - _DOMAIN_QUANTILE)
    margin = timedelta(days=max((hi - lo).days, _DOMAIN_MIN_DAYS))
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    start, end = max(first, lo - margin), min(last, hi + margin)
    inside = [d for d in days if start.isoformat() <= d <= end.isoformat()]
    return {"from": inside[0], "to": inside[-1], "first": days[0], "last": days[-1],
            "before": sum(per_day[d] for d in days if d < inside[0]),
            "after": sum(per_day[d] for d in days if d > inside[-1])}


# -- an actor's page ------------------------------------------------------------------


def actor_name(store: Store, value: str) -> str | None:
    """The canonical name stored for ``value`` (case-insensitive, as typed in a URL), or None."""
    try:
        row = store._execute("SELECT name FROM event_actors WHERE name_lc = ? AND name IS NOT NULL LIMIT 1",
                             [value.casefold()]).fetchone()
    except store.db_errors as exc:
        raise store._error("look up an actor", exc) from exc
    return str(row[0]) if row else None


def actor_profile(store: Store, name: str, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """What the store says about one actor (by canonical name): roles, types, partners, claims, events.

    - ``roles``: events it takes part in per role (actor, recipient, claimant);
    - ``types``: its events (as actor or recipient) per first PLOVER type;
    - ``partners``: the other named parties of its events, most frequent first, each with how
      often it was the recipient of this actor's action (``target``), the actor acting on it
      (``by``), or on the same side (``with``);
    - ``claims``: the events it claims, per month and modality (its statements over time);
    - ``events``: the records it takes part in (any role), newest first, ``limit`` from ``offset``;
      ``count``: how many.
    Events told as background are left out, as in every list.
    """
    mine = "e.id IN (SELECT x.event_id FROM event_actors x WHERE x.name = ?)"
    try:
        where, params = _where(store, {}, mine)
        params = [*params, name]
        count = int(store.cached_rows(f"SELECT COUNT(*) FROM events e {where}", params)[0][0])
        role_where, role_params = _where(store, {}, "x.name = ?")
        roles = store.cached_rows(
            "SELECT x.role, COUNT(DISTINCT x.event_id) FROM event_actors x JOIN events e ON e.id = x.event_id"
            f" {role_where} GROUP BY x.role", [*role_params, name])
        party_where, party_params = _where(store, {}, "x.name = ? AND x.role IN ('actor', 'recipient')")
        if store.counted({}) is not None:  # migration 0006's counts: the actor facet per type
            types = store.cached_rows(
                "SELECT NULLIF(c.key, ''), SUM(c.n) FROM facet_counts c WHERE c.facet = 'actor' AND c.value = ?"
                " AND c.dim = 'type' GROUP BY c.key HAVING SUM(c.n) > 0 ORDER BY 2 DESC, 1", [name])
        else:
            types = store.cached_rows(
                "SELECT e.event_type, COUNT(DISTINCT e.id) FROM event_actors x JOIN events e ON e.id = x.event_id"
                f" {party_where} GROUP BY e.event_type ORDER BY 2 DESC, 1", [*party_params, name])
        pairs = store.cached_rows(
            "SELECT y.name, x.role, y.role, COUNT(DISTINCT e.id) FROM event_actors x"
            " JOIN events e ON e.id = x.event_id"
            " JOIN event_actors y ON y.event_id = x.event_id AND y.role IN ('actor', 'recipient')"
            f" {party_where} AND y.name IS NOT NULL AND y.name <> x.name GROUP BY y.name, x.role, y.role",
            [*party_params, name])
        claim_where, claim_params = _where(store, {}, "x.name = ? AND x.role = 'claimant'")
        claims = store.cached_rows(
            "SELECT substr(e.date_lo, 1, 7) AS m, e.modality, COUNT(DISTINCT e.id) FROM event_actors x"
            f" JOIN events e ON e.id = x.event_id {claim_where} GROUP BY m, e.modality ORDER BY m",
            [*claim_params, name])
        page, page_params = _query.paging(limit, offset, store.unlimited)
        events = [json.loads(r[0]) for r in store._execute(
            f"SELECT e.record FROM events e {where} {_query.ORDERS['-date']} {page}", [*params, *page_params])]
    except store.db_errors as exc:
        raise store._error(f"read the events of {name!r}", exc) from exc
    partners: dict[str, dict[str, int]] = {}
    for other, own_role, their_role, n in pairs:
        relation = "with" if own_role == their_role else "target" if own_role == "actor" else "by"
        entry = partners.setdefault(other, {"name": other, "target": 0, "by": 0, "with": 0, "events": 0})
        entry[relation] += int(n)
        entry["events"] += int(n)
    return {"name": name, "count": count,
            "roles": {role: int(n) for role, n in roles},
            "types": [{"type": t or "", "count": int(n)} for t, n in types],
            "partners": sorted(partners.values(), key=lambda p: (-p["events"], p["name"]))[:30],
            "claims": [{"month": m, "modality": mod, "count": int(n)} for m, mod, n in claims if m],
            "undated_claims": sum(int(n) for m, _, n in claims if not m),
            "events": events, "limit": limit, "offset": offset}
