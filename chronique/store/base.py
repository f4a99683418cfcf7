"""The event store: articles and their events, written once, queried by filters.

``Store`` holds everything that does not depend on the database engine: the
per-article transaction, deduplication, queries and migrations, in SQL that
SQLite and PostgreSQL both accept. A backend (``SQLiteStore``,
``PostgresStore``) only opens the connection, names its placeholder and
errors, runs migration scripts and says how it searches text.

Guarantee kept by ``add`` and ``add_many``: an article is stored with all its
events or not at all, and never twice (same id or same content hash). An
ingest killed at any point leaves only whole articles; re-running it skips
them (check with ``has`` before parsing, to make restarts cheap).

A Store is one connection: use one per thread or process (a web server may
share one for reading only). Several processes may write to the same store:
SQLite queues them (BEGIN IMMEDIATE), PostgreSQL runs them side by side and
``add_many`` replays a batch the server aborted to break a deadlock.
"""

from __future__ import annotations

import contextlib
import json
import random
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from typing import Any, Self
from urllib.parse import urlsplit

from ..errors import StoreError
from ..model import Article, Event
from . import _counts, _query, _rows, _search
from ._counted import CountedEvents
from ._merged import MergedEvents
from .migrate import Migration, latest_version, load_migrations

__all__ = ["Store"]

_BATCH_DEFAULT = 200
_RESULTS_CACHED = 512
_RESULTS: dict[str, dict[Any, Any]] = {}  # database URL -> {"stamp": n, (sql, params): rows}
_RESULTS_LOCK = threading.Lock()
_RETRIES = 5


class _ArticleRejected(Exception):
    """Internal: one article cannot be stored (bad event); carries the StoreError to raise."""

    def __init__(self, error: StoreError) -> None:
        super().__init__(str(error))
        self.error = error


