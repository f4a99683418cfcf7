"""open_store: which URL opens what."""

from __future__ import annotations

import pytest

import chronique.store as store_pkg
from chronique.errors import StoreError
from chronique.store import SQLiteStore, open_store


def test_open_default_is_chronique_db_in_cwd(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    store = open_store()
    assert isinstance(store, SQLiteStore)
    store.close()
    assert (tmp_path / "chronique.db").exists()


def test_open_sqlite_url_forms(tmp_path, monkeypatch, make_article):
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel/x.db") as s:
        s.add(make_article(1), [])
    assert (tmp_path / "rel" / "x.db").exists()
    with open_store(f"sqlite:///{tmp_path}/abs.db") as s:  # sqlite:////abs/path
        assert s.stats()["articles"] == 0
    assert (tmp_path / "abs.db").exists()
    with open_store(str(tmp_path / "rel" / "x.db")) as s:
        assert s.has("doc1", None)


@pytest.mark.parametrize("url", [":memory:", "sqlite://"])
def test_open_memory(url, make_article):
    with open_store(url) as s:
        assert s.add(make_article(1), [])
        assert s.stats()["articles"] == 1


def test_open_unknown_scheme_or_bad_file_raises_store_error(tmp_path):
    with pytest.raises(StoreError, match="unknown database URL"):
        open_store("mysql://localhost/db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        open_store(str(junk))


def test_two_connections_see_each_others_commits(tmp_path, make_article):
    path = str(tmp_path / "shared.db")
    writer, reader = open_store(path), open_store(path)
    writer.add(make_article(1), [])
    assert reader.has("doc1", None)
    writer.close()
    reader.close()


def test_package_exports_its_public_names():
    for name in store_pkg.__all__:
        assert hasattr(store_pkg, name), name


def test_open_postgres_without_psycopg_says_how_to_install(monkeypatch):
    monkeypatch.setattr("chronique.store.postgres.psycopg", None)
    with pytest.raises(StoreError, match=r"pip install 'psycopg\[binary\]'"):
        open_store("postgresql://user:secret@localhost:1/db")


def test_postgres_errors_do_not_show_the_password():
    from chronique.store.postgres import _redact

    assert _redact("postgresql://user:secret@host:5432/db") == "postgresql://user@host:5432/db"
    assert _redact("postgresql://host/db") == "postgresql://host/db"
