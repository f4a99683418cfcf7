"""Measure the near-duplicate threshold (MinHash similarity) instead of guessing it.

    python bench/neardup_threshold.py [--n 4000]

Edited copies: each of the first N OrangeSum articles rewritten as syndication and
re-publication do (two headline words swapped; a sentence dropped; a sentence of
another article added; one word in ten replaced; the last third cut; all of these
but one word in five replaced, as a heavier rewrite), compared with their original.
Distinct articles: every pair of the N articles whose signatures share a band (the
pairs the store would compare), exact duplicates of text left out. Prints, for each
kind, the lowest / highest similarities and the share above each candidate threshold.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "orangesum-fr" / "articles.jsonl"


def _edits(title: str, text: str, other: str, rng: random.Random) -> dict[str, tuple[str, str]]:
    sentences = re.split(r"(?<=[.!?])\s+", text)
    words = title.split()
    swapped = title
    if len(words) > 2:
        words[0], words[1] = words[1], words[0]
        swapped = " ".join(words)

    def replace(t: str, share: float) -> str:
        return " ".join(w if rng.random() > share else "xyz" for w in t.split())

    drop = " ".join(s for i, s in enumerate(sentences) if i != len(sentences) // 2) if len(sentences) > 2 else text
    add = text + " " + re.split(r"(?<=[.!?])\s+", other)[0]
    cut = text[: int(len(text) * 0.67)]
    return {"headline swap": (swapped, text), "sentence dropped": (title, drop), "sentence added": (title, add),
            "1 word in 10 replaced": (title, replace(text, 0.1)), "last third cut": (title, cut),
            "heavy rewrite": (swapped, replace(cut, 0.2))}


def main() -> None:
    from chronique.crossmerge import signature, similarity

    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=4000)
    args = parser.parse_args()
    rng = random.Random(5)
    with open(CORPUS, encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(args.n), f)]
    sigs = [signature(r.get("title"), r["text"]) for r in rows]
    edited: dict[str, list[float]] = defaultdict(list)
    for i, r in enumerate(rows[:1000]):
        if sigs[i] is None:
            continue
        other = rows[(i + 7) % len(rows)]["text"]
        for kind, (title, text) in _edits(r.get("title") or "", r["text"], other, rng).items():
            s = signature(title, text)
            if s is not None:
                edited[kind].append(similarity(sigs[i], s))
    buckets: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sigs):
        if s is not None:
            for band in s.bands():
                buckets[band].append(i)
    pairs = {tuple(sorted(p)) for ids in buckets.values() for p in itertools.combinations(ids, 2)}
    distinct = [similarity(sigs[a], sigs[b]) for a, b in pairs if rows[a]["text"] != rows[b]["text"]]
    thresholds = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
    report = {"edited": {k: {"n": len(v), "min": round(min(v), 3), "median": round(sorted(v)[len(v) // 2], 3),
                             **{f">={t}": round(sum(x >= t for x in v) / len(v), 4) for t in thresholds}}
                         for k, v in edited.items()},
              "distinct_band_pairs": {"n": len(distinct), "max": round(max(distinct, default=0), 3),
                                      "top": sorted((round(x, 3) for x in distinct), reverse=True)[:10],
                                      **{f">={t}": sum(x >= t for x in distinct) for t in thresholds}},
              "exact_text_duplicates": sum(1 for a, b in pairs if rows[a]["text"] == rows[b]["text"])}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
