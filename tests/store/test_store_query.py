"""Store.query_events filters, paging, stats."""

from __future__ import annotations

import pytest

from chronique.errors import ConfigError
from chronique.model import Actor


@pytest.fixture
def filled(store, make_article, make_event):
    """Four events in three articles, differing in every filtered field."""
    store.add(make_article(1, text="Les frappes aériennes russes sur Alep.", title="Syrie"), [
        make_event("doc1", 0),  # ASSAULT aerial, 2015-12-18..23, SY, RUS actor
        make_event("doc1", 1, event=["CONSULT", "AGREE"], mode=["visit"], date="2016-02",
                   enddate=None, date_precision="month",
                   actor=[Actor(text="Le Ministère des Affaires étrangères", name="Ministry of Foreign Affairs of France",
                                country="FRA", sector="GOV")],
                   recipient=[], claimant=[], event_text=["Le ministre s'est rendu à Moscou."],
                   event_loc={"name": "Moscow", "lat": 55.75, "lon": 37.6, "country_code": "RU"}),
    ])
    store.add(make_article(2, text="Manifestation à Paris contre la réforme.", title="Grève"), [
        make_event("doc2", 0, event=["PROTEST"], mode=[], date="2019-12-05", enddate=None,
                   date_precision="day", actor=[Actor(text="des syndicats", name="trade unions", country="FRA",
                                                      sector="LAB")],
                   recipient=[], claimant=[Actor(text="la CGT", name="CGT", country="FRA")],
                   event_text=["Des milliers de manifestants ont défilé."],
                   event_loc={"name": "Paris", "lat": 48.85, "lon": 2.35, "country_code": "FR"}),
    ])
    store.add(make_article(3, text="Sans date ni lieu.", title="Rien"), [
        make_event("doc3", 0, event=["ACCUSE"], mode=[], date=None, enddate=None, date_precision=None,
                   event_loc=None, actor=[], recipient=[], claimant=[], event_text=["Il accuse."]),
    ])
    return store


def ids(records):
    return sorted(r["id"] for r in records)


def test_query_without_filters_yields_every_record_dated_first(filled):
    records = list(filled.query_events())
    assert [r["id"] for r in records] == ["doc1-e0", "doc1-e1", "doc2-e0", "doc3-e0"]
    assert records[0]["actor"][0]["name"] == "Russian Aerospace Forces"


def test_query_type_matches_any_listed_type_case_insensitively(filled):
    assert ids(filled.query_events(type="agree")) == ["doc1-e1"]
    assert ids(filled.query_events(type=["PROTEST", "ACCUSE"])) == ["doc2-e0", "doc3-e0"]
    assert ids(filled.query_events(type="SSAUL")) == []


def test_query_dates_use_overlap(filled):
    # event range 2015-12-18..23 overlaps a range starting inside it
    assert ids(filled.query_events(date_from="2015-12-20", date_to="2015-12-31")) == ["doc1-e0"]
    assert ids(filled.query_events(date_to="2015-12-18")) == ["doc1-e0"]
    assert ids(filled.query_events(date_from="2015-12-24", date_to="2016-01-31")) == []
    # a month-precision date covers its month; partial bounds cover theirs
    assert ids(filled.query_events(date_from="2016-02-29", date_to="2016-03")) == ["doc1-e1"]
    assert ids(filled.query_events(date_from="2019")) == ["doc2-e0"]
    assert "doc3-e0" not in ids(filled.query_events(date_from="1900"))


def test_query_bad_dates_raise_config_error(filled):
    with pytest.raises(ConfigError, match="date_from"):
        list(filled.query_events(date_from="yesterday"))
    with pytest.raises(ConfigError, match="after"):
        list(filled.query_events(date_from="2020", date_to="2019"))


def test_query_country_matches_place_alpha2_or_actor_alpha3(filled):
    assert ids(filled.query_events(country="SY")) == ["doc1-e0"]
    assert ids(filled.query_events(country="SYR")) == ["doc1-e0"]
    assert ids(filled.query_events(country="Syria")) == ["doc1-e0"]
    # Russia: the place of the visit (RU) and the actor of the strike (RUS)
    assert ids(filled.query_events(country="RU")) == ["doc1-e0", "doc1-e1"]
    assert ids(filled.query_events(country="fra")) == ["doc1-e1", "doc2-e0"]
    with pytest.raises(ConfigError, match="country"):
        list(filled.query_events(country="Atlantis"))


