"""Per-language temporal lexicons: word lists and pattern rules read from data files.

Each language has one JSON file, ``chronique/data/time/<lang>.json``, holding
the words (months, weekdays, numbers, units, parts of day, seasons, relative
words...) and an ordered list of rules. A rule is a regular expression written
with placeholders such as ``{MONTH}`` or ``{NUM}`` that this module expands
from the word lists, plus the ``kind`` of expression it recognises; the
normaliser reads the named groups of each match. Conventions in rule patterns:
a literal space stands for one or more blanks, ``" ?"`` for optional blanks and
``'`` for either apostrophe (' or ’).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError

__all__ = ["DATA_DIR", "RULE_KINDS", "Lexicon", "Rule", "available_langs", "load_lexicon", "norm_word"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "time"

# Every kind of rule the normaliser knows how to value (see _resolve.py).
RULE_KINDS = frozenset({
    "date", "date_partial", "month", "year", "weekday", "night", "relday", "relpart", "time",
    "clock", "part", "part_adj", "unit_this", "unit_dir", "unit_text", "unit_pos",
    "offset", "ago", "shift", "duration", "unit_noun", "decade", "century",
    "season", "quarter", "set_unit", "set_weekday", "set_word", "ref",
})

# Word lists that become placeholders: placeholder -> key in the data file.
_WORD_PLACEHOLDERS = {
    "MONTH": "months", "WEEKDAY": "weekdays", "UNIT": "units", "CUNIT": "calendar_units",
    "VAGUE": "vague_quantities", "FRAC": "fractions", "PART": "parts_of_day",
    "PARTBARE": "bare_parts_of_day", "PARTADJ": "part_adjectives", "CLOCK": "clock_words",
    "SEASON": "seasons", "SEASONSAFE": "unambiguous_seasons", "RELDAY": "relative_days",
    "RELPART": "relative_parts", "DIR": "directions", "THIS": "this_words",
    "POS": "positions", "REF": "refs", "SETWORD": "set_words", "SHIFT": "shifts",
    "APPROX": "approximators", "DECADEWORD": "decade_words", "UNITNOUN": "unit_nouns",
    "ORDINAL": "ordinals", "REL": "relations", "NUMWORD": "number_words",
    "DAYWORD": "day_words",
}
_CASE_SENSITIVE_OK = {"months", "weekdays"}


@dataclass(frozen=True)
class Rule:
    """One compiled recognition rule."""

    name: str
    kind: str
    regex: re.Pattern[str]
    value: str | None = None  # fixed TIMEX3 value, for rules that need none computed
    year_context: bool = False  # a bare year must be introduced or closed by context
    needs: str | None = None  # word list (or "digits") one of whose words every match contains


@dataclass
class Lexicon:
    """Word lists and compiled rules of one language."""

    lang: str
    data: dict[str, Any]
    rules: list[Rule]
    future: re.Pattern[str] | None
    past: re.Pattern[str] | None
    trigger: dict[str, frozenset[str]]  # anchor word -> the word lists it belongs to
    links: dict[str, re.Pattern[str]]  # coordination / range patterns built from word lists
    tables: dict[str, dict[str, Any]]

    def lookup(self, table: str, word: str | None) -> Any:
        """Value of ``word`` in a word list, matching case and apostrophes loosely."""
        if word is None:
            return None
        return self.tables.get(table, {}).get(norm_word(word))


def norm_word(word: str) -> str:
    """Lower-case, straight apostrophes, single spaces: how word-list keys are compared."""
    return re.sub(r"\s+", " ", word.replace("’", "'").strip().lower())


def _tables(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every word list of a data file keyed by normalised words (lists map to True)."""
    out: dict[str, dict[str, Any]] = {}
    for key, entries in data.items():
        if key == "rules":
            continue
        if isinstance(entries, dict):
            out[key] = {norm_word(w): v for w, v in entries.items()}
        elif isinstance(entries, list) and all(isinstance(w, str) for w in entries):
            out[key] = {norm_word(w): True for w in entries}
    return out


def _alternation(words: list[str], case_sensitive: bool) -> str:
    """Regex alternation of words, longest first, blanks and apostrophes loosened."""
    parts = []
    for word in sorted(set(words), key=len, reverse=True):
        pat = re.escape(word).replace("\\ ", " ").replace(" ", r"\s+").replace("'", "['’]")
        parts.append(pat)
    body = "|".join(parts) if parts else "(?!x)x"
    return f"(?-i:{body})" if case_sensitive else f"(?:{body})"


def _expand(pattern: str, placeholders: dict[str, str]) -> str:
    """Expand ``{NAME}`` placeholders and the blank/apostrophe conventions of a rule."""
    # a literal "['’]" class in the data stays as written; other apostrophes are loosened
    out = pattern.replace("['’]", "\x00").replace(" ?", r"\s*").replace(" ", r"\s+")
    out = out.replace("'", "['’]").replace("\x00", "['’]")
    for name, alt in placeholders.items():
        out = out.replace("{" + name + "}", alt)
    missing = re.findall(r"\{([A-Z]+)\}", out)
    if missing:
        raise ModelError(f"time rule uses unknown placeholder(s) {missing}: {pattern!r}")
    return out


