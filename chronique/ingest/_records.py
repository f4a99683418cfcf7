"""Turning raw fields (JSON records, text files) into finished, cleaned Articles."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import EmptyInputError, EncodingError, FormatError, InputError
from ..model import Article
from ._checks import parse_published, size_error, surrogate_error, valid_date_or_none
from .clean import clean_text
from .lang import detect_lang

_LANG_CODE = re.compile(r"[a-z]{2,3}")
# A headline: one line, words, no sentence-final period; checked on the first paragraph of .txt files.
_MAX_TITLE = 250
HASH_ID_LENGTH = 16


@dataclass(frozen=True)
class Options:
    """How iter_articles builds articles: default language, and whether texts are cleaned."""

    lang: str | None = None
    clean: bool = True
    max_chars: int = field(default_factory=lambda: _max_chars())


def _max_chars() -> int:
    from ..config import Limits

    return Limits.from_settings().max_article_chars


def normalise_published(value: Any) -> str | None:
    """A real ISO date or date-time as given (space separator turned to 'T'), else None."""
    return valid_date_or_none(value)


def normalise_lang(value: Any) -> str | None:
    """'fr', 'en', ... from 'fr', 'FR', 'fr-FR', 'en_GB'; None for anything else."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if _LANG_CODE.fullmatch(code) else None


def _one_line(value: Any) -> str | None:
    """A title or outlet as one cleaned line, None when absent or empty."""
    if not isinstance(value, str):
        return None
    line = " ".join(clean_text(value).split())
    return line or None


def headline(text: str) -> str | None:
    """The first line of ``text`` when it stands alone as a headline, else None."""
    first, sep, rest = text.partition("\n\n")
    if not sep or not rest.strip() or "\n" in first or len(first) > _MAX_TITLE:
        return None
    if len(first.split()) < 2 or first.rstrip("»”\"' ")[-1:] in ".,;:":
        return None
    return first


def make_article(
    *,
    where: str,
    text: str,
    opts: Options,
    id: str | None = None,
    title: Any = None,
    published: Any = None,
    record_lang: Any = None,
    url: Any = None,
    outlet: Any = None,
) -> Article | InputError:
    """Clean ``text`` (unless ``opts.clean`` is off), fill the language and the id, build the Article.

    ``opts.lang`` (the caller's --lang) wins over the record's own language, which
    wins over detection: an explicit choice of the user overrides the data, as the
    pipeline does. Without an id, the id is a prefix of the content hash. Text with a
    lone surrogate, or longer than ``opts.max_chars``, is refused (before clean-up).
    """
    bad = surrogate_error(where, {"id": id, "text": text, "title": title, "url": url, "outlet": outlet,
                                  "published": published, "lang": record_lang}) or size_error(
        where, text, opts.max_chars)
    if bad is not None:
        return bad
    cleaned = clean_text(text) if opts.clean else text
    if not cleaned.strip():
        return EmptyInputError(where, "no text (empty after clean-up); give the article text")
    article = Article(
        id=id or "",
        text=cleaned,
        title=_one_line(title),
        published=normalise_published(published),
        lang=normalise_lang(opts.lang) or normalise_lang(record_lang) or detect_lang(cleaned),
        url=(url.strip() or None) if isinstance(url, str) else None,
        outlet=_one_line(outlet),
        source=where,
    )
    if not article.id:
        article.id = article.content_hash[:HASH_ID_LENGTH]
    return article


def article_from_record(record: Any, where: str, opts: Options) -> Article | InputError:
    """One JSON input record (DESIGN.md contract) as an Article, or the error that prevents it."""
    if not isinstance(record, dict):
        return FormatError(where, f'expected a JSON object with a "text" field, got {type(record).__name__}')
    if "text" not in record:
        return FormatError(where, 'record has no "text" field; every record needs {"id", "text"}')
    text = record["text"]
    if not isinstance(text, str):
        return FormatError(where, f'"text" must be a string, got {type(text).__name__}')
    rid = record.get("id")
    if rid is not None and not isinstance(rid, (str, int)):
        return FormatError(where, f'"id" must be a string, got {type(rid).__name__}')
    bad = surrogate_error(where, {"id": rid, "text": text, **record})
    if bad is not None:  # before the date check: its message would quote the bad string
        return bad
    published = parse_published(record.get("published"), where)
    if isinstance(published, InputError):
        return published
    return make_article(
        where=where,
        text=text,
        opts=opts,
        id=str(rid).strip() if rid is not None else None,
        title=record.get("title"),
        published=published,
        record_lang=record.get("lang"),
        url=record.get("url"),
        outlet=record.get("outlet"),
    )


def iter_jsonl(lines: Iterable[bytes | str], name: str, opts: Options) -> Iterator[Article | InputError]:
    """Articles of JSON lines, streamed one line at a time; errors are ``name:line``."""
    for number, raw in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield EncodingError(
                    where, f"not valid UTF-8 (byte offset {exc.start} in the line); re-encode as UTF-8"
                )
                continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError as exc:
            yield FormatError(where, f"malformed JSON line ({exc}); each line must be one JSON object")
            continue
        yield article_from_record(record, where, opts)


def iter_json_document(text: str, name: str, opts: Options) -> Iterator[Article | InputError]:
    """Articles of a JSON document holding one record or a list of records (``name[i]``)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        yield FormatError(name, f"malformed JSON ({exc}); expected an object or a list of objects")
        return
    if isinstance(data, list):
        if not data:
            yield EmptyInputError(name, "empty JSON list; expected article records")
        for i, record in enumerate(data):
            yield article_from_record(record, f"{name}[{i}]", opts)
    else:
        yield article_from_record(data, name, opts)
