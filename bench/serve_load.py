"""Load test of the web API on loopback: requests/s and latency over a store of synthetic events.

    python bench/serve_load.py [--events 100000] [--requests 1000] [--seconds 60] [--threads 8]
                               [--db PATH] [--out bench/results/serve.json]

Builds (or reuses, with --db on an existing file) a SQLite store of synthetic
events with ``Store.add_many``, starts ``uvicorn`` on 127.0.0.1 in a
subprocess, then fires a bounded number of requests (stopping early at the
time limit) from a thread pool at five endpoints, round robin:
  list       /events.json with a random filter (type, country, month) and page
  list-html  /events, the analyst's page (list, count, filters)
  event      /events/ID.json for a random event
  event-html /events/ID, the event page with its highlighted passages
  facets     /facets.json?by=F (country, admin1, week, month, type, actor, claimant, ...) with a random filter
Prints requests/s and p50/p99 latency per endpoint and overall; writes JSON.
Nothing leaves the machine: the server listens on loopback only.

The store gets its list-order index from migration 0003 and fresh planner
statistics when the writing connection closes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chronique.model import PLOVER_TYPES, Article
from chronique.store import open_store
from chronique.store._views import FACETS

EVENTS_PER_ARTICLE = 5
PLACES = [("Gao", "ML", 16.27, -0.04), ("Kidal", "ML", 18.44, 1.41), ("Mopti", "ML", 14.49, -4.19),
          ("Aleppo", "SY", 36.2, 37.16), ("Homs", "SY", 34.73, 36.72), ("Kyiv", "UA", 50.45, 30.52),
          ("Kharkiv", "UA", 49.99, 36.23), ("Gaza", "PS", 31.5, 34.47), ("Goma", "CD", -1.68, 29.23),
          ("Niamey", "NE", 13.51, 2.11), ("Paris", "FR", 48.85, 2.35), ("Geneva", "CH", 46.2, 6.14)]
ACTORS = [("l'armée malienne", "Malian Armed Forces", "MLI", "MIL"), ("les rebelles", "Rebels", None, "REB"),
          ("le gouvernement", "Government", None, "GOV"), ("Russian forces", "Russian Armed Forces", "RUS", "MIL"),
          ("protesters", "Protesters", None, "CVL")]
CLAIMANTS = ["le ministère de la Défense", "an official", "the UN", "un témoin"]


def _synthetic(n_events: int, seed: int = 7) -> Iterator[tuple[Article, list[dict[str, Any]]]]:
    """Articles of EVENTS_PER_ARTICLE events each, with offsets into their text."""
    rng = random.Random(seed)
    for a in range(n_events // EVENTS_PER_ARTICLE):
        sentences, events, at = [], [], 0
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        for k in range(EVENTS_PER_ARTICLE):
            place, cc, lat, lon = rng.choice(PLACES)
            actor = rng.choice(ACTORS)
            claimant = rng.choice(CLAIMANTS)
            etype = rng.choice(PLOVER_TYPES)
            sentence = f"Selon {claimant}, {actor[0]} a mené une action ({etype.lower()}) à {place} le {day}. "
            start = at
            a0 = start + sentence.index(actor[0])
            p0 = start + sentence.index(place)
            events.append({
                "id": f"ev{a:06d}-{k}", "event": [etype], "mode": [], "date": day, "enddate": day,
                "date_precision": "day",
                "event_loc": {"text": place, "name": place, "geonameid": None, "lat": lat, "lon": lon,
                              "country_code": cc, "admin1": None, "precision": "city"},
                "actor": [{"text": actor[0], "name": actor[1], "country": actor[2], "sector": actor[3],
                           "start": a0, "end": a0 + len(actor[0])}],
                "claimant": [{"text": claimant, "name": claimant}],
                "event_text": [sentence.strip()], "modality": "asserted", "lang": "fr",
                "evidence": [{"start": start, "end": start + len(sentence) - 1, "field": "event_text"},
                             {"start": a0, "end": a0 + len(actor[0]), "field": "actor"},
                             {"start": p0, "end": p0 + len(place), "field": "event_loc"}],
            })
            sentences.append(sentence)
            at += len(sentence)
        yield Article(id=f"art{a:06d}", text="".join(sentences), title=f"Dépêche {a}", published=day, lang="fr",
                      url=f"https://example.org/{a}"), events


def build_store(path: Path, n_events: int) -> float:
    """Fill a new store at ``path``; return the seconds it took."""
    t0 = time.perf_counter()
    with open_store(str(path)) as store:
        store.add_many(_synthetic(n_events), batch_size=2000)
    return time.perf_counter() - t0




def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = ("import uvicorn; from chronique.serve import create_app; "
            f"uvicorn.run(create_app({str(db)!r}), host='127.0.0.1', port={port}, log_level='warning')")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/stats.json", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode}")
    proc.terminate()
    raise SystemExit("the server did not answer within 60 s")


def _urls(n: int, n_events: int, seed: int = 11) -> list[tuple[str, str]]:
    """(endpoint, path) round robin over the five endpoints."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        kind = ("list", "list-html", "event", "event-html", "facets")[i % 5]
        if kind == "facets":
            choice = rng.randrange(4)
            query = [f"type={rng.choice(PLOVER_TYPES)}", f"country={rng.choice(PLACES)[1]}",
                     f"date_from=2024-{rng.randint(1, 6):02d}&date_to=2024-{rng.randint(7, 12):02d}", ""][choice]
            out.append((kind, f"/facets.json?by={rng.choice(FACETS)}&{query}"))
        elif kind.startswith("list"):
            choice = rng.randrange(4)
            query = [f"type={rng.choice(PLOVER_TYPES)}", f"country={rng.choice(PLACES)[1]}",
                     f"date_from=2024-{rng.randint(1, 12):02d}&date_to=2024-{rng.randint(1, 12):02d}-28", ""][choice]
            if "date_from" in query:  # keep the range the right way round
                lo, hi = sorted(p.split("=")[1][:7] for p in query.split("&"))
                query = f"date_from={lo}&date_to={hi}"
            page = f"offset={50 * rng.randrange(20)}"
            out.append((kind, f"/events{'.json' if kind == 'list' else ''}?{query}&{page}"))
        else:
            a = rng.randrange(n_events // EVENTS_PER_ARTICLE)
            suffix = ".json" if kind == "event" else ""
            out.append((kind, f"/events/ev{a:06d}-{rng.randrange(EVENTS_PER_ARTICLE)}{suffix}"))
    return out


def fire(base: str, urls: list[tuple[str, str]], threads: int, seconds: float) -> dict[str, Any]:
    """Send the requests from ``threads`` clients until done or ``seconds`` pass; collect latencies."""
    latencies: dict[str, list[float]] = {}
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    local = threading.local()

    def one(item: tuple[str, str]) -> None:
        if time.monotonic() > stop_at:
            return
        client = getattr(local, "client", None)
        if client is None:
            # the per-request timeout bounds the run even when one query is pathological
            client = local.client = httpx.Client(base_url=base, timeout=max(5.0, seconds / 4))
        kind, path = item
        t = time.perf_counter()
        try:
            response = client.get(path)
            ok = response.status_code == 200
        except httpx.HTTPError as exc:
            ok, response = False, exc
        elapsed = time.perf_counter() - t
        with lock:
            if ok:
                latencies.setdefault(kind, []).append(elapsed)
            else:
                errors.append(f"{path}: {getattr(response, 'status_code', response)}")

    t0 = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, urls))
    wall = time.perf_counter() - t0
    return {"wall_s": wall, "latencies": latencies, "errors": errors}


