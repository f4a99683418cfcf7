"""Acceptance: the French multi-article set (30 real events told 2-3 times, 16 distractors), the founding
report ingested twice with its headline retouched, and the command line around merged events."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from merge_eval import DATA, load_gold, pairwise

from chronique.cli import main
from chronique.ingest import iter_articles
from chronique.store import Store, open_store

# Measured (docs/cross-merge.md) on 30 real events and 16 distractors (92 articles, 62 same-event pairs):
# precision 0.961 (49/51: the gilets jaunes' acte 18 and the Marche du siècle, one Saturday in Paris, are merged);
# recall 0.907 (49/54) of the pairs whose two articles both yield an event of the gold type, 0.790 (49/62) end to
# end (8 pairs lack an extracted event of the gold type). The 5 mergeable pairs still missed are extraction
# questions: a report dated by its publication while its text names the day (faid-2, nice-3: 3 pairs) or dated
# from 'deux jours après l'attaque' read from the publication (prefecture-3: 2 pairs). Before this measure:
# 0.956 / 0.796 / 0.694; gained: a country and a place in it on one day (retraites, syrie: 4 pairs), one place
# name read by the gazetteer as two places on one day (manchester: 2 pairs). Floors a little below the measure.
PRECISION_FLOOR = 0.95
MERGE_RECALL_FLOOR = 0.88
END_TO_END_RECALL_FLOOR = 0.77


def _ingest(path: Path, db: str) -> Store:
    from chronique.pipeline import Pipeline

    store = open_store(db)
    for p in Pipeline(lang="fr").run(iter_articles([str(path)], lang="fr")):
        assert not p.error, p.error
        store.add(p.article, p.events)
    return store


@pytest.fixture(scope="module")
def merged_set(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = _ingest(DATA / "articles.jsonl", str(tmp_path_factory.mktemp("set") / "set.db"))
    merged = list(store.query_merged())
    typed = {}
    for record in store.query_events():
        typed.setdefault(record["doc_id"], set()).update(record["event"])
    store.close()
    return {"merged": merged, "types": typed}


def test_merge_set_is_what_the_docs_say():
    gold = load_gold()
    events = {g["event"] for g in gold.values()}
    told = [e for e in events if sum(g["event"] == e for g in gold.values()) >= 2]
    assert len(told) >= 30 and len(events) - len(told) >= 16
    assert {json.loads(line)["id"] for line in open(DATA / "articles.jsonl", encoding="utf-8")} == set(gold)


def test_merge_set_pairwise_precision_and_recall(merged_set):
    gold = load_gold()
    scores = pairwise(merged_set["merged"], gold)
    assert scores["precision"] >= PRECISION_FLOOR, scores["wrong"]
    assert scores["recall"] >= END_TO_END_RECALL_FLOOR, scores["missed"]
    extracted = {d for d, g in gold.items() if g["type"] in merged_set["types"].get(d, set())}
    mergeable = {d: g for d, g in gold.items() if d in extracted}
    assert pairwise(merged_set["merged"], mergeable)["recall"] >= MERGE_RECALL_FLOOR


def test_merge_set_disagreeing_crowd_counts_are_kept(merged_set):
    gilets = [r for r in merged_set["merged"] if {x["doc_id"] for x in r["reports"]} >= {"gj-1", "gj-2"}]
    assert gilets and gilets[0]["corroboration"] in ("corroborated", "contested")
    assert gilets[0]["sources"] >= 2


def test_merge_seed_reingested_with_headline_retouched_is_not_doubled(tmp_path: Path, shared: Path):
    text = (shared / "seeds" / "000_33919806caea0c94.txt").read_text(encoding="utf-8")
    first, rest = text.split("\n", 1)
    words = first.split()
    words[1], words[2] = words[2], words[1]
    src = tmp_path / "seed.jsonl"
    src.write_text(json.dumps({"id": "seed", "text": text, "lang": "fr", "published": "2015-12-24"}) + "\n"
                   + json.dumps({"id": "seed-again", "text": " ".join(words) + "\n" + rest, "lang": "fr",
                                 "published": "2015-12-24"}) + "\n", encoding="utf-8")
    store = _ingest(src, str(tmp_path / "seed.db"))
    once = [e for e in store.query_events(doc_id="seed") if "ASSAULT" in e["event"]]
    merged = [e for e in store.query_merged(type="ASSAULT")]
    assert len(once) >= 3 and len(merged) == len(once)  # was 2 x len(once) before merging across articles
    for event in merged:
        assert [r["doc_id"] for r in event["reports"]] == ["seed", "seed-again"]
        assert event["reports"][1]["copy_of"] == "seed" and event["sources"] == 1  # a copy corroborates nothing
    assert store.get_article("seed-again") is not None
    store.close()


def test_merge_cli_export_split_and_filters(tmp_path: Path):
    src = tmp_path / "nice.jsonl"
    with open(DATA / "articles.jsonl", encoding="utf-8") as f:
        src.write_text("".join(line for line in f if json.loads(line)["id"] in ("nice-1", "nice-2", "avignon-1")),
                       encoding="utf-8")
    db = str(tmp_path / "c.db")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--db", db, str(src)]).exit_code == 0
    out = runner.invoke(main, ["export", "--db", db, "--format", "plover", "--type", "ASSAULT"])
    assert out.exit_code == 0, out.output
    events = [json.loads(line) for line in out.stdout.splitlines()]
    (nice,) = [e for e in events if len(e["reports"]) == 2]
    assert len(events) == 2 and nice["sources"] == 2 and nice["corroboration"] in ("corroborated", "contested")
    for report in nice["reports"]:
        assert {"doc_id", "id", "event", "event_text", "published", "outlet", "claimant"} <= set(report)
    two = runner.invoke(main, ["export", "--db", db, "--format", "plover", "--sources", "2"])
    assert [json.loads(line)["id"] for line in two.stdout.splitlines()] == [nice["id"]]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, ["export", "--db", db, "--format", "acled-csv",
                                                                "--type", "ASSAULT"]).stdout)))
    assert sorted(r["source"] for r in rows) == ["AFP; Le Monde", "France Bleu Vaucluse"]
    listed = runner.invoke(main, ["events", "--db", db, "--type", "ASSAULT"])  # merged events by default
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == [e["id"] for e in events]
    table = runner.invoke(main, ["events", "--db", db, "--type", "ASSAULT", "--format", "table"]).stdout
    assert "{2 reports, 2 sources," in table and "{1 report, 1 source," in table
    per_report = runner.invoke(main, ["events", "--db", db, "--type", "ASSAULT", "--per-report"])
    assert len(per_report.stdout.splitlines()) == 3
    assert all("reports" not in json.loads(line) for line in per_report.stdout.splitlines())
    assert runner.invoke(main, ["events", "--db", db, "--per-report", "--sources", "2"]).exit_code == 2
    split = runner.invoke(main, ["split", "--db", db, nice["id"], nice["reports"][1]["id"]])
    assert split.exit_code == 0, split.output
    after = runner.invoke(main, ["export", "--db", db, "--format", "plover", "--type", "ASSAULT"])
    assert len(after.stdout.splitlines()) == 3
    bad = runner.invoke(main, ["export", "--db", db, "--format", "plover", "--corroboration", "sure"])
    assert bad.exit_code == 2
