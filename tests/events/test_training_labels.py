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
