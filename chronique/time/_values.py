"""TIMEX3 values that need no anchoring: durations, sets, decades, centuries, refs.

``ValueMixin`` holds the handlers of these rule kinds and the number and
duration arithmetic they share; ``Resolver`` (``_resolve.py``) adds the ones
that depend on the publication date or on the text read so far.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from text_to_num import text2num  # type: ignore[import-untyped]

from ._match import Match
from .lexicon import Lexicon, norm_word

# Duration unit codes: fraction conversions (why: TIMEX3 values prefer whole numbers,
# "un quart de siècle" is P25Y) and how each unit is written.
_SMALLER = {"CE": ("Y", 100), "DE": ("Y", 10), "Y": ("M", 12), "W": ("D", 7), "D": ("H", 24), "H": ("TM", 60)}
TIME_UNITS = {"S": "S", "TM": "M", "H": "H"}


@dataclass
class Out:
    """What a handler found: TIMEX3 type and value, interval, anchor, and the day it names."""

    type: str
    value: str
    begin: dt.date | None = None
    finish: dt.date | None = None
    precision: str | None = None
    anchor: str | None = None
    day: dt.date | None = None  # a specific day, usable as the reference of later expressions


def _fmt_num(x: float) -> str:
    """A number as TIMEX3 writes it: 3, 30.4."""
    return str(int(x)) if float(x).is_integer() else f"{x:.3f}".rstrip("0").rstrip(".")


def _roman(s: str) -> int | None:
    """Value of a Roman numeral (XIX -> 19), None if it is not one."""
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = vals.get(ch)
        if v is None:
            return None
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


class ValueMixin:
    """Handlers of the rule kinds valued from the match alone."""

    lex: Lexicon

    def number(self, s: str | None) -> float | None:
        """Value of a written number: '30,4', 'dix-huit', 'a'."""
        if not s:
            return None
        s = s.strip()
        if re.fullmatch(r"\d+(?:[.,]\d+)?", s):
            return float(s.replace(",", "."))
        known = self.lex.lookup("number_words", s)
        if known is not None:
            return float(known)
        try:
            return float(text2num(norm_word(s), self.lex.lang))
        except (ValueError, TypeError):
            return None

    def amount(self, m: Match) -> tuple[str | None, str | None]:
        """Amount and unit code of a duration-like match ('X' for vague amounts)."""
        raw = self.lex.lookup("units", m.get("unit"))
        if raw is None:
            return None, None
        mult_s, code = re.fullmatch(r"(\d*)([A-Z]+)", raw).groups()  # type: ignore[union-attr]
        mult = float(mult_s or 1)
        if m.get("vague"):
            return "X", code
        if m.get("frac"):
            n = float(self.lex.lookup("fractions", m.get("frac")) or 0)
        elif not m.get("num"):
            n = 1.0  # "the past week"
        else:
            num = self.number(m.get("num"))
            if num is None:
                return None, None
            n = num
        if m.get("half"):
            n += 0.5
        n *= mult
        while not float(n).is_integer() and code in _SMALLER:
            code, factor = _SMALLER[code]
            n *= factor
        return _fmt_num(n), code

    def do_duration(self, m: Match) -> Out | None:
        amount, code = self.amount(m)
        if amount is None or code is None:
            return None
        if code in TIME_UNITS:
            return Out("DURATION", f"PT{amount}{TIME_UNITS[code]}")
        return Out("DURATION", f"P{amount}{code}")

    def do_unit_noun(self, m: Match) -> Out | None:
        return Out("DURATION", str(self.lex.lookup("unit_nouns", m.get("unitnoun"))))

    def do_decade(self, m: Match) -> Out | None:
        raw = m.get("decade") or ""
        if raw.isdigit():
            # two-digit decades are read in the 20th century, except "les années 00"
            start = int(raw) if len(raw) == 4 else (2000 if raw == "00" else 1900 + int(raw))
        else:
            word = self.lex.lookup("decade_words", raw)
            if word is None:
                return None
            start = 1900 + 10 * int(word)
        start = start // 10 * 10
        return Out("DATE", str(start // 10), dt.date(start, 1, 1), dt.date(start + 9, 12, 31), "decade")

    def do_century(self, m: Match) -> Out | None:
        raw = m.get("century") or ""
        n = int(raw) if raw.isdigit() else _roman(raw)
        if not n or n > 21:
            return None
        c0 = (n - 1) * 100
        return Out("DATE", f"{n - 1:02d}", dt.date(max(c0, 1), 1, 1), dt.date(c0 + 99, 12, 31), "century")

    def do_part_adj(self, m: Match) -> Out | None:
        return Out("TIME", str(self.lex.lookup("part_adjectives", m.get("partadj"))))

    def do_set_unit(self, m: Match) -> Out | None:
        if not m.get("num"):
            m.groups["num"] = "1"
        amount, code = self.amount(m)
        if amount is None or code is None:
            return None
        if code in TIME_UNITS:
            return Out("SET", f"PT{amount}{TIME_UNITS[code]}")
        return Out("SET", f"P{amount}{code}")

    def do_set_weekday(self, m: Match) -> Out | None:
        day = self.lex.lookup("weekdays", m.get("weekday") or m.get("weekday2"))
        return Out("SET", f"XXXX-WXX-{day}")

    def do_set_word(self, m: Match) -> Out | None:
        return Out("SET", str(self.lex.lookup("set_words", m.get("setword"))))

    def do_ref(self, m: Match) -> Out | None:
        value = m.rule.value or self.lex.lookup("refs", m.get("ref"))
        return Out("TIME", str(value)) if value else None
