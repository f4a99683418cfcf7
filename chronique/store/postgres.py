"""PostgreSQL backend (psycopg 3): the same schema and queries as SQLite, for a shared server."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..errors import StoreError
from ..model import Article
from . import _query, _rows
from .base import Store

__all__ = ["PostgresStore"]

try:  # optional dependency: only needed for postgresql:// URLs
    import psycopg
except ImportError:  # pragma: no cover - exercised only where psycopg is absent
    psycopg = None  # type: ignore[assignment]


class PostgresStore(Store):
    """A store on a PostgreSQL server; several ingests may write at once.

    Full-text search uses tsvectors of accent-free, casefolded text built in
    Python (no server extension needed), matching SQLite's FTS5 behaviour.
    """

    dialect = "postgresql"
    unlimited = None  # LIMIT NULL means no limit
    begin_sql = "BEGIN"
    db_errors = (psycopg.Error,) if psycopg is not None else ()

    def __init__(self, url: str, migrate: bool = True) -> None:
        super().__init__(_redact(url))
        if psycopg is None:
            raise StoreError(f"{self.url}: PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'")
        try:
            # autocommit: the store issues BEGIN/COMMIT itself, as with SQLite.
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=30)
        except psycopg.Error as exc:
            raise self._error("connect (is the server running and the URL right?)", exc) from exc
        if migrate:
            self.migrate()

    def _execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        # PostgreSQL text cannot hold NUL characters (SQLite can): drop them.
        values = tuple(v.replace("\x00", "") if isinstance(v, str) and "\x00" in v else v for v in params)
        # Our SQL holds no literal '?' or '%': placeholders convert one to one.
        return self.conn.execute(sql.replace("?", "%s"), values if values else None)

    def _run_script(self, sql: str) -> None:
        # Without parameters psycopg sends the text as one simple query: several statements run.
        self.conn.execute(sql)

    def _retryable(self, exc: BaseException) -> bool:
        # Two writers storing the same articles in different orders can deadlock;
        # the server aborts one transaction, which add_many then replays.
        return isinstance(exc, (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure))

    def _lock_migrations(self) -> None:
        self._execute("LOCK TABLE schema_migrations IN EXCLUSIVE MODE")

    def _text_clause(self, text: str) -> _query.Clause:
        query = _rows.tsquery(text)
        if query is None:
            return "1 = 0", []
        sql = ("(e.id IN (SELECT event_id FROM events_fts WHERE doc @@ to_tsquery('simple', ?))"
               " OR e.doc_id IN (SELECT article_id FROM articles_fts WHERE doc @@ to_tsquery('simple', ?)))")
        return sql, [query, query]

    def _index_text(self, article: Article, records: list[dict[str, Any]]) -> None:
        self._execute("INSERT INTO articles_fts (article_id, doc) VALUES (?, to_tsvector('simple', ?))",
                      (article.id, _rows.search_text(f"{article.title or ''} {article.text}")))
        for record in records:
            self._execute("INSERT INTO events_fts (event_id, doc) VALUES (?, to_tsvector('simple', ?))",
                          (record["id"], _rows.search_text(" ".join(record.get("event_text") or []))))

    def _unindex_text(self, article_id: str, event_ids: list[str]) -> None:
        # the FTS tables reference articles/events, so they must go first
        self._execute("DELETE FROM articles_fts WHERE article_id = ?", (article_id,))
        self._execute("DELETE FROM events_fts WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)",
                      (article_id,))

    def close(self) -> None:
        self.conn.close()


def _redact(url: str) -> str:
    """The URL without its password, for error messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"
