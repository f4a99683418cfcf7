"""Where a directed event's recipient is read when the trigger's own arguments name none.

The object of a trigger is often a thing, not a party: "threatened to cut off electricity
to Nakhichevan", "refused to lift the curfew on Palestinians", "demanded that the United
States match ...", "began a hunger strike to protest Sweden's decision", "lifted a night
curfew in Montenegro". The party the event is directed at is then read from, in order:

1. what hangs on the trigger's object when that object is a thing: its possessor, author
   or beneficiary ("rejected Serbia's suppression", "70 million dollars of aid for Romania");
2. the trigger's complement clause, followed down a chain of complements: an infinitive
   takes the trigger's subject as its own, so its object, dative and prepositional
   parties are the recipient ("threatened to shell Iraqi towns", "refused to allow UN
   planes to land"); a finite "that" clause names the one asked, accused or warned as
   its subject ("demanded that the United States match ...");
3. its purpose or manner clause: what a protest, strike or crackdown is aimed at ("to
   protest Sweden's decision", "demanding the removal of Mubarak", "to disperse
   demonstrators"), and a "protest against X" phrase hung on it;
4. the place of a restriction: a curfew, blockade or state of emergency falls on the
   people of the place where it is imposed or lifted ("a night curfew in Montenegro");
5. the phrases around the event that name whom it concerns: the condition of a threat or
   demand ("unless Israel rescinded its annexation"), what a complaint is about ("over
   two Israeli air raids"), whom something is taken or withdrawn from ("confiscated
   weapons from armed groups"), what the event defies ("in defiance of Chinese authorities").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..model import Actor, Place
from ._home import alpha3
from .arguments import Arguments, arguments, case_of, light_verb_of
from .lexicon import Lexicon, fold

__all__ = [
    "complement_heads", "concern_heads", "condition_heads", "deployment_heads", "matter_heads",
    "nominal_parties", "own_forces", "purpose_heads", "restriction_population",
]

_VERBAL = ("VERB", "AUX")
_COMPLEMENTS = ("xcomp", "ccomp")
_MAX_DEPTH = 3


def _is_finite_clause(verb: Any) -> bool:
    """A clause with its own subject ("that the United States match"), not an infinitive."""
    return any(c.dep_ in ("nsubj", "nsubjpass", "nsubj:pass") for c in verb.children)


def nominal_parties(nouns: Sequence[Any], lex: Lexicon) -> list[Any]:
    """Parties hung on objects that are things: the possessor ("Serbia's suppression"), the
    author or origin ("an offer from Kabul", "calls by Kofi Annan"), the beneficiary or
    target ("70 million dollars of aid for Romania", "sanctions on Russia")."""
    preps = lex.preps["agent"] | lex.preps["target"] | lex.preps["co_participant"] \
        | lex.preps.get("noun_recipient", frozenset()) | lex.preps.get("origin", frozenset())
    out: list[Any] = []
    for noun in nouns:
        for c in noun.children:
            if c.dep_ in ("poss", "nmod:poss") and c.pos_ != "PRON":
                out.append(c)
            elif c.dep_ == "prep" and fold(c.text) in preps:
                out += [x for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]
    return out


def _clause_parties(verb: Any, lex: Lexicon, in_date: frozenset[int]) -> list[Any]:
    """Party heads of a complement clause: its own subject when finite, then its objects,
    datives, targets and co-participants ("break off relations with Congo"), then the
    parties hung on its objects."""
    args: Arguments = arguments(verb, lex, in_date)
    own_subject = args.subjects if _is_finite_clause(verb) else []
    return [*own_subject, *(args.agents if args.passive else []), *args.objects, *args.targets,
            *args.co_participants, *nominal_parties(args.objects, lex)]


def _noun_clauses(noun: Any) -> list[Any]:
    """Clauses spelling out what a nominal trigger asks or threatens: "its demands that
    Burundi's government grant ...", "an ultimatum to Ecuador to halt attacks"."""
    return [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in _VERBAL
            and any(m.dep_ in ("mark", "aux") and fold(m.text) in ("that", "to") for m in c.children)]


