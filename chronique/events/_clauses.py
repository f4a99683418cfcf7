"""Clause-level reading of a trigger: modality, retyping, obligation, purpose and
governing triggers, backgrounded mentions, cue words, and the character span of a phrase."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .arguments import Arguments, after_quotation, case_of, detached_participle, light_verb_of
from .lexicon import Lexicon, Trigger, fold
from .ontology import retyped_for


def is_reflexive(tok: Any) -> bool:
    return any(c.dep_.startswith("expl") or fold(c.text) in ("se", "s'", "s") for c in tok.children)


def _ancestors_until_sentence(tok: Any) -> list[Any]:
    out, cur = [], tok
    while cur.head.i != cur.i and cur.head.i >= tok.sent.start:
        cur = cur.head
        out.append(cur)
        if len(out) > 12:
            break
    return out


def _negated(tok: Any, lex: Lexicon) -> bool:
    return any(c.dep_ in ("advmod", "neg") and fold(c.text) in lex.negation for c in tok.children)


def modality_of(tok: Any, lex: Lexicon, in_date: frozenset[int] = frozenset()) -> str:
    """asserted | agreed | planned | denied | hypothetical, from the trigger and its governors
    (for "imposera des sanctions", from the light verb that carries the noun)."""
    light = light_verb_of(tok, lex, in_date)
    if light is not None:
        return modality_of(light, lex)
    if _negated(tok, lex):
        return "denied"
    mood = tok.morph.get("Mood")
    tense = tok.morph.get("Tense")
    aux = [c for c in tok.children if c.dep_.startswith("aux")]
    if "Cnd" in mood or any("Cnd" in a.morph.get("Mood") for a in aux):
        return "hypothetical"
    if "Fut" in tense or any("Fut" in a.morph.get("Tense") for a in aux):
        return "planned"
    for a in aux:
        m = lex.modality_verbs.get(fold(a.lemma_)) or lex.modality_verbs.get(fold(a.text))
        if m == "hypothetical":
            return m
        if fold(a.lemma_) == "will":
            return "planned"
    for anc in _ancestors_until_sentence(tok)[:3]:
        m = _modality_word(anc, lex)
        if m:
            return "denied" if _negated(anc, lex) else m
    if governed_wish(tok, lex):
        return "hypothetical"
    return "asserted"


def _word_forms(tok: Any, lang: str) -> list[str]:
    """A token's lemma and the base forms an English inflection may hide ("hopes" lemmatised "hop")."""
    w = fold(tok.text)
    forms = [fold(tok.lemma_)]
    if lang != "en":
        return forms
    forms.append(w)
    if w.endswith("ing") and len(w) > 5:
        forms += [w[:-3], w[:-3] + "e"]
    elif w.endswith("ed") and len(w) > 4:
        forms += [w[:-1], w[:-2]]
    elif w.endswith("es") and len(w) > 4:
        forms += [w[:-1], w[:-2]]
    elif w.endswith("s") and len(w) > 3:
        forms.append(w[:-1])
    return forms


def _modality_word(anc: Any, lex: Lexicon) -> str | None:
    if lex.lang == "en" and anc.pos_ in ("ADP", "SCONJ", "CCONJ", "PART"):
        return None  # "protesters like him": a preposition, not the verb of a wish
    m = lex.modality_verbs.get(fold(anc.lemma_))
    if m:
        return m
    # the inflected forms the lemmatiser misses ("hopes" -> "hop") are read for wishes only
    return next(("hypothetical" for f in _word_forms(anc, lex.lang)[1:]
                 if lex.modality_verbs.get(f) == "hypothetical"), None)


def governed_wish(tok: Any, lex: Lexicon) -> bool:
    """A hope, wish or conditional that governs the trigger: "hopes to meet", "optimistic about
    restoring", "would like to announce an agreement". The rules' hypothetical is then read from
    the words themselves, which the trained modality must not overrule."""
    for anc in _ancestors_until_sentence(tok)[:3]:
        if anc.pos_ in ("VERB", "ADJ") and _modality_word(anc, lex) == "hypothetical" and not _negated(anc, lex):
            return True
    governor = _complement_governor(tok) if lex.lang == "en" else None
    if governor is not None:
        # the governing verb's conditional carries over to its infinitive complement
        return any(a.dep_.startswith("aux") and lex.modality_verbs.get(fold(a.lemma_)) == "hypothetical"
                   for a in governor.children)
    return False


