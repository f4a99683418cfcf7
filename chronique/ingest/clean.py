"""Clean-up of scraping artefacts, before any parsing.

The cleaned text is what chronique stores and what every offset refers to, so
:func:`clean_text` is deterministic and idempotent
(``clean_text(clean_text(x)) == clean_text(x)``, checked by a property test).

What it does, in this order (the order matters for idempotence: in-line fixes
come before line-level decisions, so two lines that only differ by a glued
sentence end are recognised as duplicates in the same pass):

1. invisible characters (soft hyphen, zero-width space, BOM, control characters)
   removed, then Unicode NFC; every line-break flavour becomes ``\\n``;
2. inside each line, every run of horizontal white space (tabs, no-break and
   narrow no-break spaces included) becomes one ASCII space, and the line is
   stripped;
3. doubled punctuation collapsed (``,,`` -> ``,``, ``..`` -> ``.``) while ``...``,
   ``?!`` and ``!!`` are kept;
4. sentences glued by scrapers that dropped paragraph breaks are separated
   (``jeudi.Le`` -> ``jeudi. Le``, ``syndicat."Le`` -> ``syndicat. "Le``) without
   touching numbers (``1.093``), initials (``J.-Y.``), model names (``Su-24``),
   URLs, e-mail addresses, or the exceptions listed in the data files;
5. boilerplate lines ("Temps de lecture estimé : 3 minutes", "Reading time:
   3 min", ... from ``chronique/data/ingest/<lang>.json``) removed;
6. a line repeated later in the text (a photo caption scraped three times) is
   kept once, at its first occurrence;
7. at most one blank line between paragraphs, no leading or trailing blank.

Typographic apostrophes and quotes are kept as they are (``’`` is not turned into
``'``): the spaCy models of both languages tokenise either, and keeping the
author's characters keeps the stored text faithful to the source.
"""

from __future__ import annotations

import re
import unicodedata

from ._resources import boilerplate_pattern, glued_exceptions

__all__ = ["MIN_DUPLICATE_LINE", "clean_text"]

# Lines shorter than this are never dropped as duplicates: short lines ("Photo",
# "* * *", a one-word heading) repeat legitimately, long ones (captions) do not.
MIN_DUPLICATE_LINE = 20

_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff\x00-\x08\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
_MULTI_BLANK = re.compile(r"\n{3,}")

# Patterns start with a literal or a character set (no look-behind) so that the
# regex engine can skip ahead: clean-up must take milliseconds per article.
_DOUBLE_COMMA = re.compile(r",{2,}")
_DOUBLE_SEMICOLON = re.compile(r";{2,}")
# Exactly two periods: three or more are an ellipsis and stay.
_DOUBLE_PERIOD = re.compile(r"(?<!\.)\.\.(?!\.)")

# Sentence-final punctuation (optionally closed by a quote or parenthesis)
# directly followed by a letter: a candidate glued sentence end.
_GLUED_END = re.compile(r"(?P<end>[.!?…]+)(?P<close>[”»)]?)(?=[^\W\d_])")
# Straight double quote directly followed by a letter; the callback checks the left side.
_GLUED_QUOTE = re.compile(r'"(?=[^\W\d_])')
_GLUED_DOUBLE_QUOTE = re.compile(r'""(?=[^\W\d_])')
# Sentence end glued to a list bullet ("médecine.- Le ...", "municipales.• Le ...").
_GLUED_BULLET = re.compile(r"[.!?…](?=[-•–—]\s)")
# Sentence end glued to an opening parenthesis before a capital (photo credits).
_GLUED_PAREN = re.compile(r"[.!?…]\((?=[^\W\d_])")
_QUOTE_LEFT_NOT = frozenset(" \"([{«“'’")  # after these a quote is already separated or nested

_APOSTROPHES = "'’"
_CLOSERS_BEFORE_PERIOD = '")”»%]'
_URLISH = re.compile(r"://|^www\.|@|\.(?:com|org|net|fr|gov|edu|html?|php)\b", re.IGNORECASE)


def _token_around(line: str, start: int, end: int) -> str:
    """The white-space-delimited token that contains ``line[start:end]``."""
    left = line.rfind(" ", 0, start) + 1
    right = line.find(" ", end)
    return line[left:] if right < 0 else line[left:right]


def _starts_sentence(line: str, pos: int) -> bool:
    """Whether ``line[pos:]`` looks like the first word of a sentence.

    A capital followed by lower case, an apostrophe, a space, or a period and a
    space ("M. Dupont": the French "Monsieur").
    """
    first = line[pos]
    if not first.isupper():
        return False
    if pos + 1 >= len(line):
        return True
    second = line[pos + 1]
    if second == ".":
        return line[pos + 2 : pos + 3] == " "
    return second.islower() or second in _APOSTROPHES or second == " "


def _ends_acronym(line: str, pos: int) -> bool:
    """Whether ``line[:pos]`` ends with an acronym of 2+ capitals ("l'AFP", "LREM-LR"), not "U.S"."""
    start = pos
    while start > 0 and line[start - 1].isalpha():
        start -= 1
    word = line[start:pos]
    before = line[start - 1] if start > 0 else " "
    return len(word) >= 2 and word.isupper() and before != "."