def _complements(verb: Any) -> list[Any]:
    return [c for c in verb.children if c.dep_ in _COMPLEMENTS and c.pos_ in _VERBAL]


def complement_heads(trigger: Any, lex: Lexicon, in_date: frozenset[int]) -> list[Any]:
    """Party heads of the trigger's complement clauses, nearest clause first."""
    start = _noun_clauses(trigger) if trigger.pos_ not in _VERBAL else _complements(trigger)
    light = light_verb_of(trigger, lex, in_date)
    if light is not None:
        start += _complements(light)
    heads: list[Any] = []
    frontier, seen = start, {trigger.i}
    for _ in range(_MAX_DEPTH):
        nxt: list[Any] = []
        for verb in frontier:
            if verb.i in seen:
                continue
            seen.add(verb.i)
            heads += _clause_parties(verb, lex, in_date)
            nxt += _complements(verb)
        frontier = nxt
    return heads


def _governing_verb(trigger: Any, lex: Lexicon, in_date: frozenset[int]) -> Any:
    """The verb whose clause the trigger's purpose is attached to: the trigger itself, or
    the light verb of a nominal one ("began a hunger strike to protest ...")."""
    if trigger.pos_ in _VERBAL:
        return trigger
    light = light_verb_of(trigger, lex, in_date)
    return light if light is not None else trigger


def _purpose_clauses(head: Any, lex: Lexicon) -> Iterator[Any]:
    """Purpose infinitives ("to protest"), participles of manner ("demanding", "calling for")."""
    for c in head.children:
        if c.pos_ not in _VERBAL or c.dep_ not in ("advcl", "xcomp", "acl"):
            continue
        purpose = any(m.dep_ in ("aux", "mark") and fold(m.text) in lex.purpose_markers for m in c.children)
        participle = c.tag_ == "VBG"
        if purpose or participle:
            yield c


def _protest_phrases(head: Any, lex: Lexicon) -> Iterator[Any]:
    """ "in protest against the violations by Algerian forces": a trigger noun in a
    prepositional phrase of the head, whose own target is what the event opposes."""
    for c in head.children:
        if c.dep_ != "prep":
            continue
        for obj in c.children:
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and lex.trigger(obj.lemma_, obj.pos_) is not None:
                yield obj


def purpose_heads(trigger: Any, lex: Lexicon, in_date: frozenset[int]) -> list[Any]:
    """Party heads of the clauses and phrases telling what the event is aimed at."""
    heads: list[Any] = []
    for head in dict.fromkeys([trigger, _governing_verb(trigger, lex, in_date)]):
        for clause in _purpose_clauses(head, lex):
            args = arguments(clause, lex, in_date)
            heads += [*args.objects, *args.targets]
        for noun in _protest_phrases(head, lex):
            args = arguments(noun, lex, in_date)
            heads += [*args.targets, *args.objects]
    return heads


# events where the party something is taken from, or pulled out of, is the one acted on
_LOSING_EVENTS = ("COERCE", "RETREAT")


def _prep_objects(head: Any, preps: frozenset[str]) -> list[Any]:
    """Objects of the prepositions ``preps`` hung on ``head`` (with their conjuncts)."""
    return [x for c in head.children if c.dep_ == "prep" and fold(c.text) in preps
            for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]


