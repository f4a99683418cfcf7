from chronique.geo import find_places, is_demonym, is_metonymic


def flags(doc, lang):
    return {p.text: is_metonymic(p, doc, lang) for p in find_places(doc, lang)}


def test_places_metonymy_capital_as_speaker(nlp_fr, gazetteer):
    doc = nlp_fr("Moscou a annoncé lundi de nouvelles mesures. Des avions ont frappé Idleb.")
    got = flags(doc, "fr")
    assert got["Moscou"] is True and got["Idleb"] is False


def test_places_metonymy_location_after_preposition(nlp_fr, gazetteer):
    doc = nlp_fr("Les ministres se sont rencontrés à Moscou.")
    assert flags(doc, "fr")["Moscou"] is False


def test_places_metonymy_english_subject_of_statement(nlp_en, gazetteer):
    doc = nlp_en("Turkey denied the report. Fighting continued in Aleppo.")
    got = flags(doc, "en")
    assert got["Turkey"] is True and got["Aleppo"] is False


def test_places_metonymy_demonyms(nlp_fr, gazetteer):
    doc = nlp_fr("Les avions russes patrouillent au large des côtes syriennes.")
    places = {p.text: p for p in find_places(doc, "fr")}
    assert is_demonym(places["russes"], "fr")
    assert is_metonymic(places["russes"], doc, "fr") is True
    assert is_metonymic(places["syriennes"], doc, "fr") is False
