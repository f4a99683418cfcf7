"""Readers of the actors test data files (tests/actors/data); a module of its own, not
conftest, so that its name cannot clash with the other test folders' conftest."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def load_jsonl(name: str) -> list[dict]:
    """Records of a test data file in tests/actors/data."""
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
