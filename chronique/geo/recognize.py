"""Find toponym mentions in a spaCy Doc: entities, cues, demonyms.

spaCy's LOC/GPE entities are only the start: the small models tag 'Hama' as a
person and "d'Idleb" as an organisation, miss names after 'province de', and
do not treat 'russe' or 'Turkish' as places at all. Each extra source is kept
separate so that :func:`mentions` stays a plain merge of candidate spans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..nlp import doc_text
from ._lexicon import Lexicon, lexicon
from ._normalize import name_key
from .gazetteer import Gazetteer

__all__ = ["Mention", "mentions"]

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Labels a small model gives to toponyms it misreads; accepted only when the gazetteer knows the name.
MAYBE_LABELS = {"PER", "PERSON", "ORG", "MISC", "NORP"}
# Articles and elided prepositions that models glue to the entity ("d'Idleb", "the Gaza Strip").
_LEADING = re.compile(r"^(?:(?:d|l|D|L)['’]|(?:de|du|des|la|le|les|au|aux|à|en|the|The)\s+)")
_NAME = (
    r"[A-ZÀ-Ý][\w’'-]*(?:\s+(?:(?:ez|el|al|ed|es|ad|as|ar|az|ash|de|du|la|le|sur|en|of)[\s-]+)?"
    r"[A-ZÀ-Ý][\w’'-]*)*"
)
_LIST_ITEM = re.compile(r"\s*(?:,|et|and|ou|or)?\s*(?:d['’]|de\s+|du\s+|of\s+)?(" + _NAME + ")")


@dataclass
class Mention:
    """A stretch of text that may name a place.

    ``lookup`` is the name to resolve (the country name for a demonym);
    ``hint`` a GeoNames feature code suggested by the context ('ADM1' after
    'province de'), ``source`` where the span came from, ``container`` the
    name after a comma ('Athens, Georgia') that should contain the place.
    """

    start: int
    end: int
    text: str
    lookup: str
    hint: str = ""
    source: str = "ent"
    container: str = ""
    nested: bool = False  # the container is given by 'in'/'dans' or an admin noun: it must hold the place


def _strip(text: str, start: int) -> tuple[str, int]:
    """Drop a leading article or elided preposition and trailing punctuation."""
    m = _LEADING.match(text)
    if m:
        text, start = text[m.end():], start + m.end()
    text = text.rstrip(" .,;:'’\"")
    return text, start


def _entity_mentions(doc: Any, lex: Lexicon, gaz: Gazetteer) -> list[Mention]:
    """Whole entities that name places, including PER/ORG misreads the gazetteer supports."""
    out = []
    for ent in doc.ents:
        label = ent.label_
        if label not in PLACE_LABELS and label not in MAYBE_LABELS:
            continue
        text, start = _strip(ent.text, ent.start_char)
        alias = lex.aliases.get(ent.text.strip())
        if alias:
            out.append(Mention(ent.start_char, ent.end_char, ent.text, alias, "", "ent"))
            continue
        key = name_key(text)
        if not key or key in lex.not_places or (key in lex.demonyms and not gaz.has(text)):
            continue
        hint = ""
        for suffix, code in lex.admin_suffixes.items():
            if text.endswith(" " + suffix):
                hint = code
        last = text.rsplit(" ", 1)
        if len(last) == 2 and last[1].islower() and last[1] in lex.trailing_cues and not gaz.has(text):
            # 'Idleb countryside', 'Kirkuk city' tagged whole: the name, with the feature the word says
            text, hint = last[0], lex.trailing_cues[last[1]]
        text, start = _extend(ent, text, start, gaz)
        lookup = text
        if not gaz.has(text):
            # 'au Caire': the article was fused into the preposition; the name keeps it.
            lookup = next((f"{a} {text}" for a in lex.articles if gaz.has(f"{a} {text}")), "")
            if not lookup:
                continue  # sub-spans are looked for by _scan_mentions
        if label in MAYBE_LABELS and not _plausible_misread(ent, lookup, lex, gaz):
            continue
        if _name_goes_on(doc, ent.start, ent.end) and _only_alternate_or_glued(doc, ent.end, gaz.candidates(lookup)):
            continue  # 'Croix' of 'Croix-des-Bouquets' tagged alone
        out.append(Mention(start, start + len(text), text, lookup, hint, "ent" if label in PLACE_LABELS else "gaz"))
    return out


def _extend(ent: Any, text: str, start: int, gaz: Gazetteer) -> tuple[str, int]:
    """Take in lower-case words the model left out when the longer name is known:
    'Méditerranée' + 'orientale', 'bande de' + 'Gaza'."""
    doc, best, best_start = ent.doc, text, start
    for j in range(ent.end + 1, min(len(doc), ent.end + 2) + 1):
        tail = doc[ent.end:j]
        if any(not t.is_alpha or not t.is_lower for t in tail):
            break
        longer = doc_text(doc)[start:tail.end_char]
        if gaz.has(longer):
            best = longer
    for i in range(ent.start - 1, max(-1, ent.start - 4), -1):
        head = doc[i:ent.start]
        if not head[0].is_lower or not head[0].is_alpha or head[0].is_stop:
            continue
        longer = doc_text(doc)[head.start_char:start + len(best)]
        if gaz.has(longer):
            best, best_start = longer, head.start_char
    return best, best_start


def _person_words(doc: Any) -> set[str]:
    """Keys of the last words of multi-word person names ('Pierre de Villiers' -> 'villiers')."""
    out = set()
    for ent in doc.ents:
        if ent.label_ in ("PER", "PERSON") and len(ent) > 1:
            out.add(name_key(ent[-1].text))
            out.add(name_key(ent.text))
    return out


def _strong(cands: Any, min_pop: int) -> bool:
    """An area, an admin region (main name) or a town of ``min_pop`` or more.

    A town's alternate names count only for cities of 100,000 people: exonyms
    ('Alep') are worth trusting, the variant spellings of hamlets are not.
    """
    return any(
        c.feature_code in _AREAS
        or (c.main and c.feature_code in ("ADM1", "ADM2"))
        or (c.population >= min_pop and (c.main or c.population >= 100000))
        for c in cands
    )


def _after_prep(doc: Any, i: int, lex: Lexicon) -> bool:
    return i > 0 and doc[i - 1].lower_ in lex.place_preps


def _plausible_misread(ent: Any, text: str, lex: Lexicon, gaz: Gazetteer) -> bool:
    """A PER/ORG entity is taken as a place only when the gazetteer supports it.

    'Hama' after 'de', a state or a city of 100,000 people is a place; 'Paris
    Hilton' (not a gazetteer name) and 'Grant' with no preposition are not.
    """
    cands = gaz.candidates(text)
    if not cands or not _strong(cands, 1000):
        return False
    glued_prep = bool(_LEADING.match(ent.text))
    if _after_prep(ent.doc, ent.start, lex) or glued_prep:
        return True
    # Country and region names are curated (any of their names counts); towns need their main name.
    return any(c.feature_code in _AREAS or (c.main and (c.feature_code == "ADM1" or c.population >= 100000))
               for c in cands)


_AREAS = ("PCLI", "CONT", "RGN", "SEA", "OCN", "GULF", "LK")


_INSIDE_OK = {"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "NORP", "GPE", "LOC", "LAW"}


def _scan_mentions(doc: Any, lex: Lexicon, gaz: Gazetteer) -> list[Mention]:
    """Known names inside longer entities ('the Minnesota Department of Transportation',
    'Fargo police') and proper nouns the model left untagged ('MANSFIELD -')."""
    label_of: dict[int, str] = {}
    for ent in doc.ents:
        for t in ent:
            label_of[t.i] = ent.label_
    out = []
    capital = _capitalised(doc)
    i, n = 0, len(doc)
    while i < n:
        if not capital[i] or label_of.get(i) in ("PERSON", "PER"):
            i += 1
            continue
        tok = doc[i]
        matched = 0
        for j in range(min(n, i + 4), i, -1):
            span = doc[i:j]
            if any(label_of.get(k) != label_of.get(i) for k in range(i, j)):
                continue
            if not all(t.text[:1].isupper() or t.text in ("-", "of") for t in span) or span[-1].text in ("-", "of"):
                continue
            key = name_key(span.text)
            if key in lex.not_places or key in lex.demonyms:
                continue
            lookup = lex.aliases.get(span.text, span.text)
            cands = gaz.candidates(lookup)
            if not cands:
                continue
            label = label_of.get(i)
            if len(span) == 1 and tok.pos_ != "PROPN" and not tok.is_upper:
                continue  # 'Energy', 'Valley': capitalised common words of a longer name
            if label in (None, *PLACE_LABELS) and _name_goes_on(doc, i, j) and _only_alternate_or_glued(doc, j, cands):
                continue  # 'Hawr' of 'Hawr Basha', 'Croix' of 'Croix-des-Bouquets': an unknown longer name
            if label in _INSIDE_OK:
                ok = _strong(cands, 1000 if len(span) > 1 else 10000)
            else:
                # Untagged: needs a preposition or to be a well-known name; a capitalised
                # sentence opener that is also a common word ('Police', 'March') is skipped.
                if tok.is_sent_start and tok.pos_ != "PROPN" and not tok.is_upper:
                    continue
                ok = _strong(cands, 100000) or (_after_prep(doc, i, lex) and _strong(cands, 1000))
            if ok:
                out.append(Mention(span.start_char, span.end_char, span.text, lookup, "", "scan"))
                matched = j - i
                break
        i += matched or 1
    return out


def _capitalised(doc: Any) -> list[bool]:
    """Whether each token starts with a capital and holds a letter, read once per distinct
    word: a Token object per token made the scan one of the slowest loops of the places stage."""
    strings = doc.vocab.strings
    seen: dict[int, bool] = {}
    out = []
    for orth in doc.to_array("ORTH").tolist():
        flag = seen.get(orth)
        if flag is None:
            text = strings[orth]
            flag = seen[orth] = text[:1].isupper() and any(ch.isalpha() for ch in text)
        out.append(flag)
    return out


_NAME_PARTICLES = {"des", "de", "du", "la", "le", "les", "au", "aux", "sur", "en", "lès", "sous"}


def _name_goes_on(doc: Any, i: int, j: int) -> bool:
    """Does the span doc[i:j] go on into a longer proper name: a capitalised word or a glued
    hyphen after it ('Hawr Basha', 'Croix-des-Bouquets')? (A word before it does not count:
    'South Charlston', 'Athens-Clarke' are read as LGL's gold reads them.)"""
    if j < len(doc):
        nxt = doc[j]
        after = doc[j + 1] if j + 1 < len(doc) else None
        if nxt.text == "-" and not doc[j - 1].whitespace_ and after is not None and after.text in _NAME_PARTICLES:
            return True
        if nxt.text[:1].isupper() and nxt.is_alpha and not nxt.is_sent_start and nxt.pos_ == "PROPN" \
                and nxt.ent_type_ in ("", doc[j - 1].ent_type_) and nxt.text not in lexicon(doc.lang_).feature_words:
            return True
    return False


def _only_alternate_or_glued(doc: Any, j: int, cands: Any) -> bool:
    """A name that goes on is a place of its own only by a main name and not glued by a
    hyphen ('Mahnomen County Road' keeps 'Mahnomen County'; 'Hawr' is only Le Havre's
    alternate name; 'Croix-des-Bouquets' is not Croix) — unless it is famous."""
    if _famous(cands):
        return False
    glued = j < len(doc) and doc[j].text == "-" and not doc[j - 1].whitespace_
    return glued or not any(c.main for c in cands)


def _famous(cands: Any) -> bool:
    """A country, a region, an admin1 or a city of 100,000 people, by its main name."""
    return any(c.main and (c.feature_code in _AREAS or c.feature_code == "ADM1" or c.population >= 100000)
               for c in cands)


def _propagate(doc: Any, found: list[Mention], lex: Lexicon) -> list[Mention]:
    """One sense per document: a name taken as a place is a place wherever it recurs
    as a whole entity ('Alexandria' tagged PERSON in a story about Alexandria)."""
    keys = {name_key(m.text) for m in found if m.source != "demonym"}
    out = []
    for ent in doc.ents:
        text, start = _strip(ent.text, ent.start_char)
        if name_key(text) in keys:
            out.append(Mention(start, start + len(text), text, text, "", "propagated"))
    return out


def _cue_mentions(text: str, lex: Lexicon) -> list[Mention]:
    """Names after 'province de', 'près de', ... including lists ('provinces d'Alep, d'Idleb et de Homs')."""
    out: list[Mention] = []
    if not lex.cues:
        return out
    cues = sorted(lex.cues, key=len, reverse=True)
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(c).replace("'", "['’]") for c in cues) + r")\s*", re.IGNORECASE
    )
    for m in pattern.finditer(text):
        hint = lex.cues.get(m.group(1).lower().replace("’", "'"), "")
        pos = m.end()
        first = True
        while True:
            item = re.compile(_NAME).match(text, pos) if first else _LIST_ITEM.match(text, pos)
            if not item:
                break
            name_start = item.start() if first else item.start(1)
            name = text[name_start:item.end()]
            out.append(Mention(name_start, item.end(), name, name, hint, "cue"))
            pos, first = item.end(), False
    return out


