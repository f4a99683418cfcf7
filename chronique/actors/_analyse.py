"""Code one actor phrase from its words: registry entries, titles, nationality words.

The decision, in order (the first that applies wins):

1. a registry person ("le général Valéri Guérassimov") gives name, country, sector;
2. a registry organisation (armed group, IGO, NGO, agency, state body) gives them,
   a title with it makes a person of that organisation ("Arab League Secretary
   General Chadli Klibi" -> IGO);
3. actor nouns (titles, roles, bodies) give the sector — a body beats a role
   ("porte-parole de l'armée" -> MIL; "rebel commander" -> REB) and, between
   nouns of the same strength, the head wins (first in French, last before "of"
   in English: "government troops" -> MIL) — and a state word (adjective, name,
   capital) gives the country ("le ministère russe de la Défense" ->
   Ministry of Defence of Russia, RUS, GOV);
4. a state alone: its name is the state (no sector), its capital the government
   ("Moscou a annoncé" -> RUS GOV), a bare demonym its people ("les Russes",
   "Liberians" -> CVL, as the CAMEO dictionaries code nationals);
5. a proper name alone is a person (or organisation) with no codes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ._text import Word
from .lexicon import Lexicon, NounMatch
from .registry import Entry, Match, Registry

__all__ = ["NAME_PARTICLES", "Coded", "analyse"]


def fold_adj(norm: str) -> str:
    """English adjective of a plural demonym ("liberians" -> "liberian"; "swiss" stays)."""
    return norm[:-1] if norm.endswith(("ns", "is")) else norm

# Lower-case words that may sit inside a person's name ("Pierre de Villiers").
NAME_PARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "al", "el", "ben", "bin", "ibn",
                            "von", "van", "der", "den", "ag", "abu", "abou", "y"})
ORG_KINDS = frozenset({"group", "igo", "ngo", "media", "body"})


@dataclass
class Coded:
    """An actor coded from words, with what coreference needs to know about it."""

    name: str | None
    country: str | None
    sector: str | None
    kind: str
    wikidata: str | None = None
    entry: Entry | None = None  # registry entry the phrase names, if any
    person_name: str | None = None  # proper name found in the phrase
    nouns: list[NounMatch] = field(default_factory=list)
    state: Match | None = None
    descriptive: bool = False  # only titles/nouns/nationality words, no name of its own

    @property
    def key(self) -> str:
        """Identity used to chain mentions of the same actor in a document."""
        if self.entry is not None and not (self.entry.kind == "state" and self.nouns):
            return "E:" + self.entry.id + (f":{self.kind}:{self.name}" if self.entry.kind == "state" else "")
        if self.person_name:
            return "P:" + self.person_name.lower()
        return f"N:{self.name}:{self.country}"


def _head(matches: Sequence[NounMatch], ws: Sequence[Word], lang: str) -> NounMatch:
    """Syntactic head among noun matches: first in French, last before "of" in English."""
    if lang == "en":
        of = next((k for k, w in enumerate(ws) if w.norm == "of"), len(ws))
        before = [m for m in matches if m.i < of]
        return before[-1] if before else matches[0]
    return matches[0]


def _proper_name(ws: Sequence[Word], covered: set[int], glue: frozenset[str],
                 hint: set[int] | None) -> tuple[str | None, int, int]:
    """The longest run of capitalised words not explained by the registry or lexicon.

    With ``hint`` (indices of words a parser tagged as proper nouns), only those count.
    """
    def ok(k: int) -> bool:
        return k not in covered and ws[k].capital and (hint is None or k in hint)

    best: tuple[str | None, int, int] = (None, 0, 0)
    i, n = 0, len(ws)
    while i < n:
        if not ok(i):
            i += 1
            continue
        j = i + 1
        while j < n and (ok(j) or (j not in covered and ws[j].norm in NAME_PARTICLES and j + 1 < n and ok(j + 1))):
            j += 1
        # A lone capitalised glue word ("The", "Les") is no name, nor a model designation ("Su-24").
        is_name = not (j - i == 1 and ws[i].norm in glue) and not (j < n and ws[j].orig.isdigit())
        if is_name and j - i > best[2] - best[1]:
            best = (" ".join(w.orig for w in ws[i:j]), i, j)
        i = j
    return best


def _find_nouns(ws: Sequence[Word], reg: Sequence[Match], lexicon: Lexicon) -> list[NounMatch]:
    """Actor nouns, read through nationality adjectives ("ministère russe de la Défense")."""
    adjectives = {k for m in reg if m.how == "adjective" for k in range(m.i, m.j)}
    names = {k for m in reg if m.how != "adjective" for k in range(m.i, m.j)}
    keep = [k for k in range(len(ws)) if k not in adjectives]
    sub = [ws[k] for k in keep]
    skip = {n for n, k in enumerate(keep) if k in names}
    return [NounMatch(m.noun, keep[m.i], keep[m.j - 1] + 1) for m in lexicon.find(sub, skip=skip)]


def _ethnic_demonym(ws: Sequence[Word], states: Sequence[Match], lexicon: Lexicon, lang: str) -> Match | None:
    """A nationality word naming an ethnic group, not citizens of its state: after an
    ethnicity marker ("ethnic Albanians", "ethnic Turks"), or a people living in another
    state ("the Albanians of southern Serbia"). Its kin state is not the country of the
    people; the state they live in is, when the phrase names it."""
    for m in states:
        if m.how != "adjective":
            continue
        if m.i and ws[m.i - 1].norm in lexicon.ethnic_markers:
            return m
        word = ws[m.i].norm
        people = lang == "en" and word.endswith("s") and word != fold_adj(word)
        after = {w.norm for w in ws[m.j:m.j + 1]}
        if people and after & (lexicon.locatives | {"of"}) and any(
                o.i > m.i and o.entry.id != m.entry.id and o.how != "adjective" for o in states):
            return m
    return None


def _stance(ws: Sequence[Word], m: Match, lexicon: Lexicon) -> bool:
    """ "an anti-Syria journalist", "pro-Western parties": a state hyphenated to a stance
    prefix tells what the actor is for or against, not whose it is."""
    if not m.i:
        return False
    prefix = ws[m.i - 1]
    return prefix.norm in lexicon.stance_prefixes and prefix.end + 1 == ws[m.i].start


def analyse(ws: Sequence[Word], lang: str, registry: Registry, lexicon: Lexicon,
            name_hint: set[int] | None = None) -> Coded | None:
    """Code the actor named by the words ``ws`` of one phrase; None if nothing is recognised.

    ``name_hint`` (indices into ``ws``), when given, restricts proper names to the
    words a named-entity recogniser marked as person names.
    """
    if not ws:
        return None
    reg = registry.find(ws, lang)
    covered = {k for m in reg for k in range(m.i, m.j)}
    nouns = _find_nouns(ws, reg, lexicon)
    covered |= {k for m in nouns for k in range(m.i, m.j)}
    # Words after a locative preposition place the actor, they do not name it
    # ("the Red Crescent in Bam", "Palestinians living in the West Bank").
    cut = next((k for k, w in enumerate(ws) if k and w.norm in lexicon.locatives), len(ws))
    pname, _, _ = _proper_name(ws, covered | set(range(cut, len(ws))), lexicon.glue, name_hint)
    persons = [m for m in reg if m.entry.kind == "person"]
    orgs = [m for m in reg if m.entry.kind in ORG_KINDS]
    states = [m for m in reg if m.entry.kind == "state" and not _stance(ws, m, lexicon)]
    ethnic = _ethnic_demonym(ws, states, lexicon, lang)
    if ethnic is not None:
        states = [m for m in states if m.i >= ethnic.j]  # only where they live gives the country
    state = states[0] if states else None
    titles = [m for m in nouns if m.noun.is_title]
    bodies = [m for m in nouns if not m.noun.is_title]

    if persons:
        e = persons[0].entry
        return Coded(e.name, e.country, e.sector, "person", e.wikidata, e, e.name, nouns, state)
    if orgs:
        org = orgs[0]
        e = org.entry
        country = e.country or (state.entry.country if state else None)
        if titles:
            title = _head(titles, ws, lang) if titles else None
            name = pname or f"{title.noun.label} of {e.name}"  # type: ignore[union-attr]
            return Coded(name, country, e.sector, "person", None, None if pname else e, pname, nouns, state)
        return Coded(e.name, country, e.sector, "group" if e.kind == "group" else "organisation",
                     e.wikidata, e, None, nouns, state)
    if nouns:
        with_sector = [m for m in bodies if m.noun.sector] or [m for m in titles if m.noun.sector]
        head = _head(with_sector or nouns, ws, lang)
        sector = head.noun.sector
        country = state.entry.country if state else None
        if sector is None and country is not None and titles:
            sector = "GOV"  # a state's leader, spokesman or official speaks for its government
        top = _head(nouns, ws, lang)
        is_person = top.noun.is_title or bool(pname)
        if pname:
            name = pname
        elif state is not None:
            name = f"{top.noun.label} of {state.entry.name}"
        else:
            name = top.noun.label
        # A name under a body noun names a unit or a ship ("porte-avions Charles de Gaulle").
        is_person = top.noun.is_title or (bool(pname) and not bodies)
        kind = "person" if is_person else top.noun.kind
        return Coded(name, country, sector, kind, None, None, pname, nouns, state,
                     descriptive=pname is None)
    if ethnic is not None:
        e = ethnic.entry
        return Coded(f"ethnic {e.demonym or e.name}", state.entry.country if state else None, "CVL", "group",
                     None, None, None, nouns, state, descriptive=True)
    if state is not None:
        e = state.entry
        others = [k for k in range(len(ws)) if k not in covered and ws[k].norm not in lexicon.glue]
        if pname:
            return Coded(pname, e.country, None, "person", None, None, pname, nouns, state)
        if state.how == "capital":
            return Coded(f"Government of {e.name}", e.country, "GOV", "state", e.wikidata, e, None, nouns, state)
        if state.how == "adjective":
            word = ws[state.i]
            # "les Russes", "168 Liberians": a demonym used as a noun names the people.
            people = (word.capital and lang == "fr") or (lang == "en" and word.norm.endswith("s")
                                                        and word.norm != fold_adj(word.norm))
            if others and not people:  # "the Israeli peace movement": an unknown body of that country
                text = " ".join(w.orig for w in ws)
                return Coded(text, e.country, None, "unknown", None, None, None, nouns, state, descriptive=True)
            return Coded(e.demonym or e.name, e.country, "CVL", "group", None, e, None, nouns, state,
                         descriptive=True)
        return Coded(e.name, e.country, None, "state", e.wikidata, e, None, nouns, state)
    if pname:
        # Person, organisation or place: the caller decides from the named-entity tags.
        return Coded(pname, None, None, "unknown", None, None, pname, nouns)
    return None
