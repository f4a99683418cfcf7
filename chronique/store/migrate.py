"""Numbered schema migrations, kept as ``.sql`` files per SQL dialect.

``chronique/store/migrations/<dialect>/NNNN_name.sql`` are applied in order,
each in its own transaction together with its row in ``schema_migrations``, so
an old database is brought up to date when it is opened and a failed upgrade
leaves it at the last version that succeeded. A file whose first line is
``-- optional: WORD`` needs a database feature (``fts5``) that some builds lack:
when it fails with an error naming WORD it is recorded as skipped instead of
stopping the store (the store then falls back, e.g. to LIKE searches).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Migration", "latest_version", "load_migrations"]

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
_OPTIONAL = re.compile(r"^--\s*optional:\s*(\S+)")


@dataclass(frozen=True)
class Migration:
    """One schema step: ``version`` (from the file name), its SQL, and the feature it may lack."""

    version: int
    name: str
    sql: str
    optional: str | None = None


@cache
def load_migrations(dialect: str) -> tuple[Migration, ...]:
    """Every migration of ``dialect`` ('sqlite' or 'postgresql'), in version order.

    Raises ValueError when two files share a version or a version is missing,
    so a numbering mistake is caught by the tests rather than by a user's database.
    """
    folder = resources.files("chronique.store").joinpath("migrations", dialect)
    found: list[Migration] = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if not match:
            continue
        sql = entry.read_text(encoding="utf-8")
        first = sql.lstrip().splitlines()[0] if sql.strip() else ""
        optional = _OPTIONAL.match(first)
        found.append(Migration(int(match.group(1)), match.group(2), sql,
                               optional.group(1).lower() if optional else None))
    found.sort(key=lambda m: m.version)
    versions = [m.version for m in found]
    if versions != list(range(1, len(found) + 1)):
        raise ValueError(f"migrations of {dialect} must be numbered 0001, 0002, ... without gaps: {versions}")
    return tuple(found)


def latest_version(dialect: str) -> int:
    """The schema version this code writes and reads for ``dialect``."""
    migrations = load_migrations(dialect)
    return migrations[-1].version if migrations else 0
