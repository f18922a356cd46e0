"""Dates: every stated day, month or year, normalised to ISO, and the main event's day.

`date_expressions` finds the expressions; this module gives each a calendar value.
Absolute ones ("25 April 2019", "December 2017", "in 2011") need nothing else.
Relative ones ("yesterday", "on Thursday", "in May last year", "at the end of
February") resolve against the document's anchor date, the publication date or,
failing that, the event's date; without an anchor they are left out. Durations
("two months", "vier Jahre") are never expressions in the first place.

Direction of weekdays and bare months: news reports mostly look back, so "Wednesday"
is the latest Wednesday on or before the anchor, unless the clause speaks in the future
tense ("will stay ... on Friday"), then it is the next one on or after it. A weekday
later in the anchor's week also points forward when its clause has no past-tense cue,
as the present tense often speaks of the coming days ("Donderdag reist hij door").

A dateline ("SINGAPORE, June 12, 2018 -", "Madrid, 26 de abril de 2023.") dates an
article that states no publication date otherwise. A wire dateline without a year
("LONDON, June 15 (Reuters) -") takes the latest year the text states or implies ("a
year after the talks of February 2023"), moved a year or two on only when that alone
agrees with the weekday of its lead; without any year it dates nothing.

Bare months ("in July") are this year's while still to come, unless their clause is
past; a month already gone is next year's only in the future tense or after "next".

An article with no publication date at all reads its weekdays (and a day without a year)
next to the latest day it reports as news, in its lead or written with its weekday
("Tuesday, 18 September 2018"); "yesterday" stays unknown. Its main day must agree with
the weekday its lead names: a day from elsewhere in the text is more likely an earlier
meeting's, and no day is better than a wrong one.

The main event's day is the day-level value best supported by sentences that report
the meeting (`event_cues.main_event_sentences`) and by the lead sentence with its
dateline, with a bonus when it is the anchor day itself; every expression with that
value is marked `main`.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from datetime import date, timedelta
from typing import Literal, NamedTuple

from ..records import DateFact, Document, Evidence, Sentence
from .outcome_passages import DATELINE as WIRE_DATELINE
from .date_expressions import DateLexicon, Expression, clause_boundary, find_expressions, future_pattern, lexicon
from .date_expressions import elapsed_pattern, next_pattern, normalise, past_pattern, publication_pattern, rules
from .date_expressions import pluperfect_pattern, range_gap_pattern, since_pattern, target_pattern, until_pattern
from .gazetteer import distance_km
from .places import SITE_TYPES
from .event_cues import is_historical, lead_paragraph, lead_sentence, main_event_sentences, mentions_meeting

# Without a publication date, a day and month without a year is read next to the day the
# text reports only this close to it.
STATED_DAY_REACH = 45
# A date this many days after the anchor, with no future tense, is still this year's.
AHEAD_GRACE_DAYS = 7
# A weekday named without tense is the nearest such day: up to this many days ahead.
WEEKDAY_AHEAD_DAYS = 3
# A day and month with its weekday but no year falls on that weekday again within this many
# years (29 February aside); an undated article's is read from the latest year it states on.
WEEKDAY_YEARS = 7
# How many of an article's first lines may carry its dateline.
DATELINE_LINES = 6
# The sentence of a dateline has at least this many words (a shorter one is a cut-off part).
DATELINE_SENTENCE_WORDS = 6
# A line this short below the title is a byline or dateline, not body text.
BYLINE_MAX_CHARS = 100
MAIN_SENTENCE_WEIGHT = 2
FUTURE_MEETING_WEIGHT = 1
# A day this close to the anchor, named in a meeting sentence, is the meeting's day.
RECENT_DAYS = 7
ANCHOR_WEIGHT = 1
# A meeting of several days: its days are reported no further apart than this, and it
# lasts at most this many days (a state visit, a two-day summit).
MEETING_DAYS_APART = 1
MEETING_MAX_DAYS = 3
# A town or venue this far from the main site puts its sentence's days at another event.
ELSEWHERE_KM = 100.0
# The lead sentence (and its dateline) usually reports the main event.
LEAD_WEIGHT = 1
_DAY_LEVEL_KINDS = ("iso", "numeric", "day_month", "month_day")
# A dateline's place (one to four words, the first capitalised), perhaps with its country
# or state ("SOCHI, Russia,"), an optional agency in brackets, a comma and an optional
# short article ("le") before the date.
_DATELINE_PLACE = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?: [\w'’.-]+){0,3}?"
                             r"(?:\s*,\s*[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þ][\w'’.-]*){0,2})?"
                             r"(?:\s*\([^()\n]{1,30}\))?\s*,\s*(?:[a-z]{1,3}\s+)?")
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-]([0-3]\d)(?!\d)")


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when the day does not exist in that month (31 April)."""
    if not 1 <= month <= 12:
        return None
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    return date(year, month, day) if 1 <= day <= last else None


def _clause(text: str, start: int, end: int, boundary: re.Pattern[str], ahead: bool) -> str:
    """The clause around text[start:end], only up to `start` unless `ahead` or the
    expression opens the clause ("Im Mai wird er reisen"); a short opening clause
    ("On Friday,") takes the next one along, where its verb is; a longer one has its own."""
    opening = max((m.end() for m in boundary.finditer(text, 0, start)), default=0)
    closing = boundary.search(text, end)
    stop = closing.start() if closing else len(text)
    opens_clause = len(text[opening:start].split()) <= 2
    alone = closing is not None and len(text[end:closing.start()].split()) <= 1
    if opening == 0 and alone and opens_clause:
        following = boundary.search(text, closing.end())
        return text[opening:start] + text[closing.end():following.start() if following else len(text)]
    return text[opening:stop if ahead or opens_clause else start]


