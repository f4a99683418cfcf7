"""Cutting text into labelled pieces: overlaps, bad offsets, passages around the evidence."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chronique.serve._highlight import event_marks, passages, segments

TEXT = "Le 3 mai, l'armée a frappé Gao. Rien d'autre. Des civils ont fui Gao le 4 mai."


def test_highlight_segments_overlapping_marks_share_pieces() -> None:
    pieces = segments("abcdef", [(0, 4, "actor"), (2, 6, "trigger")])
    assert [(p["text"], p["labels"]) for p in pieces] == [
        ("ab", ["actor"]), ("cd", ["actor", "trigger"]), ("ef", ["trigger"])]


def test_highlight_segments_ignore_bad_offsets() -> None:
    pieces = segments("abc", [(2, 1, "x"), (5, 9, "y"), ("a", 2, "z")])  # type: ignore[list-item]
    assert [(p["text"], p["labels"]) for p in pieces] == [("abc", [])]


@given(st.text(max_size=40), st.lists(st.tuples(st.integers(-5, 45), st.integers(-5, 45),
                                                st.sampled_from(["actor", "date"])), max_size=6))
def test_highlight_segments_rebuild_the_text(text: str, marks: list[tuple[int, int, str]]) -> None:
    pieces = segments(text, marks)
    assert "".join(p["text"] for p in pieces) == text
    for p in pieces:
        covering = {label for s, e, label in marks if s < e and s <= p["start"] and p["start"] + len(p["text"]) <= e}
        assert set(p["labels"]) == covering and p["text"]


def test_highlight_event_marks_rename_fields_and_skip_sentences() -> None:
    record = {"evidence": [{"start": 0, "end": 31, "field": "event_text"}, {"start": 19, "end": 26, "field": "event"},
                           {"start": 27, "end": 30, "field": "event_loc"}],
              "actor": [{"text": "l'armée", "start": 10, "end": 17}], "quantities": [{"text": "x"}]}
    assert event_marks(record) == [(10, 17, "actor"), (19, 26, "trigger"), (27, 30, "place")]


def test_highlight_passages_are_the_named_sentences() -> None:
    record = {"evidence": [{"start": 0, "end": 31, "field": "event_text"}, {"start": 19, "end": 26, "field": "event"}]}
    found = passages(TEXT, record)
    assert len(found) == 1 and (found[0]["start"], found[0]["end"]) == (0, 31)


def test_highlight_passages_widen_marks_to_their_sentence() -> None:
    t = TEXT.index("fui")
    found = passages(TEXT, {"evidence": [{"start": t, "end": t + 3, "field": "event"}]})
    assert len(found) == 1
    assert TEXT[found[0]["start"]:found[0]["end"]].strip() == "Des civils ont fui Gao le 4 mai."


def test_highlight_passages_fall_back_to_event_text() -> None:
    found = passages(TEXT, {"event_text": ["Rien d'autre."]})
    assert [TEXT[p["start"]:p["end"]] for p in found] == ["Rien d'autre."]
    assert passages(TEXT, {"event_text": ["absent"]}) == []
