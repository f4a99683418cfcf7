"""From a parsed article to event candidates: triggers, arguments, modality, date, place.

One candidate per trigger (or per date when a trigger governs coordinated dates:
"par téléphone, le 19 novembre et le 2 décembre" is two calls). Candidates are then
merged into one record per real event by :mod:`chronique.events.merge`.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, Article, Evidence, Place, Quantity, Timex
from ..nlp import doc_text, entities_in
from ._clauses import (
    acled_cue_classes,
    anaphoric,
    governed_by_trigger,
    governed_wish,
    habitual,
    in_purpose_clause,
    is_reflexive,
    modality_of,
    mode_cues,
    object_has_class,
    obligation,
    retype_by_modality,
    retyped_as_words,
    retyped_by_call,
    retyped_by_modifier,
    span_of,
    sports_context,
    temporal_background,
    violent_context,
)
from ._home import give_home_countries
from ._implied import state_of
from ._recipients import (
    complement_heads,
    concern_heads,
    condition_heads,
    deployment_heads,
    matter_heads,
    nominal_parties,
    own_forces,
    purpose_heads,
    restriction_population,
)
from ._where_when import (
    choose_places,
    choose_timexes,
    date_timexes,
    dative_country,
    locative_case,
    sentence_locatives,
)
from .arguments import Arguments, agents_of, arguments, clause_subject
from .lexicon import LEXICON_LANGS, Lexicon, Trigger, clitic_form, fold, load_lexicon
from .ontology import allowed_modes
from .parties import not_a_party
from .quantities import find_quantities, magnitudes

__all__ = ["Candidate", "find_candidates"]

_LOC_PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "region": 4, "country": 5}


@dataclass
class Candidate:
    """One trigger's reading, before merging. ``date_strength``: sentence | inherited | publication."""

    doc_id: str
    trigger: Any
    spec: Trigger
    sent_index: int
    sent: Any
    actors: list[Actor] = field(default_factory=list)
    recipients: list[Actor] = field(default_factory=list)
    modes: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    modality: str = "asserted"
    timex: Timex | None = None
    date: str | None = None
    enddate: str | None = None
    date_precision: str | None = None
    date_strength: str = "publication"
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dead: int | None = None
    injured: int | None = None
    size: int | None = None
    claimants: list[Actor] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)  # ACLED cue classes of the sentence ("grenade", "police")
    weak: bool = False  # anaphoric or backgrounded mention: joins an existing event when one fits
    told_as_background: bool = False  # the detector reads the words as history told in passing
    wished: bool = False  # a hope or wish governs the trigger: its modality is the rules' to say
    acled_cats: dict[str, float] | None = None  # the detector's ACLED sub-event probabilities, if it has a model
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return self.spec.event

    @property
    def id(self) -> str:
        key = f"{self.doc_id}:{self.trigger.idx}:{self.date}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# --- arguments to actors ----------------------------------------------------------


def _code(tokens: Sequence[Any], coder: Any, doc: Any, stop: set[int],
          cut_preps: frozenset[str] = frozenset()) -> list[Actor]:
    actors: list[Actor] = []
    for tok in tokens:
        start, end = span_of(tok, stop, cut_preps)
        found = coder.resolve((start, end), doc) if coder is not None else []
        if not found and coder is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            found = coder.code_span(span) if span is not None else []
        if not found and not_a_party(tok):
            # "un recours", "des pneus", "par balles": words the coder cannot place are no party;
            # "une figure du mouvement, Tarek Haddad": the name set beside them is
            named = _name_beside(doc, end)
            if named is not None and named.i not in stop:
                actors.extend(a for a in _code([named], coder, doc, stop, cut_preps)
                              if not any(_same_actor(a, b) for b in actors))
            continue
        if not found and tok.pos_ in ("PROPN", "NOUN") and end > start:
            # words we cannot code are still the actor's words: keep them as evidence
            found = [Actor(text=doc_text(doc)[start:end], start=start, end=end, kind="unknown")]
        for a in found:
            if not any(_same_actor(a, b) for b in actors):
                actors.append(a)
    return actors


