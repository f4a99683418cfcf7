"""Calls to protest are the protest, implicit parties as ACLED codes them, passive deployments,
and history told in passing flagged background."""

from __future__ import annotations

from events_testing import Run, one_event


def test_extract_fr_call_to_strike_is_the_protest(events_of: Run) -> None:
    ev = one_event(events_of("La CGT a appelé à une grève générale jeudi dans les transports.", "fr"), "PROTEST")
    assert "strike" in ev.mode
    assert any("CGT" in a.text for a in ev.actor)
    assert not any("REQUEST" in e.event for e in events_of("La CGT a appelé à une grève générale jeudi.", "fr"))


def test_extract_en_call_for_strike_is_the_protest(events_of: Run) -> None:
    ev = one_event(events_of("The union called for a demonstration on Monday in Lagos.", "en"), "PROTEST")
    assert any("union" in a.text for a in ev.actor)


def test_extract_fr_agentless_arrest_is_by_the_police_of_the_place(events_of: Run) -> None:
    ev = one_event(events_of("Dix personnes ont été interpellées samedi à Lyon, selon la préfecture.", "fr"),
                   "COERCE")
    assert [(a.name, a.country, a.kind) for a in ev.actor] == [("Police Forces of France", "FRA", "implied")]
    assert not any(e.field == "actor" for e in ev.evidence)  # no words of the text were read as the police


def test_extract_fr_named_arresting_force_is_kept(events_of: Run) -> None:
    ev = one_event(events_of("Les gendarmes ont arrêté dix personnes samedi à Lyon.", "fr"), "COERCE")
    assert all(a.kind != "implied" for a in ev.actor)


def test_extract_fr_unnamed_protesters_are_protesters_of_the_country(events_of: Run) -> None:
    ev = one_event(events_of("De nouvelles manifestations ont eu lieu dimanche à Alger contre le pouvoir.", "fr"),
                   "PROTEST")
    assert [(a.name, a.country) for a in ev.actor] == [("Protesters (Algeria)", "DZA")]


def test_extract_fr_deployed_force_is_the_actor(events_of: Run) -> None:
    ev = one_event(events_of("L'armée a été déployée lundi devant les bâtiments publics à Tataouine.", "fr"),
                   "MOBILIZE")
    assert any("armée" in a.text for a in ev.actor)


def test_extract_fr_history_told_in_passing_is_background(events_of: Run) -> None:
    events = events_of("En 2012, la police avait arrêté le militant à Paris. Jeudi, la police a arrêté son "
                       "frère à Lyon.", "fr", dct="2020-06-12")
    old = [e for e in events if (e.date or "").startswith("2012")]
    new = [e for e in events if (e.date or "").startswith("2020")]
    assert old and all(e.background for e in old)
    assert new and not any(e.background for e in new)


def test_extract_fr_arrest_of_someone_names_whom_not_who(events_of: Run) -> None:
    ev = one_event(events_of("L'arrestation du journaliste Taha Bouhafs vendredi à Paris a suscité l'indignation.",
                             "fr"), "COERCE")
    assert not any("Bouhafs" in a.text for a in ev.actor)
    assert any("Bouhafs" in a.text for a in ev.recipient)


def test_extract_en_murder_of_someone_names_whom_not_who(events_of: Run) -> None:
    events = events_of("The murder of George Floyd by a police officer in Minneapolis on Monday sparked protests.",
                       "en")
    ev = one_event(events, "ASSAULT")
    assert not any("Floyd" in a.text for a in ev.actor)


def test_unplaced_arrest_takes_the_police_of_the_story_country(events_of) -> None:
    text = ("Des milliers de manifestants ont défilé samedi à Lyon contre la réforme des retraites.\n\n"
            "En fin de journée, trois personnes ont été interpellées, selon une source judiciaire.")
    events = events_of(text, "fr", "2020-01-19")
    coerce = [e for e in events if "COERCE" in e.event]
    assert coerce, [e.event for e in events]
    assert any(a.kind == "implied" and a.country == "FRA" for e in coerce for a in e.actor), \
        [(a.text, a.country) for e in coerce for a in e.actor]
