from chronique import geo


def test_geo_exports_every_public_name():
    for name in geo.__all__:
        assert hasattr(geo, name), name
    for name in ("find_places", "resolve", "country_place", "Gazetteer", "is_metonymic"):
        assert name in geo.__all__
