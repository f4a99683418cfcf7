"""The pipeline: articles in, mentions and events out, stage by stage.

Stage order is data (``STAGES``); each stage declares what it reads and writes
on the :class:`Processed` record it fills. Articles are parsed in batches per
language with ``nlp.pipe``; every stage's wall time is accumulated in
``Pipeline.timings`` so that ``make bench`` can show the slowest one.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import re
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from . import nlp
from .config import Limits
from .errors import ChroniqueError, InputError
from ._sections import SECTION_CHARS, sections, shift_event, shift_place, timexes_within
from .ingest._checks import check_article
from .model import Article, Event, Place, Timex

__all__ = ["STAGES", "Processed", "Pipeline", "TimeBudgetExceeded", "preload", "reference_date", "run_parallel",
           "tag_times"]

# (stage, reads, writes): the order the pipeline runs them in.
STAGES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("lang", ("article",), ("lang",)),
    ("time", ("article", "lang"), ("timexes", "dct")),
    ("parse", ("article", "lang"), ("doc",)),
    ("actors", ("doc",), ("coder",)),
    ("places", ("article", "doc", "coder"), ("places",)),
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


class TimeBudgetExceeded(InputError):
    """An article took longer than the ``article_time_budget`` setting allows."""


@contextlib.contextmanager
def _deadline(seconds: float, where: str) -> Iterator[None]:
    """Raise TimeBudgetExceeded in the block once ``seconds`` have passed.

    A real interruption (SIGALRM) where one is possible: on POSIX, in the main thread,
    when no other timer is armed. Elsewhere (the web app's threads) the block runs to
    its end and overrunning it is reported after the fact; there the size limits are
    what bounds the work."""
    def expired() -> TimeBudgetExceeded:
        return TimeBudgetExceeded(where, f"gave up after the time budget of {seconds:g} s per article "
                                         "(setting article_time_budget); check the text or raise the budget")

    usable = (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
              and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
    if not usable:
        t0 = time.monotonic()
        yield
        if time.monotonic() - t0 > seconds:
            raise expired()
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise expired()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# stands in for the Doc of an article too long to parse at once: it is read in sections
_SECTIONED = object()


def _internal(where: str, exc: BaseException) -> ChroniqueError:
    """A one-line error for an unexpected exception raised while processing one article."""
    detail = str(exc).splitlines()[0][:300] if str(exc) else ""
    return ChroniqueError(f"{where}: internal error {type(exc).__name__}: {detail} "
                          "(please report it with the article)")


# Stretches of text without any of these (commas included) longer than TAG_WINDOW_CHARS
# are tagged for dates in windows: the time tagger reads each date's whole clause, so an
# unpunctuated text made it quadratic (a 200,000-word one did not finish in an hour).
_CLAUSE_STOPS = re.compile(r"[.!?\n,;:()]")
TAG_WINDOW_CHARS = 2_000


def tag_times(text: str, lang: str, dct: str | None) -> list[Timex]:
    """:func:`chronique.time.tag`, bounded for unpunctuated text.

    A text whose clauses are all shorter than ``TAG_WINDOW_CHARS`` (every news report)
    is tagged whole, exactly as ``tag`` does; one with a longer clause is tagged in
    windows of about that size, cut at a clause stop or a space, offsets shifted back."""
    from .time import tag

    last, long_clause = -1, False
    for m in _CLAUSE_STOPS.finditer(text):
        if m.start() - last > TAG_WINDOW_CHARS:
            long_clause = True
            break
        last = m.start()
    if not long_clause and len(text) - last <= TAG_WINDOW_CHARS:
        return tag(text, lang, dct)
    found: list[Timex] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + TAG_WINDOW_CHARS)
        if end < len(text):
            half = start + TAG_WINDOW_CHARS // 2
            stop = max((m.end() for m in _CLAUSE_STOPS.finditer(text, half, end)), default=-1)
            end = stop if stop > 0 else max(text.rfind(" ", half, end) + 1, half)
        found += [replace(t, start=t.start + start, end=t.end + start) for t in tag(text[start:end], lang, dct)]
        start = end
    return found


def preload(lang: str) -> None:
    """Load now what the stages of ``lang`` otherwise load on their first article: the spaCy
    pipeline, the trained event detector and party model, the lexicons, the actor registry.

    :func:`run_parallel` calls it before the workers fork, so that they share one copy
    instead of each loading its own; the benchmark, before its clock starts, as it loads
    the bare spaCy model before timing it. The gazetteer is left out: an SQLite connection
    must not cross a fork (:meth:`chronique.geo.Gazetteer.load` opens it)."""
    from . import actors, events
    from .time import load_lexicon as time_lexicon

    nlp.load(lang)
    time_lexicon(lang)
    actors.preload(lang)
    events.preload(lang)


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
    (memory!); ``stages`` limits the work ("time" only for ``chronique times``);
    ``limits`` (default: the settings in force) bound article size, sentence length and
    time per article. An article that breaks any stage, or a limit, is returned with
    ``error`` set and the others go on.
    ``full_parse`` parses every sentence; by default, when events are extracted, only
    the sentences that may hold an event or a claim are parsed (see
    :mod:`chronique.events.selection`) and places are looked for in those.
    """

    def __init__(self, lang: str | None = None, dct: str | None = None, batch_size: int = 16,
                 stages: Iterable[str] | None = None, keep_docs: bool = False, full_parse: bool = False,
                 limits: Limits | None = None) -> None:
        self.limits = limits if limits is not None else Limits.from_settings()
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
        if self.dct:
            p.dct, p.dct_inferred = self.dct, False
        else:
            p.dct, p.dct_inferred = reference_date(p.article, p.lang or "fr")
        # with no publication date the tagger infers the reference itself and marks the
        # values it anchored on it as "inferred"
        p.timexes = tag_times(p.article.text, p.lang or "fr", None if p.dct_inferred else p.dct)

    def _places(self, p: Processed) -> None:
        from .actors import ActorCoder
        from .geo import find_places

        # the story's parties, dateline and outlet weigh in ('Tripoli' in a Libyan story); the
        # actor mentions are cached on the Doc, the actors stage reuses them
        actors = ActorCoder(p.lang or "fr").mentions(p.doc)
        p.places = find_places(p.doc, p.lang or "fr", p.article, actors)

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
            where = item.source or item.id
            try:
                bad = check_article(item, self.limits.max_article_chars)
                if bad is not None:
                    raise bad
                with _deadline(self.limits.article_time_budget, where):
                    p.lang = self._timed("lang", self._lang, item)
                    if p.lang not in nlp.SUPPORTED_LANGS and self.stages - {"lang", "time"}:
                        raise InputError(where, f"language {p.lang!r} is not supported "
                                         f"(supported: {', '.join(nlp.SUPPORTED_LANGS)}); pass --lang to force one")
                    if "time" in self.stages:
                        self._timed("time", self._time, p)
            except ChroniqueError as exc:
                p.error = exc
            except Exception as exc:  # one bad article must not stop a batch of thousands
                p.error = _internal(where, exc)
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
                self._parse(lang, group)
                self.timings["parse"] += time.perf_counter() - t0
        for p in batch:
            if p.error is None:
                where = p.article.source or p.article.id
                try:
                    with _deadline(self.limits.article_time_budget, where):
                        if p.doc is _SECTIONED:
                            self._sectioned(p)
                        else:
                            self._doc_stages(p)
                except ChroniqueError as exc:
                    p.error = exc
                except Exception as exc:  # one bad article must not stop a batch of thousands
                    p.error = _internal(where, exc)
            self.count(p)
            if not self.keep_docs:
                p.doc = None
            yield p


    def _doc_stages(self, p: Processed) -> None:
        """Places, actors, events and merge on a parsed article."""
        if "places" in self.stages and p.doc is not None:
            self._timed("places", self._places, p)
        if "events" in self.stages and p.doc is not None:
            self._timed("actors", self._actors, p)
            candidates = self._timed("events", self._events, p)
            self._timed("merge", self._merge, p, candidates)

    def _sectioned(self, p: Processed) -> None:
        """A very long article, parsed and coded one section at a time (see :mod:`chronique._sections`)."""
        text, lang = p.article.text, p.lang or "fr"
        p.doc = None
        for start, end in sections(text):
            part = Processed(article=replace(p.article, text=text[start:end]), lang=lang, dct=p.dct,
                             dct_inferred=p.dct_inferred, timexes=timexes_within(p.timexes, start, end))
            t0 = time.perf_counter()
            (part.doc,) = self._parse_texts(lang, [part.article.text])
            self.timings["parse"] += time.perf_counter() - t0
            self._doc_stages(part)
            p.places += [shift_place(pl, start) for pl in part.places]
            p.events += [shift_event(ev, start) for ev in part.events]

    def _parse_texts(self, lang: str, texts: list[str]) -> list[Any]:
        cap = self.limits.max_sentence_tokens
        if self.full_parse or "events" not in self.stages:
            return list(nlp.pipe(texts, lang, batch_size=self.batch_size, max_sentence_tokens=cap))
        from .events.selection import choose_sentences

        return list(nlp.pipe_selected(texts, lang, choose_sentences(lang), batch_size=self.batch_size,
                                      max_sentence_tokens=cap))

    def _parse(self, lang: str, group: list[Processed]) -> None:
        """Parse a group of articles together; when that fails (or overruns the group's time
        budget), parse them one by one, so that only the article at fault is lost."""
        long = [p for p in group if len(p.article.text) > SECTION_CHARS]
        for p in long:
            p.doc = _SECTIONED  # parsed section by section with the other stages, in _sectioned
        group = [p for p in group if p.doc is None]
        if len(group) > 1:
            try:
                with _deadline(self.limits.article_time_budget * len(group), f"batch of {len(group)}"):
                    docs = self._parse_texts(lang, [p.article.text for p in group])
                for p, doc in zip(group, docs, strict=True):
                    p.doc = doc
                return
            except Exception:  # noqa: BLE001 - retried one by one below, where the error is attributed
                pass
        for p in group:
            where = p.article.source or p.article.id
            try:
                with _deadline(self.limits.article_time_budget, where):
                    (p.doc,) = self._parse_texts(lang, [p.article.text])
            except ChroniqueError as exc:
                p.error = exc
            except Exception as exc:  # spaCy's E088 and the like: this article only
                p.error = _internal(where, exc)


# --- several processes -------------------------------------------------------------

_WORKER: Pipeline | None = None


def _init_worker(lang: str | None, dct: str | None, batch_size: int, stages: list[str], full_parse: bool,
                 limits: Limits) -> None:
    global _WORKER
    _WORKER = Pipeline(lang=lang, dct=dct, batch_size=batch_size, stages=stages, full_parse=full_parse,
                       limits=limits)
    from .geo import Gazetteer

    Gazetteer.load.cache_clear()  # an SQLite connection must not cross a fork: open our own


def _work(chunk: list[Article]) -> tuple[list[Processed], dict[str, float]]:
    assert _WORKER is not None
    before = dict(_WORKER.timings)
    try:
        out = list(_WORKER.run(chunk))
    except Exception as exc:  # noqa: BLE001 - never lose a chunk silently: each article says why
        out = [Processed(article=a, error=_internal(a.source or a.id, exc)) for a in chunk]
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
        preload(lang)  # loaded once here, shared copy-on-write by the workers
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
                  initargs=(pipe.lang, pipe.dct, pipe.batch_size, sorted(pipe.stages), pipe.full_parse,
                            pipe.limits)) as pool:
        for results, spent in pool.imap(_work, chunks()):
            for err in pending_errors.pop(0) if pending_errors else []:
                pipe.counts["failed"] += 1
                yield Processed(article=Article(id=err.where, text=""), error=err)
            for k, v in spent.items():
                pipe.timings[k] = pipe.timings.get(k, 0.0) + v
            for p in results:
                pipe.count(p)
                yield p
