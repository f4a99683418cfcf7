"""Syntactic arguments of a trigger, read from the dependency parse.

Works with both label sets our models use: Universal Dependencies (French:
nsubj, nsubj:pass, obj, obl:agent, obl:mod, nmod, case) and ClearNLP (English:
nsubj, nsubjpass, dobj, agent, prep/pobj, poss).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon, fold

__all__ = ["Arguments", "arguments", "case_of", "clause_subject"]

_SUBJ = {"nsubj", "csubj"}
_SUBJ_PASS = {"nsubj:pass", "nsubjpass"}
_OBJ = {"obj", "dobj", "iobj", "dative", "obl:arg"}
_OBL = {"obl", "obl:mod", "obl:arg", "nmod", "prep", "advmod", "obl:agent", "agent"}
_POSS = {"poss", "nmod:poss"}


@dataclass
class Arguments:
    """Token heads of a trigger's arguments (each stands for its subtree)."""

    subjects: list[Any] = field(default_factory=list)
    objects: list[Any] = field(default_factory=list)
    co_participants: list[Any] = field(default_factory=list)
    targets: list[Any] = field(default_factory=list)
    agents: list[Any] = field(default_factory=list)
    locatives: list[Any] = field(default_factory=list)
    passive: bool = False


def case_of(tok: Any) -> str | None:
    """The preposition introducing a nominal dependent ("avec", "with"), folded."""
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            return fold(c.text if c.lemma_ in ("", "-PRON-") else c.lemma_)
    if tok.dep_ == "pobj":
        return fold(tok.head.text)
    return None


def _conjuncts(tok: Any) -> list[Any]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def clause_subject(tok: Any, max_up: int = 4) -> list[Any]:
    """Subject of the clause governing ``tok``: its own, or its controller's ("ont convenu de poursuivre")."""
    cur = tok
    for _ in range(max_up):
        subs = [c for c in cur.children if c.dep_ in _SUBJ]
        if subs:
            return [x for s in subs for x in _conjuncts(s)]
        if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
            break
        if cur.dep_ in ("conj",) or cur.dep_.startswith(("xcomp", "acl", "ccomp", "advcl", "obl", "nmod", "obj", "pcomp",
                                                       "dobj", "pobj", "prep")):
            cur = cur.head
            continue
        break
    return []


def _pobj(prep: Any) -> list[Any]:
    """English: the object(s) of a preposition token."""
    return [x for c in prep.children if c.dep_ == "pobj" for x in _conjuncts(c)]


def arguments(trigger: Any, lex: Lexicon) -> Arguments:
    """Collect the argument heads of a verbal or nominal trigger."""
    args = Arguments()
    co, tgt, agent, loc = lex.preps["co_participant"], lex.preps["target"], lex.preps["agent"], lex.preps["location"]
    for c in trigger.children:
        dep = c.dep_
        if dep in _SUBJ:
            args.subjects.extend(_conjuncts(c))
        elif dep in _SUBJ_PASS:
            args.passive = True
            args.objects.extend(_conjuncts(c))
        elif dep in ("obl:agent", "agent"):
            args.agents.extend(_pobj(c) if dep == "agent" else _conjuncts(c))
        elif dep in _OBJ and dep != "obl:arg":
            args.objects.extend(_conjuncts(c))
        elif dep in _POSS:
            args.subjects.append(c)
        elif dep == "prep":  # English: the preposition is the dependent
            p = fold(c.text)
            objs = _pobj(c)
            if p in co:
                args.co_participants.extend(objs)
            elif p in agent and trigger.pos_ == "NOUN":
                args.subjects.extend(objs)
            elif p == "of" and trigger.pos_ == "NOUN":
                args.subjects.extend(objs)
            elif p in tgt:
                args.targets.extend(objs)
            elif p in loc:
                args.locatives.extend(objs)
        elif dep in _OBL or dep.startswith(("obl", "nmod")) or case_of(c) in co:
            # "avec qui": the parser may leave the relative pronoun unlabelled ("dep")
            p = case_of(c)
            if p in co:
                args.co_participants.extend(_conjuncts(c))
            elif p in agent:
                args.agents.extend(_conjuncts(c))
            elif p in tgt:
                args.targets.extend(_conjuncts(c))
            elif p in ("de", "du", "des", "d'") and trigger.pos_ == "NOUN":
                args.subjects.extend(_conjuncts(c))
            elif p in loc:
                args.locatives.extend(_conjuncts(c))
    if args.passive and not args.agents and any(
        c.dep_.startswith("expl") or fold(c.text) in ("se", "s'") for c in trigger.children
    ) and not any(c.dep_ in ("aux:pass", "auxpass") for c in trigger.children):
        # "les rebelles se sont retirés": a reflexive, not a passive; the subject acts
        args.passive = False
        args.subjects, args.objects = args.objects, []
    if not args.subjects and trigger.pos_ in ("VERB", "AUX"):
        args.subjects = clause_subject(trigger)
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("obj", "dobj") \
            and fold(trigger.head.lemma_) in lex.light_verbs:
        # "l'UE a imposé des sanctions à la Russie": the light verb carries the arguments
        verb = arguments(trigger.head, lex)
        args.subjects = args.subjects or (verb.agents if verb.passive else verb.subjects)
        args.targets += verb.targets + [t for t in verb.co_participants if trigger.head.lemma_ != "avoir"]
        args.locatives += verb.locatives
        for c in trigger.head.children:
            if c.dep_ in ("obl:arg", "iobj", "dative") and c.i != trigger.i:
                args.targets.append(c)
    return args