def _complement_governor(tok: Any) -> Any | None:
    """The finite verb whose infinitive complement chain holds the trigger ("would like to
    announce an agreement" -> "like"), if the trigger sits in such a chain."""
    cur, found = tok, None
    if cur.dep_ in ("dobj", "obj") and cur.head.pos_ == "VERB":
        cur = cur.head
    for _ in range(3):
        if cur.dep_ != "xcomp" or cur.head.i == cur.i:
            break
        cur = cur.head
        found = cur
    return found


def habitual(tok: Any, lex: Lexicon) -> bool:
    """"have often collaborated", "offers the program twice per year": a habit or a general
    truth, not a specific act (read on the trigger and on the verb that carries a trigger noun)."""
    if not lex.habitual_adverbs and not lex.habitual_phrases:
        return False
    verbs = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "obj", "nsubj") and tok.head.pos_ in ("VERB", "AUX"):
        verbs.append(tok.head)
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("advmod",) and fold(c.text) in lex.habitual_adverbs:
                return True
            if c.dep_ in ("npadvmod", "obl", "obl:tmod", "obl:mod", "nmod:tmod", "prep", "advmod", "advcl"):
                words = " " + " ".join(fold(t.text) for t in c.subtree) + " "
                if any(f" {p} " in words for p in lex.habitual_phrases):
                    return True
    return False


_SCORE = re.compile(r"(?<![\d./:-])\d{1,2}-\d{1,2}(?![\d./:-])")


def sports_context(sent: Any, spec_event: str, lex: Lexicon) -> bool:
    """"Wales beat Hungary 2-0", "fired a shot at the goaltender": a sports report."""
    if spec_event not in lex.sports_types:
        return False
    words = " " + " ".join(fold(t.text) for t in sent) + " "
    if lex.sports_score and _SCORE.search(sent.text):
        return True
    return any(f" {w} " in words for w in lex.sports_words)


def _conditional(tok: Any, lex: Lexicon) -> bool:
    """"if it is attacked", "s'il est attaqué": a condition, not an announced action."""
    cur = tok
    for _ in range(3):
        if any(c.dep_ in ("mark",) and fold(c.text) in lex.conditional_markers for c in cur.children):
            return True
        if cur.head.i == cur.i or cur.dep_ in ("ROOT",):
            break
        cur = cur.head
    return False


def _prospective(tok: Any, lex: Lexicon) -> bool:
    """Future, conditional or modal form: the clause speaks of what will (not) be done."""
    forms = [tok, *[c for c in tok.children if c.dep_.startswith("aux")]]
    if any("Fut" in t.morph.get("Tense") or "Cnd" in t.morph.get("Mood") for t in forms):
        return True
    if any(fold(t.lemma_) in ("will", "would", "can", "could", "shall") for t in forms):
        return True
    return any(lex.modality_verbs.get(fold(a.lemma_)) for a in _ancestors_until_sentence(tok)[:2])


def retype_by_modality(tok: Any, spec: Trigger, modality: str, lex: Lexicon) -> Trigger:
    """Announced, hypothetical or refused actions are statements: AGREE, THREATEN or REJECT."""
    new = retyped_for(spec.event, modality)
    if new == spec.event or _conditional(tok, lex):
        return spec
    if modality == "denied" and not _prospective(tok, lex):
        return spec  # "je n'ai pas démissionné" denies a fact; "will not meet" refuses
    return replace(spec, event=new, mode=None, symmetric=spec.symmetric and new == "AGREE", context=None)


def retyped_as_words(tok: Any, spec: Trigger, args: Arguments, lex: Lexicon) -> Trigger:
    """"le député a attaqué le président Emmanuel Macron", "en attaquant Olivier Faure": an attack
    word aimed at a named person or a political office, in a sentence with no weapon, wound or
    death, or closing a quotation, is a verbal attack (the lexicon's ``verbal_attack``: lemmas ->
    the type they then take)."""
    event = lex.verbal_attack_event
    if event is None or fold(tok.lemma_) not in lex.verbal_attack_lemmas:
        return spec
    if not after_quotation(tok):  # '"…", a attaqué le chef des Insoumis': the words quoted are the attack
        objects = args.objects[:1] or args.targets[:1]
        if not any(o.ent_type_ == "PER" or fold(o.lemma_) in lex.political_roles for o in objects):
            return spec
        physical = lex.physical_words
        if any(fold(t.lemma_) in physical or fold(t.text) in physical for t in tok.sent):
            return spec
    return replace(spec, event=event, mode=None, symmetric=False, context=None)