def _demonym_mentions(doc: Any, lex: Lexicon) -> list[Mention]:
    """Adjectives and nouns of nationality: 'russe', 'Turkish', 'sud-africains'.

    Only tokens whose key can open a demonym are looked at further: building a span
    for every token and width was the slowest step of place recognition."""
    firsts = lex.demonym_firsts
    strings = doc.vocab.strings
    texts = [strings[o] for o in doc.to_array("ORTH").tolist()]  # no Token object per token
    out = []
    i, n = 0, len(texts)
    while i < n:
        first = name_key(texts[i]).split(" ", 1)[0] if texts[i].strip() else ""
        if first not in firsts:
            i += 1
            continue
        matched = False
        for width in (2, 1):  # 'South African' before 'African'
            if i + width > n:
                continue
            span = doc[i:i + width]
            if any(t.is_punct or t.is_space for t in span):
                continue
            key = name_key(span.text)
            target = lex.demonyms.get(key)
            if target is None:
                continue
            if lex.lang == "en" and not span.text[0].isupper():
                continue  # English demonyms are capitalised; 'american cheese' style noise is rare
            out.append(Mention(span.start_char, span.end_char, span.text, target, "", "demonym"))
            i += width
            matched = True
            break
        if not matched:
            i += 1
    return out


# Glue words that say the first place lies inside the second ('Palma in Cabo Delgado province').
_NESTING = {"in", "dans", "province", "state", "governorate", "oblast", "countryside", "région", "gouvernorat",
            "état", "campagne", "region", "cercle", "territoire", "territory", "district"}
