"""History told in passing: events dated only by a decade or century, or far from the
publication ("En 1995, l'attentat d'Oklahoma City…" in a report of 2020), are flagged
``background`` and left out of the store's default views and exports (issue 13)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..model import Event

__all__ = ["PAST_YEARS", "FUTURE_YEARS", "flag_background"]

PAST_YEARS, FUTURE_YEARS = 5, 1  # a current report's window around its publication
_VAGUE = frozenset({"decade", "century"})


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def flag_background(events: Sequence[Event], dct: str | None) -> None:
    """Set ``background`` on events dated by a decade or century only, or whose dates lie
    outside [publication - PAST_YEARS, publication + FUTURE_YEARS]."""
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
