"""The actor registry and language files: up to date with their build script, valid, matching."""

from __future__ import annotations

import importlib.util
import json

import pycountry
import pytest

from chronique.actors import get_lexicon, get_registry
from chronique.actors._text import words
from chronique.actors.lexicon import LANGS
from chronique.actors.registry import DATA_DIR, REGISTRY_FILES

SECTORS = {"GOV", "MIL", "REB", "INS", "IGO", "NGO", "MED", "JRN", "BUS", "CVL", "JUD", "LEG", "POL", "PTY",
           "OPP", "COP", "SPY", "UAF", "CRM", "REF", "EDU", "LAB", "AGR", "REL", "ELI"}
KINDS = {"state", "group", "igo", "ngo", "media", "body", "person"}
EXTRA_CODES = {"XKX"}  # Kosovo: user-assigned code, absent from ISO 3166-1


def _build_module():
    spec = importlib.util.spec_from_file_location("build_registry", DATA_DIR / "build_registry.py")
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def test_registry_data_is_up_to_date_with_build_script() -> None:
    mod = _build_module()
    for fname, entries in mod.build().items():
        assert (DATA_DIR / fname).read_text(encoding="utf-8") == mod.dump(entries), \
            f"{fname} is stale: run python chronique/data/actors/build_registry.py"


@pytest.mark.parametrize("fname", REGISTRY_FILES)
def test_registry_data_entries_are_valid(fname: str) -> None:
    iso = {c.alpha_3 for c in pycountry.countries} | EXTRA_CODES
    entries = json.loads((DATA_DIR / fname).read_text(encoding="utf-8"))
    assert entries, fname
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), f"duplicate ids in {fname}"
    for e in entries:
        assert e["name"], e
        assert e["country"] is None or e["country"] in iso, e
        if fname != "states.json":
            assert e["kind"] in KINDS, e
            assert e["sector"] is None or e["sector"] in SECTORS, e
            assert e["aliases"] and all(a.strip() == a and a for a in e["aliases"]), e
            assert e.get("wikidata") is None or e["wikidata"].startswith("Q"), e


def test_registry_data_has_a_few_hundred_entries() -> None:
    reg = get_registry()
    non_state = [e for e in reg.entries.values() if e.kind != "state"]
    assert len(reg.states) >= 240 and len(non_state) >= 300


def test_registry_data_people_have_years_and_roles() -> None:
    for e in json.loads((DATA_DIR / "people.json").read_text(encoding="utf-8")):
        assert e["years"] and e["years"][:4].isdigit(), e
        assert e["role"], e
        assert e["sector"] in SECTORS, e


def test_registry_data_people_aliases_do_not_collide() -> None:
    seen: dict[tuple[str, ...], str] = {}
    for e in json.loads((DATA_DIR / "people.json").read_text(encoding="utf-8")):
        for a in e["aliases"]:
            k = tuple(w.norm for w in words(a))
            assert seen.setdefault(k, e["id"]) == e["id"], f"{a!r}: {seen[k]} and {e['id']}"


@pytest.mark.parametrize("variants, name", [
    (["Guérassimov", "Gerasimov", "GUERASSIMOV"], "Valery Gerasimov"),
    (["Choïgou", "Shoigu"], "Sergei Shoigu"),
    (["Daech", "Daesh", "ISIS", "ISIL", "EI", "Etat islamique"], "Islamic State"),
    (["Ahrar al-Cham", "Ahrar al-Sham"], "Ahrar al-Sham"),
])
def test_registry_data_transliteration_variants(variants: list[str], name: str) -> None:
    reg = get_registry()
    for v in variants:
        e = reg.lookup(v)
        assert e is not None and e.name == name, v


@pytest.mark.parametrize("word, country", [
    ("russe", "RUS"), ("russes", "RUS"), ("français", "FRA"), ("française", "FRA"), ("françaises", "FRA"),
    ("syrien", "SYR"), ("syrienne", "SYR"), ("syriennes", "SYR"), ("turque", "TUR"), ("Turkish", "TUR"),
    ("Moscou", "RUS"), ("Moscow", "RUS"), ("Washington", "USA"), ("Pékin", "CHN"),
])
def test_registry_data_demonyms_and_capitals(word: str, country: str) -> None:
    e = get_registry().lookup(word)
    assert e is not None and e.country == country


@pytest.mark.parametrize("lang", LANGS)
def test_registry_data_language_files_are_valid(lang: str) -> None:
    data = json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))
    for key in ("nouns", "glue", "coordinators", "reporting_verbs", "source_markers", "continuation_markers",
                "counterpart", "both", "pronouns", "locatives"):
        assert data.get(key), f"{lang}.json lacks {key}"
    for phrase, spec in data["nouns"].items():
        assert phrase == phrase.strip() and phrase.lower() == phrase, phrase
        assert spec[0] is None or spec[0] in SECTORS, phrase
        assert spec[1], phrase
        assert spec[2] in ("person", "organisation", "group"), phrase
        assert len(spec) == 3 or spec[3] == "cased", phrase
    lex = get_lexicon(lang)
    assert len(lex.nouns) == len(data["nouns"]), f"{lang}.json: two nouns fold to the same words"
