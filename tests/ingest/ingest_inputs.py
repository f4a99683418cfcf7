"""Builders of small hand-made inputs for the ingest tests: an HTML page, a WARC.

Not in conftest.py: every test folder has a conftest module, and importing
helpers from "conftest" would pick whichever folder's was imported first.
"""

from __future__ import annotations

import io
from pathlib import Path

WARC_DATE = "2015-12-24T08:30:00Z"  # capture date written in every test WARC record


def article_html(title: str, paragraphs: list[str], date: str | None = None) -> str:
    """A small news page: navigation, an <article> with paragraphs, a footer."""
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{meta}</head><body>"
        '<nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>© Exemple 2020. Tous droits réservés.</footer></body></html>"
    )


def write_warc(path: Path, records: list[tuple[str, str, bytes, int]]) -> None:
    """A gzipped WARC of HTTP response records (url, content type, payload, status), written with warcio."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, content_type, payload, status in records:
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(payload),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": WARC_DATE},
            )
            writer.write_record(record)
