"""French temporal expressions: recognition spans and TIMEX3 values on hand-made sentences."""

from __future__ import annotations

import pytest

from chronique.time import tag

DCT = "2015-12-24"  # a Thursday


def values(text: str, dct: str | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, "fr", dct)]


def test_tagger_fr_full_date_with_weekday() -> None:
    text = "Le général a rencontré mercredi 23 décembre 2015 à Moscou son homologue."
    assert values(text) == [("mercredi 23 décembre 2015", "DATE", "2015-12-23")]


def test_tagger_fr_coordinated_dates_share_the_year() -> None:
    text = "Ils s'étaient entretenus par téléphone, le 19 novembre et le 2 décembre 2015, sur la Syrie."
    assert values(text, "2016-06-01") == [
        ("le 19 novembre", "DATE", "2015-11-19"), ("le 2 décembre 2015", "DATE", "2015-12-02")]


def test_tagger_fr_coordinated_days_share_month() -> None:
    text = "Les épreuves ont eu lieu les 3 et 4 mai."
    got = values(text, "2015-06-10")
    assert got == [("les 3", "DATE", "2015-05-03"), ("4 mai", "DATE", "2015-05-04")]


def test_tagger_fr_weekday_in_coordination_and_year_choice() -> None:
    text = "Les inscriptions auront lieu lundi 6 et mardi 7 septembre."
    assert values(text, "2010-08-01") == [
        ("lundi 6", "DATE", "2010-09-06"), ("mardi 7 septembre", "DATE", "2010-09-07")]
    # the weekday settles the year: 7 September was a Monday in 2015, not in 2016
    assert values("Il est arrivé le lundi 7 septembre.", DCT) == [("le lundi 7 septembre", "DATE", "2015-09-07")]


def test_tagger_fr_range_and_duration_of_the_seed() -> None:
    text = "Par ailleurs, en cinq jours du 18 au 23 décembre, les forces aériennes russes ont frappé 1.093 cibles."
    got = tag(text, "fr", DCT)
    assert [(t.text, t.type, t.value) for t in got] == [
        ("cinq jours", "DURATION", "P5D"), ("18", "DATE", "2015-12-18"), ("23 décembre", "DATE", "2015-12-23")]
    start = got[1]
    assert (start.begin, start.finish, start.precision) == ("2015-12-18", "2015-12-23", "range")


def test_tagger_fr_a_night_is_valued_by_its_first_day_and_spans_both() -> None:
    # TIMEX3 (French TimeBank) values "la nuit de vendredi à samedi" as the Friday's night; its interval holds
    # both days, so an event told "dans la nuit de vendredi à samedi" meets a report dating it Saturday
    (night,) = tag("Les frappes ont eu lieu dans la nuit de vendredi à samedi.", "fr", "2018-04-14")
    assert (night.type, night.value, night.begin, night.finish, night.precision) == (
        "TIME", "2018-04-13TNI", "2018-04-13", "2018-04-14", "range")


def test_tagger_fr_offset_in_apposition_restates_the_date() -> None:
    text = "Le 21 décembre, deux jours avant la rencontre des deux chefs, le ministre avait rencontré son homologue."
    got = tag(text, "fr", DCT)
    assert [(t.text, t.value) for t in got] == [("Le 21 décembre", "2015-12-21"), ("deux jours avant", "2015-12-21")]
    assert got[1].anchor == "text"


def test_tagger_fr_offset_counts_from_last_date() -> None:
    text = "La conférence s'est ouverte le 10 mars. Trois jours après la clôture, les délégués sont partis."
    got = tag(text, "fr", "2015-03-20")
    assert [(t.text, t.value, t.anchor) for t in got][-1] == ("Trois jours après", "2015-03-13", "text")


def test_tagger_fr_late_month_interval() -> None:
    text = "Le président lors de sa visite à Moscou fin novembre."
    (t,) = tag(text, "fr", DCT)
    assert (t.text, t.value, t.begin, t.finish, t.precision) == (
        "fin novembre", "2015-11", "2015-11-21", "2015-11-30", "month")


def test_tagger_fr_absolute_date_with_article() -> None:
    assert values("depuis la prise de fonction du général, le 15 février 2014, a souligné le ministère.") == [
        ("le 15 février 2014", "DATE", "2014-02-15")]


