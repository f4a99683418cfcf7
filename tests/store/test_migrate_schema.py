"""Numbered migrations: fresh databases, upgrades of old ones, optional features."""

from __future__ import annotations

import sqlite3

import pytest

from chronique.errors import StoreError
from chronique.store import Migration, SQLiteStore, latest_version, load_migrations, open_store
from chronique.store import migrate as migrate_module


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_migrations_are_numbered_without_gaps(dialect):
    migrations = load_migrations(dialect)
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert latest_version(dialect) == len(migrations) >= 1
    assert all(m.sql.strip() for m in migrations)


def test_fresh_database_is_at_latest_version_with_expected_tables(tmp_path):
    store = open_store(str(tmp_path / "new.db"))
    assert store.schema_version() == latest_version("sqlite")
    tables = {r[0] for r in store._execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "events", "event_actors", "schema_migrations"} <= tables
    assert store._execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    # opening again applies nothing
    assert store.migrate() == []
    store.close()


def test_old_database_is_upgraded_and_keeps_its_data(tmp_path, make_article, make_event):
    path = str(tmp_path / "old.db")
    old = open_store(path, migrate=False)
    assert old.migrate(target=1) == [1]
    assert not old.has_fts
    old.add(make_article(1, text="Les frappes ont visé Raqqa."), [make_event("doc1")])
    # without FTS tables, text search falls back to LIKE
    assert [r["id"] for r in old.query_events(text="raqqa")] == ["doc1-e0"]
    old.close()

    upgraded = open_store(path)
    assert upgraded.schema_version() == latest_version("sqlite")
    assert upgraded.has_fts
    # the FTS migration indexed the rows stored before it
    assert [r["id"] for r in upgraded.query_events(text="raqqa")] == ["doc1-e0"]
    assert [r["id"] for r in upgraded.query_events(text="frappé")] == ["doc1-e0"]
    assert upgraded.get_event("doc1-e0") == make_event("doc1").as_dict()
    upgraded.close()


def test_database_newer_than_code_is_refused(tmp_path):
    path = str(tmp_path / "future.db")
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="upgrade chronique"):
        open_store(path)


def test_optional_migration_is_skipped_when_feature_missing(tmp_path, monkeypatch):
    # An optional step needing a module this SQLite lacks, as FTS5 is on some builds.
    fake = (*load_migrations("sqlite")[:1],
            Migration(2, "fts", "CREATE VIRTUAL TABLE t USING nosuch_fts5 (a);", optional="fts5"))
    monkeypatch.setattr(migrate_module, "load_migrations", lambda dialect: fake)
    monkeypatch.setattr("chronique.store.base.load_migrations", lambda dialect: fake)
    monkeypatch.setattr("chronique.store.base.latest_version", lambda dialect: 2)
    store = SQLiteStore(str(tmp_path / "nofts.db"))
    assert store.schema_version() == 2
    assert store.skipped_migrations() == ["fts"]
    assert not store.has_fts
    store.close()


def test_failing_migration_rolls_back_and_names_itself(tmp_path, monkeypatch):
    fake = (*load_migrations("sqlite")[:1],
            Migration(2, "broken", "CREATE TABLE extra (a INTEGER);\nTHIS IS NOT SQL;"))
    monkeypatch.setattr("chronique.store.base.load_migrations", lambda dialect: fake)
    monkeypatch.setattr("chronique.store.base.latest_version", lambda dialect: 2)
    path = str(tmp_path / "broken.db")
    with pytest.raises(StoreError, match="0002_broken"):
        SQLiteStore(path)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()[0] == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchone() is None
    conn.close()


def test_postgres_old_database_is_upgraded_and_searchable(pg_url, make_article, make_event):
    old = open_store(pg_url, migrate=False)
    assert old.migrate(target=1) == [1]
    old.close()
    # a version-1 database filled by an older chronique (no FTS tables yet)
    from chronique.store.postgres import PostgresStore

    legacy = PostgresStore(pg_url, migrate=False)
    legacy._index_text = lambda article, records: None  # type: ignore[method-assign]
    legacy.add(make_article(1, text="Les frappes ont visé Raqqa."), [make_event("doc1")])
    legacy.close()
    upgraded = open_store(pg_url)
    assert upgraded.schema_version() == latest_version("postgresql")
    assert [r["id"] for r in upgraded.query_events(text="raqqa")] == ["doc1-e0"]
    assert upgraded.get_event("doc1-e0") == make_event("doc1").as_dict()
    upgraded.close()


def test_migrate_schema_list_order_index_and_statistics(tmp_path) -> None:
    """Migration 0003 adds the list-order index; closing a store that wrote refreshes statistics."""
    import sqlite3

    from chronique.model import Article
    from chronique.store import open_store

    db = tmp_path / "s.db"
    with open_store(str(db)) as store:
        store.add(Article(id="a", text="Le maire a rencontré le préfet."), [])
    con = sqlite3.connect(db)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "events_list_order" in names
    stats = {r[0] for r in con.execute("SELECT tbl FROM sqlite_stat1")}
    assert "articles" in stats


def test_background_events_are_left_out_of_default_queries(tmp_path, make_article, make_event):
    store = open_store(str(tmp_path / "bg.db"))
    old = make_event("doc1")
    old.background = True
    store.add(make_article(1, text="En 1995, un attentat a frappé Oklahoma City."), [old])
    assert list(store.query_events()) == []
    assert store.count_events() == 0
    assert [r["id"] for r in store.query_events(background=True)] == [old.id]
    assert store.get_event(old.id)["background"] is True
    store.close()
