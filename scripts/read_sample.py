"""Draw the French precision sample that is read by hand (issue 13, docs/precision-fr.md).

    python scripts/read_sample.py [--articles 80] [--events 40] [--seed 2026] [--json]

1. draws `--articles` random OrangeSum articles (random.Random(seed)) from
   ../shared/corpus/orangesum-fr/articles.jsonl, leaving out the 32 gold articles
   (../shared/gold/fr-dev/*.articles.jsonl) and every article whose trigger candidates trained the
   detector (the `doc` of train/events/candidates/fr-*.jsonl), so that the sample is unseen;
2. runs `chronique extract --lang fr` (the venv's, else the one on PATH) on them;
3. draws `--events` events (random.Random(seed + 1)) from all the events produced and prints each
   record's fields a reader judges, with its sentences and the article's id and publication date
   (`--json`: the drawn records as JSON lines instead).

Exits with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def unseen_articles() -> list[dict]:
    """The corpus articles neither in the gold nor among the detector's training candidates, in id order."""
    corpus = SHARED / "corpus" / "orangesum-fr" / "articles.jsonl"
    if not corpus.exists():
        sys.exit(f"no dev corpus at {corpus}: this script needs the project's ../shared folder")
    gold = {json.loads(l)["id"] for p in (SHARED / "gold" / "fr-dev").glob("*.articles.jsonl")
            for l in p.open()}
    trained = {json.loads(l)["doc"] for p in (ROOT / "train" / "events" / "candidates").glob("fr-*.jsonl")
               for l in p.open()}
    arts = [a for a in map(json.loads, corpus.open()) if a["id"] not in gold | trained]
    return sorted(arts, key=lambda a: a["id"])


def names(parties) -> str:
    return "; ".join(f"{p.get('text')}" + (f" [{p['name']}]" if p.get("name") else "")
                     + (f" ({p['country']})" if p.get("country") else "") for p in parties or []) or "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--events", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", action="store_true", help="print the drawn event records as JSON lines")
    args = ap.parse_args()

    pool = unseen_articles()
    sample = random.Random(args.seed).sample(pool, args.articles)
    by_id = {a["id"]: a for a in sample}
    exe = ROOT / ".venv" / "bin" / "chronique"
    exe = str(exe) if exe.exists() else shutil.which("chronique") or sys.exit("chronique is not installed")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as tmp:
        tmp.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in sample)
        tmp.flush()
        out = subprocess.run([exe, "extract", "--lang", "fr", tmp.name], capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"chronique extract failed ({out.returncode}):\n{out.stderr[-2000:]}")
    events = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    drawn = random.Random(args.seed + 1).sample(events, min(args.events, len(events)))
    print(f"# {len(pool)} unseen articles, {args.articles} drawn (seed {args.seed}); {len(events)} events; "
          f"{len(drawn)} drawn (seed {args.seed + 1})", file=sys.stderr)
    for n, e in enumerate(drawn):
        if args.json:
            print(json.dumps(e, ensure_ascii=False))
            continue
        loc = e.get("event_loc") or {}
        print(f"=== #{n} {e['doc_id']} published {by_id[e['doc_id']]['published'][:10]}  event {e.get('id')}")
        print(f"type {e['event']} mode {e.get('mode')} modality {e['modality']} trigger {e.get('trigger')!r}"
              + ("  BACKGROUND" if e.get("background") else ""))
        print(f"actor: {names(e.get('actor'))}\nrecipient: {names(e.get('recipient'))}")
        print(f"date {e.get('date')} .. {e.get('enddate')} ({e.get('date_precision')})  "
              f"place: {loc.get('name') or '-'} {loc.get('country_code') or ''}  "
              f"claimant: {names(e.get('claimant'))}")
        print(f"dead {e.get('dead')} injured {e.get('injured')} size {e.get('size')}")
        for s in e.get("event_text") or []:
            print(f"  > {s}")
        print()


if __name__ == "__main__":
    main()
