"""The event lexicons and the PLOVER/ACLED tables are valid data."""

from __future__ import annotations

import copy
import json
from importlib import resources

import pytest

from chronique.errors import ModelError
from chronique.events import acled_for, allowed_modes, load_lexicon, validate_lexicon
from chronique.events.lexicon import LEXICON_LANGS
from chronique.events.ontology import load_ontology
from chronique.model import PLOVER_TYPES


def _raw(lang: str) -> dict:
    path = resources.files("chronique") / "data" / "events" / f"{lang}.json"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", LEXICON_LANGS)
def test_lexicon_loads_and_validates(lang: str) -> None:
    lex = load_lexicon(lang)
    assert lex.triggers, "a lexicon without triggers codes nothing"


@pytest.mark.parametrize("lang", LEXICON_LANGS)
def test_lexicon_trigger_modes_are_plover_modes(lang: str) -> None:
    lex = load_lexicon(lang)
    for lemma, trig in lex.triggers.items():
        if trig.mode and trig.event in ("CONSULT", "ASSAULT", "COERCE"):
            assert trig.mode in allowed_modes(trig.event), f"{lang}:{lemma}: {trig.mode} is no {trig.event} mode"


@pytest.mark.parametrize("lang", LEXICON_LANGS)
def test_lexicon_mode_cues_name_plover_modes(lang: str) -> None:
    known = set().union(*(allowed_modes(t) for t in PLOVER_TYPES))
    for mode in _raw(lang)["modes"]:
        assert mode in known, f"{lang}: cue list for unknown mode {mode!r}"


def test_lexicons_cover_every_plover_type() -> None:
    for lang in LEXICON_LANGS:
        covered = {t.event for t in load_lexicon(lang).triggers.values()}
        assert covered == set(PLOVER_TYPES), f"{lang} misses {set(PLOVER_TYPES) - covered}"


def test_lexicon_validation_names_the_problem() -> None:
    bad = copy.deepcopy(_raw("fr"))
    bad["triggers"]["rencontrer"]["event"] = "MEET"
    with pytest.raises(ModelError, match="rencontrer.*MEET"):
        validate_lexicon(bad, "fr")
    del bad["negation"]
    with pytest.raises(ModelError, match="negation"):
        validate_lexicon(bad, "fr")


def test_ontology_lists_the_sixteen_types() -> None:
    assert set(load_ontology()["types"]) == set(PLOVER_TYPES)


def test_acled_mapping_follows_modes() -> None:
    assert acled_for("ASSAULT", ["aerial"])["sub_event_type"] == "Air/drone strike"
    assert acled_for("ASSAULT", ["firearms"], symmetric=True)["sub_event_type"] == "Armed clash"
    assert acled_for("ASSAULT", ["firearms"])["sub_event_type"] == "Attack"
    assert acled_for("PROTEST", [])["event_type"] == "Protests"
    assert acled_for("CONSULT", []) is None
