"""Event extraction: PLOVER typing, arguments, modality, quantities, merging.

``extract(article, doc, timexes, places, coder, lang)`` returns one
:class:`~chronique.model.Event` per real event reported in the article. It is
``read_candidates`` (one candidate per trigger, dated) followed by ``merge_events``
(one record per real event, those without an identifiable party dropped); the
pipeline calls the two itself so that the benchmark times them apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..model import Article, Event, Place, Timex
from ..nlp import doc_text
from ._background import flag_background
from ._clauses import mode_cues
from ._implied import add_implied_actors
from ._locate import context_places, locate_candidates, locate_events
from .candidates import Candidate, find_candidates
from .detector import candidate_features, candidate_text, load_detector
from .lexicon import LEXICON_LANGS, Lexicon, fold, load_lexicon, validate_lexicon
from .merge import inherit_dates, merge_candidates
from .ontology import acled_for, allowed_modes, needs_actor, quad_class, retyped_for

__all__ = [
    "Candidate",
    "Lexicon",
    "acled_for",
    "allowed_modes",
    "detect",
    "extract",
    "find_candidates",
    "inherit_dates",
    "load_lexicon",
    "merge_candidates",
    "merge_events",
    "needs_actor",
    "preload",
    "quad_class",
    "read_candidates",
    "retyped_for",
    "validate_lexicon",
]


_DCT_KEY = "chronique.reference_date"


def preload(lang: str) -> None:
    """Load the trained detector and party model of ``lang``, its lexicons and the words that
    choose the sentences to parse now rather than on the first article that needs them (see
    :func:`chronique.pipeline.preload`)."""
    from ._place_words import place_words
    from .ontology import load_ontology
    from .parties import load_party_model
    from .selection import word_selector

    load_ontology()
    if lang in LEXICON_LANGS:
        load_lexicon(lang)
        place_words(lang)
        word_selector(lang)
    load_detector(lang)
    load_party_model(lang)


def extract(article: Article, doc: Any, timexes: Sequence[Timex], places: Sequence[Place], coder: Any,
            lang: str, dct: str | None = None, metonymic: Any = None) -> list[Event]:
    """Events reported in one parsed article, one record per real event.

    ``dct`` is the reference date (publication date, or the date inferred from
    the text) used when the text dates an event nowhere.
    """
    return merge_events(read_candidates(article, doc, timexes, places, coder, lang, dct, metonymic), lang)


def read_candidates(article: Article, doc: Any, timexes: Sequence[Timex], places: Sequence[Place], coder: Any,
                    lang: str, dct: str | None = None, metonymic: Any = None) -> list[Candidate]:
    """Every trigger's reading of one parsed article, each with its date."""
    candidates = find_candidates(article, doc, timexes, places, coder, lang, metonymic=metonymic)
    candidates = crowd_control_convention(detect(candidates, doc, lang), lang)
    # where the clause says nothing: the sentence, the parties' phrases, then (kept on the
    # Doc for records still placeless after merging) the paragraph and the dateline
    locate_candidates(candidates, doc, places, load_lexicon(lang), metonymic)
    context_places(article, candidates, doc, places, lang, metonymic)
    inherit_dates(candidates, timexes, dct)
    doc.user_data[_DCT_KEY] = dct  # merge_events flags history told in passing against it
    return candidates


def detect(candidates: list[Candidate], doc: Any, lang: str) -> list[Candidate]:
    """Let the trained detector drop, background or retype the lexicon's candidates.

    A candidate the model reads as ``NOT`` an event is dropped (``EVENT`` and ``BACKGROUND``
    together against the threshold: how old an act is, is for its date to tell, see
    :mod:`._background`); a confident other type retypes it. Languages without a
    shipped model keep the rules' reading.
    """
    det = load_detector(lang)
    if det is None or not candidates:
        return candidates
    text = doc_text(doc)
    texts = [candidate_text(text[c.sent.start_char:c.sent.end_char], c.trigger.idx - c.sent.start_char,
                            c.trigger.idx - c.sent.start_char + len(c.trigger.text), c.event_type,
                            candidate_features(c))
             for c in candidates]
    kept: list[Candidate] = []
    for c, j in zip(candidates, det.judge(texts, [c.event_type for c in candidates], [c.modality for c in candidates])):
        if j.p_event + j.p_background < det.threshold:
            continue
        c.told_as_background = j.p_background > j.p_event
        if j.event_type is not None:
            c.spec = replace(c.spec, event=j.event_type, mode=None, modifiers=())
            allowed = allowed_modes(j.event_type)
            c.modes = [m for m in c.modes if m in allowed]
        if j.modality is not None and not c.wished:
            c.modality = j.modality
        c.acled_cats = j.acled
        kept.append(c)
    return kept


def crowd_control_convention(candidates: list[Candidate], lang: str) -> list[Candidate]:
    """Police against a crowd, typed as the gold codes it: with a crowd-control means named in
    the sentence (tear gas, water cannon, rubber bullets: the lexicon's crowd-control mode words)
    dispersing, charging or firing is an ASSAULT (mode crowd-control); dispersing or pushing back
    (``crowd_control_dispersal``) with no means named is COERCE. The means decide, after the
    trained detector, whatever type it gave."""
    lex = load_lexicon(lang)
    lemmas = frozenset(fold(x) for x in lex.data.get("crowd_control", ()))
    dispersal = frozenset(fold(x) for x in lex.data.get("crowd_control_dispersal", ()))
    for c in candidates:
        lemma = fold(c.trigger.lemma_)
        if lemma not in lemmas or c.event_type not in ("ASSAULT", "COERCE"):
            continue
        if "crowd-control" in mode_cues(c.sent, lex):
            c.spec = replace(c.spec, event="ASSAULT", mode="crowd-control", modifiers=())
            c.modes = ["crowd-control"] + [m for m in c.modes if m not in ("crowd-control", "heavy-weapons",
                                                                            "firearms")]
        elif lemma in dispersal and c.event_type == "ASSAULT":
            c.spec = replace(c.spec, event="COERCE", mode=None, modifiers=())
            allowed = allowed_modes("COERCE")
            c.modes = [m for m in c.modes if m in allowed]
    return candidates


def merge_events(candidates: list[Candidate], lang: str) -> list[Event]:
    """One record per real event, keeping those with a party chronique can identify."""
    events = merge_candidates(candidates, lang)
    if candidates:
        doc = candidates[0].trigger.doc
        locate_events(events, doc)
        add_implied_actors(events, lang, {c.id: c.trigger.lemma_ for c in candidates})
        events = [e for e in events if _has_party(e, lang)]
        flag_background(events, doc.user_data.get(_DCT_KEY), {c.id for c in candidates if c.told_as_background})
    return [e for e in events if _has_party(e, lang)]


def _has_party(ev: Event, lang: str) -> bool:
    """A request, an agreement, a visit... is someone's: without a party chronique can
    identify ("la situation sanitaire exigeait", "un effort demandé") it is no event, and
    without someone who does it ("lui-même critiqué", "la police a été appelée", a pronoun
    chronique cannot resolve) it cannot say who did what to whom: where the lexicon says so
    (``verbal_events_need_actor``) the actor slot must be filled. Attacks, arrests, protests and
    deployments may be told without their author."""
    if not needs_actor(ev.event[0]):
        return True
    if not ev.actor and lang in LEXICON_LANGS and load_lexicon(lang).data.get("verbal_events_need_actor"):
        return False
    return any(a.name or a.country or a.sector or a.kind == "person" for a in ev.actor + ev.recipient)