class Store(MergedEvents, CountedEvents, ABC):
    """An event database; open one with ``chronique.store.open_store``."""

    dialect: str = ""
    #: Value of LIMIT that means "no limit" in this dialect.
    unlimited: Any = None
    #: Column naming a row in the fewest bytes (SQLite's rowid, in every index).
    row_key: str = "id"
    #: Statement that starts a write transaction.
    begin_sql: str = "BEGIN"
    #: Exception classes of the driver, wrapped into StoreError.
    db_errors: tuple[type[BaseException], ...] = ()

    def __init__(self, url: str) -> None:
        self.url = url
        self._in_transaction = False
        self.wrote = False  # set once an article is stored: statistics are refreshed on close

    # -- backend hooks -------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Iterable[Any] = ()) -> Any:
        """Run one statement with ``?`` placeholders; return the driver's cursor."""

    @abstractmethod
    def _run_script(self, sql: str) -> None:
        """Run a migration script (several statements) inside the open transaction."""

    @abstractmethod
    def _text_clause(self, text: str) -> _query.Clause:
        """The condition matching events whose sentences or article contain ``text``."""

    @abstractmethod
    def _index_text(self, article: Article, records: list[dict[str, Any]]) -> None:
        """Add an article and its events to the full-text index (inside the transaction)."""

    def _unindex_text(self, article_id: str, event_ids: list[str]) -> None:
        """Remove an article and its events from the full-text index (if the engine does not cascade)."""

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    def _lock_migrations(self) -> None:
        """Keep other processes from migrating until this transaction ends (if BEGIN does not)."""

    def _error(self, action: str, exc: BaseException) -> StoreError:
        """A StoreError naming the database and what was being done."""
        return StoreError(f"{self.url}: cannot {action}: {exc}")

    # -- transactions --------------------------------------------------------

    def _begin(self) -> None:
        self._execute(self.begin_sql)
        self._in_transaction = True

    def _commit(self) -> None:
        pending = self.__dict__.pop("_pending_counts", None)
        if pending:  # the transaction's counts, summed over its articles: far fewer rows to write
            self._add_counts(pending)
        self._execute("COMMIT")
        self._in_transaction = False

    def _rollback(self) -> None:
        # Called while an error (even KeyboardInterrupt) propagates: never mask it.
        self.__dict__.pop("_pending_counts", None)
        if self._in_transaction:
            self._in_transaction = False
            with contextlib.suppress(Exception):  # the original error matters more
                self._execute("ROLLBACK")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- migrations ----------------------------------------------------------

    def schema_version(self) -> int:
        """The highest migration applied to this database (0 for a new one)."""
        row = self._execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def migrate(self, target: int | None = None) -> list[int]:
        """Apply the migrations not yet applied (up to ``target``); return their versions.

        Each migration runs in its own transaction with its ``schema_migrations``
        row, and is re-checked inside it, so two processes opening a new database
        at once do not apply a step twice.
        """
        migrations = load_migrations(self.dialect)
        known = latest_version(self.dialect)
        try:
            self._execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                          " name TEXT NOT NULL, applied_at TEXT NOT NULL, skipped INTEGER NOT NULL DEFAULT 0)")
            current = self.schema_version()
        except self.db_errors as exc:
            raise self._error("read the schema version", exc) from exc
        if current > known:
            raise StoreError(f"{self.url}: database schema version {current} is newer than this chronique "
                             f"(knows {known}): upgrade chronique to use this database")
        applied = []
        self.__dict__.pop("_background_column", None)  # the schema may change below
        self.__dict__.pop("_counts_table", None)
        for migration in migrations:
            if migration.version <= current or (target is not None and migration.version > target):
                continue
            if self._apply(migration):
                applied.append(migration.version)
        for flag in ("_background_column", "_counts_table"):  # read again on the schema now in place
            self.__dict__.pop(flag, None)
        return applied

    def _apply(self, migration: Migration) -> bool:
        """Apply one migration in a transaction; False if another process already did."""
        try:
            self._begin()
            self._lock_migrations()
            row = self._execute("SELECT 1 FROM schema_migrations WHERE version = ?",
                                (migration.version,)).fetchone()
            if row:
                self._rollback()
                return False
            skipped = 0
            self._execute("SAVEPOINT migration")
            try:
                self._run_script(migration.sql)
                if migration.version == _counts.MIGRATION:  # filled by the code that keeps it up to date
                    self._fill_counts()
                self._execute("RELEASE SAVEPOINT migration")
            except self.db_errors as exc:
                if not migration.optional or migration.optional not in str(exc).lower():
                    raise
                self._execute("ROLLBACK TO SAVEPOINT migration")
                skipped = 1
            self._execute("INSERT INTO schema_migrations (version, name, applied_at, skipped)"
                          " VALUES (?, ?, ?, ?)",
                          (migration.version, migration.name, _rows.now_iso(), skipped))
            self._commit()
            return True
        except self.db_errors as exc:
            self._rollback()
            raise self._error(f"apply migration {migration.version:04d}_{migration.name}", exc) from exc
        except BaseException:
            self._rollback()
            raise

    def skipped_migrations(self) -> list[str]:
        """Names of optional migrations this database could not apply (e.g. 'fts' without FTS5)."""
        rows = self._execute("SELECT name FROM schema_migrations WHERE skipped = 1 ORDER BY version")
        return [r[0] for r in rows.fetchall()]

    # -- writing -------------------------------------------------------------

    def has(self, article_id: str | None = None, content_hash: str | None = None) -> bool:
        """True when this article is stored: its content hash is (under whatever id), or,
        when no hash is given, its id is.

        An id stored with *another* text is not this article: ``has`` says False and
        ``add`` then reports the conflict, naming both, instead of dropping the second
        article as "already stored"."""
        if article_id is None and content_hash is None:
            return False
        try:
            if content_hash is None:
                row = self._execute("SELECT 1 FROM articles WHERE id = ? LIMIT 1", (article_id,)).fetchone()
            else:
                row = self._execute("SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1",
                                    (content_hash,)).fetchone()
        except self.db_errors as exc:
            raise self._error("look up an article", exc) from exc
        return row is not None

    def delete(self, article_id: str) -> bool:
        """Remove an article with its events in one transaction; False if it was not stored.

        What a re-extraction with a better chronique does before ``add``-ing the
        article again (``add`` itself never overwrites).
        """
        try:
            self._begin()
            event_ids = [r[0] for r in self._execute("SELECT id FROM events WHERE doc_id = ?",
                                                     (article_id,)).fetchall()]
            self._unindex_text(article_id, event_ids)
            if self._has_counts():
                self._pending().subtract(self._counts_of("e.doc_id = ?", [article_id]))
                self._bump(article_id, -1)
            merged = self._detach_article(article_id) if self._merging() else []
            # explicit deletes, not only ON DELETE CASCADE: it needs foreign keys enabled
            self._execute("DELETE FROM event_actors WHERE event_id IN (SELECT id FROM events WHERE doc_id = ?)",
                          (article_id,))
            self._execute("DELETE FROM events WHERE doc_id = ?", (article_id,))
            deleted = self._execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount
            for merged_id in merged:  # the other reports of its merged events stay, re-summarised
                self._refresh_merged(merged_id)
            self._commit()
            return deleted > 0
        except self.db_errors as exc:
            self._rollback()
            raise self._error(f"delete article {article_id!r}", exc) from exc
        except BaseException:
            self._rollback()
            raise

    def add(self, article: Article, events: Iterable[Event | dict[str, Any]] = ()) -> bool:
        """Store an article and its events in one transaction.

        Returns False, storing nothing, when the same article (same content hash) is
        already stored. Raises StoreError (storing nothing) when another text is stored
        under the same id, or when an event
        cannot be stored, e.g. an event id already used by another article.
        """
        return self.add_many([(article, events)], batch_size=1) == 1

    def add_many(self, items: Iterable[tuple[Article, Iterable[Event | dict[str, Any]]]],
                 batch_size: int = _BATCH_DEFAULT) -> int:
        """Store many (article, events) pairs, committing every ``batch_size`` articles.

        Faster than ``add`` one by one (fewer commits) with the same guarantee:
        each article is written inside its own savepoint, so it is whole or
        absent; an interruption loses at most the uncommitted batch, which a
        re-run stores again. ``items`` may be a generator (the pipeline's output).
        Returns the number of articles newly stored.
        """
        if batch_size < 1:
            raise StoreError(f"batch_size={batch_size!r} must be at least 1")
        committed = 0
        # Items of the open transaction, kept to replay them if the server aborts
        # it (a deadlock between two writers storing the same articles).
        pending: list[tuple[Article, list[Event | dict[str, Any]]]] = []
        in_transaction = 0
        try:
            for article, events in items:
                pending.append((article, list(events)))
                n, replayed = self._write(pending[-1:], pending)
                in_transaction = n if replayed else in_transaction + n
                if len(pending) >= batch_size:
                    self._commit()
                    committed, in_transaction, pending = committed + in_transaction, 0, []
            if self._in_transaction:
                self._commit()
                committed += in_transaction
        except _ArticleRejected as rejected:
            # One bad article (its savepoint already undone) must not cost the good
            # ones before it in the batch: keep them, then report the bad one.
            if self._in_transaction:
                self._commit()
            raise rejected.error from rejected.__cause__
        except self.db_errors as exc:
            self._rollback()
            raise self._error("store articles", exc) from exc
        except BaseException:
            # KeyboardInterrupt, a failing generator, a bad event: nothing half-written stays.
            self._rollback()
            raise
        return committed

    def _retryable(self, exc: BaseException) -> bool:
        """True for errors after which the whole transaction can simply be run again."""
        return False

    def _write(self, new: list[tuple[Article, list[Any]]],
               pending: list[tuple[Article, list[Any]]]) -> tuple[int, bool]:
        """Write ``new`` items in the open transaction; after a deadlock, replay all ``pending``.

        Returns how many articles were newly stored, and whether that count is for
        the whole replayed transaction (``pending``) rather than for ``new``.
        """
        items, replayed = new, False
        for attempt in range(_RETRIES):
            try:
                if not self._in_transaction:
                    self._begin()
                return sum(1 for article, events in items if self._add_one(article, events)), replayed
            except self.db_errors as exc:
                if attempt == _RETRIES - 1 or not self._retryable(exc):
                    raise
                self._rollback()
                time.sleep(random.uniform(0.05, 0.3) * (attempt + 1))  # let the other writer finish
                items, replayed = pending, True
        raise AssertionError("unreachable")  # pragma: no cover

    def _add_one(self, article: Article, events: Iterable[Event | dict[str, Any]]) -> bool:
        """Write one article inside a savepoint of the open transaction; False if already stored."""
        try:
            records = [_rows.event_record(e, article.id) for e in events]
            event_rows = [_rows.event_row(r) for r in records]
        except StoreError as exc:
            raise _ArticleRejected(exc) from exc
        except (TypeError, ValueError) as exc:  # a record json cannot encode
            raise _ArticleRejected(StoreError(
                f"{self.url}: cannot store the events of article {article.id!r}: {exc}")) from exc
        self._execute("SAVEPOINT article")
        try:
            cols = _rows.ARTICLE_COLUMNS
            cursor = self._execute(
                f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
                " ON CONFLICT DO NOTHING", _rows.article_row(article, _rows.now_iso()))
            if cursor.rowcount == 0:
                self._execute("ROLLBACK TO SAVEPOINT article")
                self._execute("RELEASE SAVEPOINT article")
                stored = self._execute("SELECT content_hash, source FROM articles WHERE id = ?",
                                       (article.id,)).fetchone()
                if stored is not None and stored[0] != article.content_hash:
                    raise _ArticleRejected(StoreError(
                        f"article id {article.id!r} of {article.source or 'this input'} is already stored with "
                        f"a different text (read from {stored[1] or 'an earlier input'}); two articles cannot "
                        "share an id: give one of them another id (or delete the stored one to replace it)"))
                return False
            ecols, acols = _rows.EVENT_COLUMNS, _rows.ACTOR_COLUMNS
            if not self._has_background_column():  # a store not yet at migration 0005
                ecols = ecols[:-len(_rows.EVENT_COLUMNS_0005)]
                event_rows = [row[:len(ecols)] for row in event_rows]
            event_sql = f"INSERT INTO events ({', '.join(ecols)}) VALUES ({', '.join('?' for _ in ecols)})"
            actor_sql = f"INSERT INTO event_actors ({', '.join(acols)}) VALUES ({', '.join('?' for _ in acols)})"
            for record, event_row in zip(records, event_rows, strict=True):
                try:
                    self._execute(event_sql, event_row)
                except self.db_errors as exc:
                    if self._retryable(exc):
                        raise
                    raise _ArticleRejected(StoreError(
                        f"{self.url}: cannot store event {record['id']!r} of article {article.id!r}: {exc}"
                        " (event ids must be unique across articles)")) from exc
                for row in _rows.actor_rows(record):
                    self._execute(actor_sql, row)
            self._index_text(article, records)
            counts = self._counts_of("e.doc_id = ?", [article.id]) if self._has_counts() else None
            if counts is not None:
                self._bump(article.id, 1)
            if self._merging():  # one transaction: an article is stored merged or not at all
                self._attach_article(article, records)
            self._execute("RELEASE SAVEPOINT article")
            if counts is not None:  # written with the transaction's other articles, at its commit
                self._pending().update(counts)
            self.wrote = True
            return True
        except BaseException:
            # a dead connection cannot roll back: the outer rollback (or closing) will do
            with contextlib.suppress(Exception):
                self._execute("ROLLBACK TO SAVEPOINT article")
                self._execute("RELEASE SAVEPOINT article")
            raise

    # -- reading -------------------------------------------------------------

    def query_events(self, type: str | Iterable[str] | None = None, date_from: str | None = None,
                     date_to: str | None = None, country: str | Iterable[str] | None = None,
                     actor: str | Iterable[str] | None = None, claimant: str | Iterable[str] | None = None,
                     mode: str | Iterable[str] | None = None, text: str | None = None,
                     limit: int | None = None, offset: int = 0, *,
                     initiator: str | Iterable[str] | None = None, recipient: str | Iterable[str] | None = None,
                     modality: str | Iterable[str] | None = None, doc_id: str | None = None,
                     background: bool = False, place: str | Iterable[str] | None = None,
                     date_precision: str | Iterable[str] | None = None,
                     order: str | None = None) -> Iterator[dict[str, Any]]:
        """Event records (``Event.as_dict()`` shape) matching every given filter.

        - ``type``, ``mode``: any of the PLOVER types / modes of the event;
        - ``date_from``, ``date_to`` (YYYY, YYYY-MM or YYYY-MM-DD): the event's date
          range overlaps the asked range (undated events are then left out);
        - ``country``: alpha-2, alpha-3 or name; matches the event place's country
          or the country of an actor or recipient;
        - ``actor`` (either party: actor or recipient), ``initiator`` (PLOVER actor
          only), ``recipient``, ``claimant``: words contained in the mention text or
          canonical name, case-insensitively; or, accent-insensitively and in any order,
          the words of a stored mention (which brings every event of its canonical name)
          or of any registry alias in French or English ("Guérassimov", "defense russe");
        - ``place``: the place's name as stored, or any gazetteer name of it ("Alep");
        - ``date_precision``: day, week, month, ..., publication;
        - ``text``: words found in the event's sentences or in its article
          (full-text search; every word must occur);
        - ``modality``, ``doc_id``: exact;
        - ``background``: also events told as history (``"background": true``), left out by default.
        A list for a filter means "any of these". Ordered by date, undated last, unless
        ``order`` names another order (``_query.ORDERS``: "date", "-date" newest first, ...).
        """
        filters = {"type": type, "date_from": date_from, "date_to": date_to, "country": country,
                   "actor": actor, "claimant": claimant, "mode": mode, "text": text,
                   "initiator": initiator, "recipient": recipient, "modality": modality, "doc_id": doc_id,
                   "background": background, "place": place, "date_precision": date_precision}
        where, params = self._where(filters, page=limit is not None)
        page, page_params = _query.paging(limit, offset, self.unlimited)
        order_sql = _query.order_by(order)
        if limit is None:  # an export: one pass, streamed
            sql = f"SELECT e.record FROM events e {where} {order_sql} {page}"
        else:
            # a page: the ids first, sorted and skipped on an index, then only the page's records
            # (sorting the records themselves read every matching event's JSON: list p99 1.4 s)
            key = self.row_key
            sql = (f"SELECT e.record FROM events e JOIN (SELECT e.{key} AS k FROM events e {where} {order_sql}"
                   f" {page}) p ON e.{key} = p.k {order_sql}")
        return self._iter_json(sql, [*params, *page_params])

    def _iter_json(self, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
        # Streamed in chunks so that exporting a large store keeps memory flat.
        try:
            cursor = self._execute(sql, params)
            while rows := cursor.fetchmany(500):
                for (record,) in rows:
                    yield json.loads(record)
        except self.db_errors as exc:
            raise self._error("query events", exc) from exc

    def count_events(self, **filters: Any) -> int:
        """How many events ``query_events(**filters)`` would yield (without paging)."""
        filters.pop("order", None)
        counted = self.counted(filters)
        try:
            if counted is not None:
                sql = f"SELECT COALESCE(SUM(c.n), 0) FROM facet_counts c WHERE c.facet = 'all' AND {counted[0]}"
                return int(self.cached_rows(sql, counted[1])[0][0])
            where, params = self._where(filters)
            return int(self.cached_rows(f"SELECT COUNT(*) FROM events e {where}", params)[0][0])
        except self.db_errors as exc:
            raise self._error("count events", exc) from exc

    def _where(self, filters: dict[str, Any], page: bool = False) -> _query.Clause:
        if not filters.get("background") and self._has_background_column() and not self._background_events():
            filters = {**filters, "background": True}  # none to leave out: no condition to check per row
        return _query.where_clause(filters, self._text_clause, self._match_party, self._match_place,
                                   background_column=self._has_background_column(),
                                   single_typed=bool(filters.get("type")) and self._single_typed(), page=page)

    def _background_events(self) -> bool:
        """Whether any stored event is history told in passing (needs migration 0005's column)."""
        return bool(self._cached("background", lambda: self._execute(
            "SELECT 1 FROM events WHERE background = 1 LIMIT 1").fetchone()))

    def _single_typed(self) -> bool:
        """No stored event has two PLOVER types (then a type filter reads the event_type index)."""
        if self._has_counts():
            return not self._execute("SELECT multi_typed FROM store_state WHERE id = 1").fetchone()[0]
        return not self._cached("multi-typed", lambda: self._execute(
            "SELECT 1 FROM events WHERE event_types LIKE ? LIMIT 1", ["% %"]).fetchone())

    def _has_background_column(self) -> bool:
        """Whether migration 0005 gave events their ``background`` column (a read-only server
        may serve an older store: it then reads the flag from the records, slower)."""
        if "_background_column" not in self.__dict__:
            try:
                self.__dict__["_background_column"] = self.schema_version() >= 5
            except self.db_errors:
                self.__dict__["_background_column"] = False
        return bool(self.__dict__["_background_column"])

    def _stamp(self) -> tuple[Any, ...]:
        """Changes when events are added or deleted: cached search values are then read again.

        From migration 0006 on, the store's own change counter (``store_state``: a random token
        per database and a number every write bumps), one row read. Before it, the event count
        and SQLite's highest rowid: a scan of an index (10 ms on 100,000 events), and the count
        alone misses an article deleted and re-extracted into as many events, which the rowid
        catches unless that article was the last one stored."""
        if self._has_counts():
            return tuple(self._execute("SELECT token, changes FROM store_state WHERE id = 1").fetchone())
        sql = "SELECT COUNT(*), MAX(rowid) FROM events" if self.dialect == "sqlite" else "SELECT COUNT(*) FROM events"
        return tuple(self._execute(sql).fetchone())

    def _cached(self, key: Any, read: Any) -> Any:
        if self._has_counts():  # a stamp unique to this database: shared by every connection to it
            return self._remember(("cached", key), read, copy=False)
        cache: dict[Any, Any] = self.__dict__.setdefault("_search_cache", {})
        stamp = self._stamp()
        if key not in cache or cache[key][0] != stamp:
            cache[key] = (stamp, read())
        return cache[key][1]

    def cached_rows(self, sql: str, params: list[Any]) -> list[Any]:
        """The rows of a read-only aggregate query, remembered until the store changes.

        Counts and facets over a large share of the store cost tens of milliseconds each and
        are asked again and again with the same filters (every page of a list counts the same
        events); at most _RESULTS_CACHED results are kept, the oldest dropped first."""
        return list(self._remember((sql, tuple(params)), lambda: self._execute(sql, params).fetchall()))

    def _remember(self, key: Any, read: Any, copy: bool = True) -> Any:
        # shared by the connections of one process to the same database (a server's threads);
        # what a writer reads inside its transaction is not kept (it may yet be rolled back)
        stamp = self._stamp()
        with _RESULTS_LOCK:
            results = _RESULTS.setdefault(self.url, {})
            if results.get("stamp") != stamp:
                results.clear()
                results["stamp"] = stamp
            if key in results:
                return results[key]
        value = read()
        if not self._in_transaction:
            with _RESULTS_LOCK:
                if results.get("stamp") == stamp:
                    if len(results) > _RESULTS_CACHED:
                        del results[next(k for k in results if k != "stamp")]
                    results[key] = value
        return value

    def _match_party(self, roles: tuple[str, ...], value: str) -> _search.PartyMatch | None:
        """The stored texts and names a typed party value stands for (chronique.store._search)."""
        role_sql = ", ".join("?" for _ in roles)
        pairs = self._cached(("parties", roles), lambda: self._execute(
            f"SELECT DISTINCT text_lc, name_lc FROM event_actors WHERE role IN ({role_sql})", roles).fetchall())
        return _search.match_parties(value, pairs)

    def _match_place(self, value: str) -> list[str]:
        """The stored place names a typed place stands for: its words, or a gazetteer name of it."""
        stored = self._cached("places", lambda: [r[0] for r in self._execute(
            "SELECT DISTINCT place FROM events WHERE place IS NOT NULL").fetchall()])
        try:
            from ..geo.gazetteer import Gazetteer, cache_path

            # only a gazetteer already built: a query never waits the half minute of a build
            names = [c.name for c in Gazetteer.load().candidates(value)[:20]] if cache_path().exists() else []
        except Exception:  # noqa: BLE001 - without a gazetteer, the stored names still match
            names = []
        return _search.match_values(value, stored, names)

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One event record by id, or None."""
        row = self._execute("SELECT record FROM events WHERE id = ?", (event_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def get_article(self, article_id: str) -> Article | None:
        """One article by id, or None."""
        cols = ", ".join(_rows.ARTICLE_COLUMNS)
        row = self._execute(f"SELECT {cols} FROM articles WHERE id = ?", (article_id,)).fetchone()
        return _rows.article_from_row(row) if row else None

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article, in id order (read in batches, so memory stays flat)."""
        cols = ", ".join(_rows.ARTICLE_COLUMNS)
        last: str | None = None
        while True:
            if last is None:
                rows = self._execute(f"SELECT {cols} FROM articles ORDER BY id LIMIT ?", (batch,)).fetchall()
            else:
                rows = self._execute(f"SELECT {cols} FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                                     (last, batch)).fetchall()
            if not rows:
                return
            for row in rows:
                yield _rows.article_from_row(row)
            last = rows[-1][0]

    def article_sources(self) -> dict[str, str]:
        """Article id -> who published it (outlet, else the URL's host), for ACLED's ``source`` column."""
        rows = self._execute("SELECT id, outlet, url FROM articles WHERE outlet IS NOT NULL OR url IS NOT NULL")
        sources = {}
        for article_id, outlet, url in rows.fetchall():
            host = urlsplit(url).hostname if url else None
            name = outlet or (host.removeprefix("www.") if host else None)
            if name:
                sources[article_id] = name
        return sources

    def stats(self) -> dict[str, Any]:
        """Counts: articles, events, events by type, events lacking a date or a place, date span."""
        try:
            one = lambda sql: self._execute(sql).fetchone()
            by_type = self._execute("SELECT event_type, COUNT(*) FROM events GROUP BY event_type"
                                    " ORDER BY COUNT(*) DESC, event_type").fetchall()
            by_lang = self._execute("SELECT lang, COUNT(*) FROM articles GROUP BY lang ORDER BY lang").fetchall()
            span = one("SELECT MIN(date_lo), MAX(date_hi) FROM events")
            return {
                "articles": int(one("SELECT COUNT(*) FROM articles")[0]),
                "events": int(one("SELECT COUNT(*) FROM events")[0]),
                "events_by_type": {t or "": int(n) for t, n in by_type},
                "events_without_date": int(one(
                    "SELECT COUNT(*) FROM events WHERE date IS NULL OR date_precision = 'publication'")[0]),
                "events_without_place": int(one(
                    "SELECT COUNT(*) FROM events WHERE country IS NULL AND geonameid IS NULL AND lat IS NULL")[0]),
                "articles_by_lang": {lang or "": int(n) for lang, n in by_lang},
                "date_range": [span[0], span[1]],
                "schema_version": self.schema_version(),
            }
        except self.db_errors as exc:
            raise self._error("compute statistics", exc) from exc
