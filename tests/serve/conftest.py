"""A small hand-made store served by the app: a few articles, their events, and one hostile article."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest

from chronique.model import Actor, Article, Event, Evidence, Quantity
from chronique.store import open_store

XSS = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def _event(eid: str, doc: Article, trigger: str, types: list[str], date: str | None, loc: dict[str, Any] | None,
           actor: str | None = None, claimant: str | None = None, mode: list[str] | None = None,
           dead: int | None = None) -> Event:
    """An event whose offsets point at the words of ``doc.text`` it names."""
    text = doc.text
    t = text.index(trigger)
    evidence = [Evidence(t, t + len(trigger), "event")]
    actors, claimants = [], []
    if actor:
        a = text.index(actor)
        actors.append(Actor(text=actor, name=actor.title(), country="FRA", sector="MIL", start=a, end=a + len(actor)))
        evidence.append(Evidence(a, a + len(actor), "actor"))
    if claimant:
        c = text.index(claimant)
        claimants.append(Actor(text=claimant, name=claimant.title(), start=c, end=c + len(claimant)))
        evidence.append(Evidence(c, c + len(claimant), "claimant"))
    if loc and loc.get("text") in text:
        p = text.index(loc["text"])
        evidence.append(Evidence(p, p + len(loc["text"]), "event_loc"))
    quantities = [Quantity(value=dead, unit="dead", text=str(dead))] if dead is not None else []
    return Event(id=eid, doc_id=doc.id, event=types, mode=mode or [], actor=actors, claimant=claimants,
                 date=date, enddate=date, date_precision="day" if date else None, event_loc=loc,
                 quantities=quantities, dead=dead, event_text=[text[max(0, t - 20):t + 40]],
                 evidence=evidence, lang=doc.lang, acled=_ACLED.get(types[0]) if types else None)


# the ACLED mapping the coder gives these types (the ACLED CSV holds only events that have one)
_ACLED = {"ASSAULT": {"event_type": "Violence against civilians", "sub_event_type": "Attack"},
          "PROTEST": {"event_type": "Protests", "sub_event_type": "Peaceful protest"}}


def _loc(name: str, cc: str, lat: float, lon: float) -> dict[str, Any]:
    return {"text": name, "name": name, "geonameid": None, "lat": lat, "lon": lon, "country_code": cc,
            "admin1": None, "precision": "city"}


def build_store(path: Path) -> None:
    """Write the test store: 4 articles (one carrying an XSS payload), 6 events in 3 countries."""
    a1 = Article(id="a1/mali.txt", lang="fr", published="2024-03-12", title="Frappes au Mali",
                 url="https://example.org/mali", outlet="Exemple",
                 text="L'armée française a bombardé des positions près de Mopti le 10 mars, selon l'état-major. "
                      "Le lendemain, des manifestants ont protesté à Bamako.")
    a2 = Article(id="a2", lang="en", published="2024-04-02", title="Talks in Geneva", url="javascript:alert(1)",
                 text="Diplomats met in Geneva on Monday to discuss a ceasefire, the ministry said.")
    a3 = Article(id="a3", lang="en", published="2024-05-20", title=f"Attack {XSS}",
                 text=f"Gunmen attacked a convoy near Kidal. {XSS} Officials said nine people died.")
    a4 = Article(id="a4", lang="en", published="2024-05-21", title="Undated", text="Leaders agreed to talk again.")
    events = [
        (a1, [_event("e1", a1, "bombardé", ["ASSAULT"], "2024-03-10", _loc("Mopti", "ML", 14.49, -4.19),
                    actor="L'armée française", claimant="l'état-major", mode=["aerial"], dead=3),
             _event("e2", a1, "protesté", ["PROTEST"], "2024-03-11", _loc("Bamako", "ML", 12.65, -8.0))]),
        (a2, [_event("e3", a2, "met", ["CONSULT"], "2024-04-01", _loc("Geneva", "CH", 46.2, 6.14),
                    claimant="the ministry", mode=["multilateral"])]),
        (a3, [_event("e4", a3, "attacked", ["ASSAULT"], "2024-05-19", _loc("Kidal", "ML", 18.44, 1.41),
                    actor="Gunmen", claimant="Officials", mode=["firearms"], dead=9),
             _event("e5", a3, "died", ["ASSAULT"], "2024-05-19", _loc("Kidal", "ML", 18.44, 1.41))]),
        (a4, [_event("e6", a4, "agreed", ["AGREE"], None, None)]),
    ]
    with open_store(str(path)) as store:
        store.add_many(events)


@pytest.fixture(scope="session")
def xss() -> str:
    """The hostile markup article a3 carries in its title and text."""
    return XSS


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "events.db"
    build_store(path)
    return path


@pytest.fixture(scope="session")
def client(store_path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx versions is not ours to fix
        from starlette.testclient import TestClient

    from chronique.serve import create_app

    with TestClient(create_app(str(store_path))) as test_client:
        yield test_client
