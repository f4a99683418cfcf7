"""Merging across articles in the store: attach at add, copies, claims, grades, split, rebuild (both backends)."""

from __future__ import annotations

import pytest

from chronique.errors import StoreError
from chronique.model import Actor
from chronique.store import Store, open_store

LEAD = ("Un homme armé d'un couteau a tué trois personnes jeudi 29 octobre dans la basilique Notre-Dame de Nice, "
        "a indiqué la police. L'assaillant a été interpellé sur place par les policiers municipaux. ")
NICE = {"text": "Nice", "name": "Nice", "geonameid": 2990440, "lat": 43.7, "lon": 7.27, "country_code": "FR",
        "admin1": None, "precision": "city"}
AVIGNON = {"text": "Avignon", "name": "Avignon", "geonameid": 3035681, "lat": 43.95, "lon": 4.81,
           "country_code": "FR", "admin1": None, "precision": "city"}
ATTACKER = Actor(text="un homme armé", name=None, country=None, sector="CVL")


def _attack(make_event, doc: str, sentence: str, dead: int | None = 3, loc=NICE, date: str = "2020-10-29",
            claimant: list[Actor] | None = None, **kw):
    return make_event(doc, event=["ASSAULT"], mode=["primitive"], actor=[ATTACKER],
                      recipient=[Actor(text="les fidèles de la basilique Notre-Dame", name=None, country=None,
                                       sector="CVL")],
                      date=date, enddate=date, date_precision="day", event_loc=loc, dead=dead,
                      claimant=claimant if claimant is not None else [], event_text=[sentence],
                      quantities=[], acled=None, **kw)


def _add(store: Store, make_article, n: int, text: str, events, **kw) -> None:
    assert store.add(make_article(n, text=text, **kw), events)


def test_store_merged_reports_of_one_event_in_two_articles_are_one_event(store, make_article, make_event):
    _add(store, make_article, 1, LEAD, [_attack(make_event, "doc1", LEAD.split(", a indiqué")[0])], outlet="AFP",
         published="2020-10-29T12:00:00")
    s2 = ("Jeudi matin, un assaillant a tué trois personnes au couteau dans la basilique Notre-Dame de Nice, "
          "selon le maire Christian Estrosi.")
    _add(store, make_article, 2, s2 + " Le parquet antiterroriste est saisi.", [_attack(make_event, "doc2", s2)],
         outlet="Le Monde", published="2020-10-29T18:00:00")
    merged = list(store.query_merged())
    assert len(merged) == 1
    event = merged[0]
    assert event["id"] == "doc1-e0"  # the founding report's id: stable
    assert [r["doc_id"] for r in event["reports"]] == ["doc1", "doc2"]
    assert {"doc_id", "id", "event", "event_text", "published", "outlet", "claimant"} <= set(event["reports"][0])
    assert event["reports"][0]["attached"] is None
    why = event["reports"][1]["attached"]
    assert why["to"] == "doc1-e0" and why["score"] >= 3.5 and why["features"]["place"] == 1.0
    assert event["sources"] == 2 and event["corroboration"] == "corroborated"
    # the article-level records stay as they were
    assert [r["id"] for r in store.query_events()] == ["doc1-e0", "doc2-e0"]


def test_store_merged_same_kind_of_event_elsewhere_stays_apart(store, make_article, make_event):
    _add(store, make_article, 1, LEAD, [_attack(make_event, "doc1", LEAD.split(", a indiqué")[0])])
    s2 = "Un homme qui menaçait des passants a été abattu par la police jeudi à Montfavet, près d'Avignon."
    _add(store, make_article, 2, s2, [_attack(make_event, "doc2", s2, dead=1, loc=AVIGNON)])
    s3 = "Un homme armé d'un couteau a tué trois personnes dans la basilique Notre-Dame de Nice."
    _add(store, make_article, 3, s3, [_attack(make_event, "doc3", s3, date="2020-11-05")])  # a week later
    assert len(list(store.query_merged())) == 3


def test_store_merged_disagreeing_tolls_are_all_kept_lowest_summarises(store, make_article, make_event):
    gov = [Actor(text="la préfecture", name="Prefecture of Bas-Rhin", country="FRA", sector="GOV")]
    hosp = [Actor(text="l'hôpital", name="Hospital of Strasbourg", country="FRA", sector="MED")]
    _add(store, make_article, 1, LEAD, [_attack(make_event, "doc1", LEAD.split(", a indiqué")[0], dead=21,
                                                claimant=gov)], outlet="AFP")
    s2 = "Un homme armé d'un couteau a tué vingt personnes dans la basilique Notre-Dame de Nice, selon l'hôpital."
    _add(store, make_article, 2, s2, [_attack(make_event, "doc2", s2, dead=20, claimant=hosp)], outlet="Nice-Matin")
    (event,) = store.query_merged()
    assert event["dead"] == 20  # ACLED: the lowest credible figure
    assert [(c["value"], c["claimant"]) for c in event["claims"]["dead"]] == [
        (20, ["Hospital of Strasbourg"]), (21, ["Prefecture of Bas-Rhin"])]
    assert event["disagreements"] == ["dead"] and event["corroboration"] == "contested"
    assert list(store.query_merged(corroboration="contested")) and not list(store.query_merged(sources=3))


