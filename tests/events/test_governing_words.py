"""What governs a trigger: the date hung on it, the state its nationality adjective names."""

from __future__ import annotations


def test_date_inside_the_subject_belongs_to_the_subjects_event(events_of) -> None:
    text = ("Le président Kais Saied, en visite en France lundi, avait rencontré en janvier "
            "des militants de Tataouine.")
    events = events_of(text, "fr", "2020-06-22")
    met = [e for e in events if "CONSULT" in e.event and (e.date or "").startswith("2020-01")]
    visit = [e for e in events if "CONSULT" in e.event and e.date == "2020-06-22"]
    assert met, [(e.event, e.date) for e in events]
    assert visit, [(e.event, e.date) for e in events]


def test_nationality_adjective_on_an_event_noun_names_the_acting_state(events_of) -> None:
    events = events_of("L'offensive turque contre les forces kurdes a fait des dizaines de morts dimanche "
                       "dans le nord de la Syrie.", "fr", "2020-06-10")
    assault = [e for e in events if "ASSAULT" in e.event]
    assert assault and any(a.country == "TUR" and a.kind == "state" for e in assault for a in e.actor), \
        [(e.event, [(a.text, a.country) for a in e.actor]) for e in events]


def test_light_verb_subject_acts_not_the_genitive_of_the_event_noun(events_of) -> None:
    events = events_of("La police a procédé lundi à d'intenses tirs de gaz lacrymogène contre des centaines de "
                       "manifestants dans le centre de Tataouine.", "fr", "2020-06-22")
    assault = [e for e in events if "ASSAULT" in e.event]
    assert assault and any("police" in a.text.lower() for e in assault for a in e.actor), \
        [(e.event, [a.text for a in e.actor]) for e in events]


def test_date_of_the_controlling_verb_dates_the_attempted_act(events_of) -> None:
    events = events_of("Dimanche, les policiers avaient tenté de disperser des manifestants devant le gouvernorat "
                       "de Tataouine.", "fr", "2020-06-23")
    acts = [e for e in events if set(e.event) & {"COERCE", "ASSAULT"}]
    assert acts and acts[0].date == "2020-06-21", [(e.event, e.date) for e in events]


def test_plural_object_after_an_adjunct_is_the_object(events_of) -> None:
    events = events_of("Dimanche, les policiers ont tenté de disperser à coups de gaz lacrymogènes des manifestants "
                       "réclamant des emplois à Tataouine.", "fr", "2020-06-22")
    acts = [e for e in events if set(e.event) & {"COERCE", "ASSAULT"}]
    assert acts and any("manifestants" in a.text for e in acts for a in e.recipient), \
        [(e.event, [a.text for a in e.recipient]) for e in events]


def test_participle_mistagged_as_noun_still_carries_its_event_noun(events_of) -> None:
    events = events_of("Lundi, la police a de nouveau procédé à d'intenses tirs de gaz lacrymogène pour disperser "
                       "les manifestants dans le centre de Tataouine.", "fr", "2020-06-22")
    assault = [e for e in events if "ASSAULT" in e.event]
    assert assault and any("police" in a.text.lower() for e in assault for a in e.actor), \
        [(e.event, [a.text for a in e.actor]) for e in events]


def test_habitual_clause_is_no_specific_event(events_of) -> None:
    habit = events_of("Une fois tous les trois jours de l'année dernière, une personne a été tuée par son conjoint.",
                      "fr", "2020-06-22")
    assert not [e for e in habit if "ASSAULT" in e.event], [(e.event, e.date) for e in habit]
    act = events_of("Une femme a été tuée dimanche par son conjoint à Nantes.", "fr", "2020-06-22")
    assert [e for e in act if "ASSAULT" in e.event], [(e.event, e.date) for e in act]


def test_an_arrest_in_the_night_and_a_dispersal_the_next_day_are_two_events(events_of) -> None:
    events = events_of("La police a arrêté un militant, Tarek Haddad, dans la nuit de samedi à dimanche, et tenté "
                       "de disperser dimanche les centaines de personnes manifestant à travers la ville.",
                       "fr", "2020-06-22")
    coerce = [e for e in events if "COERCE" in e.event]
    assert len(coerce) == 2, [(e.event, e.date, e.enddate) for e in events]
