"""The look-ups that made long texts linear answer exactly as the scans they replaced.

Each replaced a scan of the whole document (every entity, mention or date, once per
sentence or argument) that made a 200,000-word text quadratic; results on news
articles must not move, so each is compared with its scan on real parsed text.
"""

from __future__ import annotations

from typing import Any

from chronique import nlp
from chronique.actors import ActorCoder
from chronique.actors._mentions import MentionIndex
from chronique.events.candidates import _TimexIndex
from chronique.model import Timex
from chronique.pipeline import tag_times

TEXT = ("Le ministre russe de la Défense Sergueï Choïgou a rencontré lundi 3 mai 2021 à Paris son homologue "
        "français, a indiqué le ministère. Selon l'agence Reuters, les forces armées ont frappé Alep le 4 mai. "
        "Emmanuel Macron s'est rendu à Berlin mardi pour rencontrer Angela Merkel et le président turc.\n\n"
        "La police a arrêté trois manifestants à Marseille, a déclaré le préfet. L'ONU et l'Union européenne "
        "ont condamné les frappes du 4 mai, selon un communiqué publié à Genève jeudi.")


def _doc() -> Any:
    (doc,) = nlp.pipe([TEXT], "fr")
    return doc


def test_pipeline_linear_entity_lookups_match_spacy(nlp_fr: Any) -> None:
    doc = _doc()
    assert doc.ents, "the text must hold entities for this test to mean anything"
    for char in range(len(TEXT)):
        assert nlp.entity_at(doc, char) == next((e for e in doc.ents if e.start_char <= char < e.end_char), None)
    spans = list(doc.sents) + [doc[a:b] for a in range(0, len(doc), 7) for b in range(a, len(doc), 11)]
    for span in spans:
        assert [(e.start, e.end) for e in nlp.entities_in(span)] == [(e.start, e.end) for e in span.ents]


def test_pipeline_linear_mention_index_matches_scans(nlp_fr: Any) -> None:
    doc = _doc()
    coder = ActorCoder("fr")
    mentions = coder._mentions(doc)
    assert len(mentions) >= 8
    index = MentionIndex(mentions)
    for a in range(-5, len(TEXT) + 5, 3):
        for b in (a, a + 1, a + 40, a + 200):
            assert index.starting_in(a, b) == [m for m in mentions if a <= m.start < b]
        assert index.covering(a) is next((m for m in mentions if m.start <= a < m.end), None)
    whole = coder.mentions(doc)
    for s in doc.sents:
        expected = [x for x in whole if x.start is not None and s.start_char <= x.start < s.end_char]
        assert coder.mentions_between(doc, s.start_char, s.end_char) == expected


def test_pipeline_linear_timex_index_matches_scans() -> None:
    found = tag_times(TEXT, "fr", "2021-05-06")
    assert len(found) >= 4
    shuffled = found[1:] + found[:1]  # out of order: the index falls back to the scan, same answers
    for timexes in (found, shuffled, [Timex(start=10, end=400, text="x", type="DATE", value="2021")] + found):
        index = _TimexIndex(timexes)
        for a in range(-5, len(TEXT) + 5, 4):
            for b in (a, a + 30, a + 300):
                assert index.starting_in(a, b) == [t for t in timexes if a <= t.start < b]
                assert index.overlapping(a, b) == [t for t in timexes if t.start < b and a < t.end]


def test_pipeline_linear_cut_pieces_equal_spacy_copies(nlp_fr: Any) -> None:
    tok = nlp.tokenize(" ".join(TEXT.replace(".", " ").replace(",", " ").split()) * 3, "fr")
    arrays = nlp._arrays(tok)
    for a, b in [(0, 40), (40, 95), (95, len(tok)), (3, 4)]:
        assert nlp._piece(tok, a, b, arrays).to_bytes() == tok[a:b].as_doc().to_bytes()
