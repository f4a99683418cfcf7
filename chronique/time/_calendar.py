"""Calendar arithmetic behind TIMEX3 values: intervals, ISO weeks, seasons, shifts."""

from __future__ import annotations

import calendar
import datetime as dt

# Meteorological seasons: (first month, last month); winter starts in December
# of the year named and ends in February of the next one.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

# Sub-ranges of a month / a year for "début", "mi-", "fin" (early, mid, late).
MONTH_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}


def parse_date(value: str | None) -> dt.date | None:
    """The calendar date at the start of an ISO date or date-time string, if any."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def last_day(year: int, month: int) -> int:
    """Number of days in ``month`` of ``year``."""
    return calendar.monthrange(year, month)[1]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 June)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, last_day(year, month + 1)))


def shift(day: dt.date, amount: float, unit: str) -> dt.date:
    """``day`` moved by ``amount`` units (D, W, M, Y, DE, CE); fractions round to days."""
    if unit == "D":
        return day + dt.timedelta(days=round(amount))
    if unit == "W":
        return day + dt.timedelta(days=round(7 * amount))
    months = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
    if months is None:
        return day
    return add_months(day, round(months * amount))


def month_interval(year: int, month: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    """First and last day of a month, or of its early/mid/late third."""
    first, last = 1, last_day(year, month)
    if part in MONTH_THIRDS:
        lo, hi = MONTH_THIRDS[part]
        first, last = lo, min(hi, last)
    return dt.date(year, month, first), dt.date(year, month, last)


def year_interval(year: int, part: str | None = None) -> tuple[dt.date, dt.date]:
    """First and last day of a year, or of its early/mid/late third."""
    lo, hi = YEAR_THIRDS.get(part or "", (1, 12))
    return dt.date(year, lo, 1), dt.date(year, hi, last_day(year, hi))


def week_interval(year: int, week: int) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of ISO week ``week`` of ``year``."""
    monday = dt.date.fromisocalendar(year, week, 1)
    return monday, monday + dt.timedelta(days=6)


def week_value(day: dt.date) -> str:
    """ISO week value of the week holding ``day``: 1999-W27."""
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def season_interval(year: int, season: str) -> tuple[dt.date, dt.date]:
    """First and last day of a season of ``year`` (winter runs into the next year)."""
    first, last = SEASON_MONTHS[season]
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), dt.date(end_year, last, last_day(end_year, last))


def quarter_interval(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    """First and last day of a quarter."""
    first = 3 * (quarter - 1) + 1
    return dt.date(year, first, 1), dt.date(year, first + 2, last_day(year, first + 2))


def weekday_near(ref: dt.date, weekday: int, direction: str) -> dt.date:
    """The date with ISO ``weekday`` (1=Monday) near ``ref``.

    ``past``: latest strictly before ref; ``future``: earliest strictly after;
    ``past_or_same`` / ``future_or_same`` allow ref itself; ``nearest``: closest.
    """
    delta = weekday - ref.isoweekday()
    back = ref + dt.timedelta(days=(delta % 7) - 7 if delta % 7 else -7)
    ahead = ref + dt.timedelta(days=delta % 7 or 7)
    if direction == "past":
        return back
    if direction == "future":
        return ahead
    if delta == 0:
        return ref
    if direction == "past_or_same":
        return back
    if direction == "future_or_same":
        return ahead
    return back if (ref - back) <= (ahead - ref) else ahead


def choose_year(ref: dt.date, month: int, day: int | None, direction: str, slack: int = 0) -> int:
    """Year of a day/month (or month) written without one, seen from ``ref``.

    ``past`` takes the latest occurrence not after ref, ``future`` the earliest
    not before, ``nearest`` the closest one (same year on ties). ``slack`` days
    let past (future) dates lie that much after (before) ref: a tense is weaker
    evidence than 'dernier' ("prolongé jusqu'au 10 juillet" read on 2 July).
    """
    margin = dt.timedelta(days=slack)
    def point(year: int) -> tuple[dt.date, dt.date]:
        if day is None:
            return month_interval(year, month)
        d = safe_date(year, month, day) or dt.date(year, month, last_day(year, month))
        return d, d

    years = (ref.year - 1, ref.year, ref.year + 1)
    if direction == "past":
        return max(y for y in years if point(y)[0] <= ref + margin)
    if direction == "future":
        return min(y for y in years if point(y)[1] >= ref - margin)

    def distance(year: int) -> int:
        first, last = point(year)
        if first <= ref <= last:
            return 0
        return min(abs((first - ref).days), abs((last - ref).days))

    return min(years, key=lambda y: (distance(y), abs(y - ref.year)))
