"""Where an event happened when its own clause does not say it (chronique/events/_locate.py):
the sentence's framing locative, the acting party's phrase, the paragraph, the dateline;
on hand-made French passages."""

from __future__ import annotations

from chronique.model import Article, Event
from chronique.pipeline import Pipeline
from events_testing import Run, one_event


def _loc(ev: Event) -> str | None:
    return (ev.event_loc or {}).get("name")


def test_locate_court_named_by_its_town(events_of: Run) -> None:
    ev = one_event(events_of("Le tribunal correctionnel de Nantes (Loire-Atlantique) a condamné mardi un militant "
                             "écologiste à six mois de prison avec sursis.", "fr"), "SANCTION")
    assert _loc(ev) == "Nantes"  # the town, not the country the two places share


def test_locate_subject_of_the_clause_of_a_nominal_trigger(events_of: Run) -> None:
    ev = one_event(events_of("Le tribunal de Séoul a prolongé mardi la détention de l'ancien président "
                             "Lee Myung-bak.", "fr"), "COERCE")
    assert _loc(ev) == "Seoul"


def test_locate_circumstance_noun_frames_the_event(events_of: Run) -> None:
    ev = one_event(events_of("Emmanuel Macron a rencontré mardi des soignants lors d'un déplacement à "
                             "l'hôpital de Lille.", "fr"), "CONSULT")
    assert _loc(ev) == "Lille"


def test_locate_residents_of_a_place_locate_their_protest(events_of: Run) -> None:
    ev = one_event(events_of("Les habitants de Gaza ont manifesté mardi contre le blocus imposé par Israël.", "fr"),
                   "PROTEST")
    assert _loc(ev) == "Gaza"


def test_locate_distance_makes_a_reference_point(events_of: Run) -> None:
    events = events_of("Des centaines de manifestants se sont rassemblés lundi à Tataouine, à 500 km au sud "
                       "de Tunis. La police a dispersé la foule à coups de gaz lacrymogène.", "fr")
    assert _loc(one_event(events, "PROTEST")) == "Tataouine"
    # tear gas named: an ASSAULT (crowd-control) by the gold's convention; nothing in its
    # sentence says where, the one before does
    dispersal = one_event(events, "ASSAULT")
    assert _loc(dispersal) == "Tataouine" and (dispersal.event_loc or {}).get("level") == "paragraph"


def test_locate_title_dateline_places_placeless_events() -> None:
    art = Article(id="t", lang="fr", published="2020-03-10", title="Londres : un homme blesse deux passants",
                  text="Un homme armé d'un couteau a blessé deux passants mardi. Il a été arrêté par la police.")
    (res,) = list(Pipeline(lang="fr").run([art]))
    ev = one_event(res.events, "ASSAULT")
    assert _loc(ev) == "London" and (ev.event_loc or {}).get("level") == "dateline"


def test_locate_dateline_skips_parties_of_another_country() -> None:
    art = Article(id="t", lang="fr", published="2020-03-10", title="Londres : sommet de l'Otan",
                  text="Le président russe Vladimir Poutine a accusé mardi l'Ukraine de provocations.")
    (res,) = list(Pipeline(lang="fr").run([art]))
    ev = one_event(res.events, "ACCUSE")
    assert (ev.event_loc or {}).get("country_code") != "GB"
