"""The pipeline: articles in, mentions and events out, stage by stage.

Stage order is data (``STAGES``); each stage declares what it reads and writes
on the :class:`Processed` record it fills. Articles are parsed in batches per
language with ``nlp.pipe``; every stage's wall time is accumulated in
``Pipeline.timings`` so that ``make bench`` can show the slowest one.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import nlp
from .errors import ChroniqueError, InputError
from .model import Article, Event, Place, Timex

__all__ = ["STAGES", "Processed", "Pipeline", "reference_date", "run_parallel"]

# (stage, reads, writes): the order the pipeline runs them in.
STAGES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("lang", ("article",), ("lang",)),
    ("time", ("article", "lang"), ("timexes", "dct")),
    ("parse", ("article", "lang"), ("doc",)),
    ("places", ("doc",), ("places",)),
    ("actors", ("doc",), ("coder",)),
    ("events", ("article", "doc", "timexes", "places", "coder", "dct"), ("candidates",)),
    ("merge", ("candidates",), ("events",)),
)


@dataclass
class Processed:
    """Everything chronique found in one article (``error`` set when it failed)."""

    article: Article
    lang: str | None = None
    dct: str | None = None
    dct_inferred: bool = False
    timexes: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    doc: Any = None
    error: ChroniqueError | None = None


def reference_date(article: Article, lang: str) -> tuple[str | None, bool]:
    """The date relative expressions are read against: the publication date, else one
    inferred from the text (the first explicit full date), flagged as inferred."""
    if article.published:
        return article.published[:10], False
    from .time import infer_dct

    inferred = infer_dct(article.text, lang)
    return inferred, inferred is not None


class Pipeline:
    """Runs the stages over a stream of articles.

    ``lang`` forces the language (else the article's, else detected); ``dct``
    forces the reference date; ``keep_docs`` keeps spaCy docs on the results
    (memory!); ``stages`` limits the work ("time" only for ``chronique times``).
    ``full_parse`` parses every sentence; by default, when events are extracted, only
    the sentences that may hold an event or a claim are parsed (see
    :mod:`chronique.events.selection`) and places are looked for in those.
    """

    def __init__(self, lang: str | None = None, dct: str | None = None, batch_size: int = 16,
                 stages: Iterable[str] | None = None, keep_docs: bool = False, full_parse: bool = False) -> None:
        self.lang = lang
        self.full_parse = full_parse
        self.dct = dct
        self.batch_size = batch_size
        self.stages = set(stages) if stages is not None else {s for s, _, _ in STAGES}
        self.keep_docs = keep_docs
        self.timings: dict[str, float] = {s: 0.0 for s, _, _ in STAGES}
        self.counts: dict[str, int] = {"articles": 0, "failed": 0, "events": 0, "timexes": 0, "places": 0}

    # -- stages ----------------------------------------------------------------------

    def _timed(self, stage: str, fn: Any, *args: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return fn(*args)
        finally:
            self.timings[stage] += time.perf_counter() - t0

    def _lang(self, art: Article) -> str:
        if self.lang:
            return self.lang
        if art.lang:
            return art.lang
        from .ingest import detect_lang

        return str(detect_lang(art.text))

    def _time(self, p: Processed) -> None:
        from .time import tag

        if self.dct:
            p.dct, p.dct_inferred = self.dct, False
        else:
            p.dct, p.dct_inferred = reference_date(p.article, p.lang or "fr")
        # with no publication date the tagger infers the reference itself and marks the
        # values it anchored on it as "inferred"
        p.timexes = tag(p.article.text, p.lang or "fr", None if p.dct_inferred else p.dct)

    def _places(self, p: Processed) -> None:
        from .geo import find_places

        p.places = find_places(p.doc, p.lang or "fr")

    def _actors(self, p: Processed) -> None:
        from .actors import ActorCoder

        # actor mentions and their coreference chains are computed once per doc (the coder
        # caches them on the Doc): done here, they show as their own stage in the benchmark
        ActorCoder(p.lang or "fr").mentions(p.doc)

    def _events(self, p: Processed) -> list[Any]:
        from .actors import ActorCoder
        from .events import read_candidates
        from .geo import is_metonymic

        def metonymic(place: Place, doc: Any) -> bool:
            return bool(is_metonymic(place, doc, p.lang))

        return read_candidates(p.article, p.doc, p.timexes, p.places, ActorCoder(p.lang or "fr"), p.lang or "fr",
                               dct=p.dct, metonymic=metonymic)

    def _merge(self, p: Processed, candidates: list[Any]) -> None:
        from .events import merge_events

        p.events = merge_events(candidates, p.lang or "fr")

    # -- driver ------------------------------------------------------------------------

    def count(self, p: Processed) -> None:
        """Add one processed article to the running counts."""
        if p.error is not None:
            self.counts["failed"] += 1
            return
        self.counts["articles"] += 1
        self.counts["events"] += len(p.events)
        self.counts["timexes"] += len(p.timexes)
        self.counts["places"] += len(p.places)

    def run(self, items: Iterable[Article | InputError]) -> Iterator[Processed]:
        """Process a stream of articles (and pass input errors through as failed records)."""
        batch: list[Processed] = []
        for item in items:
            if isinstance(item, InputError):
                self.counts["failed"] += 1
                yield Processed(article=Article(id=item.where, text=""), error=item)
                continue
            p = Processed(article=item)
            try:
                p.lang = self._timed("lang", self._lang, item)
                if p.lang not in nlp.SUPPORTED_LANGS and self.stages - {"lang", "time"}:
                    raise InputError(item.source or item.id, f"language {p.lang!r} is not supported "
                                     f"(supported: {', '.join(nlp.SUPPORTED_LANGS)}); pass --lang to force one")
                if "time" in self.stages:
                    self._timed("time", self._time, p)
            except ChroniqueError as exc:
                p.error = exc
            batch.append(p)
            if len(batch) >= self.batch_size:
                yield from self._flush(batch)
                batch = []
        if batch:
            yield from self._flush(batch)

    def _flush(self, batch: list[Processed]) -> Iterator[Processed]:
        needs_parse = bool(self.stages & {"parse", "places", "events"})
        if needs_parse:
            by_lang: dict[str, list[Processed]] = {}
            for p in batch:
                if p.error is None and p.lang:
                    by_lang.setdefault(p.lang, []).append(p)
            for lang, group in by_lang.items():
                t0 = time.perf_counter()
                texts = [p.article.text for p in group]
                if self.full_parse or "events" not in self.stages:
                    docs = list(nlp.pipe(texts, lang, batch_size=self.batch_size))
                else:
                    from .events.selection import choose_sentences

                    docs = list(nlp.pipe_selected(texts, lang, choose_sentences(lang), batch_size=self.batch_size))
                self.timings["parse"] += time.perf_counter() - t0
                for p, doc in zip(group, docs):
                    p.doc = doc
        for p in batch:
            if p.error is None:
                try:
                    if "places" in self.stages and p.doc is not None:
                        self._timed("places", self._places, p)
                    if "events" in self.stages and p.doc is not None:
                        self._timed("actors", self._actors, p)
                        candidates = self._timed("events", self._events, p)
                        self._timed("merge", self._merge, p, candidates)
                except ChroniqueError as exc:
                    p.error = exc
                except Exception as exc:  # one bad article must not stop a batch of thousands
                    p.error = ChroniqueError(f"{p.article.source or p.article.id}: internal error "
                                             f"{type(exc).__name__}: {exc}")
            self.count(p)
            if not self.keep_docs:
                p.doc = None
            yield p


# --- several processes -------------------------------------------------------------

_WORKER: Pipeline | None = None


def _init_worker(lang: str | None, dct: str | None, batch_size: int, stages: list[str], full_parse: bool) -> None:
    global _WORKER
    _WORKER = Pipeline(lang=lang, dct=dct, batch_size=batch_size, stages=stages, full_parse=full_parse)
    from .geo import Gazetteer

    Gazetteer.load.cache_clear()  # an SQLite connection must not cross a fork: open our own


def _work(chunk: list[Article]) -> tuple[list[Processed], dict[str, float]]:
    assert _WORKER is not None
    before = dict(_WORKER.timings)
    out = list(_WORKER.run(chunk))
    spent = {k: _WORKER.timings[k] - before.get(k, 0.0) for k in _WORKER.timings}
    return out, spent


def run_parallel(pipe: Pipeline, items: Iterable[Article | InputError], processes: int) -> Iterator[Processed]:
    """Like ``pipe.run(items)`` on ``processes`` worker processes, results in input order.

    Models are loaded in this process before the workers fork, so that they share
    its memory pages; each worker parses its own batches. Input errors are reported
    from this process, in order with the articles around them.
    """
    if processes <= 1:
        yield from pipe.run(items)
        return
    for lang in ([pipe.lang] if pipe.lang else list(nlp.SUPPORTED_LANGS)):
        nlp.load(lang)  # loaded once here, shared copy-on-write by the workers
    pending_errors: list[list[InputError]] = []

    def chunks() -> Iterator[list[Article]]:
        chunk: list[Article] = []
        errors: list[InputError] = []
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
                continue
            chunk.append(item)
            if len(chunk) >= pipe.batch_size:
                pending_errors.append(errors)
                yield chunk
                chunk, errors = [], []
        pending_errors.append(errors)
        yield chunk

    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(processes, initializer=_init_worker,
                  initargs=(pipe.lang, pipe.dct, pipe.batch_size, sorted(pipe.stages), pipe.full_parse)) as pool:
        for results, spent in pool.imap(_work, chunks()):
            for err in pending_errors.pop(0) if pending_errors else []:
                pipe.counts["failed"] += 1
                yield Processed(article=Article(id=err.where, text=""), error=err)
            for k, v in spent.items():
                pipe.timings[k] = pipe.timings.get(k, 0.0) + v
            for p in results:
                pipe.count(p)
                yield p
