"""The trained event detector: is a trigger candidate a real, specific, reported act?

The trigger lexicon proposes candidates; small text classifiers trained on candidates
the project labelled by hand (``train/events/``) decide, per candidate:

- ``event``: ``EVENT`` (a specific reported act), ``BACKGROUND`` (a specific act told as
  old history) or ``NOT`` (the word in another sense, a generic statement, the content of
  a law, a statistic...);
- ``type``: its PLOVER type, which may differ from the lexicon's;
- ``modality``: asserted, agreed, planned, hypothetical or denied;
- ``acled`` (English): the ACLED sub-event type, used only between the sub-event types the
  PLOVER mapping cannot tell apart (``acled_alternatives`` of ``plover.json``: an armed clash or
  an attack on civilians, a peaceful protest or one met with force...), see :func:`refine_acled`.

The models ship as package data (``chronique/data/models/events-<lang>/<decision>/``), one
spaCy pipeline per decision, loaded once per process. Which decisions the model takes and at
what probability is read from ``use.json`` beside them, written by the training run from
measurements on held-out labels: a decision where the rules measured better stays with the
rules. This module does not know how the models were trained; training code is never
imported here.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["Detector", "Judgement", "acled_choice", "candidate_features", "candidate_text", "load_detector", "model_dir",
           "refine_acled"]

_WINDOW = 24  # words kept on each side of the trigger: the clause, not the whole paragraph


def candidate_features(c: Any) -> list[str]:
    """What the parse and the rules say of a candidate, as marker words for the classifiers:
    the trigger's part of speech and relation, the mood and tense of the verb that carries
    it, a negation or a question around it, whether the rules found coded parties."""
    tok = c.trigger
    verb = tok if tok.pos_ in ("VERB", "AUX") else next(
        (a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    feats = [f"pos_{tok.pos_.lower()}", f"dep_{tok.dep_.lower().replace(':', '_')}", f"mod_{c.modality}"]
    if verb is not None:
        auxes = [x for x in verb.children if x.dep_.startswith("aux")]
        for t in [verb, *auxes]:
            feats += [f"mood_{m.lower()}" for m in t.morph.get("Mood")]
            feats += [f"tense_{m.lower()}" for m in t.morph.get("Tense")]
            feats += [f"vform_{m.lower()}" for m in t.morph.get("VerbForm")]
        if any(x.dep_ == "advmod" and x.lower_ in ("pas", "jamais", "not", "never", "n't", "plus", "rien")
               for x in [*verb.children, *tok.children]):
            feats.append("negated")
    feats.append(f"lemma_{tok.lemma_.lower()}")
    for c_ in tok.children:  # who and what the trigger governs, by their lemma
        if c_.dep_.startswith("nsubj"):
            feats.append(f"subj_{c_.lemma_.lower()}")
        elif c_.dep_ in ("obj", "dobj", "obl:agent", "nmod"):
            feats.append(f"{c_.dep_.split(':')[-1]}_{c_.lemma_.lower()}")
    feats.append("dated" if c.timex is not None else "undated")
    if c.sent.text.rstrip().endswith("?"):
        feats.append("question")
    feats.append("weak" if c.weak else "strong")
    feats.append("actor_coded" if any(a.country or a.sector for a in c.actors) else
                 ("actor_words" if c.actors else "actor_none"))
    feats.append("recipient_coded" if any(a.country or a.sector for a in c.recipients) else
                 ("recipient_words" if c.recipients else "recipient_none"))
    return sorted(set(feats))


def candidate_text(sentence: str, start: int, end: int, rule_event: str, features: Sequence[str] = ()) -> str:
    """The text the classifiers read for one candidate.

    The lexicon's type, the trigger word and the :func:`candidate_features` lead as marker
    tokens, so that a bag of words knows which word is judged and how it is used; the
    trigger is bracketed in a window of its sentence (selective parsing can join long
    stretches into one "sentence").
    """
    left = sentence[:start].split()[-_WINDOW:]
    right = sentence[end:].split()[:_WINDOW]
    trig = sentence[start:end]
    head = [f"type_{rule_event.lower()}", f"trig_{trig.lower().replace(' ', '_')}", *features]
    return " ".join([*head, "|", *left, "[[", trig, "]]", *right])


def model_dir(lang: str) -> Path:
    """Where the shipped models of ``lang`` live (may not exist for every language)."""
    return Path(__file__).resolve().parent.parent / "data" / "models" / f"events-{lang}"


@dataclass(frozen=True)
class Judgement:
    """The detector's reading of one candidate."""

    p_event: float  # probability of EVENT
    p_background: float
    event_type: str | None  # the model's type when it is confident enough to retype, else None
    modality: str | None  # the model's modality when it is confident enough to overrule the rules, else None
    acled: dict[str, float] | None = None  # ACLED sub-event probabilities (languages with that model)

    @property
    def verdict(self) -> str:
        if self.p_event >= self.p_background and self.p_event >= 1.0 - self.p_event - self.p_background:
            return "EVENT"
        return "BACKGROUND" if self.p_background > 1.0 - self.p_event - self.p_background else "NOT"