def _placeholders(data: dict[str, Any]) -> dict[str, str]:
    """Regex alternations for every word list of a language file."""
    sensitive = set(data.get("case_sensitive") or []) & _CASE_SENSITIVE_OK
    out = {}
    for name, key in _WORD_PLACEHOLDERS.items():
        entries = data.get(key) or {}
        words = list(entries) if isinstance(entries, (dict, list)) else []
        out[name] = _alternation(words, key in sensitive)
    suffix = data.get("day_suffix") or ""
    out["DAY"] = (f"(?:{out['DAYWORD']}|(?:3[01]|[12]\\d|0?[1-9])(?!\\d)"
                  f"(?:{suffix})?)" if suffix else f"(?:{out['DAYWORD']}|(?:3[01]|[12]\\d|0?[1-9])(?!\\d))")
    out["YEAR"] = r"(?:1[0-9]\d\d|20\d\d)(?![\d.,]\d)"
    out["YEAR2"] = r"['’]?\d\d(?![\w%])(?!\s*[\w%])"
    number = r"\d+(?:[.,]\d+)?"
    numword = out["NUMWORD"]
    out["NUM"] = f"(?:{number}|{numword}(?:(?:-| |-et-| et ){numword})*)".replace(" ", r"\s+")
    return out


def available_langs() -> list[str]:
    """Languages that have a time data file."""
    return sorted(p.stem for p in DATA_DIR.glob("*.json"))


@functools.cache
def load_lexicon(lang: str) -> Lexicon:
    """Read and compile the time lexicon of ``lang`` (once per process).

    Raises ModelError when the language has no data file or a rule is malformed.
    """
    path = DATA_DIR / f"{lang}.json"
    if not path.exists():
        raise ModelError(
            f"no time lexicon for language {lang!r} ({path} is missing); "
            f"available: {', '.join(available_langs())}")
    data = json.loads(path.read_text(encoding="utf-8"))
    ph = _placeholders(data)
    rules = []
    for i, spec in enumerate(data.get("rules") or []):
        kind = spec.get("kind")
        if kind not in RULE_KINDS:
            raise ModelError(f"{path}: rule {i} has unknown kind {kind!r}")
        body = _expand(spec["pattern"], ph)
        try:
            regex = re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE | re.MULTILINE)
        except re.error as exc:
            raise ModelError(f"{path}: rule {i} ({spec.get('name')}) does not compile: {exc}") from exc
        needs = spec.get("needs")
        if needs is not None and needs not in _TRIGGER_LISTS and needs != "digits":
            raise ModelError(f"{path}: rule {i} needs {needs!r}, not a trigger word list")
        rules.append(Rule(spec.get("name") or f"{kind}{i}", kind, regex,
                          spec.get("value"), bool(spec.get("year_context")), needs))
    return Lexicon(lang, data, rules, _markers(data, "future_markers", ph),
                   _markers(data, "past_markers", ph), _trigger(data), _links(data), _tables(data))


def _words_re(words: list[str]) -> str:
    """Alternation of literal words or signs; word-like ones get word boundaries."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        pat = re.escape(w).replace("\\ ", " ").replace(" ", r"\s+").replace("'", "['’]")
        parts.append(rf"\b{pat}\b" if w[:1].isalnum() else pat)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


def _links(data: dict[str, Any]) -> dict[str, re.Pattern[str]]:
    """Patterns for what may stand between coordinated dates and around ranges.

    ``coordination``: the whole gap between two dates sharing a year or month
    ("le 19 novembre et le 2 décembre 2015"); ``range_open``: the words just
    before a range ("du", "between"); ``range_link``: the gap inside it ("au").
    """
    links = _words_re(data.get("coordination_links") or [])
    dets = _words_re(data.get("coordination_determiners") or [])
    return {
        "coordination": re.compile(rf"\s*{links}?\s*{dets}?\s*", re.IGNORECASE),
        "range_open": re.compile(rf"{_words_re(data.get('range_openers') or [])}\s*$", re.IGNORECASE),
        "range_link": re.compile(rf"\s*{_words_re(data.get('range_links') or [])}\s*", re.IGNORECASE),
    }


# Word lists whose words every temporal expression contains at least one of
# (with digits): the recogniser only runs its rules near them, for speed.
_TRIGGER_LISTS = ("months", "weekdays", "units", "calendar_units", "unit_nouns", "parts_of_day",
                  "part_adjectives", "clock_words", "seasons", "relative_days", "relative_parts",
                  "refs", "set_words", "shifts", "positions", "day_words")


def _trigger(data: dict[str, Any]) -> dict[str, frozenset[str]]:
    """Words that can anchor a temporal expression (the longest word of each entry),
    each with the word lists it comes from."""
    words: dict[str, set[str]] = {}
    for key in _TRIGGER_LISTS:
        for entry in data.get(key) or []:
            parts = re.findall(r"\w+", norm_word(entry))
            if parts:
                words.setdefault(max(parts, key=len), set()).add(key)
    return {w: frozenset(keys) for w, keys in words.items()}


def _markers(data: dict[str, Any], key: str, ph: dict[str, str]) -> re.Pattern[str] | None:
    """One regex for a list of tense markers ('future_markers', 'past_markers'), if any."""
    if not data.get(key):
        return None
    return re.compile("|".join(f"(?:{_expand(p, ph)})" for p in data[key]), re.IGNORECASE)
