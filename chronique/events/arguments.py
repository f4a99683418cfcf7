"""Syntactic arguments of a trigger, read from the dependency parse.

Works with both label sets our models use: Universal Dependencies (French:
nsubj, nsubj:pass, obj, obl:agent, obl:mod, nmod, case) and ClearNLP (English:
nsubj, nsubjpass, dobj, agent, prep/pobj, poss).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon, fold

__all__ = ["Arguments", "after_quotation", "agents_of", "arguments", "case_of", "claimed_by", "clause_head",
           "clause_subject", "detached_participle", "light_verb_of"]

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


_LOCATIVE_HEADS = frozenset({"pres", "autour", "loin", "proche", "aupres"})


def case_of(tok: Any) -> str | None:
    """The preposition introducing a nominal dependent ("avec", "with"), folded; for a
    compound one the parser split ("près de l'aéroport": "près" hung on the noun), its head word."""
    for c in tok.children:
        if c.dep_ in ("case", "mark"):
            head = next((a for a in tok.children if a.dep_ == "advmod" and a.i < c.i
                         and fold(a.text) in _LOCATIVE_HEADS), None)
            if head is not None:
                return fold(head.text)
            return fold(c.text if c.lemma_ in ("", "-PRON-") else c.lemma_)
    if tok.dep_ == "pobj":
        return fold(tok.head.text)
    return None


def _conjuncts(tok: Any) -> list[Any]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def clause_head(tok: Any) -> Any:
    """The verb heading the clause a token sits in (the token itself when it is one)."""
    cur = tok
    for _ in range(10):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


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


def _through_dates(tok: Any, in_date: frozenset[int]) -> list[Any]:
    """Dependents hung under a date that sits between a verb and its object ("a menacé le
    11 mai la Corée du Sud": the parser makes "Corée" a modifier of "mai")."""
    out = []
    for c in tok.children:
        if c.i in in_date:
            out += [d for d in c.subtree if d.i not in in_date and d.head.i in in_date and d.i != tok.i]
    return out


def _stranded_object(prep: Any) -> list[Any]:
    """A preposition the parser left without object because the noun phrase after it was
    read as the subject of a reduced clause: "granted asylum to [five officers] holed up
    in a residence" -> "officers". English only (ClearNLP labels); the reduced clause has
    neither a subordinator nor an auxiliary, unlike a real clause ("to ask whether X went")."""
    after = prep.doc[prep.i + 1] if prep.i + 1 < len(prep.doc) else None
    if after is None or any(c.dep_ == "pobj" for c in prep.children):
        return []
    for tok in prep.sent:
        clause = tok.head
        if tok.left_edge.i == after.i and tok.dep_ in ("nsubj", "nsubjpass") and clause.i > tok.i \
                and clause.tag_ in ("VBN", "VBG", "VBD") and clause.dep_ in ("advcl", "acl", "ccomp") \
                and not any(m.dep_ in ("mark", "aux", "auxpass") for m in clause.children):
            return [tok]  # a participle taken for a past tense: no marker, no auxiliary
    return []


def _displaced_objects(prep: Any) -> list[Any]:
    """ "denounced as an ugly crime Serbia's suppression of ...": a heavy object placed after
    the "as" phrase is parsed as an apposition to it, or as a second object of "as"; it is
    the verb's object."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs:
        return []
    return objs[1:] + [a for a in objs[0].children if a.dep_ == "appos" and a.i > objs[0].i]


def light_verb_of(trigger: Any, lex: Lexicon, in_date: frozenset[int]) -> Any | None:
    """The light verb whose object the nominal trigger is ("a imposé [le 20 mai] des sanctions")."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return None
    cur = trigger
    if cur.dep_ in ("obj", "dobj") or (cur.dep_ in ("obl:arg", "obl") and case_of(cur) in ("a", "to")):
        # "a procédé à des frappes", "sont parvenus à un accord"
        return cur.head if lex.is_light(cur.head) else None
    while cur.head.i in in_date and cur.head.i != cur.i:
        cur = cur.head
    if cur is not trigger and cur.dep_ in ("obj", "dobj", "obl:mod", "obl", "nmod") \
            and lex.is_light(cur.head):
        return cur.head
    return None


_CLOSING_QUOTES = ('"', "»", "”")
_OPENING_QUOTES = ('"', "«", "“")


def after_quotation(verb: Any) -> bool:
    """Does ``verb`` close a quotation: after a comma, with only its auxiliaries and adverbs
    between, the comma right after a closing quotation mark ('"…", a déploré', '"…", déplore
    encore') or in a sentence that opens with one ('"…" sur le racisme, a attaqué X')?"""
    if verb.pos_ not in ("VERB", "AUX") or not (
            "Fin" in verb.morph.get("VerbForm") or any(c.dep_.startswith("aux") for c in verb.children)):
        return False  # '"…", réclamant': a participle goes on with the sentence's own subject
    i = verb.i - 1
    sent_start = verb.sent.start
    while i > sent_start and (verb.doc[i].pos_ in ("AUX", "ADV") or verb.doc[i].dep_.startswith("aux")):
        i -= 1
    if not (i > sent_start and verb.doc[i].text == ","):
        return False
    if verb.doc[i - 1].text in _CLOSING_QUOTES:
        return True
    if verb.doc[sent_start].text not in _OPENING_QUOTES:
        return False
    before = verb.doc[sent_start:i].text
    closed = before.count('"') % 2 == 0 if before.startswith('"') else any(q in before for q in ("»", "”"))
    return closed and not any(c.dep_.startswith("nsubj") and i < c.i < verb.i for c in verb.children)


def detached_participle(tok: Any) -> bool:
    """A present participle set off by a comma ("…, accusant la Russie"): an adverbial clause of
    the sentence's subject, whatever word the parser hung it on."""
    return tok.dep_.startswith(("acl", "advcl")) and tok.dep_ != "acl:relcl" and "Part" in tok.morph.get("VerbForm") \
        and "Pres" in tok.morph.get("Tense") and tok.i > tok.sent.start and tok.doc[tok.i - 1].text == ","


def _governing_subject(tok: Any) -> list[Any]:
    """The nominal subject of the nearest clause above ``tok`` that has one of its own."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        subs = [c for c in cur.children if c.dep_ in _SUBJ and "Rel" not in c.morph.get("PronType")]
        if subs:
            return [x for s in subs for x in _conjuncts(s)]
    return []


def agents_of(verb: Any) -> list[Any]:
    """The agents of a passive verb ("par l'EI"): French obl:agent heads, English agent objects."""
    return [y for a in verb.children if a.dep_ in ("obl:agent", "agent")
            for y in ([x for x in a.children if x.dep_ == "pobj"] or [a])]


def _euphonic_t(tok: Any) -> bool:
    """The "-t-" of an inverted verb ("a-t-il"), which the parser may take for a subject."""
    return tok.pos_ == "PRON" and tok.lower_.strip("-") == "t"


def claimed_by(tok: Any, lex: Lexicon) -> list[Any]:
    """Who claimed an act told by its noun ("l'attentat, revendiqué par l'EI", "l'attaque a été
    revendiquée par X", "les talibans ont revendiqué l'attentat"): who claims it did it."""
    verbs = lex.claim_verbs
    if not verbs:
        return []
    for c in tok.children:
        if c.dep_.startswith("acl") and fold(c.lemma_) in verbs:
            return agents_of(c)
    head = tok.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX") or fold(head.lemma_) not in verbs:
        return []
    if tok.dep_ in ("nsubj:pass", "nsubjpass"):
        return agents_of(head)
    if tok.dep_ in ("obj", "dobj"):
        return [c for c in head.children if c.dep_ in ("nsubj",) and "Rel" not in c.morph.get("PronType")]
    return []


def arguments(trigger: Any, lex: Lexicon, in_date: frozenset[int] = frozenset()) -> Arguments:
    """Collect the argument heads of a verbal or nominal trigger. ``in_date``: indices of
    the tokens of the sentence's dates, never arguments, looked through for misattached ones."""
    args = Arguments()
    co, tgt, agent, loc = lex.preps["co_participant"], lex.preps["target"], lex.preps["agent"], lex.preps["location"]
    # "sent arms to Pakistan", "apologized to Brazil": the dative party of a verb is its recipient;
    # English nouns take theirs the same way ("an ultimatum to Ecuador", "aid for Romania")
    verbal = trigger.pos_ in ("VERB", "AUX")
    genitive: list[Any] = []  # "tirs de gaz", "visite de Macron": read as the doer unless a light verb says who
    dative = lex.preps.get("recipient" if verbal else "noun_recipient", frozenset())
    passive_aux = any(c.dep_ in ("aux:pass", "auxpass") for c in trigger.children)
    # "le député a attaqué": a passive needs "être"; with only "avoir" the subject acts
    active_aux = not passive_aux and any(c.dep_.startswith("aux") and fold(c.lemma_) == "avoir"
                                         for c in trigger.children)
    for c in [*trigger.children, *_through_dates(trigger, in_date)]:
        if c.i in in_date or _euphonic_t(c):
            continue
        dep = c.dep_
        if dep in _SUBJ_PASS and (active_aux or c.pos_ == "PRON" and c.text.startswith("-") and not passive_aux):
            dep = "nsubj"  # "a-t-il dénoncé": the inverted clitic is the subject, not a passive one
        if c.head.i in in_date:
            # misattached under a date: its own preposition tells its role, else it is the object
            p = case_of(c)
            if p is None or (p in ("des", "de", "du", "d'") and trigger.pos_ in ("VERB", "AUX")):
                # the first such phrase is the object; later ones ("du Sud") modify it
                if c.pos_ in ("NOUN", "PROPN", "PRON") and lex.trigger(c.lemma_, c.pos_) is None \
                        and not any(o.head.i in in_date for o in args.objects):
                    args.objects.extend(_conjuncts(c))
                continue
            dep = "obl"
        if dep in _OBJ and dep != "obl:arg" and trigger.lang_ == "fr" and any(
                x.dep_ == "case" and x.pos_ == "ADP" for x in c.children) and \
                case_of(c) not in ("de", "des", "du", "d'"):
            dep = "obl"  # "a tué près de l'aéroport": a French direct object takes no preposition
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
            objs = _pobj(c) or _stranded_object(c)
            if p == "as" and verbal:
                args.objects.extend(_displaced_objects(c))
            if p in co:
                args.co_participants.extend(objs)
            elif p == "of" and trigger.pos_ == "NOUN" and fold(trigger.lemma_) in lex.patient_genitive:
                args.objects.extend(objs)  # "the arrest of the activist": the one arrested
            elif p in agent and trigger.pos_ == "NOUN" or p == "of" and trigger.pos_ == "NOUN":
                args.subjects.extend(objs)
            elif p in tgt or p in dative:
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
            elif p in tgt or p in dative:
                args.targets.extend(_conjuncts(c))
            elif verbal and dep == "obl:arg" and any(x.dep_ == "case" and fold(x.text) == "des" for x in c.children) \
                    and not any(
                    x.dep_ in _OBJ and x.dep_ != "obl:arg" for x in trigger.children):
                # "disperser à coups de gaz des manifestants": the parser reads the plural article
                # after an adjunct as a preposition; it is the verb's object
                args.objects.extend(_conjuncts(c))
            elif p in ("de", "du", "des", "d'") and trigger.pos_ == "NOUN":
                # "la visite de Macron": who visits; "l'arrestation de Bouhafs": who is arrested
                patient = fold(trigger.lemma_) in lex.patient_genitive
                (args.objects if patient else args.subjects).extend(_conjuncts(c))
                if not patient:
                    genitive.extend(_conjuncts(c))
            elif p in loc:
                args.locatives.extend(_conjuncts(c))
    if args.passive and not args.agents and any(
        c.dep_.startswith("expl") or fold(c.text) in ("se", "s'") for c in trigger.children
    ) and not any(c.dep_ in ("aux:pass", "auxpass") for c in trigger.children):
        # "les rebelles se sont retirés": a reflexive, not a passive; the subject acts
        args.passive = False
        args.subjects, args.objects = args.objects, []
    if not args.subjects and after_quotation(trigger):
        # '"…", a déploré le député', '"…", déplore encore l'ONG': the verb closes a quotation and
        # the words after it say who spoke; the parser often reads them as its object, or as a
        # name set beside the agency spoken to ('"…", confie à l'AFP Julie Melville')
        args.subjects = [o for o in args.objects if o.i > trigger.i][:1] or [
            x for c in trigger.children if c.i > trigger.i and c.dep_.startswith("obl")
            for x in c.children if x.dep_ == "appos" and x.ent_type_ in ("PER", "PERSON")][:1]
        args.objects = [o for o in args.objects if o not in args.subjects]
        args.locatives = [o for o in args.locatives if o not in args.subjects]
        args.passive = False
    if not args.subjects and detached_participle(trigger) and not trigger.head.dep_.startswith("nsubj"):
        # "Trump a annoncé le retrait du traité, qui permet de (…), accusant la Russie": the subject
        # of the first clause above it that has its own (not a relative pronoun) speaks, not the
        # noun the parser hung the participle on ("les manifestants, réclamant")
        args.subjects = _governing_subject(trigger)
    if not args.subjects and trigger.pos_ in ("VERB", "AUX"):
        args.subjects = clause_subject(trigger)
    if trigger.pos_ == "NOUN":
        # "l'attentat de Kaboul, revendiqué par l'EI": who claims the act did it, whatever its genitive says
        args.subjects = claimed_by(trigger, lex) or args.subjects
    light = light_verb_of(trigger, lex, in_date)
    if light is not None:
        # "l'UE a imposé des sanctions à la Russie": the light verb carries the arguments
        verb = arguments(light, lex, in_date)
        doers = verb.agents if verb.passive else verb.subjects
        if doers and args.subjects and all(x in genitive for x in args.subjects):
            # "la police a procédé à des tirs de gaz": the light verb's subject acts, the genitive
            # says what the act is made of
            args.subjects = []
        args.subjects = args.subjects or doers
        args.targets += verb.targets + [t for t in verb.co_participants if light.lemma_ != "avoir"]
        args.locatives += verb.locatives
        for c in light.children:
            if c.dep_ in ("obl:arg", "iobj", "dative") and c.i != trigger.i:
                # English "issued a reminder to Iraq": the dative is the preposition, its object the party
                args.targets.extend(_pobj(c) if c.pos_ == "ADP" else [c])
    return args
