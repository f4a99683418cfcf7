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


@pytest.mark.parametrize("lang", LEXICON_LANGS)
def test_lexicon_every_trigger_mode_is_a_plover_mode(lang: str) -> None:
    for lemma, trig in load_lexicon(lang).triggers.items():
        if trig.mode:
            assert trig.mode in allowed_modes(trig.event), f"{lang}:{lemma}: {trig.mode} is no {trig.event} mode"


@pytest.mark.parametrize("lang", LEXICON_LANGS)
def test_lexicon_modifiers_retype_to_plover_types_and_modes(lang: str) -> None:
    for lemma, trig in load_lexicon(lang).triggers.items():
        for word, target in trig.modifiers:
            event, _, mode = target.partition("/")
            assert event in PLOVER_TYPES, f"{lang}:{lemma}+{word}"
            assert not mode or mode in allowed_modes(event), f"{lang}:{lemma}+{word}: {mode} is no {event} mode"


def test_lexicons_share_cue_and_object_classes() -> None:
    """Every class the English lexicon defines has its French equivalent, and the reverse."""
    en, fr = _raw("en"), _raw("fr")
    assert set(en["acled_cues"]) == set(fr["acled_cues"])
    assert set(en["object_classes"]) == set(fr["object_classes"])
    assert set(en["preps"]) == set(fr["preps"])


def test_acled_rules_name_defined_cue_classes() -> None:
    for rule in load_ontology()["acled"]:
        for key in ("cue_any", "cue_all", "cue_none"):
            for cue in rule.get(key, []):
                for lang in LEXICON_LANGS:
                    assert cue in load_lexicon(lang).acled_cues, f"{lang} lacks ACLED cue class {cue!r}"


def test_lexicon_validation_rejects_unknown_object_class_and_bad_modifier() -> None:
    bad = copy.deepcopy(_raw("en"))
    bad["triggers"]["find"]["object_class"] = ["treasure"]
    with pytest.raises(ModelError, match="treasure"):
        validate_lexicon(bad, "en")
    bad = copy.deepcopy(_raw("en"))
    bad["triggers"]["strike"]["modifiers"] = {"hunger": "FAST"}
    with pytest.raises(ModelError, match="FAST"):
        validate_lexicon(bad, "en")


def test_acled_mapping_reads_cues_and_state_actor() -> None:
    assert acled_for("ASSAULT", [], cues={"grenade"})["sub_event_type"] == "Grenade"
    assert acled_for("ASSAULT", ["explosives"], cues={"chemical"})["sub_event_type"] == "Chemical weapon"
    assert acled_for("ASSAULT", [], cues={"protest", "riot"})["sub_event_type"] == "Violent demonstration"
    assert acled_for("ASSAULT", [], cues={"protest"}, state_actor=True)["sub_event_type"] == \
        "Excessive force against protesters"
    assert acled_for("ASSAULT", [], cues={"retake"}, state_actor=True)["sub_event_type"] == \
        "Government regains territory"
    assert acled_for("ASSAULT", [], cues={"takeover"}, state_actor=False)["sub_event_type"] == \
        "Non-state actor overtakes territory"
    assert acled_for("ASSAULT", [], cues={"armed_party"})["sub_event_type"] == "Armed clash"
    assert acled_for("ASSAULT", [], cues={"armed_party", "civilian"})["sub_event_type"] == "Attack"
    assert acled_for("PROTEST", [], cues={"intervention"})["sub_event_type"] == "Protest with intervention"
    assert acled_for("COERCE", ["seize"], cues={"weapons"})["sub_event_type"] == "Disrupted weapons use"
    assert acled_for("MOBILIZE", [], cues={"base"})["sub_event_type"] == "Headquarters or base established"


def test_retype_table_maps_announced_actions() -> None:
    from chronique.events.ontology import retyped_for

    assert retyped_for("SUPPORT", "planned") == "AGREE"
    assert retyped_for("SANCTION", "planned") == "THREATEN"
    assert retyped_for("CONSULT", "denied") == "REJECT"
    assert retyped_for("ASSAULT", "denied") == "ASSAULT", "a strike that did not happen is no REJECT"
    assert retyped_for("ASSAULT", "asserted") == "ASSAULT"
