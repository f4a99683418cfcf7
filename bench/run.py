"""Throughput benchmark: bare spaCy parsing versus the whole chronique pipeline.

    python bench/run.py [--limit N] [--limit2 N2] [--english NE] [--corpus PATH]
                        [--out bench/results/latest.json]

Both runs read the same articles (default: the first N=1000 of the 4,000
OrangeSum French articles in ../shared; the runs on 2 processes the first
N2=400), each in a fresh process so that peak memory (max RSS) is measured per
run; then both on the first NE=200 English LGL articles, 1 process:
  bare      fr_core_news_md as installed (spacy.load) over the texts with
            nlp.pipe, same batch size: no chronique component or fix;
  pipeline  ingest (clean-up) -> time -> parse -> places -> actors -> events -> store
            into a temporary SQLite file, with the wall time of every stage.
Prints articles/s and words/s for both, their ratio, the per-stage share, and
writes everything as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "orangesum-fr" / "articles.jsonl"
BATCH = 16


def _read(corpus: Path, limit: int) -> list[dict]:
    out = []
    with open(corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
            if len(out) >= limit:
                break
    return out


def _peak_mb() -> float:
    """Peak resident memory of one process: this one, or its largest worker."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, workers) / 1024


def _cpu_s() -> float:
    """CPU seconds (user + system) of this process and of its finished workers: unlike wall
    time, barely moved by other jobs on a shared machine."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def english_corpus(limit: int, out: Path) -> Path | None:
    """The first ``limit`` LGL news articles (English local news) as JSON lines."""
    import xml.etree.ElementTree as ET

    src = ROOT.parent / "shared" / "data" / "geo" / "lgl.xml"
    if not src.exists():
        return None
    with open(out, "w", encoding="utf-8") as f:
        for k, art in enumerate(ET.parse(src).getroot().iter("article")):
            if k >= limit:
                break
            f.write(json.dumps({"id": art.get("docid"), "text": art.findtext("text") or "", "lang": "en",
                                "published": (art.findtext("dltime") or "")[:10] or None}) + "\n")
    return out


def run_bare(corpus: Path, limit: int, processes: int = 1, lang: str = "fr") -> dict:
    import spacy

    from chronique import nlp
    from chronique.ingest import clean_text

    texts = [clean_text(r["text"]) for r in _read(corpus, limit)]
    model = spacy.load(nlp.model_name(lang))  # the model as installed: none of chronique's changes
    t0, c0 = time.perf_counter(), _cpu_s()
    words = 0
    for doc in model.pipe(texts, batch_size=BATCH, n_process=processes):
        words += len(doc)
    dt = time.perf_counter() - t0
    return {"articles": len(texts), "tokens": words, "seconds": dt, "cpu_seconds": _cpu_s() - c0,
            "peak_mb": _peak_mb()}


def run_pipeline(corpus: Path, limit: int, processes: int = 1, lang: str = "fr") -> dict:
    from chronique.ingest import iter_articles
    from chronique.pipeline import Pipeline, preload, run_parallel
    from chronique.store import open_store

    # the corpus is cut to `limit` articles in a temp file, read through the real ingest code
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "articles.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for r in _read(corpus, limit):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        preload(lang)  # models and tables, loaded before the clock starts as the bare run's model is
        from chronique.geo import Gazetteer

        rss0 = _peak_mb()
        g0 = time.perf_counter()
        Gazetteer.load()  # one-time loads are not per-article work, but are reported
        gazetteer = {"load_s": time.perf_counter() - g0, "peak_rss_delta_mb": _peak_mb() - rss0}
        store = open_store(str(Path(tmp) / "bench.db"))
        pipe = Pipeline(lang=lang, batch_size=BATCH)
        t0, c0 = time.perf_counter(), _cpu_s()
        t_ingest = 0.0

        def timed_articles():
            nonlocal t_ingest
            it = iter_articles([str(src)], lang=lang)
            while True:
                s = time.perf_counter()
                try:
                    item = next(it)
                except StopIteration:
                    t_ingest += time.perf_counter() - s
                    return
                t_ingest += time.perf_counter() - s
                yield item

        t_store = 0.0
        events = tokens = 0
        for p in run_parallel(pipe, timed_articles(), processes):
            if p.error:
                continue
            s = time.perf_counter()
            store.add(p.article, p.events)
            t_store += time.perf_counter() - s
            events += len(p.events)
            tokens += len(p.article.text.split())
        dt = time.perf_counter() - t0
        cpu = _cpu_s() - c0
        store.close()
    stages = {"ingest": t_ingest, **pipe.timings, "store": t_store}
    per_stage = {
        "time_expressions_per_s": pipe.counts["timexes"] / max(stages["time"], 1e-9),
        "places_per_s": pipe.counts["places"] / max(stages["places"], 1e-9),
        "actors_articles_per_s": pipe.counts["articles"] / max(stages["actors"], 1e-9),
        "events_articles_per_s": pipe.counts["articles"] / max(stages["events"], 1e-9),
    }
    return {"articles": pipe.counts["articles"], "failed": pipe.counts["failed"], "events": events,
            "seconds": dt, "cpu_seconds": cpu, "stages": stages, "peak_mb": _peak_mb(), "timexes": pipe.counts["timexes"],
            "places": pipe.counts["places"], "gazetteer": gazetteer, "throughput": per_stage}


def nlp_name(lang: str) -> str:
    from chronique import nlp

    return str(nlp.model_name(lang))


def _child(mode: str, corpus: Path, limit: int, processes: int = 1, lang: str = "fr") -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--limit", str(limit),
                          "--processes", str(processes), "--lang", lang],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    if out.returncode != 0:
        raise SystemExit(f"bench {mode} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=int(os.environ.get("BENCH_N", "1000")))
    ap.add_argument("--limit2", type=int, default=int(os.environ.get("BENCH_N2", "400")),
                    help="articles for the 2-process runs (fewer, so that make bench stays under 10 minutes)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "latest.json")
    ap.add_argument("--child", choices=["bare", "pipeline"], help=argparse.SUPPRESS)
    ap.add_argument("--processes", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--lang", default="fr", help=argparse.SUPPRESS)
    ap.add_argument("--english", type=int, default=int(os.environ.get("BENCH_EN", "200")),
                    help="English LGL articles for the English run (0: skip it)")
    a = ap.parse_args()
    if a.child:
        run = run_bare if a.child == "bare" else run_pipeline
        res = run(a.corpus, a.limit, a.processes, a.lang)
        print(json.dumps(res))
        return
    if not a.corpus.exists():
        raise SystemExit(f"corpus {a.corpus} not found (it lives in ../shared beside the repo)")
    bare = _child("bare", a.corpus, a.limit)
    pipe = _child("pipeline", a.corpus, a.limit)
    bare2 = _child("bare", a.corpus, a.limit2, 2)
    pipe2 = _child("pipeline", a.corpus, a.limit2, 2)
    words = bare["tokens"]
    res = {
        "corpus": str(a.corpus), "articles": a.limit, "batch_size": BATCH, "processes": 1,
        "bare": {**bare, "articles_per_s": bare["articles"] / bare["seconds"], "words_per_s": words / bare["seconds"]},
        "pipeline": {**pipe, "articles_per_s": pipe["articles"] / pipe["seconds"],
                     "words_per_s": words / pipe["seconds"]},
    }
    res["ratio_pipeline_over_bare"] = res["pipeline"]["articles_per_s"] / res["bare"]["articles_per_s"]
    # the same ratio in CPU seconds: what the ratio would be on an idle machine, roughly
    res["cpu_ratio_pipeline_over_bare"] = bare["cpu_seconds"] / max(pipe["cpu_seconds"], 1e-9)
    res["two_processes"] = {
        "bare": {**bare2, "articles_per_s": bare2["articles"] / bare2["seconds"],
                 "words_per_s": bare2["tokens"] / bare2["seconds"]},
        "pipeline": {**pipe2, "articles_per_s": pipe2["articles"] / pipe2["seconds"],
                     "words_per_s": bare2["tokens"] / pipe2["seconds"]},
    }
    two = res["two_processes"]
    two["ratio_pipeline_over_bare"] = two["pipeline"]["articles_per_s"] / two["bare"]["articles_per_s"]
    two["articles"] = a.limit2
    # scaling in words/s: the 2-process runs read fewer (and not the same mix of) articles
    two["pipeline_scaling"] = two["pipeline"]["words_per_s"] / res["pipeline"]["words_per_s"]
    with tempfile.TemporaryDirectory() as tmp:
        en = english_corpus(a.english, Path(tmp) / "lgl.jsonl") if a.english > 0 else None
        if en is not None:
            en_bare = _child("bare", en, a.english, 1, "en")
            en_pipe = _child("pipeline", en, a.english, 1, "en")
            res["english"] = {
                "corpus": "LGL (English local news)", "articles": en_bare["articles"],
                "bare": {**en_bare, "articles_per_s": en_bare["articles"] / en_bare["seconds"],
                         "words_per_s": en_bare["tokens"] / en_bare["seconds"]},
                "pipeline": {**en_pipe, "articles_per_s": en_pipe["articles"] / en_pipe["seconds"],
                             "words_per_s": en_bare["tokens"] / en_pipe["seconds"]},
            }
            res["english"]["ratio_pipeline_over_bare"] = (res["english"]["pipeline"]["articles_per_s"]
                                                          / res["english"]["bare"]["articles_per_s"])
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1))
    b, p = res["bare"], res["pipeline"]
    print(f"articles: {a.limit} (French, OrangeSum), batch {BATCH}, 1 process")
    print(f"bare spaCy parse : {b['articles_per_s']:7.1f} articles/s {b['words_per_s']:8.0f} words/s"
          f"  peak {b['peak_mb']:.0f} MB")
    print(f"whole pipeline   : {p['articles_per_s']:7.1f} articles/s {p['words_per_s']:8.0f} words/s"
          f"  peak {p['peak_mb']:.0f} MB  ({p['events']} events)")
    print(f"ratio pipeline / bare parse: {res['ratio_pipeline_over_bare']:.2f} (in CPU seconds: "
          f"{res['cpu_ratio_pipeline_over_bare']:.2f}, bare {b['cpu_seconds']:.1f} s, pipeline {p['cpu_seconds']:.1f} s; "
          f"load average {os.getloadavg()[0]:.1f})")
    b2, p2 = two["bare"], two["pipeline"]
    print(f"2 processes, first {a.limit2} articles: bare {b2['articles_per_s']:.1f} articles/s "
          f"({b2['words_per_s']:.0f} words/s), pipeline {p2['articles_per_s']:.1f} articles/s "
          f"({p2['words_per_s']:.0f} words/s) "
          f"(ratio {two['ratio_pipeline_over_bare']:.2f}; pipeline x{two['pipeline_scaling']:.2f} over 1 process in words/s; "
          f"peak {p2['peak_mb']:.0f} MB per process)")
    total = sum(p["stages"].values()) or 1.0
    print("time per stage (share of pipeline wall time; 'parse' alone vs bare parse: "
          f"{p['stages'].get('parse', 0) / b['seconds']:.2f}):")
    for stage, secs in p["stages"].items():
        print(f"  {stage:<8} {secs:8.1f} s  {secs / total:6.1%}")
    t = p["throughput"]
    print(f"time stage: {p['timexes']} expressions, {t['time_expressions_per_s']:.0f}/s; "
          f"places: {p['places']} mentions, {t['places_per_s']:.0f}/s; "
          f"actors: {t['actors_articles_per_s']:.0f} articles/s; events: {t['events_articles_per_s']:.0f} articles/s")
    print(f"gazetteer: loaded in {p['gazetteer']['load_s']:.2f} s, +{p['gazetteer']['peak_rss_delta_mb']:.0f} MB")
    if "english" in res:
        e = res["english"]
        eb, ep = e["bare"], e["pipeline"]
        print(f"English ({e['articles']} LGL articles, {nlp_name('en')}, 1 process): bare {eb['articles_per_s']:.1f} "
              f"articles/s ({eb['words_per_s']:.0f} words/s), pipeline {ep['articles_per_s']:.1f} articles/s "
              f"({ep['words_per_s']:.0f} words/s), ratio {e['ratio_pipeline_over_bare']:.2f}, "
              f"peak {ep['peak_mb']:.0f} MB; stages: "
              + ", ".join(f"{k} {v / max(sum(ep['stages'].values()), 1e-9):.0%}" for k, v in ep["stages"].items()))
    print(f"results written to {a.out}")


if __name__ == "__main__":
    main()
