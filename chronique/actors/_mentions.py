"""Actor mentions of a parsed document and their in-document coreference chains.

Mentions are found from the words, not from spaCy's noun chunks (the French
model's chunks and sentences break on "état-major"): every registry alias,
actor noun, counterpart word or PER/ORG entity anchors a mention, which extends
over the determiners, adjectives, numbers, proper nouns and "de/of" around it.

Chains: registry entries and names chain by identity (aliases and surnames
included); a description next to a name ("X, chef d'état-major") joins the
name's chain; a bare title ("le ministre", "the minister") joins the last
person chain holding that title; "son homologue" / "his counterpart" joins the
last other person of the same sector as the sentence's person; "les deux
parties" / "the two sides" refers to the last two person (or state) chains.
Pronouns are not resolved: the French and English parsers give no safe cue.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, POS

from ..model import Actor
from ..nlp import doc_text, entity_at
from ._analyse import Coded
from ._phrases import code_phrase
from ._text import fold, words
from .lexicon import Lexicon
from .registry import Registry

__all__ = ["Mention", "MentionIndex", "find_mentions", "mention_actors", "mention_index", "name_positions",
           "to_actor"]

_GLUE_POS = {"DET", "ADJ", "NUM", "PROPN"}
_EDGE_POS = {"ADP", "DET", "PUNCT", "CCONJ", "SCONJ", "PART"}
_MAX_BACK = 40  # mentions looked back at for titles and counterparts


@dataclass
class Mention:
    """One actor mention: its characters, coding and chain."""

    start: int
    end: int
    text: str
    coded: Coded
    sent: int
    chain: str = ""
    doc: Any = None
    tokens: tuple[int, int] | None = None  # token range of the phrase the mention came from
    targets: list[str] = field(default_factory=list)  # chains a plural or counterpart refers to
    is_subject: bool = False
    refs: list[Coded] = field(default_factory=list)  # their identities


class MentionIndex:
    """A document's mentions looked up by character position in log time, answers in
    the mentions' own order: scanning every mention for each sentence, argument or
    subject made the actors and claims of a long text quadratic."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = mentions
        self.order = sorted(range(len(mentions)), key=lambda k: mentions[k].start)
        self.starts = [mentions[k].start for k in self.order]
        self.longest = max((m.end - m.start for m in mentions), default=0)

    def _between(self, a: int, b: int) -> list[int]:
        """Positions in the list of the mentions starting in ``[a, b)``, in list order."""
        return sorted(self.order[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)])

    def starting_in(self, a: int, b: int) -> list[Mention]:
        """``[m for m in mentions if a <= m.start < b]``."""
        return [self.mentions[k] for k in self._between(a, b)]

    def covering(self, pos: int) -> Mention | None:
        """``next((m for m in mentions if m.start <= pos < m.end), None)``."""
        for k in self._between(pos - self.longest, pos + 1):
            if pos < self.mentions[k].end:
                return self.mentions[k]
        return None


def mention_index(doc: Any, mentions: list[Mention]) -> MentionIndex:
    """The :class:`MentionIndex` of ``mentions`` (the Doc's), built once and kept on the Doc."""
    index = doc.user_data.get("chronique.actors.index")
    if index is None or index.mentions is not mentions:
        index = doc.user_data["chronique.actors.index"] = MentionIndex(mentions)
    return index  # type: ignore[no-any-return]


def to_actor(text: str, start: int, end: int, c: Coded) -> Actor:
    """The Actor record of a coded mention."""
    return Actor(text=text, name=c.name, country=c.country, sector=c.sector, start=start, end=end,
                 wikidata=c.wikidata, kind=c.kind)


