"""Store.add / add_many / has: one transaction per article, nothing stored twice."""

from __future__ import annotations

import pytest

from chronique.errors import StoreError
from chronique.model import Article


def _count(store, table: str) -> int:  # type: ignore[no-untyped-def]
    return store._execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_add_stores_article_events_and_parties(store, make_article, make_event):
    article = make_article(1)
    events = [make_event("doc1", 0), make_event("doc1", 1, event=["PROTEST"], actor=[], recipient=[])]
    assert store.add(article, events) is True
    assert _count(store, "articles") == 1
    assert _count(store, "events") == 2
    # first event: actor + recipient + claimant; second: claimant only
    assert _count(store, "event_actors") == 4
    assert store.get_event("doc1-e0") == events[0].as_dict()
    assert store.get_event("doc1-e1") == events[1].as_dict()


def test_add_same_id_with_another_text_is_an_error_naming_both(store, make_article, make_event):
    first = make_article(1)
    first.source = "day1.jsonl:1"
    assert store.add(first, [make_event("doc1")])
    assert store.add(make_article(1), [make_event("doc1")]) is False  # the same article again
    assert not store.has("doc1", make_article(1, text="Un autre texte, même identifiant.").content_hash)
    again = make_article(1, text="Un autre texte, même identifiant.")
    again.source = "day2.jsonl:7"
    with pytest.raises(StoreError, match=r"'doc1' of day2.jsonl:7 .*different text.*day1.jsonl:1"):
        store.add(again, [make_event("doc1", 5)])
    assert _count(store, "events") == 1
    assert store.get_event("doc1-e5") is None
    assert store.get_article("doc1").text != again.text


def test_add_returns_false_for_same_content_under_another_id(store, make_article, make_event):
    first = make_article(1)
    assert store.add(first, [make_event("doc1")])
    copy = Article(id="mirror", text=first.text, title=first.title)
    assert store.has(None, copy.content_hash)
    assert store.add(copy, [make_event("mirror")]) is False
    assert _count(store, "articles") == 1
    assert store.get_event("mirror-e0") is None


def test_has_by_id_or_hash(store, make_article):
    article = make_article(7)
    assert not store.has(article.id, article.content_hash)
    assert not store.has(None, None)
    store.add(article, [])
    assert store.has(article.id, None)
    assert store.has(None, article.content_hash)
    assert store.has("other-id", article.content_hash)
    assert not store.has("other-id", "0" * 64)


def test_get_article_round_trip_and_iter_articles(store, make_article):
    articles = [make_article(n, url=f"https://ex.org/{n}", outlet="AFP", source=f"in.jsonl:{n}")
                for n in (3, 1, 2)]
    for a in articles:
        store.add(a, [])
    assert store.get_article("doc3") == articles[0]
    assert store.get_article("nope") is None
    assert [a.id for a in store.iter_articles(batch=2)] == ["doc1", "doc2", "doc3"]


def test_add_accepts_event_dicts(store, make_article, make_event):
    record = make_event("doc1").as_dict()
    assert store.add(make_article(1), [record])
    assert store.get_event(record["id"]) == record


def test_add_rejects_event_of_another_article_and_stores_nothing(store, make_article, make_event):
    with pytest.raises(StoreError, match="doc_id"):
        store.add(make_article(1), [make_event("doc1"), make_event("doc2")])
    assert _count(store, "articles") == 0
    assert _count(store, "events") == 0


def test_duplicate_event_id_rejects_whole_second_article(store, make_article, make_event):
    store.add(make_article(1), [make_event("doc1")])
    clash = make_event("doc2", id="doc1-e0")
    with pytest.raises(StoreError, match="doc1-e0"):
        store.add(make_article(2), [make_event("doc2", 1), clash])
    assert not store.has("doc2", None)
    assert store.get_event("doc2-e1") is None
    assert _count(store, "event_actors") == 3
    # the store is still usable after the failure
    assert store.add(make_article(3), [make_event("doc3")])


def test_add_many_counts_new_articles_and_skips_duplicates(store, make_article, make_event):
    items = [(make_article(n), [make_event(f"doc{n}", k) for k in range(3)]) for n in range(10)]
    assert store.add_many(items, batch_size=4) == 10
    assert store.add_many(items, batch_size=4) == 0
    # duplicates inside one batch are caught too
    extra = make_article(99)
    assert store.add_many([(extra, []), (extra, [])], batch_size=10) == 1
    assert _count(store, "articles") == 11
    assert _count(store, "events") == 30


def test_add_many_keeps_good_articles_before_a_bad_one(store, make_article, make_event):
    items = [(make_article(1), [make_event("doc1")]), (make_article(2), [make_event("doc2")]),
             (make_article(3), [make_event("docX")])]
    with pytest.raises(StoreError):
        store.add_many(items, batch_size=100)
    assert store.has("doc1", None) and store.has("doc2", None)
    assert not store.has("doc3", None)


def test_add_many_rejects_bad_batch_size(store):
    with pytest.raises(StoreError, match="batch_size"):
        store.add_many([], batch_size=0)


def test_event_without_id_is_rejected(store, make_article, make_event):
    with pytest.raises(StoreError, match="no id"):
        store.add(make_article(1), [make_event("doc1", id="")])
    assert not store.has("doc1", None)


def test_delete_removes_article_events_parties_and_index(store, make_article, make_event):
    store.add(make_article(1), [make_event("doc1", k) for k in range(2)])
    store.add(make_article(2), [make_event("doc2")])
    assert store.delete("doc1") is True
    assert store.delete("doc1") is False
    assert not store.has("doc1", None)
    assert store.get_event("doc1-e0") is None
    assert _count(store, "event_actors") == 3
    assert [r["id"] for r in store.query_events(text="frappé")] == ["doc2-e0"]
    # deleting makes room to store the article again (re-extraction)
    assert store.add(make_article(1), [make_event("doc1", 7)])
    assert [r["id"] for r in store.query_events(doc_id="doc1")] == ["doc1-e7"]


def test_unencodable_event_is_a_store_error_and_earlier_articles_stay(store, make_article, make_event):
    bad = make_event("doc2").as_dict()
    bad["size"] = object()  # not JSON
    items = [(make_article(1), [make_event("doc1")]), (make_article(2), [bad])]
    with pytest.raises(StoreError, match="doc2"):
        store.add_many(items)
    assert store.has("doc1", None) and not store.has("doc2", None)


def test_article_sources_prefer_outlet_then_url_host(store, make_article):
    store.add(make_article(1, outlet="Le Monde", url="https://www.lemonde.fr/a"), [])
    store.add(make_article(2, url="https://www.reuters.com/world/x"), [])
    store.add(make_article(3), [])
    assert store.article_sources() == {"doc1": "Le Monde", "doc2": "reuters.com"}
