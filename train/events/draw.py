"""Draw French trigger candidates from the dev corpus for labelling (seeded, reproducible).

    python train/events/draw.py CORPUS.jsonl OUT.jsonl [--articles 420] [--seed 13] [--exclude GOLD_ARTICLES.jsonl ...]

Every candidate chronique's trigger lexicon proposes in a seeded random sample of
articles, one line per trigger (not per date): the sentence, the trigger's offsets
in it, the sentences before and after, and what the rules said (type, modality,
whether the mention looks like a back-reference). Articles listed in the
``--exclude`` files (the hand-coded gold articles) are never drawn.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

from chronique import events
from chronique.events.detector import candidate_features
from chronique.ingest import iter_articles
from chronique.pipeline import Pipeline


def _records(corpus: Path, exclude: set[str], n: int, seed: int) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in corpus.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if r["id"] not in exclude]
    random.Random(seed).shuffle(rows)
    return rows[:n]


def candidate_rows(pipe: Pipeline, articles: list[dict[str, Any]], tmp: Path) -> list[dict[str, Any]]:
    """The candidates of ``articles`` as labelling rows (one per trigger)."""
    out: list[dict[str, Any]] = []
    captured: dict[str, list[Any]] = {}

    def keep(p: Any, candidates: list[Any]) -> None:
        captured[p.article.id] = candidates

    pipe._merge = keep  # type: ignore[method-assign]  # stop before merging: we want every trigger
    events.detect = lambda cands, doc, lang: cands  # the lexicon's candidates, before any trained model
    tmp.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    by_id = {a["id"]: a for a in articles}
    for p in pipe.run(iter_articles([str(tmp)])):
        if p.error is not None:
            print(f"skip {p.article.id}: {p.error}", file=sys.stderr)
            continue
        seen: set[int] = set()
        for c in captured.get(p.article.id, []):
            if c.trigger.idx in seen:
                continue
            seen.add(c.trigger.idx)
            sent = c.sent
            sents = list(sent.doc.sents)
            text = sent.doc.text
            prev = sents[c.sent_index - 1] if c.sent_index > 0 else None
            nxt = sents[c.sent_index + 1] if c.sent_index + 1 < len(sents) else None
            start = c.trigger.idx - sent.start_char
            out.append({
                "id": f"{p.article.id}:{c.trigger.idx}",
                "doc": p.article.id,
                "published": by_id[p.article.id].get("published"),
                "title": by_id[p.article.id].get("title"),
                "prev": text[prev.start_char:prev.end_char] if prev is not None else "",
                "sentence": text[sent.start_char:sent.end_char],
                "next": text[nxt.start_char:nxt.end_char] if nxt is not None else "",
                "trigger": {"start": start, "end": start + len(c.trigger.text), "text": c.trigger.text,
                            "lemma": c.trigger.lemma_},
                "features": candidate_features(c),
                "rule": {"event": c.event_type, "modality": c.modality, "weak": c.weak,
                         "actor": [a.text for a in c.actors], "recipient": [a.text for a in c.recipients]},
            })
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--articles", type=int, default=420)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--exclude", type=Path, nargs="*", default=[])
    a = ap.parse_args()
    exclude = {json.loads(line)["id"] for f in a.exclude for line in f.open(encoding="utf-8") if line.strip()}
    articles = _records(a.corpus, exclude, a.articles, a.seed)
    rows = candidate_rows(Pipeline(lang="fr"), articles, a.out.with_suffix(".articles.tmp.jsonl"))
    a.out.with_suffix(".articles.tmp.jsonl").unlink()
    with a.out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} candidates from {len(articles)} articles -> {a.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
