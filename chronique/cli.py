"""Command-line interface: parses arguments, calls the library, prints.

Every command reads files given as arguments (``-`` for stdin) and writes JSON
lines to stdout; progress and messages go to stderr. Exit status: 0 when every
input was processed, 1 when some failed (the rest is still processed and
reported), 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

import click

from .errors import ChroniqueError, InputError, StoreError
from .export import FORMATS as EXPORT_FORMATS

if TYPE_CHECKING:  # the pipeline imports spaCy: only commands that run it import it (`--help` stays fast)
    from .pipeline import Pipeline, Processed

__all__ = ["main"]

LANGS = click.Choice(["fr", "en"])


def _setting(name: str) -> Any:
    """Default of a command-line option: the setting in force (file, environment)."""
    from .config import load_settings

    return load_settings()[name]


def _articles(inputs: Iterable[str], lang: str | None, clean: bool = True) -> Iterator[Any]:
    from .ingest import iter_articles

    return iter_articles(list(inputs), lang=lang, stdin=sys.stdin, clean=clean)


def _emit(record: dict[str, Any], out: TextIO) -> None:
    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _report(p: Processed) -> None:
    click.echo(f"chronique: error: {p.error}", err=True)


def _finish(pipe: Pipeline) -> None:
    failed, ok = pipe.counts["failed"], pipe.counts["articles"]
    if failed:
        click.echo(f"chronique: {failed} of {failed + ok} inputs failed (see messages above)", err=True)
        sys.exit(1)


class UsageExit(click.ClickException):
    """A usage error told in one line (exit status 2), for mistakes found after parsing."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"chronique: error: {self.format_message()}", err=True)


class _Date(click.ParamType):
    """YYYY, YYYY-MM or YYYY-MM-DD (``day=True``: YYYY-MM-DD, optionally followed by a time)."""

    name = "date"

    def __init__(self, day: bool = False) -> None:
        self.day = day

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        try:
            if self.day:
                date.fromisoformat(text[:10])
                ok = len(text) == 10 or text[10:11] in ("T", " ")
            else:
                date.fromisoformat({4: f"{text}-01-01", 7: f"{text}-01"}.get(len(text), text))
                ok = len(text) in (4, 7, 10)
        except ValueError:
            ok = False
        if not ok:
            self.fail(f"{value!r} is not a date: use {'YYYY-MM-DD' if self.day else 'YYYY, YYYY-MM or YYYY-MM-DD'}",
                      param, ctx)
        return text


class _Country(click.ParamType):
    """An ISO 3166-1 country: alpha-3 (a party), alpha-2 (the place) or name; anything else is refused."""

    name = "country"
    _LITERAL = ("XK", "XKX")  # Kosovo: user-assigned codes that pycountry lacks, used by GeoNames and ACLED

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        import pycountry

        text = str(value).strip()
        if text.upper() in self._LITERAL:
            return text
        try:
            pycountry.countries.lookup(text)
        except LookupError:
            codes = sorted(f"{c.alpha_3}/{c.alpha_2}" for c in pycountry.countries)
            codes.append("XKX/XK")
            listing = textwrap.fill(" ".join(codes), width=100)
            self.fail(f"{value!r} is not an ISO 3166-1 country code or name. Give alpha-3 for a party or "
                      f"alpha-2 for the place (or the English name); the codes, alpha-3/alpha-2:\n{listing}",
                      param, ctx)
        return text


def _progress(total: int | None, desc: str, warmup: int) -> Any:
    """Articles done, rate, events and time left on stderr (see chronique._progress)."""
    from ._progress import Progress

    return Progress(total, desc, sys.stderr, warmup=warmup)


def _existing_store(db_url: str) -> Any:
    """Open the store of a read command; a missing SQLite file is a usage error (never created)."""
    from .store import open_store, store_exists

    if not store_exists(db_url):
        raise UsageExit(f"{db_url}: no such database; fill one first with `chronique ingest INPUT... --db {db_url}`")
    return open_store(db_url)


@click.group()
@click.version_option(package_name="chronique")
def main() -> None:
    """chronique: sourced, geolocated event data from French and English news."""


@main.command()
@click.option("--lang", type=LANGS, help="Language of every input (default: record's, else detected).")
@click.option("--dct", type=_Date(day=True),
              help="Reference date YYYY-MM-DD for relative dates (default: publication date).")
@click.option("--clean/--no-clean", default=True, show_default=True,
              help="Remove scraping artefacts first (evidence offsets then refer to the cleaned text).")
@click.option("-j", "--processes", default=lambda: _setting("processes"), show_default="1",
              type=click.IntRange(1), help="Worker processes (models are loaded once and shared).")
@click.option("--full-parse", is_flag=True,
              help="Parse every sentence (default: only those that may hold an event or its source).")