_GLUE_WORD = re.compile(r"[\w'’-]+|,")


def _containers(found: list[Mention], text: str, lex: Lexicon) -> None:
    """'Athens, Georgia', 'Mandali in Diyala province', 'Djibo, dans la province du Soum':
    the second name contains the first when only glue words (prepositions, articles, admin
    nouns, directions) stand between them."""
    for m, nxt in zip(found, found[1:]):
        if nxt.source == "demonym":
            continue
        between = text[m.end:nxt.start]
        if between.startswith(", ") and between == ", ":
            m.container = nxt.lookup
            continue
        words = [w.casefold().replace("’", "'") for w in _GLUE_WORD.findall(between)]
        if words and len(between) <= 40 and "\n" not in between and all(
                w in lex.container_glue or (w.endswith("'") and w in lex.container_glue) for w in words) \
                and any(w != "," for w in words):
            m.container = nxt.lookup
            m.nested = any(w in _NESTING for w in words)
        # a trailing feature word right after the name: 'Aleppo countryside', 'Kirkuk city'
        first = between.split()[0].strip(".,;:") if between.split() else ""
        if not m.hint and first in lex.trailing_cues and re.match(r"\s+\S", between):
            m.hint = lex.trailing_cues[first]
    if found:
        last = found[-1]
        tail = text[last.end:last.end + 20].split()
        if not last.hint and tail and tail[0].strip(".,;:") in lex.trailing_cues:
            last.hint = lex.trailing_cues[tail[0].strip(".,;:")]


