"""Event lexicons: trigger words, modes, role prepositions, modality cues, units.

One JSON file per language under ``chronique/data/events/``. This module loads
and validates them; nothing language-specific is written in code.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..errors import ModelError
from ..model import PLOVER_TYPES

__all__ = ["LEXICON_LANGS", "Lexicon", "Trigger", "load_lexicon", "validate_lexicon"]

LEXICON_LANGS = ("fr", "en")
_TRIGGER_KEYS = {
    "event", "pos", "mode", "symmetric", "context", "reflexive_only", "not_reflexive", "not_with_clause",
    "intransitive_only",
    "needs_argument", "needs_prep", "needs_violent_context", "object_kinds", "modifiers",
    "object_class", "not_object_class", "prep_or_object", "not_modifiers", "subject_modifiers",
    "passive_prep_modifiers",
}
_REQUIRED = (
    "triggers", "modes", "preps", "negation", "modality_verbs", "purpose_markers",
    "anaphoric_determiners", "temporal_heads", "light_verbs", "reporting_verbs",
    "quantity_units", "dead_words", "injured_words", "crowd_words", "vague_amounts",
    "approximate_prefixes", "violent_context", "group_anaphors",
)


@functools.lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower-case without accents: the key used for every lexicon lookup."""
    nfkd = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return "".join(c for c in nfkd if not unicodedata.combining(c))