def condition_heads(trigger: Any, lex: Lexicon, in_date: frozenset[int]) -> list[Any]:
    """Subjects of the conditions a threat or demand sets: "threatened to hold a general
    strike unless Israel rescinded its annexation" is addressed to the one who must act."""
    clauses = [trigger, *_complements(trigger)]
    light = light_verb_of(trigger, lex, in_date)
    if light is not None:
        clauses += [light, *_complements(light)]
    out: list[Any] = []
    for verb in clauses:
        for c in verb.children:
            if c.dep_ == "advcl" and c.pos_ in _VERBAL and any(
                    m.dep_ == "mark" and fold(m.text) in lex.condition_markers for m in c.children):
                out += [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return out


def _stance_objects(head: Any, lex: Lexicon) -> list[Any]:
    """ "in defiance of Chinese authorities", "in retaliation for Israel's raids": the
    complement of a stance noun in a phrase of the head is what the event opposes."""
    out: list[Any] = []
    for noun in (p for c in head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"):
        if fold(noun.lemma_) in lex.stance_nouns:
            objs = [p for c in noun.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            out += objs + nominal_parties(objs, lex)
    return out


def matter_heads(trigger: Any, lex: Lexicon, in_date: frozenset[int]) -> list[Any]:
    """Parties named by what a complaint, protest or rejection is about: "complained to the
    United Nations over two Israeli air raids" is aimed at Israel, whoever heard it."""
    matter = lex.preps.get("matter", frozenset())
    heads: list[Any] = []
    for head in dict.fromkeys([trigger, _governing_verb(trigger, lex, in_date)]):
        found = _prep_objects(head, matter)
        heads += found + nominal_parties(found, lex)
    return heads


def concern_heads(trigger: Any, event: str, lex: Lexicon, in_date: frozenset[int]) -> list[Any]:
    """Parties named by whom something is taken or withdrawn from ("withdrew from Panama";
    only for coercion and retreat, where "from" does not just tell where an attack came
    from), and by what the event defies ("in defiance of Chinese authorities")."""
    heads: list[Any] = []
    source = lex.preps.get("dispossession", frozenset()) if event in _LOSING_EVENTS else frozenset()
    for head in dict.fromkeys([trigger, _governing_verb(trigger, lex, in_date)]):
        found = _prep_objects(head, source)
        heads += found + nominal_parties(found, lex) + _stance_objects(head, lex)
    return heads


def own_forces(objects: Sequence[Any]) -> list[Any]:
    """Objects the actor owns: "Israel strengthened its forces" mobilizes its own troops,
    which are no recipient."""
    return [o for o in objects if any(c.dep_ in ("poss", "nmod:poss") and c.pos_ == "PRON" for c in o.children)]


def deployment_heads(trigger: Any, event: str, args: Arguments, lex: Lexicon,
                     in_date: frozenset[int]) -> list[Any]:
    """Where a force is massed or a threatened action would take place, for mobilizations
    and threats: "strengthened its forces in Lebanon", "threatened to resume terrorist
    activities in Israel" are aimed at that country."""
    if event not in lex.aimed_by_place:
        return []
    clauses = _complements(trigger)
    heads = [h for o in args.objects for h in _locative_heads(o, lex)]
    for verb in clauses:
        own = arguments(verb, lex, in_date)
        heads += [*own.locatives, *(h for o in own.objects for h in _locative_heads(o, lex))]
    return heads


def _restriction_nouns(trigger: Any, args: Arguments, lex: Lexicon) -> list[Any]:
    words = lex.object_classes.get("restriction", frozenset())
    nouns = [trigger] if fold(trigger.lemma_) in words else []
    return nouns + [o for o in args.objects if fold(o.lemma_) in words or fold(o.text) in words]


def _locative_heads(tok: Any, lex: Lexicon) -> list[Any]:
    loc = lex.preps["location"]
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and fold(c.text) in loc:
            out += [p for p in c.children if p.dep_ == "pobj"]
        elif c.dep_.startswith(("obl", "nmod")) and case_of(c) in loc:
            out.append(c)
    return out


def restriction_population(trigger: Any, args: Arguments, lex: Lexicon, places: Sequence[Place]) -> list[Actor]:
    """The people of the place where a restriction (curfew, blockade, emergency measures)
    is imposed, eased or lifted: civilians of that place's country."""
    nouns = _restriction_nouns(trigger, args, lex)
    if not nouns:
        return []
    heads = [*args.locatives, *(h for n in nouns for h in _locative_heads(n, lex))]
    out: list[Actor] = []
    for h in heads:
        lo, hi = min(t.idx for t in h.subtree), max(t.idx + len(t.text) for t in h.subtree)
        for p in places:
            country = alpha3(p.country_code)
            if lo <= p.start and p.end <= hi and country and not any(a.country == country for a in out):
                out.append(Actor(text=p.text, name=f"Civilians ({p.name})", country=country, sector="CVL",
                                 start=p.start, end=p.end, kind="group"))
    return out