def _name_beside(doc: Any, end: int) -> Any | None:
    """The person or organisation named in apposition right after a phrase ending at ``end``
    (", Tarek Haddad,"), as its entity's first token; None when no name follows."""
    span = doc.char_span(end, min(len(doc_text(doc)), end + 3), alignment_mode="expand")
    if span is None or not len(span):
        return None
    comma = span[0]
    if comma.text != "," or comma.i + 1 >= len(doc):
        return None
    nxt = doc[comma.i + 1]
    return nxt if nxt.ent_type_ in ("PER", "ORG") and nxt.ent_iob_ == "B" else None


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.name and b.name:
        return a.name == b.name
    return (a.start, a.end) == (b.start, b.end) and a.text == b.text


def _coded(a: Actor) -> bool:
    """An actor the coder identified (a country, a sector or a known entry), not bare words."""
    return bool(a.country or a.sector or (a.name and a.kind not in (None, "unknown")))


def _same_code(a: Actor, b: Actor) -> bool:
    return (a.country, a.sector) == (b.country, b.sector) and bool(a.country or a.sector)


def _wants_recipient(spec: Trigger, actors: list[Actor], recipients: list[Actor]) -> bool:
    """A directed event with no coded recipient, or a symmetric one with fewer than two
    coded parties: its other party is read further out (:mod:`._recipients`)."""
    if spec.symmetric:
        return len([a for a in actors + recipients if _coded(a)]) < 2
    return not any(_coded(a) for a in recipients)


def _fallback_heads(tok: Any, spec: Trigger, args: Arguments, lex: Lexicon, in_date: frozenset[int]) -> list[Any]:
    """Party heads beyond the trigger's own arguments: its targets when symmetric ("agreed
    to US mediation"), what hangs on its object, its complement clause, its purpose clause,
    the condition it sets, what it is about or defies."""
    heads = list(args.targets) if spec.symmetric else []
    return heads + nominal_parties(args.objects, lex) + complement_heads(tok, lex, in_date) \
        + purpose_heads(tok, lex, in_date) + condition_heads(tok, lex, in_date) \
        + concern_heads(tok, spec.event, lex, in_date) + deployment_heads(tok, spec.event, args, lex, in_date)


def _group_anaphor(actor: Actor, lex: Lexicon) -> bool:
    """"les parties", "the two sides", "les deux présidents": the parties of the event just told."""
    if actor.country:
        return False
    words = fold(actor.text).replace("'", " ").split()
    while words and words[0] in ("les", "le", "la", "the", "des", "ces", "these", "de", "d"):
        words = words[1:]
    return " ".join(words) in lex.group_anaphors or (len(words) >= 2 and words[0] in ("deux", "two", "both"))


def _resolve_group(actors: list[Actor], previous: list[Candidate], lex: Lexicon) -> list[Actor]:
    """Replace group anaphors by the parties of the latest symmetric event with two coded parties."""
    out: list[Actor] = []
    for a in actors:
        if not _group_anaphor(a, lex):
            out.append(a)
            continue
        ante = next((c for c in reversed(previous) if c.spec.symmetric and not c.weak
                     and len([x for x in c.actors if x.name or x.country]) >= 2), None)
        if ante is None:
            out.append(a)
            continue
        for x in ante.actors:
            if x.name or x.country:
                out.append(Actor(text=a.text, name=x.name, country=x.country, sector=x.sector, start=a.start,
                                 end=a.end, wikidata=x.wikidata, kind=x.kind))
    return out


# the types whose records carry casualty counts (as ACLED's fatalities: violent events only)
_VIOLENT = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE"})

# determiners that make a subject generic: no one in particular did anything
_GENERIC_DETS = frozenset({"tout", "toute", "tous", "toutes", "chaque", "aucun", "aucune", "nul", "nulle",
                           "any", "every", "each", "no"})


