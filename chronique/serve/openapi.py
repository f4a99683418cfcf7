"""The OpenAPI 3.1 document of the JSON API (served at ``/openapi.json``).

Built from the same parameter table the app parses (``FILTER_PARAMS``), so
the document cannot drift from what the endpoints accept.
"""

from __future__ import annotations

from importlib import metadata
from typing import Any

from ..store._views import FACETS
from ._params import _MAX_VALUE_CHARS, DEFAULT_LIMIT, DEFAULT_SORT, FILTER_PARAMS, MAX_LIMIT, MAX_OFFSET, MAX_VALUES, SORTS

__all__ = ["VERSION", "openapi_document"]

try:
    VERSION = metadata.version("chronique")
except metadata.PackageNotFoundError:  # run from a source tree
    VERSION = "0+source"


_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"


def _filter_parameters() -> list[dict[str, Any]]:
    params = []
    for name, (_, description, repeatable) in FILTER_PARAMS.items():
        value: dict[str, Any] = {"type": "string", "maxLength": _MAX_VALUE_CHARS}
        if name.startswith("date_"):
            value["pattern"] = _DATE_PATTERN
        schema: dict[str, Any] = ({"type": "array", "items": value, "maxItems": MAX_VALUES} if repeatable
                                  else value)
        params.append({"name": name, "in": "query", "required": False, "description": description,
                       "schema": schema, **({"explode": True} if repeatable else {})})
    return params


def _paging() -> list[dict[str, Any]]:
    return [
        {"name": "limit", "in": "query", "required": False, "description": "events per page",
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}},
        {"name": "offset", "in": "query", "required": False, "description": "events to skip",
         "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}},
        {"name": "sort", "in": "query", "required": False,
         "description": "list order ('-' = descending): newest first by default",
         "schema": {"type": "string", "enum": list(SORTS), "default": DEFAULT_SORT}},
    ]


