"""Fixtures shared by every test package: the shared data folder and the spaCy pipelines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = (ROOT / ".." / "shared").resolve()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository (gold data, corpora, scorers), or a visible skip."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared data folder {SHARED_DIR} is absent (it sits beside the repository in CI)")
    return SHARED_DIR


@pytest.fixture(scope="session")
def fr_nlp() -> Any:
    from chronique import nlp

    return nlp.load("fr")


@pytest.fixture(scope="session")
def en_nlp() -> Any:
    from chronique import nlp

    return nlp.load("en")