def test_store_merged_near_copy_is_a_copy_not_a_second_source(store, make_article, make_event):
    text = LEAD * 6  # long enough for MinHash
    _add(store, make_article, 1, text, [_attack(make_event, "doc1", LEAD.split(", a indiqué")[0])],
         title="Attaque au couteau dans une église de Nice", outlet="AFP")
    _add(store, make_article, 2, text, [_attack(make_event, "doc2", LEAD.split(", a indiqué")[0])],
         title="Attaque au couteau dans une basilique de Nice", outlet="Le Figaro")  # syndicated, retitled
    (event,) = store.query_merged()
    assert event["reports"][1]["copy_of"] == "doc1" and event["copies"] == 1
    assert event["sources"] == 1 and event["corroboration"] == "single-source"
    assert store.merge_stats()["copies"] == 1


def test_store_merged_acting_side_claiming_confirms(store, make_article, make_event):
    store.add(make_article(1), [make_event("doc1")])  # Russian forces strike, Russian ministry claims
    (event,) = store.query_merged()
    assert event["corroboration"] == "confirmed"


def test_store_merged_split_survives_reingest_and_rebuild(store, make_article, make_event):
    _add(store, make_article, 1, LEAD, [_attack(make_event, "doc1", LEAD.split(", a indiqué")[0])])
    s2 = "Un assaillant a tué trois personnes au couteau jeudi dans la basilique Notre-Dame de Nice."
    article2 = make_article(2, text=s2)
    assert store.add(article2, [_attack(make_event, "doc2", s2)])
    assert len(list(store.query_merged())) == 1
    with pytest.raises(StoreError, match="not a report"):
        store.split("doc1-e0", ["nope"])
    new_id = store.split("doc1-e0", ["doc2-e0"])
    assert sorted(r["id"] for r in store.query_merged()) == sorted(["doc1-e0", new_id])
    assert store.get_merged(new_id)["reports"][0]["doc_id"] == "doc2"
    # deleted and ingested again (same event ids): still apart
    assert store.delete("doc2")
    assert [r["id"] for r in store.query_merged()] == ["doc1-e0"]
    assert store.add(article2, [_attack(make_event, "doc2", s2)])
    assert len(list(store.query_merged())) == 2
    store.attach_pending(rebuild=True)
    assert len(list(store.query_merged())) == 2


def test_store_merged_delete_resummarises_the_rest(store, make_article, make_event):
    _add(store, make_article, 1, LEAD, [_attack(make_event, "doc1", LEAD.split(", a indiqué")[0])], outlet="AFP")
    s2 = "Un assaillant a tué trois personnes au couteau jeudi dans la basilique Notre-Dame de Nice."
    _add(store, make_article, 2, s2, [_attack(make_event, "doc2", s2)], outlet="RFI")
    assert store.delete("doc1")
    (event,) = store.query_merged()
    assert event["id"] == "doc1-e0" and [r["doc_id"] for r in event["reports"]] == ["doc2"]
    assert event["corroboration"] == "single-source"


def test_store_merged_old_store_merges_on_request(tmp_path, make_article, make_event):
    path = str(tmp_path / "old.db")
    old = open_store(path, migrate=False)
    old.migrate(target=3)
    old.add(make_article(1, text=LEAD), [_attack(make_event, "doc1", LEAD.split(", a indiqué")[0])])
    old.close()
    with open_store(path) as upgraded:
        assert list(upgraded.query_merged()) == []
        assert upgraded.attach_pending() == 1
        assert [r["id"] for r in upgraded.query_merged()] == ["doc1-e0"]


def test_store_merged_keys_are_stored_without_what_scoring_kept_in_them(store, make_article, make_event):
    # scoring keeps word sets in the keys it parses (crossmerge.features._Sets), and the store keeps parsed keys
    # between articles: what it writes back is the plain key, and a rebuild gives the same merged events
    _add(store, make_article, 1, LEAD, [_attack(make_event, "doc1", LEAD.split(", a indiqué")[0])])
    s2 = ("Jeudi matin, un assaillant a tué trois personnes au couteau dans la basilique Notre-Dame de Nice, "
          "selon le maire Christian Estrosi.")
    _add(store, make_article, 2, s2, [_attack(make_event, "doc2", s2)])
    rows = [r[0] for r in store._execute("SELECT keys FROM merged_events").fetchall()]
    assert rows and all("_sets" not in text for text in rows)
    before = [(e["id"], [r["id"] for r in e["reports"]]) for e in store.query_merged()]
    store.attach_pending(rebuild=True)
    assert [(e["id"], [r["id"] for r in e["reports"]]) for e in store.query_merged()] == before == [
        ("doc1-e0", ["doc1-e0", "doc2-e0"])]
