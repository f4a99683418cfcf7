"""chronique.export: PLOVER JSON lines, ACLED CSV, GeoJSON, Parquet."""

from __future__ import annotations

import csv
import importlib.util
import io
import json

import pytest

from chronique.errors import ConfigError
from chronique.export import ACLED_COLUMNS, FORMATS, acled_row, export, summary
from chronique.model import Actor


@pytest.fixture
def records(make_event):
    strike = make_event("doc1", 0, event_text=['Il a dit : « frappes, "ciblées" »,', "puis\nrien."])
    protest = make_event("doc2", 0, event=["PROTEST"], mode=[], date="2019-12-05",
                         acled={"event_type": "Protests", "sub_event_type": "Peaceful protest"}, enddate=None,
                         date_precision="day", size=8000,
                         actor=[Actor(text="des manifestants", name="protesters", country="FRA", sector="CVL")],
                         recipient=[Actor(text="le gouvernement", name="Government of France", country="FRA",
                                          sector="GOV")],
                         event_loc={"name": "Paris", "lat": 48.85, "lon": 2.35, "country_code": "FR",
                                    "admin1": "Île-de-France", "precision": "city"})
    nowhere = make_event("doc3", 0, event=["ACCUSE"], mode=[], acled=None, event_loc=None, date=None,
                         enddate=None, date_precision=None)
    return [r.as_dict() for r in (strike, protest, nowhere)]


def test_export_plover_is_lossless_json_lines(records):
    out = io.StringIO()
    assert export(records, "plover", out) == 3
    lines = out.getvalue().splitlines()
    assert [json.loads(line) for line in lines] == records


def test_export_acled_csv_has_acled_columns_and_survives_quoting(records):
    out = io.StringIO()
    # the accusation is a type ACLED does not code: left out unless asked for
    assert export(records, "acled-csv", out, sources={"doc1": "AFP"}, timestamp=1700000000) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0].keys()) == list(ACLED_COLUMNS)
    strike, protest = rows
    assert strike["notes"] == 'Il a dit : « frappes, "ciblées" », puis\nrien.'
    assert (strike["source"], strike["source_scale"]) == ("AFP", "International")
    assert (protest["source"], protest["source_scale"]) == ("", "")
    assert (strike["event_type"], strike["sub_event_type"]) == ("Explosions/Remote violence", "Air/drone strike")
    assert strike["disorder_type"] == "Political violence"
    assert (strike["event_date"], strike["year"], strike["time_precision"]) == ("2015-12-18", "2015", "2")
    # ACLED names state forces by country and government term
    assert strike["actor1"] == "Military Forces of Russia (2000-)" and strike["actor2"] == "Islamic State"
    # Russian forces acting in Syria are external forces (8) in ACLED's categories; lower code first
    assert (strike["inter1"], strike["inter2"], strike["interaction"]) == ("8", "2", "28")
    assert (strike["country"], strike["iso"], strike["location"], strike["region"]) == \
        ("Syria", "760", "Syria", "Middle East")
    assert strike["event_id_cnty"] == "SYR1" and protest["event_id_cnty"] == "FRA1"
    assert (strike["latitude"], strike["longitude"], strike["geo_precision"]) == ("35.0", "38.0", "3")
    assert strike["timestamp"] == "1700000000" and strike["fatalities"] == "0"
    assert (protest["event_type"], protest["disorder_type"]) == ("Protests", "Demonstrations")
    assert (protest["actor1"], protest["actor2"]) == ("Protesters (France)", "Government of France (2017-)")
    assert (protest["inter1"], protest["inter2"], protest["interaction"]) == ("6", "1", "16")
    # the region as ACLED spells it (chronique/data/export/acled.json admin1_current), not the record's accents
    assert (protest["time_precision"], protest["geo_precision"], protest["admin1"]) == ("1", "1", "Ile-de-France")
    assert protest["tags"] == "crowd size=8000; chronique id=doc2-e0"
    out = io.StringIO()
    assert export(records, "acled-csv", out, acled_all=True) == 3
    nowhere = list(csv.DictReader(io.StringIO(out.getvalue())))[2]
    assert nowhere["event_date"] == "" and nowhere["country"] == "" and nowhere["latitude"] == ""
    assert (nowhere["event_type"], nowhere["sub_event_type"]) == ("Strategic developments", "Other")
    assert nowhere["event_id_cnty"] == "XXX1"


