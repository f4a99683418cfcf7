"""Format detection (by name, then by first bytes), gzip and UTF-8 decoding helpers."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import BinaryIO

from ..errors import EncodingError, FormatError

GZIP_MAGIC = b"\x1f\x8b"
# Extensions (after an optional .gz) -> reader. A folder walk reads only these.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}
_SNIFF_BYTES = 8192


def format_from_name(path: Path) -> str | None:
    """Reader announced by the file name ('text', 'html', 'json', 'jsonl', 'warc') or None."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return EXTENSIONS.get(suffixes[-1]) if suffixes else None


def open_maybe_gzip(path: Path) -> BinaryIO:
    """Open ``path`` for binary reading, transparently gunzipping it when its magic bytes say gzip."""
    raw = path.open("rb")
    if raw.read(2) == GZIP_MAGIC:
        raw.seek(0)
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    raw.seek(0)
    return raw


def sniff_format(head: bytes) -> str | None:
    """Reader guessed from the first (decompressed) bytes of a file, None when binary."""
    if looks_binary(head):
        return None
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"["):
        return "json"
    if stripped.startswith(b"{"):
        return "jsonl"  # a pretty-printed object falls back to whole-file JSON in the reader
    if stripped[:1] == b"<":
        return "html"
    return "text"


def looks_binary(head: bytes) -> bool:
    """Whether these first bytes belong to a binary file (NUL bytes never occur in text)."""
    return b"\x00" in head


def decode_utf8(data: bytes, where: str) -> str:
    """``data`` decoded as UTF-8 (BOM dropped); raises EncodingError naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        raise EncodingError(
            where, f"not valid UTF-8 (byte 0x{bad} at offset {exc.start}); re-encode the file as UTF-8"
        ) from exc


def binary_error(where: str) -> FormatError:
    """The error for a binary file given where text was expected."""
    return FormatError(
        where,
        "binary file, not text; expected UTF-8 text, HTML, JSON, JSON lines or WARC (optionally gzipped)",
    )
