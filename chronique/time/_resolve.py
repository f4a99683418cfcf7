"""From rule matches to TIMEX3 values, anchored on the publication date or the text."""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..model import Timex
from . import _calendar as cal
from ._match import Match
from ._values import TIME_UNITS, Out, ValueMixin
from .lexicon import Lexicon, norm_word

_APPOSITION = re.compile(r"[,—–\-\"«»“”]")
_CLAUSE_STOP = re.compile(r"[.!?\n,;:()]")
_TENSE_SLACK = 30  # days a date may lie on the "wrong" side of the base date despite the tense

class Resolver(ValueMixin):
    """Values the matches of one text in reading order, tracking the last day named."""

    def __init__(self, text: str, lex: Lexicon, base: dt.date | None, base_anchor: str | None) -> None:
        self.text = text
        self.lex = lex
        self.base = base
        self.base_anchor = base_anchor
        self.ref: dt.date | None = None  # last specific day mentioned in the text
        self.last_begin: dt.date | None = None  # start of the last date of any grain ("in 2017")
        self.prev: tuple[Match, Out] | None = None
        self._clause_stops: list[int] | None = None

    # -- helpers -----------------------------------------------------------------

    def _around(self, m: Match, stops: list[int]) -> str:
        """Text between the stop positions on either side of a match, without the match."""
        i = bisect.bisect_left(stops, m.start)
        lo = stops[i - 1] + 1 if i else 0
        j = bisect.bisect_left(stops, m.end)
        hi = stops[j] if j < len(stops) else len(self.text)
        return self.text[lo:m.start] + " " + self.text[m.end:hi]

    def clause(self, m: Match) -> str:
        """The clause around a match (between commas or sentence ends), without the match."""
        if self._clause_stops is None:
            self._clause_stops = [x.start() for x in _CLAUSE_STOP.finditer(self.text)]
        return self._around(m, self._clause_stops)

    def tense_way(self, m: Match) -> str:
        """How to place a date without year: after the base date in future clauses or
        after a forward preposition ("reporté au 7 novembre"), before it in past
        clauses, else the closest occurrence."""
        if self.forward(m) or (self.lex.future and self.lex.future.search(self.clause(m))):
            return "future"
        # past tense is read in the clause only: "avant de quitter ses fonctions le
        # 30 octobre, le général l'a rappelé" speaks of a coming date in a past sentence
        if self.lex.past and self.lex.past.search(self.clause(m)):
            return "past"
        return "nearest"

    def forward(self, m: Match) -> bool:
        """Whether the words just before the match look forward ("jusqu'au", "until")."""
        before = norm_word(self.text[max(0, m.start - 20):m.start])
        return any(before.endswith(" " + p) or before == p
                   for p in self.lex.tables.get("forward_prepositions", {}))

    def direction(self, m: Match) -> str | None:
        """'past', 'next' or 'this' from the match's direction word, if any."""
        if m.get("this"):
            return "this"
        return self.lex.lookup("directions", m.get("dir"))

    def text_ref(self) -> tuple[dt.date | None, str | None]:
        """Reference for expressions anchored in the text: last day named, else the base date."""
        if self.ref is not None:
            return self.ref, "text"
        return self.base, self.base_anchor

    def year_of(self, m: Match) -> int | None:
        """Explicit (or borrowed) year of a match: 4 digits, or 2 digits read near the base."""
        if m.get("year"):
            return int(m.get("year") or 0)
        if m.get("year2"):
            yy = int((m.get("year2") or "").lstrip("'’"))
            pivot = ((self.base.year if self.base else 2000) + 10) % 100
            return (2000 if yy <= pivot else 1900) + yy
        return m.borrowed.get("year")

    def part_code(self, m: Match) -> str | None:
        return self.lex.lookup("parts_of_day", m.get("part"))

    def day_out(self, day: dt.date, m: Match, anchor: str | None) -> Out:
        """A day, made a TIME with a part of day or clock time when the match has one."""
        part = self.part_code(m)
        if m.get("hour"):
            hh, mm = int(m.get("hour") or 0), int(m.get("minute") or 0)
            return Out("TIME", f"{day.isoformat()}T{hh:02d}:{mm:02d}", day, day, "day", anchor, day)
        if part:
            return Out("TIME", f"{day.isoformat()}T{part}", day, day, "day", anchor, day)
        return Out("DATE", day.isoformat(), day, day, "day", anchor, day)

    def unit_value(self, day: dt.date, unit: str, m: Match) -> Out | None:
        """The calendar unit (day, week, weekend, month, quarter, year...) holding ``day``."""
        if unit == "D":
            return self.day_out(day, m, None)
        if unit in ("W", "WE"):
            lo, hi = cal.week_interval(*day.isocalendar()[:2])
            value = cal.week_value(day)
            if unit == "WE":
                return Out("DATE", value + "-WE", hi - dt.timedelta(days=1), hi, "week")
            return Out("DATE", value, lo, hi, "week")
        if unit == "M":
            lo, hi = cal.month_interval(day.year, day.month, self.lex.lookup("positions", m.get("pos")))
            return Out("DATE", f"{day.year}-{day.month:02d}", lo, hi, "month")
        if unit == "Q":
            q = (day.month - 1) // 3 + 1
            lo, hi = cal.quarter_interval(day.year, q)
            return Out("DATE", f"{day.year}-Q{q}", lo, hi, "quarter")
        if unit == "Y":
            lo, hi = cal.year_interval(day.year, self.lex.lookup("positions", m.get("pos")))
            return Out("DATE", str(day.year), lo, hi, "year")
        if unit == "DE":
            d0 = day.year // 10 * 10
            return Out("DATE", str(d0 // 10), dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31), "decade")
        if unit == "CE":
            c0 = day.year // 100 * 100
            return Out("DATE", str(c0 // 100), dt.date(c0, 1, 1), dt.date(c0 + 99, 12, 31), "century")
        return None

    # -- the pass ----------------------------------------------------------------

    def coordinate(self, matches: list[Match]) -> None:
        """Lend year and month of a date to the dates coordinated before it.

        'le 19 novembre et le 2 décembre 2015', 'les 6 et 13 avril', 'du 18 au
        23 décembre': the first date takes what it lacks from the next one.
        """
        for i in range(len(matches) - 2, -1, -1):
            a, b = matches[i], matches[i + 1]
            if a.kind not in ("date", "date_partial") or b.kind not in ("date", "date_partial", "month"):
                continue
            if not self.lex.links["coordination"].fullmatch(self.text[a.end:b.start]):
                continue
            b_month = self.lex.lookup("months", b.get("month")) or b.borrowed.get("month")
            b_year = self.year_of(b)
            if a.kind == "date_partial" and b_month:
                a.borrowed["month"] = b_month
            a_month = self.lex.lookup("months", a.get("month")) or a.borrowed.get("month")
            if self.year_of(a) is None and b_year is not None and a_month and b_month:
                a.borrowed["year"] = b_year - 1 if a_month > b_month else b_year
            if b.get("dir") and not a.get("dir"):
                a.groups["dir"] = b.get("dir") or ""

    def run(self, matches: list[Match]) -> list[Timex]:
        """Timex records for the matches, in text order."""
        self.coordinate(matches)
        out: list[Timex] = []
        done: list[tuple[Match, Out]] = []
        for m in matches:
            handler = getattr(self, "do_" + m.kind)
            res: Out | None = handler(m)
            if res is None:
                continue
            if res.day is not None and res.type in ("DATE", "TIME"):
                self.ref = res.day
            if res.begin is not None and res.type == "DATE":
                self.last_begin = res.begin
            if out and self.prev and res.precision == "day" and self.is_range(self.prev[0], m):
                first = out[-1]
                if first.begin and res.finish and first.begin <= res.finish.isoformat():
                    first.finish, first.precision = res.finish.isoformat(), "range"
            if done and done[-1][0].kind in ("time", "clock", "part") and res.type == "DATE" \
                    and not done[-1][0].get("this") and res.day is not None \
                    and self.links_time_to_day(self.text[done[-1][0].end:m.start]):
                # "Vers 0 h 40, jeudi": the clock time belongs to the day named right after it.
                first = out[-1]
                first.value = res.day.isoformat() + first.value[first.value.index("T"):]
                first.begin = first.finish = res.day.isoformat()
                first.anchor = res.anchor
            out.append(Timex(m.start, m.end, self.text[m.start:m.end], res.type, res.value,
                             res.begin.isoformat() if res.begin else None,
                             res.finish.isoformat() if res.finish else None,
                             res.precision, res.anchor))
            self.prev = (m, res)
            done.append((m, res))
        return out

    def is_apposition(self, between: str) -> bool:
        """Whether only a comma, dash or 'soit'-like word separates two expressions."""
        words = _APPOSITION.sub(" ", between).split()
        rest = " ".join(words)
        return not rest or bool(self.lex.lookup("apposition_words", rest))

    def links_time_to_day(self, between: str) -> bool:
        """Whether a clock time and the day after it form one reference ("9 p.m. on Monday")."""
        words = between.replace(",", " ").split()
        return len(words) <= 1 and all(self.lex.lookup("time_day_links", w) for w in words)

    def is_range(self, a: Match, b: Match) -> bool:
        """'du 18 au 23 décembre', 'between 18 and 23 December': a opens a range b closes."""
        if a.kind not in ("date", "date_partial") or b.kind not in ("date", "date_partial"):
            return False
        if a.range_next:
            return True
        return bool(self.lex.links["range_link"].fullmatch(self.text[a.end:b.start])
                    and self.lex.links["range_open"].search(self.text[max(0, a.start - 12):a.start]))

    # -- handlers, one per rule kind ---------------------------------------------

    def _resolve_day(self, m: Match, day: int, month: int) -> tuple[dt.date | None, str | None]:
        year = self.year_of(m)
        anchor = None
        if year is None:
            if self.base is None:
                return None, None
            d = self.direction(m)
            way = {"past": "past", "next": "future"}.get(d or "")
            slack = 0 if way else _TENSE_SLACK
            year = cal.choose_year(self.base, month, day, way or self.tense_way(m), slack)
            anchor = self.base_anchor
            weekday = self.lex.lookup("weekdays", m.get("weekday"))
            if weekday:
                # "lundi 6 septembre": the weekday tells which year is meant
                base_year = self.base.year
                fits = [y for y in range(base_year - 1, base_year + 2)
                        if (c := cal.safe_date(y, month, day)) and c.isoweekday() == weekday]
                if fits and year not in fits:
                    year = min(fits, key=lambda y: abs(y - base_year))
        return cal.safe_date(year, month, day), anchor

    def do_date(self, m: Match) -> Out | None:
        raw = m.get("day") or ""
        day = self.lex.lookup("day_words", raw) or int("".join(ch for ch in raw if ch.isdigit()) or 0)
        month = (self.lex.lookup("months", m.get("month")) or m.borrowed.get("month")
                 or int(m.get("monthnum") or 0))
        if not month or not day:
            return None
        date, anchor = self._resolve_day(m, int(day), int(month))
        if date is None:
            if self.year_of(m) is None and self.base is None:
                return Out("DATE", f"XXXX-{int(month):02d}-{int(day):02d}")
            return None
        return self.day_out(date, m, anchor)

    do_date_partial = do_date

    def do_month(self, m: Match) -> Out | None:
        month = self.lex.lookup("months", m.get("month"))
        if not month:
            return None
        year = self.year_of(m)
        anchor = None
        if year is None:
            if self.base is None:
                return Out("DATE", f"XXXX-{month:02d}")
            d = self.direction(m)
            way = {"past": "past", "next": "future"}.get(d or "")
            slack = 0 if way else _TENSE_SLACK
            year = cal.choose_year(self.base, month, None, way or self.tense_way(m), slack)
            anchor = self.base_anchor
        lo, hi = cal.month_interval(year, month, self.lex.lookup("positions", m.get("pos")))
        return Out("DATE", f"{year}-{month:02d}", lo, hi, "month", anchor)

    def do_year(self, m: Match) -> Out | None:
        year = self.year_of(m)
        if year is None:
            return None
        lo, hi = cal.year_interval(year, self.lex.lookup("positions", m.get("pos")))
        return Out("DATE", str(year), lo, hi, "year")

    def do_weekday(self, m: Match) -> Out | None:
        wd = self.lex.lookup("weekdays", m.get("weekday"))
        base, anchor = (self.text_ref() if m.get("same") else (self.base, self.base_anchor))
        if base is None:
            return Out("DATE", f"XXXX-WXX-{wd}")
        d = self.direction(m)
        if d == "past":
            way = "past"
        elif d == "next":
            way = "future"
        elif d == "this":
            way = "nearest"
        else:
            way = "future_or_same" if self.tense_way(m) == "future" else "past_or_same"
        return self.day_out(cal.weekday_near(base, int(wd), way), m, anchor)

    def do_night(self, m: Match) -> Out | None:
        """'la nuit de vendredi à samedi': TIMEX3 values the night by its first day (the Friday's
        TNI, TimeBank's convention), and its interval spans both days: what happened 'in the night
        of Friday to Saturday' is dated Friday by one report and Saturday by another."""
        res = self.do_weekday(m)
        if res is None or res.begin is None:
            return res
        res.finish, res.precision = res.begin + dt.timedelta(days=1), "range"
        return res

    def do_relday(self, m: Match) -> Out | None:
        offset = self.lex.lookup("relative_days", m.get("relday"))
        if self.base is None:
            return Out("DATE", "PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF"))
        return self.day_out(self.base + dt.timedelta(days=int(offset)), m, self.base_anchor)

    def do_relpart(self, m: Match) -> Out | None:
        offset, part = self.lex.lookup("relative_parts", m.get("relpart"))
        if self.base is None:
            return Out("TIME", f"T{part}")
        day = self.base + dt.timedelta(days=int(offset))
        return Out("TIME", f"{day.isoformat()}T{part}", day, day, "day", self.base_anchor, day)

    def do_time(self, m: Match) -> Out | None:
        hh, mm = int(m.get("hour") or 0), int(m.get("minute") or 0)
        ampm = (m.get("ampm") or "").lower().replace(".", "")
        if m.get("dpart") and self.lex.lookup("evening_parts", m.get("dpart")):
            ampm = "pm"  # "3 h de l'après-midi", "8 o'clock in the evening"
        if ampm == "pm" and hh < 12:
            hh += 12
        elif ampm == "am" and hh == 12:
            hh = 0
        day, anchor = self.text_ref()
        stamp = f"T{hh:02d}:{mm:02d}"
        if day is None:
            return Out("TIME", "XXXX-XX-XX" + stamp)
        return Out("TIME", day.isoformat() + stamp, day, day, "day", anchor)

    def do_clock(self, m: Match) -> Out | None:
        hhmm = self.lex.lookup("clock_words", m.get("clock"))
        day, anchor = self.text_ref()
        if day is None:
            return Out("TIME", f"XXXX-XX-XXT{hhmm}")
        return Out("TIME", f"{day.isoformat()}T{hhmm}", day, day, "day", anchor)

    def do_part(self, m: Match) -> Out | None:
        code = self.part_code(m)
        if m.get("this") and not (m.get("same") or m.get("same2")):
            day, anchor = self.base, self.base_anchor
        else:
            day, anchor = self.text_ref()
        if day is None:
            return Out("TIME", f"XXXX-XX-XXT{code}")
        return Out("TIME", f"{day.isoformat()}T{code}", day, day, "day", anchor)

    def do_unit_this(self, m: Match) -> Out | None:
        unit = self.lex.lookup("calendar_units", m.get("unit"))
        if m.get("that"):
            day, anchor = self.text_ref()
        else:
            day, anchor = self.base, self.base_anchor
        if day is None or unit is None:
            return None
        if unit == "WE" and not m.get("that") and day.isoweekday() < 5 and self.tense_way(m) != "future":
            day -= dt.timedelta(days=7)  # "ce week-end" read on a Tuesday in the past tense
        res = self.unit_value(day, unit, m)
        if res:
            res.anchor = anchor
        return res

    def _shifted_unit(self, m: Match, day: dt.date | None, anchor: str | None, sign: int) -> Out | None:
        unit = self.lex.lookup("calendar_units", m.get("unit"))
        if day is None or unit is None:
            return None
        step = "W" if unit == "WE" else unit
        step = "M" if step == "Q" else step
        amount = 3 * sign if unit == "Q" else sign
        res = self.unit_value(cal.shift(day, amount, step), unit, m)
        if res:
            res.anchor = anchor
        return res

    def do_unit_dir(self, m: Match) -> Out | None:
        d = self.direction(m)
        sign = {"past": -1, "next": 1}.get(d or "", 0)
        return self._shifted_unit(m, self.base, self.base_anchor, sign)

    def do_unit_text(self, m: Match) -> Out | None:
        sign = -1 if self.lex.lookup("directions", m.get("tdir")) == "past" else 1
        # "in 2017 ... the previous year": counted from the last date named, whatever its grain
        day, anchor = (self.last_begin, "text") if self.last_begin else self.text_ref()
        return self._shifted_unit(m, day, anchor, sign)

    def do_unit_pos(self, m: Match) -> Out | None:
        d = self.direction(m)
        sign = {"past": -1, "next": 1}.get(d or "", 0)
        return self._shifted_unit(m, self.base, self.base_anchor, sign)

    def do_quarter(self, m: Match) -> Out | None:
        n = self.lex.lookup("ordinals", m.get("ordinal"))
        year = self.year_of(m) or (self.base.year if self.base else None)
        half = norm_word(m.get("qunit") or "") in ("semestre", "half")
        if n is None or year is None:
            return None
        if n == -1:
            n = 2 if half else 4
        if half and n in (1, 2):
            lo = dt.date(year, 1 if n == 1 else 7, 1)
            hi = cal.add_months(lo, 5).replace(day=cal.last_day(year, lo.month + 5))
            return Out("DATE", f"{year}-H{n}", lo, hi, "quarter")
        if not half and 1 <= n <= 4:
            lo, hi = cal.quarter_interval(year, n)
            return Out("DATE", f"{year}-Q{n}", lo, hi, "quarter")
        return None

    def _offset(self, m: Match, day: dt.date, anchor: str | None, sign: int) -> Out | None:
        amount, code = self.amount(m)
        if amount is None or code is None or amount == "X" or code in TIME_UNITS:
            return None
        target = cal.shift(day, sign * float(amount), code)
        gran = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "Y", "CE": "Y"}[code]
        res = self.unit_value(target, gran, Match(m.start, m.end, m.rule, m.order))
        if res:
            res.anchor = anchor
        return res

    def do_offset(self, m: Match) -> Out | None:
        sign = int(self.lex.lookup("relations", m.get("rel")) or 0)
        anaphoric = self.lex.lookup("anaphoric_relations", m.get("rel"))
        if not anaphoric and self.prev and self.prev[1].precision == "day" and self.prev[1].day is not None \
                and self.is_apposition(self.text[self.prev[0].end:m.start]):
            # "Le 21 décembre, deux jours avant la rencontre": the offset restates the date.
            same = self.prev[1].day
            return Out("DATE", same.isoformat(), same, same, "day", "text", same)
        day, anchor = self.text_ref()
        if day is None:
            return None
        return self._offset(m, day, anchor, sign)

    def do_ago(self, m: Match) -> Out | None:
        if self.base is None:
            return Out("DATE", "PAST_REF")
        return self._offset(m, self.base, self.base_anchor, -1)

    def do_shift(self, m: Match) -> Out | None:
        offset = self.lex.lookup("shifts", m.get("shift"))
        day, anchor = self.text_ref()
        if day is None:
            return None
        return self.day_out(day + dt.timedelta(days=int(offset)), m, anchor)

    def do_season(self, m: Match) -> Out | None:
        code = self.lex.lookup("seasons", m.get("season"))
        year = self.year_of(m)
        d = self.direction(m)
        anchor = None
        if year is None:
            if d is None and self.lex.data.get("bare_season") == "generic":
                return Out("DATE", f"XXXX-{code}")
            if self.base is None:
                return Out("DATE", f"XXXX-{code}")
            anchor = self.base_anchor
            year = self.base.year
            if code == "WI" and self.base.month <= 2:
                year -= 1
            lo, hi = cal.season_interval(year, code)
            while d == "past" and hi >= self.base:
                year -= 1
                lo, hi = cal.season_interval(year, code)
            while d == "next" and lo <= self.base:
                year += 1
                lo, hi = cal.season_interval(year, code)
        lo, hi = cal.season_interval(year, code)
        return Out("DATE", f"{year}-{code}", lo, hi, "season", anchor)
