"""Recipients named around the event rather than by its object: conditions, what a
complaint is about, whom something is taken from, what is defied, where a force is
massed; plus the parse repairs and the "-ed" light-verb reading that feed them
(chronique/events/_recipients.py, arguments.py, lexicon.py), on hand-made English passages."""

from __future__ import annotations

from events_testing import Run, countries, one_event


def test_condition_subject_is_the_one_threatened(events_of: Run) -> None:
    ev = one_event(events_of("Farmers in Bolivia threatened to block the highways unless Chile lowered its port fees.",
                             "en"), "THREATEN")
    assert "CHL" in countries(ev.recipient)


def test_complaint_is_aimed_at_what_it_is_about(events_of: Run) -> None:
    ev = one_event(events_of("Ghana complained to the African Union on Monday over Togolese border raids.", "en"), "ACCUSE")
    assert "TGO" in countries(ev.recipient)


def test_seized_from_names_the_one_dispossessed(events_of: Run) -> None:
    ev = one_event(events_of("Kenyan police confiscated rifles and ammunition from Somali smugglers.", "en"), "COERCE")
    assert "SOM" in countries(ev.recipient)


def test_in_defiance_of_names_the_opposed(events_of: Run) -> None:
    ev = one_event(events_of("Thousands of students blocked roads in Dhaka in defiance of Indian authorities.", "en"),
                   "PROTEST")
    assert "IND" in countries(ev.recipient)


def test_misread_past_form_is_still_a_light_verb(events_of: Run) -> None:
    # the English lemmatizer reads "staged" as "stag"
    ev = one_event(events_of("Kenyan students staged rallies in Nairobi against Ugandan President Yoweri Museveni.",
                             "en"), "PROTEST")
    assert "KEN" in countries(ev.actor)
    assert "UGA" in countries(ev.recipient)


def test_own_forces_are_no_recipient_the_place_is(events_of: Run) -> None:
    ev = one_event(events_of("Turkey has reinforced its troops in Syria, military sources said.", "en"), "MOBILIZE")
    assert "TUR" in countries(ev.actor)
    assert countries(ev.recipient) == {"SYR"}


def test_threatened_action_in_a_country_targets_it(events_of: Run) -> None:
    ev = one_event(events_of("Hezbollah threatened to resume attacks in Israel.", "en"), "THREATEN")
    assert "ISR" in countries(ev.recipient)


def test_object_stranded_by_a_reduced_clause(events_of: Run) -> None:
    ev = one_event(events_of("Chile has granted asylum to three Bolivian ministers holed up in its embassy.", "en"), "AID")
    assert "BOL" in countries(ev.recipient)


def test_object_after_an_as_phrase(events_of: Run) -> None:
    ev = one_event(events_of("Greece on Monday denounced as a provocation Turkey's deployment of warships.", "en"),
                   "ACCUSE")
    assert "TUR" in countries(ev.recipient)


def test_participle_place_gives_a_domestic_actor_its_country(events_of: Run) -> None:
    ev = one_event(events_of("Police arrested ten rebels operating in Nepal, officials from India and China said.", "en"),
                   "COERCE")
    assert "NPL" in countries(ev.recipient)


def test_past_readings_of_an_ed_form() -> None:
    from chronique.events.lexicon import past_readings

    assert "stage" in past_readings("staged")
    assert "mount" in past_readings("Mounted")
    assert past_readings("red") == ()
