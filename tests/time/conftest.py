"""Fixtures of the time-stage tests: no spaCy model is needed here."""

from __future__ import annotations

from pathlib import Path

import pytest

# ../shared, the sibling of the repository: gold data and scorers (absent in some checkouts)
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder, or a visible skip when this checkout lacks it."""
    if not (SHARED / "data" / "ftib" / "dev").is_dir():
        pytest.skip(f"shared data not found at {SHARED.resolve()} (French TimeBank dev)")
    return SHARED