class _Resolver:
    """Gives the expressions of one sentence their values, in order of appearance."""

    def __init__(self, lex: DateLexicon, code: str, anchor: date | None, sentence: Sentence,
                 stated: date | None = None):
        self.lex = lex
        self.code = code
        self.anchor = anchor
        self.sentence = sentence
        # Without an anchor, the latest day the text reports (`_latest_reported_day`): a
        # weekday or a day without a year is the one nearest to it.
        self.stated = stated if anchor is None else None
        self.reference: date | None = None  # the last day named in this sentence or its paragraph
        self.year: int | None = None  # the last year this sentence wrote out
        self.month: tuple[int, int] | None = None  # (year, month) of the last bare month it named

    def clause(self, expr: Expression, ahead: bool = True) -> str:
        local_start = expr.start - self.sentence.start
        local_end = expr.end - self.sentence.start
        return _clause(self.sentence.text, local_start, local_end, clause_boundary(self.code), ahead)

    def future(self, expr: Expression, ahead: bool = True) -> bool:
        """Whether the clause speaks in the future tense; with `ahead` False only the
        words before the expression count ("the envoys recalled in April will return"
        is about a past April)."""
        return bool(future_pattern(self.code).search(self.clause(expr, ahead)))

    def still_to_come(self, expr: Expression) -> bool:
        """Whether the expression dates something the clause announces: the future tense
        before it ("he will meet on Friday"), or anywhere when the expression leads the
        clause ("Today she will receive"); "said on Thursday that they will" reports."""
        local_start = expr.start - self.sentence.start
        opening = max((m.end() for m in clause_boundary(self.code).finditer(self.sentence.text, 0, local_start)),
                      default=0)
        leads = len(self.sentence.text[opening:local_start].split()) <= 1
        return self.future(expr) if leads else bool(
            future_pattern(self.code).search(self.sentence.text[opening:local_start]))

    def past(self, expr: Expression) -> bool:
        """Whether the clause speaks in a past tense ("had", "a été", "llegó")."""
        return bool(past_pattern(self.code).search(self.clause(expr)))

    def tense(self, expr: Expression) -> str | None:
        """"future", "past" or None: the tense of the verb that governs the expression.
        Read before it in its clause ("said on Thursday that they will" is past, "will
        land on 25 October" future; a future auxiliary there wins: "will be completed in
        October"; "since" points back); failing that, the first verb after it in its clause
        ("Boeing on Tuesday delivered"), or in the sentence when it leads its clause ("On
        Friday, he met"); failing that, for a date set off by itself, the last verb before it."""
        local_start = expr.start - self.sentence.start
        boundary = clause_boundary(self.code)
        opening = max((m.end() for m in boundary.finditer(self.sentence.text, 0, local_start)), default=0)
        before = self.sentence.text[opening:local_start]
        if pluperfect_pattern(self.code).search(before):  # "avait été prévu le 30": a plan gone by
            return "past"
        if future_pattern(self.code).search(before) or until_pattern(self.code).search(before):
            return "future"
        if past_pattern(self.code).search(before) or since_pattern(self.code).search(before):
            return "past"
        if len(before.split()) > 1:  # the verb may follow: "Boeing on Tuesday delivered"
            after = self.clause(expr)[len(before):]
        else:  # "Dès dimanche, petits et grands pourront"
            after = self.sentence.text[expr.end - self.sentence.start:]
        found = [(m.start(), tense) for tense, pattern in (("future", future_pattern(self.code)),
                                                          ("past", past_pattern(self.code)))
                 if (m := pattern.search(after))]
        if found or len(before.split()) > 1:
            return min(found)[1] if found else None
        # A date set off by itself ("..., le 21 juin à Lens") takes the tense of the last verb before it.
        earlier = [(m.end(), tense) for tense, pattern in (("future", future_pattern(self.code)),
                                                          ("past", past_pattern(self.code)))
                   for m in pattern.finditer(self.sentence.text, 0, opening)]
        return max(earlier)[1] if earlier else None

    def value(self, expr: Expression) -> str | None:
        resolved = getattr(self, "_" + expr.kind)(expr, expr.parts)
        if resolved is not None and self._sets_year(expr):
            self.year = int(expr.parts["year"])
        if isinstance(resolved, date):
            self.reference = resolved
            return resolved.isoformat()
        return resolved

    def _sets_year(self, expr: Expression) -> bool:
        """A full date or a framing year ("in 2018") dates the rest of the sentence;
        "since 2011", "December 2017" or a year aimed at ("trade should double in 2030")
        do not."""
        if expr.kind in _DAY_LEVEL_KINDS or expr.kind == "bare_year":
            return "year" in expr.parts and (expr.kind != "bare_year" or not self.aimed_at())
        cue = expr.parts.get("cue")
        return (expr.kind == "year" and cue is not None and normalise(cue) in self.lex.year_frame_cues
                and not self.aimed_at())

    def aimed_at(self) -> bool:
        """Whether the sentence speaks of a target or plan ("raise", "verdubbelen", "objectif"):
        its years are aimed at, not when anything happened."""
        return bool(target_pattern(self.code).search(self.sentence.text))

    # -- explicit days
    def _iso(self, expr: Expression, parts: dict) -> date | None:
        return _safe_date(int(parts["year"]), int(parts["month"]), int(parts["day"]))

    def _numeric(self, expr: Expression, parts: dict) -> date | None:
        a, b, year = int(parts["a"]), int(parts["b"]), int(parts["year"])
        readings = {_safe_date(year, *((b, a) if order.startswith("d") else (a, b)))
                    for order in self.lex.numeric_orders}
        readings.discard(None)
        return readings.pop() if len(readings) == 1 else None

    def _day_month(self, expr: Expression, parts: dict) -> date | None:
        month, day = self.lex.month(parts["month"]), int(parts["day"])
        if "year" in parts:
            return _safe_date(int(parts["year"]), month, day)
        if self.year is not None:  # "In 2018, Trump met Putin on July 16"
            return _safe_date(self.year, month, day)
        if self.anchor is None:
            return self._nearest_to_stated(month, day)
        if "relative" in parts:  # "April 27 of last year"
            _, offset = self.lex.relative_periods[normalise(parts["relative"])]
            return _safe_date(self.anchor.year + offset, month, day)
        readings = [found for year in (self.anchor.year - 1, self.anchor.year, self.anchor.year + 1)
                    if (found := _safe_date(year, month, day)) is not None]
        weekday = parts.get("weekday")
        if weekday:  # "jeudi 16 septembre": the year that puts it on that weekday
            agreeing = [d for d in readings if d.weekday() == self.lex.weekdays[normalise(weekday)] - 1]
            readings = agreeing or readings
        modifier = parts.get("after")  # "le 8 mars dernier", "1er septembre prochain"
        direction = self.lex.month_modifiers[normalise(modifier)] if modifier else 0
        tense = "future" if direction > 0 else "past" if direction < 0 else self.tense(expr)
        if tense == "future":
            readings = [d for d in readings if (d - self.anchor).days >= -AHEAD_GRACE_DAYS] or readings
        elif tense == "past":
            readings = [d for d in readings if (d - self.anchor).days <= AHEAD_GRACE_DAYS] or readings
        # Otherwise ("to be held on October 12", "le 30 juin") the nearest such day.
        return min(readings, key=lambda d: (abs((d - self.anchor).days), d), default=None)

    _month_day = _day_month

    # -- months
    def _month_year(self, expr: Expression, parts: dict) -> str:
        self.month = int(parts["year"]), self.lex.month(parts["month"])
        return "%04d-%02d" % self.month

    def _same_period(self, expr: Expression, parts: dict) -> str | None:
        """"the same month a year ago": the month last named in the sentence (else the
        anchor's), that many years before."""
        if self.month is not None:
            year, month = self.month
        elif self.anchor is not None:
            year, month = self.anchor.year, self.anchor.month
        else:
            return None
        return f"{year + self.lex.same_periods[normalise(parts['same'])]:04d}-{month:02d}"

    def _month_relative_year(self, expr: Expression, parts: dict) -> str | None:
        if self.anchor is None:
            return None
        _, offset = self.lex.relative_periods[normalise(parts["relative"])]
        return f"{self.anchor.year + offset:04d}-{self.lex.month(parts['month']):02d}"

    def _month_modified(self, expr: Expression, parts: dict) -> str | None:
        if self.anchor is None:
            return None
        month = self.lex.month(parts["month"])
        direction = self.lex.month_modifiers[normalise(parts["modifier"])]
        year = self.anchor.year
        if direction < 0 and month >= self.anchor.month:
            year -= 1
        elif direction > 0 and month <= self.anchor.month:
            year += 1
        return f"{year:04d}-{month:02d}"

    def _month(self, expr: Expression, parts: dict) -> str | None:
        found = self._month_year_of(expr, parts)
        if found is not None:
            self.month = found
            return "%04d-%02d" % found
        return None

    def _month_year_of(self, expr: Expression, parts: dict) -> tuple[int, int] | None:
        month = self.lex.month(parts["month"])
        if parts.get("listed") and self.month is not None:  # "between April and June": April's year
            year, before = self.month
            return year + (month < before), month
        if self.year is not None:  # "In 2018, ... in March"
            return self.year, month
        if self.anchor is None:
            return None
        # A month still to come this year is this year's unless its clause speaks in a
        # past tense; one already gone is next year's only in the future tense or after
        # a "next" word ("the next round is in March").
        year = self.anchor.year
        if month > self.anchor.month:
            since = (normalise(parts.get("cue", "")) in self.lex.since_words  # "since November"
                     or since_pattern(self.code).search(self.clause(expr, ahead=False)))
            year -= bool(since) or self.past(expr) and not self.future(expr, ahead=False)
        elif month < self.anchor.month:
            coming = not self.past(expr) and bool(next_pattern(self.code).search(self.clause(expr)))
            # "had been planned for late March" speaks of a plan gone by
            planned_before = bool(pluperfect_pattern(self.code).search(self.clause(expr, ahead=False)))
            year += self.future(expr, ahead=False) and not planned_before or coming
        return year, month

    # -- years
    def _year(self, expr: Expression, parts: dict) -> str:
        return parts["year"]

    _bare_year = _year

    def _relative_period(self, expr: Expression, parts: dict) -> str | None:
        if self.anchor is None:
            return None
        phrase = normalise(parts["relative"])
        unit, offset = self.lex.relative_periods.get(phrase) or self.lex.part_periods[phrase]
        part_month = self.lex.period_parts.get(normalise(parts["part"])) if parts.get("part") else None
        if unit == "year":
            year = self.anchor.year + offset
            return f"{year:04d}-{part_month:02d}" if part_month else f"{year:04d}"
        if unit == "month":
            return "%04d-%02d" % _shift_month(self.anchor.year, self.anchor.month, offset)
        monday = self.anchor - timedelta(days=self.anchor.weekday()) + timedelta(weeks=offset)
        sunday = monday + timedelta(days=6)
        same_month = (monday.year, monday.month) == (sunday.year, sunday.month)
        return f"{monday.year:04d}-{monday.month:02d}" if same_month else None

    def _ago(self, expr: Expression, parts: dict) -> date | str | None:
        """"three years ago", "il y a une semaine": counted back from the anchor; "thirty years
        ago today" is the anchor's day that many years back."""
        counted = self._counted(parts, -1)
        if (parts.get("same_day") or parts.get("same_day_before")) and isinstance(counted, str) \
                and len(counted) == 4 and self.anchor is not None:
            year, month = int(counted), self.anchor.month
            return _safe_date(year, month, self.anchor.day) or date(year, month, 28)  # 29 February
        return counted

    def _ahead(self, expr: Expression, parts: dict) -> date | str | None:
        """"dans quatre mois", "in two years": counted forward from the anchor."""
        return self._counted(parts, 1)

    def _counted(self, parts: dict, direction: int) -> date | str | None:
        if self.anchor is None:
            return None
        written = normalise(parts["number"])
        count = direction * (int(written) if written.isdigit() else self.lex.numbers[written])
        unit = self.lex.units[normalise(parts["unit"])]
        if unit == "year":
            return f"{self.anchor.year + count:04d}"
        if unit == "month":
            return "%04d-%02d" % _shift_month(self.anchor.year, self.anchor.month, count)
        return self.anchor + timedelta(days=count * (7 if unit == "week" else 1))

    # -- days relative to the anchor or to the sentence's last day
    def _relative_day(self, expr: Expression, parts: dict) -> date | None:
        if self.anchor is None:  # "yesterday, Wednesday": the weekday it names, if anything places it
            return self._weekday(expr, {"weekday": parts["named"]}) if parts.get("named") else None
        return self.anchor + timedelta(days=self.lex.relative_days[normalise(parts["relative"])])

    def _reference_day(self, expr: Expression, parts: dict) -> date | None:
        base = self.reference or self.anchor
        if base is None:
            return None
        return base + timedelta(days=self.lex.reference_days[normalise(parts["relative"])])

    def _nearest_to_stated(self, month: int, day: int) -> date | None:
        """A day and month with neither year nor anchor: the reading nearest to the day the
        text reports, within STATED_DAY_REACH days of it."""
        if self.stated is None:
            return None
        readings = [found for year in (self.stated.year - 1, self.stated.year, self.stated.year + 1)
                    if (found := _safe_date(year, month, day)) is not None
                    and abs((found - self.stated).days) <= STATED_DAY_REACH]
        return min(readings, key=lambda d: abs((d - self.stated).days), default=None)

    def _weekday(self, expr: Expression, parts: dict) -> date | None:
        weekday = self.lex.weekdays[normalise(parts["weekday"])] - 1
        modifier = parts.get("modifier") or parts.get("after")
        if self.anchor is None:  # "on Wednesday", next to "Tuesday 18 September 2018": the 19th
            if self.stated is None or modifier:
                return None
            days = (weekday - self.stated.weekday()) % 7
            return self.stated + timedelta(days=days if days <= 3 else days - 7)
        direction = self.lex.weekday_modifiers[normalise(modifier)] if modifier else 0
        ahead = (weekday - self.anchor.weekday()) % 7
        if direction:
            forward = direction > 0
        else:  # by the tense of its verb, else the nearest such day ("très faible samedi")
            tense = self.tense(expr)
            forward = tense == "future" or tense is None and ahead <= WEEKDAY_AHEAD_DAYS
        days = ahead if forward else -((self.anchor.weekday() - weekday) % 7)
        if direction and days == 0:
            days = 7 * direction
        return self.anchor + timedelta(days=days)


