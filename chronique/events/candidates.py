"""From a parsed article to event candidates: triggers, arguments, modality, date, place.

One candidate per trigger (or per date when a trigger governs coordinated dates:
"par téléphone, le 19 novembre et le 2 décembre" is two calls). Candidates are then
merged into one record per real event by :mod:`chronique.events.merge`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Actor, Article, Evidence, Place, Quantity, Timex
from .arguments import Arguments, arguments, case_of
from .lexicon import Lexicon, Trigger, fold, load_lexicon
from .ontology import allowed_modes
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
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return self.spec.event

    @property
    def id(self) -> str:
        key = f"{self.doc_id}:{self.trigger.idx}:{self.date}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# --- helpers -----------------------------------------------------------------


def _is_reflexive(tok: Any) -> bool:
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


def _modality(tok: Any, lex: Lexicon) -> str:
    """asserted | agreed | planned | denied | hypothetical, from the trigger and its governors."""
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
        m = lex.modality_verbs.get(fold(anc.lemma_))
        if m:
            return "denied" if _negated(anc, lex) else m
    return "asserted"


def _in_purpose_clause(tok: Any, lex: Lexicon) -> bool:
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


def _governed_by_trigger(tok: Any, lex: Lexicon, event_type: str) -> bool:
    """True when another trigger takes this one as its content ("ont convenu d'organiser
    l'échange": the exchange is what was agreed, not an event that happened). A relative or
    adverbial clause is a separate statement ("son homologue, avec qui il avait convenu ...")."""
    if any(c.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") for c in tok.children):
        return False  # a clause with its own subject states its own event
    cur = tok
    for _ in range(6):
        if cur.dep_ in _CLAUSE_EDGES or cur.head.i == cur.i:
            return False
        head = cur.head
        governor = lex.trigger(head.lemma_, head.pos_) if head.pos_ in ("VERB", "NOUN") else None
        if governor is not None:
            # the same kind of event told twice in one clause ("tués dans un bombardement de
            # l'armée") is one event: keep both, the merge joins them and their arguments
            return governor.event != event_type
        cur = head
    return False


def _temporal_background(tok: Any, lex: Lexicon) -> bool:
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


def _anaphoric(tok: Any, lex: Lexicon) -> bool:
    return any(c.dep_ in ("det", "amod", "det:poss") and fold(c.text) in lex.anaphoric for c in tok.children)


def _mode_cues(sent: Any, lex: Lexicon) -> list[str]:
    folded = " " + " ".join(fold(t.text) for t in sent) + " "
    found: list[str] = []
    for cue, mode in lex.mode_words.items():
        if f" {cue} " in folded and mode not in found:
            found.append(mode)
    return found


def _acled_cues(sent: Any, lex: Lexicon) -> list[str]:
    """Names of the lexicon's ACLED cue classes whose words occur in the sentence (words,
    lemmas, or multiword phrases on the folded text)."""
    words = {fold(t.lemma_) for t in sent} | {fold(t.text) for t in sent}
    folded = " " + " ".join(fold(t.text) for t in sent) + " "
    found = []
    for name, cues in lex.acled_cues.items():
        if words & cues or any(" " in c and f" {c} " in folded for c in cues):
            found.append(name)
    return found


def _retyped(tok: Any, spec: Trigger) -> Trigger:
    """"hunger strike", "grève de la faim": a modifier that changes what the head word means."""
    if not spec.modifiers:
        return spec
    table = dict(spec.modifiers)
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "nmod", "npadvmod") or c.dep_.startswith("nmod"):
            for key in (fold(c.lemma_), fold(c.text)):
                target = table.get(key)
                if target:
                    event, _, mode = target.partition("/")
                    return replace(spec, event=event, mode=mode or None, modifiers=())
    return spec


def _object_has_class(tok: Any, args: Arguments, classes: tuple[str, ...], lex: Lexicon) -> bool:
    """Does the trigger's object (or passive subject) name a thing of one of ``classes``?"""
    words = set().union(*(lex.object_classes.get(c, frozenset()) for c in classes))
    heads = args.objects + args.targets + [c for c in tok.children if c.dep_ in ("prep", "obl", "obl:arg", "nmod")]
    for h in heads:
        for t in h.subtree:
            if fold(t.lemma_) in words or fold(t.text) in words:
                return True
    return False


