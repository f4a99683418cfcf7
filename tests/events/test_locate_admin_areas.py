"""Events take the administrative area a sentence names, at its level, with the GeoNames ids and
names of their admin1 and admin2 areas (issue 18); the story's context picks the right Tripoli."""

from __future__ import annotations

from events_testing import Run, one_event


def test_locate_admin_areas_province_of_a_strike_that_kills(events_of: Run) -> None:
    ev = one_event(events_of("Des frappes aériennes russes ont touché plusieurs villages de la province d'Alep, "
                             "tuant cinq civils.", "fr"), "ASSAULT")
    loc = ev.event_loc or {}
    assert (loc.get("name"), loc.get("precision"), loc.get("geonameid"), loc.get("admin1_id")) == (
        "Aleppo", "admin1", 170062, 170062)


def test_locate_admin_areas_countryside_is_the_governorate(events_of: Run) -> None:
    ev = one_event(events_of("Regime helicopters shelled several villages in Idleb countryside on Tuesday, "
                             "killing two children.", "en"), "ASSAULT")
    loc = ev.event_loc or {}
    assert (loc.get("name"), loc.get("precision"), loc.get("country_code")) == ("Idlib", "admin1", "SY")
    assert loc.get("admin1_id") == loc.get("geonameid") is not None


def test_locate_admin_areas_region_of_mali(events_of: Run) -> None:
    ev = one_event(events_of("Des hommes armés ont attaqué un poste de gendarmerie dans la région de Mopti, "
                             "tuant trois gendarmes.", "fr"), "ASSAULT")
    loc = ev.event_loc or {}
    assert (loc.get("precision"), loc.get("country_code"), loc.get("feature_code")) == ("admin1", "ML", "ADM1")
    assert loc.get("geonameid") is not None


def test_locate_admin_areas_district_keeps_its_province(events_of: Run) -> None:
    ev = one_event(events_of("Militants attacked a checkpoint in Khost district, killing two policemen.", "en"),
                   "ASSAULT")
    loc = ev.event_loc or {}
    assert loc.get("precision") == "admin2" and loc.get("admin2_id") == loc.get("geonameid")
    assert loc.get("admin1") and loc.get("admin1_id") is not None


def test_locate_admin_areas_town_carries_department_and_2016_region(events_of: Run) -> None:
    ev = one_event(events_of("Des centaines de manifestants ont défilé samedi à Lyon contre la réforme.", "fr"),
                   "PROTEST")
    loc = ev.event_loc or {}
    assert (loc.get("name"), loc.get("admin1"), loc.get("admin1_id"), loc.get("admin2"), loc.get("admin2_id")) == (
        "Lyon", "Auvergne-Rhône-Alpes", 11071625, "Rhône", 2987410)


def test_locate_admin_areas_party_country_picks_the_town(events_of: Run) -> None:
    lebanon = one_event(events_of("Hezbollah supporters clashed with army soldiers in Tripoli on Monday, "
                                  "wounding five people.", "en"), "ASSAULT")
    libya = one_event(events_of("Fighters of the Libyan National Army shelled positions in Tripoli on Monday, "
                                "killing three people.", "en"), "ASSAULT")
    assert (lebanon.event_loc or {}).get("country_code") == "LB"
    assert (libya.event_loc or {}).get("country_code") == "LY"
