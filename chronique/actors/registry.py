"""The actor registry: states, armed groups, organisations and people, as data.

The entries live in ``chronique/data/actors/*.json`` (built by
``chronique/data/actors/build_registry.py`` from the hand-written sources in
``src/`` and from pycountry). :func:`get_registry` loads them once per process.

Matching (:meth:`Registry.find`) is accent- and case-insensitive, longest match
first, with two guards that keep common words from being read as actors:
acronyms written in capitals in the registry ("US", "EI", "UN", "AP") only match
words written in capitals, and one-word proper names ("Amnesty", "Sharon") only
match a capitalised word.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ModelError
from ._text import Word, key, words

__all__ = ["DATA_DIR", "REGISTRY_FILES", "Entry", "Match", "Registry", "get_registry"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "actors"
REGISTRY_FILES = ("states.json", "groups.json", "organisations.json", "people.json")
MAX_ALIAS_WORDS = 12


@dataclass(frozen=True)
class Entry:
    """One registry actor."""

    id: str
    name: str
    kind: str  # state | group | igo | ngo | media | body | person
    country: str | None
    sector: str | None
    wikidata: str | None = None
    role: str | None = None
    years: str | None = None
    demonym: str | None = None  # English plural demonym of a state ("Russians")


@dataclass(frozen=True)
class Match:
    """A registry alias found in a word list: ``words[i:j]``."""

    entry: Entry
    i: int
    j: int
    how: str  # name | adjective | capital | alias


@dataclass
class _Alias:
    entry: Entry
    how: str
    upper: bool  # must be written in capitals
    capital: bool  # first word must be capitalised


@dataclass
class Registry:
    """Alias index over every registry entry."""

    entries: dict[str, Entry] = field(default_factory=dict)
    index: dict[tuple[str, ...], list[_Alias]] = field(default_factory=dict)
    states: dict[str, Entry] = field(default_factory=dict)
    first: dict[str, int] = field(default_factory=dict)  # first word of an alias -> longest alias length

    def add_alias(self, alias: str, entry: Entry, how: str) -> None:
        """Index one alias of ``entry`` (first entry wins on equal keys and kinds)."""
        ws = words(alias)
        if not ws:
            return
        letters = "".join(w.orig for w in ws)
        upper = letters.isupper() and len(letters) <= 5
        capital = len(ws) == 1 and ws[0].capital and not upper
        k = tuple(w.norm for w in ws)
        self.first[k[0]] = max(self.first.get(k[0], 0), len(k))
        bucket = self.index.setdefault(k, [])
        if any(a.entry.id == entry.id and a.how == how and (a.upper, a.capital) == (upper, capital) for a in bucket):
            return
        bucket.append(_Alias(entry, how, upper, capital))

    def find(self, ws: Sequence[Word], lang: str | None = None) -> list[Match]:
        """Non-overlapping registry matches in ``ws``, longest first, left to right."""
        out: list[Match] = []
        i = 0
        n = len(ws)
        while i < n:
            hit = None
            longest = self.first.get(ws[i].norm, 0)  # most words open no alias: skip them fast
            for j in range(min(n, i + longest), i, -1):
                bucket = self.index.get(tuple(w.norm for w in ws[i:j]))
                if not bucket:
                    continue
                for a in bucket:
                    if a.upper and not all(w.upper for w in ws[i:j] if w.orig.isalpha()):
                        continue
                    if a.capital and not ws[i].capital:
                        continue
                    if a.how.endswith(":" + _other(lang)):
                        continue
                    hit = Match(a.entry, i, j, a.how.split(":")[0])
                    break
                if hit:
                    break
            if hit:
                out.append(hit)
                i = hit.j
            else:
                i += 1
        return out

    def lookup(self, text: str) -> Entry | None:
        """The entry whose alias is exactly ``text`` (any case, any accents)."""
        bucket = self.index.get(key(text))
        return bucket[0].entry if bucket else None


def _other(lang: str | None) -> str:
    """Language whose adjectives must not match in a ``lang`` text."""
    return {"fr": "en", "en": "fr"}.get(lang or "", "none")


def _load(path: Path) -> list[dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"[E101] cannot read actor registry file {path}: {exc}; rebuild it with "
            "`python chronique/data/actors/build_registry.py`"
        ) from exc


@functools.cache
def get_registry(data_dir: str | None = None) -> Registry:
    """Load (once per process) the registry from ``data_dir`` (default: packaged data)."""
    base = Path(data_dir) if data_dir else DATA_DIR
    reg = Registry()
    # People and organisations first: on equal keys they win over state words.
    for fname in ("people.json", "groups.json", "organisations.json"):
        for d in _load(base / fname):
            e = Entry(d["id"], d["name"], d["kind"], d.get("country"), d.get("sector"),
                      d.get("wikidata"), d.get("role"), d.get("years"))
            reg.entries[e.id] = e
            for alias in d["aliases"]:
                reg.add_alias(alias, e, "alias")
    for d in _load(base / "states.json"):
        en_adj = d["adjectives"]["en"]
        plural = next((a for a in en_adj if a.endswith("s") and not a.endswith("ss")), None)
        e = Entry(d["id"], d["name"], "state", d["country"], None, d.get("wikidata"),
                  demonym=plural or (en_adj[0] if en_adj else None))
        reg.entries[e.id] = e
        reg.states[d["country"]] = e
        for lang in ("fr", "en"):
            for alias in d["names"][lang]:
                reg.add_alias(alias, e, "name")
            for alias in d["capitals"][lang]:
                reg.add_alias(alias, e, "capital")
            for alias in d["adjectives"][lang]:
                reg.add_alias(alias, e, f"adjective:{lang}")
    return reg
