"""Rows the Spark job writes: the same columns as the store's articles and the Parquet export.

Kept free of pyspark so that the executor-side code and its tests run without
Spark; ``spark.py`` turns the column lists below into Spark schemas.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import ChroniqueError, InputError
from ..export import summary
from ..model import Article, Event

# The store's article table (chronique/store/_rows.py ARTICLE_COLUMNS), in the same order.
ARTICLE_COLUMNS: tuple[str, ...] = ("id", "content_hash", "url", "title", "published", "lang", "outlet",
                                    "source", "text", "ingested_at")
# The Parquet export (chronique.export): the flat summary of an event, then the full record as JSON.
EVENT_COLUMNS: tuple[str, ...] = (*summary({}).keys(), "record")
# Inputs that could not be read or processed: where, the error class, the message.
ERROR_COLUMNS: tuple[str, ...] = ("where", "error", "message")
# Summary columns that hold whole numbers; every other column is a string.
INTEGER_COLUMNS = frozenset({"geonameid", "dead", "injured", "size"})

ARTICLE, EVENT, ERROR, STAT = "article", "event", "error", "stat"


def article_row(article: Article, ingested_at: str) -> tuple[Any, ...]:
    """Values for ARTICLE_COLUMNS (as the store writes them)."""
    return (article.id, article.content_hash, article.url, article.title, article.published, article.lang,
            article.outlet, article.source, article.text, ingested_at)


def _int(value: Any) -> int | None:
    # the summary passes numbers through as the extractor gave them (an int, sometimes a float or str)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def event_row(event: Event | dict[str, Any]) -> tuple[Any, ...]:
    """Values for EVENT_COLUMNS: ``export.summary`` of the record plus the record as JSON."""
    record = event.as_dict() if isinstance(event, Event) else event
    flat = summary(record)
    values = [(_int(flat[c]) if c in INTEGER_COLUMNS else (None if flat[c] is None else str(flat[c])))
              for c in EVENT_COLUMNS[:-1]]
    # the same serialisation as the Parquet export, so that a row can be compared byte for byte
    values.append(json.dumps(record, ensure_ascii=False))
    return tuple(values)


def error_row(error: ChroniqueError, where: str | None = None) -> tuple[Any, ...]:
    """Values for ERROR_COLUMNS."""
    place = error.where if isinstance(error, InputError) else (where or "")
    return (place, type(error).__name__, str(error))
