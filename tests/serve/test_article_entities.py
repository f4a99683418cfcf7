"""The article page's entities: event spans and dates always, every place and actor on demand."""

from __future__ import annotations

from typing import Any


def test_article_entities_default_are_event_spans_and_dates(client: Any) -> None:
    entities = client.get("/articles/a1%2Fmali.txt.json").json()["entities"]
    by_text = {e["text"]: e for e in entities}
    assert by_text["bombardé"]["events"] == ["e1"]
    # no event has the protesters as a party
    assert ("des manifestants", "actor") not in {(e["text"], e["label"]) for e in entities}
    assert any(e["label"] == "date" and e["events"] == [] for e in entities)  # dates no event used


def test_article_entities_analyse_adds_recognised_actors(client: Any, fr_nlp: Any) -> None:
    data = client.get("/articles/a1%2Fmali.txt.json?analyse=1").json()
    by_pair = {(e["text"], e["label"]): e for e in data["entities"]}
    assert by_pair[("des manifestants", "actor")]["events"] == []
    assert ("Mopti", "place") in by_pair and ("bombardé", "trigger") in by_pair  # the events' spans stay
    html = client.get("/articles/a1%2Fmali.txt?analyse=1").text
    assert 'data-labels="actor" title="actor">des manifestants</mark>' in html


def test_article_entities_analyse_obeys_the_pipeline_limits(monkeypatch: Any, fr_nlp: Any) -> None:
    from chronique import _sections, nlp
    from chronique.serve import _article

    parsed: list[tuple[str, int]] = []
    parse = nlp.parse

    def recording_parse(text: str, lang: str, max_sentence_tokens: int = 150) -> Any:
        parsed.append((text, max_sentence_tokens))
        return parse(text, lang, max_sentence_tokens=max_sentence_tokens)

    monkeypatch.setattr(nlp, "parse", recording_parse)
    monkeypatch.setattr(_sections, "SECTION_CHARS", 300)
    monkeypatch.setenv("CHRONIQUE_MAX_SENTENCE_TOKENS", "40")
    text = "\n\n".join(f"Des manifestants ont défilé à Mopti le {d} mars." for d in range(1, 13))

    def recognised() -> tuple[Any, ...]:
        _article._recognised.cache_clear()
        parsed.clear()
        return _article._recognised(text, "fr")

    # a long text is parsed in sections, with the sentence cap of the settings, offsets kept
    marks = recognised()
    assert len(parsed) > 1 and all(len(t) <= 300 and cap == 40 for t, cap in parsed)
    assert "".join(t for t, _ in parsed) == text
    actors = [(s, e) for s, e, label in marks if label == "actor"]
    assert len(actors) == 12 and all(text[s:e] == "Des manifestants" for s, e in actors)
    assert sum(label == "place" and text[s:e] == "Mopti" for s, e, label in marks) == 12
    # the time budget stops it between sections; what was found stays
    monkeypatch.setenv("CHRONIQUE_ARTICLE_TIME_BUDGET", "0.000001")
    marks = recognised()
    assert len(parsed) == 1 and marks and all(e <= len(parsed[0][0]) for _, e, _ in marks)
    # a text over max_article_chars is not parsed at all
    monkeypatch.setenv("CHRONIQUE_MAX_ARTICLE_CHARS", str(len(text) - 1))
    assert recognised() == () and parsed == []
    _article._recognised.cache_clear()
