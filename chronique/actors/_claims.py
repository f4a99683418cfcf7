"""Claimants: who asserts what a sentence reports.

A sentence's claimants come from
- a source marker followed by an actor ("selon le ministère russe de la
  Défense", "according to the Syrian Observatory", "Toujours selon ...");
- a reporting verb whose subject is an actor, when the verb introduces what is
  reported: a clause follows ("Moscou a annoncé que", "officials said the ...")
  or the verb comes after the report, inverted or not ("..., rapporte le
  ministère russe", "..., a souligné de son côté le ministère français",
  "..., explique les Russes", "..., state media said");
- a credit in brackets closing the sentence ("(État-major des armées/Ministère
  français de la Défense)").
Sentences of a quotation that spans several sentences take the claimant named
where it closes ("« ... . ... », a déclaré le porte-parole"). A sentence without
its own claimant inherits the last one for up to
``CARRY`` sentences of the same report (a heading line ends the report): news
reports state the source once and go on ("Les avions militaires russes ont
effectué 302 sorties" after "a rapporté le ministère russe de la Défense").
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Actor
from ..nlp import doc_text
from ._mentions import Mention, MentionIndex, mention_actors, mention_index
from ._text import fold, words
from .lexicon import Lexicon

__all__ = ["CARRY", "find_claimants"]

CARRY = 3
_WINDOW = 40  # characters between an inverted reporting verb and its subject
_INTRO = {"que", "qu", "qu'", "qu’", "that", ":", "«", "\"", "“"}
_CREDIT = re.compile(r"\(([^()]{3,200})\)\s*(?:\n|$)")
_END = re.compile(r"[.!?»\"”:)]\s*$")


def _is_claim_actor(m: Mention) -> bool:
    """Claimants are organisations, states, people or groups with some identity."""
    c = m.coded
    return bool(m.refs) or c.country is not None or c.sector is not None or c.entry is not None \
        or c.kind in ("person", "organisation")


def _verb_claims(sent: Any, mentions: list[Mention], lexicon: Lexicon, text: str) -> list[Mention]:
    out: list[Mention] = []
    toks = list(sent)
    for k, t in enumerate(toks):
        if fold(t.lemma_) not in lexicon.reporting_verbs and fold(t.text) not in lexicon.reporting_verbs:
            continue
        if t.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in t.children if c.dep_.startswith("nsubj")]
        before = [x for x in toks[:k] if not (x.pos_ == "AUX" or x.dep_.startswith("aux") or x.pos_ == "ADV")]
        after_comma = bool(before) and before[-1].text in (",", "»", "\"", "”")
        intro = any(c.dep_ in ("ccomp", "parataxis") for c in t.children) or \
            (k + 1 < len(toks) and toks[k + 1].text.lower() in _INTRO)
        found = None
        for s in subjects:
            found = next((m for m in mentions if m.start <= s.idx < m.end), None)
            finite = "Fin" in t.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in t.children)
            if found is not None and not finite:
                found = None
            if found is not None:
                left = s.left_edge.i - sent.start
                subj_after_comma = left > 0 and toks[left - 1].text in (",", "»")
                if not (intro or after_comma or s.i > t.i or subj_after_comma):
                    found = None
                break
        if found is None and (after_comma or t.dep_ == "parataxis"):
            # Inverted subject the parser read as an object ("explique les Russes").
            end = t.idx + len(t.text)
            found = next((m for m in mentions if end <= m.start <= end + _WINDOW
                          and "," not in text[end:m.start] and "." not in text[end:m.start]), None)
        if found is not None and _is_claim_actor(found):
            out.append(found)
    return out


def _marker_claims(sent: Any, mentions: list[Mention], lexicon: Lexicon, text: str) -> list[Mention]:
    out = []
    ws = words(sent.text, sent.start_char)
    for k in range(len(ws)):
        n = lexicon.starts_with(ws, lexicon.source_markers, k)
        if not n:
            continue
        end = ws[k + n - 1].end
        m = next((m for m in mentions if m.start >= end), None)
        if m is not None and not re.search(r"\w", text[end:m.start]) and _is_claim_actor(m):
            out.append(m)
    return out


def _credit_claims(sent: Any, mentions: list[Mention], text: str) -> list[Mention]:
    """Actors credited in brackets at the end of a line: "(État-major des armées/Ministère ...)"."""
    out: list[Mention] = []
    for mo in _CREDIT.finditer(sent.text):
        a = sent.start_char + mo.start(1)
        b = sent.start_char + mo.end(1)
        inside = [m for m in mentions if a <= m.start and m.end <= b]
        rest = text[a:b]
        for m in inside:
            rest = rest.replace(m.text, "", 1)
        if inside and not re.sub(r"[\s/,;&]|\bet\b|\band\b", "", rest):
            out += inside
    return out


def _groups(doc: Any, text: str) -> list[list[tuple[int, Any]]]:
    """spaCy sentences joined into the sentences a reader sees.

    The parser splits on "1.093" or "état-major"; a piece that starts without a
    capital ("-major des armées", ", a rapporté le ministère") continues the one
    before, unless a line break separates them.
    """
    groups: list[list[tuple[int, Any]]] = []
    prev_end = None
    for si, sent in enumerate(doc.sents):
        stext = sent.text
        if not stext.strip():
            prev_end = None  # paragraph break
            continue
        first = stext.lstrip()[:1]
        gap = text[prev_end:sent.start_char] if prev_end is not None else "\n"
        continues = groups and "\n" not in gap and not (first.isupper() or first.isdigit() or first in "«\"“(")
        if continues:
            groups[-1].append((si, sent))
        else:
            groups.append([(si, sent)])
        prev_end = sent.end_char
    return groups


def _heading(text: str, group: list[tuple[int, Any]]) -> bool:
    """A short line of its own with no closing punctuation: a title or crosshead."""
    a, b = group[0][1].start_char, group[-1][1].end_char
    raw = text[a:b]
    a, b = a + len(raw) - len(raw.lstrip()), b - len(raw) + len(raw.rstrip())
    t = text[a:b]
    before = text[max(0, a - 1):a]
    after = text[b:b + 1]
    return bool(t) and not _END.search(t) and len(t.split()) <= 12 and before in ("", "\n") and after in ("", "\n")


def _new_voice(group: list[tuple[int, Any]], index: MentionIndex, last: list[Actor]) -> bool:
    """The sentence's subject is an actor of another country than the claimants':
    it reports something else, not the rest of their report."""
    countries = {a.country for a in last}
    for _, sent in group:
        for t in sent:
            if not t.dep_.startswith("nsubj"):
                continue
            m = index.covering(t.idx)
            if m is None:
                continue
            for a in mention_actors(m):
                if a.country and a.country not in countries:
                    return True
    return False


def find_claimants(doc: Any, mentions: list[Mention], lexicon: Lexicon) -> dict[int, list[Actor]]:
    """Sentence index -> claimant actors (own or carried from the report's earlier sentences)."""
    result: dict[int, list[Actor]] = {}
    last: list[Actor] = []
    age = 0
    quote_open: list[int] = []  # sentences inside a quotation not closed yet
    text = doc_text(doc)
    index = mention_index(doc, mentions)
    for group in _groups(doc, text):
        own: list[Mention] = []
        for _, sent in group:
            inside = index.starting_in(sent.start_char, sent.end_char)
            own += _marker_claims(sent, inside, lexicon, text) + _verb_claims(sent, inside, lexicon, text)
            own += _credit_claims(sent, inside, text)
        actors: list[Actor] = []
        seen: set[tuple[str | None, str | None]] = set()
        for m in own:
            for a in mention_actors(m):
                if (a.name, a.country) not in seen:
                    seen.add((a.name, a.country))
                    actors.append(a)
        if actors:
            chosen, last, age = actors, actors, 0
        elif _heading(text, group):
            chosen, last = [], []
        elif last and age < CARRY and not _new_voice(group, index, last):
            chosen = list(last)
            age += 1
        else:
            chosen = []
        if chosen:
            for si, _ in group:
                result[si] = list(chosen)
        # A quote opened in an earlier sentence and closed here: its source speaks for all of it.
        if actors and quote_open:
            for si in quote_open:
                result.setdefault(si, list(actors))
        a, b = group[0][1].start_char, group[-1][1].end_char
        depth = _quote_depth(text[a:b], bool(quote_open))
        quote_open = (quote_open + [si for si, _ in group]) if depth else []
    return result


def _quote_depth(text: str, inside: bool) -> bool:
    """Whether a quotation is still open at the end of ``text`` (given whether one was open before)."""
    opened = inside
    for ch in text:
        if ch == "«" or ch == "“":
            opened = True
        elif ch == "»" or ch == "”":
            opened = False
        elif ch == '"':
            opened = not opened
    return opened
