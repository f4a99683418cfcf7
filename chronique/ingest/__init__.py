"""Ingest: read articles from files, folders, JSON lines, HTML, WARC and stdin.

``iter_articles`` yields one :class:`~chronique.model.Article` per report, with
its text cleaned by ``clean_text`` and its language set (given, or detected by
``detect_lang``), or an :class:`~chronique.errors.InputError` for a file or
record that cannot be read; it never raises for bad input.
``align_offsets``/``raw_span`` map offsets of a cleaned text back to the raw text.

For engines that split the reading themselves (the Spark job): ``walk`` lists a
folder's files in ingest's order with their ids, ``format_from_name`` and
``GZIP_MAGIC`` tell formats apart, and ``iter_jsonl`` with ``Options`` reads JSON
lines exactly as ``iter_articles`` does.
"""

from ._formats import GZIP_MAGIC, format_from_name
from ._records import Options, iter_jsonl
from .align import align_offsets, raw_span
from .clean import clean_text
from .lang import detect_lang
from .readers import iter_articles, walk

__all__ = ["GZIP_MAGIC", "Options", "align_offsets", "clean_text", "detect_lang", "format_from_name",
           "iter_articles", "iter_jsonl", "raw_span", "walk"]
