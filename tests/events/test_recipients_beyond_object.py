"""Recipients read beyond the trigger's object, and the home country of domestic actors
(chronique/events/_recipients.py, chronique/events/_home.py), on hand-made English passages."""

from __future__ import annotations

from events_testing import Run, countries, one_event


def test_infinitive_complement_gives_the_recipient(events_of: Run) -> None:
    ev = one_event(events_of("Iran threatened to cut off electricity to Armenia.", "en"), "THREATEN")
    assert "IRN" in countries(ev.actor)
    assert "ARM" in countries(ev.recipient)


def test_complement_chain_and_possessor(events_of: Run) -> None:
    ev = one_event(events_of("Israeli President Moshe Katsav has refused to meet Jordan's King Abdullah II.", "en"),
                   "REJECT")
    assert "JOR" in countries(ev.recipient)


def test_that_clause_subject_is_the_one_asked(events_of: Run) -> None:
    ev = one_event(events_of("Palestinian officials demanded that the United States end its support.", "en"), "REQUEST")
    assert "USA" in countries(ev.recipient)


def test_noun_trigger_takes_its_to_phrase(events_of: Run) -> None:
    ev = one_event(events_of("Peru has issued an ultimatum to Ecuador to halt the attacks.", "en"), "THREATEN")
    assert "ECU" in countries(ev.recipient)


def test_restriction_falls_on_the_people_of_its_place(events_of: Run) -> None:
    ev = one_event(events_of("Serbia lifted a night curfew in Montenegro.", "en"), "CONCEDE")
    assert any(a.country == "MNE" and a.sector == "CVL" for a in ev.recipient)


def test_host_of_a_visit_is_a_party_and_the_town_stays_the_place(events_of: Run) -> None:
    ev = one_event(events_of("Iraqi President Saddam Hussein arrived in Amman on a visit.", "en"), "CONSULT")
    assert {"IRQ", "JOR"} <= countries(ev.actor) | countries(ev.recipient)
    assert ev.event_loc and ev.event_loc["name"] == "Amman"


def test_own_recipient_is_kept_without_looking_further(events_of: Run) -> None:
    ev = one_event(events_of("Russia threatened Ukraine to cut off gas supplies to Moldova.", "en"), "THREATEN")
    assert "UKR" in countries(ev.recipient)
    assert "MDA" not in countries(ev.recipient)


def test_domestic_actor_takes_the_one_country_of_its_sentence(events_of: Run) -> None:
    ev = one_event(events_of("Judge Alejandro Rivera opened fraud investigations against 28 Chilean officials.", "en"),
                   "ACCUSE")
    assert countries(ev.actor) == {"CHL"}


def test_locative_on_the_actor_gives_its_country(events_of: Run) -> None:
    ev = one_event(events_of("Demonstrators in Baghdad protested against the United States.", "en"), "PROTEST")
    assert "IRQ" in countries(ev.actor)


def test_international_body_gets_no_country(events_of: Run) -> None:
    ev = one_event(events_of("The United Nations criticised Chile.", "en"), "ACCUSE")
    assert all(a.country is None for a in ev.actor if a.sector == "IGO")