def clitic_form(word: str) -> str:
    """A subject pronoun as written after an inverted verb ("-il", "-t-elle") as the pronoun."""
    return word.lower().lstrip("-").removeprefix("t-")


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: the PLOVER type a word signals and how to read its arguments."""

    lemma: str
    event: str
    pos: tuple[str, ...]
    mode: str | None = None
    symmetric: bool = False
    context: str | None = None
    reflexive_only: bool = False
    not_reflexive: bool = False
    not_with_clause: bool = False
    intransitive_only: bool = False
    needs_argument: bool = False
    needs_prep: tuple[str, ...] = ()
    needs_violent_context: bool = False
    object_kinds: tuple[str, ...] = ()
    # modifier word -> "TYPE" or "TYPE/mode": "hunger strike", "grève générale" retype the head
    modifiers: tuple[tuple[str, str], ...] = ()
    # the same from the subject's head ("la cour d'appel a condamné": a sentence, not a criticism)
    subject_modifiers: tuple[tuple[str, str], ...] = ()
    # and from the preposition of a passive participle's complement ("condamné pour fraude")
    passive_prep_modifiers: tuple[tuple[str, str], ...] = ()
    # the object must contain a word of one of these object_classes ("find" + weapons)
    object_class: tuple[str, ...] = ()
    # the object must not contain a word of these classes ("released a statement": no prisoner freed)
    not_object_class: tuple[str, ...] = ()
    # needs_prep and object_class are alternatives: "fired at the crowd" or "fired rockets"
    prep_or_object: bool = False
    # modifiers that give the word another sense ("cardiac arrest"): no event
    not_modifiers: tuple[str, ...] = ()


class Lexicon:
    """Validated lexicon of one language, with folded lookup tables."""

    def __init__(self, lang: str, data: dict[str, Any]) -> None:
        validate_lexicon(data, lang)
        self.lang = lang
        self.data = data
        self.triggers: dict[str, Trigger] = {}
        for lemma, spec in data["triggers"].items():
            self.triggers[fold(lemma)] = Trigger(
                lemma=lemma,
                event=spec["event"],
                pos=tuple(spec["pos"]),
                mode=spec.get("mode"),
                symmetric=bool(spec.get("symmetric")),
                context=spec.get("context"),
                reflexive_only=bool(spec.get("reflexive_only")),
                not_reflexive=bool(spec.get("not_reflexive")),
                not_with_clause=bool(spec.get("not_with_clause")),
                intransitive_only=bool(spec.get("intransitive_only")),
                needs_argument=bool(spec.get("needs_argument")),
                needs_prep=tuple(fold(p) for p in spec.get("needs_prep", ())),
                needs_violent_context=bool(spec.get("needs_violent_context")),
                object_kinds=tuple(spec.get("object_kinds", ())),
                modifiers=tuple((fold(k), v) for k, v in spec.get("modifiers", {}).items()),
                subject_modifiers=tuple((fold(k), v) for k, v in spec.get("subject_modifiers", {}).items()),
                passive_prep_modifiers=tuple((fold(k), v) for k, v in spec.get("passive_prep_modifiers", {}).items()),
                object_class=tuple(spec.get("object_class", ())),
                not_object_class=tuple(spec.get("not_object_class", ())),
                prep_or_object=bool(spec.get("prep_or_object")),
                not_modifiers=tuple(fold(w) for w in spec.get("not_modifiers", ())),
            )
        # mode cue word -> mode; multiword cues are matched on folded sentence text
        self.mode_words: dict[str, str] = {}
        for mode, words in data["modes"].items():
            for w in words:
                self.mode_words.setdefault(fold(w), mode)
        self.violent_context = frozenset(fold(w) for w in data["violent_context"])
        self.preps = {role: frozenset(fold(p) for p in ps) for role, ps in data["preps"].items()}
        self.negation = frozenset(fold(w) for w in data["negation"])
        self.modality_verbs = {
            fold(v): modality for modality, verbs in data["modality_verbs"].items() for v in verbs
        }
        self.purpose_markers = frozenset(fold(w) for w in data["purpose_markers"])
        self.anaphoric = frozenset(fold(w) for w in data["anaphoric_determiners"])
        self.temporal_heads = frozenset(fold(w) for w in data["temporal_heads"])
        self.light_verbs = frozenset(fold(w) for w in data["light_verbs"])
        self.reporting_verbs = frozenset(fold(w) for w in data["reporting_verbs"])
        self.units = {fold(k): v for k, v in data["quantity_units"].items()}
        self.dead_words = frozenset(fold(w) for w in data["dead_words"])
        self.injured_words = frozenset(fold(w) for w in data["injured_words"])
        self.crowd_words = frozenset(fold(w) for w in data["crowd_words"])
        self.vague = {fold(k): int(v) for k, v in data["vague_amounts"].items()}
        self.approx_prefixes = tuple(fold(p) for p in data["approximate_prefixes"])
        self.group_anaphors = frozenset(fold(w) for w in data["group_anaphors"])
        # "l'arrestation de M. Bouhafs", "the murder of George Floyd": whom the act befell
        self.patient_genitive = frozenset(fold(w) for w in data.get("patient_genitive", ()))
        self.obligation_modals = frozenset(fold(w) for w in data.get("obligation_modals", ()))
        # "Il a condamné…": third-person subject pronouns -> grammatical number, followed back
        # to the subject of the sentences before
        self.subject_pronouns = {fold(k): v for k, v in data.get("subject_pronouns", {}).items()}
        # media and platforms where words are said ("sur RTL", "à l'AFP"), and the prepositions
        # that make them the venue of a statement rather than a party
        self.media = frozenset(fold(w) for w in data.get("media", ()))
        self.venue_preps = frozenset(fold(w) for w in data.get("venue_prepositions", ()))
        self.conditional_markers = frozenset(fold(w) for w in data.get("conditional_markers", ()))
        # "unless Israel rescinds ...": clauses whose subject is the one a threat or demand addresses
        self.condition_markers = frozenset(fold(w) for w in data.get("condition_markers", ()))
        # "in defiance of Chinese authorities": nouns whose complement is what an event opposes
        self.stance_nouns = frozenset(fold(w) for w in data.get("stance_nouns", ()))
        # event types aimed at the place where a force is massed or a threatened action would happen
        self.aimed_by_place = frozenset(data.get("aimed_by_place_events", ()))
        self.non_agents = frozenset(fold(w) for w in data.get("non_agents", ()))
        # "current legislation allows", "the system would allow": a text or a thing is no actor
        self.rule_agents = frozenset(fold(w) for w in data.get("rule_agents", ()))
        # "have often collaborated", "twice per year": habitual or generic clauses
        self.habitual_adverbs = frozenset(fold(w) for w in data.get("habitual_adverbs", ()))
        self.habitual_phrases = tuple(fold(w) for w in data.get("habitual_phrases", ()))
        # "Wales beat Hungary 2-0": violent words in a sports report
        sports = data.get("sports_context", {})
        self.sports_types = frozenset(sports.get("types", ()))
        self.sports_words = frozenset(fold(w) for w in sports.get("words", ()))
        self.sports_score = bool(sports.get("score"))
        self.object_classes: dict[str, frozenset[str]] = {
            name: frozenset(fold(w) for w in words) for name, words in data.get("object_classes", {}).items()
        }
        # cue name -> folded words; read by the ACLED rules of plover.json ("grenade", "police", ...)
        self.acled_cues: dict[str, frozenset[str]] = {
            name: frozenset(fold(w) for w in words) for name, words in data.get("acled_cues", {}).items()
        }
        # "revendiqué par l'EI": verbs whose agent claims an act; "lorsque": marks of a clause
        # that happens when its head does
        self.claim_verbs = frozenset(fold(w) for w in data.get("claim_verbs", ()))
        self.simultaneity_marks = frozenset(fold(w) for w in data.get("simultaneity_marks", ()))
        # attack words read as words when aimed at a person or office with nothing physical around
        attack = data.get("verbal_attack") or {}
        self.verbal_attack_lemmas = frozenset(fold(w) for w in attack.get("lemmas", ()))
        self.verbal_attack_event: str | None = attack.get("event")
        self.political_roles = frozenset(fold(w) for w in attack.get("political_roles", ()))
        self.physical_words = self.dead_words | self.injured_words | self.violent_context | \
            self.object_classes.get("weapons", frozenset()) | frozenset(fold(w) for w in attack.get("physical_words", ()))

    def is_light(self, tok: Any) -> bool:
        """Whether a token is a light verb, whose object noun carries the event. English
        lemmatizers misread some "-ed" forms ("staged" -> "stag"), so the surface form minus
        its past ending ("staged" -> "stage", "mounted" -> "mount") is tried as well."""
        if fold(tok.lemma_) in self.light_verbs:
            return True
        readings = past_readings(tok.text) if self.lang == "en" and tok.pos_ in ("VERB", "AUX") else ()
        if self.lang == "fr" and tok.pos_ != "VERB" and any(c.dep_.startswith("aux") for c in tok.children):
            # "a de nouveau procédé à": a participle with its auxiliary, mistagged as a noun
            word = fold(tok.text)
            for end in ("ees", "ee", "es", "e"):
                if word.endswith(end):
                    readings = (word[: -len(end)] + "er",)
                    break
        return any(r in self.light_verbs for r in readings)

    def trigger(self, lemma: str, pos: str) -> Trigger | None:
        """The trigger entry for a token's lemma and coarse POS, if any."""
        t = self.triggers.get(fold(lemma))
        if t is None:
            return None
        coarse = "VERB" if pos in ("VERB", "AUX") else "NOUN" if pos in ("NOUN", "PROPN") else pos
        return t if coarse in t.pos else None


