"""Precomputed counts (migration 0006, chronique.store._counts) answer exactly as the events do."""

from __future__ import annotations

import random
from typing import Any

import pytest

from chronique.model import Actor
from chronique.store import Store, open_store
from chronique.store._views import FACETS, facet_counts

PLACES = [("Syria", "SY", "Aleppo Governorate"), ("Mali", "ML", "Mopti"), ("France", "FR", "Rhône-Alpes"),
          ("France", "FR", "Auvergne-Rhône-Alpes"), ("Kyiv", "UA", None), (None, None, None)]
PARTIES = [("Russian Armed Forces", "RUS"), ("Malian Armed Forces", "MLI"), ("Islamic State", None),
           ("Protesters", None), (None, "SYR"), ("Ministry of Defence of Mali", "MLI")]
FILTERS: list[dict[str, Any]] = [
    {}, {"type": ["ASSAULT"]}, {"type": ["PROTEST", "CONSULT"]}, {"country": ["ML"]}, {"country": ["SYR"]},
    {"country": ["Russie"]}, {"country": ["FR", "ML"]}, {"date_from": "2024-03"}, {"date_to": "2024-02-10"},
    {"date_from": "2024-02-01", "date_to": "2024-04-30"}, {"modality": ["denied", "planned"]},
    {"date_precision": ["day"]}, {"type": ["ASSAULT"], "country": ["ML"]},  # two dimensions: read the events
    {"actor": "Russian"}, {"background": True},
]


def _fill(store: Store, make_article: Any, make_event: Any, seed: int, multi_typed: bool = False) -> None:
    rng = random.Random(seed)
    for a in range(40):
        events = []
        for k in range(rng.randint(0, 4)):
            place, cc, admin1 = rng.choice(PLACES)
            day = None if rng.random() < 0.1 else f"2024-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
            end = day if not day or rng.random() < 0.7 else f"2024-{rng.randint(6, 7):02d}-{rng.randint(1, 28):02d}"
            types = [rng.choice(["ASSAULT", "PROTEST", "CONSULT", "COERCE"])]
            if multi_typed and rng.random() < 0.2:
                types.append("ACCUSE")

            def party() -> list[Actor]:
                name, country = rng.choice(PARTIES)
                return [Actor(text=(name or "someone").lower(), name=name, country=country)]

            events.append(make_event(
                f"doc{seed}-{a}", k, event=types, actor=party(), recipient=party() if rng.random() < 0.5 else [],
                claimant=party() if rng.random() < 0.6 else [], date=day, enddate=end,
                date_precision=None if not day else rng.choice(["day", "month", "range"]),
                modality=rng.choice(["asserted", "asserted", "denied", "planned"]),
                background=rng.random() < 0.1,
                event_loc=None if place is None else {"text": place, "name": place, "geonameid": None, "lat": 1.0,
                                                      "lon": 2.0, "country_code": cc, "admin1": admin1,
                                                      "precision": "city"}))
        store.add(make_article(a, id=f"doc{seed}-{a}", text=f"Article {seed} {a}."), events)


def _answers(store: Store) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for filters in FILTERS:
        key = repr(sorted(filters.items()))
        out[key] = {"count": store.count_events(**filters),
                    **{facet: facet_counts(store, facet, 200, **filters) for facet in FACETS}}
    return out


def _read_from_events(store: Store) -> dict[str, Any]:
    store.counted = lambda filters: None  # type: ignore[method-assign]
    try:
        return _answers(store)
    finally:
        del store.counted


@pytest.mark.parametrize("multi_typed", [False, True])
def test_store_counts_match_the_events(store: Store, make_article: Any, make_event: Any, multi_typed: bool) -> None:
    _fill(store, make_article, make_event, seed=3, multi_typed=multi_typed)
    assert store.counted({"type": ["ASSAULT"]}) is not None or multi_typed
    assert store.counted({"country": ["ML"], "type": ["ASSAULT"]}) is None
    expected = _read_from_events(store)
    assert _answers(store) == expected
    assert expected[repr([])]["count"] > 50  # the store is not trivially small
    # deleting articles takes their events' counts away
    for a in range(0, 40, 3):
        store.delete(f"doc3-{a}")
    assert _answers(store) == _read_from_events(store)


def test_store_counts_migration_counts_the_stored_events(tmp_path: Any, make_article: Any, make_event: Any) -> None:
    path = str(tmp_path / "old.db")
    old = open_store(path, migrate=False)
    old.migrate(target=5)
    _fill(old, make_article, make_event, seed=5)
    assert old.counted({}) is None  # no table yet: the events are read
    old.close()
    upgraded = open_store(path)
    assert upgraded.counted({}) is not None
    assert _answers(upgraded) == _read_from_events(upgraded)
    upgraded.close()


@pytest.mark.parametrize("order", ["-date", "date", "type", "-dead", "place"])
def test_store_counts_pages_follow_the_whole_list(store: Store, make_article: Any, make_event: Any,
                                                  order: str) -> None:
    # a page reads its ids on an index first, then its records: the pages put end to end are the list
    _fill(store, make_article, make_event, seed=7)
    for filters in ({}, {"type": ["ASSAULT"]}, {"country": ["ML"]}, {"date_from": "2024-03"}):
        whole = [e["id"] for e in store.query_events(**filters, order=order)]
        pages = [e["id"] for offset in range(0, len(whole) + 7, 7)
                 for e in store.query_events(**filters, order=order, limit=7, offset=offset)]
        assert pages == whole and whole, filters


def test_store_counts_change_stamp_and_types(tmp_path: Any, make_article: Any, make_event: Any) -> None:
    with open_store(str(tmp_path / "s.db")) as store:
        before = store._stamp()
        store.add(make_article(1), [make_event("doc1", event=["ASSAULT", "COERCE"])])
        assert store._stamp() != before and not store._single_typed()
        store.delete("doc1")
        assert store._single_typed()
    with open_store(str(tmp_path / "other.db")) as other:
        assert other._stamp()[0] != before[0]  # each database its own token: caches are not mixed up


def test_store_counts_batch_with_a_rejected_article(store: Store, make_article: Any, make_event: Any) -> None:
    # counts are written at the batch's commit: the articles kept are counted, the rejected one is not
    from chronique.errors import StoreError

    items = [(make_article(n, id=f"b{n}"), [make_event(f"b{n}")]) for n in range(5)]
    items.insert(3, (make_article(99, id="dup"), [make_event("b0")]))  # event id b0-e0 again: rejected
    with pytest.raises(StoreError):
        store.add_many(items, batch_size=10)
    assert store.count_events() == 3
    assert _answers(store) == _read_from_events(store)


def test_store_counts_actor_profile_types_match_the_events(store: Store, make_article: Any, make_event: Any) -> None:
    from chronique.store._views import actor_profile

    _fill(store, make_article, make_event, seed=11)
    for name in ("Russian Armed Forces", "Malian Armed Forces", "Protesters"):
        counted = actor_profile(store, name)
        store.counted = lambda filters: None  # type: ignore[method-assign]
        try:
            assert actor_profile(store, name) == counted and counted["types"], name
        finally:
            del store.counted
