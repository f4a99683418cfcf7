"""Anchoring: publication date, inferred reference date, intervals and precision."""

from __future__ import annotations

from chronique.time import infer_dct, tag


def test_tagger_anchor_dct_for_relative_expressions() -> None:
    (t,) = tag("Il est arrivé hier.", "fr", "2015-12-24T10:30:00+01:00")
    assert (t.value, t.anchor) == ("2015-12-23", "dct")


def test_tagger_anchor_absolute_date_has_no_anchor() -> None:
    (t,) = tag("Il est arrivé le 2 décembre 2015.", "fr", "2016-01-05")
    assert t.anchor is None


def test_tagger_anchor_inferred_when_dct_missing() -> None:
    text = "Le mercredi 23 décembre 2015, les chefs d'état-major se sont rencontrés. La veille, ils avaient dîné. Hier, rien."
    got = tag(text, "fr")
    assert [(t.text, t.value) for t in got] == [
        ("Le mercredi 23 décembre 2015", "2015-12-23"), ("La veille", "2015-12-22"), ("Hier", "2015-12-22")]
    assert got[2].anchor == "inferred"
    assert got[1].anchor == "text"


def test_tagger_anchor_infer_dct_first_full_date() -> None:
    text = "En mai, rien. Puis le 3 juin 2012 et le 4 juillet 2013, deux accords."
    assert infer_dct(text, "fr") == "2012-06-03"
    assert infer_dct("Signed on December 2, 2015 and March 3, 2016.", "en") == "2015-12-02"


def test_tagger_anchor_infer_dct_none_without_full_date() -> None:
    assert infer_dct("Il est arrivé hier, en mai.", "fr") is None
    got = tag("Il est arrivé hier.", "fr")
    assert got[0].anchor is None and got[0].begin is None


def test_tagger_anchor_intervals_per_precision() -> None:
    text = "En 2014, au premier trimestre 2015, en novembre 2015, la semaine dernière, dans les années 1990, au XXe siècle."
    got = {t.text: (t.begin, t.finish, t.precision) for t in tag(text, "fr", "2015-12-24")}
    assert got["2014"] == ("2014-01-01", "2014-12-31", "year")
    assert got["premier trimestre 2015"] == ("2015-01-01", "2015-03-31", "quarter")
    assert got["novembre 2015"] == ("2015-11-01", "2015-11-30", "month")
    assert got["la semaine dernière"] == ("2015-12-14", "2015-12-20", "week")
    assert got["les années 1990"] == ("1990-01-01", "1999-12-31", "decade")
    assert got["XXe siècle"] == ("1900-01-01", "1999-12-31", "century")


def test_tagger_anchor_durations_and_sets_have_no_interval() -> None:
    for t in tag("Pendant deux ans, chaque semaine, il est venu.", "fr", "2015-12-24"):
        assert t.type in ("DURATION", "SET")
        assert (t.begin, t.finish, t.precision) == (None, None, None)


def test_tagger_anchor_unknown_language_falls_back_cleanly() -> None:
    import pytest

    from chronique.errors import ModelError
    with pytest.raises(ModelError, match="no time lexicon"):
        tag("hoy", "es", "2015-12-24")
