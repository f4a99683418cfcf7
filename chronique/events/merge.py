"""One record per real event within a document.

A report tells the same event several times: the meeting of the 23rd in the
caption, in the lead and in each ministry's statement; a strike campaign as a
total and as a count of sorties. Candidates are merged when they share the type,
their parties are compatible (same named people, or same countries when a side
is only described), their dates agree and their places are compatible.

Three passes, so that the strongest evidence decides first:
1. candidates dated in their own sentence merge when their dates agree;
2. candidates whose date is only inherited from the narrative join the nearest
   compatible record (before, then after), else stand alone with that date;
3. backgrounded mentions ("avant la rencontre", "cette visite") join a compatible
   record as further evidence, and are dropped when none fits.

Place compatibility keeps incidents apart from the campaign they belong to: a
record located at country level or over several places (an aggregate report)
does not absorb a report located at one specific town or province.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from ..model import Actor, Event, Evidence, Place, Quantity, Timex
from ._implied import state_of
from .candidates import Candidate
from .detector import refine_acled
from .lexicon import LEXICON_LANGS, fold, load_lexicon
from .ontology import acled_for, load_ontology

__all__ = ["inherit_dates", "merge_candidates", "rule_acled"]

_PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}


def _interval(c: Candidate) -> tuple[date, date] | None:
    try:
        a = date.fromisoformat((c.date or "")[:10])
        b = date.fromisoformat((c.enddate or c.date or "")[:10])
    except ValueError:
        return None
    return (a, b) if a <= b else (b, a)


_COARSE = frozenset({"month", "season", "quarter", "year", "decade", "century"})
_INHERIT_SENTENCES = 2  # a narrative date carries over this many sentences, no further


def _narrative(t: Timex, dct: str | None) -> bool:
    """Can a date carry over to the events told after it? A day or a time can; a coarse
    period ("en 2017", "en janvier") names background, unless it is the current one."""
    if t.precision not in _COARSE:
        return True
    return bool(dct) and (t.begin or "") <= dct[:10] <= (t.finish or t.begin or "")


def inherit_dates(candidates: Sequence[Candidate], timexes: Sequence[Timex], dct: str | None) -> None:
    """Give undated candidates the narrative date: the latest day or time mentioned in their
    sentence or the two before (for an act told as done, not one after the publication);
    else the publication date."""
    dated = sorted((t for t in timexes if t.type in ("DATE", "TIME") and t.begin), key=lambda t: t.start)
    for c in candidates:
        if c.date is not None:
            continue
        sents = c.sent.doc.user_data.get("chronique.sent_starts")
        if sents is None:
            sents = c.sent.doc.user_data["chronique.sent_starts"] = [s.start_char for s in c.sent.doc.sents]
        lo = sents[max(0, c.sent_index - _INHERIT_SENTENCES)] if c.sent_index < len(sents) else 0
        # an act told as done cannot carry a date still to come ("informerait vendredi les signataires.
        # - Moscou a déploré la décision"): it takes an earlier one, else the publication
        after_dct = c.modality == "asserted" and bool(dct)
        before = [t for t in dated if lo <= t.start and t.end <= c.trigger.idx and _narrative(t, dct)
                  and not (after_dct and (t.begin or "") > (dct or "")[:10])]
        if before:
            t = before[-1]
            c.date, c.enddate = t.begin, t.finish or t.begin
            c.date_precision = "range" if c.date != c.enddate and t.precision == "day" else t.precision
            c.date_strength = "inherited"
        elif dct:
            c.date = c.enddate = dct[:10]
            c.date_precision = "publication"
            c.date_strength = "publication"


class _Record:
    def __init__(self, first: Candidate) -> None:
        self.members: list[Candidate] = [first]

    @property
    def head(self) -> Candidate:
        strong = [m for m in self.members if m.date_strength == "sentence"]
        return strong[0] if strong else self.members[0]

    @property
    def position(self) -> int:
        return min(m.trigger.idx for m in self.members)

    def actors(self) -> list[Actor]:
        """The parties that identify the event: everyone for symmetric events, the actor otherwise."""
        if self.head.spec.symmetric:
            return [a for m in self.members for a in m.actors + m.recipients]
        return [a for m in self.members for a in m.actors]

    def places(self) -> list[Place]:
        return [p for m in self.members for p in m.places]

    def modes(self) -> set[str]:
        return {x for m in self.members for x in m.modes}


def _identifying(actors: Sequence[Actor]) -> list[Actor]:
    """Actors that say who took part: coded ones. Uncoded words ("les parties") could be anyone."""
    return [a for a in actors if a.name or a.country]


def _names(actors: Sequence[Actor]) -> set[str]:
    return {(a.name or a.text).lower() for a in actors if (a.name or a.text)}


def _is_individual(a: Actor) -> bool:
    """A named person ("Pierre de Villiers"), not a role coded from a title ("Chiefs of Staff of
    Russia", "Presidents"): two different named people make two different meetings."""
    name = a.name or ""
    capitalised = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    return a.kind == "person" and " of " not in name and len(capitalised) >= 2


def _persons(actors: Sequence[Actor]) -> set[str]:
    return {(a.name or "").lower() for a in actors if _is_individual(a)}


def _actors_compatible(a: Sequence[Actor], b: Sequence[Actor]) -> bool:
    a, b = _identifying(a), _identifying(b)
    if not a or not b:
        return True
    if _names(a) & _names(b):
        return True
    pa, pb = _persons(a), _persons(b)
    if pa and pb:
        return False  # two different sets of named people: two meetings
    ca = {x.country for x in a if x.country}
    cb = {x.country for x in b if x.country}
    return bool(ca and cb and (ca <= cb or cb <= ca))


def _coarse(places: Sequence[Place]) -> bool:
    ids = {_place_key(p) for p in places}
    return len(ids) > 1 or all(p.precision in ("country", "region") for p in places)


def _place_key(p: Place) -> object:
    return p.geonameid if p.geonameid is not None else (p.name, p.country_code, p.precision)


def _places_compatible(a: Sequence[Place], b: Sequence[Place]) -> bool:
    if not a or not b:
        return True
    if {_place_key(p) for p in a} & {_place_key(p) for p in b}:
        return True
    if _coarse(a) and _coarse(b):
        return bool({p.country_code for p in a} & {p.country_code for p in b})
    return False


def _precise(c: Candidate, span: tuple[date, date]) -> bool:
    """A day, or a night ("dans la nuit de samedi à dimanche": two days, one act): two acts
    dated this precisely on different days or nights are two events."""
    return c.date_precision == "day" or (c.date_precision == "range" and (span[1] - span[0]).days <= 1)


def _dates_agree(c: Candidate, rec: _Record) -> bool:
    ci = _interval(c)
    for m in rec.members:
        if m.date_strength != "sentence":
            continue
        mi = _interval(m)
        if ci is None or mi is None:
            continue
        if _precise(c, ci) and _precise(m, mi):
            if ci != mi:
                return False
        elif not (ci[0] <= mi[1] and mi[0] <= ci[1]):
            return False
    return True


_STALE_DAYS = 31


def _older(rec: _Record, c: Candidate) -> bool:
    """Does the record date from well before the candidate's narrative or publication date?
    An act told as news does not join history told in passing ("après le traité dénoncé en
    2018")."""
    ci = _interval(c)
    spans = [mi for m in rec.members if m.date_strength == "sentence" and (mi := _interval(m)) is not None]
    if ci is None or not spans:
        return False
    # history told in passing is older; a date read forward ("en mai" of a past May read as the
    # coming one) or a later act is newer: either way, more than a month apart is another event
    return (ci[0] - max(e for _, e in spans)).days > _STALE_DAYS or \
        (min(b for b, _ in spans) - ci[1]).days > _STALE_DAYS


def _compatible(c: Candidate, rec: _Record, check_dates: bool) -> bool:
    h = rec.head
    if h.event_type != c.event_type:
        return False
    if c.modality != h.modality and not c.weak:
        return False
    cm, rm = set(c.modes), rec.modes()
    if cm and rm and not cm & rm and c.event_type == "CONSULT":
        return False  # a phone call is not the visit
    if check_dates and not _dates_agree(c, rec):
        return False
    parties = c.actors + c.recipients if c.spec.symmetric else c.actors
    return _actors_compatible(parties, rec.actors()) and _places_compatible(c.places, rec.places())


def merge_candidates(candidates: Sequence[Candidate], lang: str) -> list[Event]:
    """Merge a document's candidates (text order) into event records."""
    records: list[_Record] = []
    strong = [c for c in candidates if c.date_strength == "sentence" and not c.weak]
    inherited = [c for c in candidates if c.date_strength != "sentence" and not c.weak]
    weak = [c for c in candidates if c.weak]
    for c in strong:
        target = next((r for r in records if _compatible(c, r, check_dates=True)), None)
        if target is None:
            records.append(_Record(c))
        else:
            target.members.append(c)
    for group in (inherited, weak):
        for c in group:
            before = sorted((r for r in records if r.position <= c.trigger.idx), key=lambda r: -r.position)
            after = sorted((r for r in records if r.position > c.trigger.idx), key=lambda r: r.position)
            target = next((r for r in before + after if _compatible(c, r, check_dates=False)
                           and (c.weak or not _older(r, c))), None)
            if target is None and c.weak:
                continue  # a passing mention of an event we cannot find told anywhere: not a new event
            if target is None:
                records.append(_Record(c))
            else:
                target.members.append(c)
    records.sort(key=_salience)
    return [_to_event(r, lang) for r in records]


def _depth(tok: Any) -> int:
    return sum(1 for _ in tok.ancestors)


def _salience(rec: _Record) -> tuple[int, int, int, int]:
    """Text order by sentence; within a sentence the main clause's event first ("Japan halted
    its aid after the fighting": SANCTION before ASSAULT), and asserted before hypothetical."""
    first = min(rec.members, key=lambda m: m.trigger.idx)
    return (first.sent_index, int(first.modality in ("hypothetical", "denied")), _depth(first.trigger), rec.position)


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})


