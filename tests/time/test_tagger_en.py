"""English temporal expressions: the pinned set of hand-written sentences (tests/time/en_cases.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronique.time import tag

CASES = json.loads((Path(__file__).parent / "en_cases.json").read_text(encoding="utf-8"))


def test_tagger_en_case_set_is_large_enough() -> None:
    assert len(CASES["cases"]) >= 60


@pytest.mark.parametrize(("text", "expected"), CASES["cases"], ids=[c[0][:40] for c in CASES["cases"]])
def test_tagger_en_sentence(text: str, expected: list[list[str]]) -> None:
    got = [[t.text, t.type, t.value] for t in tag(text, "en", CASES["dct"])]
    assert got == expected


def test_tagger_en_range_is_recoverable() -> None:
    first, last = tag("Russian jets struck targets between 18 and 23 December.", "en", "2015-12-24")
    assert (first.begin, first.finish, first.precision) == ("2015-12-18", "2015-12-23", "range")
    assert (last.begin, last.finish, last.precision) == ("2015-12-23", "2015-12-23", "day")