class Detector:
    """The trained decisions for one language (not a dataclass: loading does real work)."""

    def __init__(self, root: Path) -> None:
        import spacy  # loaded with the models, never at CLI start-up

        self.root = root
        self.use: dict[str, Any] = json.loads((root / "use.json").read_text(encoding="utf-8"))
        self.models = {name: spacy.load(root / name) for name in ("event", "type", "modality", "acled")
                       if (root / name / "config.cfg").exists()}
        # The classifiers are bags of token strings (their ORTH hashes, which do not depend on a
        # vocab) behind one and the same tokenizer: the texts are tokenized once and every model
        # reads those Docs. Tokenizing them once per model was three quarters of the detector's
        # time. Models whose tokenizers differ in anything but their vocab tokenize on their own.
        rules = {name: nlp.tokenizer.to_bytes(exclude=["vocab"]) for name, nlp in self.models.items()}
        first = next(iter(rules.values()), None)
        self._shared_tokens = all(r == first for r in rules.values())

    @property
    def threshold(self) -> float:
        return float(self.use.get("event_threshold", 0.5))

    def judge(self, texts: Sequence[str], rule_types: Sequence[str],
              rule_modalities: Sequence[str] | None = None) -> list[Judgement]:
        """One judgement per candidate text (see :func:`candidate_text`), given what the rules read."""
        n = len(texts)
        cats: dict[str, list[dict[str, float]]] = {}
        docs: list[Any] | None = None
        if self._shared_tokens and self.models:
            docs = [next(iter(self.models.values())).make_doc(t) for t in texts]
        for name, nlp in self.models.items():
            if docs is None:
                cats[name] = [doc.cats for doc in nlp.pipe(texts, batch_size=256)]
                continue
            for doc in docs:  # each model writes its own categories
                doc.cats = {}
            cats[name] = [dict(doc.cats) for doc in nlp.pipe(docs, batch_size=256)]
        out: list[Judgement] = []
        retype_at = float(self.use.get("type_threshold", 2.0))  # > 1: never retype
        modality_at = float(self.use.get("modality_threshold", 2.0))  # > 1: the rules decide
        for i in range(n):
            ev = cats.get("event", [{}] * n)[i]
            p_event = float(ev.get("EVENT", 1.0))
            p_bg = float(ev.get("BACKGROUND", 0.0))
            etype = None
            if "type" in cats:
                best, p = max(cats["type"][i].items(), key=lambda kv: kv[1])
                # per type the rules read when the training run measured so (a type it does not
                # list keeps the rules), else one threshold for every type
                at = (float(self.use["type_thresholds"].get(rule_types[i], 2.0)) if "type_thresholds" in self.use
                      else retype_at)
                if best != rule_types[i] and p >= at:
                    etype = best
            modality = None
            kept_rule = rule_modalities is not None and rule_modalities[i] in self.use.get("modality_rules_kept", ())
            if "modality" in cats and not kept_rule:
                best, p = max(cats["modality"][i].items(), key=lambda kv: kv[1])
                modality = best.lower() if p >= modality_at else None
            acled = {k: float(v) for k, v in cats["acled"][i].items()} if "acled" in cats else None
            out.append(Judgement(p_event, p_bg, etype, modality, acled))
        return out

    def refine_acled(self, rule: dict[str, str] | None,
                     cats: Sequence[dict[str, float] | None]) -> dict[str, str] | None:
        """The rules' ACLED mapping, or the model's sub-event (see :func:`acled_choice`) where
        ``use.json`` lets the model decide for the group of the rules' sub-event."""
        if rule is None:
            return None
        from .ontology import acled_groups  # the alternatives are ontology data, not model data

        sub = acled_choice(rule["sub_event_type"], cats, self.use.get("acled_thresholds", {}))
        if sub == rule["sub_event_type"]:
            return rule
        etype = next(g[sub] for g in acled_groups().values() if sub in g)
        return {"event_type": etype, "sub_event_type": sub}


def acled_choice(sub: str, cats: Sequence[dict[str, float] | None], thresholds: dict[str, float]) -> str:
    """The ACLED sub-event of an event whose rules read ``sub``: the model's most probable
    sub-event of the same group (``acled_groups`` of ``plover.json``), its probabilities averaged
    over the event's candidates, when the group has a threshold and that probability reaches it;
    else ``sub``. The training run measures with this function what the detector does."""
    from .ontology import acled_groups

    found = [c for c in cats if c]
    for group, members in acled_groups().items():
        if sub not in members:
            continue
        at = thresholds.get(group)
        if at is None or not found:
            return sub
        mean = {k: sum(c.get(k, 0.0) for c in found) / len(found) for k in members}
        best = max(members, key=lambda k: (mean[k], k == sub))
        return best if mean[best] >= at else sub
    return sub


@lru_cache(maxsize=4)
def load_detector(lang: str) -> Detector | None:
    """The shipped detector of ``lang``, or None when the package has none for it."""
    root = model_dir(lang)
    if not (root / "use.json").exists():
        return None
    return Detector(root)


def refine_acled(rule: dict[str, str] | None, cats: Sequence[dict[str, float] | None],
                 lang: str) -> dict[str, str] | None:
    """:meth:`Detector.refine_acled` with the shipped detector of ``lang`` (the rules alone without one)."""
    det = load_detector(lang) if any(cats) else None
    return rule if det is None else det.refine_acled(rule, cats)
