"""Fixtures shared by every test package: the shared data folder and the spaCy pipelines.

Package conftests add only what is their own (the gazetteer, coders, input builders).

Every test run is hermetic (``pytest_configure`` below): chronique's cache, its user
settings file, the XDG folders and the temporary folder all point into one fresh
folder, removed at the end. So the gazetteer is built from the installed packages on
every run, no user setting leaks in, and no test passes thanks to a file an earlier
run left behind.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = (ROOT / ".." / "shared").resolve()

# Settings a developer's shell may carry: the tests must see the packaged defaults.
_USER_SETTINGS = ("CHRONIQUE_DB", "CHRONIQUE_PROCESSES", "CHRONIQUE_BATCH_SIZE")
_SAVED: dict[str, str | None] = {}
_RUN_DIR: list[Path] = []
_RUN_STARTED: list[float] = []


def _set_env(name: str, value: str | None) -> None:
    _SAVED.setdefault(name, os.environ.get(name))
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def pytest_configure(config: pytest.Config) -> None:
    """Point every cache and settings file at a fresh folder, before any test module is imported.

    A hook rather than a session fixture: collection imports test modules, and subprocesses
    started by tests (``python -m chronique ...``) inherit this environment too.
    """
    _RUN_STARTED.append(time.time())
    run_dir = Path(tempfile.mkdtemp(prefix="chronique-tests-"))
    _RUN_DIR.append(run_dir)
    _set_env("CHRONIQUE_CACHE", str(run_dir / "cache"))  # the gazetteer is built here, once per run
    _set_env("CHRONIQUE_CONFIG", str(run_dir / "no-config.toml"))  # absent: packaged defaults
    for name in _USER_SETTINGS:
        _set_env(name, None)
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        _set_env(name, str(run_dir / name.lower()))
    tmp = run_dir / "tmp"
    tmp.mkdir()
    # like /tmp: the throw-away PostgreSQL server runs as another user and must reach its folder here
    run_dir.chmod(0o755)
    tmp.chmod(0o1777)
    _set_env("TMPDIR", str(tmp))
    tempfile.tempdir = str(tmp)  # tmp_path, tempfile and child processes all write inside run_dir
    try:
        from hypothesis import settings
    except ImportError:
        return
    # no example database in the clone (.hypothesis/): each run stands on its own
    settings.register_profile("chronique-hermetic", database=None)
    settings.load_profile("chronique-hermetic")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Remove the run's folder and give the environment back."""
    for name, value in _SAVED.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    _SAVED.clear()
    tempfile.tempdir = None
    _RUN_STARTED.clear()
    while _RUN_DIR:
        shutil.rmtree(_RUN_DIR.pop(), ignore_errors=True)


@pytest.fixture(scope="session")
def run_dir() -> Path:
    """The fresh folder of this test run (chronique's cache lives in ``run_dir / "cache"``)."""
    return _RUN_DIR[0]


@pytest.fixture(scope="session")
def run_started() -> float:
    """When this test run began (``time.time()``), before its folder was made."""
    return _RUN_STARTED[0]


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


# Every 25th of the 4,000 OrangeSum dev articles, plus the founding report: enough to meet every
# ACLED event type and most field shapes, small enough to code in about half a minute.
DEV_SAMPLE_STEP = 25


@pytest.fixture(scope="session")
def dev_store(shared_dir: Path, run_dir: Path) -> Path:
    """A SQLite store coded by ``chronique ingest`` from a sample of the dev data (session-wide).

    Skips visibly when the OrangeSum corpus is absent."""
    import subprocess
    import sys

    corpus = shared_dir / "corpus" / "orangesum-fr" / "articles.jsonl"
    if not corpus.is_file():
        pytest.skip(f"dev corpus {corpus} is absent (it sits in ../shared in CI)")
    sample = run_dir / "dev-sample.jsonl"
    with corpus.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as out:
        out.writelines(line for i, line in enumerate(src) if i % DEV_SAMPLE_STEP == 0)
    inputs = [str(sample), *map(str, sorted((shared_dir / "seeds").glob("*.txt")))]
    db = run_dir / "dev-sample.db"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "chronique", "ingest", "--db", str(db), *inputs],
                   check=True, capture_output=True, env=env, timeout=900)
    return db
