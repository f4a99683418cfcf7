"""Where and when a trigger happened: the dates of its sentence that govern it, and the
places that are its locatives (not its parties, not a topic, not a nationality)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import Actor, Place, Timex
from ..nlp import doc_text
from ._clauses import span_of
from ._place_words import place_words, reference_point
from .arguments import Arguments, case_of, clause_head
from .lexicon import LEXICON_LANGS, Lexicon, fold, load_lexicon


def date_timexes(sent: Any, timexes: Sequence[Timex]) -> list[Timex]:
    """Dated expressions of a sentence; the end of a range ("du 18 au 23 décembre") is part
    of the range, not a date of its own."""
    found = [t for t in timexes if sent.start_char <= t.start < sent.end_char and t.begin and t.type in ("DATE", "TIME")]
    ranges = [t for t in found if t.precision == "range"]
    return [t for t in found if not any(r is not t and r.finish == t.finish and 0 <= t.start - r.end < 8
                                         for r in ranges)]


def _date_root(t: Timex, doc: Any) -> Any | None:
    """The head token of a date's words, or None when its offsets fall outside the parse."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    return span.root if span is not None else None


def _attached(tok: Any, t: Timex, doc: Any) -> bool:
    head = _date_root(t, doc)
    if head is None:
        return False
    return tok in list(head.ancestors) or head.head == tok or head in tok.subtree


def _hung_on(verb: Any, t: Timex, doc: Any) -> bool:
    """Is the date a direct dependent of ``verb``?"""
    root = _date_root(t, doc)
    return root is not None and root.head.i == verb.i and root.i != verb.i


def _hops(tok: Any, t: Timex, doc: Any, trigger_positions: list[int]) -> int:
    """Dependency steps from the date up to the trigger; a path through another event word
    counts as far away (that date is the other event's)."""
    root = _date_root(t, doc)
    if root is None:
        return 99
    cur, n = root, 0
    while cur.i != tok.i and n < 20:
        if cur.i != root.i and cur.idx in trigger_positions:
            return 50 + n
        if cur.head.i == cur.i:
            return 99  # tok is below the date (a date phrase that contains the trigger)
        cur, n = cur.head, n + 1
    return n


def _same_clause(tok: Any, t: Timex, doc: Any) -> bool:
    root = _date_root(t, doc)
    return root is None or bool(clause_head(root).i == clause_head(tok).i)


def _simultaneity_marks(lang: str) -> frozenset[str]:
    """"lorsque", "when": the lexicon's marks of a clause that happens when its head does."""
    return load_lexicon(lang).simultaneity_marks if lang in LEXICON_LANGS else frozenset()


def choose_timexes(tok: Any, sent_timexes: list[Timex], doc: Any, trigger_positions: list[int]) -> list[Timex]:
    """The date(s) governing this trigger in its sentence: attached first, then nearest;
    coordinated day dates all apply ("le 19 novembre et le 2 décembre")."""
    if not sent_timexes:
        return []
    attached = [t for t in sent_timexes if _attached(tok, t, doc)]
    if not attached and tok.dep_.startswith("xcomp"):
        # "ont tenté dimanche de disperser", "Dimanche, la police a tenté de disperser": the date of
        # the verb that controls the trigger dates the attempt, and so the act
        attached = [t for t in sent_timexes if _hung_on(tok.head, t, doc)]
    if not attached:
        # "la tension a atteint son apogée début janvier, lorsque l'armée américaine a tué …": a
        # clause of simultaneity happens when the clause it hangs on does
        clause = clause_head(tok)
        marks = _simultaneity_marks(doc.lang_)
        if clause.dep_.startswith("advcl") and any(c.dep_ == "mark" and fold(c.text) in marks for c in clause.children):
            attached = [t for t in sent_timexes if _hung_on(clause.head, t, doc)]
    if len(attached) > 1:
        # "Le président, en visite lundi, avait rencontré en janvier ...": the date hung on the
        # trigger itself governs it, not one hung on another event word inside its subject
        hops = {id(t): _hops(tok, t, doc, trigger_positions) for t in attached}
        fewest = min(hops.values())
        attached = [t for t in attached if hops[id(t)] == fewest]
    pool = attached or [
        t for t in sent_timexes
        # a date nearer another trigger of the sentence belongs to that one
        if min(trigger_positions, key=lambda p: abs(p - t.start)) == tok.idx
        # and one hung on another verb dates that verb ("réclament l'application d'un accord conclu
        # en 2017"): an unattached date counts only when it shares the trigger's clause
        and _same_clause(tok, t, doc)
    ]
    if not pool:
        return []
    best = min(pool, key=lambda t: abs(t.start - tok.idx))
    chosen = [best]
    for t in sorted(sent_timexes, key=lambda t: t.start):
        if t is best or t.precision != "day" or best.precision != "day":
            continue
        lo, hi = sorted((t, best), key=lambda x: x.start)
        between = fold(doc_text(doc)[lo.end:hi.start]).strip(" ,")
        if between in ("et", "and", "et le", "and on", "ou", "or", ",", "puis le", "then on", "et du"):
            chosen.append(t)
    return sorted(chosen, key=lambda t: t.start)


