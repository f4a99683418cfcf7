"""Numbers and magnitudes in event sentences."""

from __future__ import annotations

from typing import Any

import pytest

from chronique.events.lexicon import load_lexicon
from chronique.events.quantities import find_quantities, magnitudes, parse_number


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [("1.093", "fr", 1093), ("1 093", "fr", 1093), ("30,4", "fr", 30.4), ("302", "fr", 302),
     ("six", "fr", 6), ("trois", "fr", 3), ("1,093", "en", 1093), ("twelve", "en", 12), ("7", "en", 7)],
)
def test_quantities_parse_number_formats(text: str, lang: str, value: float) -> None:
    assert parse_number(text, lang) == value


def test_quantities_parse_number_rejects_words() -> None:
    assert parse_number("bombardier", "fr") is None


def _quantities(nlp: Any, text: str, lang: str) -> list[tuple[float, str | None, bool]]:
    doc = nlp(text)
    sent = doc[:]
    return [(q.value, q.unit, q.approximate) for q in find_quantities(sent, load_lexicon(lang))]


def test_quantities_units_from_counted_nouns(fr_nlp: Any) -> None:
    got = _quantities(fr_nlp, "Les avions ont effectué 302 sorties et frappé 1.093 cibles.", "fr")
    assert (302, "sortie", False) in got
    assert (1093, "target", False) in got


def test_quantities_vague_amounts_are_approximate(fr_nlp: Any) -> None:
    got = _quantities(fr_nlp, "Ils ont mené plus d'un millier de frappes aériennes.", "fr")
    assert (1000, "strike", True) in got


def test_quantities_ignore_uncounted_numbers(fr_nlp: Any) -> None:
    assert _quantities(fr_nlp, "Les deux pays ont créé un groupe de travail.", "fr") == []


def test_quantities_dead_and_injured(fr_nlp: Any) -> None:
    doc = fr_nlp("Au moins sept civils ont été tués et douze blessés.")
    lex = load_lexicon("fr")
    qs = find_quantities(doc[:], lex)
    mags = magnitudes(qs, doc[:], lex)
    assert mags["dead"] == 7
    assert mags["injured"] == 12


def test_quantities_english_dead(en_nlp: Any) -> None:
    doc = en_nlp("The blast killed 6 civilians in the market.")
    lex = load_lexicon("en")
    mags = magnitudes(find_quantities(doc[:], lex), doc[:], lex)
    assert mags["dead"] == 6


def test_quantities_marchers_are_not_the_dead_of_the_death_they_protest(events_of) -> None:  # type: ignore[no-untyped-def]
    events = events_of("Dimanche, des centaines de personnes ont manifesté à Londres après la mort de George Floyd.",
                       "fr")
    protest = next(e for e in events if "PROTEST" in e.event)
    assert protest.dead is None
    assert protest.size == 100


def test_quantities_epidemic_tolls_are_no_attack_and_statements_carry_no_dead(events_of) -> None:  # type: ignore[no-untyped-def]
    events = events_of("L'épidémie a tué 28.940 personnes en France, selon le bilan publié mardi. Le Brésil a "
                       "déploré 40.919 morts au total. La lutte contre la pandémie, qui a tué plus de 215.000 "
                       "personnes, continue. Des rebelles ont tué 12 soldats lundi à Gao.", "fr")
    assert [e.dead for e in events if "ASSAULT" in e.event] == [12]
    assert all(e.dead is None for e in events if "ASSAULT" not in e.event)