def violent_context(sent: Any, lex: Lexicon) -> bool:
    words = {fold(t.lemma_) for t in sent} | {fold(t.text) for t in sent}
    return bool(words & lex.violent_context)


def _span_of(tok: Any, stop: set[int], cut_preps: frozenset[str] = frozenset()) -> tuple[int, int]:
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


# --- arguments to actors ----------------------------------------------------------


def _code(tokens: Sequence[Any], coder: Any, doc: Any, stop: set[int],
          cut_preps: frozenset[str] = frozenset()) -> list[Actor]:
    actors: list[Actor] = []
    for tok in tokens:
        start, end = _span_of(tok, stop, cut_preps)
        found = coder.resolve((start, end), doc) if coder is not None else []
        if not found and coder is not None:
            span = doc.char_span(start, end, alignment_mode="expand")
            found = coder.code_span(span) if span is not None else []
        if not found and tok.pos_ in ("PROPN", "NOUN") and end > start:
            # words we cannot code are still the actor's words: keep them as evidence
            found = [Actor(text=doc.text[start:end], start=start, end=end, kind="unknown")]
        for a in found:
            if not any(_same_actor(a, b) for b in actors):
                actors.append(a)
    return actors


def _same_actor(a: Actor, b: Actor) -> bool:
    if a.name and b.name:
        return a.name == b.name
    return (a.start, a.end) == (b.start, b.end) and a.text == b.text


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


def _possessor(tok: Any) -> list[Any]:
    """"sa visite": the owner is the agent or subject of the clause the noun sits in."""
    if not any("Yes" in c.morph.get("Poss") or c.dep_ in ("poss", "nmod:poss") for c in tok.children):
        return []
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            agents = [c for c in anc.children if c.dep_ in ("obl:agent", "agent")]
            if agents:
                return [x for c in agents for x in ([y for y in c.children if y.dep_ == "pobj"] or [c])]
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


def _resolve_args(toks: list[Any], coder: Any, doc: Any, stop: set[int],
                  not_actors: Sequence[tuple[int, int]] = (), cut_preps: frozenset[str] = frozenset()) -> list[Actor]:
    expanded: list[Any] = []
    for t in toks:
        if any(s <= t.idx < e for s, e in not_actors):
            continue  # "a rencontré lundi ...": a date is no party
        # syntax first (it sees the clause structure), then the coder's coreference chains
        ante = _pronoun_antecedent(t)
        expanded.extend(ante or [t])
    return _code(expanded, coder, doc, stop, cut_preps)


# --- dates and places --------------------------------------------------------------


def _date_timexes(sent: Any, timexes: Sequence[Timex]) -> list[Timex]:
    """Dated expressions of a sentence; the end of a range ("du 18 au 23 décembre") is part
    of the range, not a date of its own."""
    found = [t for t in timexes if sent.start_char <= t.start < sent.end_char and t.begin and t.type in ("DATE", "TIME")]
    ranges = [t for t in found if t.precision == "range"]
    return [t for t in found if not any(r is not t and r.finish == t.finish and 0 <= t.start - r.end < 8
                                         for r in ranges)]


def _attached(tok: Any, t: Timex, doc: Any) -> bool:
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    return tok in list(head.ancestors) or head.head == tok or head in tok.subtree


def _choose_timexes(tok: Any, sent_timexes: list[Timex], doc: Any, trigger_positions: list[int]) -> list[Timex]:
    """The date(s) governing this trigger in its sentence: attached first, then nearest;
    coordinated day dates all apply ("le 19 novembre et le 2 décembre")."""
    if not sent_timexes:
        return []
    attached = [t for t in sent_timexes if _attached(tok, t, doc)]
    pool = attached or [
        t for t in sent_timexes
        # a date nearer another trigger of the sentence belongs to that one
        if min(trigger_positions, key=lambda p: abs(p - t.start)) == tok.idx
    ]
    if not pool:
        return []
    best = min(pool, key=lambda t: abs(t.start - tok.idx))
    chosen = [best]
    for t in sorted(sent_timexes, key=lambda t: t.start):
        if t is best or t.precision != "day" or best.precision != "day":
            continue
        lo, hi = sorted((t, best), key=lambda x: x.start)
        between = fold(doc.text[lo.end:hi.start]).strip(" ,")
        if between in ("et", "and", "et le", "and on", "ou", "or", ",", "puis le", "then on", "et du"):
            chosen.append(t)
    return sorted(chosen, key=lambda t: t.start)