@click.option("--background", is_flag=True,
              help="Also print events flagged background (history told in passing, dated decades away).")
@click.argument("inputs", nargs=-1, required=True)
def extract(lang: str | None, dct: str | None, clean: bool, processes: int, full_parse: bool,
            background: bool, inputs: tuple[str, ...]) -> None:
    """Print PLOVER event records (JSON lines) for the articles in INPUTS.

    Events flagged background are left out, as in the store's default views, unless
    --background is given."""
    from .pipeline import Pipeline, run_parallel

    pipe = Pipeline(lang=lang, dct=dct, batch_size=_setting("batch_size"), full_parse=full_parse)
    for p in run_parallel(pipe, _articles(inputs, lang, clean), processes):
        if p.error:
            _report(p)
            continue
        for ev in p.events:
            if background or not ev.background:
                _emit(ev.as_dict(), sys.stdout)
    _finish(pipe)


@main.command()
@click.option("--lang", type=LANGS)
@click.option("--dct", type=_Date(day=True),
              help="Reference date YYYY-MM-DD (default: publication date, else inferred).")
@click.option("--clean/--no-clean", default=False, show_default=True,
              help="Remove scraping artefacts first (offsets then refer to the cleaned text).")
@click.argument("inputs", nargs=-1, required=True)
def times(lang: str | None, dct: str | None, clean: bool, inputs: tuple[str, ...]) -> None:
    """Print temporal expressions (TIMEX3 type and value) found in INPUTS.

    Offsets are character offsets into each input text as given."""
    from .pipeline import Pipeline

    pipe = Pipeline(lang=lang, dct=dct, stages=("lang", "time"))
    for p in pipe.run(_articles(inputs, lang, clean)):
        if p.error:
            _report(p)
            continue
        for t in p.timexes:
            _emit({"doc_id": p.article.id, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
                   "value": t.value, "begin": t.begin, "finish": t.finish, "precision": t.precision}, sys.stdout)
    _finish(pipe)


@main.command()
@click.option("--lang", type=LANGS)
@click.option("--clean/--no-clean", default=False, show_default=True,
              help="Remove scraping artefacts first (offsets then refer to the cleaned text).")
@click.argument("inputs", nargs=-1, required=True)
def places(lang: str | None, clean: bool, inputs: tuple[str, ...]) -> None:
    """Print place mentions resolved to GeoNames found in INPUTS.

    Offsets are character offsets into each input text as given."""
    from .pipeline import Pipeline

    pipe = Pipeline(lang=lang, stages=("lang", "parse", "places"))
    for p in pipe.run(_articles(inputs, lang, clean)):
        if p.error:
            _report(p)
            continue
        for pl in p.places:
            _emit({"doc_id": p.article.id, **pl.as_dict()}, sys.stdout)
    _finish(pipe)


@main.group()
def gazetteer() -> None:
    """The local gazetteer (built from packaged GeoNames data in the cache folder)."""


@gazetteer.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def gazetteer_add(files: tuple[str, ...]) -> None:
    """Import GeoNames extracts (SY.txt, cities1000.txt: unzipped files of
    download.geonames.org/export/dump/) into the local gazetteer, with their alternate names.
    Prints one JSON line per file: rows read, places added, places updated, rows skipped."""
    from .geo import add_geonames_file

    for f in files:
        _emit(add_geonames_file(f).as_dict(), sys.stdout)


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db",
              help="SQLite path or postgresql:// URL.")
@click.option("--lang", type=LANGS)
@click.option("--dct", type=_Date(day=True), help="Reference date YYYY-MM-DD for every input (default: publication date).")
@click.option("--quiet", is_flag=True, help="No per-article error lines, only the summary.")
@click.option("-j", "--processes", default=lambda: _setting("processes"), show_default="1",
              type=click.IntRange(1), help="Worker processes (models are loaded once and shared).")
@click.option("--full-parse", is_flag=True,
              help="Parse every sentence (default: only those that may hold an event or its source).")
