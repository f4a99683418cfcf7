"""The event store: SQLite by default, PostgreSQL for a shared server.

    >>> from chronique.store import open_store
    >>> store = open_store("chronique.db")
    >>> store.add(article, events)          # False if already stored
    >>> list(store.query_events(type="ASSAULT", country="SY", date_from="2015-12"))

Only this package writes SQL. Exports of query results are in ``chronique.export``.
"""

from __future__ import annotations

from ._open import open_store, store_exists
from .base import Store
from .migrate import Migration, latest_version, load_migrations
from .postgres import PostgresStore
from .sqlite import SQLiteStore

__all__ = ["Migration", "PostgresStore", "SQLiteStore", "Store", "latest_version", "load_migrations", "open_store",
           "store_exists"]
