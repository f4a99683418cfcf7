"""Calendar helpers behind TIMEX3 values."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from chronique.time import _calendar as cal

dates = st.dates(min_value=dt.date(1900, 1, 8), max_value=dt.date(2090, 12, 20))


@given(dates, st.integers(1, 7))
def test_calendar_weekday_near_directions(ref: dt.date, weekday: int) -> None:
    past = cal.weekday_near(ref, weekday, "past")
    future = cal.weekday_near(ref, weekday, "future")
    assert past.isoweekday() == future.isoweekday() == weekday
    assert 1 <= (ref - past).days <= 7 and 1 <= (future - ref).days <= 7
    same = cal.weekday_near(ref, weekday, "past_or_same")
    assert same == ref if ref.isoweekday() == weekday else same == past


@given(dates, st.integers(1, 12), st.integers(1, 28))
def test_calendar_choose_year_respects_direction(ref: dt.date, month: int, day: int) -> None:
    past = dt.date(cal.choose_year(ref, month, day, "past"), month, day)
    future = dt.date(cal.choose_year(ref, month, day, "future"), month, day)
    nearest = dt.date(cal.choose_year(ref, month, day, "nearest"), month, day)
    assert past <= ref <= future
    assert abs((nearest - ref).days) <= 183


def test_calendar_month_thirds_and_leap_years() -> None:
    assert cal.month_interval(2015, 11, "late") == (dt.date(2015, 11, 21), dt.date(2015, 11, 30))
    assert cal.month_interval(2016, 2, "late") == (dt.date(2016, 2, 21), dt.date(2016, 2, 29))
    assert cal.month_interval(2015, 2) == (dt.date(2015, 2, 1), dt.date(2015, 2, 28))


def test_calendar_iso_weeks_and_seasons() -> None:
    assert cal.week_value(dt.date(1999, 7, 9)) == "1999-W27"
    assert cal.week_value(dt.date(2016, 1, 1)) == "2015-W53"
    assert cal.season_interval(2015, "WI") == (dt.date(2015, 12, 1), dt.date(2016, 2, 29))


def test_calendar_shift_clamps_month_ends() -> None:
    assert cal.shift(dt.date(2015, 1, 31), 1, "M") == dt.date(2015, 2, 28)
    assert cal.shift(dt.date(2015, 12, 24), -2, "Y") == dt.date(2013, 12, 24)
    assert cal.shift(dt.date(2015, 12, 24), 0.5, "Y") == dt.date(2016, 6, 24)
