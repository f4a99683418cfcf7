"""Share of events with a place, and date-range / casualty violations, on a seeded sample of
the OrangeSum dev corpus (never the 32 gold articles).

    python scripts/places_dates_sample.py [--n 120] [--seed 13] EVENTS.jsonl   # score extract output
    python scripts/places_dates_sample.py --draw [--n 120] [--seed 13] > sample.jsonl  # draw the sample

Reads ../shared/corpus/orangesum-fr/articles.jsonl and ../shared/gold/fr-dev/*.articles.jsonl
relative to the repository; exits with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def _articles() -> dict[str, dict]:
    corpus = SHARED / "corpus" / "orangesum-fr" / "articles.jsonl"
    if not corpus.exists():
        sys.exit(f"no dev corpus at {corpus}: this script needs the project's ../shared folder")
    gold = {json.loads(l)["id"] for p in (SHARED / "gold" / "fr-dev").glob("*.articles.jsonl") for l in p.open()}
    return {a["id"]: a for a in map(json.loads, corpus.open()) if a["id"] not in gold}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("events", nargs="?")
    ap.add_argument("--draw", action="store_true")
    ap.add_argument("--n", type=int, default=120)
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    arts = _articles()
    if args.draw:
        for i in random.Random(args.seed).sample(sorted(arts), args.n):
            print(json.dumps(arts[i], ensure_ascii=False))
        return
    events = [json.loads(l) for l in open(args.events)]
    placed = sum(1 for e in events if e.get("event_loc"))
    out_of_range = big = 0
    for e in events:
        pub = dt.date.fromisoformat(arts[e["doc_id"]]["published"][:10])
        try:
            lo, hi = dt.date.fromisoformat(e["date"][:10]), dt.date.fromisoformat((e.get("enddate") or e["date"])[:10])
        except (TypeError, ValueError):
            continue
        if not e.get("background") and (hi < pub - dt.timedelta(days=5 * 365) or lo > pub + dt.timedelta(days=366)):
            out_of_range += 1
        if not e.get("background") and max(e.get("dead") or 0, e.get("injured") or 0) > 10000:
            big += 1
    bg = sum(1 for e in events if e.get("background"))
    print(f"events={len(events)} with_place={placed / max(len(events), 1):.3f} background={bg} "
          f"date_out_of_range={out_of_range} casualties_over_10000={big}")


if __name__ == "__main__":
    main()
