"""Every package re-exports its public names in ``__all__``, and they all exist."""

from __future__ import annotations

import importlib

import pytest

PACKAGES = ["chronique.model", "chronique.errors", "chronique.config", "chronique.nlp", "chronique.pipeline", "chronique.ingest",
            "chronique.time", "chronique.geo", "chronique.actors", "chronique.events", "chronique.crossmerge", "chronique.store",
            "chronique.export", "chronique.serve", "chronique.scale"]


@pytest.mark.parametrize("name", PACKAGES)
def test_package_all_names_exist(name: str) -> None:
    mod = importlib.import_module(name)
    assert hasattr(mod, "__all__"), f"{name} has no __all__"
    missing = [n for n in mod.__all__ if not hasattr(mod, n)]
    assert not missing, f"{name}.__all__ names missing objects: {missing}"


@pytest.mark.parametrize("name", PACKAGES)
def test_package_public_functions_are_documented(name: str) -> None:
    mod = importlib.import_module(name)
    undocumented = [n for n in mod.__all__ if callable(getattr(mod, n)) and not (getattr(mod, n).__doc__ or "").strip()]
    assert not undocumented, f"{name}: public names without a docstring: {undocumented}"
