"""ActorCoder.code_span: compound actors split, appositions and titles joined, offsets kept."""

from __future__ import annotations

from typing import Any

from chronique.actors import ActorCoder


def _span(nlp: Any, text: str, phrase: str) -> Any:
    doc = nlp(text)
    a = text.index(phrase)
    return doc.char_span(a, a + len(phrase), alignment_mode="expand")


def test_coder_span_splits_french_conjuncts(nlp_fr: Any, fr: ActorCoder) -> None:
    text = "La Russie et la France ont signé un accord."
    got = fr.code_span(_span(nlp_fr, text, "La Russie et la France"))
    assert [(a.country, a.text) for a in got] == [("RUS", "La Russie"), ("FRA", "la France")]
    assert all(text[a.start:a.end] == a.text for a in got)


def test_coder_span_splits_english_lists(nlp_en: Any, en: ActorCoder) -> None:
    text = "Turkey, Russia and Iran agreed on a ceasefire."
    got = en.code_span(_span(nlp_en, text, "Turkey, Russia and Iran"))
    assert [a.country for a in got] == ["TUR", "RUS", "IRN"]


def test_coder_span_keeps_names_with_and(nlp_en: Any, en: ActorCoder) -> None:
    text = "Bosnia and Herzegovina protested."
    got = en.code_span(_span(nlp_en, text, "Bosnia and Herzegovina"))
    assert [a.country for a in got] == ["BIH"]


def test_coder_span_apposition_is_one_person(nlp_fr: Any, fr: ActorCoder) -> None:
    phrase = "le général d'armée Pierre de Villiers, chef d'état-major des armées"
    got = fr.code_span(_span(nlp_fr, phrase + ", a rencontré son homologue.", phrase))
    assert len(got) == 1
    assert (got[0].name, got[0].country, got[0].sector, got[0].kind) == ("Pierre de Villiers", "FRA", "MIL", "person")
    assert got[0].text == phrase


def test_coder_span_unknown_person_takes_title_and_nationality(nlp_fr: Any, fr: ActorCoder) -> None:
    phrase = "le ministre nigérien de la Défense, Kalla Moutari"
    got = fr.code_span(_span(nlp_fr, phrase + ", a démissionné.", phrase))
    assert [(a.name, a.country, a.sector, a.kind) for a in got] == [("Kalla Moutari", "NER", "GOV", "person")]


def test_coder_span_shared_head_noun(nlp_fr: Any, fr: ActorCoder) -> None:
    text = "Les chefs d'état-major russe et français se sont rencontrés."
    got = fr.code_span(_span(nlp_fr, text, "Les chefs d'état-major russe et français"))
    assert [(a.country, a.sector) for a in got] == [("RUS", "MIL"), ("FRA", "MIL")]


def test_coder_span_model_designation_is_no_name(nlp_fr: Any, fr: ActorCoder) -> None:
    text = "Un bombardier Su-24 a attaqué le convoi."
    got = fr.code_span(_span(nlp_fr, text, "Un bombardier Su-24"))
    assert len(got) == 1 and got[0].sector == "MIL" and got[0].kind != "person"


def test_coder_span_town_stands_for_its_country(nlp_en: Any, en: ActorCoder) -> None:
    text = "Serb forces shelled the besieged Bosnian town of Gorazde on Sunday."
    got = en.code_span(_span(nlp_en, text, "Gorazde"))
    assert [(a.country, a.kind) for a in got] == [("BIH", "unknown")]


def test_coder_span_person_is_not_read_as_a_town(nlp_en: Any, en: ActorCoder) -> None:
    text = "Judge Alejandro Rivera ordered the arrest."
    got = en.code_span(_span(nlp_en, text, "Judge Alejandro Rivera"))
    assert [(a.name, a.country, a.sector) for a in got] == [("Alejandro Rivera", None, "JUD")]