def _state_actor(actors: Sequence[Actor], lang: str) -> bool:
    """A state force acts: coded so, or named with the lexicon's state_force words ("the army",
    "government troops") when the coder left the phrase uncoded."""
    if any((a.sector or "").upper()[:3] in _STATE_SECTORS or a.kind == "state" for a in actors):
        return True
    words = load_lexicon(lang).acled_cues.get("state_force", frozenset()) if lang in LEXICON_LANGS else frozenset()
    for a in actors:
        text = " " + " ".join(fold(a.text).replace("'", " ").split()) + " "
        if any(f" {w} " in text for w in words):
            return True
    return False


def _place_country_actor(loc: dict[str, Any] | None) -> list[Actor]:
    """"bombs exploded in Kabul": with no named target, the country where it happened, as
    PLOVER coders do. It is the coder's reading, not words of the text: the state is named
    ("Afghanistan", not "Kabul", which is where) and carries no evidence span."""
    state = state_of((loc or {}).get("country_code"))
    if state is None:
        return []
    code, name = state
    return [Actor(text=name, name=name, country=code, kind="implied")]


def _dedupe_actors(actors: Sequence[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        key = (a.name or a.text).lower()
        if not any((b.name or b.text).lower() == key for b in out):
            out.append(a)
    return out


def _event_loc(places: Sequence[Place]) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
    distinct: dict[Any, Place] = {}
    for p in places:
        distinct.setdefault(_place_key(p), p)
    plist = [_loc_dict(p) for p in distinct.values()]
    if not distinct:
        return None, []
    specific = [p for p in distinct.values() if p.precision not in ("country", "region")]
    countries = [p for p in distinct.values() if p.precision == "country"]
    if len(specific) == 1:
        return _loc_dict(specific[0]), plist
    if len(specific) > 1:
        codes = {p.country_code for p in specific}
        country = next((c for c in countries if c.country_code in codes), None)
        if country is not None:
            return _loc_dict(country), plist
        if len(codes) == 1:
            from ..geo import country_place  # the country containing a campaign's places

            cp = country_place(next(iter(codes)) or "")
            if cp is not None:
                # the country is the coder's inference, not words of the text: no span (as datelines)
                return {**_loc_dict(cp), "start": -1, "end": -1}, plist
        return _loc_dict(specific[0]), plist
    return _loc_dict(sorted(distinct.values(), key=lambda p: _PRECISION_RANK.get(p.precision or "", 9))[0]), plist


def _loc_dict(p: Place) -> dict[str, Any]:
    return {"text": p.text, "name": p.name, "geonameid": p.geonameid, "lat": p.lat, "lon": p.lon,
            "country_code": p.country_code, "admin1": p.admin1, "admin1_id": p.admin1_id, "admin2": p.admin2,
            "admin2_id": p.admin2_id, "precision": p.precision, "feature_code": p.feature_code,
            "start": p.start, "end": p.end}


def _to_event(rec: _Record, lang: str) -> Event:
    h = rec.head
    members = sorted(rec.members, key=lambda m: m.trigger.idx)
    quantities: list[Quantity] = []
    for m in members:
        for q in m.quantities:
            if not any(q.start == x.start and q.value == x.value for x in quantities):
                quantities.append(q)
    modes: list[str] = []
    for m in members:
        modes += [x for x in m.modes if x not in modes]
    context: list[str] = []
    for m in members:
        context += [x for x in m.context if x not in context]
    evidence: list[Evidence] = []
    for m in members:
        evidence += [e for e in m.evidence if e not in evidence]
    sentences: list[str] = []
    for m in members:
        if m.sent.text.strip() not in sentences:
            sentences.append(m.sent.text.strip())
    loc, plist = _event_loc(rec.places())
    symmetric = h.spec.symmetric

    def biggest(attr: str) -> int | None:
        vals = [getattr(m, attr) for m in members if getattr(m, attr) is not None]
        return max(vals) if vals else None

    recipients = _dedupe_actors([a for m in members for a in m.recipients])
    if h.event_type in load_ontology().get("place_as_recipient", ()) and not any(a.country for a in recipients):
        recipients += _place_country_actor(loc)
    return Event(
        id=h.id, doc_id=h.doc_id, event=[h.event_type], mode=modes, context=context,
        actor=_dedupe_actors([a for m in members for a in m.actors]),
        recipient=recipients,
        date=h.date, enddate=h.enddate, date_precision=h.date_precision,
        event_loc=loc, places=plist if len(plist) > 1 else [],
        quantities=quantities, dead=biggest("dead"), injured=biggest("injured"), size=biggest("size"),
        claimant=_dedupe_actors([c for m in members for c in m.claimants]),
        modality=h.modality, event_text=sentences, evidence=evidence,
        acled=refine_acled(rule_acled(members, lang, h.event_type, modes, symmetric),
                           [m.acled_cats for m in members], lang), lang=lang, trigger=h.trigger.text,
    )


def rule_acled(members: Sequence[Candidate], lang: str, event_type: str | None = None,
               modes: Sequence[str] | None = None, symmetric: bool | None = None) -> dict[str, str] | None:
    """The ACLED event_type / sub_event_type the PLOVER mapping gives the candidates of one event
    (by default the first's type and symmetry and every member's modes); one candidate alone is
    the reading ``train/events/draw.py`` records for labelling."""
    head = members[0]
    if modes is None:
        modes = list(dict.fromkeys(x for m in members for x in m.modes))
    return acled_for(event_type or head.event_type, list(modes),
                     head.spec.symmetric if symmetric is None else symmetric,
                     cues={c for m in members for c in m.cues},
                     state_actor=_state_actor([a for m in members for a in m.actors], lang))
