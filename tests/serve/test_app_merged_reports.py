"""The event page lists the reports of its merged event (outlet, date, claimant, what each says) and
flags where they disagree; its JSON twin carries the same."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from chronique.model import Actor, Article, Event, Evidence
from chronique.store import open_store

LOC = {"text": "Mopti", "name": "Mopti", "geonameid": 2453348, "lat": 14.49, "lon": -4.19, "country_code": "ML",
       "admin1": None, "precision": "city"}


def _report(doc: Article, eid: str, dead: int, claimant: str) -> Event:
    text = doc.text
    t, c, p = text.index("frappé"), text.index(claimant), text.index("Mopti")
    return Event(id=eid, doc_id=doc.id, event=["ASSAULT"], actor=[Actor(text="L'armée", name="Armed Forces of Mali",
                                                                         country="MLI", sector="MIL")],
                 claimant=[Actor(text=claimant, name=claimant.title(), start=c, end=c + len(claimant))],
                 date="2024-03-10", enddate="2024-03-10", date_precision="day", event_loc=LOC, dead=dead,
                 event_text=[text.split("\n")[-1]], lang="fr", trigger="frappé",
                 evidence=[Evidence(t, t + 6, "event"), Evidence(c, c + len(claimant), "claimant"),
                           Evidence(p, p + 5, "event_loc")])


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = tmp_path_factory.mktemp("merged") / "m.db"
    hospital = Article(id="h", lang="fr", published="2024-03-10T20:00", outlet="Le Journal", title="Frappe à Mopti",
                       text="Frappe à Mopti\nL'armée a frappé un marché de Mopti dimanche, tuant 20 personnes, "
                            "selon l'hôpital de Mopti.")
    governor = Article(id="g", lang="fr", published="2024-03-11T08:00", outlet="Radio Sahel",
                       title="Mopti : 21 morts",
                       text="Mopti : 21 morts\nL'armée a frappé le marché de Mopti dimanche 10 mars, 21 morts selon "
                            "le gouverneur.")
    with open_store(str(db)) as store:
        store.add(hospital, [_report(hospital, "h-e0", 20, "l'hôpital de Mopti")])
        store.add(governor, [_report(governor, "g-e0", 21, "le gouverneur")])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx versions
        from starlette.testclient import TestClient
    from chronique.serve import create_app

    with TestClient(create_app(str(db))) as test_client:
        yield test_client


def test_app_merged_event_twin_lists_reports_and_disagreements(client: Any) -> None:
    data = client.get("/events/g-e0.json").json()
    merged = data["merged"]
    assert [r["id"] for r in merged["reports"]] == ["h-e0", "g-e0"]
    assert {r["outlet"] for r in merged["reports"]} == {"Le Journal", "Radio Sahel"}
    assert merged["corroboration"] == "contested" and merged["dead"] == 20  # ACLED: the lowest figure
    (dead,) = [d for d in data["disagreements"] if d["field"] == "dead"]
    claims = {v["value"]: v for v in dead["values"]}
    assert set(claims) == {20, 21}
    assert claims[21]["claimant"] == ["Le Gouverneur"] and claims[21]["reports"][0]["outlet"] == "Radio Sahel"


def test_app_merged_event_page_shows_each_report_and_flags_the_disagreement(client: Any) -> None:
    html = client.get("/events/h-e0").text
    assert 'id="report-table"' in html and html.count("data-report=") == 2
    for expected in ("Le Journal", "Radio Sahel", "2024-03-10", "L&#39;Hôpital De Mopti", "Le Gouverneur",
                     "dead 20", "dead 21", 'id="disagreements"', "contested", "2 independent sources"):
        assert expected in html, expected
    assert 'class="disagree">dead 21' in html


def test_app_event_page_of_an_unmerged_store_has_no_report_section(tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx versions
        from starlette.testclient import TestClient
    from chronique.serve import create_app

    doc = Article(id="x", lang="fr", published="2024-03-10", title="t",
                  text="Frappe\nL'armée a frappé Mopti, selon le maire.")
    db = tmp_path / "x.db"
    with open_store(str(db)) as store:
        store.merge_across = False
        store.add(doc, [_report(doc, "x-e0", 3, "le maire")])
    with TestClient(create_app(str(db))) as c:
        data = c.get("/events/x-e0.json").json()
        assert data["merged"] is None and data["disagreements"] == []
        assert 'id="report-table"' not in c.get("/events/x-e0").text
