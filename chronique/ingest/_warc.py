"""WARC archives (fastwarc): each HTML response record becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from ..errors import FormatError, InputError
from ..model import Article
from ._html import Page, extract_page
from ._records import Options, make_article

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def iter_warc(stream: BinaryIO, name: str, opts: Options) -> Iterator[Article | InputError]:
    """Articles of the 2xx HTML response (and resource) records of a WARC, ``name#n`` per record.

    ``n`` counts every record of the file from 1, so it points at the record
    whatever its type. Non-HTML records (images, scripts, request, metadata) and
    redirects are skipped without an error: they are not meant to be articles.
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource
    number = 0
    try:
        # fsspec_args=False: the stream is already open, fastwarc must not try to open URLs.
        for record in ArchiveIterator(stream, auto_decode="all", fsspec_args=False):
            number += 1
            if not record.record_type & wanted:
                continue
            where = f"{name}#{number}"
            if record.is_http:
                status = record.http_headers.status_code if record.http_headers is not None else None
                if status is None:
                    yield FormatError(
                        where, "response record without a readable HTTP status line (truncated?)"
                    )
                    continue
                if not 200 <= status < 300:
                    continue
                content_type = (record.http_content_type or "").lower()
            else:
                content_type = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if content_type not in _HTML_TYPES:
                continue
            url = record.headers.get("WARC-Target-URI") or None
            page = extract_page(record.reader.read(), where, url=url)
            if isinstance(page, InputError):
                yield page
                continue
            yield _article(page, where, url, record.headers.get("WARC-Date"), record.record_id, opts)
    except (OSError, ValueError) as exc:
        yield FormatError(
            f"{name}#{number + 1}", f"unreadable WARC record ({exc}); the archive may be truncated"
        )
        return
    if number == 0:
        yield FormatError(name, "no WARC record found; is this really a WARC file?")


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
        url=url,
    )
