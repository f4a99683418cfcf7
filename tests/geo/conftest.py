"""Shared fixtures of the places tests: one gazetteer and one spaCy pipeline per language per session."""

from __future__ import annotations

import importlib.util  # noqa: F401 - chronique.nlp uses importlib.util without importing it
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def gazetteer():
    """The process gazetteer (built into the cache directory on first use, ~30 s)."""
    from chronique.geo import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def nlp_fr():
    from chronique import nlp

    return nlp.load("fr")


@pytest.fixture(scope="session")
def nlp_en():
    from chronique import nlp

    return nlp.load("en")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED} (gold sets live beside the repository)")
    return SHARED