def _sentence_span(sentences: tuple[Sentence, ...], starts: list[int], start: int, end: int) -> tuple[int, int]:
    """Indices of the first and last sentence an expression touches (usually the same:
    the splitter may cut "am 25. April" after the ordinal's full stop)."""
    return bisect.bisect_right(starts, start) - 1, bisect.bisect_left(starts, end) - 1


def _evidence(text: str, sentences: tuple[Sentence, ...], first: int, last: int) -> Evidence:
    if first == last:
        return sentences[first].evidence()
    start, end = sentences[first].start, sentences[last].end
    return Evidence(text[start:end], start, end)


class _Found(NamedTuple):
    index: int  # of its sentence
    fact: DateFact
    future: bool  # its clause announces it as still to come
    clause: str  # the clause around the expression
    joined: bool = False  # a day of one range or list with the fact before it ("28 y 29 de junio")
    # "le lendemain" opening a paragraph, counted from the anchor for want of a day before
    # it: its offset, to count it from the meeting's day once that is known
    from_main: int | None = None


def _resolved(doc: Document) -> tuple[list[_Found], list[tuple[int, int | None]]]:
    """Every expression with a value, in text order, and the relative days nothing could
    resolve: (sentence index, its weekday 0-6, or None for "yesterday" and the like)."""
    text = doc.article.text
    lex = lexicon(doc.language)
    starts = [s.start for s in doc.sentences]
    facts: list[_Found] = []
    unresolved: list[tuple[int, int | None]] = []
    stated = _latest_reported_day(doc) if doc.anchor is None else None
    resolver: _Resolver | None = None
    gap = range_gap_pattern(doc.language)
    previous_end = -1  # where the expression of the last fact ends
    for expr in find_expressions(text, doc.language):
        first, last = _sentence_span(doc.sentences, starts, expr.start, expr.end)
        if first < 0:
            continue  # before the first sentence: only whitespace can be there
        sentence = doc.sentences[first]
        if resolver is None or resolver.sentence is not sentence:
            # "the day after", "le lendemain" count from the day last named in the paragraph
            same_paragraph = resolver is not None and "\n\n" not in text[resolver.sentence.end:sentence.start]
            reference = resolver.reference if same_paragraph else None
            resolver = _Resolver(lex, doc.language, doc.anchor, sentence, stated)
            resolver.reference = reference
        unreferenced = expr.kind == "reference_day" and resolver.reference is None
        value = resolver.value(expr)
        if value is None and expr.kind in ("weekday", "relative_day"):
            named = expr.parts.get("weekday") or expr.parts.get("named")
            unresolved.append((first, lex.weekdays[normalise(named)] - 1 if named else None))
        if value is not None:
            evidence = _evidence(text, doc.sentences, first, last)
            joined = (len(value) == 10 and bool(facts) and len(facts[-1].fact.value) == 10
                      and previous_end >= 0 and gap.fullmatch(text, previous_end, expr.start) is not None)
            if joined:  # "du 26 juillet au 11 août": the first day is of the year before the second
                facts[-1] = _before(facts[-1], date.fromisoformat(value))
            facts.append(_Found(first, DateFact(value=value, text=text[expr.start:expr.end], main=False,
                                                evidence=(evidence,)), resolver.still_to_come(expr),
                                resolver.clause(expr), joined,
                                lex.reference_days[normalise(expr.parts["relative"])] if unreferenced else None))
            previous_end = expr.end
    return facts, unresolved


