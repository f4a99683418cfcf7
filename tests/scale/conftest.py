"""Fixtures of the scale tests: a local Spark session (skipped without Java or pyspark)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local[2] SparkSession for the whole run (startup costs 10-20 s), stopped at the end."""
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed: .venv/bin/pip install pyspark")
    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        pytest.skip("no Java runtime for Spark: apt-get install openjdk-17-jre-headless (or set JAVA_HOME)")
    from chronique.scale.spark import _session

    session, owned = _session("local[2]")
    yield session
    if owned:
        session.stop()
