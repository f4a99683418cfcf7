"""Precomputed counts in the store: written with the events, read by facets and list totals.

Mixed into ``Store`` (uses its ``_execute``, ``schema_version`` and transactions), as
``MergedEvents`` is. What the rows are and which queries they answer is in ``_counts``;
this module keeps them: an article's events add their rows to the open transaction's
pending counts once its savepoint is released, a delete takes them away, ``Store._commit``
writes the sums (``_add_counts``) and ``Store._rollback`` drops them; migration 0006 fills
them from the events already stored (``_fill_counts``) with the same code.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from . import _counts
from ._query import Clause

__all__ = ["CountedEvents"]


class CountedEvents:
    """Migration 0006's ``facet_counts`` and ``store_state`` for ``Store``."""

    def _has_counts(self) -> bool:
        """Whether migration 0006's precomputed counts (chronique.store._counts) exist here."""
        if "_counts_table" not in self.__dict__:
            try:
                self.__dict__["_counts_table"] = self.schema_version() >= _counts.MIGRATION
            except self.db_errors:
                self.__dict__["_counts_table"] = False
        return bool(self.__dict__["_counts_table"])

    def counted(self, filters: dict[str, Any]) -> Clause | None:
        """The condition on precomputed count rows (``facet_counts c``) that answers ``filters``,
        or None when the events must be read (chronique.store._counts.plan)."""
        if not self._has_counts() or self.__dict__.get("_pending_counts"):
            return None  # a writer inside its transaction: its counts are not written yet
        given = {k: v for k, v in filters.items() if k != "order" and v not in (None, "", [], False)}
        return _counts.plan(given, single_typed=bool(given.get("type")) and self._single_typed())

    def _counts_of(self, where: str, params: list[Any]) -> Counter[_counts.Key]:
        """The count rows of the events matching ``where``, and how much each adds."""
        events = self._execute(_counts.EVENT_SQL.format(where=where), params).fetchall()
        return _counts.contributions(events, self._parties_of([r[0] for r in events]))

    def _pending(self) -> Counter[_counts.Key]:
        """Counts the open transaction adds (or, negative, takes away); written by ``_commit``."""
        pending: Counter[_counts.Key] = self.__dict__.setdefault("_pending_counts", Counter())
        return pending

    def _parties_of(self, ids: list[str]) -> list[Any]:
        """(event id, role, name, country) of the parties of events ``ids`` (PARTY_SQL)."""
        rows: list[Any] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            rows += self._execute(_counts.PARTY_SQL.format(ids=", ".join("?" for _ in chunk)), chunk).fetchall()
        return rows

    def _fill_counts(self) -> None:
        """Count every stored event (migration 0006, inside its transaction), a batch at a time."""
        total: Counter[_counts.Key] = Counter()
        last = ""
        while True:
            events = self._execute(_counts.EVENT_SQL.format(where="e.id > ? ORDER BY e.id LIMIT 5000"),
                                   [last]).fetchall()
            if not events:
                break
            total.update(_counts.contributions(events, self._parties_of([r[0] for r in events])))
            last = events[-1][0]
        self._add_counts(total)

    def _add_counts(self, counts: Counter[_counts.Key]) -> None:
        """Add ``counts`` (negative: take away) to the stored rows; rows falling to 0 go."""
        rows = [(*key, n) for key, n in counts.items() if n]
        cols = "facet, value, value2, dim, key, key2, n"
        for i in range(0, len(rows), 100):  # a hundred rows a statement: far fewer round trips
            chunk = rows[i:i + 100]
            values = ", ".join("(?, ?, ?, ?, ?, ?, ?)" for _ in chunk)
            self._execute(f"INSERT INTO facet_counts ({cols}) VALUES {values}"
                          " ON CONFLICT (facet, dim, key, key2, value, value2)"
                          " DO UPDATE SET n = facet_counts.n + excluded.n",
                          [v for row in chunk for v in row])
        if any(n < 0 for *_, n in rows):
            self._execute("DELETE FROM facet_counts WHERE n <= 0")

    def _bump(self, doc_id: str, sign: int) -> None:
        """Count one more change of the events (in the open transaction): every cache is then stale;
        and the events of two types that article ``doc_id`` adds (sign 1) or takes away (-1)."""
        self._execute("UPDATE store_state SET changes = changes + 1, multi_typed = multi_typed + ? *"
                      " (SELECT COUNT(*) FROM events WHERE doc_id = ? AND event_types LIKE ?) WHERE id = 1",
                      [sign, doc_id, "% %"])
