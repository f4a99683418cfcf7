"""Is an argument's head noun a party at all?

A party slot (actor, recipient) holds a person, a group, an organisation, an institution, a state,
a force or a noun of people, never an abstract noun ("l'annonce", "un recours"), a thing ("des
pneus", "la route"), a measure ("d'ampleur") or a manner ("par balles", "pour sa part"). When the
actor coder cannot identify a phrase, a small trained model decides from the head noun: a logistic
regression over the lemma's static vector (from the already loaded spaCy pipeline) and its ending,
trained by ``train/parties/train.py`` from labelled lemmas and shipped as package data
(``chronique/data/models/parties-<lang>/model.json``). Words without a vector are kept: the model
only removes what it has evidence against.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

__all__ = ["PartyModel", "features", "load_party_model", "party_probability"]


def features(lemma: str, vector: Any, suffixes: tuple[str, ...]) -> list[float]:
    """The model's input, at training and at run time: the lemma's unit vector, then one
    indicator per agent-noun ending ("manifest-ant", "grév-iste"); empty without a vector."""
    values = [float(v) for v in vector]
    norm = math.sqrt(sum(v * v for v in values))
    if not norm:
        return []
    return [v / norm for v in values] + [1.0 if lemma.endswith(s) else 0.0 for s in suffixes]


class PartyModel:
    def __init__(self, data: dict[str, Any]) -> None:
        self.weights: list[float] = list(data["weights"])
        self.bias = float(data["bias"])
        self.threshold = float(data["threshold"])
        self.suffixes: tuple[str, ...] = tuple(data.get("suffixes", ()))

    def probability(self, lemma: str, vector: Any) -> float | None:
        """P(party) for a lemma and its static vector; None when there is no vector to read."""
        feats = features(lemma, vector, self.suffixes)
        if len(feats) != len(self.weights):
            return None  # vectors of another size than the model was trained on
        z = self.bias + sum(w * x for w, x in zip(self.weights, feats))
        return 1.0 / (1.0 + math.exp(-z))


def _model_dir(lang: str) -> Path:
    return Path(__file__).resolve().parent.parent / "data" / "models" / f"parties-{lang}"


@lru_cache(maxsize=None)
def load_party_model(lang: str) -> PartyModel | None:
    """The shipped model of a language, or None where none was trained."""
    path = _model_dir(lang) / "model.json"
    if not path.is_file():
        return None
    return PartyModel(json.loads(path.read_text(encoding="utf-8")))


def party_probability(tok: Any, model: PartyModel | None = None) -> float | None:
    """P(the common noun ``tok`` heads a party), or None when no model or vector can say."""
    model = model or load_party_model(tok.doc.lang_)
    if model is None:
        return None
    lemma = tok.lemma_.lower()
    vocab = tok.vocab
    if not vocab.has_vector(lemma):
        return None
    return model.probability(lemma, vocab.get_vector(lemma))


# heads of a number phrase: "1,12 million de personnes" is the people, "600 millions d'euros" the money
_AMOUNT_HEADS = frozenset({"million", "milliard", "millier", "centaine", "dizaine", "vingtaine", "trentaine",
                           "quarantaine", "cinquantaine", "soixantaine", "douzaine", "quinzaine", "nombre",
                           "foule", "groupe", "poignée", "majorité", "partie", "moitié", "tiers", "quart",
                           "billion", "thousand", "hundred", "dozen", "number", "group", "handful"})


def not_a_party(tok: Any) -> bool:
    """A common noun the model reads as no possible party (below its threshold). A number
    word is judged by what it counts ("des centaines de manifestants", "un million d'euros")."""
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return False
    if tok.lemma_.lower() in _AMOUNT_HEADS:
        counted = [c for c in tok.children if c.dep_ in ("nmod", "pobj", "prep") and c.pos_ in ("NOUN", "ADP")]
        counted = [x for c in counted for x in ([y for y in c.children if y.dep_ == "pobj"] if c.pos_ == "ADP"
                                               else [c])]
        if counted:
            return not_a_party(counted[0])
        return False
    model = load_party_model(tok.doc.lang_)
    if model is None:
        return False
    p = party_probability(tok, model)
    return p is not None and p < model.threshold
