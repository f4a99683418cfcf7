"""The ingest package re-exports its public API."""

from __future__ import annotations

from chronique import ingest


def test_init_all_names_exist() -> None:
    assert set(ingest.__all__) == {"GZIP_MAGIC", "Options", "align_offsets", "clean_text", "detect_lang",
                                   "format_from_name", "iter_articles", "iter_jsonl", "raw_span", "walk"}
    for name in ingest.__all__:
        assert callable(getattr(ingest, name)) or name == "GZIP_MAGIC"
    assert ingest.GZIP_MAGIC == b"\x1f\x8b"


def test_init_docstring_examples_hold() -> None:
    import doctest

    from chronique.ingest import align, clean, lang

    for module in (align, clean, lang):
        result = doctest.testmod(module)
        assert result.failed == 0, f"{module.__name__}: {result.failed} docstring example(s) fail"
        assert result.attempted > 0
