"""Tests and `make` targets stand on their own: nothing read from, or left in, the user's folders."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import pytest

from chronique.config import load_settings
from chronique.geo import Gazetteer
from chronique.geo.gazetteer import cache_path

ROOT = Path(__file__).resolve().parents[1]


def _project() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_hermetic_cache_and_settings_point_into_the_run_folder(run_dir: Path) -> None:
    assert cache_path().parent == run_dir / "cache"
    config = Path(os.environ["CHRONIQUE_CONFIG"])
    assert config.parent == run_dir and not config.exists()
    assert load_settings()["db"] == "chronique.db" and load_settings()["processes"] == 1
    for name in ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        assert Path(os.environ[name]).is_relative_to(run_dir), name
    assert Path(tempfile.gettempdir()).is_relative_to(run_dir)


def test_hermetic_gazetteer_is_built_by_this_run(run_started: float) -> None:
    """The gazetteer the tests use comes from the installed packages, not from an earlier run."""
    Gazetteer.load()
    assert cache_path().is_file()
    assert cache_path().stat().st_mtime >= run_started


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_hermetic_make_demo_installs_the_runtime_only() -> None:
    """`make demo` installs chronique without extras; the test tools come with `make test`."""
    def planned(target: str) -> str:
        # -n: print, do not run; -B: as on a fresh clone, every stamp out of date
        res = subprocess.run(["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, res.stderr
        return res.stdout

    demo = planned("demo")
    installs = [x for x in demo.splitlines() if "pip install" in x and "--upgrade pip" not in x]
    assert installs == [".venv/bin/python -m pip install -q -e ."], demo
    assert "[test]" not in demo
    test = planned("test")
    assert "pip install -q -e '.[test]'" in test and "pytest" in test
    extras, runtime = _project()["optional-dependencies"]["test"], " ".join(_project()["dependencies"])
    for tool in ("pytest", "pyspark", "playwright", "deptry", "hypothesis"):
        assert any(x.startswith(tool) for x in extras) and tool not in runtime, tool
