"""Fixtures of the ingest tests: the shared data folder and small hand-made inputs."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

# The shared material sits next to the repository: <repo>/../shared.
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder, or a skip saying why the test cannot run."""
    if not SHARED.is_dir():
        pytest.skip(f"shared data folder {SHARED} is absent")
    return SHARED


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
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)
