"""The shipped event detector is the one ``make train`` builds from the labels and config.

Training writes the held-out scores beside the models (``scores.json``); reloading the
shipped models and measuring them on the same held-out labels must give the same figures,
so weights that drifted from the data (or data that drifted from the weights) fail here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from chronique.events import detect
from chronique.events.detector import acled_choice, candidate_text, load_detector, model_dir

TRAIN = Path(__file__).resolve().parents[2] / "train" / "events"
sys.path.insert(0, str(TRAIN))

from labelled import is_dev, load_labelled  # noqa: E402
from train import decide, measure, predict  # noqa: E402


def _dev(lang: str) -> list[dict]:
    return [r for r in load_labelled(TRAIN, lang) if is_dev(r)]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_detector_model_reproduces_its_training_scores(lang: str) -> None:
    root = model_dir(lang)
    rows = _dev(lang)
    shipped = json.loads((root / "scores.json").read_text(encoding="utf-8"))
    again = measure(rows, predict(root, rows), lang)
    assert again == shipped
    assert decide(again, lang) == json.loads((root / "use.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_detector_model_beats_the_rules_on_held_out_labels(lang: str) -> None:
    dev_rows = _dev(lang)
    scores = json.loads((model_dir(lang) / "scores.json").read_text(encoding="utf-8"))
    use = json.loads((model_dir(lang) / "use.json").read_text(encoding="utf-8"))
    at = next(x for x in scores["event_model"] if x["threshold"] == use["event_threshold"])
    # the filter keeps most acts and is markedly more precise than keeping every candidate
    assert at["recall"] >= use["event_recall_target"] >= 0.8
    assert at["precision"] >= scores["event_rules"]["precision"] + 0.05
    assert len(dev_rows) >= 300


def test_detector_drops_a_word_in_another_sense() -> None:
    det = load_detector("fr")
    assert det is not None
    real = candidate_text("La police a arrêté trois manifestants samedi à Nantes.", 10, 16, "COERCE")
    other = candidate_text("Il faut arrêter de fumer, insiste le médecin.", 8, 15, "COERCE")
    p_real, p_other = (j.p_event + j.p_background for j in det.judge([real, other], ["COERCE", "COERCE"]))
    assert p_real > p_other


def test_detector_keeps_languages_without_a_model_on_rules() -> None:
    assert load_detector("xx") is None
    assert detect([], None, "xx") == []


def test_detector_english_ships_its_acled_and_per_type_decisions() -> None:
    scores = json.loads((model_dir("en") / "scores.json").read_text(encoding="utf-8"))
    use = json.loads((model_dir("en") / "use.json").read_text(encoding="utf-8"))
    assert (model_dir("en") / "acled" / "config.cfg").exists()
    assert {"fighting", "crowds", "all"} <= set(scores["acled"])
    # a group the model decides is one where it measured better than the rules on enough acts
    for group, at in use["acled_thresholds"].items():
        d = scores["acled"][group]
        assert d["n"] >= 10
        assert next(x["accuracy"] for x in d["model"] if x["threshold"] == at) > d["rules"]
    for rule_type, at in use["type_thresholds"].items():
        d = scores["type_by_rule"][rule_type]
        assert next(x["accuracy"] for x in d["model"] if x["threshold"] == at) > d["rules"]
    # the French decisions were not touched by the English ones
    assert "acled" not in json.loads((model_dir("fr") / "scores.json").read_text(encoding="utf-8"))


def test_detector_acled_choice_stays_in_the_rules_group() -> None:
    cats = {"Armed clash": 0.1, "Attack": 0.7, "Peaceful protest": 0.9, "Air/drone strike": 0.95}
    # the model may turn an armed clash into an attack (same group), not into a protest
    assert acled_choice("Armed clash", [cats], {"fighting": 0.5}) == "Attack"
    assert acled_choice("Armed clash", [cats], {"fighting": 0.8}) == "Armed clash"  # not confident enough
    assert acled_choice("Armed clash", [cats], {"crowds": 0.5}) == "Armed clash"  # group left to the rules
    assert acled_choice("Air/drone strike", [{"Attack": 1.0}], {"fighting": 0.1}) == "Air/drone strike"
    # averaged over the event's candidates
    assert acled_choice("Attack", [cats, {"Armed clash": 0.9, "Attack": 0.1}], {"fighting": 0.45}) == "Armed clash"
    assert acled_choice("Attack", [None], {"fighting": 0.1}) == "Attack"
