"""Turn a database URL into a Store."""

from __future__ import annotations

from pathlib import Path

from ..errors import StoreError
from .base import Store

DEFAULT_URL = "chronique.db"
_MEMORY = ("sqlite://", "sqlite:///:memory:", ":memory:")


def store_exists(url: str | None = None) -> bool:
    """False when ``url`` names a SQLite file that is not there (``open_store`` would create it).

    In-memory and PostgreSQL URLs count as existing: for them, opening is the only test.
    Read-only commands call this first, so that a mistyped path is told, not created empty.
    """
    url = url or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")) or url in _MEMORY:
        return True
    path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else url
    if "://" in path:
        return True  # an unknown scheme: open_store says what is wrong with it
    return Path(path).expanduser().is_file()


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open (creating and upgrading as needed) the store at ``url``.

    ``url`` is a file path (default ``chronique.db``), ``sqlite:///relative.db``,
    ``sqlite:////absolute.db``, ``:memory:`` / ``sqlite://`` (in memory), or
    ``postgresql://user:password@host:port/dbname`` (needs psycopg 3).
    With ``migrate=False`` the schema is neither created nor upgraded.
    """
    url = url or DEFAULT_URL
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore  # imported here: psycopg is optional

        return PostgresStore(url, migrate=migrate)
    from .sqlite import SQLiteStore

    if url in _MEMORY:
        return SQLiteStore(":memory:", migrate=migrate)
    if url.startswith("sqlite:///"):
        return SQLiteStore(url[len("sqlite:///"):], migrate=migrate)
    if "://" in url:
        raise StoreError(f"{url}: unknown database URL: use a file path, sqlite:///path or postgresql://…")
    return SQLiteStore(url, migrate=migrate)
