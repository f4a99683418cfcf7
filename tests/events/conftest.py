"""Helpers of the events tests: run the whole pipeline on a hand-made passage."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from chronique.model import Article, Event
from chronique.pipeline import Pipeline


@pytest.fixture(scope="session")
def events_of() -> Callable[..., list[Event]]:
    """``events_of(text, lang, dct)`` -> the event records chronique extracts from it."""

    def run(text: str, lang: str, dct: str | None = "2024-05-22") -> list[Event]:
        pipe = Pipeline(lang=lang)
        art = Article(id="t", text=text, lang=lang, published=dct)
        (res,) = list(pipe.run([art]))
        assert res.error is None, res.error
        return res.events

    return run
