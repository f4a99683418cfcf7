"""Pairwise merge precision and recall of a store against gold article->event keys (test helper)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"


def load_gold(path: Path = DATA / "gold.jsonl") -> dict[str, dict[str, str]]:
    """doc_id -> {"event": gold key, "type": PLOVER type}."""
    with open(path, encoding="utf-8") as f:
        return {r["doc_id"]: r for r in map(json.loads, f)}


def pairwise(merged: list[dict[str, Any]], gold: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Precision: of the article pairs that share any merged event, how many tell the same gold event.
    Recall: of the article pairs telling the same gold event, how many share a merged event of its type."""
    shared: set[tuple[str, str]] = set()
    shared_typed: set[tuple[str, str]] = set()
    for record in merged:
        docs = sorted({r["doc_id"] for r in record["reports"] if r["doc_id"] in gold})
        for a, b in itertools.combinations(docs, 2):
            shared.add((a, b))
            types = {r["doc_id"]: set(r["event"]) for r in record["reports"]}
            if gold[a]["type"] in types[a] and gold[b]["type"] in types[b]:
                shared_typed.add((a, b))
    same = {(a, b) for a, b in itertools.combinations(sorted(gold), 2) if gold[a]["event"] == gold[b]["event"]}
    true_pos = len(shared & same)
    return {"precision": true_pos / len(shared) if shared else 1.0,
            "recall": len(shared_typed & same) / len(same) if same else 1.0,
            "pairs_gold": len(same), "pairs_predicted": len(shared),
            "wrong": sorted(shared - same), "missed": sorted(same - shared_typed)}
