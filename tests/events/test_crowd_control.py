"""Police against a crowd, typed by the means the sentence names (the gold's convention)."""

from __future__ import annotations

import pytest


def _types(events) -> dict[str, list]:
    out: dict[str, list] = {}
    for e in events:
        for t in e.event:
            out.setdefault(t, []).append(e)
    return out


@pytest.mark.parametrize("text", [
    "La police a dispersé lundi à coups de gaz lacrymogènes les manifestants rassemblés devant le parlement à Tunis.",
    "Lundi, les forces de l'ordre ont procédé à d'intenses tirs de gaz lacrymogènes contre les manifestants à Beyrouth.",
    "Les policiers ont dispersé mardi les manifestants avec des canons à eau et des balles en caoutchouc à Santiago.",
])
def test_means_named_make_it_an_assault(events_of, text: str) -> None:
    types = _types(events_of(text, "fr", "2020-06-23"))
    assert "ASSAULT" in types, types
    assert any("crowd-control" in (e.mode or []) for e in types["ASSAULT"])
    assert "COERCE" not in types


def test_dispersal_without_means_is_coercion(events_of) -> None:
    types = _types(events_of("La police a dispersé lundi les centaines de manifestants rassemblés à Tunis.",
                             "fr", "2020-06-23"))
    assert "COERCE" in types and "ASSAULT" not in types, types