def test_query_actor_and_claimant_match_text_or_name_ignoring_case(filled):
    assert ids(filled.query_events(actor="RUSSIAN aerospace")) == ["doc1-e0"]
    assert ids(filled.query_events(actor="forces aériennes")) == ["doc1-e0"]
    # accented capitals fold as in Python, not only ASCII
    assert ids(filled.query_events(actor="MINISTÈRE DES AFFAIRES")) == ["doc1-e1"]
    # actor= is either party; initiator= only PLOVER's actor, recipient= only the recipient
    assert ids(filled.query_events(actor="daech")) == ["doc1-e0"]
    assert ids(filled.query_events(initiator="daech")) == []
    assert ids(filled.query_events(initiator="russian")) == ["doc1-e0"]
    assert ids(filled.query_events(recipient="daech")) == ["doc1-e0"]
    assert ids(filled.query_events(recipient="russian")) == []
    assert ids(filled.query_events(claimant="cgt")) == ["doc2-e0"]
    assert ids(filled.query_events(claimant="ministry of defence")) == ["doc1-e0"]
    # LIKE wildcards in user input are literal characters
    assert ids(filled.query_events(actor="%")) == []
    assert ids(filled.query_events(actor="_")) == []


def test_query_mode_text_modality_doc(filled):
    assert ids(filled.query_events(mode="aerial")) == ["doc1-e0"]
    assert ids(filled.query_events(mode="aer")) == []
    # text: in the event's sentences or its article, accents and case ignored, word prefixes
    assert ids(filled.query_events(text="manifestants")) == ["doc2-e0"]
    assert ids(filled.query_events(text="aerienne")) == ["doc1-e0", "doc1-e1"]
    assert ids(filled.query_events(text="GRÈVE")) == ["doc2-e0"]
    assert ids(filled.query_events(text="réforme Alep")) == []
    assert ids(filled.query_events(text='" OR 1=1 --')) == []
    assert ids(filled.query_events(text="!!!")) == []
    assert ids(filled.query_events(modality="asserted")) == ids(filled.query_events())
    assert ids(filled.query_events(doc_id="doc1")) == ["doc1-e0", "doc1-e1"]


def test_query_filters_combine_with_and(filled):
    assert ids(filled.query_events(country="FRA", type="PROTEST", date_from="2019-12-05")) == ["doc2-e0"]
    assert ids(filled.query_events(country="FRA", type="ASSAULT")) == []


def test_query_values_are_parameters_not_sql(filled):
    assert ids(filled.query_events(type="X' OR '1'='1")) == []
    assert ids(filled.query_events(actor="'; DROP TABLE events; --")) == []
    assert filled.stats()["events"] == 4


def test_query_limit_offset_and_count(filled):
    everything = [r["id"] for r in filled.query_events()]
    assert [r["id"] for r in filled.query_events(limit=2)] == everything[:2]
    assert [r["id"] for r in filled.query_events(limit=2, offset=2)] == everything[2:]
    assert [r["id"] for r in filled.query_events(offset=3)] == everything[3:]
    assert list(filled.query_events(limit=0)) == []
    assert filled.count_events(country="FRA") == 2
    with pytest.raises(ConfigError):
        list(filled.query_events(limit=-1))


def test_stats_counts_types_and_missing_date_or_place(filled, make_article, make_event):
    filled.add(make_article(4), [make_event("doc4", 0, date="2015-12-24", enddate=None,
                                            date_precision="publication")])
    stats = filled.stats()
    assert stats["articles"] == 4
    assert stats["events"] == 5
    assert stats["events_by_type"] == {"ASSAULT": 2, "ACCUSE": 1, "CONSULT": 1, "PROTEST": 1}
    assert stats["events_without_date"] == 2
    assert stats["events_without_place"] == 1
    assert stats["date_range"] == ["2015-12-18", "2019-12-05"]


def test_stats_of_empty_store(store):
    stats = store.stats()
    assert (stats["articles"], stats["events"], stats["events_by_type"]) == (0, 0, {})


def test_count_events_rejects_unknown_filters(filled):
    with pytest.raises(ConfigError, match="colour"):
        filled.count_events(colour="red")