def _before(first: _Found, second: date) -> _Found:
    """The first day of a range, in the year that puts it on its second day or less than
    a year before it."""
    day = date.fromisoformat(first.fact.value)
    moved = next((found for year in (second.year, second.year - 1)
                  if (found := _safe_date(year, day.month, day.day)) is not None and found <= second), day)
    if moved == day:
        return first
    return first._replace(fact=DateFact(moved.isoformat(), first.fact.text, first.fact.main, first.fact.evidence))


def _latest_reported_day(doc: Document) -> date | None:
    """The latest full day that an article without a publication date reports as news:
    one in its lead, or one written with its weekday ("Tuesday, 18 September 2018"), as
    the press dates the days of the week it reports; not one announced in the future
    tense, aimed at or in a sentence of history. A day the text names otherwise may be an
    earlier meeting's (None: weekdays are then left unresolved). A day written with its
    weekday but no year ("lundi 4 février") is of the first year, from the latest the
    text states (`text_year`), that puts it on that weekday."""
    lex = lexicon(doc.language)
    starts = [s.start for s in doc.sentences]
    leads = _lead_sentences(doc)
    days = []
    floor: list[int | None] = []  # text_year, found once when a day without a year needs it
    for expr in find_expressions(doc.article.text, doc.language):
        if expr.kind not in _DAY_LEVEL_KINDS or not ("year" in expr.parts or "weekday" in expr.parts):
            continue
        index, _ = _sentence_span(doc.sentences, starts, expr.start, expr.end)
        if index < 0 or not (index in leads or "weekday" in expr.parts):
            continue
        sentence = doc.sentences[index]
        resolver = _Resolver(lex, doc.language, None, sentence)
        if "year" in expr.parts:
            found = getattr(resolver, "_" + expr.kind)(expr, expr.parts)
        else:
            if not floor:
                floor.append(text_year(doc))
            found = _on_weekday(lex.month(expr.parts["month"]), int(expr.parts["day"]),
                                lex.weekdays[normalise(expr.parts["weekday"])] - 1, floor[0])
        if found is None or resolver.tense(expr) == "future" or resolver.aimed_at():
            continue
        named = expr.parts.get("weekday")
        if named and found.weekday() != lex.weekdays[normalise(named)] - 1:
            continue  # a weekday that does not fit its date: a typo, trust neither
        if not is_historical(sentence.text, doc.language, None):
            days.append(found)
    return max(days, default=None)


