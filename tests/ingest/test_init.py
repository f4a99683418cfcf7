"""The ingest package re-exports its public API."""

from __future__ import annotations

from chronique import ingest


def test_init_all_names_exist() -> None:
    assert set(ingest.__all__) == {"align_offsets", "clean_text", "detect_lang", "iter_articles", "raw_span"}
    for name in ingest.__all__:
        assert callable(getattr(ingest, name))


def test_init_docstring_examples_hold() -> None:
    import doctest

    from chronique.ingest import align, clean, lang

    for module in (align, clean, lang):
        result = doctest.testmod(module)
        assert result.failed == 0, f"{module.__name__}: {result.failed} docstring example(s) fail"
        assert result.attempted > 0