def _anchors(doc: Any, lang: str, registry: Registry, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Character ranges that certainly belong to an actor mention."""
    ws = words(doc_text(doc))
    ranges = [(ws[m.i].start, ws[m.j - 1].end) for m in registry.find(ws, lang)]
    ranges += [(ws[m.i].start, ws[m.j - 1].end) for m in lexicon.find(ws)]
    ranges += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON", "ORG", "NORP")]
    return ranges


def _runs(doc: Any, lang: str, registry: Registry, lexicon: Lexicon) -> list[tuple[int, int]]:
    """Token runs (start, end token indices) that hold an actor anchor."""
    marks = [False] * len(doc)
    # where each token starts and ends, read as arrays: a Token object per token, or a
    # dictionary entry per character, cost more than the rest of the search
    starts, lengths = (col.tolist() for col in doc.to_array([IDX, LENGTH]).reshape(-1, 2).T)
    for a, b in _anchors(doc, lang, registry, lexicon):
        i = bisect.bisect_right(starts, a) - 1  # the token covering character a, if any
        if i < 0 or a >= starts[i] + lengths[i]:
            continue
        while i < len(doc) and starts[i] < b:
            # Folded accents make "jugé" read as "juge": verbs are never actor nouns.
            marks[i] = doc[i].pos_ not in ("VERB", "AUX") or doc[i].text[:1].isupper()
            i += 1
    glued = _glue_flags(doc, lexicon.glue)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        if not (marks[i] or glued[i]):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (marks[j] or glued[j] or _joins(doc, j, marks, lang)):
            # A determiner after a noun or name starts another phrase ("à Moscou son homologue").
            if doc[j].pos_ == "DET" and doc[j].text[:1].islower() and doc[j - 1].pos_ not in ("ADP", "DET", "NUM") \
                    and fold(doc[j - 1].text) not in ("de", "d'", "d’", "of", "du", "des"):
                break
            j += 1
        if any(marks[i:j]):
            a, b = i, j
            while a < b and not marks[a] and (doc[a].pos_ in ("ADP", "PUNCT") or doc[a].text in "-'’"):
                a += 1
            while b > a and not marks[b - 1] and (doc[b - 1].pos_ in _EDGE_POS or doc[b - 1].text in "-'’"):
                b -= 1
            if a < b:
                out.append((a, b))
        i = j
    return out


def _joins(doc: Any, j: int, marks: list[bool], lang: str) -> bool:
    """Coordinated nationality adjectives ("russe et français") and English noun heads
    after a modifier ("the Israeli peace movement") stay in the phrase."""
    t = doc[j]
    if t.pos_ == "CCONJ":
        return j + 1 < len(doc) and marks[j + 1] and doc[j + 1].pos_ == "ADJ" and marks[j - 1]
    if lang == "en" and t.pos_ == "NOUN":
        return doc[j - 1].pos_ in ("ADJ", "PROPN", "NOUN") and (marks[j - 1] or _joins(doc, j - 1, marks, lang))
    return False


def _glue_flags(doc: Any, glue: frozenset[str]) -> list[bool]:
    """Whether each token may sit inside an actor phrase (a determiner, adjective, number,
    proper noun, a glue word of the lexicon, a hyphen or possessive; never a space or other
    punctuation), decided once per distinct word and part of speech."""
    strings = doc.vocab.strings
    seen: dict[tuple[int, int], bool] = {}
    out = []
    for orth, pos, space, punct in doc.to_array([ORTH, POS, IS_SPACE, IS_PUNCT]).tolist():
        flag = seen.get((orth, pos))
        if flag is None:
            text = strings[orth]
            flag = seen[(orth, pos)] = not (space or punct and text not in "-'’") and (
                strings[pos] in _GLUE_POS or fold(text) in glue or text in ("-", "'s", "’s"))
        out.append(flag)
    return out


def name_positions(doc: Any) -> set[int]:
    """Character positions inside proper nouns or person/organisation entities (read only:
    kept on the Doc, where the mentions and every argument's coding share them)."""
    cached = doc.user_data.get("chronique.actors.names")
    if cached is None or cached[0] != len(doc):
        cached = doc.user_data["chronique.actors.names"] = (len(doc), _name_positions(doc))
    return cached[1]  # type: ignore[no-any-return]


def _name_positions(doc: Any) -> set[int]:
    out: set[int] = set()
    for t in doc:
        if t.pos_ == "PROPN":
            out.update(range(t.idx, t.idx + len(t.text)))
    for e in doc.ents:
        if e.label_ in ("PER", "PERSON", "ORG"):
            out.update(range(e.start_char, e.end_char))
    return out


def find_mentions(doc: Any, lang: str, registry: Registry, lexicon: Lexicon) -> list[Mention]:
    """All actor mentions of ``doc`` with their coreference chains."""
    sent_of = {}
    for k, s in enumerate(doc.sents):
        for t in s:
            sent_of[t.i] = k
    mentions: list[Mention] = []
    names = name_positions(doc)
    text_of_doc = doc_text(doc)
    for a, b in _runs(doc, lang, registry, lexicon):
        span = doc[a:b]
        for part in code_phrase(span.text, span.start_char, lang, registry, lexicon, names):
            c = part.coded
            assert c is not None
            if c.kind == "unknown" and c.person_name:
                ent = entity_at(doc, part.start)
                if ent is not None and ent.label_ in ("PER", "PERSON"):
                    c.kind = "person"
                elif ent is not None and ent.label_ == "ORG":
                    c.kind = "organisation"
                elif ent is None or ent.label_ not in ("ORG",):
                    continue  # a capitalised word no recogniser calls an actor
            text = text_of_doc[part.start:part.end]
            if c.descriptive and c.entry is not None and c.entry.kind == "state" and not c.nouns \
                    and not any(x[:1].isupper() for x in text.split()) and c.kind == "group":
                continue  # "côtes syriennes": a nationality adjective, not the people
            subj = any(t.dep_.startswith("nsubj") and part.start <= t.idx < part.end for t in span)
            mentions.append(Mention(part.start, part.end, text, c, sent_of.get(span.start, 0), doc=doc,
                                    tokens=(a, b), is_subject=subj))
    _chain(text_of_doc, mentions, lexicon)
    _possessives(doc, mentions, registry)
    return mentions


def _possessives(doc: Any, mentions: list[Mention], registry: Registry) -> None:
    """"ses avions", "its troops": a body owned by the clause's subject takes its country."""
    for m in mentions:
        c = m.coded
        if c.country is not None or not c.nouns or m.refs or m.tokens is None:
            continue
        first = doc[m.tokens[0]]
        if "Yes" not in first.morph.get("Poss"):
            continue
        verb = first.head
        while verb.dep_ not in ("ROOT", "ccomp", "xcomp", "advcl", "conj", "relcl") and verb.head is not verb:
            verb = verb.head
        subj = next((t for t in verb.children if t.dep_.startswith("nsubj")), None)
        if (subj is None or subj.i in range(*m.tokens)) and verb.dep_ in ("xcomp", "ccomp"):
            # "Moscou a annoncé que ses avions ...": the owner is the governing clause's subject
            subj = next((t for t in verb.head.children if t.dep_.startswith("nsubj")), None)
        owner = next((x for x in mentions if subj is not None and x.start <= subj.idx < x.end), None)
        if owner is None or owner.coded.country is None or owner is m:
            continue
        state = registry.states.get(owner.coded.country)
        label = _head_label(c)
        m.coded = Coded(f"{label} of {state.name}" if state else label, owner.coded.country, c.sector,
                        c.kind, None, None, None, c.nouns, c.state, c.descriptive)


def _head_label(c: Coded) -> str:
    return c.nouns[0].noun.label if c.nouns else (c.name or "")


def _apposed(a: Mention, b: Mention) -> bool:
    """Two comma-separated mentions name one actor: the parser says so, or a person's
    title stands beside a person's name."""
    if a.tokens and b.tokens:
        if any(t.dep_ == "appos" and a.tokens[0] <= t.head.i < a.tokens[1] for t in b.doc[b.tokens[0]:b.tokens[1]]):
            return True
        if any(t.dep_ == "appos" and b.tokens[0] <= t.head.i < b.tokens[1] for t in a.doc[a.tokens[0]:a.tokens[1]]):
            return True
    named, desc = (a, b) if b.coded.descriptive else (b, a)
    return named.coded.kind == "person" and desc.coded.kind == "person" and (
        desc.coded.country is None or desc.coded.country == named.coded.country)


def _is_named(c: Coded) -> bool:
    return not c.descriptive and (c.entry is not None or c.person_name is not None)


def _chain(text: str, mentions: list[Mention], lexicon: Lexicon) -> None:
    """Assign each mention its chain (or the chains it refers to)."""
    canon: dict[str, Coded] = {}
    titles: dict[str, set[str]] = {}
    surnames: dict[str, str] = {}
    order: list[str] = []  # chains in order of last mention
    subjects: list[str] = []  # chains in order of last mention as a grammatical subject

    def touch(key: str, m: Mention) -> None:
        m.chain = key
        if key not in canon or (_is_named(m.coded) and not _is_named(canon[key])):
            canon.setdefault(key, m.coded)
            if _is_named(m.coded):
                canon[key] = m.coded
        titles.setdefault(key, set()).update(n.noun.label for n in m.coded.nouns)
        if m.coded.entry is not None and m.coded.entry.role:
            titles[key].add(m.coded.entry.role)
        if m.coded.person_name:
            for part in m.coded.person_name.split()[1:]:
                if len(part) > 2:
                    surnames.setdefault(fold(part), key)
        if key in order:
            order.remove(key)
        order.append(key)
        if m.is_subject:
            if key in subjects:
                subjects.remove(key)
            subjects.append(key)

    def persons(exclude: set[str], sector: str | None = None, kind: str = "person") -> list[str]:
        out = []
        for k in reversed(order[-_MAX_BACK:]):
            c = canon[k]
            if k in exclude or c.kind != kind or (kind == "person" and not _is_named(c)):
                continue
            if sector and c.sector and c.sector != sector:
                continue
            out.append(k)
        return out

    for n, m in enumerate(mentions):
        c = m.coded
        ws = words(m.text)
        labels = {x.noun.label for x in c.nouns}
        # Apposition: "<name>, <description>" or "<description>, <name>".
        prev = mentions[n - 1] if n else None
        if prev is not None and text[prev.end:m.start].strip() == "," and _apposed(prev, m):
            if c.descriptive and _is_named(prev.coded) and prev.chain:
                touch(prev.chain, m)
                continue
            if prev.coded.descriptive and _is_named(c) and not prev.targets:
                old_key = prev.chain
                touch(c.key, m)
                prev.chain = m.chain
                if old_key in subjects:  # the description was the subject: so is the name
                    subjects[subjects.index(old_key)] = m.chain
                if old_key in order and old_key != m.chain:
                    order.remove(old_key)
                canon[m.chain] = canon.get(m.chain, c)
                continue
        if lexicon.starts_with(ws, lexicon.both) == len(ws) or (
                lexicon.starts_with(ws, lexicon.both) and c.descriptive):
            kind = "state" if any(w.norm in ("pays", "countries", "etats") for w in ws) else "person"
            got = persons(set(), c.sector, kind)[:2] or persons(set(), None, kind)[:2]
            if len(got) == 2:
                m.targets = got
                m.chain = got[0]
                continue
        nxt = mentions[n + 1] if n + 1 < len(mentions) else None
        named_next = nxt is not None and text[m.end:nxt.start].strip() == "," and _is_named(nxt.coded) \
            and _apposed(m, nxt)
        if c.descriptive and labels & {"Counterpart", "Counterparts"} and not named_next:
            owners = [x.chain for x in mentions[:n] if x.sent == m.sent and x.chain and canon[x.chain].kind == "person"]
            owner = owners[-1] if owners else None
            sector = canon[owner].sector if owner else None
            cands = persons({owner} if owner else set(), sector)
            if c.country:
                cands = [k for k in cands if canon[k].country == c.country] or cands
            if cands:
                m.targets = [cands[0]]
                touch(cands[0], m)
                continue
        if c.person_name and c.entry is None and " " not in c.person_name and fold(c.person_name) in surnames:
            touch(surnames[fold(c.person_name)], m)
            continue
        if c.descriptive and c.kind == "person" and c.country is None and ws and ws[0].norm in ("le", "la", "l", "the"):
            cands = [k for k in persons(set()) if any(a.lower() in b.lower() for a in labels for b in titles.get(k, ()))]
            # The last subject holding the title first: "X a rencontré Y. Le ministre ..." is X.
            cands = [k for k in reversed(subjects) if k in cands] + cands
            if cands:
                touch(cands[0], m)
                continue
        touch(c.key, m)
    for m in mentions:
        if m.targets:
            m.refs = [canon[k] for k in m.targets]
        elif m.chain in canon:
            m.coded = _merge(canon[m.chain], m.coded)


def _merge(canon: Coded, own: Coded) -> Coded:
    """The chain's identity, with the mention's codes where the chain has none."""
    if canon is own:
        return own
    return Coded(canon.name, canon.country or own.country, canon.sector or own.sector, canon.kind,
                 canon.wikidata, canon.entry, canon.person_name, own.nouns, own.state, canon.descriptive)


def mention_actors(m: Mention) -> list[Actor]:
    """Actors a mention stands for (several for "les deux parties")."""
    if m.refs:
        return [to_actor(m.text, m.start, m.end, c) for c in m.refs]
    return [to_actor(m.text, m.start, m.end, m.coded)]
