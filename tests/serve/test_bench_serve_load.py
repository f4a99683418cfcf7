"""bench/serve_load.py: its synthetic store is well formed and every URL it fires is answered."""

from __future__ import annotations

import importlib.util
import warnings
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "serve_load.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    if not BENCH.is_file():
        pytest.skip(f"{BENCH} is absent")
    spec = importlib.util.spec_from_file_location("serve_load", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_bench_serve_load_synthetic_offsets_point_at_their_words(bench: ModuleType) -> None:
    for article, events in bench._synthetic(20):
        for event in events:
            for e in event["evidence"]:
                assert 0 <= e["start"] < e["end"] <= len(article.text)
            actor = event["actor"][0]
            assert article.text[actor["start"]:actor["end"]] == actor["text"]


def test_bench_serve_load_every_url_is_answered(bench: ModuleType, tmp_path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from starlette.testclient import TestClient

    from chronique.serve import create_app

    db = tmp_path / "bench.db"
    bench.build_store(db, 50)
    with TestClient(create_app(str(db))) as client:
        for kind, url in bench._urls(40, 50):
            assert client.get(url).status_code == 200, (kind, url)
