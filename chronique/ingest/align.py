"""Map offsets of a cleaned text back to the raw text it was cleaned from.

The pipeline works on ``clean_text(raw)``; a caller that must report offsets
into the text it was given (the evaluation commands ``times`` and ``places``
read JSON lines and compare offsets with their own copy of the text) maps each
span back with :func:`align_offsets`.

Why a diff rather than offsets tracked inside ``clean_text``: tracking would
thread an offset list through every regular-expression rewrite and double the
cost of the hot path, which runs on every article, while alignment is needed
only by those few callers.
"""

from __future__ import annotations

from difflib import SequenceMatcher

__all__ = ["align_offsets", "raw_span"]


def align_offsets(raw: str, cleaned: str) -> list[int]:
    """For each character of ``cleaned``, the offset in ``raw`` of the character it comes from.

    Characters kept by clean-up map to where they were; a character replaced in
    place (a no-break space become a space) maps to the character it replaced;
    an inserted character (the space added in ``jeudi.Le``) maps to the raw
    position where it was inserted. The list never decreases; turn a span of
    ``cleaned`` into a span of ``raw`` with :func:`raw_span`.

    >>> m = align_offsets("\\nRéunion jeudi.Le gouvernement", "Réunion jeudi. Le gouvernement")
    >>> m[0], m[13], m[14], m[15]
    (1, 14, 15, 15)
    """
    if raw == cleaned:
        return list(range(len(raw)))
    mapping: list[int] = []
    # autojunk off: with it, frequent characters (spaces, 'e') are ignored on long texts.
    matcher = SequenceMatcher(None, raw, cleaned, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            mapping.extend(range(i1, i1 + (j2 - j1)))
        elif op in ("insert", "replace"):
            mapping.extend([i1] * (j2 - j1))
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
