from chronique.geo import mentions
from chronique.geo._lexicon import lexicon
from chronique.geo.recognize import _cue_mentions


def texts(found):
    return [m.text for m in found]


def test_recognize_mentions_cue_lists_carry_the_admin_hint():
    text = "Des frappes dans les provinces d’Alep, d’Idleb, de Deir ez-Zor, de Hama et de Homs, selon Moscou."
    found = _cue_mentions(text, lexicon("fr"))
    assert texts(found) == ["Alep", "Idleb", "Deir ez-Zor", "Hama", "Homs"]
    assert {m.hint for m in found} == {"ADM1"}
    assert all(text[m.start:m.end] == m.text for m in found)


def test_recognize_mentions_demonyms_and_offsets(nlp_fr, gazetteer):
    doc = nlp_fr("Les avions russes ont frappé des positions au large des côtes syriennes.")
    found = mentions(doc, "fr", gazetteer)
    by_text = {m.text: m for m in found}
    assert by_text["russes"].lookup == "Russie" and by_text["syriennes"].lookup == "Syrie"
    assert all(doc.text[m.start:m.end] == m.text for m in found)


def test_recognize_mentions_english_demonyms_are_capitalised(nlp_en, gazetteer):
    doc = nlp_en("Turkish troops crossed into Syria while Syrian rebels watched.")
    found = {m.text: m.lookup for m in mentions(doc, "en", gazetteer)}
    assert found.get("Turkish") == "Turkey" and found.get("Syrian") == "Syria" and "Syria" in found


def test_recognize_mentions_extend_lowercase_tail_of_known_name(nlp_fr, gazetteer):
    doc = nlp_fr("Le porte-avions Charles de Gaulle croise en Méditerranée orientale depuis lundi.")
    found = texts(mentions(doc, "fr", gazetteer))
    assert "Méditerranée orientale" in found
    assert not any("Gaulle" in t for t in found)


def test_recognize_mentions_person_surname_is_not_a_place(nlp_fr, gazetteer):
    doc = nlp_fr("Le général Pierre de Villiers a reçu son homologue. Le général de Villiers a ensuite parlé à Paris.")
    found = texts(mentions(doc, "fr", gazetteer))
    assert "Paris" in found and "Villiers" not in found


def test_recognize_mentions_state_abbreviations_and_containers(nlp_en, gazetteer):
    doc = nlp_en("The fire started in Athens, Ga., on Tuesday, officials said.")
    found = mentions(doc, "en", gazetteer)
    athens = next(m for m in found if m.text == "Athens")
    assert athens.container == "Georgia"
