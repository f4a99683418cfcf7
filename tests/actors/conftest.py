"""Fixtures of the actors tests: one coder per language (shared data and spaCy come from tests/conftest.py)."""

from __future__ import annotations

import pytest

from chronique.actors import ActorCoder


@pytest.fixture(scope="session")
def fr() -> ActorCoder:
    """The French actor coder."""
    return ActorCoder("fr")


@pytest.fixture(scope="session")
def en() -> ActorCoder:
    """The English actor coder."""
    return ActorCoder("en")