def _summary(samples: list[float], wall: float) -> dict[str, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else float("nan")
    return {"requests": len(ordered), "req_per_s": len(ordered) / wall if wall else 0.0,
            "p50_ms": 1000 * statistics.median(ordered) if ordered else float("nan"), "p99_ms": 1000 * p99}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--db", type=Path, help="store to (re)use; default: a temporary file")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "serve.json")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "serve-bench.db"
        if db.exists():
            build_s = 0.0
            with open_store(str(db)) as store:  # a reused store is brought to the current schema
                n_events = store.count_events()
        else:
            build_s = build_store(db, args.events)
            n_events = args.events
        print(f"store: {n_events} events ({'reused' if not build_s else f'built in {build_s:.1f} s'})",
              file=sys.stderr)
        port = _free_port()
        proc = _start_server(db, port)
        try:
            result = fire(f"http://127.0.0.1:{port}", _urls(args.requests, n_events), args.threads, args.seconds)
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:  # still inside a slow query: graceful shutdown would wait for it
                proc.kill()
                proc.wait()
    wall = result["wall_s"]
    report = {"events": n_events, "build_s": round(build_s, 1), "threads": args.threads,
              "wall_s": round(wall, 2), "errors": len(result["errors"]),
              "endpoints": {k: _summary(v, wall) for k, v in sorted(result["latencies"].items())},
              "overall": _summary([x for v in result["latencies"].values() for x in v], wall)}
    for name, s in [*report["endpoints"].items(), ("overall", report["overall"])]:
        print(f"{name:<11} {s['requests']:>5} requests  {s['req_per_s']:7.1f} req/s  "
              f"p50 {s['p50_ms']:7.1f} ms  p99 {s['p99_ms']:7.1f} ms")
    if result["errors"]:
        print(f"{len(result['errors'])} failed requests, e.g. {result['errors'][:3]}", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"serve load: {report['overall']['req_per_s']:.1f} req/s, p99 {report['overall']['p99_ms']:.1f} ms "
          f"over {n_events} events ({report['errors']} errors)")


if __name__ == "__main__":
    main()
