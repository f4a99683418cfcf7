"""Parsing only the sentences that may hold an event: same tokens and offsets as a full
parse, the right sentences chosen, and the model's own outputs unchanged by the speed fixes."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from chronique import nlp
from chronique.events.selection import CLAIM, MODAL, TRIGGER, choose_sentences, word_selector
from chronique.model import Article
from chronique.pipeline import Pipeline

REPORT = (
    "Le temps était doux à Paris ce matin-là.\n"
    "Les forces aériennes russes ont frappé 1.093 cibles en Syrie, selon le ministère russe de la Défense. "
    "La ville compte de nombreux musées. "
    "Un porte-parole a indiqué que les frappes continueraient.\n"
    "Il fait beau et doux."
)


def _sentence_texts(doc: Any) -> list[str]:
    return [doc[a:b].text for a, b in nlp.rough_sentences(doc)]


def test_rough_sentences_split_on_final_punctuation_and_line_breaks(nlp_fr: Any) -> None:
    doc = nlp.tokenize("Il a plu. Puis il a neigé !\nTitre sans point\nM. Dupont est venu... et reparti.", "fr")
    texts = [t.strip() for t in _sentence_texts(doc)]
    assert texts == ["Il a plu.", "Puis il a neigé !", "Titre sans point", "M. Dupont est venu... et reparti."]


def test_rough_sentences_cover_every_token_once(nlp_fr: Any) -> None:
    doc = nlp.tokenize(REPORT, "fr")
    ranges = nlp.rough_sentences(doc)
    assert ranges[0][0] == 0 and ranges[-1][1] == len(doc)
    assert all(b1 == a2 for (_, b1), (a2, _) in zip(ranges, ranges[1:]))


@pytest.mark.parametrize("word, bits", [
    ("frappé", TRIGGER), ("bombardements", TRIGGER), ("félicité", TRIGGER), ("selon", CLAIM),
    ("indiqué", CLAIM), ("doivent", MODAL), ("musées", 0), ("fleurs", 0),
])
def test_word_classes_read_every_inflection(nlp_fr: Any, word: str, bits: int) -> None:
    got = word_selector("fr")(word)
    assert (got & bits) == bits if bits else got == 0


def test_english_words_are_classified_too(nlp_en: Any) -> None:
    classify = word_selector("en")
    assert classify("struck") & TRIGGER and classify("killed") & TRIGGER and classify("said") & CLAIM
    assert classify("museum") == 0


def test_event_sentences_and_the_claims_around_them_are_chosen(nlp_fr: Any) -> None:
    doc = nlp.tokenize(REPORT, "fr")
    chosen = choose_sentences("fr")(doc, nlp.rough_sentences(doc))
    assert chosen == [False, True, False, True, False]


def test_a_claim_far_from_any_event_is_not_parsed(nlp_fr: Any) -> None:
    text = ("Le ministre a déclaré sa candidature. " + "La ville compte de nombreux musées. " * 4
            + "Les avions ont bombardé la ville.")
    doc = nlp.tokenize(text, "fr")
    chosen = choose_sentences("fr")(doc, nlp.rough_sentences(doc))
    assert chosen[0] is False and chosen[-1] is True


def test_selective_parse_keeps_text_tokens_and_offsets(nlp_fr: Any) -> None:
    texts = [REPORT, "Rien ne s'est passé ici. Le ciel est bleu.", "Les rebelles ont attaqué Alep."]
    full = list(nlp.pipe(texts, "fr"))
    part = list(nlp.pipe_selected(texts, "fr", choose_sentences("fr")))
    for f, p in zip(full, part):
        assert p.text == f.text
        assert [(t.idx, t.text) for t in p] == [(t.idx, t.text) for t in f]
    # the chosen sentences are parsed, the others are not
    report = part[0]
    strike = next(t for t in report if t.text == "frappé")
    assert strike.lemma_ == "frapper" and strike.dep_
    assert any(e.text == "Syrie" for e in report.ents)
    museum = next(t for t in report if t.text == "musées")
    assert museum.dep_ == "" and museum.lemma_ == ""
    assert all(t.dep_ == "" for t in part[1])
    assert part[2][0].dep_  # chosen whole: parsed as one text


def test_pipeline_finds_the_same_events_with_and_without_selection(nlp_fr: Any) -> None:
    art = Article(id="r", text=REPORT, lang="fr", published="2015-12-04")

    def events(full: bool) -> list[tuple[Any, ...]]:
        (res,) = list(Pipeline(full_parse=full).run([art]))
        return [(tuple(e.event), e.trigger, tuple(a.name for a in e.claimant)) for e in res.events]

    got = events(False)
    assert got and got == events(True)


def test_lemma_index_fix_and_paragraph_rule_leave_annotations_unchanged(nlp_fr: Any) -> None:
    stock = spacy.load(nlp.model_name("fr"))
    text = "Les forces russes ont frappé des cibles.\nTitre\nIls ont été détenus à Alep."
    ours, theirs = nlp.parse(text, "fr"), stock(text)
    assert [t.lemma_ for t in ours] == [t.lemma_ for t in theirs]
    assert [s.text.strip() for s in ours.sents][1] == "Titre"


def test_inline_subheading_is_cut_off_both_sentences() -> None:
    from chronique.nlp import parse

    text = ('Les protestataires dénoncent une arrestation "politique".- "Légitimes" -Lundi, la police a '
            "procédé à des tirs de gaz lacrymogène. Le chef d'état-major a rencontré le Su-24 à Jean-Yves.")
    sents = [s.text for s in parse(text, "fr").sents]
    assert sents[0] == 'Les protestataires dénoncent une arrestation "politique".'
    assert any(s.startswith("Lundi, la police a procédé") for s in sents), sents
    assert any("état-major" in s and "Su-24" in s and "Jean-Yves" in s for s in sents), sents
