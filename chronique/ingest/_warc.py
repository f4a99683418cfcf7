"""WARC archives (fastwarc): each HTML response record becomes an article.

fastwarc reads what a record's Content-Length announces and trusts it: a truncated
archive gives a cut page, a wrong Content-Length a page glued to the next record's
headers, and both used to become articles without a word. So each record is checked
(its block is as long as announced, it has a type and a length) and an article is
only handed on once the *next* record has been found where this one says it ends.
Damaged records are reported as ``file#n`` with their byte offset (in the compressed
file for a .warc.gz).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import FormatError, InputError
from ..model import Article
from ._html import Page, extract_page
from ._records import Options, make_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")
# An HTML payload may be this many times the article size limit (markup) before it is refused.
_HTML_BYTES_PER_CHAR = 16


def iter_warc(stream: BinaryIO, name: str, opts: Options) -> Iterator[Article | InputError]:
    """Articles of the 2xx HTML response (and resource) records of a WARC, ``name#n`` per record.

    ``n`` counts every record of the file from 1, so it points at the record
    whatever its type. Non-HTML records (images, scripts, request, metadata) and
    redirects are skipped without an error: they are not meant to be articles.
    Damaged records (truncated, wrong Content-Length, missing headers) are errors.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource
    number = 0
    pending: Article | InputError | None = None  # the previous record's result, held until this one reads
    pending_at = ""
    try:
        # fsspec_args=False: the stream is already open, fastwarc must not try to open URLs.
        # Payloads are read as stored (auto_decode="none") so that their length can be checked.
        for record in ArchiveIterator(stream, auto_decode="none", parse_http=False, fsspec_args=False):
            number += 1
            where = f"{name}#{number}"
            problem = _damage(record)
            if pending is not None:
                yield pending
            pending, pending_at = None, where
            if problem:
                pending = FormatError(where, f"damaged WARC record at byte {record.stream_pos}: {problem}")
                continue
            if record.record_type & wanted:
                pending = _read(record, where, opts)
    except (OSError, ValueError) as exc:
        # The previous record did not end where its Content-Length said: its content is not trustworthy.
        if isinstance(pending, Article):
            pending = FormatError(pending_at, "WARC record whose Content-Length does not match its content "
                                              "(the next record does not start where it ends); skipped")
        if pending is not None:
            yield pending
        yield FormatError(f"{name}#{number + 1}", f"unreadable WARC record ({exc}); the archive is truncated or "
                                                  "damaged here, the records after it cannot be read")
        return
    if pending is not None:
        yield pending
    if number == 0:
        yield FormatError(name, "no WARC record found; is this really a WARC file?")


def _damage(record: Any) -> str | None:
    """What is wrong with a record's headers and block, or None. Reads (and checks) the whole block."""
    declared = record.headers.get("Content-Length")
    if not record.headers.get("WARC-Type"):
        return "no WARC-Type header (truncated header?)"
    if declared is None or not declared.strip().isdigit():
        return f"no valid Content-Length header ({declared!r})"
    return None


def _read(record: Any, where: str, opts: Options) -> Article | InputError | None:
    """The article of one response/resource record (None for a record that is not an HTML 2xx page)."""
    declared = int(record.headers.get("Content-Length"))
    block = record.reader.read()
    if len(block) != declared:
        return FormatError(where, f"truncated WARC record at byte {record.stream_pos}: Content-Length says "
                                  f"{declared:,} bytes, {len(block):,} found; re-download the archive")
    if not block:
        return FormatError(where, f"empty WARC record at byte {record.stream_pos} (Content-Length 0)")
    content_type, url = None, record.headers.get("WARC-Target-URI") or None
    if _is_http(record):
        parsed = _http(block)
        if isinstance(parsed, str):
            return FormatError(where, f"WARC record at byte {record.stream_pos}: {parsed}")
        status, headers, body = parsed
        if not 200 <= status < 300:
            return None
        content_type = headers.get("content-type", "")
    else:
        content_type, body = record.headers.get("Content-Type") or "", block
    if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        return None
    if len(body) > _HTML_BYTES_PER_CHAR * opts.max_chars:
        return InputError(where, f"HTML page of {len(body):,} bytes, over what max_article_chars="
                                 f"{opts.max_chars:,} allows; raise the limit to read it")
    page = extract_page(body, where, url=url)
    if isinstance(page, InputError):
        return page
    return _article(page, where, url, record.headers.get("WARC-Date"), record.record_id, opts)


def _is_http(record: Any) -> bool:
    return "application/http" in (record.headers.get("Content-Type") or "").lower()


def _http(block: bytes) -> tuple[int, dict[str, str], bytes] | str:
    """(status, lower-cased headers, decoded body) of an HTTP response block, or what is wrong with it."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    lines = head.decode("latin-1").splitlines()
    parts = lines[0].split() if lines else []
    if not sep or len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        return "response without a readable HTTP status line and headers (truncated?)"
    headers: dict[str, str] = {}
    for line in lines[1:]:
        key, colon, value = line.partition(":")
        if colon:
            headers[key.strip().lower()] = value.strip()
    try:
        if "chunked" in headers.get("transfer-encoding", "").lower():
            body = _dechunk(body)
        encoding = headers.get("content-encoding", "").lower().strip()
        if encoding in ("gzip", "x-gzip"):
            body = zlib.decompress(body, 16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            try:
                body = zlib.decompress(body)
            except zlib.error:  # raw deflate, as some servers send
                body = zlib.decompress(body, -zlib.MAX_WBITS)
        elif encoding not in ("", "identity"):
            return f"unsupported Content-Encoding {encoding!r}"
    except (zlib.error, ValueError) as exc:
        return f"payload cannot be decoded ({exc}); truncated or damaged"
    return int(parts[1]), headers, body


def _dechunk(data: bytes) -> bytes:
    """The body of a chunked HTTP transfer; ValueError when the chunks are cut."""
    out, i = bytearray(), 0
    while True:
        eol = data.find(b"\r\n", i)
        if eol < 0:
            raise ValueError("chunked body cut before its last chunk")
        size = int(data[i:eol].split(b";")[0].strip() or b"x", 16)
        if size == 0:
            return bytes(out)
        start = eol + 2
        if start + size > len(data):
            raise ValueError("chunked body cut inside a chunk")
        out += data[start:start + size]
        i = start + size + 2


def _article(
    page: Page, where: str, url: str | None, warc_date: str | None, record_id: str | None, opts: Options
) -> Article | InputError:
    """The article of one record: id is the URL (else the record id), date falls back to WARC-Date."""
    return make_article(
        where=where,
        text=page.text,
        opts=opts,
        id=url or (record_id or "").strip("<>") or None,
        title=page.title,
        published=page.published or warc_date,
        url=url or page.url,  # the address the crawler fetched, else the page's own
        outlet=page.outlet,
    )
