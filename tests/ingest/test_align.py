"""align_offsets / raw_span: spans of the cleaned text found again in the raw text."""

from __future__ import annotations

import itertools
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from chronique.ingest import align_offsets, clean_text, raw_span

RAW = (
    "\n  Titre de la dépêche\n\n"
    "Le général a rencontré mercredi à Moscou son homologue russe.(Ministère de la Défense)\n"
    "Temps de lecture estimé : 3 minutes\n"
    "Le général a rencontré mercredi à Moscou son homologue russe.(Ministère de la Défense)\n\n"
    "La réunion a eu lieu jeudi.Le gouvernement,, selon l'AFP,\u00a0a salué  1.093 frappes.\n"
)


def test_align_words_map_back_to_same_words() -> None:
    cleaned = clean_text(RAW)
    offsets = align_offsets(RAW, cleaned)
    assert len(offsets) == len(cleaned)
    for word in re.finditer(r"\w+", cleaned):
        start, end = raw_span(offsets, word.start(), word.end())
        assert RAW[start:end] == word.group()
    start, end = raw_span(offsets, cleaned.index("Le gouvernement"), cleaned.index(" selon"))
    assert RAW[start:end] == "Le gouvernement,"  # the kept comma; its deleted twin is outside


def test_align_space_inserted_before_kept_dash() -> None:
    raw = "\nPONT-A-MOUSSON.- Les individus ont braqué le chauffeur."
    cleaned = clean_text(raw)
    assert cleaned.startswith("PONT-A-MOUSSON. - Les")
    offsets = align_offsets(raw, cleaned)
    start, end = raw_span(offsets, cleaned.index("Les"), cleaned.index("Les") + 3)
    assert raw[start:end] == "Les"


def test_align_identity_when_nothing_cleaned() -> None:
    text = "Rien à nettoyer ici."
    assert align_offsets(text, clean_text(text)) == list(range(len(text)))
    assert raw_span(align_offsets(text, text), 0, 4) == (0, 4)


def test_align_empty_and_out_of_range_spans() -> None:
    assert raw_span([], 0, 0) == (0, 0)
    offsets = align_offsets("ab", "ab")
    assert raw_span(offsets, 1, 1) == (1, 1)
    assert raw_span(offsets, 2, 2) == (2, 2)


_PIECES = [*'aeLM.!?",;() \n\t\u00a0é1\u200b', "jeudi.Le ", ",,,", "..", "e\u0301", "\r\n", ".- ", "\uf900"]
_PIECES += ["Reading time: 3 min\n", "Un long paragraphe répété ici.\n", "MOUSSON.- Les"]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.text(max_size=60)))
def test_align_monotone_and_kept_letters_equal(raw: str) -> None:
    cleaned = clean_text(raw)
    offsets = align_offsets(raw, cleaned)
    assert len(offsets) == len(cleaned)
    assert all(a <= b for a, b in itertools.pairwise(offsets))
    for j, ch in enumerate(cleaned):
        if ch.isalnum():  # an accented letter may be the NFC composition of a letter and a mark
            source = raw[offsets[j]]
            composed = unicodedata.normalize("NFC", source) == ch
            assert source == ch or composed or unicodedata.normalize("NFD", ch)[0] == source