def _state_holder(tok: Any) -> list[Any]:
    """"le président, en visite à Paris", "les cheminots en grève": a bare noun after "en" says
    what someone is doing; that someone is the noun it qualifies, else its clause's subject."""
    if any(c.dep_.startswith("det") for c in tok.children):
        return []
    if not any(c.dep_ in ("case", "prep") and fold(c.text) == "en" for c in tok.children):
        return []
    head = tok.head
    if head.pos_ in ("NOUN", "PROPN") and head.i != tok.i:
        return [head]
    if head.pos_ in ("VERB", "AUX"):
        return [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
    return []


def _nationality_actors(tok: Any, coder: Any, doc: Any) -> list[Actor]:
    """"l'offensive turque", "les sanctions américaines", "le raid israélien": a nationality
    adjective on an event noun names the state that acts."""
    if coder is None:
        return []
    out: list[Actor] = []
    for c in tok.children:
        if c.dep_ != "amod" or c.pos_ != "ADJ" or not c.text[:1].islower():
            continue
        for a in coder.resolve((c.idx, c.idx + len(c.text)), doc) or coder.code_span(doc[c.i:c.i + 1]):
            if a.country and not any(b.country == a.country for b in out):
                state = state_of(a.country)
                out.append(Actor(text=c.text, name=state[1] if state else None, country=a.country,
                                 start=c.idx, end=c.idx + len(c.text), kind="state"))
    return out


def _possessor(tok: Any) -> list[Any]:
    """"sa visite": the owner is the agent or subject of the clause the noun sits in."""
    if not any("Yes" in c.morph.get("Poss") or c.dep_ in ("poss", "nmod:poss") for c in tok.children):
        return []
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            agents = agents_of(anc)
            if agents:
                return agents
            subs = [c for c in anc.children if c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass")]
            if subs:
                return subs
            break
    return []


def _pronoun_antecedent(tok: Any) -> list[Any]:
    """Relative pronoun -> the noun its clause modifies ("avec qui" -> "Choïgou");
    personal subject pronoun of a subordinate clause -> the subject of the clause that
    governs it ("le ministre ... a rencontré son homologue avec qui il avait convenu")."""
    if tok.pos_ == "PRON" and "Rel" not in tok.morph.get("PronType") and tok.dep_.startswith("nsubj") \
            and (tok.morph.get("Person") or "Prs" in tok.morph.get("PronType")):
        clause = tok.head
        for _ in range(4):
            if clause.head.i == clause.i:
                return []
            clause = clause.head
            subs = [c for c in clause.children if c.dep_.startswith("nsubj") and c.pos_ != "PRON"]
            if subs:
                return subs[:1]
        return []
    if tok.pos_ == "PRON" and "Rel" in tok.morph.get("PronType"):
        clause = tok.head
        while clause.dep_ not in ("acl:relcl", "relcl") and clause.head.i != clause.i:
            clause = clause.head
            if clause.i < tok.sent.start:
                return []
        if clause.dep_ in ("acl:relcl", "relcl"):
            return [clause.head]
    return []


def _discourse_antecedent(tok: Any, pronouns: dict[str, str], depth: int = 0) -> list[Any]:
    """A main-clause subject pronoun ("Il a condamné…", "…, a-t-elle dénoncé") -> the party
    it continues: the first agreeing subject of the two sentences before (the root's first),
    itself followed back when it is such a pronoun. Number must agree; gender too when the
    antecedent is a common noun (a name's gender is not read)."""
    word = clitic_form(tok.text)
    if tok.pos_ != "PRON" or word not in pronouns or not tok.dep_.startswith("nsubj"):
        return []
    # a pronoun of quoted words continues the quotation ('"785 proches de l'EI ont fui". "Ils ont
    # attaqué les gardes"'), never the journalist's sentence around it ("le jour où il a attaqué")
    quoted = _quoted(tok)
    number, gender = pronouns[word], tok.morph.get("Gender")
    sent = tok.sent
    for _ in range(1 if quoted else 2):
        if sent.start == 0:
            return []
        sent = tok.doc[sent.start - 1].sent
        subjects = [t for t in sent if t.dep_.startswith("nsubj") and _quoted(t) == quoted]
        subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", t.i))
        for cand in subjects:
            if cand.pos_ == "PRON":
                if depth < 2 and clitic_form(cand.text) == word:
                    return _discourse_antecedent(cand, pronouns, depth + 1)
                continue
            if cand.pos_ not in ("NOUN", "PROPN") or not _agrees(cand, number, gender):
                continue
            if cand.pos_ == "NOUN" and (not_a_party(cand) or not (cand.ent_type_ or any(
                    c.dep_ in ("det", "nmod:poss", "nummod") or c.dep_.startswith(("flat", "appos")) and c.ent_type_
                    for c in cand.children))):
                continue  # "Grand orateur, il…": a bare noun describes, it does not refer ("M. Pompeo" names)
            return [cand]
        if subjects:
            return []  # the sentence before has its own subject, and it is no party: no guess further back
    return []


def _quoted(tok: Any) -> bool:
    """Whether ``tok`` lies inside a quotation, counted from the start of its paragraph
    (a quotation often runs over several sentences)."""
    text = doc_text(tok.doc)
    before = text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]
    if before.count("«") > before.count("»") or before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _agrees(cand: Any, number: str, gender: list[str]) -> bool:
    plural = any(c.dep_ == "conj" for c in cand.children)
    cand_number = "Plur" if plural else (cand.morph.get("Number") or ["Sing"])[0]
    if cand_number != number:
        return False
    if cand.pos_ == "NOUN" and gender and not any(c.dep_ in ("appos", "flat:name") for c in cand.children):
        dets = [c for c in cand.children if c.dep_ == "det" and c.morph.get("Gender")]
        cand_gender = (dets[0] if dets else cand).morph.get("Gender")
        return not cand_gender or cand_gender == gender
    return True


def _preceding_noun(tok: Any) -> list[Any]:
    """The noun a relative pronoun follows ("la pandémie, qui a tué"), whatever the parser
    attached the clause to ("la lutte contre la pandémie, qui...")."""
    if tok.pos_ != "PRON" or "Rel" not in tok.morph.get("PronType"):
        return []
    i = tok.i - 1
    while i >= tok.sent.start and tok.doc[i].is_punct:
        i -= 1
    return [tok.doc[i]] if i >= tok.sent.start and tok.doc[i].pos_ in ("NOUN", "PROPN") else []


def _resolve_args(toks: list[Any], coder: Any, doc: Any, stop: set[int],
                  not_actors: Sequence[tuple[int, int]] = (), cut_preps: frozenset[str] = frozenset()) -> list[Actor]:
    expanded: list[Any] = []
    for t in toks:
        if any(s <= t.idx < e for s, e in not_actors):
            continue  # "a rencontré lundi ...": a date is no party
        # syntax first (it sees the clause structure), then the coder's coreference chains
        ante = _pronoun_antecedent(t) or _discourse_antecedent(t, load_lexicon(doc.lang_).subject_pronouns)
        expanded.extend(ante or [t])
    return _without_venues(_code(expanded, coder, doc, stop, cut_preps), coder, doc)


def _without_venues(actors: list[Actor], coder: Any, doc: Any) -> list[Actor]:
    """A medium where words were said is no party: "a dénoncé … sur RTL", "a salué sur Twitter",
    "invité de BFMTV"; a speaker glued to the agency he spoke to ("confie à l'AFP Julie Melville")
    is the speaker alone. A medium that acts ("Twitter a suspendu le compte") stays."""
    lang = doc.lang_
    if lang not in LEXICON_LANGS or not actors:
        return actors
    lex = load_lexicon(lang)
    media, venue_preps = lex.media, lex.venue_preps
    if not media:
        return actors
    text = doc_text(doc)
    out: list[Actor] = []
    for a in actors:
        if a.start is None or a.end is None:
            out.append(a)
            continue
        words = fold(a.text).replace("'", "' ").split()
        lead = []
        while words and (words[0] in venue_preps or words[0] in ("l'", "le", "la", "les")):
            lead.append(words.pop(0))
        before = fold(text[max(0, a.start - 16):a.start]).replace("'", "' ").split()
        governed = bool(set(lead) & venue_preps) or bool(before and before[-1] in venue_preps)
        n = next((k for k in range(len(words), 0, -1) if " ".join(words[:k]) in media), 0)
        if not n or not governed:
            out.append(a)
            continue
        if n < len(words):  # "à l'AFP Julie Melville": the words after the medium name the speaker
            rest = a.text.split()[-(len(words) - n):]
            start = a.end - len(" ".join(rest))
            span = doc.char_span(start, a.end, alignment_mode="expand")
            out.extend(x for x in (coder.code_span(span) if coder is not None and span is not None else [])
                       if not any(_same_actor(x, y) for y in out))
    return out


# --- main --------------------------------------------------------------------------


class _TimexIndex:
    """An article's temporal expressions, looked up by character range in log time, in
    their own order: scanning all of them for each sentence made a long text quadratic."""

    def __init__(self, timexes: Sequence[Timex]) -> None:
        self.timexes = list(timexes)
        self.starts = [t.start for t in self.timexes]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:]))
        self.longest = max((t.end - t.start for t in self.timexes), default=0)

    def starting_in(self, a: int, b: int) -> list[Timex]:
        """The expressions that start in ``[a, b)``."""
        if not self.ordered:
            return [t for t in self.timexes if a <= t.start < b]
        return self.timexes[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]

    def overlapping(self, a: int, b: int) -> list[Timex]:
        """The expressions that share a character with ``[a, b)``."""
        return [t for t in self.starting_in(a - self.longest, b) if t.start < b and a < t.end]



