"""What runs inside a Spark executor: input units to Articles to tagged output rows.

Nothing here imports pyspark: a partition is a plain iterator, so the same code
is tested without Spark and runs in any executor. The pipeline and its models
are loaded once per Python worker (``chronique.nlp.load`` and the gazetteer are
cached per process, and Spark reuses its Python workers between tasks).
"""

from __future__ import annotations

import dataclasses
import itertools
import os
import shutil
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .. import nlp
from ..errors import ChroniqueError, InputError
from ..ingest import Options, iter_articles, iter_jsonl
from ..model import Article
from ..pipeline import Pipeline
from ._rows import ARTICLE, ERROR, EVENT, STAT, article_row, error_row, event_row

__all__ = ["file_items", "jsonl_line_items", "process_items", "tag_partition"]

Tagged = tuple[str, tuple[Any, ...]]
# schemes an executor fetches itself into a scratch file (Common Crawl serves CC-NEWS over https)
WEB_SCHEMES = ("http", "https", "ftp")
FETCHED_SCHEMES = (*WEB_SCHEMES, "file")


def _relabel(item: Article | InputError, where: str) -> Article | InputError:
    """The same item, said to come from ``where``."""
    if isinstance(item, InputError):
        return type(item)(where, item.problem)
    return dataclasses.replace(item, source=where)


def jsonl_line_items(lines: Iterable[tuple[str, int, bytes]], lang: str | None) -> Iterator[Article | InputError]:
    """Articles of JSON lines given as (file name, line number from 1, raw bytes).

    Each line goes through the single-process reader (``iter_jsonl``), so
    decoding, validation, clean-up and ids are exactly those of ``chronique
    ingest``; only the line number, which Spark knows and the reader does not
    (it counts from its first line), is put back into ``where``/``source``.
    """
    opts = Options(lang=lang)
    for name, number, raw in lines:
        where = f"{name}:{number}"
        # Spark drops the line terminator the file reader sees; put it back so that even the
        # positions quoted in JSON error messages are the same
        for item in iter_jsonl([raw + b"\n" if isinstance(raw, bytes) else raw + "\n"], name, opts):
            yield _relabel(item, where)


def _fetch(url: str, scratch: Path) -> Path:
    """A local copy of a remote input (a CC-NEWS WARC over https), named as the remote file."""
    name = Path(urllib.parse.urlsplit(url).path).name or "input"
    local = scratch / name
    with urllib.request.urlopen(url) as remote, local.open("wb") as out:
        shutil.copyfileobj(remote, out, length=1 << 20)
    return local


def file_items(paths: Iterable[str], lang: str | None) -> Iterator[Article | InputError]:
    """Articles of whole files (WARC, HTML, text, JSON, folders) read by ``iter_articles``.

    A URL (``https://``, ``file://``...) is first copied to a scratch file on the
    executor and the articles are said to come from the URL.
    """
    for given in paths:
        scheme = urllib.parse.urlsplit(given).scheme.lower()
        if scheme not in FETCHED_SCHEMES:
            yield from iter_articles([given], lang=lang)
            continue
        with tempfile.TemporaryDirectory(prefix="chronique-spark-") as tmp:
            try:
                local = _fetch(given, Path(tmp))
            except (OSError, ValueError) as exc:
                yield InputError(given, f"cannot fetch ({exc}); check the URL and the executor's network")
                continue
            for item in iter_articles([str(local)], lang=lang):
                where = (item.where if isinstance(item, InputError) else item.source) or ""
                yield _relabel(item, where.replace(str(local), given, 1))


def _preload(items: Iterable[Article | InputError], pipeline: Pipeline) -> tuple[Iterator[Article | InputError], float]:
    """Load the model of the partition's first article up front and say how long it took (0 when the
    worker had it already), so that the job can tell model loading from per-article work."""
    it = iter(items)
    head: list[Article | InputError] = []
    for item in it:
        head.append(item)
        if isinstance(item, Article):
            break
    seconds = 0.0
    first = head[-1] if head and isinstance(head[-1], Article) else None
    target = pipeline.lang or (first.lang if first is not None else None)
    needs_model = bool(pipeline.stages & {"parse", "places", "events"})
    if needs_model and target in nlp.SUPPORTED_LANGS and nlp.load.cache_info().currsize == 0:
        t0 = time.perf_counter()
        try:
            nlp.load(target)
        except ChroniqueError:  # reported per article by the pipeline itself
            pass
        seconds = time.perf_counter() - t0
    return itertools.chain(head, it), seconds


def process_items(items: Iterable[Article | InputError], pipeline: Pipeline, ingested_at: str) -> Iterator[Tagged]:
    """Run ``pipeline`` over articles and yield tagged rows: one 'article' row and its
    'event' rows per article, an 'error' row per failure, and one closing 'stat' row
    (articles, events, failed, seconds spent, seconds of them loading the model, worker
    process id) for the job's throughput figures."""
    t0 = time.perf_counter()
    stream, load_seconds = _preload(items, pipeline)
    done = events = failed = 0
    for p in pipeline.run(stream):
        if p.error is not None:
            failed += 1
            yield ERROR, error_row(p.error, p.article.source or p.article.id)
            continue
        done += 1
        yield ARTICLE, article_row(p.article, ingested_at)
        for event in p.events:
            events += 1
            yield EVENT, event_row(event)
    yield STAT, (done, events, failed, time.perf_counter() - t0, load_seconds, os.getpid())


def tag_partition(lang: str | None, ingested_at: str,
                  make_pipeline: Callable[[], Pipeline] | None = None
                  ) -> Callable[[Iterable[tuple[str, Any]]], Iterator[Tagged]]:
    """The function Spark maps over each partition of input units.

    A unit is ``("line", (file, number, raw bytes))`` for a JSON line or
    ``("file", path)`` for a whole file. Lines and files are read lazily, in
    order, and handed to one pipeline (built by ``make_pipeline``, default the
    full ``Pipeline(lang=lang)`` as ``chronique ingest`` uses).
    """

    def run(units: Iterable[tuple[str, Any]]) -> Iterator[Tagged]:
        pipeline = make_pipeline() if make_pipeline is not None else Pipeline(lang=lang)
        yield from process_items(_items(units, lang), pipeline, ingested_at)

    return run


def _items(units: Iterable[tuple[str, Any]], lang: str | None) -> Iterator[Article | InputError]:
    for kind, value in units:
        if kind == "line":
            yield from jsonl_line_items([value], lang)
        elif kind == "file":
            yield from file_items([value], lang)
        else:  # a programming error of the driver, reported rather than raised mid-job
            yield InputError(str(value), f"unknown input unit {kind!r}")

