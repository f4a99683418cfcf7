import time

from chronique.geo import Gazetteer
from chronique.geo.gazetteer import cache_path


def test_gazetteer_load_is_cached_and_fast(gazetteer):
    assert Gazetteer.load() is gazetteer
    t0 = time.perf_counter()
    fresh = Gazetteer(gazetteer.path)  # what a new process pays once the file exists
    fresh.candidates("Lyon")
    assert time.perf_counter() - t0 < 1.0


def test_gazetteer_load_cache_path_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CHRONIQUE_CACHE", str(tmp_path))
    assert cache_path().parent == tmp_path


def test_gazetteer_candidates_include_exonyms_and_admin_levels(gazetteer):
    names = {(c.name, c.feature_code) for c in gazetteer.candidates("Alep")}
    assert ("Aleppo", "PPL") in names and ("Aleppo", "ADM1") in names
    assert any(c.country_code == "RU" for c in gazetteer.candidates("Moscou"))
    assert any(c.feature_code == "ADM2" and c.admin1 == "Kentucky" for c in gazetteer.candidates("Laurel County"))
    pops = [c.population for c in gazetteer.candidates("Paris")]
    assert pops == sorted(pops, reverse=True)


def test_gazetteer_country_by_code(gazetteer):
    syria = gazetteer.country("sy")
    assert syria.name == "Syria" and syria.feature_code == "PCLI" and syria.geonameid == 163843
    assert gazetteer.country("ZZ") is None
