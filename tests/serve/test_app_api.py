"""The JSON API over the hand-made store: twins, filters, paging, downloads, errors."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest


def _ids(client: Any, query: str) -> list[str]:
    response = client.get(f"/events.json?{query}&sort=date")  # oldest first: the order these tests list
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def test_app_api_lists_every_event_dated_first(client: Any) -> None:
    data = client.get("/events.json").json()
    assert data["count"] == 6
    # newest first by default (undated last); ?sort=date for oldest first
    assert [e["id"] for e in data["events"]] == ["e5", "e4", "e3", "e2", "e1", "e6"]
    oldest = client.get("/events.json?sort=date").json()
    assert [e["id"] for e in oldest["events"]] == ["e1", "e2", "e3", "e4", "e5", "e6"]
    # each row names its article by its title
    assert data["events"][4]["article"]["title"] == "Frappes au Mali"


@pytest.mark.parametrize(("query", "expected"), [
    ("type=ASSAULT", ["e1", "e4", "e5"]),
    ("type=ASSAULT,PROTEST", ["e1", "e2", "e4", "e5"]),
    ("type=ASSAULT&type=CONSULT", ["e1", "e3", "e4", "e5"]),
    ("mode=aerial", ["e1"]),
    ("country=CH", ["e3"]),
    ("country=ML", ["e1", "e2", "e4", "e5"]),
    ("actor=gunmen", ["e4"]),
    ("claimant=ministry", ["e3"]),
    ("date_from=2024-04-01&date_to=2024-04-30", ["e3"]),
    ("date_from=2024-05", ["e4", "e5"]),
    ("q=ceasefire", ["e3"]),
    ("q=Bamako", ["e1", "e2"]),  # words of the article count, not only the event's sentence
    ("type=ASSAULT&country=ML&actor=armée", ["e1"]),
    ("type=&country=&q=", ["e1", "e2", "e3", "e4", "e5", "e6"]),  # empty form fields are no filter
])
def test_app_api_filters(client: Any, query: str, expected: list[str]) -> None:
    assert _ids(client, query) == expected


def test_app_api_paging_links_walk_the_list(client: Any) -> None:
    seen, url = [], "/events.json?limit=4&sort=date"
    while url:
        data = client.get(url).json()
        seen += [e["id"] for e in data["events"]]
        url = data["next"]
    assert seen == ["e1", "e2", "e3", "e4", "e5", "e6"]
    assert client.get("/events.json?limit=4&offset=4").json()["previous"] is not None


@pytest.mark.parametrize("query", ["limit=0", "limit=9999", "offset=-1", "limit=x", "date_from=yesterday",
                                   "date_from=2024-05&date_to=2024-01", "actor=" + "x" * 500])
def test_app_api_bad_values_are_400_with_a_message(client: Any, query: str) -> None:
    response = client.get(f"/events.json?{query}")
    assert response.status_code == 400
    assert response.json()["error"]
    assert client.get(f"/events?{query}").status_code == 400


def test_app_api_event_twin_has_record_article_and_marked_passages(client: Any) -> None:
    data = client.get("/events/e1.json").json()
    assert data["event"]["id"] == "e1"
    assert data["article"]["id"] == "a1/mali.txt"
    labelled = {(s["text"], tuple(s["labels"])) for p in data["passages"] for s in p["segments"] if s["labels"]}
    assert ("bombardé", ("trigger",)) in labelled
    assert ("Mopti", ("place",)) in labelled
    assert ("l'état-major", ("claimant",)) in labelled
    assert data["passages"][0]["text"].startswith("L'armée française a bombardé")


def test_app_api_article_ids_with_slashes_and_twins(client: Any) -> None:
    page = client.get("/articles/a1%2Fmali.txt")
    assert page.status_code == 200 and "Frappes au Mali" in page.text
    data = client.get("/articles/a1%2Fmali.txt.json").json()
    assert data["article"]["id"] == "a1/mali.txt"
    assert [e["id"] for e in data["events"]] == ["e1", "e2"]
    labels = {(e["text"], e["label"]) for e in data["entities"]}
    assert {("bombardé", "trigger"), ("protesté", "trigger"), ("Mopti", "place")} <= labels
    assert ("le 10 mars", "date") in labels or ("10 mars", "date") in labels  # dates re-tagged at request time


def test_app_api_unknown_ids_are_404(client: Any) -> None:
    assert client.get("/events/nope.json").status_code == 404
    assert client.get("/events/nope").status_code == 404
    assert client.get("/articles/nope.json").json()["status"] == 404


def test_app_api_downloads_follow_the_filters(client: Any) -> None:
    listing = _ids(client, "type=ASSAULT")
    response = client.get("/events.csv?type=ASSAULT&acled_all=1")
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == len(listing)
    # by default only the events ACLED would code (asserted, of an ACLED type)
    coded = list(csv.DictReader(io.StringIO(client.get("/events.csv?type=ASSAULT").text)))
    assert len(coded) <= len(listing) and all(r["event_type"] != "Strategic developments" or
                                              r["sub_event_type"] != "Other" for r in coded)
    lines = client.get("/events.jsonl?type=ASSAULT").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == listing
    geo = client.get("/events.geojson?type=ASSAULT").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 3
    assert client.get("/events.xml").status_code == 404


def test_app_api_timeline_counts_by_period_and_type(client: Any) -> None:
    days = client.get("/timeline.json").json()["counts"]
    assert {(c["period"], c["type"]): c["count"] for c in days}[("2024-05-19", "ASSAULT")] == 2
    assert sum(c["count"] for c in days) == 5  # the undated event is not on the timeline
    months = client.get("/timeline.json?period=month&type=ASSAULT").json()["counts"]
    assert [(c["period"], c["count"]) for c in months] == [("2024-03-01", 1), ("2024-05-01", 2)]
    assert client.get("/timeline.json?period=fortnight").status_code == 400


def test_app_api_map_groups_events_by_place(client: Any) -> None:
    points = client.get("/map.json").json()["points"]
    assert len(points) == 4
    kidal = points[0]
    assert (kidal["place"], kidal["count"], kidal["type"]) == ("Kidal", 2, "ASSAULT")
    assert [p["place"] for p in client.get("/map.json?country=CH").json()["points"]] == ["Geneva"]


def test_app_api_root_redirects_and_writes_are_refused(client: Any) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/events"
    assert client.post("/events.json").status_code == 405
    assert client.delete("/events/e1").status_code == 405


def test_app_api_timeline_domain_and_actor_twin(client: Any) -> None:
    domain = client.get("/timeline.json").json()["domain"]
    assert (domain["from"], domain["to"], domain["before"], domain["after"]) == ("2024-03-10", "2024-05-19", 0, 0)
    assert client.get("/timeline.json?country=CH").json()["domain"]["from"] == "2024-04-01"
    actor = client.get("/actors/L'Armée Française.json")
    assert actor.status_code == 200
    assert actor.json()["name"] == "L'Armée Française"
    assert [e["id"] for e in actor.json()["events"]] == ["e1"]
    page = client.get("/actors/L%27arm%C3%A9e%20fran%C3%A7aise")  # any case, as typed
    assert page.status_code == 200 and "L&#39;Armée Française" in page.text
    missing = client.get("/actors/Nobody.json")
    assert missing.status_code == 404 and "canonical name" in missing.json()["error"]
