"""The founding case: the French report of December 2015, scored with the project's scorer."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from chronique.ingest import iter_articles
from chronique.pipeline import Pipeline

SEED = "seeds/000_33919806caea0c94.txt"


def _scorer(shared: Path) -> Any:
    spec = importlib.util.spec_from_file_location("score_events", shared / "eval" / "score_events.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def seed_result(shared_dir: Path) -> dict[str, Any]:
    (art,) = list(iter_articles([str(shared_dir / SEED)]))
    (res,) = list(Pipeline().run([art]))
    assert res.error is None
    preds = [json.loads(json.dumps(e.as_dict())) for e in res.events]
    gold = _scorer(shared_dir).load_jsonl(str(shared_dir / "gold" / "seed.gold.jsonl"))
    return _scorer(shared_dir).score(gold, preds)


def test_seed_event_f1_floor(seed_result: dict[str, Any]) -> None:
    # measured 1.00 (11/11, no extra record); the floor leaves room for one slip
    assert seed_result["f1"] >= 0.90, seed_result["missed"]


@pytest.mark.parametrize("arg", ["location", "claimant", "quantities", "mode", "recipient"])
def test_seed_argument_floors(seed_result: dict[str, Any], arg: str) -> None:
    ratio, right, total = seed_result["args"][arg]
    assert total > 0
    assert ratio >= 0.85, f"{arg}: {right}/{total}"


def test_seed_inferred_reference_date(shared_dir: Path) -> None:
    """The seed has no publication date: relative dates are read against the first full date."""
    (art,) = list(iter_articles([str(shared_dir / SEED)]))
    (res,) = list(Pipeline().run([art]))
    assert res.dct == "2015-12-23" and res.dct_inferred
