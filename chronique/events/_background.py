"""History told in passing: events dated only by a decade or century, or far from the
publication ("En 1995, l'attentat d'Oklahoma City…" in a report of 2020), are flagged
``background`` and left out of the store's default views and exports (issue 13).

Two readings decide it: the date (a decade or century only; more than ``OLD_DAYS`` before
the publication; outside [publication - PAST_YEARS, publication + FUTURE_YEARS]) and, for
acts a few weeks to a year old, the trained detector reading the words as history told in
passing (``told_as_background``) — "après le traité dénoncé en 2018" against "a dénoncé jeudi"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence, Set

from ..model import Event

__all__ = ["FUTURE_YEARS", "OLD_DAYS", "PAST_YEARS", "RECENT_DAYS", "flag_background"]

PAST_YEARS, FUTURE_YEARS = 5, 1  # a current report's window around its publication
OLD_DAYS = 365  # an act that ended more than a year before the report is history told in passing
RECENT_DAYS = 31  # within a month of the report an act is news, whatever its wording
_VAGUE = frozenset({"decade", "century"})


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def flag_background(events: Sequence[Event], dct: str | None, told: Set[str] = frozenset()) -> None:
    """Set ``background`` on events dated by a decade or century only, ended more than
    ``OLD_DAYS`` before the publication, outside [publication - PAST_YEARS, publication +
    FUTURE_YEARS], or ended more than ``RECENT_DAYS`` before it and in ``told`` (the ids of
    events the detector read as history told in passing)."""
    ref = _day(dct)
    for ev in events:
        if ev.date_precision in _VAGUE:
            ev.background = True
            continue
        lo, hi = _day(ev.date), _day(ev.enddate) or _day(ev.date)
        if ref is None or lo is None or hi is None:
            continue
        if hi < ref.replace(year=ref.year - PAST_YEARS, day=min(ref.day, 28)) \
                or lo > ref.replace(year=ref.year + FUTURE_YEARS, day=min(ref.day, 28)):
            ev.background = True
        elif (ref - hi).days > OLD_DAYS or (ev.id in told and (ref - hi).days > RECENT_DAYS):
            ev.background = True
