import math

from chronique.geo import country_place, resolve


def km(p, lat, lon):
    r = math.pi / 180
    h = math.sin((lat - p.lat) * r / 2) ** 2 + math.cos(p.lat * r) * math.cos(lat * r) * math.sin((lon - p.lon) * r / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def test_resolve_names_province_cue_gives_the_region(gazetteer):
    city = resolve("Alep", "fr")
    region = resolve("province d'Alep", "fr")
    assert city.precision == "city" and city.country_code == "SY"
    assert region.precision == "admin1" and region.feature_code == "ADM1" and region.admin1 == "Aleppo"
    assert resolve("Aleppo Governorate", "en").feature_code == "ADM1"


def test_resolve_names_bare_name_of_city_and_region_is_the_city(gazetteer):
    assert resolve("Moscou", "fr").feature_code == "PPLC"
    assert resolve("New York", "en").precision == "city"


def test_resolve_names_context_countries_decide_ambiguity(gazetteer):
    assert resolve("Homs", "fr", context_countries=["SY"]).country_code == "SY"
    assert resolve("Homs", "fr", context_countries=["LY"]).country_code == "LY"
    assert resolve("Hama", "fr", context_countries=["SY"]).country_code == "SY"


def test_resolve_names_regions_and_unknowns(gazetteer):
    med = resolve("Méditerranée orientale", "fr")
    assert med.precision == "region" and med.country_code is None
    assert resolve("Xqzzyvillezz", "en") is None


def test_resolve_names_country_place(gazetteer):
    sy = country_place("SY")
    assert sy.name == "Syria" and sy.precision == "country" and km(sy, 35.0, 38.0) < 1
    us = country_place("US")
    assert km(us, 39.76, -98.5) < 161
    assert country_place("ZZ") is None
