"""The package's public names."""

from __future__ import annotations

from chronique import actors


def test_actors_api_all_is_exported() -> None:
    for name in actors.__all__:
        assert hasattr(actors, name), name
    assert "ActorCoder" in actors.__all__


def test_actors_api_coder_is_cheap_and_shares_registry() -> None:
    a, b = actors.ActorCoder("fr"), actors.ActorCoder("en")
    assert a.registry is b.registry