def find_candidates(article: Article, doc: Any, timexes: Sequence[Timex], places: Sequence[Place],
                    coder: Any, lang: str, metonymic: Any = None) -> list[Candidate]:
    """Every event candidate of a parsed article, in text order."""
    lex = load_lexicon(lang)
    sents = list(doc.sents)
    index = _TimexIndex(timexes)
    claim_map: dict[int, list[Actor]] = {}
    if coder is not None:
        try:
            claim_map = coder.claimants(doc)
        except Exception:  # claimant detection failing must not lose the events
            claim_map = {}
    candidates: list[Candidate] = []
    for si, sent in enumerate(sents):
        toks = [(tok, lex.trigger(tok.lemma_, tok.pos_)) for tok in sent]
        found = [(tok, retyped_by_modifier(tok, spec)) for tok, spec in toks if spec is not None]
        reporters = {tok.i: rep for tok in sent if (rep := obligation(tok, lex)) is not None}
        found = [(t, sp) for t, sp in found if t.i not in reporters]
        found += [(doc[i], Trigger(lemma=doc[i].lemma_, event="REQUEST", pos=("VERB",))) for i in reporters]
        found = sorted(((t, retyped_by_call(t, sp, lex)) for t, sp in found), key=lambda x: x[0].i)
        if not found:
            continue
        own_timexes = index.starting_in(sent.start_char, sent.end_char)
        sent_timexes = date_timexes(sent, own_timexes)
        in_date = frozenset(t.i for t in sent for x in own_timexes if x.start <= t.idx < x.end)
        kept: list[tuple[Any, Trigger, Arguments, bool]] = []
        for tok, spec in found:
            if spec.reflexive_only and not is_reflexive(tok):
                continue
            if spec.not_reflexive and is_reflexive(tok):
                continue  # "les symptômes se manifestent": not a demonstration
            if spec.not_with_clause and any(c.dep_ in ("ccomp",) or (c.dep_ == "mark" and fold(c.text) in
                                                                      ("que", "qu'", "that")) for c in tok.children):
                continue  # "la Cour a conclu que ...", "il a insisté que ...": a statement, not the event
            if lex.is_light(tok) and any(
                    c.dep_ in ("obj", "dobj") and lex.trigger(c.lemma_, c.pos_) is not None for c in tok.children):
                continue  # "imposed sanctions", "launched an attack": the noun carries the event
            args = arguments(tok, lex, in_date)
            if tok.i in reporters:  # the speaker requests; the one who must act is the recipient
                rep = reporters[tok.i]
                own = [c for c in tok.children if c.dep_.startswith("nsubj")] or \
                    [c for c in tok.head.children if c.dep_.startswith("nsubj")]
                args = Arguments(subjects=clause_subject(rep), objects=own + args.objects, locatives=args.locatives)
            if spec.intransitive_only and args.objects:
                continue
            has_prep = not spec.needs_prep or any(
                fold(c.text) in spec.needs_prep for c in (tok.children if spec.prep_or_object else tok.subtree)
                if c.dep_ in ("case", "prep", "mark", "prt", "compound:prt"))
            has_object = not spec.object_class or object_has_class(tok, args, spec.object_class, lex)
            if spec.prep_or_object:
                if not ((spec.needs_prep and has_prep) or (spec.object_class and has_object)):
                    continue  # "was fired", "fired her": not "fired at the crowd", "fired rockets"
            elif not (has_prep and has_object):
                continue
            if spec.needs_violent_context and not violent_context(sent, lex):
                continue
            if spec.not_object_class and object_has_class(tok, args, spec.not_object_class, lex):
                continue  # "released a statement", "struck a tree": the word in another sense
            if spec.not_modifiers and any(c.dep_ in ("amod", "compound", "nmod") and fold(c.text) in spec.not_modifiers
                                          for c in tok.children):
                continue  # "cardiac arrest", "house arrest" (a sentence served, told apart)
            if sports_context(sent, spec.event, lex):
                continue  # "Wales beat Hungary 2-0": a match, not an attack
            if habitual(tok, lex):
                continue  # "have often collaborated": a habit, not an act
            if in_purpose_clause(tok, lex) or governed_by_trigger(tok, lex, spec.event):
                continue
            nominal = tok.pos_ in ("NOUN", "PROPN")
            if nominal and tok.text[:1].isupper() and tok.i != sent.start:
                continue  # "le Rassemblement national", "la Marche des fiertés": part of a name
            if nominal and not any(c.dep_.startswith("det") or c.dep_ in ("poss", "nummod") for c in tok.children) \
                    and not (args.subjects or args.objects or args.co_participants or args.targets or args.locatives) \
                    and (tok.dep_ == "conj" or any(c.dep_ == "conj" for c in tok.children)) \
                    and not lex.is_light(tok.head):
                continue  # a bare noun in a list or a definition ("meurtre ou assassinat sur un mineur")
            doers = [y for x in (args.agents if args.passive else args.subjects)
                     for y in (_pronoun_antecedent(x) or [x]) + _preceding_noun(x)]  # "l'épidémie, qui a tué"
            if any(fold(x.lemma_) in lex.non_agents or fold(x.text) in lex.non_agents for x in doers):
                continue  # "l'épidémie a tué 28.940 personnes": a disease or a storm is no actor
            if any(x.pos_ == "NOUN" and (fold(x.lemma_) in lex.rule_agents or fold(x.text) in lex.rule_agents)
                   for x in doers):
                continue  # "current legislation allows": what a text says or a thing does is no act
            holders = list(args.subjects) + ([tok.head] if tok.dep_ in ("acl:relcl", "relcl") else [])
            if any(fold(d.text) in _GENERIC_DETS for s_ in holders for d in s_.children
                   if d.dep_.startswith("det")):
                continue  # "tout régime qui menace Israël": a generic statement, no event
            if nominal and not args.subjects:
                args.subjects = _possessor(tok) or _state_holder(tok)
            if nominal and spec.needs_argument and not (args.subjects or args.co_participants or args.objects
                                                        or args.targets):
                continue
            # "lors de sa visite à Moscou" tells where: new information, not a back-reference.
            # A nearby date does not count: "deux jours avant la rencontre" dates the main clause.
            own_frame = bool(args.locatives)
            weak = nominal and (anaphoric(tok, lex) or (temporal_background(tok, lex) and not own_frame))
            kept.append((tok, spec, args, weak))
        if not kept:
            continue
        trigger_idx = {tok.i for tok, *_ in kept}
        trigger_positions = [tok.idx for tok, _s, _a, weak in kept if not weak] or [kept[0][0].idx]
        # only the dates that reach into the sentence can overlap one of its quantities (whose
        # offsets come from its folded text, which decomposing characters can make longer)
        reach = sent.end_char + max(0, len(fold(sent.text)) - len(sent.text))
        excluded = [(t.start, t.end) for t in index.overlapping(sent.start_char, reach)] + \
            [(e.start_char, e.end_char) for e in entities_in(sent)
                                                          if e.label_ in ("MISC", "PRODUCT", "ORG", "PER", "PERSON")]
        sent_quantities = find_quantities(sent, lex, excluded)
        cues = mode_cues(sent, lex)
        acled_cues = acled_cue_classes(sent, lex)
        for tok, spec, args, weak in kept:
            modality = modality_of(tok, lex, in_date)
            wished = modality == "hypothetical" and governed_wish(tok, lex)
            spec = retype_by_modality(tok, spec, modality, lex)
            spec = retyped_as_words(tok, spec, args, lex)
            stop = set(trigger_idx)  # an argument never extends over a trigger, its own included
            subj = args.agents if args.passive else args.subjects
            dates = [(t.start, t.end) for t in own_timexes]
            cut = lex.preps["location"]
            if spec.symmetric:
                actors = _resolve_args(subj + args.objects + args.co_participants, coder, doc, stop, dates, cut)
                actors = _resolve_group(actors, candidates, lex)
                recipients: list[Actor] = []
            else:
                actors = _resolve_args(subj, coder, doc, stop, dates, cut)
                objects = args.objects
                if spec.event in lex.aimed_by_place:
                    # "strengthened its forces": the actor's own troops are no recipient
                    objects = [o for o in objects if o not in own_forces(objects)]
                recipients = _resolve_args(objects + args.targets, coder, doc, stop, dates, cut)
                if spec.event == "MOBILIZE" and args.passive and not args.agents and not actors:
                    # "l'armée a été déployée": the force deployed is the one that mobilises
                    actors, recipients = _resolve_args(args.objects, coder, doc, stop, dates, cut), \
                        _resolve_args(args.targets, coder, doc, stop, dates, cut)
            if tok.pos_ == "NOUN" and not spec.symmetric and not actors:
                actors = _nationality_actors(tok, coder, doc)  # "l'offensive turque", "le raid américain"
            actor_ranges = [(a.start, a.end) for a in actors + recipients if a.start is not None and a.end is not None]
            if not spec.symmetric:
                # "imposé des sanctions à la Russie": the country is the recipient
                for p in places:
                    if sent.start_char <= p.start < sent.end_char and p.precision == "country" \
                            and dative_country(p, doc) and coder is not None:
                        pspan = doc.char_span(p.start, p.end, alignment_mode="expand")
                        rng = span_of(pspan.root, stop) if pspan is not None else (p.start, p.end)
                        for a in coder.resolve(rng, doc):
                            if not any(_same_actor(a, b) for b in recipients + actors):
                                recipients.append(a)
            if recipients:
                # "bombardé la ville d'Idleb": an uncoded phrase that names a place is where, not whom
                recipients = [a for a in recipients if a.country or a.name or a.kind != "unknown" or not any(
                    (a.start or 0) <= p.start and p.end <= (a.end or 0) and p.precision != "country"
                    for p in places)]
                # "frappé 1.093 cibles djihadistes en Syrie": Syria is where, not whom
                loc_spans = [(p.start, p.end) for p in places if sent.start_char <= p.start < sent.end_char]
                recipients = [a for a in recipients if not (a.kind == "state" and locative_case(a, doc, lex) and any(
                    s <= (a.start or -1) and (a.end or 0) <= e for s, e in loc_spans))]
                actor_ranges = [(a.start, a.end) for a in actors + recipients
                                if a.start is not None and a.end is not None]
            if _wants_recipient(spec, actors, recipients):
                found_parties = _resolve_args(_fallback_heads(tok, spec, args, lex, in_date), coder, doc, stop,
                                              dates, cut)
                found_parties = [a for a in found_parties if _coded(a)
                                 and not any(_same_actor(a, b) or _same_code(a, b) for b in actors + recipients)]
                recipients += found_parties
                actor_ranges += [(a.start, a.end) for a in found_parties if a.start is not None and a.end is not None]
                if spec.mode == "visit" and not found_parties:
                    # "arrived in Amman on a visit": the host; the town stays where it happened
                    found_parties = [a for a in _resolve_args(args.locatives, coder, doc, stop, dates, cut)
                                     if _coded(a) and not any(_same_code(a, b) for b in actors)]
                    recipients += found_parties
                if not found_parties:
                    recipients += [a for a in restriction_population(tok, args, lex, places)
                                   if not any(_same_code(a, b) for b in actors)]
            if not spec.symmetric:
                # "complained to the UN over Israeli raids": what it is about names its target,
                # whoever the complaint was addressed to
                about = _resolve_args(matter_heads(tok, lex, in_date), coder, doc, stop, dates, cut)
                recipients += [a for a in about if _coded(a) and not any(
                    _same_actor(a, b) or _same_code(a, b) for b in actors + recipients)]
            if coder is not None:
                # the sentence's mentions are all give_home_countries reads (built afresh: what the
                # arguments' coding changed in the chains' codes since must show, as it always has)
                mentions = coder.mentions_between(doc, sent.start_char, sent.end_char)
                actors = give_home_countries(actors, sent, doc, places, mentions, lex)
                recipients = give_home_countries(recipients, sent, doc, places, mentions, lex)
            modes = [spec.mode] if spec.mode else []
            allowed = allowed_modes(spec.event)
            if not weak:  # the sentence's cue words describe its main event, not a passing mention
                modes += [m for m in cues if m in allowed and m not in modes]
            if spec.event == "ASSAULT" and "aerial" in modes and "drone" in modes and "drone" not in (spec.mode or ""):
                modes.remove("drone")  # drones in a strike report often only observed the damage
            context = [spec.context] if spec.context else []
            chosen = [] if weak else choose_timexes(tok, sent_timexes, doc, trigger_positions)
            cplaces = choose_places(tok, args, sent, places, doc, actor_ranges, metonymic, lex.preps["location"])
            if not cplaces and not weak and len(trigger_positions) == 1:
                # the sentence's only event: a locative hung elsewhere ("a fait 12 morts à Mogadiscio")
                # still tells where it happened
                cplaces = sentence_locatives(sent, places, doc, actor_ranges, metonymic, lex)
            # the sentence without the blank lines spaCy keeps at its end (event_text is stripped too)
            base_evidence = [Evidence(sent.start_char, sent.start_char + len(sent.text.rstrip()), "event_text"),
                             Evidence(tok.idx, tok.idx + len(tok.text), "event")]
            base_evidence += [Evidence(a.start, a.end, "actor") for a in actors if a.start is not None]
            base_evidence += [Evidence(a.start, a.end, "recipient") for a in recipients if a.start is not None]
            base_evidence += [Evidence(p.start, p.end, "event_loc") for p in cplaces]
            qs = [] if weak else list(sent_quantities)
            base_evidence += [Evidence(q.start, q.end, "quantities") for q in qs if q.start is not None]
            mags = magnitudes(qs, sent, lex, tok)
            if spec.event not in ("PROTEST", "MOBILIZE"):
                mags["size"] = None  # PLOVER's size is a crowd's or a force's
            if spec.event not in _VIOLENT:
                # "a déploré 40.919 morts": a toll told in a statement is not the statement's dead
                mags["dead"] = mags["injured"] = None
            for timex in chosen or [None]:
                cand = Candidate(
                    doc_id=article.id, trigger=tok, spec=spec, sent_index=si, sent=sent,
                    actors=list(actors), recipients=list(recipients), modes=list(modes), context=context,
                    modality=modality, places=cplaces, quantities=qs,
                    dead=mags["dead"], injured=mags["injured"], size=mags["size"],
                    claimants=[] if weak else list(claim_map.get(si, [])), weak=weak, cues=list(acled_cues),
                    wished=wished,
                    evidence=list(base_evidence),
                )
                cand.evidence += [Evidence(c.start, c.end, "claimant") for c in cand.claimants if c.start is not None]
                if timex is not None:
                    cand.timex = timex
                    cand.date, cand.enddate = timex.begin, timex.finish or timex.begin
                    cand.date_precision = timex.precision
                    cand.date_strength = "sentence"
                    cand.evidence.append(Evidence(timex.start, timex.end, "date"))
                candidates.append(cand)
    return candidates
