"""The ACLED CSV: each column's rule (README, "ACLED CSV"), on the codebook's examples and on dev data."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import pycountry
import pytest

from chronique._acled import acled_table
from chronique.export import ACLED_COLUMNS, acled_row, export
from chronique.model import Actor

TABLE = acled_table()
ACLED_NAME = re.compile(r"^(?:(?:Military|Police) Forces of |Government of )(?:the )?[A-Z].*?(?: \((?:\d{4}-(?:\d{4})?)\))?$"
                        r"|^(?:Protesters|Rioters|Civilians|Unidentified Armed Group)(?: \([^()]+\))?$")
FRENCH_REGIONS_2016 = {"Auvergne-Rhone-Alpes", "Bourgogne-Franche-Comte", "Bretagne", "Centre-Val de Loire", "Corse",
                       "Grand Est", "Hauts-de-France", "Ile-de-France", "Normandie", "Nouvelle-Aquitaine",
                       "Occitanie", "Pays de la Loire", "Provence-Alpes-Cote d'Azur"}
VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"}


def _row(make_event: Any, **kw: Any) -> dict[str, Any]:
    return acled_row(make_event("d", **kw).as_dict())


def _actor(name: str | None, sector: str | None, country: str | None = None, kind: str | None = None,
           text: str = "x") -> Actor:
    return Actor(text=text, name=name, country=country, sector=sector, kind=kind)


PARIS = {"text": "Paris", "name": "Paris", "geonameid": 2988507, "lat": 48.85, "lon": 2.35, "country_code": "FR",
         "admin1": "Ile-de-France", "precision": "city"}
LYON = {"text": "Lyon", "name": "Lyon", "geonameid": 2996944, "lat": 45.75, "lon": 4.85, "country_code": "FR",
        "admin1": "Rhone-Alpes", "precision": "city"}


# -- the codebook's examples ------------------------------------------------------------------------


def test_acled_interaction_codes_follow_the_codebook(make_event):
    """Codebook: 17 = Military versus Civilians, 16 = versus Protesters, 60 = Sole Protester Action,
    12 = Military versus Rebels, 37 = Political Militia versus Civilians; the lower code comes first."""
    police = _actor("Police Forces of France", "COP", "FRA")
    civilians = _actor(None, "CVL", "FRA")
    attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    row = _row(make_event, actor=[police], recipient=[civilians], acled=attack, event_loc=PARIS, date="2020-06-01")
    assert (row["inter1"], row["inter2"], row["interaction"]) == (1, 7, 17)
    assert row["actor1"] == "Police Forces of France (2017-)" and row["actor2"] == "Civilians (France)"
    assert row["civilian_targeting"] == "Civilian targeting"
    protest = {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
    row = _row(make_event, event=["PROTEST"], mode=[], actor=[], recipient=[], acled=protest, event_loc=PARIS)
    assert (row["actor1"], row["inter1"], row["actor2"], row["interaction"]) == ("Protesters (France)", 6, "", 60)
    # civilians, reversed: recipient police, actor protesters -> still 16 (lower first)
    row = _row(make_event, event=["PROTEST"], mode=[], actor=[civilians], recipient=[police], acled=protest,
               event_loc=PARIS, date="2020-06-01")
    assert (row["inter1"], row["inter2"], row["interaction"]) == (6, 1, 16)
    assert row["civilian_targeting"] == ""  # demonstrations are not political violence
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    syria = {"text": "Syrie", "name": "Syria", "lat": 35.0, "lon": 38.0, "country_code": "SY", "precision": "country"}
    army = _actor("Syrian Arab Army", "MIL", "SYR", kind="organisation")
    row = _row(make_event, actor=[army], recipient=[_actor("Islamic State", "REB")], acled=clash, event_loc=syria,
               date="2015-12-18")
    assert (row["actor1"], row["actor2"], row["interaction"]) == \
        ("Military Forces of Syria (2000-2024)", "Islamic State", 12)
    # a perpetrator the text does not name: Unidentified Armed Group (a political militia, 3)
    row = _row(make_event, actor=[], recipient=[], acled=attack, event_loc=syria)
    assert (row["actor1"], row["actor2"], row["interaction"]) == \
        ("Unidentified Armed Group (Syria)", "Civilians (Syria)", 37)


def test_acled_riots_are_by_rioters_and_protests_by_protesters(make_event):
    riot = {"event_type": "Riots", "sub_event_type": "Violent demonstration"}
    union = _actor("General Confederation of Labour", "LAB", "FRA", kind="organisation")
    row = _row(make_event, event=["PROTEST"], mode=[], actor=[union], recipient=[], acled=riot, event_loc=LYON)
    assert (row["actor1"], row["inter1"], row["interaction"]) == ("Rioters (France)", 5, 50)
    implied = _actor("Protesters (Tunisia)", "CVL", "TUN", kind="implied")
    protest = {"event_type": "Protests", "sub_event_type": "Peaceful protest"}
    tunis = {"name": "Tunis", "lat": 36.8, "lon": 10.2, "country_code": "TN", "precision": "city"}
    row = _row(make_event, event=["PROTEST"], mode=[], actor=[implied], recipient=[], acled=protest, event_loc=tunis)
    assert row["actor1"] == "Protesters (Tunisia)" and row["region"] == "Northern Africa"


def test_acled_actor_columns_never_hold_raw_phrases(make_event):
    arrest = {"event_type": "Strategic developments", "sub_event_type": "Arrests"}
    row = _row(make_event, event=["COERCE"], mode=[], acled=arrest, event_loc=PARIS, date="2017-03-01",
               actor=[_actor(None, None, text="Les accès"), _actor("Police", "COP", None, kind="organisation")],
               recipient=[_actor(None, None, text="de l'auteur du tag")])
    assert (row["actor1"], row["assoc_actor_1"], row["actor2"]) == ("Police Forces of France (2012-2017)", "", "")
    assert row["interaction"] == 10
    # a named person is not an ACLED actor; a state's head is its government
    macron = _actor("Emmanuel Macron", "GOV", "FRA", kind="person")
    fillon = _actor("François Fillon", None, "FRA", kind="person")
    row = _row(make_event, event=["COERCE"], mode=[], acled=arrest, event_loc=PARIS, date="2020-03-01",
               actor=[macron], recipient=[fillon])
    assert (row["actor1"], row["actor2"]) == ("Government of France (2017-)", "")


def test_acled_time_and_geography_columns(make_event):
    row = _row(make_event, event_loc=LYON, date="2020-07-04", enddate="2020-07-04", date_precision="day")
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2020-07-04", "2020", 1)
    # France's 2016 regions, not the gazetteer source's older ones
    assert (row["country"], row["iso"], row["region"], row["admin1"]) == \
        ("France", 250, "Europe", "Auvergne-Rhone-Alpes")
    assert row["event_id_cnty"] == "FRA1"
    week = _row(make_event, date="2020-07-01", enddate="2020-07-05", date_precision="range")
    assert week["time_precision"] == 2


def test_acled_fatalities_only_on_violent_events(make_event):
    agreement = {"event_type": "Strategic developments", "sub_event_type": "Agreement"}
    assert _row(make_event, event=["AGREE"], mode=[], acled=agreement, dead=3)["fatalities"] == 0
    attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    assert _row(make_event, acled=attack, dead=3)["fatalities"] == 3


def test_acled_default_export_keeps_events_that_happened_of_coded_types(make_event):
    attack = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}
    happened = make_event("d1", acled=attack).as_dict()
    planned = make_event("d2", acled=attack, modality="planned").as_dict()
    accusation = make_event("d3", event=["ACCUSE"], mode=[], acled=None).as_dict()
    out = io.StringIO()
    assert export([happened, planned, accusation], "acled-csv", out) == 1
    out = io.StringIO()
    assert export([happened, planned, accusation], "acled-csv", out, acled_all=True) == 3
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert "modality=planned" in rows[1]["tags"]
    assert [r["event_id_cnty"] for r in rows] == ["SYR1", "SYR2", "SYR3"]


def test_acled_source_names_outlets_and_their_scale(make_event):
    afp = _actor("Agence France-Presse", "JRN", "FRA", kind="organisation")
    row = acled_row(make_event("d", claimant=[afp]).as_dict(), source="actu.orange.fr")
    assert (row["source"], row["source_scale"]) == ("Orange Actualites; AFP", "National-International")
    row = acled_row(make_event("d", claimant=[]).as_dict(), source="Le Monde")
    assert (row["source"], row["source_scale"]) == ("Le Monde", "National")
    row = acled_row(make_event("d", claimant=[]).as_dict(), source="La Gazette de Trifouillis")
    assert (row["source"], row["source_scale"]) == ("La Gazette de Trifouillis", "")


# -- every column's rule on a store coded from the dev data ----------------------------------------


@pytest.fixture(scope="module")
def dev_rows(dev_store: Path) -> tuple[list[dict[str, str]], dict[str, dict[str, Any]], int]:
    from chronique.store import open_store

    with open_store(str(dev_store)) as store:
        records = list(store.query_events())
        sources = store.article_sources()
    out = io.StringIO()
    export(records, "acled-csv", out, sources=sources, timestamp=1700000000)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    n_all = export(records, "acled-csv", io.StringIO(), sources=sources, acled_all=True)
    return rows, {r["id"]: r for r in records}, n_all


def _record(row: dict[str, str], records: dict[str, dict[str, Any]]) -> dict[str, Any]:
    found = re.search(r"chronique id=(\S+)", row["tags"])
    assert found, row["tags"]
    return records[found[1]]


def test_acled_dev_export_rows_are_events_acled_would_code(dev_rows):
    rows, records, n_all = dev_rows
    assert 20 <= len(rows) < n_all == len(records)
    assert list(rows[0]) == list(ACLED_COLUMNS)
    for row in rows:
        record = _record(row, records)
        assert record.get("modality", "asserted") == "asserted"
        assert row["sub_event_type"] in TABLE["event_types"][row["event_type"]]
        assert (row["event_type"], row["sub_event_type"]) != tuple(TABLE["fallback_other"])
        assert row["disorder_type"] == TABLE["disorder_type"][row["event_type"]]


def test_acled_dev_export_ids_dates_and_places(dev_rows):
    rows, records, _ = dev_rows
    ids = [r["event_id_cnty"] for r in rows]
    assert len(set(ids)) == len(ids)
    for row in rows:
        record = _record(row, records)
        alpha2 = ((record.get("event_loc") or {}).get("country_code") or "").upper()
        country = pycountry.countries.get(alpha_2=alpha2) if alpha2 else None
        prefix = country.alpha_3 if country else TABLE["unknown_country_code"]
        assert re.fullmatch(prefix + r"\d+", row["event_id_cnty"]), row["event_id_cnty"]
        if record.get("date"):
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["event_date"]) and row["year"] == row["event_date"][:4]
            assert row["time_precision"] in {"1", "2", "3"}
        if country:
            assert row["iso"] == str(int(country.numeric)) and row["country"] and row["region"]
        else:
            assert row["iso"] == row["country"] == row["region"] == row["admin1"] == ""
        if alpha2 == "FR" and row["admin1"]:
            assert row["admin1"] in FRENCH_REGIONS_2016, row["admin1"]
        assert row["admin3"] == ""
        assert row["notes"] and row["timestamp"] == "1700000000"


def test_acled_dev_export_actor_columns(dev_rows):
    from chronique.actors.registry import get_registry

    registry_names = {e.name for e in get_registry().entries.values()}
    rows, records, _ = dev_rows
    inters = {str(v) for v in TABLE["inter_codes"].values()}
    for row in rows:
        for col, assoc, inter in (("actor1", "assoc_actor_1", "inter1"), ("actor2", "assoc_actor_2", "inter2")):
            names = [row[col], *filter(None, row[assoc].split("; "))] if row[col] else []
            assert not row[assoc] or row[col]
            for name in names:
                assert ACLED_NAME.match(name) or name in registry_names, (col, name)
            assert (row[inter] in inters) if row[col] else row[inter] == ""
        assert row["actor1"] or not row["actor2"], row  # actor 1 is filled first
        codes = sorted(int(row[c]) for c in ("inter1", "inter2") if row[c])
        expected = "" if not codes else f"{codes[0]}0" if len(codes) == 1 else f"{codes[0]}{codes[1]}"
        assert row["interaction"] == expected
        if row["event_type"] == "Protests" and row["sub_event_type"] != "Excessive force against protesters" \
                and row["actor1"]:
            assert row["actor1"].startswith("Protesters"), row["actor1"]
        if row["event_type"] == "Riots" and row["actor1"]:
            assert row["actor1"].startswith("Rioters"), row["actor1"]
        if row["event_type"] == "Violence against civilians":
            assert row["actor2"].startswith("Civilians") and row["civilian_targeting"] == "Civilian targeting"
        if row["civilian_targeting"]:
            assert row["disorder_type"].startswith("Political violence")
            assert "7" in (row["inter2"], *(("7",) if "Civilians" in row["assoc_actor_2"] else ()))


def test_acled_dev_export_sources_and_fatalities(dev_rows):
    rows, records, _ = dev_rows
    scales = set(TABLE["source_scales"])
    for row in rows:
        record = _record(row, records)
        # an outlet's name, never a file name (the founding report, a .txt file, has no outlet)
        assert not re.search(r"\.(jsonl|txt|html?)\b", row["source"]), row["source"]
        assert row["source"] or record["doc_id"].startswith("000_")
        assert not row["source_scale"] or set(row["source_scale"].split("-")) <= scales
        violent = row["event_type"] in VIOLENT or row["sub_event_type"] == "Excessive force against protesters"
        assert row["fatalities"] == (str(int(record.get("dead") or 0)) if violent else "0")
    assert any(row["source_scale"] for row in rows)
