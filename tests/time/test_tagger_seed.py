"""The founding case: every date of the seed's gold events is found as a Timex interval."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronique.time import tag


@pytest.mark.parametrize("dct", [None, "2015-12-24"])
def test_tagger_seed_gold_dates_are_found(shared_dir: Path, dct: str | None) -> None:
    seed = shared_dir / "seeds" / "000_33919806caea0c94.txt"
    gold = shared_dir / "gold" / "seed.gold.jsonl"
    if not seed.exists() or not gold.exists():
        pytest.skip(f"seed or its gold missing under {shared_dir}")
    wanted = {(e["date"], e["enddate"]) for e in map(json.loads, gold.read_text(encoding="utf-8").splitlines()) if e.get("date")}
    found = {(t.begin, t.finish) for t in tag(seed.read_text(encoding="utf-8"), "fr", dct) if t.type == "DATE"}
    assert wanted <= found, sorted(wanted - found)
