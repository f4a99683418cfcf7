"""Timeline and map aggregates computed by chronique.store._views."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronique.errors import ConfigError
from chronique.store import open_store
from chronique.store._views import events_per_period, map_points


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
