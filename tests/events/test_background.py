"""History told in passing is flagged background (chronique/events/_background.py), and
casualty counts come only from the event's own clause (chronique/events/quantities.py)."""

from __future__ import annotations

from events_testing import Run, one_event


def test_background_far_from_publication_is_flagged(events_of: Run) -> None:
    events = events_of("Timothy McVeigh avait commis l'attentat d'Oklahoma City en 1995. La police a arrêté "
                       "mardi deux suspects à Lyon.", "fr", "2020-06-16")
    assert one_event(events, "ASSAULT").background
    assert not one_event(events, "COERCE").background
    assert "background" not in one_event(events, "COERCE").as_dict()


def test_background_casualties_of_another_clause_are_not_counted(events_of: Run) -> None:
    ev = one_event(events_of("Des soldats ont attaqué mardi un village près de Gao alors que l'épidémie a fait "
                             "479.818 morts dans le monde.", "fr", "2020-06-16"), "ASSAULT")
    assert ev.dead is None
