"""Administrative areas of every country with GeoNames ids and current names (chronique/geo/_admin.py,
the gazetteer build): France's 2016 regions, governorates and districts, the areas a town lies in."""

from __future__ import annotations

from chronique.geo import resolve
from chronique.geo._admin import _areas_from_api, _areas_from_file, areas


def test_admin_areas_file_reading_equals_the_package_api() -> None:
    from_file, from_api = _areas_from_file(), _areas_from_api()
    assert from_file.keys() == from_api.keys()
    for i in list(from_file)[::997]:
        assert from_file[i] == from_api[i], i


def test_admin_areas_cover_both_levels_of_every_country_with_ids() -> None:
    found = areas().values()
    level1 = [a for a in found if a.level == 1]
    level2 = [a for a in found if a.level == 2]
    assert len(level1) > 4000 and len(level2) > 45000
    assert sum(a.geonameid is not None for a in found) / len(found) > 0.99
    assert len({a.cc for a in level1}) >= 225  # 229: territories such as Gibraltar have none


def test_admin_areas_french_regions_are_the_2016_ones(gazetteer) -> None:
    regions = {c.name: c.geonameid for n in ("Auvergne-Rhône-Alpes", "Occitanie", "Grand Est", "Hauts-de-France")
               for c in gazetteer.candidates(n) if c.feature_code == "ADM1" and c.country_code == "FR"}
    assert regions == {"Auvergne-Rhône-Alpes": 11071625, "Occitanie": 11071623, "Grand-Est": 11071622,
                       "Hauts-de-France": 11071624}
    # a pre-2016 name finds the region it was merged into
    old = resolve("Rhône-Alpes", "fr")
    assert old is not None and old.geonameid == 11071625 and old.precision == "admin1"


def test_admin_areas_a_town_carries_its_admin1_and_admin2_with_ids() -> None:
    lyon = resolve("Lyon", "fr")
    assert lyon is not None and lyon.precision == "city"
    assert (lyon.admin1, lyon.admin1_id, lyon.admin2, lyon.admin2_id) == (
        "Auvergne-Rhône-Alpes", 11071625, "Rhône", 2987410)
    kirkuk = resolve("Kirkuk", "en", hint="PPL")
    assert kirkuk is not None and kirkuk.country_code == "IQ" and kirkuk.admin1_id == 98410
    assert kirkuk.admin2 and kirkuk.admin2_id is not None


def test_admin_areas_named_with_a_cue_resolve_at_their_level() -> None:
    aleppo = resolve("province d'Alep", "fr")
    assert aleppo is not None and (aleppo.geonameid, aleppo.precision, aleppo.admin1_id) == (170062, "admin1", 170062)
    assert aleppo.admin1 == "Aleppo"  # the English name people use, not GeoNames' 'Ḩalab'
    diyala = resolve("Diyala Governorate", "en")
    assert diyala is not None and diyala.precision == "admin1" and diyala.geonameid == 96965
    khost = resolve("Khost district", "en")
    assert khost is not None and khost.precision == "admin2" and khost.country_code == "AF"
    assert khost.admin2_id == khost.geonameid and khost.admin1_id is not None
    rhone = resolve("département du Rhône", "fr")
    assert rhone is not None and (rhone.precision, rhone.geonameid, rhone.admin1_id) == ("admin2", 2987410, 11071625)


def test_admin_areas_a_country_name_is_not_a_subdivision_translation(gazetteer) -> None:
    # pycountry translates the US state 'Georgia' as 'Géorgie': the country keeps the French name
    assert not [c for c in gazetteer.candidates("Géorgie") if c.feature_code == "ADM1" and c.country_code == "US"
                and c.main]
    georgia = resolve("Géorgie", "fr")
    assert georgia is not None and georgia.country_code == "GE"
