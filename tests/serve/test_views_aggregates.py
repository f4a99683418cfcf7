"""Timeline and map aggregates computed by chronique.store._views."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.errors import ConfigError
from chronique.store import open_store
from chronique.store._views import actor_name, actor_profile, events_per_period, map_points, timeline_domain


@pytest.fixture()
def store(store_path: Path):  # type: ignore[no-untyped-def]
    with open_store(str(store_path), migrate=False) as s:
        yield s


def test_views_aggregates_week_buckets_start_on_monday(store) -> None:  # type: ignore[no-untyped-def]
    weeks = {(c["period"], c["type"]): c["count"] for c in events_per_period(store, "week")}
    # 2024-03-10 is a Sunday (week of Monday 03-04), 03-11 a Monday
    assert weeks[("2024-03-04", "ASSAULT")] == 1
    assert weeks[("2024-03-11", "PROTEST")] == 1
    assert weeks[("2024-05-13", "ASSAULT")] == 2


def test_views_aggregates_accept_query_filters(store) -> None:  # type: ignore[no-untyped-def]
    assert [c["count"] for c in events_per_period(store, "day", country="CH")] == [1]
    assert events_per_period(store, "day", text="nothing-like-this") == []
    points = map_points(store, type=["ASSAULT"])
    assert [(p["place"], p["count"]) for p in points] == [("Kidal", 2), ("Mopti", 1)]
    assert sum(p["count"] for p in map_points(store)) == 5


def test_views_aggregates_reject_unknown_period_and_filter(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ConfigError):
        events_per_period(store, "fortnight")
    with pytest.raises(ConfigError):
        map_points(store, colour="red")


def _days(*pairs: tuple[str, int]) -> list[dict[str, object]]:
    return [{"period": day, "type": "ASSAULT", "count": n} for day, n in pairs]


def test_views_aggregates_timeline_domain_counts_far_dates_at_the_edges() -> None:
    # 200 events over 2015-2020 and three bad dates: the axis keeps the six years
    bulk = [(f"{2015 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}", 1) for i in range(200)]
    domain = timeline_domain(_days(("1500-01-01", 2), *bulk, ("2047-06-01", 1)))
    assert domain is not None
    assert domain["from"].startswith("2015") and domain["to"].startswith("2020")
    assert (domain["before"], domain["after"]) == (2, 1)
    assert (domain["first"], domain["last"]) == ("1500-01-01", "2047-06-01")


def test_views_aggregates_timeline_domain_keeps_evenly_spread_and_few_dates() -> None:
    spread = _days(*[(f"{2000 + y}-06-01", 3) for y in range(25)])
    assert timeline_domain(spread) == {"from": "2000-06-01", "to": "2024-06-01", "first": "2000-06-01",
                                       "last": "2024-06-01", "before": 0, "after": 0}
    few = timeline_domain(_days(("2024-03-10", 1), ("2024-05-19", 2)))
    assert few is not None and (few["from"], few["to"], few["before"], few["after"]) == (
        "2024-03-10", "2024-05-19", 0, 0)
    assert timeline_domain([]) is None


def test_views_aggregates_actor_profile(store) -> None:  # type: ignore[no-untyped-def]
    assert actor_name(store, "gunmen") == "Gunmen"
    assert actor_name(store, "nobody at all") is None
    profile = actor_profile(store, "Gunmen")
    assert (profile["count"], profile["roles"]) == (1, {"actor": 1})
    assert [e["id"] for e in profile["events"]] == ["e4"]
    assert profile["types"] == [{"type": "ASSAULT", "count": 1}]
    claims = actor_profile(store, "Officials")
    assert claims["roles"] == {"claimant": 1}
    assert claims["claims"] == [{"month": "2024-05", "modality": "asserted", "count": 1}]