def mentions(doc: Any, lang: str, gaz: Gazetteer | None = None) -> list[Mention]:
    """Every place mention of ``doc``, without overlaps, sorted by start.

    Overlaps are settled by source (entities, cues, scanned names, recurrences, demonyms) and
    then by length; a cue's feature hint is kept on the entity it overlaps.
    """
    gaz = gaz or Gazetteer.load()
    lex = lexicon(lang)
    ents = _entity_mentions(doc, lex, gaz)
    cues = _cue_mentions(doc_text(doc), lex)
    cues = [c for c in cues if name_key(c.text) not in lex.not_places and gaz.has(c.text)]
    demonyms = _demonym_mentions(doc, lex)
    scanned = _scan_mentions(doc, lex, gaz)
    propagated = _propagate(doc, ents + cues + scanned, lex)
    # One sense per document for people too: 'Villiers' after 'Pierre de Villiers' is him.
    people = _person_words(doc)
    chosen: list[Mention] = []
    for group in (ents, cues, scanned, propagated, demonyms):
        group = [m for m in group if m.source in ("ent", "demonym") or name_key(m.text) not in people]
        for m in sorted(group, key=lambda x: x.start - x.end):
            clash = [c for c in chosen if c.start < m.end and m.start < c.end]
            if not clash:
                chosen.append(m)
            elif m.hint:
                for c in clash:
                    c.hint = c.hint or m.hint
    chosen.sort(key=lambda x: x.start)
    _containers(chosen, doc_text(doc), lex)
    return chosen
