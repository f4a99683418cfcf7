"""What merging across articles adds to ingest time, with 100,000 events already stored.

    python bench/merge_cost.py [--stored 100000] [--n 300] [--events extract.jsonl]

1. Runs the whole pipeline on the first N OrangeSum articles (the ingest time
   merging is compared with; best of ``--repeat`` runs, capped at 2). ``--events``
   (output of ``chronique extract --background`` on the corpus) gives the events
   to store instead of the pipeline's, and ``--pipeline-rate`` (articles/s) the
   pipeline's rate instead of timing it.
2. Fills a store with ``--stored`` events (merge on, so merged events exist to be
   compared with): the same real event records, moved by whole multiples of 40
   days so that the timed articles find realistic neighbours in their blocking
   window but not their own copies, with articles of random words.
3. Stores the N articles into two copies of that store, merge off and merge on,
   and reports the seconds per article of each and the share merging adds to
   the whole ingest (pipeline + store). ``--repeat R`` does it R times, off and
   on interleaved on fresh copies, and keeps the best of each (a shared machine's
   load comes and goes; the best run is the closest to the code's own cost); the
   load average is printed with the result, since the share means little without it.

``--base PATH`` keeps the built store there and reuses it on the next run (it takes
20-45 minutes to build on 2 cores; delete it when the stored events or the merge
rules change, since its merged events were made by the rules of its build).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus" / "orangesum-fr" / "articles.jsonl"


def _shift(value: str | None, days: int) -> str | None:
    if not value or len(value) < 10:
        return value
    try:
        return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
    except ValueError:
        return value


def _articles(n: int) -> list[Any]:
    from chronique.ingest import iter_articles

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "a.jsonl"
        with open(CORPUS, encoding="utf-8") as f, open(src, "w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i >= n:
                    break
                out.write(line)
        return [a for a in iter_articles([str(src)], lang="fr") if hasattr(a, "content_hash")]


def _extract(articles: list[Any]) -> tuple[dict[str, list[dict[str, Any]]], float, float]:
    from chronique.pipeline import Pipeline

    pipe = Pipeline(lang="fr")
    list(pipe.run(iter(articles[:1])))  # models loaded before the clock starts, as in bench/run.py's rate
    t0, c0 = time.perf_counter(), time.process_time()
    events = {p.article.id: [e.as_dict() for e in p.events] for p in pipe.run(iter(articles)) if not p.error}
    return events, time.perf_counter() - t0, time.process_time() - c0


def _base(path: Path, templates: list[dict[str, Any]], stored: int, seed: int = 3) -> float:
    from chronique.model import Article
    from chronique.store import open_store

    rng = random.Random(seed)
    vocab = [f"mot{i}" for i in range(5000)]
    t0 = time.perf_counter()
    with open_store(str(path)) as store:
        def items() -> Any:
            n, a = 0, 0
            while n < stored:
                replica = 1 + a // max(1, len(templates))
                batch = []
                for _ in range(3):
                    t = dict(templates[(n + len(batch)) % len(templates)])
                    t["id"], t["doc_id"] = f"b{a}-{len(batch)}", f"b{a}"
                    t["date"], t["enddate"] = _shift(t.get("date"), 40 * replica), _shift(t.get("enddate"), 40 * replica)
                    batch.append(t)
                text = " ".join(rng.choice(vocab) for _ in range(300))
                yield Article(id=f"b{a}", text=text, title=f"t{a}", lang="fr",
                              published=_shift(batch[0].get("date") or "2019-01-01", 0)), batch
                n += len(batch)
                a += 1
        store.add_many(items(), batch_size=500)
    return time.perf_counter() - t0


def _store(path: Path, articles: list[Any], events: dict[str, list[dict[str, Any]]],
           merge: bool) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) to store the articles one by one, as ingest does."""
    from chronique.store import open_store

    with open_store(str(path)) as store:
        store.merge_across = merge
        t0, c0 = time.perf_counter(), time.process_time()
        for a in articles:
            store.add(a, events.get(a.id, []))
        return time.perf_counter() - t0, time.process_time() - c0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stored", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--events", type=Path, help="events of the N articles (chronique extract --background)")
    parser.add_argument("--pipeline-rate", type=float,
                        help="pipeline articles/s (README: 7.3 on 1 process) instead of timing it")
    parser.add_argument("--base", type=Path, help="keep (or reuse) the built store of --stored events here")
    parser.add_argument("--repeat", type=int, default=1, help="off/on runs, interleaved; the best of each is kept")
    args = parser.parse_args()
    articles = _articles(args.n)
    load_before = os.getloadavg()
    events: dict[str, list[dict[str, Any]]] = {}
    pipeline_s = len(articles) / args.pipeline_rate if args.pipeline_rate else float("inf")
    pipeline_cpu = None
    if not args.pipeline_rate:
        for _ in range(min(2, max(1, args.repeat))):
            events, seconds, cpu = _extract(articles)
            pipeline_s, pipeline_cpu = min(pipeline_s, seconds), min(pipeline_cpu or cpu, cpu)
    templates = [e for evs in events.values() for e in evs]
    if args.events:
        events = {}
        with open(args.events, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                events.setdefault(r["doc_id"], []).append(r)
        templates = [e for evs in events.values() for e in evs]
        wanted = {a.id for a in articles}
        events = {k: v for k, v in events.items() if k in wanted}
    with tempfile.TemporaryDirectory() as tmp:
        base = args.base or Path(tmp) / "base.db"
        build_s = None
        if not base.exists():
            build_s = _base(base, templates, args.stored)
        offs: list[tuple[float, float]] = []
        ons: list[tuple[float, float]] = []
        for _ in range(max(1, args.repeat)):
            for merge, times in ((False, offs), (True, ons)):
                copy = Path(tmp) / "run.db"
                shutil.copy(base, copy)
                times.append(_store(copy, articles, events, merge=merge))
                for extra in (copy, Path(f"{copy}-wal"), Path(f"{copy}-shm")):
                    extra.unlink(missing_ok=True)
    t_off, t_on = min(t for t, _ in offs), min(t for t, _ in ons)
    cpu_off, cpu_on = min(c for _, c in offs), min(c for _, c in ons)
    added = t_on - t_off
    result = {"stored_events": args.stored, "articles": len(articles),
              "build_base_s": round(build_s, 1) if build_s is not None else "reused",
              "pipeline_s": round(pipeline_s, 2), "store_merge_off_s": round(t_off, 3),
              "store_merge_on_s": round(t_on, 3), "runs_off_s": [round(t, 3) for t, _ in offs],
              "runs_on_s": [round(t, 3) for t, _ in ons], "merge_ms_per_article": round(1000 * added / len(articles), 2),
              "merge_share_of_ingest": round(added / (pipeline_s + t_off), 4),
              # the same in CPU seconds of the process, which a shared machine's load stretches much less
              # than wall time (the pipeline's only when it was timed here)
              "store_cpu_off_s": round(cpu_off, 3), "store_cpu_on_s": round(cpu_on, 3),
              "merge_cpu_ms_per_article": round(1000 * (cpu_on - cpu_off) / len(articles), 2),
              "pipeline_cpu_s": round(pipeline_cpu, 2) if pipeline_cpu else None,
              "merge_cpu_share_of_ingest": (round((cpu_on - cpu_off) / (pipeline_cpu + cpu_off), 4)
                                            if pipeline_cpu else None),
              "load_average_before": [round(x, 2) for x in load_before],
              "load_average_after": [round(x, 2) for x in os.getloadavg()]}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
