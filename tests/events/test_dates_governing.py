"""A trigger takes the date hung on it, not one hung on another event word in its phrases."""

from __future__ import annotations


def test_date_inside_the_subject_belongs_to_the_subjects_event(events_of) -> None:
    text = ("Le président Kais Saied, en visite en France lundi, avait rencontré en janvier "
            "des militants de Tataouine.")
    events = events_of(text, "fr", "2020-06-22")
    met = [e for e in events if "CONSULT" in e.event and (e.date or "").startswith("2020-01")]
    visit = [e for e in events if "CONSULT" in e.event and e.date == "2020-06-22"]
    assert met, [(e.event, e.date) for e in events]
    assert visit, [(e.event, e.date) for e in events]