@pytest.mark.parametrize(("text", "dct", "expected"), [
    ("Il a annulé hier une rencontre.", "1999-05-19", [("hier", "DATE", "1999-05-18")]),
    ("Il est décédé hier matin.", "1999-05-20", [("hier matin", "TIME", "1999-05-19TMO")]),
    ("L'incendie a éclaté hier soir.", "2003-02-04", [("hier soir", "TIME", "2003-02-03TEV")]),
    ("Il a été admis mardi à l'hôpital.", "1999-05-20", [("mardi", "DATE", "1999-05-18")]),
    ("Le conseil se réunira lundi prochain.", DCT, [("lundi prochain", "DATE", "2015-12-28")]),
    ("Il a démissionné mercredi dernier.", "1999-07-28", [("mercredi dernier", "DATE", "1999-07-21")]),
    ("Les combats ont repris la semaine dernière.", DCT, [("la semaine dernière", "DATE", "2015-W51")]),
    ("Il a publié la liste cette semaine.", "1999-07-09", [("cette semaine", "DATE", "1999-W27")]),
    ("Le texte sera signé en juin prochain.", "1999-05-23", [("juin prochain", "DATE", "1999-06")]),
    ("Le taux était de 72 % en septembre dernier.", "2002-02-09", [("septembre dernier", "DATE", "2001-09")]),
    ("Le groupe a été fondé il y a deux ans.", DCT, [("il y a deux ans", "DATE", "2013")]),
    ("La bibliothèque sera fermée en juillet.", "1999-07-24", [("juillet", "DATE", "1999-07")]),
    ("Ils ont voté l'année dernière.", "2002-09-01", [("l'année dernière", "DATE", "2001")]),
    ("La réforme entre en vigueur début 2014.", DCT, [("début 2014", "DATE", "2014")]),
    ("Il a débuté dans les années 90.", DCT, [("les années 90", "DATE", "199")]),
    ("Le château date du XIXe siècle.", DCT, [("XIXe siècle", "DATE", "18")]),
    ("Le mouvement est interdit depuis 2011.", DCT, [("2011", "DATE", "2011")]),
    ("Les attentats du 11 septembre ont pesé.", "2002-02-09", [("11 septembre", "DATE", "2001-09-11")]),
    ("Son quinquennat a commencé en octobre 98.", "1999-05-23", [("quinquennat", "DURATION", "P5Y"), ("octobre 98", "DATE", "1998-10")]),
    ("Il a couru en 30,4 secondes.", DCT, [("30,4 secondes", "DURATION", "PT30.4S")]),
    ("La rencontre a duré environ une heure.", DCT, [("environ une heure", "DURATION", "PT1H")]),
    ("Il s'y est installé depuis un quart de siècle.", DCT, [("un quart de siècle", "DURATION", "P25Y")]),
    ("Il a fui depuis plusieurs jours.", DCT, [("plusieurs jours", "DURATION", "PXD")]),
    ("Les habitants achètent le journal chaque jour.", DCT, [("chaque jour", "SET", "P1D")]),
    ("Les permanences ont lieu tous les jeudis.", DCT, [("tous les jeudis", "SET", "XXXX-WXX-4")]),
    ("Ils partent en vacances au printemps.", DCT, [("printemps", "DATE", "XXXX-SP")]),
    ("Les coureurs se sont rendus ce week-end à Gérardmer.", "2003-02-04", [("ce week-end", "DATE", "2003-W05-WE")]),
    ("Ce dimanche, de 18 h à 23 h, l'office organise un bal.", "1999-07-18",
     [("Ce dimanche", "DATE", "1999-07-18"), ("18 h", "TIME", "1999-07-18T18:00"), ("23 h", "TIME", "1999-07-18T23:00")]),
    ("Il a été transporté mardi vers 21 h 45 à l'hôpital.", "1999-05-20",
     [("mardi", "DATE", "1999-05-18"), ("21 h 45", "TIME", "1999-05-18T21:45")]),
    ("Vers 0 h 40, jeudi, deux voitures se sont heurtées.", "2003-02-22",
     [("0 h 40", "TIME", "2003-02-20T00:40"), ("jeudi", "DATE", "2003-02-20")]),
    ("Hier, vers midi, une femme est tombée.", "1999-05-29",
     [("Hier", "DATE", "1999-05-28"), ("midi", "TIME", "1999-05-28T12:00")]),
    ("La marche a été reportée au 7 novembre.", "2020-06-27", [("7 novembre", "DATE", "2020-11-07")]),
    ("La chaîne a annoncé le report du débat à jeudi soir.", "2020-06-24", [("jeudi soir", "TIME", "2020-06-25TEV")]),
    ("L'état d'urgence avait été prolongé en mai jusqu'au 10 juillet.", "2020-07-02",
     [("mai", "DATE", "2020-05"), ("10 juillet", "DATE", "2020-07-10")]),
    ("Les combats ont repris en mars.", DCT, [("mars", "DATE", "2015-03")]),
    ("Le sommet se tiendra en mars.", DCT, [("mars", "DATE", "2016-03")]),
    ("Il a été mis à l'eau vers 3h du matin, puis à 8 h du soir.", DCT,
     [("3h du matin", "TIME", "2015-12-24T03:00"), ("8 h du soir", "TIME", "2015-12-24T20:00")]),
    ("La commission est prévue mardi, soit deux jours après le second tour.", "2020-06-24",
     [("mardi", "DATE", "2020-06-30"), ("deux jours après", "DATE", "2020-06-30")]),
    ("Dans la nuit de samedi à dimanche, un incendie a éclaté.", DCT,
     [("la nuit de samedi à dimanche", "TIME", "2015-12-19TNI")]),
    ("Les prix vont monter dans les trois prochaines années.", DCT, [("les trois prochaines années", "DURATION", "P3Y")]),
    ("Ils se retrouveront lors du prochain sommet.", DCT, [("prochain", "TIME", "FUTURE_REF")]),
    ("Il a été réveillé à l'aube par les tirs.", DCT, [("l'aube", "TIME", "2015-12-24TMO")]),
    ("Le gouvernement actuel a désormais la majorité.", DCT, [("actuel", "TIME", "PRESENT_REF"), ("désormais", "TIME", "PRESENT_REF")]),
])
def test_tagger_fr_relative_and_vague(text: str, dct: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text, dct) == expected


@pytest.mark.parametrize("text", [
    "Un chauffeur de bus de 38 ans a été pris à partie.",
    "Alain Parmentier, 53 ans, employé de la société, a témoigné.",
    "Le club compte 2000 adhérents et a été fondé par des bénévoles.",
    "Il a été élu président du conseil.",
    "Les quotidiens étrangers sont en rayon.",
    "Les Jeux olympiques d'hiver ont été un succès.",
])
def test_tagger_fr_no_false_positive(text: str) -> None:
    assert values(text) == []


def test_tagger_fr_offsets_point_into_text() -> None:
    text = "Hier matin, puis le 2 décembre 2015 et chaque semaine depuis 2011."
    for t in tag(text, "fr", DCT):
        assert text[t.start:t.end] == t.text
    starts = [t.start for t in tag(text, "fr", DCT)]
    assert starts == sorted(starts)
