"""Helpers shared by the events test modules: pick one event, read parties' countries."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from chronique.model import Event

Run = Callable[..., list[Event]]


def one_event(events: list[Event], etype: str) -> Event:
    """The first event of type ``etype`` (fails with the types found)."""
    found = [e for e in events if etype in e.event]
    assert found, f"expected a {etype}, got {[e.event for e in events]}"
    return found[0]


def countries(actors: Iterable[Any]) -> set[str | None]:
    """Country codes of a list of actors."""
    return {a.country for a in actors}
