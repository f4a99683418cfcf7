"""Fixtures of the actors tests: spaCy pipelines loaded once, coders, shared data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chronique import nlp
from chronique.actors import ActorCoder

# The shared material sits next to the repository: <repo>/../shared.
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder, or a skip saying why the test cannot run."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED


@pytest.fixture(scope="session")
def nlp_fr() -> Any:
    return nlp.load("fr")


@pytest.fixture(scope="session")
def nlp_en() -> Any:
    return nlp.load("en")


@pytest.fixture(scope="session")
def fr() -> ActorCoder:
    return ActorCoder("fr")


@pytest.fixture(scope="session")
def en() -> ActorCoder:
    return ActorCoder("en")

