"""Map offsets of a cleaned text back to the raw text it was cleaned from.

The pipeline works on ``clean_text(raw)``; a caller that must report offsets
into the text it was given (the evaluation commands ``times`` and ``places``
read JSON lines and compare offsets with their own copy of the text) maps each
span back with :func:`align_offsets`.

Why an alignment after the fact rather than offsets tracked inside
``clean_text``: tracking would thread an offset list through every
regular-expression rewrite and slow the hot path, which runs on every article,
while alignment is needed only by those few callers. Lines are paired first
(clean-up only drops whole lines), then one left-to-right walk pairs the
characters of each line; a generic diff (difflib) is the fallback only.
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

from .clean import clean_lines

_MAX_COMPOSED = 4  # raw characters NFC may fold into one (base letter and stacked marks, jamo)
# Where clean_lines splits a raw text: every line-break flavour, with "\r\n"
# counted once even when invisible characters (removed first) sit between them.
_RAW_BREAK = re.compile(
    "\r[\u00ad\u200b\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]*\n|[\n\r\x0b\x0c\x85\u2028\u2029]"
)

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
        mapping.extend(_align_line(raw[start:end], line, start))
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


def _align_line(raw: str, cleaned: str, base: int) -> list[int]:
    """Two-pointer alignment of one raw line with its cleaned form, offsets shifted by ``base``.

    Clean-up inside a line only drops characters (white space, invisible
    characters, a doubled comma), turns white space into one space, composes
    accents (NFC) and inserts single spaces, so one left-to-right walk is exact
    where a generic diff can pair the wrong characters (" a\\ta" / "a a").
    """
    mapping: list[int] = []
    i, n = 0, len(raw)
    for j, ch in enumerate(cleaned):
        while True:
            if i < n and raw[i] == ch:
                mapping.append(base + i)
                i += 1
                break
            if ch == " ":
                following = cleaned[j + 1] if j + 1 < len(cleaned) else None
                skip = None if following == raw[i : i + 1] else _punctuation_then_space(raw, i)
                if skip is not None:  # a dropped doubled mark before the space (",, ")
                    i = skip
                    continue
                # white space replaced (tab, no-break space) or a space inserted ("jeudi.Le")
                mapping.append(base + i)
                i += 1 if i < n and raw[i].isspace() else 0
                break
            if i < n and (
                raw[i].isspace() or not raw[i].isprintable() or unicodedata.category(raw[i]) == "Cf"
            ):
                i += 1  # white space collapsed or stripped, invisible character removed
                continue
            found = _find_ahead(raw, i, ch)
            if found is None:
                mapping.append(base + min(i, max(n - 1, 0)))  # unexplained: do not consume raw text
                break
            # after dropped punctuation (",," -> ","), maybe composed by NFC ("e" + U+0301 -> "é")
            k, width = found
            mapping.append(base + k)
            i = k + width
            break
    return mapping


def _find_ahead(raw: str, i: int, ch: str) -> tuple[int, int] | None:
    """(offset, width) of the raw characters giving ``ch`` past punctuation only, else None.

    ``width`` is more than 1 when NFC composed several raw characters into ``ch``.
    """
    for k in range(i, len(raw)):  # stops at the first letter or digit: those are never dropped
        if raw[k] == ch:
            return (k, 1)
        for width in range(1, _MAX_COMPOSED + 1):
            if unicodedata.normalize("NFC", raw[k : k + width]) == ch:
                return (k, width)
        if raw[k].isalnum():
            return None
    return None


def _punctuation_then_space(raw: str, i: int) -> int | None:
    """Offset of the white space after a short run of punctuation at ``raw[i:]``, else None."""
    k = i
    while k < len(raw) and not raw[k].isspace():
        if raw[k].isalnum():
            return None
        k += 1
    return k if k > i and k < len(raw) and raw[k].isspace() else None


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
