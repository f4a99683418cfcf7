"""Fixtures shared by every test package: the shared data folder and the spaCy pipelines.

Package conftests add only what is their own (the gazetteer, coders, input builders).
"""

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
def shared(shared_dir: Path) -> Path:
    """Alias of ``shared_dir``."""
    return shared_dir


@pytest.fixture(scope="session")
def nlp_fr() -> Any:
    """The French spaCy pipeline, loaded once per session."""
    from chronique import nlp

    return nlp.load("fr")


@pytest.fixture(scope="session")
def nlp_en() -> Any:
    """The English spaCy pipeline, loaded once per session."""
    from chronique import nlp

    return nlp.load("en")


@pytest.fixture(scope="session")
def fr_nlp(nlp_fr: Any) -> Any:
    """Alias of ``nlp_fr``."""
    return nlp_fr


@pytest.fixture(scope="session")
def en_nlp(nlp_en: Any) -> Any:
    """Alias of ``nlp_en``."""
    return nlp_en