def obligation(tok: Any, lex: Lexicon) -> Any | None:
    """"(X said that) China must drop barriers", "(Y a déclaré que) le Mali doit ...": a reported
    obligation laid on someone else is a REQUEST. Returns the reporting verb, else None."""
    if tok.pos_ not in ("VERB", "AUX") or not lex.obligation_modals:
        return None
    clause = tok
    if not any(c.dep_.startswith("aux") and fold(c.lemma_) in lex.obligation_modals for c in tok.children):
        # French "doit se retirer": the modal is the head of the infinitive
        if not (tok.dep_ == "xcomp" and fold(tok.head.lemma_) in lex.obligation_modals):
            return None
        clause = tok.head
    if clause.dep_ not in ("ccomp", "acl", "parataxis"):
        return None
    if not any(c.dep_.startswith("nsubj") for c in [*tok.children, *clause.children]):
        return None
    return clause.head


def in_purpose_clause(tok: Any, lex: Lexicon) -> bool:
    """"pour frapper", "afin de", "in order to": an aim, not an event that happened."""
    cur = tok
    for _ in range(3):
        if any(c.dep_ in ("mark", "case", "aux") and fold(c.text) in lex.purpose_markers for c in cur.children):
            if cur.dep_.startswith(("advcl", "acl", "obl", "xcomp", "nmod")) or cur.pos_ == "VERB":
                return lex.lang != "en" or cur.dep_.startswith("advcl")
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return False


_CLAUSE_EDGES = ("acl:relcl", "relcl", "advcl", "conj", "parataxis", "ROOT", "ccomp")


def governed_by_trigger(tok: Any, lex: Lexicon, event_type: str) -> bool:
    """True when another trigger takes this one as its content ("ont convenu d'organiser
    l'échange": the exchange is what was agreed, not an event that happened). A relative or
    adverbial clause is a separate statement ("son homologue, avec qui il avait convenu ...")."""
    if any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for c in tok.children):
        return False  # a clause with its own subject states its own event
    if detached_participle(tok):
        return False  # "…le retrait du traité, accusant la Russie de le violer": a second statement
    cur = tok
    for _ in range(6):
        if cur.dep_ in _CLAUSE_EDGES or cur.head.i == cur.i:
            return False
        head = cur.head
        governor = lex.trigger(head.lemma_, head.pos_) if head.pos_ in ("VERB", "NOUN") else None
        if governor is not None and cur.dep_ in ("obj", "dobj") and lex.is_light(head):
            return False  # "imposed sanctions": the light verb's object is the event
        if governor is not None:
            # the same kind of event told twice in one clause ("tués dans un bombardement de
            # l'armée") is one event: keep both, the merge joins them and their arguments
            return governor.event != event_type
        cur = head
    return False


def temporal_background(tok: Any, lex: Lexicon) -> bool:
    """A nominal trigger used as a time frame: "avant la rencontre", "depuis l'attaque"."""
    for c in tok.children:
        if c.dep_ in ("case", "det") and fold(c.text) in lex.temporal_heads:
            return True
    if tok.dep_ == "pobj" and fold(tok.head.text) in lex.temporal_heads:
        return True
    head = tok.head
    for c in head.children:
        if c.dep_ in ("case", "advmod", "mark") and fold(c.text) in lex.temporal_heads and c.i < tok.i:
            return True
    return False


def anaphoric(tok: Any, lex: Lexicon) -> bool:
    return any(c.dep_ in ("det", "amod", "det:poss") and fold(c.text) in lex.anaphoric for c in tok.children)


def mode_cues(sent: Any, lex: Lexicon) -> list[str]:
    folded = " " + " ".join(fold(t.text) for t in sent) + " "
    found: list[str] = []
    for cue, mode in lex.mode_words.items():
        if f" {cue} " in folded and mode not in found:
            found.append(mode)
    return found


def acled_cue_classes(sent: Any, lex: Lexicon) -> list[str]:
    """Names of the lexicon's ACLED cue classes whose words occur in the sentence (words,
    lemmas, or multiword phrases on the folded text)."""
    words = {fold(t.lemma_) for t in sent} | {fold(t.text) for t in sent}
    folded = " " + " ".join(fold(t.text) for t in sent) + " "
    found = []
    for name, cues in lex.acled_cues.items():
        if words & cues or any(" " in c and f" {c} " in folded for c in cues):
            found.append(name)
    return found


