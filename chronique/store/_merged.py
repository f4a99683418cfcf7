"""Merged events in the store: attach each new article's reports, split, rebuild, query.

Mixed into ``Store``: the SQL of cross-article merging, portable to SQLite and
PostgreSQL. The decisions (copies, features, scores, claims, grades) are in
``chronique.crossmerge``; this module only reads and writes what they need.

At ``add``, inside the article's savepoint (so an article is stored merged or not
at all): its MinHash is compared with stored articles sharing a band (a copy is
recorded with ``copy_of``), then each of its events is scored against the merged
events of its family whose days meet its own (an indexed range), the best pairs
are taken greedily (one report per article in a merged event, never across a
split), and the touched merged events are rebuilt from their reports. Nothing
else is re-read: the cost per article does not grow with the store beyond the
indexed lookups.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from .. import crossmerge
from ..crossmerge._data import settings
from ..errors import StoreError
from ..model import Article
from . import _rows

_MERGED_COLUMNS = ("id", "family", "block_lo", "block_hi", "date_lo", "n_reports", "n_sources", "corroboration",
                   "keys", "record")


@lru_cache(maxsize=4096)
def _parsed_keys(text: str) -> list[dict[str, Any]]:
    """A merged event's report keys as stored (JSON), parsed once: the candidates of consecutive articles
    are mostly the same merged events, and parsing them, with the word sets scoring adds to them
    (``crossmerge.features``), was most of the merge's cost. Keyed by the text, so a merged event
    rebuilt with other reports is parsed anew; about 4 KB each in memory."""
    return json.loads(text)


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


class MergedEvents:
    """Cross-article merging for ``Store`` (uses its ``_execute`` and transactions)."""

    #: Set False to store articles without merging them across articles (``attach_pending`` does it later).
    merge_across: bool = True
    #: Schema version that brought merged events (migration 0004).
    merge_schema = 4
    _merge_ready = False

    def _merging(self) -> bool:
        """Merging is on and this database has its tables (a store opened without migrating may not)."""
        if self.merge_across and not self._merge_ready:
            self._merge_ready = self.schema_version() >= self.merge_schema
        return self.merge_across and self._merge_ready

    # -- at ingest -----------------------------------------------------------

    def _find_copy(self, article: Article) -> tuple[str | None, float | None]:
        """Record the article's MinHash; return (the article it copies, similarity) or (None, None)."""
        sig = crossmerge.signature(article.title, article.text)
        if sig is None:
            return None, None
        bands = sig.bands()
        rows = self._execute(
            f"SELECT DISTINCT m.article_id, m.signature, a.copy_of, a.published FROM article_bands b"
            f" JOIN article_minhash m ON m.article_id = b.article_id JOIN articles a ON a.id = m.article_id"
            f" WHERE b.band IN ({_marks(bands)}) AND b.article_id <> ?", [*bands, article.id]).fetchall()
        best: tuple[float, str] | None = None
        for other_id, other_sig, other_copy_of, other_published in rows:
            sim = crossmerge.similarity(sig, crossmerge.Signature.from_hex(other_sig))
            if crossmerge.is_copy(sim, article.published, other_published) and (best is None or sim > best[0]):
                best = (sim, other_copy_of or other_id)
        self._execute("INSERT INTO article_minhash (article_id, signature) VALUES (?, ?) ON CONFLICT DO NOTHING",
                      (article.id, sig.hex()))
        for band in bands:
            self._execute("INSERT INTO article_bands (band, article_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                          (band, article.id))
        if best is None:
            return None, None
        self._execute("UPDATE articles SET copy_of = ?, copy_similarity = ? WHERE id = ?",
                      (best[1], round(best[0], 3), article.id))
        return best[1], best[0]

    def _attach_article(self, article: Article, records: list[dict[str, Any]],
                        copy_of: str | None = None, find_copy: bool = True) -> None:
        """Attach the reports of a newly stored article to merged events (inside its transaction)."""
        if find_copy:
            copy_of, _ = self._find_copy(article)
        if not records:
            return
        keys = [crossmerge.report_key(r, copy_of or article.id, article.published) for r in records]
        ids = [k["id"] for k in keys]
        banned: dict[str, set[str]] = {}
        for a, b in self._execute(f"SELECT a, b FROM merge_splits WHERE a IN ({_marks(ids)})"
                                  f" OR b IN ({_marks(ids)})", [*ids, *ids]).fetchall():
            banned.setdefault(a, set()).add(b)
            banned.setdefault(b, set()).add(a)
        margin = settings()["max_span_days"] + 4
        pairs: list[tuple[float, int, str, dict[str, float], str]] = []
        for i, key in enumerate(keys):
            window = crossmerge.candidate_window(key)
            if window is None:
                continue
            earliest = (date.fromisoformat(window[0]) - timedelta(days=margin)).isoformat()
            rows = self._execute(
                "SELECT id, keys FROM merged_events WHERE family = ? AND block_lo >= ? AND block_lo <= ?"
                " AND block_hi >= ?", (key["family"], earliest, window[1], window[0])).fetchall()
            for cluster_id, cluster_keys in rows:
                others = _parsed_keys(cluster_keys)
                if any(o["doc"] == key["doc"] or o["id"] in banned.get(key["id"], ())
                       or not crossmerge.dates_meet(key, o) for o in others):
                    # one report per article in a merged event; never across a split; and the
                    # newcomer's days meet those of *every* report, so that one event cannot
                    # chain day after day through reports that each meet the next
                    continue
                best = None
                for other in others:
                    if not crossmerge.may_tie(key, other):
                        continue
                    same, feats, s = crossmerge.decide(key, other)
                    if same and (best is None or s > best[0]):
                        best = (s, feats, other["id"])
                if best:
                    pairs.append((best[0], i, cluster_id, best[1], best[2]))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        target: dict[int, tuple[str, dict[str, Any] | None]] = {}
        taken: set[str] = set()
        for s, i, cluster_id, feats, other_id in pairs:
            if i in target or cluster_id in taken:
                continue
            target[i] = (cluster_id, {"to": other_id, "score": s, "features": feats})
            taken.add(cluster_id)
        touched = []
        for s, i, cluster_id, feats, other_id in pairs:
            # a report that tells the events of two stored merged events equally well shows that they
            # were one event reported apart (told in an order that hid it): they become one
            if i in target and cluster_id not in taken and self._joinable(target[i][0], cluster_id, banned):
                self._join(target[i][0], cluster_id, {"joined": cluster_id, "via": keys[i]["id"], "to": other_id,
                                                      "score": s, "features": feats})
                taken.add(cluster_id)
        for i, record in enumerate(records):
            cluster_id, why = target.get(i) or (self._free_id(record["id"]), None)
            self._execute("UPDATE events SET cluster_id = ?, attached = ? WHERE id = ?",
                          (cluster_id, json.dumps(why) if why else None, record["id"]))
            touched.append(cluster_id)
        known = {k["id"]: k for k in keys}
        for cluster_id in dict.fromkeys(touched):
            self._refresh_merged(cluster_id, known)

    def _joinable(self, a: str, b: str, banned: dict[str, set[str]]) -> bool:
        """Two merged events may become one: no article in both, no pair split by hand between them."""
        rows = self._execute("SELECT id, doc_id, cluster_id FROM events WHERE cluster_id IN (?, ?)", (a, b)).fetchall()
        side = {cid: [(r_id, doc) for r_id, doc, c in rows if c == cid] for cid in (a, b)}
        if {doc for _, doc in side[a]} & {doc for _, doc in side[b]}:
            return False
        ids_a, ids_b = [r for r, _ in side[a]], [r for r, _ in side[b]]
        if not ids_a or not ids_b:
            return False
        keys = {}
        for cid, row in self._execute("SELECT id, keys FROM merged_events WHERE id IN (?, ?)", (a, b)).fetchall():
            keys[cid] = json.loads(row)
        if len(keys) < 2 or not all(crossmerge.dates_meet(x, y) for x in keys[a] for y in keys[b]):
            return False
        split = self._execute(f"SELECT 1 FROM merge_splits WHERE (a IN ({_marks(ids_a)}) AND b IN ({_marks(ids_b)}))"
                              f" OR (a IN ({_marks(ids_b)}) AND b IN ({_marks(ids_a)})) LIMIT 1",
                              [*ids_a, *ids_b, *ids_b, *ids_a]).fetchone()
        return split is None

    def _join(self, keep: str, gone: str, why: dict[str, Any]) -> None:
        """Move every report of merged event ``gone`` into ``keep`` (its founder says why)."""
        self._execute("UPDATE events SET attached = ? WHERE cluster_id = ? AND attached IS NULL",
                      (json.dumps(why), gone))
        self._execute("UPDATE events SET cluster_id = ? WHERE cluster_id = ?", (keep, gone))
        self._execute("DELETE FROM merged_events WHERE id = ?", (gone,))

    def _free_id(self, wanted: str) -> str:
        """A merged event id: the founding report's own id, unless a merged event already has it."""
        candidate, n = wanted, 1
        while self._execute("SELECT 1 FROM merged_events WHERE id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{wanted}-{n}"
        return candidate

    def _refresh_merged(self, cluster_id: str, known: dict[str, dict[str, Any]] | None = None) -> None:
        """Rebuild one merged event from its reports (removed when it has none left); ``known``: keys
        already made for some of them (the newcomer's), by record id."""
        rows = self._execute(
            "SELECT e.record, e.attached, a.outlet, a.url, a.published, a.copy_of FROM events e"
            " JOIN articles a ON a.id = e.doc_id WHERE e.cluster_id = ?"
            " ORDER BY (e.attached IS NOT NULL), a.published, e.id", (cluster_id,)).fetchall()
        self._execute("DELETE FROM merged_events WHERE id = ?", (cluster_id,))
        if not rows:
            return
        reports, keys = [], []
        for record_json, attached, outlet, url, published, copy_of in rows:
            record = json.loads(record_json)
            host = urlsplit(url).hostname if url else None
            outlet = outlet or (host.removeprefix("www.") if host else None)
            reports.append({"record": record, "attached": json.loads(attached) if attached else None,
                            "outlet": outlet, "published": published, "copy_of": copy_of})
            key = (known or {}).get(record.get("id"))
            if key is None or key["src"] != (copy_of or record.get("doc_id")) or key["published"] != published:
                key = crossmerge.report_key(record, copy_of or record.get("doc_id"), published)
            keys.append(crossmerge.plain(key))
        merged = crossmerge.merged_record(cluster_id, reports)
        windows = [w for w in (crossmerge.candidate_window(k) for k in keys) if w]
        families = {k["family"] for k in keys if crossmerge.candidate_window(k)}
        own = _rows.date_bounds(merged.get("date"))
        row = (cluster_id, families.pop() if len(families) == 1 else None,
               min(w[0] for w in windows) if windows else None, max(w[1] for w in windows) if windows else None,
               own[0] if own else None, len(reports), merged["sources"], merged["corroboration"],
               json.dumps(keys, ensure_ascii=False), json.dumps(merged, ensure_ascii=False))
        self._execute(f"INSERT INTO merged_events ({', '.join(_MERGED_COLUMNS)}) VALUES ({_marks(list(row))})", row)

    def _detach_article(self, article_id: str) -> list[str]:
        """Merged events an article's reports belong to (call before deleting them); drops its MinHash."""
        touched = [r[0] for r in self._execute("SELECT DISTINCT cluster_id FROM events WHERE doc_id = ?"
                                               " AND cluster_id IS NOT NULL", (article_id,)).fetchall()]
        self._execute("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
        self._execute("DELETE FROM article_minhash WHERE article_id = ?", (article_id,))
        return touched

    # -- by hand and in bulk -------------------------------------------------

    def split(self, event_id: str, report_ids: list[str]) -> str:
        """Move reports (article-level record ids) out of merged event ``event_id`` into a new one.

        The moved reports and those left behind are recorded as never to be merged
        again (``merge_splits``), whatever is ingested, deleted or rebuilt later.
        Returns the id of the new merged event. Raises StoreError when a report is
        not one of the event's, or when nothing would be left behind.
        """
        try:
            self._begin()
            current = [r[0] for r in self._execute("SELECT id FROM events WHERE cluster_id = ? ORDER BY id",
                                                   (event_id,)).fetchall()]
            if not current:
                raise StoreError(f"no merged event {event_id!r}: give the id of a merged event "
                                 "(chronique export --format plover shows them)")
            wrong = [r for r in report_ids if r not in current]
            moved = [r for r in current if r in report_ids]
            if wrong or not moved:
                raise StoreError(f"{', '.join(wrong) or 'no report'}: not a report of merged event {event_id!r}; "
                                 f"its reports are {', '.join(current)}")
            kept = [r for r in current if r not in moved]
            if not kept:
                raise StoreError(f"splitting every report out of {event_id!r} changes nothing: name only the "
                                 "reports that tell another event")
            now = _rows.now_iso()
            for a in moved:
                for b in kept:
                    self._execute("INSERT INTO merge_splits (a, b, created_at) VALUES (?, ?, ?)"
                                  " ON CONFLICT DO NOTHING", (a, b, now))
            new_id = self._free_id(moved[0])
            why = json.dumps({"split_from": event_id, "reason": "split by hand"})
            for r in moved:
                self._execute("UPDATE events SET cluster_id = ?, attached = ? WHERE id = ?",
                              (new_id, why if r != moved[0] else None, r))
            if event_id in moved:  # the founding report left: the rest keeps the merged event's id
                self._execute("UPDATE events SET attached = NULL WHERE id = ?", (kept[0],))
            self._refresh_merged(event_id)
            self._refresh_merged(new_id)
            self._commit()
            return new_id
        except self.db_errors as exc:
            self._rollback()
            raise self._error(f"split merged event {event_id!r}", exc) from exc
        except BaseException:
            self._rollback()
            raise

    def attach_pending(self, rebuild: bool = False) -> int:
        """Merge the events not yet attached (a store written before merging existed, or with
        ``merge_across`` off), article by article in publication order; return how many
        articles were merged. ``rebuild`` first forgets every merge (splits by hand are kept)."""
        try:
            self._begin()
            if rebuild:
                self._execute("DELETE FROM merged_events")
                self._execute("UPDATE events SET cluster_id = NULL, attached = NULL")
            pending = [r[0] for r in self._execute(
                "SELECT a.id FROM articles a WHERE EXISTS (SELECT 1 FROM events e WHERE e.doc_id = a.id"
                " AND e.cluster_id IS NULL) OR NOT EXISTS (SELECT 1 FROM article_minhash m"
                " WHERE m.article_id = a.id) ORDER BY a.published, a.id").fetchall()]
            for article_id in pending:
                article = self.get_article(article_id)
                if article is None:
                    continue
                has_sig = self._execute("SELECT 1 FROM article_minhash WHERE article_id = ?",
                                        (article_id,)).fetchone()
                copy_of = None
                if has_sig:
                    row = self._execute("SELECT copy_of FROM articles WHERE id = ?", (article_id,)).fetchone()
                    copy_of = row[0] if row else None
                records = [json.loads(r[0]) for r in self._execute(
                    "SELECT record FROM events WHERE doc_id = ? AND cluster_id IS NULL ORDER BY id",
                    (article_id,)).fetchall()]
                self._attach_article(article, records, copy_of=copy_of, find_copy=not has_sig)
            self._commit()
            return len(pending)
        except self.db_errors as exc:
            self._rollback()
            raise self._error("merge events across articles", exc) from exc
        except BaseException:
            self._rollback()
            raise

    # -- reading -------------------------------------------------------------

    def query_merged(self, sources: int | None = None, corroboration: str | list[str] | None = None,
                     limit: int | None = None, offset: int = 0, **filters: Any) -> Any:
        """Merged event records: those with a report matching every filter of ``query_events``,
        told by at least ``sources`` independent sources, graded one of ``corroboration``.
        Ordered by date, undated last."""
        from . import _query

        where, params = _query.where_clause(filters, self._text_clause)
        extra, extra_params = [], []
        if sources is not None:
            if not isinstance(sources, int) or sources < 1:
                raise StoreError(f"sources={sources!r} must be a positive integer")
            extra.append("c.n_sources >= ?")
            extra_params.append(sources)
        if corroboration:
            grades = [corroboration] if isinstance(corroboration, str) else list(corroboration)
            unknown = [g for g in grades if g not in crossmerge.GRADES]
            if unknown:
                raise StoreError(f"corroboration {', '.join(unknown)!s} is not a grade: use "
                                 f"{', '.join(crossmerge.GRADES)}")
            extra.append(f"c.corroboration IN ({_marks(grades)})")
            extra_params += grades
        page, page_params = _query.paging(limit, offset, self.unlimited)
        sql = (f"SELECT c.record FROM merged_events c WHERE c.id IN (SELECT e.cluster_id FROM events e {where})"
               f"{''.join(' AND ' + x for x in extra)} ORDER BY (c.date_lo IS NULL), c.date_lo, c.id {page}")
        return self._iter_json(sql, [*params, *extra_params, *page_params])

    def get_merged(self, event_id: str) -> dict[str, Any] | None:
        """One merged event record by id, or None."""
        row = self._execute("SELECT record FROM merged_events WHERE id = ?", (event_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def unmerged_count(self) -> int:
        """Stored events not yet attached to a merged event (merging off, or a store from before it)."""
        if self.schema_version() < self.merge_schema:
            return int(self._execute("SELECT COUNT(*) FROM events").fetchone()[0] or 0)
        return int(self._execute("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL").fetchone()[0] or 0)

    def merged_of(self, report_id: str) -> dict[str, Any] | None:
        """The merged event an article-level record (a report) belongs to, or None (not merged yet)."""
        row = self._execute("SELECT c.record FROM events e JOIN merged_events c ON c.id = e.cluster_id"
                            " WHERE e.id = ?", (report_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def merge_stats(self) -> dict[str, Any]:
        """Merged events, how many have several reports / sources, copies found, grades."""
        one = lambda sql: int(self._execute(sql).fetchone()[0] or 0)
        grades = self._execute("SELECT corroboration, COUNT(*) FROM merged_events GROUP BY corroboration"
                               " ORDER BY corroboration").fetchall()
        return {
            "events": one("SELECT COUNT(*) FROM events"),
            "merged_events": one("SELECT COUNT(*) FROM merged_events"),
            "multi_report": one("SELECT COUNT(*) FROM merged_events WHERE n_reports > 1"),
            "multi_source": one("SELECT COUNT(*) FROM merged_events WHERE n_sources > 1"),
            "copies": one("SELECT COUNT(*) FROM articles WHERE copy_of IS NOT NULL"),
            "corroboration": {g: int(n) for g, n in grades},
        }
