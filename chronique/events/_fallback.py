"""Where an event happened when its sentence names a place chronique cannot resolve.

ACLED codes an event at the most precise place its report gives, and when that place (a
village, a frontline, "the Hawr Basha area") is not in its gazetteer, at the most precise
known area the report names around it, with a lower precision. chronique does the same:

- places that contain one another are one place, the finest ("Mandali in Diyala
  province" is Mandali, not two places to choose between);
- a place below country level that the sentence introduces as a locative or as what was
  struck ("shelled Kherson city", "an airstrike hit the academy in Misrata") is the
  event's place when it is the only one;
- a name the gazetteer does not know, where a place is expected ("on Kansafra in Idleb
  countryside", "in Nayrab frontline east of Idlib", "près de la frontière turque"), is kept
  as ``event_loc["unresolved"]`` and the event takes the finest known place of its sentence
  (the governorate of "Idleb countryside", the town of "east of Idlib"), else its paragraph's
  or the dateline's (``chronique.events._locate``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Place
from ..nlp import doc_text
from ._place_words import reference_point
from .lexicon import fold

__all__ = ["OBJECT_PLACE_TYPES", "UNRESOLVED_KEY", "collapse_nested", "contains", "finest_area", "one_of",
           "refine", "sentence_place", "unresolved_names"]

UNRESOLVED_KEY = "chronique.event_unresolved_places"  # Doc.user_data: trigger offset -> unresolved name
_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_OTHER_LABELS = {"PERSON", "PER", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT",
                 "QUANTITY", "EVENT", "LAW", "LANGUAGE", "WORK_OF_ART", "PRODUCT"}
_NOT_NAMES = {"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Event types whose object, when a place, is where they happened ("shelled Kherson", "raided Jenin"):
# the kinds ACLED codes; the fallbacks of this module are for them only, so that meetings and
# statements keep the reading (and the merging) their own clause gives.
OBJECT_PLACE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"}


def _rank(p: Place) -> int:
    return _RANK.get(p.precision or "", 9)


def contains(big: Place, small: Place) -> bool:
    """Does ``big`` contain ``small``: a country its places, an admin region its towns, a
    town named like its governorate the governorate's towns ("Al-Bab city in Aleppo
    countryside")?"""
    if big.country_code is None or big.country_code != small.country_code or _rank(big) <= _rank(small):
        return big.geonameid is not None and big.geonameid == small.geonameid and big.name == small.name
    if big.precision in ("country", "region"):
        return True
    return bool(big.admin1) and big.admin1 == small.admin1


def collapse_nested(places: Sequence[Place]) -> list[Place]:
    """The places that contain none of the others: "Mandali in Diyala province" -> [Mandali]."""
    out = []
    for p in places:
        if any(q is not p and (q.name, q.geonameid) != (p.name, p.geonameid) and contains(p, q) for q in places):
            continue
        if not any((q.name, q.geonameid) == (p.name, p.geonameid) for q in out):
            out.append(p)
    return out


def _after_word(p: Place, doc: Any, accepted: frozenset[str], skip: frozenset[str]) -> bool:
    """Is the place introduced by one of ``accepted`` (skipping articles, admin nouns,
    directions) in its sentence?"""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.start - 1
    for _ in range(6):
        if i < span.sent.start:
            return False
        w = fold(doc[i].text)
        if w in accepted:
            return True
        if w not in skip:
            return False
        i -= 1
    return False


def _object_of(tok: Any, trigger: Any) -> bool:
    """Is ``tok`` (a place's head) what the trigger, or the verb a nominal trigger is the
    subject of, acts on: "shelled Kherson city", "shelled the town of Tal Rifaat", "a drone
    attack targeted Marib city"?"""
    verbs = {trigger.i}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_.startswith("nsubj"):
        verbs.add(trigger.head.i)
    if trigger.dep_ == "advcl" and (trigger.tag_ == "VBG" or "VerbForm=Part" in str(trigger.morph)):
        # "ont touché des villages de la province d'Alep, tuant cinq civils": the killing is where the strike hit
        verbs.add(trigger.head.i)
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("dobj", "obj") and cur.head.i in verbs:
            return True
        if cur.dep_ in ("compound", "appos", "flat", "flat:name", "nmod", "pobj", "prep", "amod", "nummod"):
            if cur.dep_ == "nmod" and (case_ := _case(cur)) not in (None, "of", "de", "d'", "du", "des"):
                return False
            if cur.dep_ == "pobj" and fold(cur.head.text) not in ("of", "de", "d'"):
                return False
            cur = cur.head
            continue
        return False
    return False