def _on_weekday(month: int, day: int, weekday: int, floor: int | None) -> date | None:
    """The day and month in the first year from `floor` on that puts it on `weekday`
    (0 = Monday), looking WEEKDAY_YEARS years ahead; None without a floor."""
    if floor is None:
        return None
    return next((found for year in range(floor, floor + WEEKDAY_YEARS)
                 if (found := _safe_date(year, month, day)) is not None and found.weekday() == weekday), None)


def _recent_meeting_day(doc: Document, index: int, value: str) -> bool:
    """A meeting sentence that also names a past year ("met on Thursday, the first summit
    since 2011") is not history when the day it names is close to the anchor."""
    return _near_anchor(doc, value) and mentions_meeting(doc.sentences[index].text, doc.language)


def _lead_sentences(doc: Document) -> frozenset[int]:
    """The lead sentence and a dateline standing as a sentence of its own just above it
    ("Madrid, 26 de abril de 2023.")."""
    lead = lead_sentence(doc)
    if lead is None:
        return frozenset()
    above = doc.sentences[lead - 1] if lead > 0 else None
    if above is not None and dateline_day(doc.article.text, above.start, doc.language) is not None:
        return frozenset((lead - 1, lead))
    return frozenset((lead,))


def _near_anchor(doc: Document, value: str) -> bool:
    return doc.anchor is not None and abs((date.fromisoformat(value) - doc.anchor).days) <= RECENT_DAYS


