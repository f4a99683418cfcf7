"""One Store per server thread, opened lazily and closed when the app stops.

A Store is one database connection and connections are not shared between
threads (Starlette runs the synchronous endpoints in a thread pool).
"""

from __future__ import annotations

import threading
from pathlib import Path

from ..errors import StoreError
from ..store import Store, open_store

__all__ = ["StorePool", "check_database"]

_MEMORY = (":memory:", "sqlite://", "sqlite:///:memory:")


def _sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL)."""
    if url.startswith(("postgresql://", "postgres://")):
        return None
    return Path(url.removeprefix("sqlite:///")).expanduser()


def check_database(url: str, read_only: bool) -> None:
    """Fail early, with a hint, when the app could not serve ``url``.

    An in-memory database would be a different, empty one in every thread;
    a read-only app must not create a database that does not exist.
    """
    if url in _MEMORY:
        raise StoreError(f"{url}: an in-memory database cannot be served (each thread would see its own): "
                         "give a file path or a postgresql:// URL")
    path = _sqlite_path(url)
    if read_only and path is not None and not path.is_file():
        raise StoreError(f"{path}: no such database: fill one first with `chronique ingest INPUT --db {path}`")


class StorePool:
    """Hands each thread its own Store on ``url``."""

    def __init__(self, url: str, read_only: bool = True) -> None:
        self.url = url
        self.read_only = read_only
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Store] = []

    def get(self) -> Store:
        """This thread's Store (opened on first use)."""
        store = getattr(self._local, "store", None)
        if store is None:
            # read-only: never migrate (that would write); the database must already be there
            store = open_store(self.url, migrate=not self.read_only)
            conn = getattr(store, "conn", None)  # SQLite only; a PostgreSQL role should be read-only itself
            if self.read_only and conn is not None:
                conn.execute("PRAGMA query_only = ON")  # SQLite refuses every write on this connection
            self._local.store = store
            with self._lock:
                self._open.append(store)
        return store

    def close(self) -> None:
        """Close every Store opened by any thread."""
        with self._lock:
            stores, self._open = self._open, []
        for store in stores:
            try:
                store.close()
            except StoreError:
                pass  # closing at shutdown: nothing left to save
