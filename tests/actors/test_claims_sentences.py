"""ActorCoder.claimants: who asserts what each sentence reports."""

from __future__ import annotations

from typing import Any

from chronique.actors import ActorCoder


def _claims(nlp: Any, coder: ActorCoder, text: str) -> dict[int, list[tuple[str, str | None]]]:
    doc = nlp(text)
    return {k: [(a.text, a.country) for a in v] for k, v in coder.claimants(doc).items()}


def test_claims_selon_marker(nlp_fr: Any, fr: ActorCoder) -> None:
    got = _claims(nlp_fr, fr, "Selon le ministère russe de la Défense, 30 cibles ont été frappées.")
    assert got == {0: [("le ministère russe de la Défense", "RUS")]}


def test_claims_postposed_reporting_verb(nlp_fr: Any, fr: ActorCoder) -> None:
    got = _claims(nlp_fr, fr, "Les avions ont frappé 30 cibles, a rapporté le ministère russe de la Défense.")
    assert got[0][0][1] == "RUS" and "ministère russe de la Défense" in got[0][0][0]


def test_claims_inverted_subject(nlp_fr: Any, fr: ActorCoder) -> None:
    got = _claims(nlp_fr, fr, "Les parties ont convenu d'échanger des informations, explique les Russes.")
    assert got[0][0] == ("les Russes", "RUS")


def test_claims_not_a_source_after_selon(nlp_fr: Any, fr: ActorCoder) -> None:
    got = _claims(nlp_fr, fr, "Selon les données recueillies, six camions ont été détruits.")
    assert got == {}


def test_claims_english_according_to_and_said(nlp_en: Any, en: ActorCoder) -> None:
    text = ("Government forces shelled the town, according to the Syrian Observatory for Human Rights. "
            "State media said the army had retaken the hill.")
    got = _claims(nlp_en, en, text)
    assert got[0] == [("the Syrian Observatory for Human Rights", "SYR")]
    assert [t for t, _ in got[1]] == ["State media"]


def test_claims_carry_to_the_rest_of_the_report(nlp_fr: Any, fr: ActorCoder) -> None:
    text = ("Les avions russes ont frappé 30 cibles en Syrie, a rapporté le ministère russe de la Défense.\n\n"
            "Un bombardier Su-34 a détruit un camp d'entraînement.\n\n"
            "Intertitre\n\n"
            "Les rebelles ont attaqué Alep.")
    doc = nlp_fr(text)
    claims = fr.claimants(doc)
    sents = [s.text for s in doc.sents]
    su34 = next(k for k, s in enumerate(sents) if "Su-34" in s)
    rebels = next(k for k, s in enumerate(sents) if "rebelles" in s)
    assert [a.country for a in claims[su34]] == ["RUS"]
    assert rebels not in claims  # a heading ends the report


def test_claims_new_voice_stops_the_carry(nlp_en: Any, en: ActorCoder) -> None:
    text = ("Turkish police detained 30 protesters, the Interior Ministry said. "
            "Russian President Vladimir Putin met Iranian officials in Tehran.")
    claims = en.claimants(nlp_en(text))
    assert 0 in claims and 1 not in claims


def test_claims_quote_over_several_sentences(nlp_fr: Any, fr: ActorCoder) -> None:
    text = ("« Nous avons détruit trois dépôts. Les frappes continueront », a déclaré le porte-parole "
            "de l'armée ukrainienne.")
    doc = nlp_fr(text)
    claims = fr.claimants(doc)
    first = next(k for k, s in enumerate(doc.sents) if "dépôts" in s.text)
    assert [a.country for a in claims.get(first, [])] == ["UKR"]