def retyped_by_modifier(tok: Any, spec: Trigger) -> Trigger:
    """"hunger strike", "grève de la faim": a modifier that changes what the head word means;
    also its subject ("la cour a condamné") or, for a passive participle, the preposition of
    its complement ("condamné pour fraude") where the lexicon lists them."""
    if not (spec.modifiers or spec.subject_modifiers or spec.passive_prep_modifiers):
        return spec
    table, subjects, preps = dict(spec.modifiers), dict(spec.subject_modifiers), dict(spec.passive_prep_modifiers)
    passive = "Part" in tok.morph.get("VerbForm") and (
        tok.dep_.startswith("acl") or any(c.dep_ in ("aux:pass", "auxpass") for c in tok.children)
        or not any(c.dep_.startswith(("nsubj", "aux")) for c in tok.children))
    for c in tok.children:
        target = None
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "advmod") or c.dep_.startswith(("nmod", "obl")):
            target = table.get(fold(c.lemma_)) or table.get(fold(c.text))
            if target is None and passive and c.dep_.startswith("obl"):
                target = preps.get(fold(case_of(c) or ""))
        elif c.dep_.startswith("nsubj") and not c.dep_.endswith("pass"):
            target = subjects.get(fold(c.lemma_)) or subjects.get(fold(c.text))
        if target:
            event, _, mode = target.partition("/")
            return replace(spec, event=event, mode=mode or None, modifiers=(), subject_modifiers=(),
                           passive_prep_modifiers=())
    return spec


def retyped_by_call(tok: Any, spec: Trigger, lex: Lexicon) -> Trigger:
    """"a appelé à une grève générale", "called for a strike": a call whose complement is an
    event of the lexicon's ``called_events`` types is that event, announced by the caller."""
    rule = lex.data.get("called_events")
    if not rule or spec.event != "REQUEST":
        return spec
    preps, types = {fold(p) for p in rule["preps"]}, set(rule["types"])
    for c in tok.children:
        objs = [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [c]
        if fold(c.text) not in preps and case_of(c) not in preps:
            continue
        for o in objs:
            target = lex.trigger(o.lemma_, o.pos_)
            if target is not None and target.event in types:
                target = retyped_by_modifier(o, target)
                return replace(spec, event=target.event, mode=target.mode, symmetric=False, needs_prep=(),
                               modifiers=())
    return spec


def object_has_class(tok: Any, args: Arguments, classes: tuple[str, ...], lex: Lexicon) -> bool:
    """Does the trigger's object (or passive subject) name a thing of one of ``classes``?"""
    words = set().union(*(lex.object_classes.get(c, frozenset()) for c in classes))
    heads = args.objects + args.targets + [c for c in tok.children if c.dep_ in ("prep", "obl", "obl:arg", "nmod")]
    if tok.dep_ in ("acl", "amod") and tok.tag_ != "VBG" and "Part" in tok.morph.get("VerbForm") and \
            (fold(tok.head.lemma_) in words or fold(tok.head.text) in words):
        return True  # "l'accord conclu en 2015", "the weapons seized": the noun the participle qualifies
    for h in heads:
        for t in h.subtree:
            if fold(t.lemma_) in words or fold(t.text) in words:
                return True
    return False


def violent_context(sent: Any, lex: Lexicon) -> bool:
    words = {fold(t.lemma_) for t in sent} | {fold(t.text) for t in sent}
    return bool(words & lex.violent_context)


def span_of(tok: Any, stop: set[int], cut_preps: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Character range of a token's phrase: the contiguous part of its subtree around it,
    cut before relative and other clauses, other triggers, locative phrases in
    ``cut_preps`` ("his counterpart in Nairobi"), and trailing punctuation."""
    kept = {tok.i}
    for t in tok.subtree:
        if t.i == tok.i:
            continue
        cur, keep = t, True
        while cur.i != tok.i:
            if cur.i in stop or cur.dep_ in ("acl:relcl", "relcl", "advcl", "ccomp", "parataxis", "acl"):
                keep = False
                break
            if cut_preps and ((cur.dep_ == "prep" and fold(cur.text) in cut_preps)
                              or (cur.dep_.startswith(("nmod", "obl")) and case_of(cur) in cut_preps)):
                keep = False
                break
            cur = cur.head
        if keep:
            kept.add(t.i)
    lo = hi = tok.i
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = tok.doc
    while hi > lo and doc[hi].is_punct:
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)