def _case(tok: Any) -> str | None:
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            return fold(c.text)
    return None


def sentence_place(c: Any, doc: Any, places: Sequence[Place], words: dict[str, Any], usable: Any) -> Place | None:
    """The one place (after nesting) below country level that the candidate's sentence gives
    as a locative or as what the event acted on, outside its parties' phrases."""
    # the one who acts names no place; what is struck may ("shelled Kherson city" codes a recipient)
    ranges = [(a.start, a.end) for a in c.actors if a.start is not None and a.end is not None]
    accepted = words["locative_preps"] | words.get("target_preps", frozenset())
    found = []
    for p in places:
        if not (c.sent.start_char <= p.start < c.sent.end_char) or p.precision in ("country", "region"):
            continue
        if not usable(p) or reference_point(p, doc, words):
            continue
        if any(s <= p.start and p.end <= e for s, e in ranges) and not _after_word(p, doc, accepted, words["skip_words"]):
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if _after_word(p, doc, accepted, words["skip_words"]) or (
                span is not None and c.event_type in OBJECT_PLACE_TYPES and _object_of(span.root, c.trigger)):
            found.append(p)
    # a country the sentence also names contains its towns; it does not count as another place
    nested = collapse_nested(found)
    if len(nested) != 1:
        return None
    return nested[0]


def _entity_labels(doc: Any) -> dict[int, str]:
    """Token index -> label of the entity it is in, built once per Doc (once per candidate
    made a long text quadratic)."""
    cached = doc.user_data.get("chronique.entity_labels")
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data["chronique.entity_labels"] = (len(doc), {t.i: ent.label_ for ent in doc.ents
                                                                        for t in ent})
    return cached[1]  # read only


def unresolved_names(c: Any, doc: Any, places: Sequence[Place], words: dict[str, Any],
                     not_places: frozenset[str], name_key: Any, demonym: Any) -> list[tuple[int, int, str]]:
    """Names in the candidate's sentence that stand where a place is expected but that the
    gazetteer does not know: place entities, proper nouns after a locative or an attack's
    preposition ("on Kansafra", "in Nayrab frontline"), a border named by a nationality
    ("près de la frontière turque"). Each as (start, end, text)."""
    sent = c.sent
    taken = [(p.start, p.end) for p in places]
    taken += [(a.start, a.end) for a in c.actors if a.start is not None and a.end is not None]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    out: list[tuple[int, int, str]] = []
    label_of = _entity_labels(doc)
    accepted = words["locative_preps"] | words.get("target_preps", frozenset())
    text = doc_text(doc)
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        if not (tok.text[:1].isupper() and tok.is_alpha) or tok.is_sent_start or label_of.get(i) in _NOT_NAMES:
            i += 1
            continue
        j = i + 1
        while j < sent.end and (
                (doc[j].text[:1].isupper() and doc[j].is_alpha and label_of.get(j) not in _NOT_NAMES)
                or (doc[j].text in ("-",) and j + 1 < sent.end and doc[j + 1].text[:1].isupper())
                or (fold(doc[j].text) in ("al", "el", "ez", "ed", "as", "ash", "ad") and j + 1 < sent.end
                    and doc[j + 1].text[:1].isupper())):
            j += 1
        span = doc[i:j]
        s, e = span.start_char, span.end_char
        # before the name: a locative (skipping articles, admin nouns and directions)
        k, intro = i - 1, False
        for _ in range(5):
            if k < sent.start:
                break
            w = fold(doc[k].text)
            if w in accepted:
                intro = True
                break
            if w not in words["skip_words"]:
                break
            k -= 1
        in_place_ent = all(label_of.get(t) in _PLACE_LABELS for t in range(i, j))
        # a person's or a group's name is what was struck only when a known area follows it
        # ("attacked Palma in Cabo Delgado province"), a small model's label notwithstanding
        other = any(label_of.get(t) in _OTHER_LABELS for t in range(i, j))
        struck = c.event_type in OBJECT_PLACE_TYPES and _object_of(span.root, c.trigger) and (
            not other or _area_follows(e, places, text, sent.end_char, words))
        if other and not struck and not intro:
            i = j
            continue
        if (intro or in_place_ent or struck) and free(s, e) and name_key(span.text) not in not_places \
                and (k < 0 or not (k > 0 and fold(doc[k - 1].text) in words["distance_units"])):
            out.append((s, e, text[s:e]))
        i = j
    for p in places:  # "près de la frontière turque", "near the Turkish border": a border named by a nationality
        if not (sent.start_char <= p.start < sent.end_char) or not demonym(p):
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        if span.start > sent.start and fold(doc[span.start - 1].text) in words["border_nouns"]:
            head = doc[span.start - 1]
            out.append((head.idx, p.end, text[head.idx:p.end]))
        elif span.end < sent.end and fold(doc[span.end].text) in words["border_nouns"]:
            tail = doc[span.end]
            out.append((p.start, tail.idx + len(tail.text), text[p.start:tail.idx + len(tail.text)]))
    return out


