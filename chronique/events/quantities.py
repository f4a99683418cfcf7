"""Numbers in event sentences: counts of targets, sorties, vehicles, dead, injured, crowds.

French formats ("1.093", "1 093", "30,4"), number words (via text2num), and vague
amounts ("plus d'un millier", "des dizaines", "dozens"). Vague fatality words follow
ACLED's codebook convention, kept in the lexicons: several/many -> 10, dozens -> 12,
hundreds -> 100, thousands -> 1000.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..model import Quantity
from ..nlp import doc_text
from .arguments import clause_head
from .lexicon import Lexicon, fold

__all__ = ["find_quantities", "magnitudes", "parse_number"]

_THOUSANDS = re.compile(r"^\d{1,3}([.\u202f\u00a0 ]\d{3})+$")
_DECIMAL_COMMA = re.compile(r"^\d+,\d+$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")


def parse_number(text: str, lang: str) -> float | int | None:
    """Value of a numeral written in digits or words, else None."""
    t = text.strip()
    if _THOUSANDS.match(t) and (lang == "fr" or "." not in t):
        return int(re.sub(r"\D", "", t))
    if lang == "en" and re.match(r"^\d{1,3}(,\d{3})+$", t):
        return int(t.replace(",", ""))
    if _DECIMAL_COMMA.match(t):
        return float(t.replace(",", "."))
    if _PLAIN.match(t):
        v = float(t)
        return int(v) if v.is_integer() else v
    try:
        from text_to_num import text2num

        return int(text2num(t.lower(), lang))
    except (ValueError, ImportError, AssertionError):
        return None


def _overlaps(start: int, end: int, excluded: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in excluded)


def _unit_of(tok: Any, lex: Lexicon) -> tuple[str | None, Any]:
    """Unit of the noun a numeral counts ("1.093 cibles" -> target), and that noun token.

    The counted noun is the numeral's head when the parse says so, else the first
    noun right after it ("302 sorties" parsed oddly is still 302 sorties)."""
    cands = []
    if tok.dep_ in ("nummod", "det", "quantmod", "compound") and tok.head.i > tok.i:
        cands.append(tok.head)
    cands += [t for t in tok.doc[tok.i + 1:tok.i + 3] if t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")][:1]
    for cand in cands:
        for key in (fold(cand.lemma_), fold(cand.text)):
            if key in lex.units:
                return lex.units[key], cand
    return None, None


def find_quantities(sent: Any, lex: Lexicon, excluded: Sequence[tuple[int, int]] = ()) -> list[Quantity]:
    """Quantities in a sentence, skipping character ranges in ``excluded`` (dates, names)."""
    out: list[Quantity] = []
    text = doc_text(sent.doc)
    folded = fold(sent.text)
    base = sent.start_char
    used: list[tuple[int, int]] = []
    # vague amounts first ("plus d'un millier de frappes"), longest phrase first
    for phrase in sorted(lex.vague, key=len, reverse=True):
        for m in re.finditer(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", folded):
            s, e = base + m.start(), base + m.end()
            if _overlaps(s, e, used) or _overlaps(s, e, excluded):
                continue
            approx_start = s
            before = folded[: m.start()].rstrip()
            for p in lex.approx_prefixes:
                # "plus d'un millier": the prefix ends with its apostrophe, so cut all of it
                # (cutting the apostrophe-less length left "lus d'un millier")
                cut = len(p) if before.endswith(p) else len(p.rstrip("'")) if before.endswith(p.rstrip("'")) else 0
                if cut:
                    approx_start = base + len(before) - cut
                    break
            tok = sent.doc.char_span(s, e, alignment_mode="expand")
            unit = None
            if tok is not None:
                nxt = [t for t in sent if t.idx >= e and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB")][:1]
                if nxt:
                    unit = lex.units.get(fold(nxt[0].lemma_)) or lex.units.get(fold(nxt[0].text))
            used.append((s, e))
            out.append(Quantity(value=lex.vague[phrase], unit=unit, text=text[approx_start:e], start=approx_start, end=e,
                                approximate=True))
    for tok in sent:
        if not (tok.like_num or tok.pos_ == "NUM"):
            continue
        s, e = tok.idx, tok.idx + len(tok.text)
        if _overlaps(s, e, excluded) or _overlaps(s, e, used):
            continue
        if "-" in tok.text and tok.ent_type_ != "CARDINAL":
            continue  # "Su-24", "2014-2015": a name or a span, not a count
        value = parse_number(tok.text, lex.lang)
        if value is None:
            continue
        unit, noun = _unit_of(tok, lex)
        if unit is None:
            continue  # a number counting nothing we can name ("deux pays", "un groupe") is no magnitude
        end = noun.idx + len(noun.text) if noun is not None and noun.idx > s else e
        prefix_start = s
        window = text[max(0, s - 20):s]
        before = fold(window).rstrip()
        approx = False
        for p in lex.approx_prefixes:
            cut = len(p) if before.endswith(p) else len(p.rstrip("'")) if before.endswith(p.rstrip("'")) else 0
            if cut:
                approx, prefix_start = True, s - (len(window) - len(before)) - cut
                break
        used.append((s, e))
        out.append(Quantity(value=value, unit=unit, text=text[prefix_start:end], start=prefix_start,
                            end=end, approximate=approx))
    out.sort(key=lambda q: q.start or 0)
    return out


def own_clause(quantities: Sequence[Quantity], trigger: Any) -> list[Quantity]:
    """The quantities told in the trigger's own clause: "la pandémie a fait 479.818 morts dans
    le monde" is no count of the attack the same sentence reports."""
    doc, head = trigger.doc, clause_head(trigger)
    out = []
    for q in quantities:
        span = doc.char_span(q.start, q.end, alignment_mode="expand") if q.start is not None else None
        if span is not None and clause_head(span.root).i == head.i and not _other_subject_between(trigger, span):
            out.append(q)
    return out