def _main_day(doc: Document, facts: list[_Found]) -> str | None:
    """The day-level value best supported as the main event's day, or None. A meeting
    still to come ("today she will receive the vice-president") weighs less than one
    reported, and does not earn the anchor day its bonus; one in a town far from the main
    site ("today Biden is in Warsaw, where he meets Duda") is another meeting."""
    away = _sentences_elsewhere(doc) - _sentences_at_main_site(doc)
    reporting = main_event_sentences(doc) - away
    leads = _lead_sentences(doc)
    days_at = sorted(found.index for found in facts if len(found.fact.value) == 10)
    if not leads & set(days_at):  # a lead of colour: the paragraph's first sentence with a day reports
        paragraph = lead_paragraph(doc)
        pluperfect = pluperfect_pattern(doc.language)  # "Kim had arrived on Wednesday": background
        leads |= frozenset(next(([i] for i in days_at
                                 if i in paragraph and not pluperfect.search(doc.sentences[i].text)), []))
    year = doc.anchor.year if doc.anchor else None
    # A wire dateline's day ("WASHINGTON, 19 AGO -") says when the report was filed.
    filed = [_in_wire_dateline(doc, found.index, found.fact) for found in facts]
    other_days = any(len(found.fact.value) == 10 and not in_dateline for found, in_dateline in zip(facts, filed))
    support: Counter[str] = Counter()
    first_report: dict[str, int] = {}  # the first sentence that reports the day as the meeting's
    for (index, fact, future, *_), in_dateline in zip(facts, filed):
        if len(fact.value) != 10:
            continue
        if in_dateline and other_days:
            continue  # when the report was filed; with no other day named, the best guess at the meeting's
        if index in reporting or index not in away and _recent_meeting_day(doc, index, fact.value):
            support[fact.value] += FUTURE_MEETING_WEIGHT if future else MAIN_SENTENCE_WEIGHT
            first_report.setdefault(fact.value, index)
        # The lead reports the main event unless it tells history ("In 2011, ...").
        if index in leads and (_near_anchor(doc, fact.value)
                               or not is_historical(doc.sentences[index].text, doc.language, year)):
            support[fact.value] += LEAD_WEIGHT
            first_report.setdefault(fact.value, index)
    anchor = doc.anchor.isoformat() if doc.anchor else None
    if anchor and any(fact.value == anchor and not future and index not in away
                      and not _in_wire_dateline(doc, index, fact) for index, fact, future, *_ in facts):
        support[anchor] += ANCHOR_WEIGHT
    if not support:
        return None
    # Between equals, the day reported first (a byline's date stamp reports nothing).
    order = {found.fact.value: n for n, found in reversed(list(enumerate(facts)))}
    return min(support, key=lambda value: (-support[value], first_report.get(value, len(doc.sentences)),
                                           order[value]))


def _in_wire_dateline(doc: Document, index: int, fact: DateFact) -> bool:
    """Whether the date stands in an agency dateline opening its sentence ("WASHINGTON, 19 AGO -",
    "LONDON, June 15 (Reuters) -")."""
    text, sentence = doc.article.text, doc.sentences[index]
    match = WIRE_DATELINE.match(text, sentence.start, sentence.end)
    if match is None or not ("(" in match.group() or "," in match.group()):
        return False
    return text.find(fact.text, sentence.start, match.end()) >= 0


def _agrees_with_the_lead(doc: Document, main: str, unresolved: list[tuple[int, int | None]]) -> bool:
    """Whether a main day agrees with the days the lead names but nothing resolved (no
    publication date): its weekday is the lead's "Wednesday"; against a "yesterday" no day
    can be checked. A day that does not agree is another one (an earlier meeting's): no
    day is better than a wrong one."""
    leads = _lead_sentences(doc)
    weekday = date.fromisoformat(main).weekday()
    return all(named == weekday for index, named in unresolved if index in leads)


def _meeting_days(doc: Document, facts: list[_Found], main: str) -> frozenset[str]:
    """The main day and the days next to it that the text reports as the meeting's too: a
    visit that opens with a dinner on Monday and holds its talks on Tuesday, a summit of two
    days. Such a day is reported (not announced, not in the pluperfect) in a clause that
    names the meeting ("the talks followed a dinner on Monday"; not "she arrived on
    Wednesday"), in a sentence that places nothing far from the main site ("a NATO summit
    in Brussels on Monday" is another meeting) and does not name only people who were not
    at the meeting ("he also met the King on Saturday"), up to the anchor day, and within a
    day of one already taken."""
    pluperfect = pluperfect_pattern(doc.language)  # "had met on Monday": what came before
    elsewhere = _sentences_elsewhere(doc) | _sentences_with_others(doc)
    reported = {date.fromisoformat(found.fact.value) for found in facts
                if len(found.fact.value) == 10 and not found.future and found.index not in elsewhere
                and not _in_wire_dateline(doc, found.index, found.fact)
                and mentions_meeting(found.clause, doc.language)
                and not pluperfect.search(doc.sentences[found.index].text)}
    if doc.anchor is not None:  # what happened after the article was written is still to come
        reported = {day for day in reported if day <= doc.anchor}
    days = {date.fromisoformat(main)}
    while True:
        more = {day for day in reported - days
                if any(abs((day - taken).days) <= MEETING_DAYS_APART for taken in days)}
        if not more or len(days | more) > MEETING_MAX_DAYS:
            break
        days |= more
    return frozenset(day.isoformat() for day in days)


def _sentences_with_others(doc: Document) -> frozenset[int]:
    """Indices of the sentences that name people who were not at the meeting, and none who was."""
    starts = [s.start for s in doc.sentences]
    cited: dict[bool, set[int]] = {True: set(), False: set()}
    for person in doc.people:
        cited[person.present].update(bisect.bisect_right(starts, e.start) - 1 for e in person.evidence)
    return frozenset(cited[False] - cited[True])


