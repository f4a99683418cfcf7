"""Command-line interface: parses arguments, calls the library, prints.

Every command reads files given as arguments (``-`` for stdin) and writes JSON
lines to stdout; progress and messages go to stderr. Exit status: 0 when every
input was processed, 1 when some failed (the rest is still processed and
reported), 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

import click

from .errors import ChroniqueError, InputError, StoreError
from .pipeline import Pipeline, Processed, run_parallel

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


def _progress(total: int | None, desc: str) -> Any:
    """A progress bar with rate and ETA on a terminal; silent otherwise."""
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=" art", file=sys.stderr, disable=not sys.stderr.isatty(),
                dynamic_ncols=True)


@click.group()
@click.version_option(package_name="chronique")
def main() -> None:
    """chronique: sourced, geolocated event data from French and English news."""


@main.command()
@click.option("--lang", type=LANGS, help="Language of every input (default: record's, else detected).")
@click.option("--dct", help="Reference date YYYY-MM-DD for relative dates (default: publication date).")
@click.option("--clean/--no-clean", default=True, show_default=True,
              help="Remove scraping artefacts first (evidence offsets then refer to the cleaned text).")
@click.option("-j", "--processes", default=lambda: _setting("processes"), show_default="1",
              type=click.IntRange(1), help="Worker processes (models are loaded once and shared).")
@click.option("--full-parse", is_flag=True,
              help="Parse every sentence (default: only those that may hold an event or its source).")
@click.argument("inputs", nargs=-1, required=True)
def extract(lang: str | None, dct: str | None, clean: bool, processes: int, full_parse: bool,
            inputs: tuple[str, ...]) -> None:
    """Print PLOVER event records (JSON lines) for the articles in INPUTS."""
    pipe = Pipeline(lang=lang, dct=dct, batch_size=_setting("batch_size"), full_parse=full_parse)
    for p in run_parallel(pipe, _articles(inputs, lang, clean), processes):
        if p.error:
            _report(p)
            continue
        for ev in p.events:
            _emit(ev.as_dict(), sys.stdout)
    _finish(pipe)


@main.command()
@click.option("--lang", type=LANGS)
@click.option("--dct", help="Reference date YYYY-MM-DD (default: publication date, else inferred).")
@click.option("--clean/--no-clean", default=False, show_default=True,
              help="Remove scraping artefacts first (offsets then refer to the cleaned text).")
@click.argument("inputs", nargs=-1, required=True)
def times(lang: str | None, dct: str | None, clean: bool, inputs: tuple[str, ...]) -> None:
    """Print temporal expressions (TIMEX3 type and value) found in INPUTS.

    Offsets are character offsets into each input text as given."""
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
    pipe = Pipeline(lang=lang, stages=("lang", "parse", "places"))
    for p in pipe.run(_articles(inputs, lang, clean)):
        if p.error:
            _report(p)
            continue
        for pl in p.places:
            _emit({"doc_id": p.article.id, **pl.as_dict()}, sys.stdout)
    _finish(pipe)


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db",
              help="SQLite path or postgresql:// URL.")
@click.option("--lang", type=LANGS)
@click.option("--dct", help="Reference date for every input (default: publication date).")
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
                bar.update(1)
                continue
            yield item

    with _progress(count_hint(list(inputs)), "ingest") as bar:
        try:
            for p in run_parallel(pipe, fresh(), processes):
                bar.update(1)
                if p.error:
                    failures.append(str(p.error))
                    if not quiet:
                        bar.write(f"chronique: error: {p.error}", file=sys.stderr)
                    continue
                try:
                    if store.add(p.article, p.events):
                        stored += 1
                    else:  # the same content twice in one batch: stored once
                        skipped += 1
                except StoreError as exc:  # one article the store refuses does not stop the run
                    failures.append(f"{p.article.source or p.article.id}: {exc}")
                    bar.write(f"chronique: error: {failures[-1]}", file=sys.stderr)
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


_FILTERS = [
    click.option("--type", "type_", help="PLOVER type, e.g. ASSAULT."),
    click.option("--from", "date_from", help="Events on or after this date (YYYY-MM-DD)."),
    click.option("--to", "date_to", help="Events on or before this date."),
    click.option("--country", help="ISO country code of a party (alpha-3) or of the place (alpha-2)."),
    click.option("--actor", help="Text or canonical name of an actor or recipient."),
    click.option("--claimant", help="Text or canonical name of who claims the event."),
    click.option("--mode", help="PLOVER mode, e.g. aerial."),
    click.option("--text", help="Full-text search in the evidence sentences."),
    click.option("--limit", type=int, help="At most this many events."),
]


def _with_filters(fn: Any) -> Any:
    for opt in reversed(_FILTERS):
        fn = opt(fn)
    return fn


def _query(db_url: str, **kw: Any) -> Iterator[dict[str, Any]]:
    from .store import open_store

    store = open_store(db_url)
    kw["type"] = kw.pop("type_", None)
    try:
        yield from store.query_events(**_filters(kw))
    finally:
        store.close()


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True)
@_with_filters
def events(db_url: str, fmt: str, **kw: Any) -> None:
    """Query stored events."""
    from .summary import event_line

    for rec in _query(db_url, **kw):
        if fmt == "table":
            click.echo(event_line(rec))
        else:
            _emit(rec, sys.stdout)


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db")
@click.option("--format", "fmt", type=click.Choice(["plover", "acled-csv", "geojson"]), required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="File to write (default: stdout).")
@_with_filters
def export(db_url: str, fmt: str, output: str | None, **kw: Any) -> None:
    """Export stored events as PLOVER JSON lines, ACLED-style CSV or GeoJSON."""
    from .export import export as do_export

    from .store import open_store

    with open_store(db_url) as store:
        sources = store.article_sources()
    records = _query(db_url, **kw)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as out:
            n = do_export(records, fmt, out, sources=sources)
        click.echo(f"wrote {n} events to {output}", err=True)
    else:
        do_export(records, fmt, sys.stdout, sources=sources)


@main.command()
@click.option("--db", "db_url", default=lambda: _setting("db"), show_default="chronique.db")
@click.option("--examples", default=5, show_default=True, help="How many example events to show.")
def summary(db_url: str, examples: int) -> None:
    """Print a readable summary of the store: articles, events by type, examples."""
    from .store import open_store
    from .summary import summarize

    store = open_store(db_url)
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
