"""SQLite backend: one file (or memory), WAL journal, FTS5 text search when available."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..model import Article
from . import _query, _rows
from .base import Store

__all__ = ["SQLiteStore"]

# A writer waits this long for another process's transaction before giving up.
_BUSY_TIMEOUT_S = 60.0


class SQLiteStore(Store):
    """The default store: a single SQLite file, safe for one writer and many readers.

    WAL mode lets readers (the web page, ``chronique events``) query while an
    ingest writes; ``synchronous=NORMAL`` is durable against a killed process
    (not against power loss), which is what makes Ctrl-C safe and fast.
    """

    dialect = "sqlite"
    unlimited = -1
    row_key = "rowid"
    # IMMEDIATE takes the write lock at once, so two ingests queue instead of
    # failing half-way with "database is locked" on their first insert.
    begin_sql = "BEGIN IMMEDIATE"
    db_errors = (sqlite3.Error,)

    def __init__(self, path: str | Path, migrate: bool = True) -> None:
        self.path = str(path)
        super().__init__(self.path)
        try:
            if self.path != ":memory:":
                Path(self.path).expanduser().parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: the store issues BEGIN/COMMIT itself (the sqlite3
            # module's implicit transactions would commit behind our savepoints).
            self.conn = sqlite3.connect(Path(self.path).expanduser() if self.path != ":memory:" else ":memory:",
                                        timeout=_BUSY_TIMEOUT_S, isolation_level=None,
                                        check_same_thread=False)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as exc:
            raise self._error("open the database (is the path writable and a SQLite file?)", exc) from exc
        self._fts: bool | None = None
        if migrate:
            self.migrate()

    def _execute(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, tuple(params))

    def _run_script(self, sql: str) -> None:
        # Not executescript(): it COMMITs first, which would break the migration's
        # transaction; statements are split with SQLite's own completeness test.
        statement = ""
        for line in sql.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                if statement.strip():
                    self.conn.execute(statement)
                statement = ""
        if statement.strip() and not statement.strip().startswith("--"):
            self.conn.execute(statement)

    @property
    def has_fts(self) -> bool:
        """True when the FTS5 tables exist (the optional migration applied)."""
        if self._fts is None:
            row = self._execute("SELECT 1 FROM sqlite_master WHERE name = 'events_fts'").fetchone()
            self._fts = row is not None
        return self._fts

    def migrate(self, target: int | None = None) -> list[int]:
        applied = super().migrate(target)
        self._fts = None
        return applied

    def _text_clause(self, text: str) -> _query.Clause:
        if self.has_fts:
            match = _rows.fts_query(text)
            if match is None:  # no word at all: nothing can match
                return "1 = 0", []
            sql = ("(e.id IN (SELECT event_id FROM events_fts WHERE events_fts MATCH ?)"
                   " OR e.doc_id IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH ?))")
            return sql, [match, match]
        # Without FTS5: a plain substring search (slow on large stores, but correct).
        pattern = _rows.like_pattern(text.strip())
        sql = ("(lower(e.event_text) LIKE ? ESCAPE '\\' OR e.doc_id IN (SELECT id FROM articles"
               " WHERE lower(title) LIKE ? ESCAPE '\\' OR lower(text) LIKE ? ESCAPE '\\'))")
        return sql, [pattern, pattern, pattern]

    def _index_text(self, article: Article, records: list[dict[str, Any]]) -> None:
        if not self.has_fts:
            return
        self._execute("INSERT INTO articles_fts (article_id, title, text) VALUES (?, ?, ?)",
                      (article.id, article.title, article.text))
        for record in records:
            self._execute("INSERT INTO events_fts (event_id, event_text) VALUES (?, ?)",
                          (record["id"], "\n".join(record.get("event_text") or [])))

    def _unindex_text(self, article_id: str, event_ids: list[str]) -> None:
        if not self.has_fts:
            return
        self._execute("DELETE FROM articles_fts WHERE article_id = ?", (article_id,))
        for event_id in event_ids:
            self._execute("DELETE FROM events_fts WHERE event_id = ?", (event_id,))

    def close(self) -> None:
        try:
            # fresh planner statistics after an ingest: without them SQLite may scan the
            # actor table for a country filter instead of using the events' own columns
            self.conn.execute("ANALYZE" if self.wrote else "PRAGMA optimize")
        except sqlite3.Error:
            pass  # a read-only connection cannot update them: nothing to do
        self.conn.close()