def _other_subject_between(trigger: Any, span: Any) -> bool:
    """A verb with a subject of its own stands between the trigger and the count ("attaqué
    ... alors que l'épidémie a fait 479.818 morts"): the count is that clause's, whatever
    the parser attached it to. "Une attaque a fait 12 morts" keeps its count."""
    lo, hi = sorted((trigger.i, span.start))
    for t in trigger.doc[lo + 1:hi]:
        if t.pos_ in ("VERB", "AUX") and any(c.dep_.startswith("nsubj") and c.i != trigger.i
                                             for c in t.children):
            return True
    return False


def _governing_verb(q: Quantity, sent: Any) -> Any:
    """The verb the counted noun depends on ("des centaines de personnes ont *manifesté*")."""
    if q.start is None:
        return None
    tok = next((t for t in sent if t.idx <= q.start < t.idx + len(t.text)), None)
    for _ in range(6):
        if tok is None or tok.head.i == tok.i:
            return tok if tok is not None and tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
    return None


def magnitudes(quantities: Sequence[Quantity], sent: Any, lex: Lexicon, trigger: Any = None) -> dict[str, int | None]:
    """PLOVER ``dead``/``injured``/``size`` from a sentence's quantities and its casualty words;
    given the ``trigger``, only from the quantities of its own clause."""
    dead = injured = size = None
    words = {fold(t.text) for t in sent} | {fold(t.lemma_) for t in sent}
    if trigger is not None:
        quantities = own_clause(quantities, trigger)
    for q in quantities:
        if not isinstance(q.value, (int, float)):
            continue
        v = int(q.value)
        if q.unit == "dead":
            dead = (dead or 0) + v
        elif q.unit == "injured":
            injured = (injured or 0) + v
        elif q.unit in ("participant",):
            size = max(size or 0, v)
        elif q.unit in ("person", "civilian", "soldier", "fighter", "police", "hostage"):
            # "six civils ont été tués": the casualty word governs the counted noun; "des
            # centaines de personnes ont manifesté après la mort de X": the verb that governs
            # them says they marched, and the death elsewhere in the sentence is not theirs
            nearby = fold(doc_text(sent.doc)[q.end or 0:(q.end or 0) + 40])
            verb = _governing_verb(q, sent)
            if verb is not None and not ({fold(verb.lemma_), fold(verb.text)} & (lex.dead_words | lex.injured_words)):
                if any(w in nearby.split() for w in lex.dead_words):
                    dead = (dead or 0) + v
                elif any(w in nearby.split() for w in lex.injured_words):
                    injured = (injured or 0) + v
                elif words & lex.crowd_words:
                    size = max(size or 0, v)
                continue
            if any(w in nearby.split() for w in lex.dead_words) or (
                words & lex.dead_words and not words & lex.injured_words
            ):
                dead = (dead or 0) + v
            elif any(w in nearby.split() for w in lex.injured_words):
                injured = (injured or 0) + v
            elif words & lex.crowd_words:
                size = max(size or 0, v)
    return {"dead": dead, "injured": injured, "size": size}
