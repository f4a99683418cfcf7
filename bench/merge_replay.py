"""Store already extracted events with their articles, merging across articles, and report.

    python bench/merge_replay.py --events extract.jsonl --db out.db [--corpus articles.jsonl]

``--events`` is the output of ``chronique extract --background`` on the corpus (so that
the merge can be measured and tuned without parsing again); the articles are read
through the real ingest code (the same clean-up, hence the same offsets). Prints the
figures docs/cross-merge.md reports: events before and after merging, multi-report
share, copies found, grades, and the store time with merging.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "orangesum-fr" / "articles.jsonl"


def main() -> None:
    from chronique.ingest import iter_articles
    from chronique.store import open_store

    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=Path, required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    events: dict[str, list[dict]] = {}
    with open(args.events, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            events.setdefault(r["doc_id"], []).append(r)
    stored = skipped = 0
    t0 = time.perf_counter()
    with open_store(args.db) as store:
        for article in iter_articles([str(args.corpus)], lang="fr"):
            if not hasattr(article, "content_hash"):
                continue
            if store.add(article, events.get(article.id, [])):
                stored += 1
            else:
                skipped += 1
        seconds = time.perf_counter() - t0
        stats = store.merge_stats()
        multi = list(store.query_merged())
    sizes = Counter(len(r["reports"]) for r in multi)
    print(json.dumps({"articles_stored": stored, "skipped_same_text": skipped, "store_seconds": round(seconds, 1),
                      **stats, "exported_merged_events": len(multi),
                      "reports_per_exported_event": dict(sorted(sizes.items())),
                      "exported_grades": dict(Counter(r["corroboration"] for r in multi))}, indent=1))


if __name__ == "__main__":
    main()
