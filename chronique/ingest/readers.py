"""``iter_articles``: every input flavour (files, folders, stdin) to a stream of Articles.

Readers by format (chosen from the file name, else from the first bytes):

    text   .txt .text           one article; id = file name; title = first line if a headline
    html   .html .htm ...       trafilatura body + title, htmldate date; id = file name
    json   .json                one record or a list of records (DESIGN.md contract)
    jsonl  .jsonl .ndjson       one record per line, streamed
    warc   .warc                each 2xx HTML response record; id = URL

Any of them may be gzipped (``.gz`` suffix or gzip magic bytes). A bad file or
record gives an :class:`~chronique.errors.InputError` in the stream, and the
next input is read: one broken page must not stop a 4,000-article batch.
"""

from __future__ import annotations

import gzip
import itertools
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import EmptyInputError, EncodingError, FormatError, InputError
from ..model import Article
from ._formats import binary_error, decode_utf8, format_from_name, looks_binary, open_maybe_gzip, sniff_format
from ._html import extract_page
from ._records import Options, headline, iter_json_document, iter_jsonl, make_article
from ._warc import iter_warc
from .clean import clean_text

__all__ = ["STDIN_ID", "STDIN_NAME", "iter_articles", "walk"]

STDIN_ID = "stdin"  # id of a plain-text article read from standard input
STDIN_NAME = "<stdin>"  # how errors and Article.source name standard input
_HEAD_BYTES = 8192


def iter_articles(
    paths: Iterable[str], lang: str | None = None, stdin: IO[Any] | None = None, *, clean: bool = True
) -> Iterator[Article | InputError]:
    """Read every article of ``paths``, in order; never raises for bad input.

    ``paths`` are files, folders (read recursively, sorted, hidden entries and
    files of unknown extension skipped) or ``-`` for ``stdin`` (default
    ``sys.stdin``: JSON lines if the first line starts with ``{``, else one text
    article with id ``'stdin'``). ``lang`` (the user's --lang) is the language of
    every article, overriding a record's ``lang``; when both are missing,
    :func:`~chronique.ingest.detect_lang` decides. Texts are cleaned by
    :func:`~chronique.ingest.clean_text`; with ``clean=False`` they are kept
    exactly as read (for callers that must report offsets into the input text,
    such as the evaluation commands; see also ``align_offsets``).

    Yields an :class:`~chronique.model.Article` per report or an
    :class:`~chronique.errors.InputError` (``EmptyInputError``, ``EncodingError``,
    ``FormatError``, ``NoArticleError``) whose ``where`` is the file, ``file:line``
    for JSON lines, ``file[i]`` for JSON lists and ``file#n`` for WARC records.
    """
    opts = Options(lang=lang, clean=clean)
    for given in paths:
        if given == "-":
            yield from _iter_stdin(stdin if stdin is not None else sys.stdin, opts)
            continue
        path = Path(given)
        if path.is_dir():
            for file, rel in walk(path):
                yield from _iter_file(file, str(file), rel, opts)
        elif path.exists():
            yield from _iter_file(path, given, path.name, opts)
        else:
            yield InputError(given, "no such file or directory")


