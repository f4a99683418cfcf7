"""The language data and build inputs under chronique/data/geo are well formed."""

import json
import sqlite3

import pycountry
import pytest

from chronique.geo._build import DATA_DIR, SCHEMA_VERSION
from chronique.geo._lexicon import inflect, lexicon

LANGS = ("en", "fr")
REQUIRED = ("countries", "admin1_names", "demonyms", "cues", "metonymy_verbs", "not_places", "location_nouns", "place_preps")


@pytest.mark.parametrize("lang", LANGS)
def test_data_integrity_language_files_have_every_section(lang):
    data = json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    for section in REQUIRED:
        assert section in data, f"{lang}.json lacks {section}"
    for cc in data["countries"]:
        assert pycountry.countries.get(alpha_2=cc) is not None or cc == "XK", f"{lang}.json: bad code {cc}"
    assert all(code in ("", "ADM1", "ADM2", "PPL") for code in data["cues"].values())


@pytest.mark.parametrize("lang", LANGS)
def test_data_integrity_demonyms_resolve_to_known_places(lang, gazetteer):
    data = json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    missing = [t for t in set(data["demonyms"].values()) if not gazetteer.has(t)]
    assert not missing, f"{lang}.json demonym targets unknown to the gazetteer: {missing}"


def test_data_integrity_country_points_are_valid_coordinates():
    points = json.loads((DATA_DIR / "country_points.json").read_text(encoding="utf-8"))
    for cc, value in points.items():
        if cc.startswith("_"):
            continue
        assert pycountry.countries.get(alpha_2=cc) is not None, cc
        lat, lon = value
        assert -90 <= lat <= 90 and -180 <= lon <= 180, cc


def test_data_integrity_regions_have_names_in_both_languages():
    regions = json.loads((DATA_DIR / "regions.json").read_text(encoding="utf-8"))
    names = [r["name"] for r in regions]
    assert len(names) == len(set(names))
    for r in regions:
        assert set(r["names"]) == set(LANGS), r["name"]
        assert -90 <= r["lat"] <= 90 and -180 <= r["lon"] <= 180


def test_data_integrity_french_demonyms_inflect():
    assert set(inflect("syrien", "fr")) == {"syrien", "syrienne", "syriens", "syriennes"}
    assert "turques" in inflect("turc", "fr")
    assert "françaises" in inflect("français", "fr")
    assert lexicon("fr").demonyms["russes"] == "Russie"


def test_data_integrity_build_script_uses_the_library_build():
    # Running it costs a full build (~30 s); the session gazetteer below is that build.
    import runpy

    module = runpy.run_path(str(DATA_DIR / "build_gazetteer.py"), run_name="not_main")
    from chronique.geo._build import build

    assert module["build"] is build


def test_data_integrity_built_gazetteer_has_every_level(gazetteer):
    con = sqlite3.connect(gazetteer.path)
    counts = dict(con.execute("SELECT fcode, COUNT(*) FROM places GROUP BY fcode").fetchall())
    assert counts["PCLI"] >= 240
    assert counts["ADM1"] >= 3000
    assert counts["ADM2"] >= 10000
    assert counts.get("PPL", 0) + counts.get("PPLC", 0) >= 200000
    assert int(con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0]) == SCHEMA_VERSION
    bad = con.execute("SELECT COUNT(*) FROM places WHERE lat NOT BETWEEN -90 AND 90 OR lon NOT BETWEEN -180 AND 180")
    assert bad.fetchone()[0] == 0


def test_data_integrity_admin1_points_name_known_regions(gazetteer):
    points = json.loads((DATA_DIR / "admin1_points.json").read_text(encoding="utf-8"))
    for cc, regions in points.items():
        if cc.startswith("_"):
            continue
        for name, (lat, lon) in regions.items():
            found = [c for c in gazetteer.candidates(name) if c.feature_code == "ADM1" and c.country_code == cc]
            assert found, f"admin1_points.json: {cc}/{name} is not a first-level region of the gazetteer"
            assert (found[0].lat, found[0].lon) == (lat, lon)
