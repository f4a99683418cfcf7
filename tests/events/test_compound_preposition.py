"""A compound preposition the parser splits ("près de l'aéroport": "près" hung on the noun)
is read as its head word, so the phrase is a locative, not the verb's object."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronique.events.arguments import arguments, case_of
from chronique.events.lexicon import load_lexicon


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_split_compound_preposition_is_a_locative_not_an_object() -> None:
    # "Les soldats ont tiré près de l'aéroport" as the parser may give it: "aéroport" an object
    # carrying "de" as its case and "près" as an adverb
    doc = _doc(["Les", "soldats", "ont", "tiré", "près", "de", "l'", "aéroport"],
               [1, 3, 3, 3, 7, 7, 7, 3],
               ["det", "nsubj", "aux:tense", "ROOT", "advmod", "case", "det", "obj"],
               ["DET", "NOUN", "AUX", "VERB", "ADV", "ADP", "DET", "NOUN"])
    assert case_of(doc[7]) == "pres"
    args = arguments(doc[3], load_lexicon("fr"))
    assert [t.text for t in args.objects] == []
    assert [t.text for t in args.locatives] == ["aéroport"]


def test_partitive_object_stays_an_object() -> None:
    doc = _doc(["La", "police", "a", "dispersé", "des", "manifestants"],
               [1, 3, 3, 3, 5, 3],
               ["det", "nsubj", "aux:tense", "ROOT", "case", "obj"],
               ["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN"])
    args = arguments(doc[3], load_lexicon("fr"))
    assert [t.text for t in args.objects] == ["manifestants"]