def walk(root: Path) -> list[tuple[Path, str]]:
    """Readable files under ``root`` with their ids (path relative to root), sorted by that path."""
    found: list[tuple[Path, str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            file = Path(dirpath) / name
            if not name.startswith(".") and format_from_name(file) is not None:
                found.append((file, file.relative_to(root).as_posix()))
    return sorted(found, key=lambda item: item[1])


def _iter_file(path: Path, where: str, doc_id: str, opts: Options) -> Iterator[Article | InputError]:
    """Articles of one file, dispatched on its name, else on its first bytes."""
    try:
        stream = open_maybe_gzip(path)
    except OSError as exc:
        yield InputError(where, f"cannot open ({exc.strerror or exc})")
        return
    try:
        with stream:
            head = stream.peek(_HEAD_BYTES)[:_HEAD_BYTES]  # type: ignore[attr-defined]
            if not head.strip():
                yield EmptyInputError(where, "empty file")
                return
            fmt = format_from_name(path) or sniff_format(head)
            if fmt is None or (fmt != "warc" and looks_binary(head)):
                yield binary_error(where)
                return
            cap = _WHOLE_FILE_BYTES.get(fmt, 0) * opts.max_chars
            if cap and _too_big(path, stream, cap):
                yield InputError(where, f"file is over {cap:,} bytes, more than an article of max_article_chars="
                                        f"{opts.max_chars:,} can take; split it into articles or raise the limit")
                return
            if fmt == "warc":
                # fastwarc reads gzip members itself; hand it the file as stored.
                with path.open("rb") as raw:
                    yield from iter_warc(raw, where, opts)
            elif fmt == "jsonl" and format_from_name(path) == "jsonl":
                yield from iter_jsonl(stream, where, opts)
            else:
                yield from _iter_whole(stream.read(), fmt, where, doc_id, opts)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield FormatError(
            where, f"corrupt or truncated gzip data ({exc}); re-download or re-compress the file"
        )
    except OSError as exc:  # unreadable disk block, file removed while reading
        yield InputError(where, f"read error ({exc.strerror or exc})")
    except Exception as exc:  # noqa: BLE001 - the batch goes on whatever one file does to a parser
        yield FormatError(where, f"unreadable ({type(exc).__name__}: {exc})")


# Bytes per allowed character a whole-file reader accepts before refusing to read a file
# into memory: 4 is UTF-8's widest character; an HTML page is mostly markup.
_WHOLE_FILE_BYTES = {"text": 4, "html": 16}


def _too_big(path: Path, stream: Any, cap: int) -> bool:
    """Whether the (decompressed) file is over ``cap`` bytes, read no further than that."""
    if not isinstance(stream, gzip.GzipFile):
        return path.stat().st_size > cap
    total = 0
    while chunk := stream.read(1 << 20):
        total += len(chunk)
        if total > cap:
            return True
    stream.seek(0)
    return False


def _iter_whole(
    data: bytes, fmt: str, where: str, doc_id: str, opts: Options
) -> Iterator[Article | InputError]:
    """Articles of a file read at once (text, HTML, JSON, or JSON lines sniffed from an unknown name)."""
    if fmt == "html":
        page = extract_page(data, where)
        if isinstance(page, InputError):
            yield page
        else:
            yield make_article(
                where=where, text=page.text, opts=opts, id=doc_id, title=page.title, published=page.published,
                url=page.url, outlet=page.outlet,
            )
        return
    try:
        text = decode_utf8(data, where)
    except EncodingError as exc:
        yield exc
        return
    if fmt in ("json", "jsonl"):
        # A .json file holding JSON lines, or an unnamed file starting with '{', is read line by line
        # when it is not one JSON document.
        docs = list(iter_json_document(text, where, opts))
        if len(docs) == 1 and _is_extra_data(docs[0]):
            yield from iter_jsonl(text.splitlines(), where, opts)
        else:
            yield from docs
        return
    yield _text_article(text, where, doc_id, opts)


def _is_extra_data(item: Article | InputError) -> bool:
    """Whether json.loads failed because several JSON values follow each other (JSON lines)."""
    return isinstance(item, InputError) and "Extra data" in item.problem


def _text_article(text: str, where: str, doc_id: str, opts: Options) -> Article | InputError:
    """One plain-text article; its first line is the title when it stands alone as a headline."""
    cleaned = clean_text(text) if opts.clean else text
    return make_article(where=where, text=cleaned, opts=opts, id=doc_id, title=headline(clean_text(cleaned)))


def _iter_stdin(stream: IO[Any], opts: Options) -> Iterator[Article | InputError]:
    """Standard input: JSON lines if the first non-blank line starts with '{', else one text article."""
    source = getattr(stream, "buffer", stream)  # bytes when possible: decoding errors are ours to report
    skipped = 0
    first = source.readline()
    while first and not first.strip():
        skipped += 1
        first = source.readline()
    if not first:
        yield EmptyInputError(STDIN_NAME, "nothing on standard input")
        return
    probe = first.decode("utf-8", "replace") if isinstance(first, bytes) else first
    if probe.lstrip("\ufeff \t").startswith("{"):
        lines = itertools.chain([""] * skipped, [first], source)
        yield from iter_jsonl(lines, STDIN_NAME, opts)
        return
    data = first + source.read()
    if isinstance(data, bytes):
        if looks_binary(data[:_HEAD_BYTES]):
            yield binary_error(STDIN_NAME)
            return
        try:
            data = decode_utf8(data, STDIN_NAME)
        except EncodingError as exc:
            yield exc
            return
    yield _text_article(data, STDIN_NAME, STDIN_ID, opts)
