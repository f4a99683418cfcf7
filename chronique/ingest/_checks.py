"""Checks every article passes before it is cleaned, parsed or stored: valid Unicode, a bounded size,
a real publication date. Each failure is one message naming the field and saying how to fix it."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from ..errors import EncodingError, FormatError, InputError
from ..model import Article

# A lone UTF-16 surrogate ("\ud800" escaped in JSON) is not a character: it cannot be
# encoded as UTF-8, so it breaks hashing, storing and printing the article.
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_TEXT_FIELDS = ("id", "text", "title", "url", "outlet", "published", "lang")


def surrogate_error(where: str, values: dict[str, Any]) -> EncodingError | None:
    """The error for the first string field holding a lone surrogate, else None."""
    for name, value in values.items():
        if isinstance(value, str) and (m := _SURROGATE.search(value)):
            return EncodingError(
                where, f'"{name}" holds a lone UTF-16 surrogate (\\u{ord(m.group()):04x}) at character '
                       f"{m.start()}, which is not valid Unicode (often a cut emoji pair); fix or drop it at the source")
    return None


def size_error(where: str, text: str, max_chars: int) -> InputError | None:
    """The error for a text longer than ``max_chars``, else None."""
    if len(text) <= max_chars:
        return None
    return InputError(where, f"article text is {len(text):,} characters, over the limit of {max_chars:,} "
                             "(setting max_article_chars); split the document into articles or raise the limit")


def check_article(article: Article, max_chars: int) -> InputError | None:
    """Why ``article`` cannot go through the pipeline (bad Unicode, too long), or None.

    For articles that did not come through ``iter_articles`` (library callers, Spark rows)."""
    where = article.source or article.id
    return surrogate_error(where, {n: getattr(article, n) for n in _TEXT_FIELDS}) or size_error(
        where, article.text, max_chars)


def parse_published(value: Any, where: str) -> str | None | FormatError:
    """A publication date as ISO (space turned to 'T'), None when absent, or the error naming the field.

    Impossible dates (month 13, hour 99) are refused: they would reach every event date
    anchored on them."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    shape = ('"published" must be an ISO date YYYY-MM-DD or date-time YYYY-MM-DDThh:mm[:ss][+hh:mm], '
             f"got {str(value)[:40]!r}")
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        return FormatError(where, shape)
    value = value.strip().replace(" ", "T", 1)
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        return FormatError(where, f'"published" is not a real date: {value[:40]!r} ({exc})')
    return value


def valid_date_or_none(value: Any) -> str | None:
    """A date from page metadata (htmldate, WARC-Date) when it is a real ISO date, else None."""
    got = parse_published(value, "")
    return got if isinstance(got, str) else None