def past_readings(word: str) -> tuple[str, ...]:
    """Base forms an English "-ed" form may have: "staged" -> "stage", "mounted" -> "mount"."""
    w = fold(word)
    if not w.endswith("ed") or len(w) < 5:
        return ()
    return (w[:-1], w[:-2])


def validate_lexicon(data: dict[str, Any], lang: str) -> None:
    """Raise ModelError naming the first problem found in a lexicon."""
    where = f"chronique/data/events/{lang}.json"
    for key in _REQUIRED:
        if key not in data:
            raise ModelError(f"[E010] {where}: missing section {key!r}")
    for lemma, spec in data["triggers"].items():
        if spec.get("event") not in PLOVER_TYPES:
            raise ModelError(f"[E011] {where}: trigger {lemma!r} has unknown PLOVER type {spec.get('event')!r}")
        unknown = set(spec) - _TRIGGER_KEYS
        if unknown:
            raise ModelError(f"[E012] {where}: trigger {lemma!r} has unknown keys {sorted(unknown)}")
        if not spec.get("pos") or not set(spec["pos"]) <= {"VERB", "NOUN"}:
            raise ModelError(f"[E013] {where}: trigger {lemma!r} needs pos VERB and/or NOUN")
        for cls in list(spec.get("object_class", ())) + list(spec.get("not_object_class", ())):
            if cls not in data.get("object_classes", {}):
                raise ModelError(f"[E020] {where}: trigger {lemma!r} names unknown object class {cls!r}")
        for mod, target in spec.get("modifiers", {}).items():
            if target.split("/")[0] not in PLOVER_TYPES:
                raise ModelError(f"[E018] {where}: trigger {lemma!r} modifier {mod!r} names unknown type {target!r}")
    for name, words in list(data.get("acled_cues", {}).items()) + list(data.get("object_classes", {}).items()):
        if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
            raise ModelError(f"[E019] {where}: acled cue {name!r} must be a list of non-empty strings")
    for key, value in data["vague_amounts"].items():
        if not isinstance(value, int) or value <= 0:
            raise ModelError(f"[E014] {where}: vague amount {key!r} must be a positive integer")


@functools.cache
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang`` (loaded once per process)."""
    if lang not in LEXICON_LANGS:
        raise ModelError(f"[E015] no event lexicon for language {lang!r}; available: {', '.join(LEXICON_LANGS)}")
    path = resources.files("chronique") / "data" / "events" / f"{lang}.json"
    return Lexicon(lang, json.loads(path.read_text(encoding="utf-8")))
