"""Quality floors on slices of the shared geoparsing gold (LGL, GeoVirus), pinned below measured values."""

import importlib.util
import json
import math
import sys

import pytest

from chronique.geo import find_places

# (file, documents, recall floor, acc161-on-found floor); measured values in the comments.
CASES = [
    ("lgl.xml", 120, 0.86, 0.82),  # measured 0.890 recall, 0.857 acc161
    ("GeoVirus.xml", 80, 0.90, 0.85),  # measured 0.935 recall, 0.889 acc161
]


def _scorer(shared_dir):
    path = shared_dir / "eval" / "score_geo.py"
    if not path.exists():
        pytest.skip(f"scorer not found at {path}")
    spec = importlib.util.spec_from_file_location("score_geo", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_geo"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("name", "limit", "recall_floor", "acc_floor"), CASES)
def test_places_dev_floor(name, limit, recall_floor, acc_floor, shared_dir, nlp_en, gazetteer):
    xml = shared_dir / "data" / "geo" / name
    if not xml.exists():
        pytest.skip(f"gold not found at {xml}")
    scorer = _scorer(shared_dir)
    docs = scorer.load(str(xml), limit)
    preds = []
    for (doc_in, _), doc in zip(docs, nlp_en.pipe([d["text"] for d, _ in docs], batch_size=32)):
        for p in find_places(doc, "en"):
            preds.append(json.loads(json.dumps({"doc_id": doc_in["id"], **p.as_dict()})))
    result = scorer.score(docs, preds)
    assert result["recall"] >= recall_floor, result["recall"]
    assert result["acc161_given_found"] >= acc_floor, result["acc161_given_found"]
    assert not math.isnan(result["precision"])