@click.argument("inputs", nargs=-1, required=True)
def ingest(db_url: str, lang: str | None, dct: str | None, quiet: bool, processes: int, full_parse: bool,
           inputs: tuple[str, ...]) -> None:
    """Read INPUTS (files, folders, '-'), extract events and store them.

    Articles already stored (same id or same content) are skipped before parsing,
    so an interrupted run can simply be started again.
    """
    from ._progress import count_hint
    from .pipeline import Pipeline, run_parallel
    from .store import open_store

    store = open_store(db_url)
    pipe = Pipeline(lang=lang, dct=dct, batch_size=_setting("batch_size"), full_parse=full_parse)
    skipped = stored = 0
    failures: list[str] = []

    def fresh() -> Iterator[Any]:
        nonlocal skipped
        for item in _articles(inputs, lang):
            if not isinstance(item, InputError) and store.has(item.id, item.content_hash):
                skipped += 1
                progress.skip()
                continue
            yield item

    # the rate is measured once the first batch is out (on every worker): model loading does not count
    with _progress(count_hint(list(inputs)), "ingest", pipe.batch_size * processes) as progress:
        try:
            for p in run_parallel(pipe, fresh(), processes):
                progress.update(len(p.events))
                if p.error:
                    failures.append(str(p.error))
                    if not quiet:
                        progress.write(f"chronique: error: {p.error}")
                    continue
                try:
                    if store.add(p.article, p.events):
                        stored += 1
                    else:  # the same content twice in one batch: stored once
                        skipped += 1
                except StoreError as exc:  # one article the store refuses does not stop the run
                    failures.append(f"{p.article.source or p.article.id}: {exc}")
                    progress.write(f"chronique: error: {failures[-1]}")
        except KeyboardInterrupt:
            store.close()
            click.echo(f"\ninterrupted: {stored} articles stored in this run; run the same command again "
                       "to continue (stored articles are skipped)", err=True)
            sys.exit(130)
    stats = store.stats()
    store.close()
    click.echo(
        f"read {stored + skipped + len(failures)} inputs: {stored} stored, {skipped} already stored (same id or text), "
        f"{len(failures)} failed\n"
        f"database {db_url}: {stats['articles']} articles, {stats['events']} events "
        f"({stats.get('events_without_date', 0)} without a date of their own, "
        f"{stats.get('events_without_place', 0)} without a place)",
        err=True,
    )
    if failures:
        sys.exit(1)


def _filters(f: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in f.items() if v is not None}


class _PloverType(click.ParamType):
    """One of the 16 PLOVER types, in any case."""

    name = "type"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from .model import PLOVER_TYPES

        text = str(value).strip().upper()
        if text not in PLOVER_TYPES:
            self.fail(f"{value!r} is not a PLOVER type: use one of {', '.join(PLOVER_TYPES)}", param, ctx)
        return text


_FILTERS = [
    click.option("--type", "type_", type=_PloverType(), help="PLOVER type, e.g. ASSAULT."),
    click.option("--from", "date_from", type=_Date(), help="Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    click.option("--to", "date_to", type=_Date(), help="Events on or before this date."),
    click.option("--country", type=_Country(),
                 help="ISO country code of a party (alpha-3) or of the place (alpha-2), or a country name."),
    click.option("--actor", help="Text or canonical name of an actor or recipient."),
    click.option("--claimant", help="Text or canonical name of who claims the event."),
    click.option("--mode", help="PLOVER mode, e.g. aerial."),
    click.option("--text", help="Full-text search in the evidence sentences."),
    click.option("--limit", type=click.IntRange(0), help="At most this many events."),
]


def _with_filters(fn: Any) -> Any:
    for opt in reversed(_FILTERS):
        fn = opt(fn)
    return fn


def _check_range(kw: dict[str, Any]) -> None:
    # --from 2015-12-10 --to 2015-12 is a valid range: compare on the grain they share
    start, end = kw["date_from"], kw["date_to"]
    if start and end and start[:len(end)] > end[:len(start)]:
        raise click.BadParameter(f"{kw['date_from']} is after --to {kw['date_to']}", param_hint="'--from'")


def _query(store: Any, merged: dict[str, Any] | None = None, **kw: Any) -> Iterator[dict[str, Any]]:
    """The events of ``store`` the filters select (the store is closed when they are all read);
    merged events when ``merged`` gives their own filters (``sources``, ``corroboration``)."""
    kw["type"] = kw.pop("type_", None)
    try:
        if merged is not None:
            yield from store.query_merged(**_filters(merged), **_filters(kw))
        else:
            yield from store.query_events(**_filters(kw))
    finally:
        store.close()


_MERGED_OPTIONS = [
    click.option("--sources", "min_sources", type=click.IntRange(1),
                 help="Merged events told by at least this many independent sources (copies not counted)."),
    click.option("--corroboration", type=click.Choice(["confirmed", "corroborated", "single-source", "contested"]),
                 multiple=True, help="Merged events of this grade (repeat for several)."),
    click.option("--per-report", is_flag=True,
                 help="One line per article-level record (each report) instead of one per merged event."),
]


def _with_merged_options(fn: Any) -> Any:
    for opt in reversed(_MERGED_OPTIONS):
        fn = opt(fn)
    return fn


def _records(store: Any, per_report: bool, min_sources: int | None, corroboration: tuple[str, ...],
             **kw: Any) -> Iterator[dict[str, Any]]:
    """Merged events (or, ``per_report``, article-level records) the filters select."""
    if per_report:
        if min_sources or corroboration:
            raise click.BadParameter("--sources and --corroboration grade merged events: drop --per-report",
                                     param_hint="'--per-report'")
        return _query(store, **kw)
    pending = store.unmerged_count() if hasattr(store, "unmerged_count") else 0
    if pending:
        click.echo(f"chronique: {pending} stored events are not merged yet and not listed: run `chronique merge` "
                   "(or use --per-report)", err=True)
    return _query(store, merged={"sources": min_sources, "corroboration": list(corroboration) or None}, **kw)


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@_with_merged_options
@_with_filters
def events(db_url: str, fmt: str, min_sources: int | None, corroboration: tuple[str, ...], per_report: bool,
           **kw: Any) -> None:
    """Query stored events: one line per real event (a merged event, with its reports and number of
    reports), or with --per-report one line per article-level record."""
    from .summary import event_line

    _check_range(kw)
    for rec in _records(_existing_store(db_url), per_report, min_sources, corroboration, **kw):
        if fmt == "table":
            click.echo(event_line(rec))
        else:
            _emit(rec, sys.stdout)


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="File to write (default: stdout; required for parquet).")
@_with_merged_options
@click.option("--acled-all", is_flag=True,
              help="acled-csv: also write events that did not happen as told (planned, denied, ...) and types "
                   "ACLED does not code (accusations, requests...); by default only those ACLED would code.")