def _sentences_at_main_site(doc: Document) -> frozenset[int]:
    """Indices of the sentences that name a main place."""
    starts = [s.start for s in doc.sentences]
    return frozenset(bisect.bisect_right(starts, e.start) - 1 for p in doc.places if p.main for e in p.evidence)


def _sentences_elsewhere(doc: Document) -> frozenset[int]:
    """Indices of the sentences that name a town or venue far from the main site."""
    sites = [(p.lat, p.lon) for p in doc.places if p.main and p.type in SITE_TYPES and p.lat is not None]
    if not sites:
        return frozenset()
    far = [p for p in doc.places if not p.main and p.type in SITE_TYPES and p.lat is not None
           and all(distance_km((p.lat, p.lon), site) > ELSEWHERE_KM for site in sites)]
    starts = [s.start for s in doc.sentences]
    return frozenset(bisect.bisect_right(starts, e.start) - 1 for p in far for e in p.evidence)


def extract_dates(doc: Document) -> tuple[DateFact, ...]:
    """Every stated day, month or year of the article, in text order."""
    facts, unresolved = _resolved(doc)
    # the meeting's day from the days that do not count from the anchor for want of another
    main = _main_day(doc, [found for found in facts if found.from_main is None])
    if main:
        facts = _counted_from_the_meeting(facts, main)
    else:
        main = _main_day(doc, facts)
    if main and not _agrees_with_the_lead(doc, main, unresolved):
        main = None
    days = _meeting_days(doc, facts, main) if main else frozenset()
    days = _with_their_ranges(facts, days)
    return tuple(DateFact(found.fact.value, found.fact.text, found.fact.value in days, found.fact.evidence)
                 for found in facts)


def _counted_from_the_meeting(facts: list[_Found], main: str) -> list[_Found]:
    """The facts, with a day counted from another that opens a paragraph ("Le lendemain,
    le président a participé", "La veille au soir") counted from the meeting's day: the
    story the paragraph goes on with is the meeting's, not the day it was written."""
    meeting = date.fromisoformat(main)
    out = []
    for found in facts:
        if found.from_main is not None:
            value = (meeting + timedelta(days=found.from_main)).isoformat()
            found = found._replace(fact=DateFact(value, found.fact.text, found.fact.main, found.fact.evidence))
        out.append(found)
    return out


def _with_their_ranges(facts: list[_Found], days: frozenset[str]) -> frozenset[str]:
    """The meeting's days and the other days of a range or list that names one of them
    ("les 11 et 12 octobre", "June 28-30"): a meeting of several days, written at once (one
    no longer than a meeting lasts)."""
    runs: list[list[str]] = []
    for found in facts:
        if found.joined and runs:
            runs[-1].append(found.fact.value)
        else:
            runs.append([found.fact.value])
    more = {value for run in runs if len(run) > 1 and days & set(run) and _spans_a_meeting(run) for value in run}
    return days | frozenset(more)


def _spans_a_meeting(values: list[str]) -> bool:
    days = [date.fromisoformat(value) for value in values]
    return (max(days) - min(days)).days < MEETING_MAX_DAYS


def main_date(facts: tuple[DateFact, ...]) -> str | None:
    """The ISO value of the main event's date, or None when no fact is marked main."""
    counts = Counter(f.value for f in facts if f.main)
    if not counts:
        return None
    first = {f.value: n for n, f in reversed(list(enumerate(facts)))}
    return min(counts, key=lambda value: (-counts[value], first[value]))


def _explicit_day_at(text: str, position: int, code: str) -> date | None:
    """A full day with its year ("25 April 2019", "2019-04-25") starting at `position`."""
    lex = lexicon(code)
    for rule in rules(code):
        if rule.kind not in _DAY_LEVEL_KINDS:
            continue
        match = rule.pattern.match(text, position)
        if not match or match.group("year") is None:
            continue
        parts = {k: v for k, v in match.groupdict().items() if v is not None}
        expr = Expression(rule.kind, match.start(), match.end(), parts)
        sentence = Sentence(text[match.start():match.end()], match.start(), match.end())
        found = getattr(_Resolver(lex, code, None, sentence), "_" + rule.kind)(expr, parts)
        if found is not None:
            return found
    return None


def dateline_day(text: str, position: int, code: str) -> date | None:
    """The day of a dateline starting at `position`: a place, perhaps an agency, a comma
    and a full date ("SINGAPORE, June 12, 2018 -", "Paris, le 16 février 2024 —",
    "BERLIN (dpa), 3. Mai 2023")."""
    place = _DATELINE_PLACE.match(text, position)
    return _explicit_day_at(text, place.end(), code) if place else None


def _yearless_dateline(text: str, position: int, code: str) -> tuple[int, int] | None:
    """(month, day) of a wire dateline without a year ("LONDON, June 15 (Reuters) -",
    "Istanbul, 7. März (dpa) -")."""
    place = _DATELINE_PLACE.match(text, position)
    if not place:
        return None
    lex = lexicon(code)
    for rule in rules(code):
        if rule.kind not in ("day_month", "month_day"):
            continue
        match = rule.pattern.match(text, place.end())
        if match and match.group("year") is None:
            return lex.month(match.group("month")), int(match.group("day"))
    return None


