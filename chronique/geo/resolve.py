"""Toponym resolution: pick the GeoNames entry each mention refers to.

Each candidate gets a score: prior (population, feature class: a country or an
admin region beats a namesake village), the feature suggested by the text
('province de X' -> ADM1), a containing place named right after it ('Athens,
Georgia'), and the document's context — the countries and first-level regions
its other mentions point to (those of its own paragraph twice), and the votes the
story gives from outside its place names (parties, dateline, outlet: ``._context``).
Context is gathered in a first pass with priors only; each mention's own vote is
removed before it is scored, so a lone ambiguous name cannot confirm itself.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..model import Place
from ._lexicon import Lexicon, lexicon
from ._normalize import name_key
from .gazetteer import Candidate, Gazetteer
from .recognize import Mention

__all__ = ["Context", "best", "country_place", "resolve", "resolve_mentions", "score", "to_place"]

# Prior bonus by feature code: bigger, better-known kinds of places first.
_FEATURE_PRIOR = {"PCLI": 4.0, "CONT": 3.0, "RGN": 3.0, "SEA": 3.0, "OCN": 3.0, "GULF": 3.0, "LK": 3.0,
                  "ADM1": 2.0, "ADM2": 1.5, "PPLC": 1.0}
_ROUNDS = 3
_AREA_CODES = {"PCLI", "CONT", "RGN", "SEA", "OCN", "GULF", "LK"}


@dataclass
class Context:
    """What the rest of the document says: votes for countries and admin1 regions."""

    countries: Counter[str] = field(default_factory=Counter)
    admin1s: Counter[tuple[str, str]] = field(default_factory=Counter)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)


def _vote(countries: Counter[str], admin1s: Counter[tuple[str, str]], cand: Candidate, n: int) -> None:
    if cand.country_code:
        countries[cand.country_code] += n
        if cand.admin1 and cand.feature_code != "PCLI":
            admin1s[(cand.country_code, cand.admin1)] += n


def score(cand: Candidate, hint: str = "", ctx: Context | None = None,
          containers: Sequence[Candidate] = ()) -> float:
    """How likely ``cand`` is the place meant, given the hint, containers and context."""
    s = math.log10(cand.population + 10) + _FEATURE_PRIOR.get(cand.feature_code, 0.0)
    if not cand.main:
        s -= 1.0
    if not cand.exact:
        s -= 3.0
    if hint:
        if hint == cand.feature_code or (hint == "PPL" and cand.feature_code.startswith("PPL")):
            s += 6.0
        elif hint == "ADM1" and cand.feature_code in _AREA_CODES:
            s += 6.0  # 'western Africa', 'northern Iraq': a direction before a country or a continent
        elif hint.startswith("ADM") and cand.feature_code.startswith("PPL"):
            s -= 1.0
    if containers and any(_contains(box, cand) for box in containers):
        s += 8.0
    if ctx is not None and cand.country_code:
        total = sum(ctx.countries.values())
        votes = ctx.countries.get(cand.country_code, 0)
        if votes:
            s += 1.5 + 4.0 * votes / total
        else:
            # A neighbour's votes count a little: 'Gaza' in a story about Israel.
            near = sum(ctx.countries.get(nb, 0) for nb in ctx.neighbours.get(cand.country_code, ()))
            if near:
                s += 0.5 + 1.5 * near / total
        if cand.admin1 and cand.feature_code not in _AREA_CODES:
            a_votes = ctx.admin1s.get((cand.country_code, cand.admin1), 0)
            if a_votes:
                s += 2.0 + 2.0 * a_votes / max(1, sum(ctx.admin1s.values()))
    return s


def _contains(box: Candidate, cand: Candidate) -> bool:
    if box.id == cand.id or not box.country_code or box.country_code != cand.country_code:
        return False
    if box.feature_code == "PCLI":
        return cand.feature_code != "PCLI"
    if box.feature_code == "ADM1":
        return cand.admin1 == box.admin1 and cand.feature_code != "ADM1"
    return False


def best(cands: Sequence[Candidate], hint: str = "", ctx: Context | None = None,
         containers: Sequence[Candidate] = ()) -> Candidate | None:
    """The highest-scoring candidate, or None when there are none.

    A bare name shared by a sizeable city and a region of the same country
    ('Moscou', 'Alep', 'Kiev', 'New York') means the city, as in news usage; 'province d'Alep'
    (hint ADM1) keeps the region.
    """
    if not cands:
        return None
    if not hint.startswith("ADM"):
        towns = [c for c in cands if c.feature_code.startswith("PPL")]
        cands = [c for c in cands if not (c.feature_code == "ADM1" and any(
            t.country_code == c.country_code and t.population * 50 >= c.population for t in towns))]
    return max(cands, key=lambda c: score(c, hint, ctx, containers))


def to_place(cand: Candidate, start: int, end: int, text: str, gaz: Gazetteer | None = None) -> Place:
    """The Place record of a resolved mention, with the names and GeoNames ids of the admin1
    and admin2 areas it lies in (or is)."""
    area = cand.feature_code in _AREA_CODES
    a1 = cand.admin1 if not area else None
    a2 = cand.admin2 if not area and cand.feature_code != "ADM1" else None
    a1_id = a2_id = None
    if a1:
        gaz = gaz or Gazetteer.load()
        a1_id = cand.geonameid if cand.feature_code == "ADM1" else gaz.admin_id(cand.country_code, a1)
        if a2:
            a2_id = cand.geonameid if cand.feature_code == "ADM2" else gaz.admin_id(cand.country_code, a1, a2)
    return Place(
        start=start, end=end, text=text, geonameid=cand.geonameid, name=cand.name,
        lat=cand.lat, lon=cand.lon, country_code=cand.country_code, feature_code=cand.feature_code,
        admin1=a1, precision=cand.precision, admin2=a2, admin1_id=a1_id, admin2_id=a2_id,
    )


def _containers_of(m: Mention, gaz: Gazetteer) -> list[Candidate]:
    if not m.container:
        return []
    return [c for c in gaz.candidates(m.container) if c.feature_code in ("PCLI", "ADM1")]


def resolve_mentions(found: Sequence[Mention], gaz: Gazetteer | None = None,
                     context_countries: Sequence[str] | Mapping[str, float] = (),
                     paragraphs: Sequence[int] | None = None) -> list[Place | None]:
    """Resolve the mentions of one document together (same order as ``found``).

    ``context_countries`` are what the story says beyond its place names (alpha-2 codes,
    2 votes each, or a mapping of code -> votes): the countries of its parties, its
    dateline, its outlet. ``paragraphs`` gives each mention's paragraph: the other places
    of a mention's own paragraph count twice ('Tripoli' after 'Benghazi' and 'Misrata'
    in one paragraph of a story that also covers Lebanon).
    """
    gaz = gaz or Gazetteer.load()
    cands = [gaz.candidates(m.lookup) for m in found]
    boxes = [_containers_of(m, gaz) for m in found]
    if isinstance(context_countries, Mapping):
        given: Counter[str] = Counter({cc.upper(): float(v) for cc, v in context_countries.items() if v > 0})
    else:
        given = Counter({cc.upper(): 2 for cc in context_countries})
    paras = list(paragraphs) if paragraphs is not None and len(paragraphs) == len(found) else [0] * len(found)
    local = len(set(paras)) > 1  # one paragraph: its names are the document's
    near = gaz.neighbours
    chosen = [best(c, m.hint, Context(Counter(given), Counter(), near), b) for c, m, b in zip(cands, found, boxes)]
    keys = [name_key(m.lookup) for m in found]
    # A few rounds: 'Georgia' first read as the country is re-read as the state once
    # 'Gainesville' and 'Atlanta' have voted; the rounds settle quickly.
    for _ in range(_ROUNDS):
        # Repetitions of a name do not vote for each other: eight 'Dublin's are one clue.
        ctxs = _contexts(chosen, keys, paras, local, given, near)
        new = [best(c, m.hint, ctx, b) for c, m, b, ctx in zip(cands, found, boxes, ctxs)]
        if new == chosen:
            break
        chosen = new
    # 'Palma in Cabo Delgado province': a town whose chosen entry lies in another country than
    # the area the text puts it in is a place the gazetteer does not know, not Palma de Mallorca
    chosen = [None if c is not None and m.nested and b and c.feature_code.startswith("PPL") and _known(b)
              and all(box.country_code != c.country_code for box in b) else c
              for c, b, m in zip(chosen, boxes, found)]
    return [to_place(c, m.start, m.end, m.text, gaz) if c else None for c, m in zip(chosen, found)]


class _Votes:
    """Country and admin1 votes of a set of mentions."""

    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()
        self.admin1s: Counter[tuple[str, str]] = Counter()

    def add(self, cand: Candidate | None) -> None:
        if cand is not None:
            _vote(self.countries, self.admin1s, cand, 1)


def _contexts(chosen: Sequence[Candidate | None], keys: Sequence[str], paras: Sequence[int], local: bool,
              given: Counter[str], near: dict[str, frozenset[str]]) -> list[Context]:
    """The votes each mention is read with: the given countries, every other name of the
    document and, when ``local``, once more every other name of its paragraph. A mention's
    own name (all its repetitions) never votes for it."""
    total, by_key = _Votes(), defaultdict(_Votes)
    para, by_key_para = defaultdict(_Votes), defaultdict(_Votes)
    for cand, key, p in zip(chosen, keys, paras):
        total.add(cand)
        by_key[key].add(cand)
        if local:
            para[p].add(cand)
            by_key_para[(key, p)].add(cand)
    out = []
    for key, p in zip(keys, paras):
        countries = given + total.countries
        countries.subtract(by_key[key].countries)
        admin1s = total.admin1s.copy()
        admin1s.subtract(by_key[key].admin1s)
        if local:
            countries.update(para[p].countries)
            countries.subtract(by_key_para[(key, p)].countries)
            admin1s.update(para[p].admin1s)
            admin1s.subtract(by_key_para[(key, p)].admin1s)
        out.append(Context(+countries, +admin1s, near))
    return out


def _known(boxes: Sequence[Candidate]) -> bool:
    """Is the container unambiguous enough to overrule a name: one country or admin region."""
    return len({(b.country_code, b.admin1) for b in boxes}) == 1


def resolve(name: str, lang: str = "en", context_countries: Sequence[str] = (), hint: str = "") -> Place | None:
    """Resolve one name ('Alep', "province d'Alep", 'Aleppo Governorate') to a Place.

    A leading cue ("province de", "governorate of") or a trailing admin word
    ('Governorate', 'County') of ``lang`` sets the feature ``hint`` (ADM1, ADM2)
    unless one is given. ``context_countries`` (alpha-2) favour their places.
    The Place spans ``name`` itself (start 0).
    """
    lex = lexicon(lang)
    text, found_hint = _split_cue(name.strip(), lex)
    m = Mention(0, len(name), name, text, hint or found_hint, "api")
    return resolve_mentions([m], context_countries=context_countries)[0]


def _split_cue(name: str, lex: Lexicon) -> tuple[str, str]:
    """("province d'Alep") -> ('Alep', 'ADM1'); ('Aleppo Governorate') -> ('Aleppo', 'ADM1')."""
    low = name.lower()
    for cue in sorted(lex.cues, key=len, reverse=True):
        if low.startswith(cue) and len(name) > len(cue):
            return name[len(cue):].strip(), lex.cues[cue]
    gaz = Gazetteer.load()
    if gaz.has(name):
        return name, ""
    suffixes = {**lexicon("en").admin_suffixes, **lex.admin_suffixes}
    for suffix, code in suffixes.items():
        if low.endswith(" " + suffix.lower()):
            return name[: -len(suffix) - 1].strip(), code
    return name, ""


def country_place(alpha2: str) -> Place | None:
    """The Place of a country from its ISO 3166-1 alpha-2 code ('SY' -> Syria)."""
    cand = Gazetteer.load().country(alpha2)
    return to_place(cand, 0, len(cand.name), cand.name) if cand else None
