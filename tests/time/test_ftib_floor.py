"""Quality floor on the French TimeBank dev half, scored with the project's own scorer.

Measured when pinned: value F1 0.910, strict F1 0.927 (HeidelTime: 0.726 / 0.816).
"""

from __future__ import annotations

import glob
import importlib.util
import os
import time
from pathlib import Path
from types import ModuleType

import pytest

from chronique.time import tag

VALUE_F1_FLOOR = 0.88
STRICT_F1_FLOOR = 0.90


def _scorer(shared: Path) -> ModuleType:
    path = shared / "eval" / "score_timex.py"
    if not path.exists():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("score_timex", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.fixture(scope="module")
def ftib_result(shared_dir: Path) -> dict:
    scorer = _scorer(shared_dir)
    docs = [scorer.load_tml(p) for p in sorted(glob.glob(os.path.join(shared_dir / "data" / "ftib" / "dev", "*.tml")))]
    preds = []
    started = time.perf_counter()
    for doc, _ in docs:
        for t in tag(doc["text"], "fr", doc["published"]):
            preds.append({"doc_id": doc["id"], "start": t.start, "end": t.end, "text": t.text,
                          "type": t.type, "value": t.value})
    elapsed = time.perf_counter() - started
    result = scorer.score(docs, preds)
    result["elapsed"] = elapsed
    result["n_pred"] = len(preds)
    return result


def test_ftib_floor_value_f1(ftib_result: dict) -> None:
    assert ftib_result["value"][2] >= VALUE_F1_FLOOR


def test_ftib_floor_strict_f1(ftib_result: dict) -> None:
    assert ftib_result["strict"][2] >= STRICT_F1_FLOOR


def test_ftib_floor_throughput(ftib_result: dict) -> None:
    # lenient on purpose (shared CI machines): measured ~3,000 expressions/s on one core
    assert ftib_result["n_pred"] / ftib_result["elapsed"] > 200


def test_ftib_floor_spans_match_text(shared_dir: Path) -> None:
    scorer = _scorer(shared_dir)
    for path in sorted(glob.glob(os.path.join(shared_dir / "data" / "ftib" / "dev", "*.tml")))[:10]:
        doc, _ = scorer.load_tml(path)
        for t in tag(doc["text"], "fr", doc["published"]):
            assert doc["text"][t.start:t.end] == t.text
