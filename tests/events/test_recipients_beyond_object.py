"""Recipients read beyond the trigger's object, and the home country of domestic actors
(chronique/events/_recipients.py, chronique/events/_home.py), on hand-made English passages."""

from __future__ import annotations

from collections.abc import Callable

from chronique.model import Actor, Event

Run = Callable[..., list[Event]]


def _one(events: list[Event], etype: str) -> Event:
    found = [e for e in events if etype in e.event]
    assert found, f"expected a {etype}, got {[e.event for e in events]}"
    return found[0]


def _countries(actors: list[Actor]) -> set[str | None]:
    return {a.country for a in actors}


def test_infinitive_complement_gives_the_recipient(events_of: Run) -> None:
    ev = _one(events_of("Iran threatened to cut off electricity to Armenia.", "en"), "THREATEN")
    assert "IRN" in _countries(ev.actor)
    assert "ARM" in _countries(ev.recipient)


def test_complement_chain_and_possessor(events_of: Run) -> None:
    ev = _one(events_of("Israeli President Moshe Katsav has refused to meet Jordan's King Abdullah II.", "en"),
              "REJECT")
    assert "JOR" in _countries(ev.recipient)


def test_that_clause_subject_is_the_one_asked(events_of: Run) -> None:
    ev = _one(events_of("Palestinian officials demanded that the United States end its support.", "en"), "REQUEST")
    assert "USA" in _countries(ev.recipient)


def test_noun_trigger_takes_its_to_phrase(events_of: Run) -> None:
    ev = _one(events_of("Peru has issued an ultimatum to Ecuador to halt the attacks.", "en"), "THREATEN")
    assert "ECU" in _countries(ev.recipient)


def test_restriction_falls_on_the_people_of_its_place(events_of: Run) -> None:
    ev = _one(events_of("Serbia lifted a night curfew in Montenegro.", "en"), "CONCEDE")
    assert any(a.country == "MNE" and a.sector == "CVL" for a in ev.recipient)


def test_host_of_a_visit_is_a_party_and_the_town_stays_the_place(events_of: Run) -> None:
    ev = _one(events_of("Iraqi President Saddam Hussein arrived in Amman on a visit.", "en"), "CONSULT")
    assert {"IRQ", "JOR"} <= _countries(ev.actor) | _countries(ev.recipient)
    assert ev.event_loc and ev.event_loc["name"] == "Amman"


def test_own_recipient_is_kept_without_looking_further(events_of: Run) -> None:
    ev = _one(events_of("Russia threatened Ukraine to cut off gas supplies to Moldova.", "en"), "THREATEN")
    assert "UKR" in _countries(ev.recipient)
    assert "MDA" not in _countries(ev.recipient)


def test_domestic_actor_takes_the_one_country_of_its_sentence(events_of: Run) -> None:
    ev = _one(events_of("Judge Alejandro Rivera opened fraud investigations against 28 Chilean officials.", "en"),
              "ACCUSE")
    assert _countries(ev.actor) == {"CHL"}


def test_locative_on_the_actor_gives_its_country(events_of: Run) -> None:
    ev = _one(events_of("Demonstrators in Baghdad protested against the United States.", "en"), "PROTEST")
    assert "IRQ" in _countries(ev.actor)


def test_international_body_gets_no_country(events_of: Run) -> None:
    ev = _one(events_of("The United Nations criticised Chile.", "en"), "ACCUSE")
    assert all(a.country is None for a in ev.actor if a.sector == "IGO")
