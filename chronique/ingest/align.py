"""Map offsets of a cleaned text back to the raw text it was cleaned from.

The pipeline works on ``clean_text(raw)``; a caller that must report offsets
into the text it was given (the evaluation commands ``times`` and ``places``
read JSON lines and compare offsets with their own copy of the text) maps each
span back with :func:`align_offsets`.

Why a diff rather than offsets tracked inside ``clean_text``: tracking would
thread an offset list through every regular-expression rewrite and slow the
hot path, which runs on every article, while alignment is needed only by those
few callers. The diff stays exact and fast because it runs line by line.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from .clean import clean_lines

# Where clean_lines splits a raw text: every line-break flavour, with "\r\n"
# counted once even when invisible characters (removed first) sit between them.
_RAW_BREAK = re.compile("\r[\u00ad\u200b\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]*\n|[\n\r\x0b\x0c\x85\u2028\u2029]")

__all__ = ["align_offsets", "raw_span"]


def align_offsets(raw: str, cleaned: str) -> list[int]:
    """For each character of ``cleaned``, the offset in ``raw`` of the character it comes from.

    ``cleaned`` is ``clean_text(raw)``. Characters kept by clean-up map to where
    they were; a character replaced in place (a no-break space become a space)
    maps to the character it replaced; an inserted character (the space added
    in ``jeudi.Le``) maps to the raw position where it was inserted. The list
    never decreases; turn a span of ``cleaned`` into a span of ``raw`` with
    :func:`raw_span`.

    Lines are matched first (clean-up works line by line and only drops whole
    lines), then characters inside each pair of lines, so a deleted duplicate
    caption cannot pull the alignment of the rest of the text astray.

    >>> m = align_offsets("\\nRéunion jeudi.Le gouvernement", "Réunion jeudi. Le gouvernement")
    >>> m[0], m[13], m[14], m[15]
    (1, 14, 15, 15)
    """
    if raw == cleaned:
        return list(range(len(raw)))
    by_lines = _align_by_lines(raw, cleaned)
    return by_lines if by_lines is not None else _align_chars(raw, cleaned, 0)


def _align_by_lines(raw: str, cleaned: str) -> list[int] | None:
    """Line-then-character alignment; None if the lines do not pair up (then align whole texts)."""
    spans = _raw_line_spans(raw)
    per_line = clean_lines(raw)
    if len(spans) != len(per_line):
        return None
    mapping: list[int] = []
    k = 0
    for n, line in enumerate(cleaned.split("\n")):
        while k < len(per_line) and per_line[k] != line:
            k += 1
        if k == len(per_line):
            return None
        start, end = spans[k]
        if n:
            mapping.append(start - 1 if start else 0)  # the "\n" maps to the raw line break before the line
        mapping.extend(_align_chars(raw[start:end], line, start))
        k += 1
    return mapping


def _raw_line_spans(raw: str) -> list[tuple[int, int]]:
    """(start, end) of each line of ``raw``, split exactly where clean_lines splits."""
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in _RAW_BREAK.finditer(raw):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(raw)))
    return spans


def _align_chars(raw: str, cleaned: str, base: int) -> list[int]:
    """Character alignment of two short texts by difflib, offsets shifted by ``base``."""
    mapping: list[int] = []
    # autojunk off: with it, frequent characters (spaces, 'e') are ignored on long texts.
    matcher = SequenceMatcher(None, raw, cleaned, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            mapping.extend(range(base + i1, base + i1 + (j2 - j1)))
        elif op in ("insert", "replace"):
            mapping.extend([base + i1] * (j2 - j1))
        # "delete": raw characters with no counterpart, nothing to map
    return mapping


def raw_span(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """The span of the raw text that ``cleaned[start:end]`` comes from, given ``align_offsets``.

    >>> raw = "Réunion  jeudi.Le gouvernement"
    >>> offsets = align_offsets(raw, "Réunion jeudi. Le gouvernement")
    >>> s, e = raw_span(offsets, 8, 13)
    >>> raw[s:e]
    'jeudi'
    """
    if not offsets:
        return (0, 0)
    if start >= len(offsets):
        last = offsets[-1] + 1
        return (last, last)
    if end <= start:
        return (offsets[start], offsets[start])
    return (offsets[start], offsets[min(end, len(offsets)) - 1] + 1)