def _json(description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _get(summary: str, parameters: list[dict[str, Any]], responses: dict[str, Any]) -> dict[str, Any]:
    return {"get": {"summary": summary, "parameters": parameters,
                    "responses": {**responses, "400": {"$ref": "#/components/responses/BadRequest"},
                                  "500": {"$ref": "#/components/responses/ServerError"}}}}


def openapi_document(version: str = VERSION) -> dict[str, Any]:
    """The OpenAPI document describing every JSON and download endpoint."""
    filters = _filter_parameters()
    path_id = lambda name: {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
    event_ref = {"$ref": "#/components/schemas/Event"}
    geojson = {"type": "object", "required": ["type", "features"],
               "properties": {"type": {"const": "FeatureCollection"},
                              "features": {"type": "array", "items": {"type": "object"}}}}
    downloads = {
        f"/events.{suffix}": _get(f"Download the filtered events as {label}", filters, {
            "200": {"description": label, "content": {media: {"schema": schema}}}})
        for suffix, label, media, schema in (
            ("csv", "CSV with ACLED's columns", "text/csv", {"type": "string"}),
            ("geojson", "GeoJSON FeatureCollection of located events", "application/geo+json", geojson),
            ("jsonl", "PLOVER JSON lines, one full event record a line", "application/x-ndjson",
             {"type": "string"}))
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "chronique", "version": version,
                 "description": "Read-only access to a chronique event store: PLOVER events with their "
                                "evidence, claimants and places. Every HTML page has this JSON twin "
                                "(same URL + .json)."},
        "paths": {
            "/events.json": _get("Events matching the filters, newest first (undated last) unless sorted otherwise",
                                 [*filters, *_paging()], {"200": _json("a page of events", {
                                     "type": "object",
                                     "properties": {"count": {"type": "integer"}, "limit": {"type": "integer"},
                                                    "offset": {"type": "integer"},
                                                    "filters": {"type": "object"},
                                                    "next": {"type": ["string", "null"]},
                                                    "previous": {"type": ["string", "null"]},
                                                    "events": {"type": "array", "items": event_ref}}})}),
            **downloads,
            "/events/{event_id}.json": _get("One event (an article-level record, or the founding report of the "
                                            "merged event of that id), its article, the passages reporting it "
                                            "with the evidence spans marked, and the merged event it belongs to: "
                                            "its reports, claims, corroboration and what the reports disagree on",
                                            [path_id("event_id")], {
                "200": _json("the event", {"type": "object", "properties": {
                    "event": event_ref, "article": {"type": ["object", "null"]},
                    "passages": {"type": "array", "items": {"type": "object"}},
                    "merged": {"type": ["object", "null"], "description": "the merged event (reports, claims, "
                               "disagreements, sources, corroboration); null in a store not merged yet"},
                    "disagreements": {"type": "array", "items": {"type": "object", "properties": {
                        "field": {"type": "string"}, "summary": {},
                        "values": {"type": "array", "items": {"type": "object"}}}}}}}),
                "404": {"$ref": "#/components/responses/NotFound"}}),
            "/articles/{article_id}.json": _get("One article, its recognised entities and its events",
                                                [path_id("article_id"), {
                "name": "analyse", "in": "query", "required": False,
                "description": "1: parse the article again to add every recognised place and actor (slower)",
                "schema": {"type": "string", "enum": ["0", "1", "false", "true", "no", "yes"],
                           "default": "0"}}], {
                "200": _json("the article", {"type": "object", "properties": {
                    "article": {"type": "object"},
                    "entities": {"type": "array", "items": {"$ref": "#/components/schemas/Entity"}},
                    "events": {"type": "array", "items": event_ref}}}),
                "404": {"$ref": "#/components/responses/NotFound"}}),
            "/timeline.json": _get("Dated events per period and PLOVER type", [*filters, {
                "name": "period", "in": "query", "required": False,
                "schema": {"type": "string", "enum": ["day", "week", "month"], "default": "day"}}],
                {"200": _json("counts", {"type": "object", "properties": {
                    "domain": {"type": ["object", "null"], "description": "the days worth drawing: from the "
                               "5th to the 95th percentile of the events' days widened by that range's length; "
                               "before and after count the events dated outside", "properties": {
                                   "from": {"type": "string", "format": "date"},
                                   "to": {"type": "string", "format": "date"},
                                   "first": {"type": "string"}, "last": {"type": "string"},
                                   "before": {"type": "integer"}, "after": {"type": "integer"}}},
                    "period": {"type": "string"}, "counts": {"type": "array", "items": {
                        "type": "object", "properties": {"period": {"type": "string", "format": "date"},
                                                         "type": {"type": "string"},
                                                         "count": {"type": "integer"}}}}}})}),
            "/map.json": _get("Located events grouped by coordinates", filters, {"200": _json("points", {
                "type": "object", "properties": {"points": {"type": "array", "items": {
                    "type": "object", "properties": {
                        "lat": {"type": "number"}, "lon": {"type": "number"},
                        "place": {"type": ["string", "null"]}, "country": {"type": ["string", "null"]},
                        "count": {"type": "integer"}, "type": {"type": "string"},
                        "types": {"type": "object", "additionalProperties": {"type": "integer"}}}}}}})}),
            "/facets.json": _get("Counts of the filtered events by country, admin1, week, month, type, "
                                 "actor, claimant, modality and date precision", [*filters, {
                "name": "by", "in": "query", "required": False, "description": "facets to count (default all)",
                "schema": {"type": "string", "enum": list(FACETS)}}, {
                "name": "top", "in": "query", "required": False, "description": "values per facet, largest first",
                "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20}}],
                {"200": _json("counts per facet", {"type": "object", "properties": {
                    "facets": {"type": "object", "additionalProperties": {"type": "array", "items": {
                        "type": "object", "properties": {"value": {"type": ["string", "null"]},
                                                         "count": {"type": "integer"}}}}}}})}),
            "/actors/{name}.json": _get("One actor by canonical name (any case): its roles, event types, partners, "
                                        "claims per month and modality, and its events newest first", [
                path_id("name"), {"name": "offset", "in": "query", "required": False,
                                  "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}}], {
                "200": _json("the actor", {"type": "object", "properties": {
                    "name": {"type": "string"}, "count": {"type": "integer"},
                    "roles": {"type": "object", "additionalProperties": {"type": "integer"}},
                    "types": {"type": "array", "items": {"type": "object"}},
                    "partners": {"type": "array", "items": {"type": "object", "properties": {
                        "name": {"type": "string"}, "target": {"type": "integer"}, "by": {"type": "integer"},
                        "with": {"type": "integer"}, "events": {"type": "integer"}}}},
                    "claims": {"type": "array", "items": {"type": "object", "properties": {
                        "month": {"type": "string"}, "modality": {"type": ["string", "null"]},
                        "count": {"type": "integer"}}}},
                    "events": {"type": "array", "items": event_ref}}}),
                "404": {"$ref": "#/components/responses/NotFound"}}),
            "/stats.json": _get("Counts of articles and events in the store", [], {
                "200": _json("statistics", {"type": "object"})}),
            "/openapi.json": _get("This document", [], {"200": _json("OpenAPI 3.1", {"type": "object"})}),
        },
        "components": {
            "schemas": {
                "Event": {"type": "object", "description": "PLOVER event record with chronique's extensions "
                          "(evidence offsets, claimant, modality); see DESIGN.md",
                          "required": ["id", "doc_id", "event"],
                          "properties": {"id": {"type": "string"}, "doc_id": {"type": "string"},
                                         "event": {"type": "array", "items": {"type": "string"}},
                                         "mode": {"type": "array", "items": {"type": "string"}},
                                         "date": {"type": ["string", "null"]},
                                         "event_loc": {"type": ["object", "null"]},
                                         "evidence": {"type": "array", "items": {"type": "object"}}}},
                "Entity": {"type": "object", "properties": {
                    "start": {"type": "integer"}, "end": {"type": "integer"}, "label": {"type": "string"},
                    "text": {"type": "string"}, "events": {"type": "array", "items": {"type": "string"}}}},
                "Error": {"type": "object", "properties": {"error": {"type": "string"},
                                                           "status": {"type": "integer"}}},
            },
            "responses": {
                "BadRequest": _json("a filter or paging value is not valid", {"$ref": "#/components/schemas/Error"}),
                "NotFound": _json("no such record", {"$ref": "#/components/schemas/Error"}),
                "ServerError": _json("the server failed (details in its log, never in the answer)",
                                     {"$ref": "#/components/schemas/Error"}),
            },
        },
    }
