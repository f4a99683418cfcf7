"""The article page's entities: event spans and dates always, every place and actor on demand."""

from __future__ import annotations

from typing import Any


def test_article_entities_default_are_event_spans_and_dates(client: Any) -> None:
    entities = client.get("/articles/a1%2Fmali.txt.json").json()["entities"]
    by_text = {e["text"]: e for e in entities}
    assert by_text["bombardé"]["events"] == ["e1"]
    # no event has the protesters as a party
    assert ("des manifestants", "actor") not in {(e["text"], e["label"]) for e in entities}
    assert any(e["label"] == "date" and e["events"] == [] for e in entities)  # dates no event used


def test_article_entities_analyse_adds_recognised_actors(client: Any, fr_nlp: Any) -> None:
    data = client.get("/articles/a1%2Fmali.txt.json?analyse=1").json()
    by_pair = {(e["text"], e["label"]): e for e in data["entities"]}
    assert by_pair[("des manifestants", "actor")]["events"] == []
    assert ("Mopti", "place") in by_pair and ("bombardé", "trigger") in by_pair  # the events' spans stay
    html = client.get("/articles/a1%2Fmali.txt?analyse=1").text
    assert 'data-labels="actor" title="actor">des manifestants</mark>' in html