@_with_filters
def export(db_url: str, fmt: str, output: str | None, min_sources: int | None, corroboration: tuple[str, ...],
           per_report: bool, acled_all: bool, **kw: Any) -> None:
    """Export stored events as PLOVER JSON lines, ACLED-style CSV, GeoJSON or Parquet.

    One record per merged event (with its `reports`, `claims` and `corroboration`):
    the same event told by several articles is written once."""
    from .export import binary_format, check_format
    from .export import export as do_export

    _check_range(kw)
    binary = binary_format(fmt)
    if binary and not output:
        raise click.BadParameter(f"{fmt} is a binary format: give a file to write with -o FILE",
                                 param_hint="'-o' / '--output'")
    check_format(fmt)  # a missing optional dependency is told before any file is written
    store = _existing_store(db_url)
    sources = store.article_sources()
    records = _records(store, per_report, min_sources, corroboration, **kw)
    if output:
        with open(output, "wb" if binary else "w", encoding=None if binary else "utf-8",
                  newline=None if binary else "") as out:
            n = do_export(records, fmt, out, sources=sources, acled_all=acled_all)
        click.echo(f"wrote {n} events to {output}", err=True)
    else:
        do_export(records, fmt, sys.stdout, sources=sources, acled_all=acled_all)


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db")
@click.argument("event_id")
@click.argument("report_ids", nargs=-1, required=True)
def split(db_url: str, event_id: str, report_ids: tuple[str, ...]) -> None:
    """Split REPORT_IDS (article-level record ids) out of merged event EVENT_ID.

    They become a merged event of their own, and are never merged again with the
    reports left behind, whatever is ingested later. Prints the new event's id."""
    store = _existing_store(db_url)
    try:
        click.echo(store.split(event_id, list(report_ids)))
    finally:
        store.close()


@main.command("merge")
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db")
@click.option("--rebuild", is_flag=True, help="Forget every merge and merge again (splits by hand are kept).")
def merge_command(db_url: str, rebuild: bool) -> None:
    """Merge stored events across articles (ingest does it as it stores; this is for a store
    written before merging existed, or to rebuild after a change of settings)."""
    store = _existing_store(db_url)
    try:
        n = store.attach_pending(rebuild=rebuild)
        stats = store.merge_stats()
    finally:
        store.close()
    click.echo(f"merged {n} articles: {stats['events']} reports in {stats['merged_events']} events, "
               f"{stats['multi_report']} told by several reports, {stats['copies']} articles are copies; "
               + ", ".join(f"{g} {c}" for g, c in stats["corroboration"].items()), err=True)


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db")
@click.option("--examples", default=5, show_default=True, help="How many example events to show.")
def summary(db_url: str, examples: int) -> None:
    """Print a readable summary of the store: articles, events by type, examples."""
    from .summary import summarize

    store = _existing_store(db_url)
    try:
        click.echo(summarize(store, examples))
    finally:
        store.close()


def _register_extensions() -> None:
    """Commands that live with their package: the web app and the Spark job."""
    from .scale import spark_command
    from .serve import serve_command

    main.add_command(serve_command)
    main.add_command(spark_command)


_register_extensions()


def run() -> None:  # pragma: no cover - console entry used by `python -m chronique`
    try:
        main()
    except ChroniqueError as exc:
        click.echo(f"chronique: error: {exc}", err=True)
        sys.exit(1)