def test_acled_row_time_precision_follows_range_length(make_event):
    def precision(**kw):
        return acled_row(make_event("d", **kw).as_dict())["time_precision"]

    assert precision(date="2015-12-18", enddate="2015-12-18", date_precision="range") == 1
    assert precision(date="2015-12-01", enddate="2015-12-31", date_precision="range") == 3
    assert precision(date="2015-12", enddate=None, date_precision="month") == 3
    assert precision(date="2015-12-24", enddate=None, date_precision="publication") == 3
    assert acled_row(make_event("d", date="2015-12", enddate=None).as_dict())["event_date"] == "2015-12-01"


def test_acled_row_civilian_targeting(make_event):
    attack = make_event("d", recipient=[Actor(text="des civils", name="civilians", sector="CVL")],
                        acled={"event_type": "Violence against civilians", "sub_event_type": "Attack"})
    assert acled_row(attack.as_dict())["civilian_targeting"] == "Civilian targeting"
    assert acled_row(make_event("d").as_dict())["civilian_targeting"] == ""


def test_export_geojson_points_only_for_events_with_coordinates(records):
    out = io.StringIO()
    assert export(records, "geojson", out) == 2
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["id"] for f in features] == ["doc1-e0", "doc2-e0"]
    assert features[1]["geometry"] == {"type": "Point", "coordinates": [2.35, 48.85]}
    props = features[0]["properties"]
    assert props["actor"] == "Russian Aerospace Forces" and props["event"] == "ASSAULT"
    assert all(not isinstance(v, (dict, list)) for v in props.values())


def test_export_geojson_of_nothing_is_valid(records):
    out = io.StringIO()
    assert export(records[2:], "geojson", out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_summary_is_flat_for_any_record(records):
    for record in [*records, {}]:
        assert all(not isinstance(v, (dict, list)) for v in summary(record).values())


def test_export_unknown_format_raises_config_error(records):
    with pytest.raises(ConfigError, match="plover"):
        export(records, "xlsx", io.StringIO())
    assert set(FORMATS) >= {"plover", "acled-csv", "geojson"}


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is None, reason="pyarrow not installed (optional)")
def test_export_parquet_round_trips(records):
    import pyarrow.parquet as pq

    out = io.BytesIO()
    assert export(records, "parquet", out) == 3
    table = pq.read_table(io.BytesIO(out.getvalue()))
    assert [json.loads(r) for r in table.column("record").to_pylist()] == records


@pytest.mark.skipif(importlib.util.find_spec("pyarrow") is not None, reason="pyarrow is installed")
def test_export_parquet_without_pyarrow_says_how_to_fix(records):
    with pytest.raises(ConfigError, match="pip install pyarrow"):
        export(records, "parquet", io.BytesIO())


def test_export_from_store_query(store, make_article, make_event):
    store.add(make_article(1, outlet="Le Monde"), [make_event("doc1", k) for k in range(3)])
    out = io.StringIO()
    assert export(store.query_events(type="ASSAULT"), "plover", out) == 3
    assert [json.loads(line)["id"] for line in out.getvalue().splitlines()] == ["doc1-e0", "doc1-e1", "doc1-e2"]


def test_export_module_exports_its_public_names():
    import chronique.export as module

    for name in module.__all__:
        assert hasattr(module, name), name


def test_acled_country_uses_acled_spelling(make_event):
    moscow = make_event("d", event_loc={"name": "Moscow", "lat": 55.75, "lon": 37.6, "country_code": "RU"})
    assert acled_row(moscow.as_dict())["country"] == "Russia"
    assert acled_row(moscow.as_dict())["iso"] == 643
