"""The labelled event candidates of ``train/events/`` are valid data (French and English)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

TRAIN = Path(__file__).resolve().parents[2] / "train" / "events"
sys.path.insert(0, str(TRAIN))

from labelled import ACLED_SUBEVENTS, SOURCES, load_labelled, validate  # noqa: E402


def _label(**kw: object) -> dict:
    return {"id": "x:1", "event": "event", "type": "COERCE", "modality": "asserted", "labeller": "t", **kw}


def test_labelled_acled_required_in_english() -> None:
    validate(_label(acled="Arrests"), "here", "en")
    validate(_label(acled=None), "here", "en")
    with pytest.raises(ValueError, match="ACLED"):
        validate(_label(), "here", "en")


def test_labelled_acled_optional_in_french_but_checked() -> None:
    validate(_label(), "here", "fr")
    validate(_label(acled="Peaceful protest"), "here", "fr")
    with pytest.raises(ValueError, match="unknown ACLED"):
        validate(_label(acled="Riot"), "here", "fr")


def test_labelled_not_has_no_acled() -> None:
    with pytest.raises(ValueError, match="no ACLED"):
        validate(_label(event="not", type=None, modality=None, acled="Attack"), "here", "en")


def test_labelled_guide_lists_every_acled_subevent() -> None:
    guide = (TRAIN / "GUIDE.md").read_text(encoding="utf-8")
    assert len(ACLED_SUBEVENTS) == 25
    assert [s for s in ACLED_SUBEVENTS if f"`{s}`" not in guide] == []


def test_labelled_english_candidates_come_from_training_sources_only() -> None:
    files = sorted((TRAIN / "candidates").glob("en-*.jsonl"))
    assert files, "no English candidates"
    ids: set[str] = set()
    for f in files:
        for line in f.open(encoding="utf-8"):
            row = json.loads(line)
            assert row["corpus"] in SOURCES["en"], (f.name, row["id"])
            assert row["id"] not in ids
            ids.add(row["id"])
            t = row["trigger"]
            assert row["sentence"][t["start"]:t["end"]] == t["text"]


def test_labelled_articles_are_never_split_between_files() -> None:
    docs = [{json.loads(line)["doc"] for line in f.open(encoding="utf-8")}
            for f in sorted((TRAIN / "candidates").glob("en-*.jsonl"))]
    assert sum(len(d) for d in docs) == len(set().union(*docs))


def test_labelled_french_labels_load() -> None:
    rows = load_labelled(TRAIN, "fr")
    assert len(rows) >= 3000


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


def test_labelled_no_sentence_comes_from_an_evaluation_set(shared_dir: Path) -> None:
    """Whatever a candidate's ``corpus`` says, none of its sentences is a sentence of PLOVER GSR or
    CASE 2021 (they measure the English pipeline; issue 14)."""
    import csv

    gsr = json.loads((shared_dir / "data" / "plover-gsr" / "dev.json").read_text(encoding="utf-8"))
    texts = [r["text"] for r in gsr if r.get("text")]
    with (shared_dir / "data" / "case2021-task2" / "dev.tsv").open(encoding="utf-8") as f:
        texts += [r["EventSnippet"] or "" for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]
    assert len(texts) > 500
    evaluation = "\n".join(_flat(t) for t in texts)
    rows = [json.loads(line) for f in sorted((TRAIN / "candidates").glob("en-*.jsonl"))
            for line in f.open(encoding="utf-8")]
    found = [r["id"] for r in rows if len(_flat(r["sentence"])) >= 30 and _flat(r["sentence"]) in evaluation]
    assert found == []
    # the check itself finds an evaluation sentence when one is there
    assert _flat(texts[0])[:60] in evaluation
