"""Fixtures of the ingest tests (hand-made input builders live in ingest_inputs.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

# The shared material sits next to the repository: <repo>/../shared.
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder, or a skip saying why the test cannot run."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED
