"""An ingest interrupted anywhere leaves every article stored whole and once."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from chronique.store import open_store

REPO = Path(__file__).resolve().parents[2]
N_EVENTS = 40  # many events per article: a kill very likely lands inside a transaction

_CHILD = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {repo!r})
    from chronique.model import Actor, Article, Event
    from chronique.store import open_store

    store = open_store({db!r})
    for n in range({n_articles}):
        article = Article(id=f"doc{{n}}", text=f"Texte {{n}} " * 50, title=f"Titre {{n}}")
        if store.has(article.id, article.content_hash):
            continue  # what makes a restart cheap
        events = [Event(id=f"doc{{n}}-e{{k}}", doc_id=article.id, event=["ASSAULT"],
                        actor=[Actor(text="armée", name="Army", country="FRA", sector="MIL")],
                        event_text=["phrase " * 40])
                  for k in range({n_events})]
        if {batched}:
            stored = store.add_many([(article, events)]) == 1
        else:
            stored = store.add(article, events)
        if stored:
            print(n, flush=True)
    """
)


def _check_whole(db: str) -> int:
    """Assert every stored article has all its events and parties; return the article count."""
    store = open_store(db)
    try:
        ids = [a.id for a in store.iter_articles()]
        for article_id in ids:
            events = list(store.query_events(doc_id=article_id))
            assert len(events) == N_EVENTS, f"{article_id} stored with {len(events)} events"
        n_parties = store._execute("SELECT COUNT(*) FROM event_actors").fetchone()[0]
        assert n_parties == N_EVENTS * len(ids)
        assert store.stats()["articles"] == len(ids) == len(set(ids))
        return len(ids)
    finally:
        store.close()


@pytest.mark.parametrize(("backend", "batched"), [("sqlite", False), ("sqlite", True), ("postgresql", False)])
def test_store_killed_mid_ingest_keeps_whole_articles_and_rerun_completes(request, tmp_path, backend, batched):
    db = str(tmp_path / "killed.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    n_articles = 80
    code = _CHILD.format(repo=str(REPO), db=db, n_articles=n_articles, n_events=N_EVENTS, batched=batched)
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    seen = 0
    deadline = time.monotonic() + 60
    while seen < 10 and time.monotonic() < deadline:  # let some articles commit first
        if not child.stdout.readline():
            break
        seen += 1
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert seen >= 10, "the child stopped before it could be killed"
    stored = _check_whole(db)
    assert seen <= stored < n_articles
    # Re-running the same ingest stores the rest, each article exactly once.
    rerun = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                           check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert len(rerun.stdout.split()) == n_articles - stored
    assert _check_whole(db) == n_articles


def test_keyboard_interrupt_between_adds_loses_only_the_open_batch(store, make_article, make_event):
    def items():
        for n in range(10):
            if n == 7:
                raise KeyboardInterrupt
            yield make_article(n), [make_event(f"doc{n}", k) for k in range(3)]

    with pytest.raises(KeyboardInterrupt):
        store.add_many(items(), batch_size=5)
    # batch 0-4 was committed; 5-6 were in the open batch and are rolled back whole
    assert [a.id for a in store.iter_articles()] == [f"doc{n}" for n in range(5)]
    assert store.stats()["events"] == 15
    # the restart stores the rest exactly once
    assert store.add_many(((make_article(n), [make_event(f"doc{n}", k) for k in range(3)])
                           for n in range(10)), batch_size=5) == 5
    assert store.stats()["events"] == 30


def test_keyboard_interrupt_inside_add_leaves_no_half_article(store, make_article, make_event, monkeypatch):
    store.add(make_article(1), [make_event("doc1")])
    original = store._index_text

    def interrupted(*args, **kwargs):  # after the article and event rows are written
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "_index_text", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.add(make_article(2), [make_event("doc2", k) for k in range(3)])
    monkeypatch.setattr(store, "_index_text", original)
    assert not store.has("doc2", None)
    assert store.get_event("doc2-e0") is None
    assert store.stats()["events"] == 1
    assert store.add(make_article(2), [make_event("doc2", k) for k in range(3)])
    assert store.stats()["events"] == 4
    assert len(list(store.query_events(text="frappé", doc_id="doc2"))) == 3


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_two_concurrent_ingests_of_the_same_articles_store_each_once(request, tmp_path, backend):
    db = str(tmp_path / "twice.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    open_store(db).close()  # schema first, so both writers find it
    n_articles = 40
    code = _CHILD.format(repo=str(REPO), db=db, n_articles=n_articles, n_events=N_EVENTS, batched=False)
    children = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True) for _ in range(2)]
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    # each article was stored by exactly one of the writers (the other skipped it or got False)
    printed = [int(n) for out, _ in outputs for n in out.split()]
    assert sorted(printed) == list(range(n_articles))
    assert _check_whole(db) == n_articles


_CROSSED = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {repo!r})
    from chronique.model import Article, Event
    from chronique.store import open_store

    store = open_store({db!r})
    order = range({n}) if {forward} else range({n} - 1, -1, -1)

    def items():
        for n in order:
            article = Article(id=f"doc{{n}}", text=f"Texte {{n}} " * 50)
            yield article, [Event(id=f"doc{{n}}-e{{k}}", doc_id=article.id, event=["ASSAULT"]) for k in range(5)]

    print(store.add_many(items(), batch_size=50))
    """
)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_batched_writers_in_opposite_orders_do_not_fail(request, tmp_path, backend):
    # Same articles, opposite orders, big batches: on PostgreSQL the two
    # transactions deadlock and the server aborts one, which add_many replays.
    db = str(tmp_path / "crossed.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    open_store(db).close()
    n = 100
    children = [subprocess.Popen([sys.executable, "-c", _CROSSED.format(repo=str(REPO), db=db, n=n, forward=f)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in (True, False)]
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    assert sum(int(out) for out, _ in outputs) == n
    with open_store(db) as store:
        stats = store.stats()
    assert (stats["articles"], stats["events"]) == (n, 5 * n)
