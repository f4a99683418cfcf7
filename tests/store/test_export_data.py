"""The ACLED mapping data file is consistent with itself and with PLOVER."""

from __future__ import annotations

import json
from importlib import resources

from chronique.model import PLOVER_TYPES

DATA = json.loads(resources.files("chronique").joinpath("data", "export", "acled.json").read_text("utf-8"))
INTERS = {"State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
          "Civilians", "External/Other forces"}


def test_acled_columns_are_unique_and_include_the_core_ones():
    columns = DATA["columns"]
    assert len(columns) == len(set(columns))
    assert {"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
            "latitude", "longitude", "source", "notes", "fatalities", "timestamp"} <= set(columns)


def test_acled_fallbacks_name_real_event_and_sub_event_types():
    types = DATA["event_types"]
    pairs = [*DATA["fallback_by_mode"].values(), *DATA["fallback_by_type"].values(), DATA["fallback_other"]]
    for event_type, sub_event_type in pairs:
        assert sub_event_type in types[event_type], (event_type, sub_event_type)
    assert set(DATA["fallback_by_type"]) <= set(PLOVER_TYPES)
    assert set(DATA["disorder_type"]) == set(types)


def test_acled_inter_values_and_sectors_are_well_formed():
    for sector, inter in DATA["inter_by_sector"].items():
        assert len(sector) == 3 and sector.isupper(), sector
        assert inter in INTERS, inter
    for key in ("state_inter", "foreign_state_inter", "protest_inter", "civilian_inter"):
        assert DATA[key] in INTERS
    assert set(DATA["time_precision"].values()) <= {1, 2, 3}
    assert set(DATA["geo_precision"].values()) <= {1, 2, 3}


def test_acled_country_names_are_keyed_by_alpha2():
    import pycountry

    for code, name in DATA["country_names"].items():
        if code == "_doc":
            continue
        assert len(code) == 2 and code.isupper() and name
        assert code == "XK" or pycountry.countries.get(alpha_2=code) is not None, code


def test_acled_inter_codes_are_the_codebook_numbers():
    assert DATA["inter_codes"] == {"State forces": 1, "Rebel group": 2, "Political militia": 3,
                                   "Identity militia": 4, "Rioters": 5, "Protesters": 6, "Civilians": 7,
                                   "External/Other forces": 8}
    assert set(DATA["armed_inters"]) <= INTERS and set(DATA["crowd_inter"].values()) <= INTERS
    assert set(DATA["violent_event_types"]) <= set(DATA["event_types"])


def test_acled_regions_government_terms_and_outlets_are_well_formed():
    import pycountry
    from datetime import date

    seen: set[str] = set()
    for region, codes in DATA["regions"].items():
        for code in codes.split():
            assert code not in seen, code  # one region per country
            seen.add(code)
            assert pycountry.countries.get(alpha_2=code) is not None, (region, code)
    for alpha3, terms in DATA["government_terms"].items():
        assert pycountry.countries.get(alpha_3=alpha3) is not None
        for (first, end), nxt in zip(terms, [*terms[1:], None]):
            assert date.fromisoformat(first) and (end is None or date.fromisoformat(end) > date.fromisoformat(first))
            assert nxt is None or nxt[0] == end  # terms follow each other without gaps
        assert terms[-1][1] is None
    for key, (name, scale) in DATA["outlets"].items():
        assert key == key.casefold() and name and scale in DATA["source_scales"], key
    for regions in DATA["admin1_current"].values():
        assert all(new for new in regions.values())