def _area_follows(end: int, places: Sequence[Place], text: str, limit: int, words: dict[str, Any]) -> bool:
    """Does a known place follow within a few glue words ("Palma in Cabo Delgado")?"""
    nxt = [p for p in places if end <= p.start < min(limit, end + words["area_window"])]
    if not nxt:
        return False
    between = text[end:min(p.start for p in nxt)]
    return len(between.split()) <= 4


def finest_area(c: Any, doc: Any, places: Sequence[Place], words: dict[str, Any], usable: Any,
                name: tuple[int, int, str]) -> Place | None:
    """The known area around an unresolved name: the most precise place right after it
    ("Kansafra in Idleb countryside", "Boulkessi, dans le cercle de Douentza, région de
    Mopti"), else the most precise place below country level of the sentence; not a party's
    place, not a reference point."""
    ranges = [(a.start, a.end) for a in c.actors + c.recipients if a.start is not None and a.end is not None]
    found = [p for p in places if c.sent.start_char <= p.start < c.sent.end_char and usable(p)
             and not reference_point(p, doc, words) and not any(s <= p.start and p.end <= e for s, e in ranges)]
    after = [p for p in found if 0 <= p.start - name[1] <= words["area_window"]]
    pool = after or [p for p in found if p.precision not in ("country", "region")]
    if not pool:
        return None
    return sorted(collapse_nested(pool), key=lambda p: (_rank(p), p.start))[0]


def refine(c: Any, doc: Any, places: Sequence[Place], words: dict[str, Any], usable: Any) -> None:
    """A candidate placed in an area takes the town of its sentence inside that area:
    "attacked Monguno in Borno state", "près de Goma, dans le Nord-Kivu"."""
    if len(c.places) != 1 or _rank(c.places[0]) <= _RANK["city"]:
        return
    area = c.places[0]
    ranges = [(a.start, a.end) for a in c.actors if a.start is not None and a.end is not None]
    inner = [p for p in places if c.sent.start_char <= p.start < c.sent.end_char and _rank(p) < _rank(area)
             and contains(area, p) and usable(p) and not reference_point(p, doc, words)
             and not any(s <= p.start and p.end <= e for s, e in ranges)]
    if inner:
        c.places = [sorted(inner, key=lambda p: (_rank(p), p.start))[0]]


def one_of(found: Sequence[Place], doc: Any, words: dict[str, Any]) -> list[Place]:
    """Two towns of one country not given as a list ("near Palmyra in the Homs desert"):
    the first, nearer the verb; a list ("in Homs and Hama") stays a list."""
    if len(found) < 2 or len({p.country_code for p in found}) != 1 or any(p.precision == "country" for p in found):
        return list(found)
    text = doc_text(doc)
    ordered = sorted(found, key=lambda p: p.start)
    for a, b in zip(ordered, ordered[1:]):
        between = {fold(w) for w in text[a.end:b.start].replace(",", " , ").split()}
        if between & words["list_words"]:
            return list(found)
    return [ordered[0]]
