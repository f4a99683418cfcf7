"""Search finds what analysts type: registry aliases, accents, French and English, countries by name."""

from __future__ import annotations

import pytest

from chronique.errors import ConfigError
from chronique.model import Actor
from chronique.store._views import facet_counts


@pytest.fixture
def syria(store, make_article, make_event):
    """Four Russian strikes told four ways, and a meeting in Moscow (the issue's task)."""
    mod = "Ministry of Defence of Russia"
    claimants = [Actor(text="le ministère russe de la Défense", name=mod, country="RUS", sector="GOV"),
                 Actor(text="Moscou", name=mod, country="RUS", sector="GOV"),
                 Actor(text="the Russian Defence Ministry", name=mod, country="RUS", sector="GOV"),
                 Actor(text="le ministère", name=mod, country="RUS", sector="GOV")]
    events = [make_event("doc1", k, claimant=[c], date=f"2015-12-{18 + k}", enddate=None, date_precision="day")
              for k, c in enumerate(claimants)]
    gerasimov = Actor(text="le chef d'état-major", name="Valery Gerasimov", country="RUS", sector="MIL",
                      kind="person")
    meeting = make_event("doc2", 0, event=["CONSULT"], mode=[], actor=[gerasimov], recipient=[], claimant=[],
                         acled=None, date="2015-12-23", enddate=None, date_precision="week",
                         event_loc={"text": "Moscou", "name": "Moscow", "geonameid": 524901, "lat": 55.75,
                                    "lon": 37.6, "country_code": "RU", "admin1": "Moscow", "precision": "city"})
    store.add(make_article(1), events)
    store.add(make_article(2, title="Rencontre à Moscou"), [meeting])
    return store


@pytest.mark.parametrize("claimant", ["ministère russe", "ministere russe", "defense russe", "Défense russe",
                                      "Russian Defence Ministry", "ministry of defence of russia", "MINISTÈRE"])
def test_search_claimant_in_french_english_any_accent_finds_every_strike(syria, claimant):
    found = list(syria.query_events(claimant=claimant, type="ASSAULT", date_from="2015-12", date_to="2015-12"))
    assert len(found) == 4, claimant


@pytest.mark.parametrize("actor", ["Guérassimov", "guerassimov", "Gerasimov", "Valéri Guérassimov", "chef d'etat"])
def test_search_actor_matches_registry_aliases_and_mentions(syria, actor):
    assert [r["event"] for r in syria.query_events(actor=actor)] == [["CONSULT"]], actor


def test_search_raw_substring_still_matches(syria):
    assert syria.count_events(claimant="nistère ru") == 1  # as typed, inside a word


@pytest.mark.parametrize("country", ["SY", "SYR", "Syria", "Syrie", "syrie", "SYRIE"])
def test_search_country_by_code_or_name_in_english_or_french(syria, country):
    assert syria.count_events(country=country, type="ASSAULT") == 4


def test_search_bad_country_proposes_close_names(syria):
    with pytest.raises(ConfigError, match=r"did you mean Syria \(SY\)"):
        syria.count_events(country="Syrai")


def test_search_place_by_any_gazetteer_or_stored_name(syria):
    assert syria.count_events(place="Moscow") == 1
    assert syria.count_events(place="moscow") == 1
    assert syria.count_events(place="Syrie") + syria.count_events(place="Syria") >= 4


def test_search_modality_and_date_precision_filters(syria):
    assert syria.count_events(date_precision="week") == 1
    assert syria.count_events(date_precision=["day", "week"]) == 5
    assert syria.count_events(modality="asserted") == 5


def test_search_list_is_sortable_newest_first(syria):
    dates = [r["date"] for r in syria.query_events(order="-date")]
    assert dates == sorted(dates, reverse=True)
    with pytest.raises(ConfigError, match="-date"):
        list(syria.query_events(order="sideways"))


def test_search_facets_count_by_country_type_party_and_period(syria):
    assert facet_counts(syria, "type") == [{"value": "ASSAULT", "count": 4}, {"value": "CONSULT", "count": 1}]
    assert {"value": "SY", "count": 4} in facet_counts(syria, "country")
    assert facet_counts(syria, "claimant") == [{"value": "Ministry of Defence of Russia", "count": 4}]
    assert facet_counts(syria, "actor", type="CONSULT") == [{"value": "Valery Gerasimov", "count": 1}]
    assert facet_counts(syria, "month") == [{"value": "2015-12-01", "count": 5}]
    # country=RU: the place's country, or a party's (the strikes' Russian actor)
    assert facet_counts(syria, "admin1", country="RU") == [{"value": None, "country": "SY", "count": 4},
                                                           {"value": "Moscow", "country": "RU", "count": 1}]
    with pytest.raises(ConfigError, match="country"):
        facet_counts(syria, "colour")
