"""One very long unpunctuated article through the whole pipeline: time and peak memory.

    python bench/long_article.py [--words 200000] [--lang fr|en|both] [--seed 17]
                                 [--profile out.prof] [--keep-text out.txt]

The article is made from real news words: the texts of the dev corpus (French:
OrangeSum; English: LGL local news) read in order, their punctuation and line breaks
removed, article after article until there are ``--words`` words. Real words keep what
makes such a text costly: event verbs, actors, places and dates all through it, where a
text of a few repeated words has almost none. ``--seed`` shuffles the order of the
source articles. Each run is a fresh process (``python bench/long_article.py --child``)
so that its wall time includes nothing else and its peak memory (VmHWM) is its own;
model and gazetteer loading are timed apart. Issue 17's bound: under 60 s and 1.5 GB
for 200,000 words on the project's 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FRENCH = SHARED / "corpus" / "orangesum-fr" / "articles.jsonl"
ENGLISH = SHARED / "data" / "geo" / "lgl.xml"
# every punctuation mark a sentence or clause could end at; apostrophes and hyphens are inside words
_PUNCT = re.compile(r"[.!?…,;:()\[\]«»\"“”—–/]|\s+-\s+")


def _sources(lang: str) -> list[str]:
    if lang == "fr":
        with open(FRENCH, encoding="utf-8") as f:
            return [json.loads(line)["text"] for line in f if line.strip()]
    import xml.etree.ElementTree as ET

    return [a.findtext("text") or "" for a in ET.parse(ENGLISH).getroot().iter("article")]


def make_text(lang: str, words: int, seed: int) -> str:
    """``words`` words of real news text in ``lang``, without a single punctuation mark or line break."""
    texts = _sources(lang)
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < words:  # the English corpus is shorter than 200,000 words: read it again, reshuffled
        rng.shuffle(texts)
        for text in texts:
            out += _PUNCT.sub(" ", text).split()
            if len(out) >= words:
                break
    return " ".join(out[:words])


def _peak_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) for line in f if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(lang: str, words: int, seed: int, profile: str | None, events_out: str | None = None) -> dict:
    t_start = time.perf_counter()
    from chronique import nlp
    from chronique.geo import Gazetteer
    from chronique.model import Article
    from chronique.pipeline import Pipeline

    text = make_text(lang, words, seed)
    nlp.load(lang)
    Gazetteer.load()
    loaded = time.perf_counter()
    art = Article(id=f"long-{lang}", text=text, lang=lang, published="2021-01-06", source=f"long-{lang}.txt")
    pipe = Pipeline(lang=lang)
    if profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    import resource

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        return own.ru_utime + own.ru_stime

    c0 = cpu()
    t0 = time.perf_counter()
    (p,) = list(pipe.run([art]))
    dt = time.perf_counter() - t0
    cpu_s = cpu() - c0  # CPU seconds: what other jobs on a shared machine move least
    if profile:
        prof.disable()
        prof.dump_stats(profile)
    if events_out:  # to compare two versions of the code on this article
        with open(events_out, "w", encoding="utf-8") as f:
            for ev in p.events:
                f.write(json.dumps(ev.as_dict(), ensure_ascii=False, sort_keys=True) + "\n")
    return {"lang": lang, "words": len(text.split()), "chars": len(text),
            "error": str(p.error) if p.error else None,
            "events": len(p.events), "places": len(p.places), "timexes": len(p.timexes), "seconds": dt, "cpu_seconds": cpu_s,
            "load_seconds": loaded - t_start, "process_seconds": time.perf_counter() - t_start,
            "peak_mb": _peak_mb(), "stages": pipe.timings}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--lang", choices=["fr", "en", "both"], default="both")
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--profile", help="write a cProfile of the pipeline run here (one language)")
    ap.add_argument("--keep-text", type=Path, help="write the generated article here")
    ap.add_argument("--events-out", help="write the article's events here as JSON lines (one language)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args()
    langs = ["fr", "en"] if a.lang == "both" else [a.lang]
    if a.child:
        print(json.dumps(child(langs[0], a.words, a.seed, a.profile, a.events_out)))
        return
    if a.keep_text:
        a.keep_text.write_text(make_text(langs[0], a.words, a.seed), encoding="utf-8")
    for lang in langs:
        cmd = [sys.executable, __file__, "--child", "--lang", lang, "--words", str(a.words),
               "--seed", str(a.seed)]
        if a.profile:
            cmd += ["--profile", a.profile if len(langs) == 1 else f"{a.profile}.{lang}"]
        if a.events_out:
            cmd += ["--events-out", a.events_out if len(langs) == 1 else f"{a.events_out}.{lang}"]
        t0 = time.perf_counter()
        done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        wall = time.perf_counter() - t0
        if done.returncode != 0:
            raise SystemExit(f"long article ({lang}) failed:\n{done.stderr[-3000:]}")
        r = json.loads(done.stdout.strip().splitlines()[-1])
        stages = ", ".join(f"{k} {v:.1f}" for k, v in r["stages"].items() if v >= 0.05)
        verdict = "within" if r["seconds"] < 60 and r["peak_mb"] < 1500 else "OVER"
        print(f"long unpunctuated article ({lang}, {r['words']:,} words, {r['chars']:,} chars): "
              f"pipeline {r['seconds']:.1f} s ({r['cpu_seconds']:.1f} s of CPU), peak {r['peak_mb']:.0f} MB, whole process {wall:.1f} s "
              f"(loads {r['load_seconds']:.1f} s) -- {verdict} issue 17's 60 s / 1.5 GB; "
              f"{r['events']} events, {r['places']} places, {r['timexes']} dates"
              + (f"; ERROR {r['error']}" if r["error"] else "") + f"; stages (s): {stages}; "
              f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
