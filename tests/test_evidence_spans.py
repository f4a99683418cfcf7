"""Every span an event stores points at exactly the characters it names, in every field.

Checked on a store coded from a sample of the 4,000 OrangeSum dev articles and the
founding report (the ``dev_store`` fixture), and on the phrase that was cut one
character short ("lus d'un millier").
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from chronique.events.lexicon import load_lexicon
from chronique.events.quantities import find_quantities

SPAN_FIELDS = ("actor", "recipient", "claimant", "quantities", "places")


def _word_edges(text: str, start: int, end: int) -> bool:
    """The span neither starts nor ends inside a word."""
    inside_start = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    inside_end = end < len(text) and text[end - 1].isalnum() and text[end].isalnum()
    return not inside_start and not inside_end


def _spans(record: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    out = [(field, item) for field in SPAN_FIELDS for item in record.get(field) or []]
    if record.get("event_loc"):
        out.append(("event_loc", record["event_loc"]))
    return out


@pytest.mark.parametrize("sentence", ["Les forces russes ont mené plus d'un millier de frappes en Syrie.",
                                      "Les forces russes ont mené plus d’un millier de frappes en Syrie.",
                                      "Près d'une centaine de manifestants ont défilé."])
def test_evidence_vague_amount_spans_start_on_their_first_word(fr_nlp: Any, sentence: str) -> None:
    doc = fr_nlp(sentence)
    found = find_quantities(doc[:], load_lexicon("fr"))
    assert found
    for q in found:
        assert q.start is not None and q.end is not None
        assert sentence[q.start:q.end] == q.text and _word_edges(sentence, q.start, q.end), q.text
        assert q.text.split()[0].casefold() in ("plus", "près")


def test_evidence_every_stored_span_matches_the_article_text(dev_store: Path) -> None:
    con = sqlite3.connect(dev_store)
    texts = dict(con.execute("SELECT id, text FROM articles"))
    checked, wrong = 0, []
    for (raw,) in con.execute("SELECT record FROM events"):
        record = json.loads(raw)
        text = texts[record["doc_id"]]
        for field, item in _spans(record):
            start, end = item.get("start"), item.get("end")
            if start is None or start < 0:
                continue  # supplied by the coder, not words of the text (implied party, dateline, country)
            checked += 1
            if text[start:end] != item.get("text") or not _word_edges(text, start, end):
                wrong.append((record["id"], field, item.get("text"), text[start:end]))
        for ev in record["evidence"]:
            checked += 1
            start, end = ev["start"], ev["end"]
            if not 0 <= start < end <= len(text) or not _word_edges(text, start, end):
                wrong.append((record["id"], ev["field"], start, text[start:end]))
            elif ev["field"] == "event_text" and text[start:end] not in record["event_text"]:
                wrong.append((record["id"], "event_text", start, text[start:end][:60]))
    con.close()
    assert checked > 2000
    assert not wrong, wrong[:10]
