"""Draw merged events of a store for reading by hand, or the report pairs two stores merge differently.

    python bench/merge_sample.py --db out.db [--n 30] [--seed 47]
    python bench/merge_sample.py --db after.db --against before.db

The first form draws ``--n`` merged events with several reports (those of ``store.query_merged()``, in
store order, shuffled with ``random.Random(seed)``, the first N) and prints each report: article,
title, date, place and sentences, so that each event can be judged one real event or not
(docs/cross-merge.md). The second prints the report pairs that share a merged event in one store
and not in the other (``NEW``: only in ``--db``; ``GONE``: only in ``--against``), e.g. two replays
of one extraction (``bench/merge_replay.py``) with two versions of the merge rules.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sqlite3
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _line(report: dict[str, Any], title: str | None, width: int = 260) -> str:
    loc = report.get("place") or {}
    place = loc.get("name") if isinstance(loc, dict) else loc
    text = " | ".join(report.get("event_text") or [])
    return (f"{report.get('doc_id')} {report.get('event')} {report.get('date')} {report.get('date_precision')} "
            f"@{place} [{(title or '')[:70]}] :: {text[:width]}")


def sample(db: str, n: int, seed: int) -> None:
    from chronique.store import open_store

    with open_store(db) as store:
        multi = [r for r in store.query_merged() if len(r["reports"]) > 1]
    titles = dict(sqlite3.connect(db).execute("SELECT id, title FROM articles").fetchall())
    random.Random(seed).shuffle(multi)
    print(f"{len(multi)} merged events with several reports; the first {n} after random.Random({seed}).shuffle")
    for k, event in enumerate(multi[:n], 1):
        print(f"\n#{k} {event['id']} {event['event']} {event.get('date')} {len(event['reports'])} reports, "
              f"{event.get('corroboration')}")
        for report in event["reports"]:
            print("   ", _line(report, titles.get(report.get("doc_id"))))


def _pairs(db: str) -> tuple[set[tuple[str, str]], dict[str, tuple[str, dict[str, Any]]]]:
    con = sqlite3.connect(db)
    by: dict[str, list[str]] = {}
    records = {}
    for event_id, doc_id, cluster, record in con.execute(
            "SELECT id, doc_id, cluster_id, record FROM events WHERE cluster_id IS NOT NULL"):
        by.setdefault(cluster, []).append(event_id)
        records[event_id] = (doc_id, json.loads(record))
    pairs = {tuple(sorted(p)) for ids in by.values() for p in itertools.combinations(ids, 2)}
    return pairs, records  # type: ignore[return-value]


def diff(db: str, against: str) -> None:
    after, records_after = _pairs(db)
    before, records_before = _pairs(against)
    titles = dict(sqlite3.connect(db).execute("SELECT id, title FROM articles").fetchall())
    print(f"report pairs sharing an event: {len(before)} in {against}, {len(after)} in {db}; "
          f"{len(after - before)} new, {len(before - after)} gone")
    for label, pairs, records in (("NEW", after - before, records_after), ("GONE", before - after, records_before)):
        for a, b in sorted(pairs):
            print(label, a, b)
            for event_id in (a, b):
                doc_id, record = records[event_id]
                report = dict(record, doc_id=doc_id, place=record.get("event_loc"))
                print("   ", _line(report, titles.get(doc_id)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--seed", type=int, default=47)
    parser.add_argument("--against", help="a second store: print the report pairs the two merge differently")
    args = parser.parse_args()
    if args.against:
        diff(args.db, args.against)
    else:
        sample(args.db, args.n, args.seed)


if __name__ == "__main__":
    main()
