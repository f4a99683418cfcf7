"""Where an event happened when its own clause does not say it.

The trigger's own locatives are read in :mod:`._where_when`. When they are missing, the
place is looked for further out, nearest first, as a coder would (issue 13, class 4;
issue 18):

1. **sentence**: a locative of the event's sentence hung on a verb or a casualty count
   ("12 morts à Mogadiscio"), when the sentence names one place that way;
2. **party**: a place inside the phrase of one of the event's parties ("le tribunal de
   Séoul a prolongé", "les habitants de Gaza manifestent") — below country level, since
   "le gouvernement de la Syrie" names a party, not a place;
3. **paragraph**: a locative place of the sentences just before, in the same paragraph;
4. **dateline**: the place the article is filed from or about ("Londres : trois morts…",
   "PARIS (AFP) -").

Levels 1–2 are the event's own words and are given to the candidate before merging
(they keep two incidents at two towns apart). Levels 3–4 are context: they are applied
after merging, to records that still have no place, so that a story's place never
decides which mentions are one event. A context place is taken only when it is in a
country of the event's parties (or the parties have none): "Macron a appelé" in a story
datelined London is not located in London.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..model import Article, Event, Evidence, Place
from ..nlp import doc_text
from ._fallback import OBJECT_PLACE_TYPES, UNRESOLVED_KEY, collapse_nested, finest_area, one_of, refine, \
    sentence_place, unresolved_names
from ._place_words import place_words, reference_point
from .arguments import case_of, clause_subject
from .lexicon import Lexicon, fold

__all__ = ["CONTEXT_KEY", "context_places", "locate_candidates", "locate_events", "place_words"]

CONTEXT_KEY = "chronique.event_context_places"  # Doc.user_data: trigger offset -> context place
_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}


def _alpha2(alpha3: str | None) -> str | None:
    if not alpha3:
        return None
    import pycountry  # a light lookup table

    c = pycountry.countries.get(alpha_3=alpha3.upper())
    return c.alpha_2 if c is not None else None


def _finest(places: Sequence[Place]) -> Place | None:
    """The most precise of the places (text order among equals): "Nantes (Loire-Atlantique)" -> Nantes."""
    ranked = sorted(places, key=lambda p: (_RANK.get(p.precision or "", 9), p.start))
    return ranked[0] if ranked else None


def _usable(p: Place, doc: Any, metonymic: Any) -> bool:
    if p.text[:1].islower():  # a nationality adjective ("russe"): not where it happened
        return False
    try:
        return not (metonymic and metonymic(p, doc))
    except Exception:  # a resolver bug must not lose the event
        return True


def _after_locative(p: Place, doc: Any, words: dict[str, Any]) -> bool:
    """Is the place introduced by a locative preposition ("à Nantes", "dans la province
    d'Alep", "in Kirkuk")? Read on tokens only, so it works in sentences the parser skipped."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    i = span.start - 1
    for _ in range(5):
        if i < span.sent.start or i < 0:
            return False
        w = fold(doc[i].text)
        if w in words["locative_preps"]:
            # "500 km au sud de Tunis": a reference point, not where it happened
            return not (i > 0 and fold(doc[i - 1].text) in words["distance_units"])
        if w not in words["skip_words"]:
            return False
        i -= 1
    return False


def _party_places(cand: Any, places: Sequence[Place], doc: Any, metonymic: Any) -> list[Place]:
    """Places strictly inside the phrase of the one who acts, or inside the subject of the
    clause that governs a nominal trigger ("le tribunal de Séoul a prolongé la détention"),
    below country level. Not the other side's: "a rencontré des militants de Tataouine"
    does not say the meeting was in Tataouine."""
    if cand.spec.symmetric:
        return []
    ranges = [(a.start, a.end) for a in cand.actors if a.start is not None and a.end is not None]
    if cand.trigger.pos_ in ("NOUN", "PROPN"):
        for subj in clause_subject(cand.trigger):
            right = subj.right_edge
            ranges.append((subj.left_edge.idx, right.idx + len(right.text)))
    out = []
    for start, end in ranges:
        for p in places:
            if start < p.start and p.end <= end and p.precision not in ("country", "region") \
                    and _usable(p, doc, metonymic) and _complement_of_noun(p, doc, start, end):
                out.append(p)
    return out


def _complement_of_noun(p: Place, doc: Any, start: int, end: int) -> bool:
    """The place qualifies the party's noun itself through "de"/"of" ("le tribunal de
    Séoul"), not a clause inside the phrase ("réalisateur du film remarqué à Cannes")."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    cur = span.root
    for _ in range(4):
        head = cur.head
        if head.i == cur.i or not (start <= head.idx < end):
            return True  # reached the top of the party's phrase
        if head.pos_ in ("VERB", "AUX") or case_of(cur) not in (None, "de", "du", "des", "d'", "of"):
            return False
        cur = head
    return False


def _frame(p: Place, doc: Any, lex: Lexicon) -> Any | None:
    """The word the place's locative phrase hangs on, through "de" complements ("à l'hôpital
    de Lille" -> what "à" attaches to); None when another preposition ("sur la situation en
    Syrie") or none introduces it."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return None
    loc, of = lex.preps["location"] - lex.preps["target"], {"de", "du", "des", "d'", "of"}
    cur = span.root
    for _ in range(4):
        case = case_of(cur)
        if case in loc:
            return cur.head if cur.dep_ != "pobj" else cur.head.head
        if case is not None and case not in of:
            return None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _frames(word: Any, trigger: Any, lex: Lexicon, words: dict[str, Any]) -> bool:
    """Does the phrase the place hangs on frame the trigger? The trigger itself or a verb
    governing it ("une attaque a fait 12 morts à Mogadiscio"), or a noun of circumstance
    ("lors d'un déplacement à Lille") or casualties hung on one. A verb below or beside the
    trigger tells another act ("ont convenu ... pour frapper en Syrie")."""
    if word is None:
        return False
    governs = {a.i for a in trigger.ancestors} | {trigger.i}
    if word.pos_ in ("VERB", "AUX"):
        return word.i in governs
    head = word.head
    if head.pos_ == "ADV" and fold(head.text) in words["frame_preps"]:  # "lors d'un déplacement"
        return head.head.i in governs
    if head.i not in governs:
        return False
    return case_of(word) in words["frame_preps"] or fold(word.text) in lex.dead_words | lex.injured_words


def locate_candidates(candidates: Sequence[Any], doc: Any, places: Sequence[Place], lex: Lexicon,
                      metonymic: Any = None) -> None:
    """Give candidates without a place their sentence's locative, else a place in their
    parties' phrases (levels 1–2 of the module docstring), else the known area around a
    name the gazetteer does not know (:mod:`._fallback`). Places that contain one another
    count as one, the finest. Passing mentions are left alone."""
    from ..geo import is_demonym
    from ..geo._lexicon import lexicon as geo_lexicon
    from ..geo._normalize import name_key

    words = place_words(lex.lang)
    not_places = geo_lexicon(lex.lang).not_places

    def demonym(p: Place) -> bool:
        return is_demonym(p, lex.lang) or p.text[:1].islower()

    def usable(p: Place) -> bool:
        return _usable(p, doc, metonymic) and not demonym(p)

    unresolved: dict[int, str] = doc.user_data.setdefault(UNRESOLVED_KEY, {})
    for c in candidates:
        if c.weak:
            continue
        conflict = c.event_type in OBJECT_PLACE_TYPES
        if conflict and len(c.places) > 1:  # "Al-Bab city in Aleppo countryside": one place, the town
            c.places = one_of(collapse_nested(c.places), doc, words)
        if conflict:
            refine(c, doc, places, words, usable)
        names = unresolved_names(c, doc, places, words, not_places, name_key, demonym) if conflict else []
        if c.places:
            # kept only when the place is the area right after the unknown name ("Daret Azza in
            # Aleppo countryside"): an unknown word elsewhere in the sentence tells nothing
            near = [n for n in names if 0 <= c.places[0].start - n[1] <= words["area_window"]]
            if near:
                unresolved[c.trigger.idx] = near[0][2]
            continue
        found = [p for p in places if c.sent.start_char <= p.start < c.sent.end_char
                 and _usable(p, doc, metonymic) and not reference_point(p, doc, words)
                 and _frames(_frame(p, doc, lex), c.trigger, lex, words)]
        found = collapse_nested(found)
        if len({(p.geonameid, p.name) for p in found}) != 1 and conflict:
            one = sentence_place(c, doc, places, words, usable)
            found = [one] if one is not None else []
        if not found and names:
            area = finest_area(c, doc, places, words, usable, names[0])
            found = [area] if area is not None else []
            if area is not None:
                unresolved[c.trigger.idx] = names[0][2]
        if not found:
            found = _party_places(c, places, doc, metonymic)
        best = _finest(found)
        if best is not None:
            c.places = [best]
            if conflict:
                refine(c, doc, places, words, usable)
            c.evidence.append(Evidence(c.places[0].start, c.places[0].end, "event_loc"))


def _dateline(article: Article, doc: Any, lang: str, places: Sequence[Place]) -> Place | None:
    """The place a story is filed from or about: a title opening on a place name and a
    colon ("Londres : trois morts…", "USA: reprise des exécutions"), or a text opening on
    "PLACE (AGENCY) -"."""
    from ..geo import Gazetteer, resolve

    words = place_words(lang)
    text = doc_text(doc)
    agencies = "|".join(re.escape(a) for a in words["dateline_agencies"])
    if agencies:
        m = re.match(rf"\s*([^\W\d][^()\n]{{1,40}}?)\s*\((?:{agencies})\)", text)
        if m:
            inside = [p for p in places if p.start >= m.start(1) and p.end <= m.end(1)]
            if inside:
                return _finest(inside)
    m = re.match(r"\s*([^:\n]{2,40}?)\s*:", article.title or "")
    if m and Gazetteer.load().has(m.group(1)):
        p = resolve(m.group(1), lang)
        if p is not None:
            # the title is not the text: no character of the text supports this place
            return Place(start=-1, end=-1, text=m.group(1), geonameid=p.geonameid, name=p.name, lat=p.lat,
                         lon=p.lon, country_code=p.country_code, feature_code=p.feature_code, admin1=p.admin1,
                         precision=p.precision, admin2=p.admin2, admin1_id=p.admin1_id, admin2_id=p.admin2_id)
    return None


def _story_place(places: Sequence[Place], doc: Any, metonymic: Any, min_mentions: int) -> Place | None:
    """The town a story keeps naming ("Tataouine" eight times in a report on its protests):
    the place below country level named at least ``min_mentions`` times, and more often
    than any other."""
    counts: dict[Any, list[Place]] = {}
    for p in places:
        if p.precision not in ("country", "region") and _usable(p, doc, metonymic):
            counts.setdefault((p.geonameid, p.name), []).append(p)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or len(ranked[0]) < min_mentions or (len(ranked) > 1 and len(ranked[1]) == len(ranked[0])):
        return None
    return ranked[0][0]


def _paragraph_start(doc: Any, sents: list[Any], si: int) -> int:
    """Index of the first sentence of sentence ``si``'s paragraph (a line break ends one)."""
    text = doc_text(doc)
    j = si
    while j > 0 and "\n" not in text[sents[j - 1].end_char - 1:sents[j].start_char + 1]:
        j -= 1
    return j


def context_places(article: Article, candidates: Sequence[Any], doc: Any, places: Sequence[Place], lang: str,
                   metonymic: Any = None) -> None:
    """Record, on the Doc, each placeless candidate's context place (levels 3–4): the
    nearest locative place of the preceding sentences of its paragraph, else the dateline."""
    words = place_words(lang)
    sents = list(doc.sents)
    dateline = _dateline(article, doc, lang, places)
    story = _story_place(places, doc, metonymic, words["story_min_mentions"])
    if story is not None and (dateline is None or (dateline.country_code == story.country_code
                                                   and _RANK.get(dateline.precision or "", 9) > _RANK["city"])):
        dateline = story  # "Tunisie : ..." about Tataouine: the town is the more precise
    found: dict[int, tuple[Place, str]] = {}
    for c in candidates:
        if c.places or c.weak or "phone" in c.modes:  # a phone call happens in no one place
            continue
        first = max(_paragraph_start(doc, sents, c.sent_index), c.sent_index - words["paragraph_window"])
        lo = sents[first].start_char
        before = [p for p in places if lo <= p.start < c.sent.start_char and _usable(p, doc, metonymic)
                  and _after_locative(p, doc, words)]
        if before:
            last_sent = max(p.start for p in before)
            nearest = [p for p in before if _same_sentence(doc, p.start, last_sent)]
            best = _finest(nearest)
            if best is not None:
                found[c.trigger.idx] = (best, "paragraph")
                continue
        if dateline is not None:
            found[c.trigger.idx] = (dateline, "dateline")
    doc.user_data[CONTEXT_KEY] = found


def _same_sentence(doc: Any, a: int, b: int) -> bool:
    ta, tb = doc.char_span(a, a + 1, alignment_mode="expand"), doc.char_span(b, b + 1, alignment_mode="expand")
    return ta is not None and tb is not None and ta.sent.start == tb.sent.start


def _party_countries(ev: Event) -> set[str]:
    return {c for a in ev.actor + ev.recipient if (c := _alpha2(a.country))}


def locate_events(events: Sequence[Event], doc: Any) -> None:
    """Give each record with no place its first member's context place, when that place is
    in a country of the record's parties or the parties have none."""
    found: dict[int, tuple[Place, str]] = doc.user_data.get(CONTEXT_KEY) or {}
    unresolved: dict[int, str] = doc.user_data.get(UNRESOLVED_KEY) or {}
    from .merge import _loc_dict  # one shape of event_loc for every level

    for ev in events:
        triggers = sorted(e.start for e in ev.evidence if e.field == "event")
        if ev.event_loc is not None:
            _keep_unresolved(ev, triggers, unresolved)
            continue
        hit = next((found[t] for t in triggers if t in found), None)
        if hit is None:
            continue
        place, level = hit
        countries = _party_countries(ev)
        if countries and place.country_code not in countries:
            continue
        ev.event_loc = {**_loc_dict(place), "level": level}
        _keep_unresolved(ev, triggers, unresolved)
        if place.start >= 0:
            ev.evidence.append(Evidence(place.start, place.end, "event_loc"))


def _keep_unresolved(ev: Event, triggers: list[int], unresolved: dict[int, str]) -> None:
    """Keep in the record the name the place stands in for ("Kansafra" for Idlib
    governorate), so that a user can fix it later."""
    name = next((unresolved[t] for t in triggers if t in unresolved), None)
    if name and ev.event_loc is not None and name != ev.event_loc.get("text"):
        ev.event_loc["unresolved"] = name
