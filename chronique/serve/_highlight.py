"""Cut an article's text into labelled segments for highlighting (displaCy-like).

Nothing here writes HTML: segments are plain data that the templates render
with autoescaping on, so article text (untrusted) is never trusted markup.
Overlapping spans are allowed: the text is split at every span boundary and
each piece carries the labels of all spans covering it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

__all__ = ["Mark", "event_marks", "passages", "segments"]

Mark = tuple[int, int, str]  # start, end, label

# Evidence field names -> the label shown (one label per kind of thing, whatever field it fills).
_LABELS = {"event": "trigger", "event_loc": "place", "places": "place", "quantities": "quantity",
           "dead": "quantity", "injured": "quantity", "size": "quantity"}
# The evidence field that marks a whole sentence reporting the event: a passage, not a highlight.
_SENTENCE_FIELD = "event_text"

# Sentence ends used to widen an evidence span to readable context.
_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
_MAX_CONTEXT = 400  # characters of context either side, at most, when no sentence end is found


def segments(text: str, marks: Iterable[Mark], start: int = 0, end: int | None = None) -> list[dict[str, Any]]:
    """``text[start:end]`` as ``[{"text", "start", "labels": [..]}]`` pieces, split at mark boundaries.

    Marks outside the window or with bad offsets are ignored; pieces without a
    label have ``labels == []``.
    """
    end = len(text) if end is None else min(end, len(text))
    good = [(max(s, start), min(e, end), label) for s, e, label in marks
            if isinstance(s, int) and isinstance(e, int) and s < e and e > start and s < end]
    cuts = sorted({start, end, *(s for s, _, _ in good), *(e for _, e, _ in good)})
    pieces = []
    for a, b in pairwise(cuts):
        labels = sorted({label for s, e, label in good if s <= a and b <= e})
        pieces.append({"text": text[a:b], "start": a, "labels": labels})
    return pieces


def event_marks(record: dict[str, Any]) -> list[Mark]:
    """Every span an event record points to: its evidence and the offsets of its parties and quantities."""
    marks: list[Mark] = []
    for e in record.get("evidence") or []:
        label = str(e.get("field") or "event")
        if label != _SENTENCE_FIELD and isinstance(e.get("start"), int) and isinstance(e.get("end"), int):
            marks.append((e["start"], e["end"], _LABELS.get(label, label)))
    for role in ("actor", "recipient", "claimant", "quantities"):
        for item in record.get(role) or []:
            s, e = item.get("start"), item.get("end")
            if isinstance(s, int) and isinstance(e, int):
                marks.append((s, e, "quantity" if role == "quantities" else role))
    loc = record.get("event_loc") or {}
    if isinstance(loc.get("start"), int) and isinstance(loc.get("end"), int):
        marks.append((loc["start"], loc["end"], "place"))
    return sorted(set(marks))


def _sentence_window(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` to the sentence(s) around it."""
    lo = max(0, start - _MAX_CONTEXT)
    before = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    a = before[-1] if before else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + _MAX_CONTEXT))
    b = after.start() + 1 if after else min(len(text), end + _MAX_CONTEXT)
    return a, max(b, end)


def passages(text: str, record: dict[str, Any]) -> list[dict[str, Any]]:
    """The passages of ``text`` that report an event, with the event's spans marked.

    A passage is a sentence the evidence names (field ``event_text``), else the
    sentence around each marked span, else the event's sentences
    (``event_text``) found in the text; overlapping passages are joined.
    Each item: ``{"start", "end", "segments"}``.
    """
    marks = [m for m in event_marks(record) if 0 <= m[0] < m[1] <= len(text)]
    windows = [(e["start"], e["end"]) for e in record.get("evidence") or []
               if e.get("field") == _SENTENCE_FIELD and isinstance(e.get("start"), int)
               and isinstance(e.get("end"), int) and 0 <= e["start"] < e["end"] <= len(text)]
    # marks outside every named sentence still deserve to be seen, with their own sentence
    windows += [_sentence_window(text, s, e) for s, e, _ in marks
                if not any(a <= s and e <= b for a, b in windows)]
    if not windows:
        for sentence in record.get("event_text") or []:
            at = text.find(sentence) if sentence else -1
            if at >= 0:
                windows.append((at, at + len(sentence)))
    windows.sort()
    joined: list[list[int]] = []
    for a, b in windows:
        if joined and a <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], b)
        else:
            joined.append([a, b])
    return [{"start": a, "end": b, "segments": segments(text, marks, a, b)} for a, b in joined]
