"""Query strings into store filters and back."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest

from chronique.errors import ConfigError
from chronique.serve._params import DEFAULT_LIMIT, FILTER_PARAMS, parse_view
from chronique.store._query import FILTERS


def test_params_view_maps_names_to_store_filters() -> None:
    view = parse_view({"type": ["ASSAULT, PROTEST"], "q": ["frappe"], "actor": [" armée "], "country": ["ML"]})
    assert view.filters == {"type": ["ASSAULT", "PROTEST"], "text": "frappe", "actor": "armée", "country": ["ML"]}


def test_params_view_every_filter_is_a_store_filter() -> None:
    assert {keyword for keyword, _, _ in FILTER_PARAMS.values()} <= FILTERS


def test_params_view_query_round_trips() -> None:
    view = parse_view({"type": ["AID", "AGREE"], "limit": ["10"], "offset": ["20"]})
    again = parse_view(parse_qs(view.query()))
    assert (again.filters, again.limit, again.offset) == (view.filters, 10, 20)
    assert parse_qs(view.query(offset=None)) == {"type": ["AID", "AGREE"], "limit": ["10"]}
    assert "limit" not in view.filter_query() and "offset" not in view.filter_query()


def test_params_view_defaults_and_empty_fields() -> None:
    view = parse_view({"type": [""], "q": ["  "]})
    assert (view.filters, view.limit, view.offset) == ({}, DEFAULT_LIMIT, 0)


@pytest.mark.parametrize("query", [{"limit": ["0"]}, {"limit": ["501"]}, {"offset": ["-2"]}, {"limit": ["ten"]},
                                   {"q": ["x" * 201]}])
def test_params_view_rejects_bad_values(query: dict[str, list[str]]) -> None:
    with pytest.raises(ConfigError):
        parse_view(query)
