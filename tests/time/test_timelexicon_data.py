"""Integrity of the time data files (chronique/data/time/<lang>.json)."""

from __future__ import annotations

import json
import re

import pytest

from chronique.time import available_langs, load_lexicon
from chronique.time.lexicon import DATA_DIR, RULE_KINDS

LANGS = available_langs()
TIMEX_PARTS = {"MO", "AF", "EV", "NI", "DT"}
UNIT_RE = re.compile(r"\d*(S|TM|H|D|W|M|Y|DE|CE)")
REQUIRED = {
    "lang", "months", "weekdays", "number_words", "fractions", "units", "calendar_units", "unit_nouns",
    "vague_quantities", "approximators", "age", "relative_days", "relative_parts", "parts_of_day",
    "bare_parts_of_day", "part_adjectives", "clock_words", "seasons", "unambiguous_seasons", "bare_season",
    "directions", "this_words", "positions", "ordinals", "refs", "set_words", "shifts", "relations",
    "anaphoric_relations", "time_day_links", "decade_words", "year_prepositions", "future_markers",
    "past_markers", "coordination_links", "coordination_determiners", "range_openers", "range_links", "rules",
}


def raw(lang: str) -> dict:
    return json.loads((DATA_DIR / f"{lang}.json").read_text(encoding="utf-8"))


def test_timelexicon_data_languages_present() -> None:
    assert {"fr", "en"} <= set(LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_timelexicon_data_word_lists_are_complete(lang: str) -> None:
    data = raw(lang)
    assert REQUIRED <= set(data), sorted(REQUIRED - set(data))
    assert data["lang"] == lang
    assert set(data["months"].values()) == set(range(1, 13))
    assert set(data["weekdays"].values()) == set(range(1, 8))
    assert set(data["seasons"].values()) == {"SP", "SU", "FA", "WI"}
    assert set(data["unambiguous_seasons"].items()) <= set(data["seasons"].items())
    assert set(data["parts_of_day"].values()) <= TIMEX_PARTS
    assert set(data["bare_parts_of_day"]) <= set(data["parts_of_day"])
    assert all(UNIT_RE.fullmatch(code) for code in data["units"].values())
    assert set(data["calendar_units"].values()) <= {"D", "W", "WE", "M", "Q", "Y", "DE", "CE"}
    assert set(data["directions"].values()) <= {"past", "next", "this"}
    assert set(data["refs"].values()) <= {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    assert all(re.fullmatch(r"P(T)?\d+[A-Z]+", v) for v in data["set_words"].values())
    assert all(re.fullmatch(r"\d\d:\d\d", v) for v in data["clock_words"].values())
    assert all(isinstance(v, int) for v in data["relative_days"].values())
    assert all(isinstance(v, int) for v in data["shifts"].values())
    assert set(data["relations"].values()) <= {-1, 1}
    assert set(data["anaphoric_relations"]) <= set(data["relations"])
    assert data["bare_season"] in ("generic", "dct")
    assert all(0 < v < 1 for v in data["fractions"].values())
    for words in data["number_words"]:
        assert words == words.lower()
    assert set(data["positions"].values()) <= {"early", "mid", "late", "whole"}
    assert all(len(v) == 2 and isinstance(v[0], int) and v[1] in TIMEX_PARTS
               for v in data["relative_parts"].values())


@pytest.mark.parametrize("lang", LANGS)
def test_timelexicon_data_rules_compile_and_are_known(lang: str) -> None:
    lex = load_lexicon(lang)  # raises ModelError on a bad pattern or kind
    data = raw(lang)
    names = [r["name"] for r in data["rules"]]
    assert len(names) == len(set(names)), "rule names must be unique"
    assert {r.kind for r in lex.rules} <= RULE_KINDS
    assert all(r.needs for r in lex.rules), "every rule declares the word list it needs"
    for marker in ("future", "past"):
        assert getattr(lex, marker) is not None


@pytest.mark.parametrize("lang", LANGS)
def test_timelexicon_data_every_month_and_weekday_is_recognised(lang: str) -> None:
    from chronique.time import tag
    data = raw(lang)
    for word, month in data["months"].items():
        sample = f"le 12 {word} 2014" if lang == "fr" else f"on {word} 12, 2014"
        values = [t.value for t in tag(sample, lang, "2015-01-01")]
        assert values == [f"2014-{month:02d}-12"], (word, values)
    for word in data["weekdays"]:
        values = [t.value for t in tag(f"{word} dernier" if lang == "fr" else f"last {word}", lang, "2015-12-24")]
        assert len(values) == 1 and values[0].startswith("2015-12-"), (word, values)
