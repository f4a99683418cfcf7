from chronique import geo


def test_geo_exports_every_public_name():
    for name in geo.__all__:
        assert hasattr(geo, name), name
    for name in ("find_places", "resolve", "country_place", "Gazetteer", "is_metonymic"):
        assert name in geo.__all__


def test_geo_exports_bench_reports_throughput(nlp_fr, gazetteer):
    docs = list(nlp_fr.pipe(["Des frappes ont visé Alep et Idleb.", "Rien ici."]))
    figures = geo.bench(docs, "fr")
    assert figures["docs"] == 2 and figures["places"] == 2
    assert figures["gazetteer_open_s"] < 1.0 and figures["places_per_s"] > 0
