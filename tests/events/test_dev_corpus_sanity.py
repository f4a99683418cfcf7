"""On real French news: no current event dated years away from its report, no pandemic toll as a
casualty count (issue 13's date and casualty acceptance, on a seeded sample of the dev corpus;
the whole 4,000 articles are measured with scripts/places_dates_sample.py, figures in the README)."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from chronique.model import Article
from chronique.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "orangesum-fr" / "articles.jsonl"
SAMPLE = 150


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


@pytest.fixture(scope="module")
def processed() -> list:
    if not CORPUS.exists():
        pytest.skip(f"the dev corpus is not at {CORPUS} (../shared beside the repository)")
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8") if line.strip()]
    rows = random.Random(7).sample(rows, SAMPLE)
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"), lang="fr")
            for r in rows]
    return [p for p in Pipeline(lang="fr").run(arts) if p.error is None]


def test_dev_corpus_current_events_are_dated_near_their_report(processed: list) -> None:
    far = []
    for p in processed:
        pub = _day(p.article.published)
        for ev in p.events:
            lo, hi = _day(ev.date), _day(ev.enddate) or _day(ev.date)
            if pub and lo and hi and not ev.background and ((pub - hi).days > 5 * 365 or (lo - pub).days > 366):
                far.append((p.article.id, ev.date, ev.event_text[:1]))
    assert not far
    assert sum(len(p.events) for p in processed) > SAMPLE  # the sample does hold events


def test_dev_corpus_no_toll_of_ten_thousand_on_an_event(processed: list) -> None:
    big = [(p.article.id, ev.event, ev.dead, ev.event_text[:1]) for p in processed for ev in p.events
           if (ev.dead or 0) > 10_000 or (ev.injured or 0) > 10_000]
    assert not big