def _stated_years(doc: Document) -> list[tuple[int, int]]:
    """(sentence index, year) of every year the article writes out, except a deadline
    ("by 2030"), a target ("raise trade to $100 billion in 2030") or one in a clause about
    the future ("the 2030 World Cup they will host")."""
    text, code = doc.article.text, doc.language
    lex = lexicon(code)
    starts = [s.start for s in doc.sentences]
    years = []
    for expr in find_expressions(text, code):
        if "year" not in expr.parts or normalise(expr.parts.get("cue", "")) in lex.deadline_cues:
            continue
        index, _ = _sentence_span(doc.sentences, starts, expr.start, expr.end)
        if index < 0:
            continue
        sentence = doc.sentences[index]
        resolver = _Resolver(lex, code, None, sentence)
        # the target word may stand clauses before a year or after it ("elevar ... (unos ...)
        # en 2030", "de handel in 2030 verdubbelen"); a full day is aimed at only after one
        aimed = (target_pattern(code).search(sentence.text, 0, expr.start - sentence.start)
                 if expr.kind in _DAY_LEVEL_KINDS else resolver.aimed_at())
        if aimed or resolver.future(expr):
            continue
        years.append((index, int(expr.parts["year"])))
    return years


def text_year(doc: Document) -> int | None:
    """The year an article without a dated dateline was written, from its text alone:
    the latest year it states, or a later one its elapsed time implies ("a year after
    the meeting in February 2023" → 2024, "the 50th anniversary of ties set up in
    1975" → 2025). An elapsed time counts from the years of its own sentence or, when
    that states none, of the two around it. None when the article states no year."""
    lex = lexicon(doc.language)
    stated = _stated_years(doc)
    candidates = {year for _, year in stated}
    pattern = elapsed_pattern(doc.language)
    for index, sentence in enumerate(doc.sentences):
        for match in pattern.finditer(sentence.text):
            written = normalise(match.group("count") or match.group("count_after") or match.group("ordinal"))
            count = int(written) if written.isdigit() else lex.numbers[written]
            own = [year for at, year in stated if at == index]
            if not own and not match.group("ordinal"):
                own = [year for at, year in stated if abs(at - index) == 1]
            candidates.update(year + count for year in own)
    return max(candidates, default=None)


def _first_lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for the first non-empty lines, bullets and indents stripped."""
    lines, position = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.lstrip(" \t•*-–")
        if stripped.strip():
            lines.append((position + len(line) - len(stripped), stripped.rstrip()))
            if len(lines) == DATELINE_LINES:
                break
        position += len(line)
    return lines


def infer_publication_date(doc: Document) -> date | None:
    """The publication date an article states (`infer_publication`), without how it is known."""
    found = infer_publication(doc)
    return found[0] if found else None


def infer_publication(doc: Document) -> tuple[date, Literal["text", "dateline"]] | None:
    """The publication date an article states and how: "text" after a cue such as
    "Published" / "Mis à jour le", in its URL (".../2019/04/25/..."), as a dateline
    opening one of its first lines, or as the full date on a short byline line below the
    title. "dateline" for a wire dateline with a day and month only ("MADRID, 29 Jun.
    (EUROPA PRESS) -"), whose year is taken from the text (`text_year`): a guess, as
    the latest year a text states is often its background's; the event it reports
    settles it."""
    text, code = doc.article.text, doc.language
    for cue in publication_pattern(code).finditer(text):
        found = _explicit_day_at(text, cue.end(), code)
        if found is not None:
            return found, "text"
    in_url = _URL_DATE.search(doc.article.url or "")
    if in_url:
        found = _safe_date(*(int(n) for n in in_url.groups()))
        if found is not None:
            return found, "text"
    lines = _first_lines(text)
    for offset, _ in lines:
        found = _explicit_day_at(text, offset, code) or dateline_day(text, offset, code)
        if found is not None:
            return found, "text"
    for offset, line in lines[1:]:
        if len(line) > BYLINE_MAX_CHARS:
            continue
        for word in re.finditer(r"\w+", line):
            found = _explicit_day_at(text, offset + word.start(), code)
            if found is not None:
                return found, "text"
    for offset, _ in lines:
        month_day = _yearless_dateline(text, offset, code)
        if month_day is not None:
            year = text_year(doc)
            if year is None:
                return None
            year = _weekday_consistent_year(doc, offset, year, *month_day)
            found = _safe_date(year, *month_day) if year is not None else None
            return (found, "dateline") if found is not None else None
    return None


def _weekday_consistent_year(doc: Document, offset: int, year: int, month: int, day: int) -> int | None:
    """The text's year, or a year or two later when only that puts the dateline's day on
    the weekday its sentence names, or the day after it ("LIMA, 15 Nov. - ... on
    Wednesday" with "2022" the last year stated: 15 November 2023 was a Wednesday).
    The latest year an article states is often that of an earlier event; when none of
    these agrees with the weekday, it is one long past (a summit of 1985 recalled) and
    the year is left unknown (None) for the event to supply."""
    starts = [s.start for s in doc.sentences]
    index = bisect.bisect_right(starts, offset) - 1
    if index < 0:
        return year
    # The splitter may cut the dateline after "14." or "Mar.": read on to the first full sentence.
    last = next((i for i in range(index, len(doc.sentences))
                 if len(doc.sentences[i].text.split()) >= DATELINE_SENTENCE_WORDS), index)
    lead = doc.article.text[doc.sentences[index].start:doc.sentences[last].end]
    lex = lexicon(doc.language)
    weekdays = {lex.weekdays[normalise(e.parts["weekday"])] - 1
                for e in find_expressions(lead, doc.language)
                if e.kind == "weekday" and not e.parts.get("modifier") and not e.parts.get("after")}
    if len(weekdays) != 1:
        return year
    (weekday,) = weekdays

    def consistent(candidate: int) -> bool:
        found = _safe_date(candidate, month, day)
        return found is not None and (found.weekday() - weekday) % 7 in (0, 1)

    return next((later for later in (year, year + 1, year + 2) if consistent(later)), None)
