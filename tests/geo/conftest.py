"""Fixtures of the places tests (shared data and spaCy pipelines come from tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    """The process gazetteer (built into the cache directory on first use, ~30 s)."""
    from chronique.geo import Gazetteer

    return Gazetteer.load()