def _place_ok(p: Place, actor_ranges: list[tuple[int, int]], metonymic: Any, doc: Any) -> bool:
    if any(p.start < e and s < p.end for s, e in actor_ranges):
        return False
    if p.text[:1].islower():  # "russe", "syriennes": a nationality, not where it happened
        return False
    if reference_point(p, doc, place_words(doc.lang_)):  # "à 500 km au sud de Tunis"
        return False
    try:
        return not (metonymic and metonymic(p, doc))
    except Exception:  # a resolver bug must not lose the event
        return True


def _locative_path(ptok: Any, trigger: Any, lex_loc: frozenset[str]) -> bool:
    """Is the place token a locative of the trigger: "à Moscou", "cibles ... en Syrie",
    "dans la province de Homs"? The path up to the trigger must carry a locative
    preposition and may pass through the trigger's objects, never through its subject
    or another clause ("échangé sur la situation en Syrie" is a topic, not a place)."""
    cur, seen_loc = ptok, False
    for _ in range(5):
        case = case_of(cur)
        if case in lex_loc:
            seen_loc = True
        elif case is not None and cur.i != ptok.i:
            return False  # "sur la situation en Syrie": the place qualifies a topic
        head = cur.head
        if head.i == cur.i:
            return False
        if head.i == trigger.i:
            return seen_loc and not cur.dep_.startswith(("nsubj", "csubj"))
        if cur.dep_ in ("acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "conj") and head.pos_ in ("VERB", "AUX"):
            return False
        if head.dep_.startswith(("nsubj", "csubj")) and head.head.i == trigger.i:
            return False
        cur = head
    return False


def locative_case(a: Actor, doc: Any, lex: Lexicon) -> bool:
    """Is the actor's phrase introduced as a place ("en Syrie", "in Syria"), not as a
    target ("sanctions on Russia") or a bare object ("visited Russia")?"""
    span = doc.char_span(a.start or 0, a.end or 0, alignment_mode="expand")
    if span is None:
        return True
    case = case_of(span.root)
    return case is not None and case in lex.preps["location"] and case not in lex.preps["target"]


def dative_country(p: Place, doc: Any) -> bool:
    """"sanctions à la Russie": a country with an article after "à" is a recipient;
    French says "en Russie", "au Mali" for where things happen."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    kids = {fold(c.text) for c in root.children}
    return "a" in kids and bool(kids & {"la", "l'", "le", "les"})


def sentence_locatives(sent: Any, places: Sequence[Place], doc: Any, actor_ranges: list[tuple[int, int]],
                        metonymic: Any, lex: Lexicon) -> list[Place]:
    """Places of the sentence introduced by a locative preposition, outside any party."""
    out = []
    for p in places:
        if not (sent.start_char <= p.start < sent.end_char) or not _place_ok(p, actor_ranges, metonymic, doc):
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        cur = span.root
        for _ in range(3):  # "dans la ville de Homs": the preposition governs the place's head noun
            case = case_of(cur)
            if case is not None:
                break
            cur = cur.head
        # hung on a verb or a casualty count ("12 morts à Mogadiscio"), not on another noun
        # ("la lutte contre le terrorisme en Syrie" is a topic)
        if case in lex.preps["location"] and case not in lex.preps["target"] and not dative_country(p, doc) \
                and (cur.head.pos_ in ("VERB", "AUX") or fold(cur.head.text) in lex.dead_words | lex.injured_words):
            out.append(p)
    return out


def choose_places(tok: Any, args: Arguments, sent: Any, places: Sequence[Place], doc: Any,
                   actor_ranges: list[tuple[int, int]], metonymic: Any, lex_loc: frozenset[str]) -> list[Place]:
    """Places where the event happened: locatives of the trigger, or a sentence-opening locative."""
    in_sent = [p for p in places if sent.start_char <= p.start < sent.end_char
               and _place_ok(p, actor_ranges, metonymic, doc)]
    if not in_sent:
        return []
    loc_ranges = [span_of(t, set()) for t in args.locatives]
    # a sentence opening on a locative ("Dans la province d'Alep, ...") frames all of it,
    # whatever the parser made of the rest
    first = sent[0]
    if fold(first.text) in lex_loc:
        comma = next((t.idx for t in sent if t.text in (",", "(") and t.i > first.i), sent.end_char)
        loc_ranges.append((first.idx, comma))
    chosen = []
    for p in in_sent:
        if p.precision == "country" and dative_country(p, doc):
            continue
        if any(s <= p.start < e for s, e in loc_ranges):
            chosen.append(p)
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and _locative_path(span.root, tok, lex_loc):
            chosen.append(p)
    return chosen
