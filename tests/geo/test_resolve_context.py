"""Resolution weighs the story's context (chronique/geo/_context.py, resolve_mentions): the countries
of its parties, its title's dateline, its outlet, the other places of the mention's paragraph.
'Tripoli' alone is Libya's capital; each clue below makes it Lebanon's (or keeps it Libya's)."""

from __future__ import annotations

import pytest

from chronique.geo import outlet_country, story_countries
from chronique.model import Actor, Article
from chronique.pipeline import Pipeline

_CLASH = "Des heurts ont opposé lundi des partisans de groupes rivaux à Tripoli, faisant trois blessés."


def _tripoli(text: str, lang: str, **fields: str) -> str | None:
    art = Article(id="t", text=text, lang=lang, **fields)
    (res,) = list(Pipeline(lang=lang, stages=("lang", "parse", "places")).run([art]))
    assert res.error is None, res.error
    found = [p.country_code for p in res.places if p.text == "Tripoli"]
    assert found, res.places
    return found[-1]


def test_resolve_context_without_clue_the_capital() -> None:
    assert _tripoli(_CLASH, "fr") == "LY"


def test_resolve_context_title_dateline() -> None:
    assert _tripoli(_CLASH, "fr", title="Liban : heurts dans le nord") == "LB"


def test_resolve_context_outlet_country() -> None:
    assert _tripoli(_CLASH, "fr", url="https://www.lorientlejour.com/article/1") == "LB"


@pytest.mark.parametrize(("text", "expected"), [
    ("Hezbollah supporters clashed with army soldiers in Tripoli on Monday, wounding five people.", "LB"),
    ("Fighters of the Libyan National Army shelled positions in Tripoli on Monday, killing three people.", "LY"),
])
def test_resolve_context_parties_country(text: str, expected: str) -> None:
    assert _tripoli(text, "en") == expected


def test_resolve_context_paragraph_places_weigh_more() -> None:
    # a round-up: the Libyan paragraph alone would not outvote the capital's prior; the
    # Lebanese paragraph around 'Tripoli' does, once its places count twice for it
    text = ("Forces loyal to Khalifa Haftar advanced on Misrata and Sirte last week.\n\n"
            "In Lebanon, the army said it had secured Beirut and Sidon after a week of unrest. "
            "Gunmen opened fire on a checkpoint in Tripoli on Monday, killing a soldier.")
    assert _tripoli(text, "en") == "LB"


def test_resolve_context_a_party_named_by_the_place_itself_is_no_clue() -> None:
    # 'Tripoli' read by the actor coder as Libya's government must not vote for its own reading
    votes = story_countries(None, [Actor(text="Tripoli", name="Government of Libya", country="LBY", start=0, end=7)])
    assert votes == {"LY": 1.0}  # story_countries counts it; find_places drops parties named by a place
    assert _tripoli("Hezbollah said Tripoli was calm on Monday after clashes.", "en") == "LB"


def test_resolve_context_outlet_country_from_host() -> None:
    assert outlet_country("https://actu.orange.fr/monde/x.html") == "FR"
    assert outlet_country("https://www.bbc.co.uk/news/1") == "GB"
    assert outlet_country("https://example.com/a") is None
    assert outlet_country(None, "www.lorientlejour.com") == "LB"
