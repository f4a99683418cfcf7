"""ActorCoder.mentions / resolve: in-document coreference chains."""

from __future__ import annotations

from typing import Any

from chronique.actors import ActorCoder

DOC = ("Le ministre français de la Défense, Jean-Yves Le Drian, a rencontré à Moscou son homologue "
       "russe Sergueï Choïgou. Le ministre a jugé la rencontre utile. Choïgou a évoqué la Turquie. "
       "Les deux ministres ont convenu de renforcer leurs échanges.")


def _at(mentions: list, doc_text: str, locator: str) -> list:
    a = doc_text.index(locator)
    return [m for m in mentions if m.start == a]


def test_mentions_surname_and_title_join_the_chain(nlp_fr: Any, fr: ActorCoder) -> None:
    ms = fr.mentions(nlp_fr(DOC))
    assert [m.name for m in _at(ms, DOC, "Le ministre a jugé")] == ["Jean-Yves Le Drian"]
    assert [(m.name, m.country) for m in _at(ms, DOC, "Choïgou a évoqué")] == [("Sergei Shoigu", "RUS")]


def test_mentions_plural_reference_gives_both_parties(nlp_fr: Any, fr: ActorCoder) -> None:
    ms = fr.mentions(nlp_fr(DOC))
    both = _at(ms, DOC, "Les deux ministres")
    assert sorted(m.name for m in both) == ["Jean-Yves Le Drian", "Sergei Shoigu"]
    assert all(m.text == "Les deux ministres" for m in both)


def test_mentions_counterpart_is_the_other_person(nlp_en: Any, en: ActorCoder) -> None:
    text = ("General Joseph Dunford met General Valery Gerasimov in Baku. "
            "Gerasimov briefed his counterpart on Syria.")
    ms = en.mentions(nlp_en(text))
    assert [m.name for m in _at(ms, text, "his counterpart")] == ["Joseph Dunford"]


def test_mentions_offsets_point_at_the_text(nlp_fr: Any, fr: ActorCoder) -> None:
    for m in fr.mentions(nlp_fr(DOC)):
        assert DOC[m.start:m.end] == m.text


def test_resolve_char_range_uses_the_chains(nlp_fr: Any, fr: ActorCoder) -> None:
    doc = nlp_fr(DOC)
    a = DOC.index("Le ministre a jugé")
    got = fr.resolve((a, a + len("Le ministre")), doc)
    assert [(x.name, x.country, x.sector) for x in got] == [("Jean-Yves Le Drian", "FRA", "GOV")]


def test_resolve_span_without_mention_codes_it(nlp_fr: Any, fr: ActorCoder) -> None:
    doc = nlp_fr("La situation reste tendue.")
    assert fr.resolve(doc[0:2], doc) == []