def _fix_glued_ends(line: str) -> str:
    """Insert the space missing after a sentence end glued to the next sentence."""

    def repl(m: re.Match[str]) -> str:
        end, close = m.group("end"), m.group("close")
        nxt = m.end()
        prev = line[m.start() - 1] if m.start() > 0 else " "
        # After 'euros".' or '(LR).' the sentence has clearly ended, so the next one
        # may open with an acronym or a heading in capitals ('".LR fustige', '".Q: ').
        closed = prev in _CLOSERS_BEFORE_PERIOD and end == "." and line[nxt].isupper()
        if not closed and not _starts_sentence(line, nxt):
            return m.group(0)
        only_periods = set(end) <= {"."} and end != "..."
        if only_periods:
            # A single period needs a sentence-like left side: "jeudi.", "2008.",
            # "(OCLCIFF).", 'euros".', "l'AFP."; single capitals are initials
            # ("J.Y.", "U.S.Army") and stay.
            sentence_like = prev.islower() or prev.isdigit() or prev in _CLOSERS_BEFORE_PERIOD
            if not sentence_like and not _ends_acronym(line, m.start()):
                return m.group(0)
            token = _token_around(line, m.start(), nxt)
            if _URLISH.search(token) or any(exc in token for exc in glued_exceptions()):
                return m.group(0)
        elif prev == " " and end in {"...", "…"}:
            return m.group(0)  # "( ...Le" is an elision mark, not a sentence end
        return f"{end}{close} "

    return _GLUED_END.sub(repl, line)


def _fix_glued_quotes(line: str) -> str:
    """Separate a straight quote glued on both sides, on the side parity says it opens or closes."""
    if '""' in line:
        line = _GLUED_DOUBLE_QUOTE.sub(
            lambda m: (
                '" "'
                if m.start() > 0 and not line[m.start() - 1].isspace() and line[m.end()].isupper()
                else m.group(0)
            ),
            line,
        )

    def repl(m: re.Match[str]) -> str:
        start = m.start()
        if start == 0 or line[start - 1] in _QUOTE_LEFT_NOT or not line[m.end()].isupper():
            return m.group(0)
        opening = line.count('"', 0, start) % 2 == 0
        return ' "' if opening else '" '

    return _GLUED_QUOTE.sub(repl, line)


def _fix_glued_bullets(line: str) -> str:
    """Insert a space between a sentence end and a glued list bullet ("médecine.- Le")."""
    return _GLUED_BULLET.sub(
        lambda m: m.group(0) + " " if m.start() > 0 and line[m.start() - 1].isalnum() else m.group(0), line
    )


def _fix_glued_parens(line: str) -> str:
    """Insert a space between a sentence end and a glued parenthesis before a capital (credits)."""

    def repl(m: re.Match[str]) -> str:
        start = m.start()
        if start > 0 and line[start - 1].isalpha() and line[m.end()].isupper():
            return m.group(0)[0] + " ("
        return m.group(0)

    return _GLUED_PAREN.sub(repl, line)


def _fix_line_once(line: str) -> str:
    """One pass of every in-line fix over one line (already white-space normalised)."""
    if ",," in line:
        line = _DOUBLE_COMMA.sub(",", line)
    if ";;" in line:
        line = _DOUBLE_SEMICOLON.sub(";", line)
    if ".." in line:
        line = _DOUBLE_PERIOD.sub(".", line)
    if '"' in line:
        line = _fix_glued_quotes(line)
    line = _fix_glued_ends(line)
    line = _fix_glued_bullets(line)
    if "(" in line:
        line = _fix_glued_parens(line)
    return line


def _fix_line(line: str) -> str:
    """All in-line fixes, repeated until nothing changes.

    A space inserted by one fix can make a neighbour qualify for another
    ("!L!L": the second split makes the first "L" a word); repeating to a
    fixed point is what makes clean_text idempotent. Fixes only insert single
    spaces or drop characters, so the loop ends; the bound is a safety net.
    """
    for _ in range(8):
        fixed = _fix_line_once(line)
        if fixed == line:
            break
        line = fixed
    return line


def clean_text(text: str) -> str:
    """Remove scraping artefacts from ``text``; deterministic and idempotent.

    See the module docstring for the list of fixes. Paragraph breaks are kept
    (``\\n`` inside a paragraph, a blank line between paragraphs, at most one).

    >>> clean_text("Réunion jeudi.Le gouvernement a cédé,, dit-il.")
    'Réunion jeudi. Le gouvernement a cédé, dit-il.'
    """
    boilerplate = boilerplate_pattern()
    seen: set[str] = set()
    kept: list[str] = []
    for line in clean_lines(text):
        if line and boilerplate.fullmatch(line):
            continue
        if len(line) >= MIN_DUPLICATE_LINE:
            if line in seen:
                continue
            seen.add(line)
        kept.append(line)
    return _MULTI_BLANK.sub("\n\n", "\n".join(kept)).strip()


def clean_lines(text: str) -> list[str]:
    """Steps 1-4 of clean_text: every line of ``text`` cleaned in place, none dropped yet.

    Line ``k`` of the result comes from line ``k`` of ``text`` split at every
    line-break flavour (what :mod:`chronique.ingest.align` relies on).
    """
    text = _INVISIBLE.sub("", text)
    if not text.isascii() or any(ch in text for ch in "\r\x0b\x0c"):
        text = _LINE_BREAKS.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    return [_fix_line(" ".join(raw.split())) for raw in text.split("\n")]
