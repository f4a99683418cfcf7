"""Candidate temporal expressions: run every rule, check context, keep the best cover."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import Lexicon, Rule, norm_word

_PREV_WORD = re.compile(r"([\w'’-]+)[\s]*$")
_CLOSING = re.compile(r"\s*(?:[.,;:)/!?»\"”]|[-–]\d|$)")


@dataclass
class Match:
    """One rule match: span, rule and the named groups that matched (text, start)."""

    start: int
    end: int
    rule: Rule
    order: int
    groups: dict[str, str] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    range_next: bool = False  # this date opens a range the next match closes
    # filled by the coordination pass: fields borrowed from a following date
    borrowed: dict[str, int] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return self.rule.kind

    def get(self, name: str) -> str | None:
        """Text of a named group, or None when it did not take part in the match."""
        return self.groups.get(name)


def _prev_word(text: str, start: int) -> str:
    """The word just before ``start`` (normalised), '' at the start of the text."""
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    return norm_word(m.group(1)) if m else ""


def _year_in_context(text: str, m: Match, lex: Lexicon) -> bool:
    """A bare four-digit number is a year only after a temporal word or before punctuation.

    Why: '2000 personnes' or '1500 euros' are quantities; 'en 1995', 'depuis
    2011', '(1998)' or '2002/2003' are years.
    """
    if m.get("pos") or m.end - m.start > 4:
        return True
    before = text[max(0, m.start - 2):m.start]
    if before[-1:] in ("/", "(") or (before[-1:] in ("-", "–") and before[:1].isdigit()):
        return True  # "2002/2003", "(1998)", "1998-1999"
    word = _prev_word(text, m.start)
    if lex.lookup("year_prepositions", word):
        return True
    return bool(_CLOSING.match(text, m.end)) and not text[m.end:m.end + 1].isdigit()


def _is_age(text: str, m: Match, lex: Lexicon) -> bool:
    """'un chauffeur de 38 ans', 'Alain, 53 ans,' or 'a 38-year-old' state an age, not a duration."""
    age = lex.data.get("age") or {}
    unit = m.get("unit")
    if not unit or norm_word(unit) not in {norm_word(u) for u in age.get("units", [])}:
        return False
    if not m.get("num"):
        return False
    after = text[m.end:m.end + 6].lower()
    if any(re.match(rf"\s+{re.escape(a)}", after.replace("’", "'")) for a in age.get("unless_after", [])):
        return False  # "trois ans de tractations"
    if any(after.lstrip(" -").startswith(a) for a in age.get("after", []) if a):
        return True
    prefix = text[max(0, m.start - 30):m.start]
    flat = re.sub(r"\s+", " ", prefix.replace("’", "'")).lower()
    if any(flat.endswith((u + " ", u)) for u in age.get("unless_before", [])):
        return False
    if re.search(r",\s*$", prefix) and re.match(r"\s*,", text[m.end:]):
        return True  # apposition: "Florian, 26 ans, demeurant à ..."
    if re.search(r"\d\s*-\s*$", prefix):
        return True  # "les 6-16 ans"
    word = _prev_word(text, m.start)
    return word in {norm_word(b) for b in age.get("before", [])} or prefix.endswith(("d'", "d’"))


_MARGIN = 40  # characters around a trigger word that a rule may need ("environ vingt-quatre heures")
_BLANK = re.compile(r"\s")
_WORD = re.compile(r"\w+")


def _windows(text: str, lex: Lexicon) -> dict[str | None, list[tuple[int, int]]]:
    """Stretches of text around anchor words, per word list (None: any list), merged.

    Why: running ~35 rules over every position of a long article is what costs
    time; a rule only needs to look near the words it cannot match without
    (a month name for a date, a unit for a duration).
    """
    spans: dict[str | None, list[tuple[int, int]]] = {}
    digits = frozenset(["digits"])
    for t in _WORD.finditer(text):
        word = t.group().lower()
        # plural forms ("tous les jeudis", "on Mondays") anchor like their singular
        keys = digits if word[0].isdigit() else (lex.trigger.get(word) or lex.trigger.get(word[:-1]))
        if not keys:
            continue
        lo, hi = max(0, t.start() - _MARGIN), min(len(text), t.end() + _MARGIN)
        for key in (*keys, None):
            out = spans.setdefault(key, [])
            if out and lo <= out[-1][1]:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
    return {key: [_widen(text, lo, hi) for lo, hi in out] for key, out in spans.items()}


def _widen(text: str, lo: int, hi: int) -> tuple[int, int]:
    """A window moved out to the blanks around it, so no word is cut in two."""
    if lo:
        b = _BLANK.search(text, lo, hi)
        lo = b.start() if b else lo
    if hi < len(text):
        e = _BLANK.search(text, hi)
        hi = e.start() if e else len(text)
    return lo, hi


def find_matches(text: str, lex: Lexicon) -> list[Match]:
    """Non-overlapping rule matches over ``text``, longest first, sorted by position.

    Ties between equally long matches go to the rule listed first in the data file.
    """
    candidates: list[Match] = []
    windows = _windows(text, lex)
    for order, rule in enumerate(lex.rules):
        for rm in (x for lo, hi in windows.get(rule.needs, []) for x in rule.regex.finditer(text, lo, hi)):
            if rm.end() == rm.start():
                continue
            groups = {k: v for k, v in rm.groupdict().items() if v is not None}
            spans = {k: rm.span(k) for k in groups}
            m = Match(rm.start(), rm.end(), rule, order, groups, spans)
            if rule.year_context and not _year_in_context(text, m, lex):
                continue
            if rule.kind in ("duration", "offset") and _is_age(text, m, lex):
                continue
            candidates.append(m)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.order, m.start))
    taken: list[Match] = []
    occupied = bytearray(len(text) + 1)
    for m in candidates:
        if any(occupied[m.start:m.end]):
            continue
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
        taken.append(m)
    taken.sort(key=lambda m: m.start)
    return [part for m in taken for part in _split_day_pair(text, m)]


def _split_day_pair(text: str, m: Match) -> list[Match]:
    """'December 18-23' is two dates: the first day (opening a range) and the second."""
    if "day2" not in m.groups:
        return [m]
    d_end = m.spans["day"][1]
    d2_start = m.spans["day2"][0]
    first = Match(m.start, d_end, m.rule, m.order,
                  {k: v for k, v in m.groups.items() if k != "day2"}, dict(m.spans))
    second = Match(d2_start, m.end, m.rule, m.order,
                   {k: v for k, v in m.groups.items() if k not in ("day2", "weekday")}, dict(m.spans))
    second.groups["day"] = m.groups["day2"]
    first.range_next = bool(re.fullmatch(r"\s*(?:-|–|to|through|until|au)\s*", text[d_end:d2_start]))
    return [first, second]
