"""Draw the precision sample that is read by hand (French: issue 13, docs/precision-fr.md;
English: issue 14, docs/precision-en.md).

    python scripts/read_sample.py [--lang fr|en] [--articles 80] [--events 40] [--seed 2026] [--json]
                                  [--chronique "CMD ..."]

1. draws `--articles` random OrangeSum articles (random.Random(seed)) from
   ../shared/corpus/orangesum-fr/articles.jsonl, leaving out the 32 gold articles
   (../shared/gold/fr-dev/*.articles.jsonl) and every article whose trigger candidates trained the
   detector (the `doc` of train/events/candidates/fr-*.jsonl), so that the sample is unseen;
2. runs `chronique extract --lang fr` (the venv's, else the one on PATH) on them;
3. draws `--events` events (random.Random(seed + 1)) from all the events produced and prints each
   record's fields a reader judges, with its sentences and the article's id and publication date
   (`--json`: the drawn records as JSON lines instead).

English (`--lang en`): the articles are drawn the same way from the English news that is no evaluation
set and that trained nothing: the pages of ../shared/corpus/html-en/ and the article texts of
../shared/data/geo/lgl.xml and GeoVirus.xml (read as train/events/draw.py reads them), leaving out every
article with a candidate in train/events/candidates/en-*.jsonl. PLOVER GSR and CASE 2021 are never read.

`--chronique` is the command that runs chronique (default: the venv's `chronique`, else the one on
PATH), e.g. `--chronique "python -m chronique"` in a work tree run with PYTHONPATH.

Exits with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import shlex
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


def unseen_english_articles() -> list[dict]:
    """The English articles of html-en, LGL and GeoVirus that gave no training candidate, in id order."""
    sources = [SHARED / "corpus" / "html-en", SHARED / "data" / "geo" / "lgl.xml",
               SHARED / "data" / "geo" / "GeoVirus.xml"]
    if not all(p.exists() for p in sources):
        sys.exit(f"missing English sources under {SHARED}: this script needs the project's ../shared folder")
    spec = importlib.util.spec_from_file_location("_draw", ROOT / "train" / "events" / "draw.py")
    draw = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(draw)  # its readers refuse the evaluation sets
    trained = {json.loads(l)["doc"] for p in (ROOT / "train" / "events" / "candidates").glob("en-*.jsonl")
               for l in p.open()}
    arts = [a for src in sources for a in draw.read_source(src)
            if a["id"] not in trained and a.get("text", "").strip()]
    return sorted(arts, key=lambda a: a["id"])


def names(parties) -> str:
    return "; ".join(f"{p.get('text')}" + (f" [{p['name']}]" if p.get("name") else "")
                     + (f" ({p['country']})" if p.get("country") else "") for p in parties or []) or "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", choices=("fr", "en"), default="fr")
    ap.add_argument("--chronique", help="command that runs chronique (default: the venv's, else PATH's)")
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--events", type=int, default=40)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--json", action="store_true", help="print the drawn event records as JSON lines")
    ap.add_argument("--keep", type=Path, help="also write the drawn articles and all their events to this folder")
    args = ap.parse_args()

    pool = unseen_articles() if args.lang == "fr" else unseen_english_articles()
    sample = random.Random(args.seed).sample(pool, args.articles)
    by_id = {a["id"]: a for a in sample}
    if args.chronique:
        cmd = shlex.split(args.chronique)
    else:
        exe = ROOT / ".venv" / "bin" / "chronique"
        cmd = [str(exe) if exe.exists() else shutil.which("chronique") or sys.exit("chronique is not installed")]
    # the English readers' bookkeeping field and empty values are left out of the input
    rows = sample if args.lang == "fr" else [{k: v for k, v in a.items() if k != "corpus" and v is not None}
                                             for a in sample]
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as tmp:
        tmp.writelines(json.dumps(a, ensure_ascii=False) + "\n" for a in rows)
        tmp.flush()
        out = subprocess.run(cmd + ["extract", "--lang", args.lang, tmp.name], capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"chronique extract failed ({out.returncode}):\n{out.stderr[-2000:]}")
    events = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        (args.keep / "articles.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in rows),
                                                  encoding="utf-8")
        (args.keep / "events.jsonl").write_text(out.stdout, encoding="utf-8")
    drawn = random.Random(args.seed + 1).sample(events, min(args.events, len(events)))
    print(f"# {len(pool)} unseen articles, {args.articles} drawn (seed {args.seed}); {len(events)} events; "
          f"{len(drawn)} drawn (seed {args.seed + 1})", file=sys.stderr)
    for n, e in enumerate(drawn):
        if args.json:
            print(json.dumps(e, ensure_ascii=False))
            continue
        loc = e.get("event_loc") or {}
        print(f"=== #{n} {e['doc_id']} published {(by_id[e['doc_id']].get('published') or '-')[:10]}  "
              f"event {e.get('id')}")
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