def _place_ok(p: Place, actor_ranges: list[tuple[int, int]], metonymic: Any, doc: Any) -> bool:
    if any(p.start < e and s < p.end for s, e in actor_ranges):
        return False
    if p.text[:1].islower():  # "russe", "syriennes": a nationality, not where it happened
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


def _dative_country(p: Place, doc: Any) -> bool:
    """"sanctions à la Russie": a country with an article after "à" is a recipient;
    French says "en Russie", "au Mali" for where things happen."""
    span = doc.char_span(p.start, p.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    kids = {fold(c.text) for c in root.children}
    return "a" in kids and bool(kids & {"la", "l'", "le", "les"})


def _choose_places(tok: Any, args: Arguments, sent: Any, places: Sequence[Place], doc: Any,
                   actor_ranges: list[tuple[int, int]], metonymic: Any, lex_loc: frozenset[str]) -> list[Place]:
    """Places where the event happened: locatives of the trigger, or a sentence-opening locative."""
    in_sent = [p for p in places if sent.start_char <= p.start < sent.end_char
               and _place_ok(p, actor_ranges, metonymic, doc)]
    if not in_sent:
        return []
    loc_ranges = [_span_of(t, set()) for t in args.locatives]
    # a sentence opening on a locative ("Dans la province d'Alep, ...") frames all of it,
    # whatever the parser made of the rest
    first = sent[0]
    if fold(first.text) in lex_loc:
        comma = next((t.idx for t in sent if t.text in (",", "(") and t.i > first.i), sent.end_char)
        loc_ranges.append((first.idx, comma))
    chosen = []
    for p in in_sent:
        if p.precision == "country" and _dative_country(p, doc):
            continue
        if any(s <= p.start < e for s, e in loc_ranges):
            chosen.append(p)
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is not None and _locative_path(span.root, tok, lex_loc):
            chosen.append(p)
    return chosen


# --- main --------------------------------------------------------------------------


def find_candidates(article: Article, doc: Any, timexes: Sequence[Timex], places: Sequence[Place],
                    coder: Any, lang: str, metonymic: Any = None) -> list[Candidate]:
    """Every event candidate of a parsed article, in text order."""
    lex = load_lexicon(lang)
    sents = list(doc.sents)
    claim_map: dict[int, list[Actor]] = {}
    if coder is not None:
        try:
            claim_map = coder.claimants(doc)
        except Exception:  # claimant detection failing must not lose the events
            claim_map = {}
    candidates: list[Candidate] = []
    for si, sent in enumerate(sents):
        toks = [(tok, lex.trigger(tok.lemma_, tok.pos_)) for tok in sent]
        found = [(tok, _retyped(tok, spec)) for tok, spec in toks if spec is not None]
        if not found:
            continue
        sent_timexes = _date_timexes(sent, timexes)
        kept: list[tuple[Any, Trigger, Arguments, bool]] = []
        for tok, spec in found:
            if spec.reflexive_only and not _is_reflexive(tok):
                continue
            args = arguments(tok, lex)
            if spec.intransitive_only and args.objects:
                continue
            if spec.needs_prep and not any(
                fold(c.text) in spec.needs_prep for c in tok.subtree if c.dep_ in ("case", "prep", "mark")
            ):
                continue
            if spec.needs_violent_context and not violent_context(sent, lex):
                continue
            if spec.object_class and not _object_has_class(tok, args, spec.object_class, lex):
                continue
            if _in_purpose_clause(tok, lex) or _governed_by_trigger(tok, lex, spec.event):
                continue
            nominal = tok.pos_ in ("NOUN", "PROPN")
            if nominal and not args.subjects:
                args.subjects = _possessor(tok)
            if nominal and spec.needs_argument and not (args.subjects or args.co_participants or args.objects):
                continue
            # "lors de sa visite à Moscou" tells where: new information, not a back-reference.
            # A nearby date does not count: "deux jours avant la rencontre" dates the main clause.
            own_frame = bool(args.locatives)
            weak = nominal and (_anaphoric(tok, lex) or (_temporal_background(tok, lex) and not own_frame))
            kept.append((tok, spec, args, weak))
        if not kept:
            continue
        trigger_idx = {tok.i for tok, *_ in kept}
        trigger_positions = [tok.idx for tok, _s, _a, weak in kept if not weak] or [kept[0][0].idx]
        excluded = [(t.start, t.end) for t in timexes] + [(e.start_char, e.end_char) for e in sent.ents
                                                          if e.label_ in ("MISC", "PRODUCT", "ORG", "PER", "PERSON")]
        sent_quantities = find_quantities(sent, lex, excluded)
        cues = _mode_cues(sent, lex)
        acled_cues = _acled_cues(sent, lex)
        for tok, spec, args, weak in kept:
            stop = set(trigger_idx)  # an argument never extends over a trigger, its own included
            subj = args.agents if args.passive else args.subjects
            dates = [(t.start, t.end) for t in timexes if sent.start_char <= t.start < sent.end_char]
            cut = lex.preps["location"]
            if spec.symmetric:
                actors = _resolve_args(subj + args.objects + args.co_participants, coder, doc, stop, dates, cut)
                actors = _resolve_group(actors, candidates, lex)
                recipients: list[Actor] = []
            else:
                actors = _resolve_args(subj, coder, doc, stop, dates, cut)
                recipients = _resolve_args(args.objects + args.targets, coder, doc, stop, dates, cut)
            actor_ranges = [(a.start, a.end) for a in actors + recipients if a.start is not None and a.end is not None]
            if not spec.symmetric:
                # "imposé des sanctions à la Russie": the country is the recipient
                for p in places:
                    if sent.start_char <= p.start < sent.end_char and p.precision == "country" \
                            and _dative_country(p, doc) and coder is not None:
                        pspan = doc.char_span(p.start, p.end, alignment_mode="expand")
                        rng = _span_of(pspan.root, stop) if pspan is not None else (p.start, p.end)
                        for a in coder.resolve(rng, doc):
                            if not any(_same_actor(a, b) for b in recipients + actors):
                                recipients.append(a)
            if recipients:
                # "frappé 1.093 cibles djihadistes en Syrie": Syria is where, not whom
                loc_spans = [(p.start, p.end) for p in places if sent.start_char <= p.start < sent.end_char]
                recipients = [a for a in recipients if not (a.kind == "state" and any(
                    s <= (a.start or -1) and (a.end or 0) <= e for s, e in loc_spans))]
                actor_ranges = [(a.start, a.end) for a in actors + recipients
                                if a.start is not None and a.end is not None]
            modes = [spec.mode] if spec.mode else []
            allowed = allowed_modes(spec.event)
            if not weak:  # the sentence's cue words describe its main event, not a passing mention
                modes += [m for m in cues if m in allowed and m not in modes]
            if spec.event == "ASSAULT" and "aerial" in modes and "drone" in modes and "drone" not in (spec.mode or ""):
                modes.remove("drone")  # drones in a strike report often only observed the damage
            context = [spec.context] if spec.context else []
            chosen = [] if weak else _choose_timexes(tok, sent_timexes, doc, trigger_positions)
            cplaces = _choose_places(tok, args, sent, places, doc, actor_ranges, metonymic, lex.preps["location"])
            base_evidence = [Evidence(sent.start_char, sent.end_char, "event_text"),
                             Evidence(tok.idx, tok.idx + len(tok.text), "event")]
            base_evidence += [Evidence(a.start, a.end, "actor") for a in actors if a.start is not None]
            base_evidence += [Evidence(a.start, a.end, "recipient") for a in recipients if a.start is not None]
            base_evidence += [Evidence(p.start, p.end, "event_loc") for p in cplaces]
            qs = [] if weak else list(sent_quantities)
            base_evidence += [Evidence(q.start, q.end, "quantities") for q in qs if q.start is not None]
            mags = magnitudes(qs, sent, lex)
            if spec.event not in ("PROTEST", "MOBILIZE"):
                mags["size"] = None  # PLOVER's size is a crowd's or a force's
            for timex in chosen or [None]:
                cand = Candidate(
                    doc_id=article.id, trigger=tok, spec=spec, sent_index=si, sent=sent,
                    actors=list(actors), recipients=list(recipients), modes=list(modes), context=context,
                    modality=_modality(tok, lex), places=cplaces, quantities=qs,
                    dead=mags["dead"], injured=mags["injured"], size=mags["size"],
                    claimants=[] if weak else list(claim_map.get(si, [])), weak=weak, cues=list(acled_cues),
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
