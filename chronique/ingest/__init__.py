"""Ingest: read articles from files, folders, JSON lines, HTML, WARC and stdin.

``iter_articles`` yields one :class:`~chronique.model.Article` per report, with
its text cleaned by ``clean_text`` and its language set (given, or detected by
``detect_lang``), or an :class:`~chronique.errors.InputError` for a file or
record that cannot be read; it never raises for bad input.
``align_offsets``/``raw_span`` map offsets of a cleaned text back to the raw text.
"""

from .align import align_offsets, raw_span
from .clean import clean_text
from .lang import detect_lang
from .readers import iter_articles

__all__ = ["align_offsets", "clean_text", "detect_lang", "iter_articles", "raw_span"]
