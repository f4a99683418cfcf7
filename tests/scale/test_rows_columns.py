"""The Spark job's rows have the columns of the store's articles and of the Parquet export."""

from __future__ import annotations

import json

from chronique import scale
from chronique.errors import FormatError, StoreError
from chronique.export import summary
from chronique.model import Actor, Article, Event
from chronique.scale._rows import INTEGER_COLUMNS, article_row, error_row, event_row
from chronique.store import _rows as store_rows


def _event() -> Event:
    return Event(id="e1", doc_id="d1", event=["ASSAULT"], mode=["aerial"],
                 actor=[Actor(text="les forces russes", name="Russian Armed Forces", country="RUS", sector="MIL")],
                 date="2015-12-22", date_precision="day",
                 event_loc={"text": "Raqqa", "name": "Ar Raqqah", "geonameid": 172955, "lat": 35.95,
                            "lon": 39.01, "country_code": "SY", "precision": "city"},
                 dead=12, event_text=["Les forces russes ont frappé Raqqa."], lang="fr")


def test_rows_article_columns_are_the_stores() -> None:
    assert scale.ARTICLE_COLUMNS == store_rows.ARTICLE_COLUMNS
    art = Article(id="d1", text="Texte.", title="Titre", published="2015-12-24", lang="fr", source="f:1")
    assert article_row(art, "2026-01-01T00:00:00+00:00") == store_rows.article_row(art, "2026-01-01T00:00:00+00:00")


def test_rows_event_columns_are_the_parquet_exports() -> None:
    assert scale.EVENT_COLUMNS == (*summary({}).keys(), "record")
    assert INTEGER_COLUMNS <= set(scale.EVENT_COLUMNS)


def test_rows_event_row_holds_summary_and_record() -> None:
    event = _event()
    row = dict(zip(scale.EVENT_COLUMNS, event_row(event)))
    record = event.as_dict()
    assert json.loads(row["record"]) == record
    assert row["geonameid"] == 172955 and row["dead"] == 12 and row["injured"] is None
    flat = summary(record)
    for column in scale.EVENT_COLUMNS[:-1]:
        expected = flat[column]
        if column not in INTEGER_COLUMNS and expected is not None:
            expected = str(expected)
        assert row[column] == expected, column


def test_rows_event_row_keeps_integer_columns_integral() -> None:
    record = _event().as_dict() | {"dead": "7", "size": 2.0, "injured": "many"}
    row = dict(zip(scale.EVENT_COLUMNS, event_row(record)))
    assert (row["dead"], row["size"], row["injured"]) == (7, 2, None)


def test_rows_error_row_names_where_and_class() -> None:
    assert error_row(FormatError("a.jsonl:3", "malformed")) == ("a.jsonl:3", "FormatError", "a.jsonl:3: malformed")
    assert error_row(StoreError("boom"), where="doc9") == ("doc9", "StoreError", "boom")
