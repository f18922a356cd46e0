"""Find the date expressions an article writes, without resolving them yet.

Each language's `dates` section (month and weekday names, relative words, part words,
cue words...) is compiled into a handful of regular expressions, one per kind of
expression ("25 April 2019", "December 2017", "in May last year", "on Thursday",
"two years ago", "in 2011", ...). `find_expressions` runs them over the text, checks
what a regular expression cannot (capitals, blocking words) and keeps, where two
matches overlap, the more explicit one and then the longer. `dates.py` turns the
expressions into calendar values against the anchor date.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Mapping

from ..languages import load

NEVER = r"(?!x)x"
START = r"(?<![\w])"
END = r"(?![\w])"
# A plausible year; a lower-case letter glued after it makes it something else
# ("2000er"), a capital does not ("2019First" is a join left by text extraction).
YEAR = r"(?P<year>19\d\d|20\d\d|2100)(?!\d|[.,]\d|(?-i:[a-zà-ÿ]))"
DAY = r"(?<![\w.,:/])(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)"
PART_GAP = r"(?:\s+|(?<=-))"  # "end of February", "mid-2018"
ONE_LINE_GAP = r"(?:[^\S\n]+\n?[^\S\n]*|\n[^\S\n]*)"  # white space with at most one line break
# A year of two digits ("janvier 97"), only before punctuation or the end: "mai 12 soldats" counts.
SHORT_YEAR = r"(?P<year>\d\d)(?!\d|[.,]\d)(?=\s*[,.;:)!?]|\s*$)"
# Two-digit years from this on are of the 1900s ("97"), below it of the 2000s ("03").
CENTURY_PIVOT = 50
UNITS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class DateLexicon:
    """One language's `dates` section, parsed. Phrases are lower case."""

    months: Mapping[str, int]
    month_abbreviations: Mapping[str, int]
    weekdays: Mapping[str, int]
    capitalised_names: bool
    day_part_suffixes: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...]
    connectors: tuple[str, ...]
    month_before_day: bool
    numeric_orders: tuple[str, ...]
    relative_days: Mapping[str, int]
    reference_days: Mapping[str, int]
    relative_periods: Mapping[str, tuple[str, int]]
    part_periods: Mapping[str, tuple[str, int]]
    period_parts: Mapping[str, int | None]
    ago_before: tuple[str, ...]
    ago_after: tuple[str, ...]
    same_day_words: tuple[str, ...]  # "thirty years ago today": that many years before the anchor day
    numbers: Mapping[str, int]
    units: Mapping[str, str]
    year_cues: tuple[str, ...]
    year_frame_cues: frozenset[str]
    quantity_words: frozenset[str]
    quantity_units: frozenset[str]
    year_determiners: tuple[str, ...]
    bare_years: bool
    month_cues: tuple[str, ...]
    month_modifiers: Mapping[str, int]  # before and after the month name alike
    month_modifiers_before: tuple[str, ...]
    month_modifiers_after: tuple[str, ...]
    weekday_modifiers: Mapping[str, int]
    weekday_modifiers_before: tuple[str, ...]
    weekday_modifiers_after: tuple[str, ...]
    blockers: frozenset[str]
    relative_day_blockers: frozenset[str]
    capitalised_nouns: bool
    future_words: tuple[str, ...]
    future_endings: tuple[str, ...]
    past_words: tuple[str, ...]
    past_endings: tuple[str, ...]
    clause_openers: tuple[str, ...]
    range_connectors: tuple[str, ...]
    publication_cues: tuple[str, ...]
    # Time elapsed between a stated year and the article ("a year after", "seit einem Jahr").
    elapsed_before: tuple[str, ...] = ()
    elapsed_after: tuple[str, ...] = ()
    elapsed_hedges: tuple[str, ...] = ()
    anniversary_words: tuple[str, ...] = ()
    # Year cues of a deadline or target ("by 2030"), which says nothing of when an article was written.
    deadline_cues: frozenset[str] = frozenset()
    # Words of a target or plan ("raise trade to ... in 2030"): a year in their clause is
    # one aimed at, which says nothing of when an article was written either.
    target_words: tuple[str, ...] = ()
    # Words in a clause that make a bare month the coming one ("the next round is in March").
    next_words: tuple[str, ...] = ()
    # Words before a number of days, months or years still to come ("dans quatre mois", "in two years").
    ahead_before: tuple[str, ...] = ()
    # Words right before a day that make it a deadline still to come ("until Friday", "jusqu'au 30 juin").
    until_words: tuple[str, ...] = ()
    # Words right before a day or month that make it one gone by ("since November").
    since_words: tuple[str, ...] = ()
    # Auxiliaries of the pluperfect, the tense of what came before the news ("had arrived").
    pluperfect_words: tuple[str, ...] = ()
    # Phrase → years back: the month last named, that many years before ("in January, compared
    # to the same month a year ago").
    same_periods: Mapping[str, int] = field(default_factory=dict)

    def month(self, written: str) -> int:
        key = normalise(written).rstrip(".")
        return self.months.get(key) or self.month_abbreviations[key]


def normalise(text: str) -> str:
    """Lower case, single spaces, straight apostrophes: the form lexicon keys use."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).lower()


def _words(section: Mapping[str, Any], key: str) -> tuple[str, ...]:
    return tuple(normalise(str(w)) for w in section.get(key) or ())


def _names(section: Mapping[str, Any], key: str) -> dict[str, int]:
    return {normalise(str(name)): int(number) for number, names in (section.get(key) or {}).items()
            for name in names}


def _offsets(section: Mapping[str, Any], key: str) -> dict[str, int]:
    return {normalise(str(k)): int(v) for k, v in (section.get(key) or {}).items()}


def _periods(section: Mapping[str, Any], key: str) -> dict[str, tuple[str, int]]:
    periods = {}
    for phrase, (unit, offset) in (section.get(key) or {}).items():
        if unit not in UNITS:
            raise ValueError(f"dates.{key}.{phrase}: unit {unit!r} is not one of {', '.join(UNITS)}")
        periods[normalise(str(phrase))] = (str(unit), int(offset))
    return periods


@lru_cache(maxsize=None)
def lexicon(code: str) -> DateLexicon:
    section = load(code).section("dates")
    month_before = _offsets(section, "month_modifiers_before")
    month_after = _offsets(section, "month_modifiers_after")
    weekday_before = _offsets(section, "weekday_modifiers_before")
    weekday_after = _offsets(section, "weekday_modifiers_after")
    return DateLexicon(
        months=_names(section, "months"),
        month_abbreviations=_names(section, "month_abbreviations"),
        weekdays=_names(section, "weekdays"),
        capitalised_names=bool(section.get("capitalised_names")),
        day_part_suffixes=_words(section, "day_part_suffixes"),
        ordinal_suffixes=_words(section, "ordinal_suffixes"),
        connectors=_words(section, "connectors"),
        month_before_day=bool(section.get("month_before_day")),
        numeric_orders=_words(section, "numeric_orders") or ("dmy",),
        relative_days=_offsets(section, "relative_days"),
        reference_days=_offsets(section, "reference_days"),
        relative_periods=_periods(section, "relative_periods"),
        part_periods=_periods(section, "part_periods"),
        period_parts={normalise(str(k)): (None if v is None else int(v))
                      for k, v in (section.get("period_parts") or {}).items()},
        ago_before=_words(section, "ago_before"),
        ago_after=_words(section, "ago_after"),
        same_day_words=_words(section, "same_day_words"),
        ahead_before=_words(section, "ahead_before"),
        numbers=_offsets(section, "numbers"),
        units={normalise(str(w)): unit for unit, words in (section.get("units") or {}).items() for w in words},
        year_cues=_words(section, "year_cues"),
        year_frame_cues=frozenset(_words(section, "year_frame_cues")),
        quantity_words=frozenset(_words(section, "quantity_words")),
        quantity_units=frozenset(_words(section, "quantity_units")),
        year_determiners=_words(section, "year_determiners"),
        bare_years=bool(section.get("bare_years")),
        month_cues=_words(section, "month_cues"),
        month_modifiers={**month_before, **month_after},
        month_modifiers_before=tuple(month_before),
        month_modifiers_after=tuple(month_after),
        weekday_modifiers={**weekday_before, **weekday_after},
        weekday_modifiers_before=tuple(weekday_before),
        weekday_modifiers_after=tuple(weekday_after),
        blockers=frozenset(_words(section, "blockers")),
        relative_day_blockers=frozenset(_words(section, "relative_day_blockers")),
        capitalised_nouns=bool(section.get("capitalised_nouns")),
        future_words=_words(section, "future_words"),
        future_endings=_words(section, "future_endings"),
        past_words=_words(section, "past_words"),
        past_endings=_words(section, "past_endings"),
        clause_openers=_words(section, "clause_openers"),
        range_connectors=_words(section, "range_connectors"),
        publication_cues=_words(section, "publication_cues"),
        elapsed_before=_words(section, "elapsed_before"),
        elapsed_after=_words(section, "elapsed_after"),
        elapsed_hedges=_words(section, "elapsed_hedges"),
        anniversary_words=_words(section, "anniversary_words"),
        deadline_cues=frozenset(_words(section, "deadline_cues")),
        target_words=_words(section, "target_words"),
        next_words=_words(section, "next_words"),
        until_words=_words(section, "until_words"),
        since_words=_words(section, "since_words"),
        pluperfect_words=_words(section, "pluperfect_words"),
        same_periods=_offsets(section, "same_periods"),
    )


def _phrase(phrase: str) -> str:
    out = []
    for char in phrase:
        if char == " ":
            out.append(r"\s+")
        elif char == "'":
            out.append("['’]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def alternation(phrases: Any, suffix: str = "") -> str:
    """A non-capturing group matching any of `phrases`, longest first."""
    items = sorted(set(phrases), key=lambda p: (-len(p), p))
    if not items:
        return NEVER
    return "(?:" + "|".join(_phrase(p) + suffix for p in items) + ")"


@dataclass(frozen=True)
class Expression:
    """A date expression found in the text: its kind, span and the named parts it matched."""

    kind: str
    start: int
    end: int
    parts: Mapping[str, str]


@dataclass(frozen=True)
class Rule:
    kind: str
    rank: int  # lower wins when two matches overlap: explicit dates before relative ones
    pattern: re.Pattern[str]
    heads: frozenset[str]  # the words a match can begin with (lower case; NUMBER for digits)


NUMBER = "#"
_TOKEN = re.compile(r"\w+")


def _head(word: str) -> str:
    return NUMBER if word[0].isdigit() else word.lower()


def heads(*phrase_lists: Any) -> frozenset[str]:
    """The first words of some phrases, as `find_expressions` looks them up."""
    found = set()
    for phrases in phrase_lists:
        for phrase in phrases:
            first = _TOKEN.match(phrase)
            found.add(NUMBER if phrase == NUMBER else _head(first.group()) if first else phrase)
    return frozenset(found)


@lru_cache(maxsize=None)
def rules(code: str) -> tuple[Rule, ...]:
    lex = lexicon(code)
    full_months = alternation(lex.months)
    any_month = "(?:" + full_months + "|" + alternation(lex.month_abbreviations, r"\.?") + ")"
    weekdays = alternation(lex.weekdays)
    ordinal = alternation(lex.ordinal_suffixes)
    connector = alternation(lex.connectors)
    parts = alternation(lex.period_parts)
    suffixes = alternation(lex.day_part_suffixes)
    numbers = r"(?:\d{1,3}|" + alternation(lex.numbers) + ")"
    # "thirty years ago today", "heute vor dreißig Jahren": the same day that many years back
    same_day = alternation(lex.same_day_words) if lex.same_day_words else None
    same_day_before = rf"(?:(?P<same_day_before>{same_day}),?\s+)?" if same_day else ""
    same_day_after = rf"(?:,?\s+(?P<same_day>{same_day}))?" if same_day else ""
    units = alternation(lex.units)
    # a weekday before its day, on the same line or the next, never across a blank line (a
    # title ending in "until Friday" above the dateline "September 18, 2008")
    weekday_prefix = rf"(?:{START}(?P<weekday>{weekdays}){END},?{ONE_LINE_GAP}(?:\w{{1,3}}{ONE_LINE_GAP})?)?"
    year_tail = rf"(?:\s*,?\s*(?:{connector}\s+)?{YEAR})?"
    year_periods = [p for p, (unit, _) in lex.relative_periods.items() if unit == "year"]
    # A day's year, or what gives it instead: a direction word ("le 8 mars dernier", "1er
    # septembre prochain") or a year relative to the anchor ("April 27 of last year").
    day_tail = (rf"(?:\s*,?\s*(?:{connector}\s+)?{YEAR}|\s+(?P<after>{alternation(lex.month_modifiers_after)}){END}"
                rf"|\s+(?:{connector}\s+)?(?P<relative>{alternation(year_periods)}){END})?")

    months = (*lex.months, *lex.month_abbreviations)
    digits = (NUMBER,)
    # "woensdagavond", "gisteravond": a day part glued on makes a word of its own.
    glued_weekdays = [w + s for w in lex.weekdays for s in lex.day_part_suffixes]
    glued_days = [d + s for d in lex.relative_days for s in lex.day_part_suffixes]
    # (kind, rank, pattern, the words it can begin with); a rule without such words is left out.
    specs: list[tuple[str, int, str, frozenset[str]]] = [
        ("iso", 0, rf"(?<![\w.,/:-]){YEAR}-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)(?!\d)", heads(digits)),
        ("numeric", 0, rf"{weekday_prefix}(?<![\w.,/:])(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})(?P=sep){YEAR}",
         heads(digits, lex.weekdays)),
        ("day_month", 0, rf"{weekday_prefix}{DAY}(?:{ordinal})?\s*(?:{connector}\s+)?(?P<month>{any_month}){END}{day_tail}",
         heads(digits, lex.weekdays)),
        ("month_day", 0, rf"{weekday_prefix}{START}(?P<month>{any_month})\s+(?P<day>3[01]|[12]\d|0?[1-9])"
                         rf"(?!\d)(?:{ordinal})?{END}{day_tail}",
         heads(months, lex.weekdays) if lex.month_before_day else frozenset()),
        ("month_year", 1, rf"{START}(?P<month>{any_month}){END}\s*,?\s*(?:{connector}\s+)?{YEAR}", heads(months)),
        # "en janvier 97", "le 10 novembre 93.": a year of two digits, where a number after a
        # month name is no day of it
        ("month_year", 1, rf"{START}(?P<month>{any_month})\s+{SHORT_YEAR}",
         frozenset() if lex.month_before_day else heads(months)),
        ("day_month", 0, rf"{weekday_prefix}{DAY}(?:{ordinal})?\s*(?:{connector}\s+)?(?P<month>{any_month})\s+{SHORT_YEAR}",
         frozenset() if lex.month_before_day else heads(digits, lex.weekdays)),
        ("month_relative_year", 1,
         rf"{START}(?P<month>{full_months})\s+(?:{connector}\s+)?(?P<relative>{alternation(year_periods)}){END}",
         heads(lex.months) if year_periods else frozenset()),
        ("month_modified", 2, rf"{START}(?P<modifier>{alternation(lex.month_modifiers_before)})\s+"
                              rf"(?P<month>{full_months}){END}", heads(lex.month_modifiers_before)),
        ("month_modified", 2, rf"{START}(?P<month>{full_months})\s+"
                              rf"(?P<modifier>{alternation(lex.month_modifiers_after)}){END}",
         heads(lex.months) if lex.month_modifiers_after else frozenset()),
        ("month", 3, rf"{START}(?:(?P<cue>{alternation(lex.month_cues)})\s+(?:(?P<part>{parts}){PART_GAP})?"
                     rf"|(?P<lead>{parts}){PART_GAP})(?P<month>{full_months}){END}",
         heads(lex.month_cues, lex.period_parts)),
        ("year", 3, rf"{START}(?:(?P<cue>{alternation(lex.year_cues)})\s+(?:(?P<part>{parts}){PART_GAP})?"
                    rf"|(?P<lead>{parts}){PART_GAP}){YEAR}", heads(lex.year_cues, lex.period_parts)),
        ("year", 3, rf"{START}(?P<determiner>{alternation(lex.year_determiners)})\s+{YEAR}(?=\s+(?-i:[a-zà-ÿ]))",
         heads(lex.year_determiners)),
        # the first year of a span of years ("la période 1982-1990", "la saison 2002/2003"); the
        # second is a range end
        ("year", 3, rf"(?<![\w.,/:-]){YEAR}(?=[-–/](?:19|20)\d\d(?![\d/-]))", heads(digits)),
        ("bare_year", 5, rf"(?<![\w.,/:-]){YEAR}(?=\s*[,.;:)!?]|\s+(?-i:[a-zà-ÿ]{{2}})|\s*$)",
         heads(digits) if lex.bare_years else frozenset()),
        ("relative_period", 3, rf"{START}(?:(?P<part>{parts}){PART_GAP})?"
                               rf"(?P<relative>{alternation({**lex.relative_periods, **lex.part_periods})}){END}",
         heads(lex.period_parts, lex.relative_periods, lex.part_periods)),
        ("ago", 3, rf"{START}{same_day_before}(?P<ago>{alternation(lex.ago_before)})\s+(?P<number>{numbers})\s+"
                   rf"(?P<unit>{units}){same_day_after}{END}",
         heads(lex.ago_before, lex.same_day_words)),
        ("ago", 3, rf"{START}{same_day_before}(?P<number>{numbers})\s+(?P<unit>{units})\s+"
                   rf"(?P<ago>{alternation(lex.ago_after)}){same_day_after}{END}",
         heads(digits, lex.numbers, lex.same_day_words) if lex.ago_after else frozenset()),
        ("ahead", 3, rf"{START}(?P<ahead>{alternation(lex.ahead_before)})\s+(?P<number>{numbers})\s+(?P<unit>{units}){END}"
                     rf"(?!\s+{connector}\s)",  # "dans un jour de grande forme" is no date
         heads(lex.ahead_before)),
        ("same_period", 2, rf"{START}(?P<same>{alternation(lex.same_periods)}){END}", heads(lex.same_periods)),
        ("relative_day", 4, rf"{START}(?P<relative>{alternation(lex.relative_days)})(?:{suffixes})?{END}",
         heads(lex.relative_days, glued_days)),
        ("reference_day", 4, rf"{START}(?P<relative>{alternation(lex.reference_days)}){END}", heads(lex.reference_days)),
        ("weekday", 4, rf"{START}(?:(?P<modifier>{alternation(lex.weekday_modifiers_before)})\s+)?(?P<weekday>{weekdays})"
                       rf"(?:{suffixes})?{END}(?:\s+(?P<after>{alternation(lex.weekday_modifiers_after)}){END})?",
         heads(lex.weekday_modifiers_before, lex.weekdays, glued_weekdays)),
    ]
    return tuple(Rule(kind, rank, re.compile(pattern, re.IGNORECASE), starts)
                 for kind, rank, pattern, starts in specs if starts)


@lru_cache(maxsize=None)
def rules_by_head(code: str) -> Mapping[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in rules(code):
        for head in rule.heads:
            index.setdefault(head, []).append(rule)
    return {head: tuple(found) for head, found in index.items()}


@lru_cache(maxsize=None)
def day_range_pattern(code: str) -> re.Pattern[str]:
    """The first day of a range that ends right here: "25-26 April", "vom 25. bis 27. April"."""
    lex = lexicon(code)
    return re.compile(rf"{DAY}(?:{alternation(lex.ordinal_suffixes)})?\s*(?:[-–]|{alternation(lex.range_connectors)}\s)\s*$",
                      re.IGNORECASE)


@lru_cache(maxsize=None)
def range_pattern(code: str) -> re.Pattern[str]:
    """The second year of a range, right after a first: "2011 and 2013", "2018-2019"."""
    lex = lexicon(code)
    return re.compile(rf"\s*(?:[-–—/]|{alternation(lex.range_connectors)}(?=\s))\s*{YEAR}", re.IGNORECASE)


@lru_cache(maxsize=None)
def future_pattern(code: str) -> re.Pattern[str]:
    lex = lexicon(code)
    endings = alternation(lex.future_endings)
    return re.compile(rf"{START}(?:{alternation(lex.future_words)}|\w{{2,}}{endings}){END}", re.IGNORECASE)


@lru_cache(maxsize=None)
def next_pattern(code: str) -> re.Pattern[str]:
    return re.compile(rf"{START}{alternation(lexicon(code).next_words)}{END}", re.IGNORECASE)


@lru_cache(maxsize=None)
def target_pattern(code: str) -> re.Pattern[str]:
    """A word of a target or plan anywhere in a clause: "aim", "elevar", "objectif"."""
    return re.compile(rf"{START}{alternation(lexicon(code).target_words)}{END}", re.IGNORECASE)


def until_pattern(code: str) -> re.Pattern[str]:
    """An until word ending the text before a day: "until", "d'ici le"."""
    return _word_before_date(code, "until_words")


def since_pattern(code: str) -> re.Pattern[str]:
    """A since word ending the text before a date: "since", "depuis le"."""
    return _word_before_date(code, "since_words")


@lru_cache(maxsize=None)
def _word_before_date(code: str, words: str) -> re.Pattern[str]:
    """One of the lexicon's `words`, perhaps with a short article, ending the text before a date."""
    return re.compile(rf"{START}{alternation(getattr(lexicon(code), words))}(?:\s+\w{{1,3}})?\s*$", re.IGNORECASE)


@lru_cache(maxsize=None)
def pluperfect_pattern(code: str) -> re.Pattern[str]:
    return re.compile(rf"{START}{alternation(lexicon(code).pluperfect_words)}{END}", re.IGNORECASE)


@lru_cache(maxsize=None)
def past_pattern(code: str) -> re.Pattern[str]:
    """A past-tense auxiliary, participle or preterite; endings count only on lower-case
    words ("signed", not "United")."""
    lex = lexicon(code)
    endings = alternation(lex.past_endings)
    ended = rf"|(?-i:[a-zß-ÿ]\w+){endings}" if lex.past_endings else ""
    return re.compile(rf"{START}(?:{alternation(lex.past_words)}{ended}){END}", re.IGNORECASE)


@lru_cache(maxsize=None)
def clause_boundary(code: str) -> re.Pattern[str]:
    """Punctuation or a word that opens a new clause ("and", "terwijl", "mientras")."""
    openers = alternation(lexicon(code).clause_openers)
    return re.compile(rf"[,;:()–—]|{START}{openers}{END}", re.IGNORECASE)


@lru_cache(maxsize=None)
def elapsed_pattern(code: str) -> re.Pattern[str]:
    """A number of years elapsed since some stated year: "a year after", "seit gut einem
    Jahr", "hace dos años" (group `count`), or an anniversary: "the 50th anniversary",
    "le 50e anniversaire" (group `ordinal`)."""
    lex = lexicon(code)
    numbers = r"(?:\d{1,3}|" + alternation(lex.numbers) + ")"
    years = alternation([w for w, unit in lex.units.items() if unit == "year"])
    hedge = rf"(?:{alternation(lex.elapsed_hedges)}\s+)?"
    before = alternation((*lex.elapsed_before, *lex.ago_before))
    after = alternation((*lex.elapsed_after, *lex.ago_after))
    return re.compile(
        rf"{START}(?:{before}\s+{hedge}(?P<count>{numbers})\s+{years}{END}"
        rf"|{hedge}(?P<count_after>{numbers})\s+{years}\s+{after}{END}"
        rf"|(?P<ordinal>\d{{1,3}})(?:[a-zº°ªᵉ]{{0,3}}\.?|-)\s*{alternation(lex.anniversary_words)}{END})",
        re.IGNORECASE)


@lru_cache(maxsize=None)
def publication_pattern(code: str) -> re.Pattern[str]:
    cues = alternation(lexicon(code).publication_cues)
    return re.compile(rf"{START}{cues}{END}[\s:,-]*", re.IGNORECASE)


_PREVIOUS_WORD = re.compile(r"([\w'’]+)[^\w\n.!?]*$")


def previous_word(text: str, start: int) -> tuple[str, int]:
    """The word before `start` in the same sentence (lower case) and where it starts;
    ("", -1) if none."""
    match = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return (normalise(match.group(1)), match.start(1)) if match else ("", -1)


_NEXT_WORD = re.compile(r"\s+([\w'’]+)")


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return normalise(match.group(1)) if match else ""


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 20):start].rstrip(" \t\"'“‘«„([")
    return not before or before[-1] in ".!?:\n•*-–"


def _lower_case_name(expr: Expression, text: str) -> bool:
    """Where month and weekday names are written in lower case, a capitalised one inside
    a sentence is a name ("Plácido Domingo"); at a sentence start it is still a date."""
    written = expr.parts.get("weekday") or expr.parts["month"]
    at = text.find(written, expr.start)
    # a word all in capitals is a heading's ("LA FÊTE DIMANCHE"), not a name
    return not written[0].isupper() or written.isupper() or _at_sentence_start(text, at)


def _acceptable(expr: Expression, text: str, lex: DateLexicon) -> bool:
    """The checks a regular expression cannot make."""
    parts = expr.parts
    if lex.capitalised_names:
        for name in ("month", "weekday"):
            written = parts.get(name)
            if written and not written[0].isupper():
                return False
    elif expr.kind in ("weekday", "month") and not _lower_case_name(expr, text):
        return False
    before, before_start = previous_word(text, expr.start)
    if expr.kind in ("weekday", "relative_period", "relative_day") and before in lex.blockers:
        return False
    if expr.kind == "relative_day":
        if before in lex.relative_day_blockers:
            return False
        if lex.capitalised_nouns and text[expr.start].isupper() and not _at_sentence_start(text, expr.start):
            return False
    if expr.kind == "relative_period" and not parts.get("part"):
        if normalise(parts["relative"]) in lex.part_periods:
            return False
    if expr.kind == "year" and parts.get("cue") and before in lex.quantity_words:
        return False
    if expr.kind in ("year", "bare_year") and _next_word(text, expr.end) in lex.quantity_units:
        return False
    if expr.kind == "bare_year":
        if before.isdigit() or before in lex.quantity_words or before in lex.numbers:
            return False
        # German capitalises nouns: "Resolution 2018", "rund 2000 Soldaten" are numbers.
        if before and text[before_start].isupper() and not _at_sentence_start(text, before_start):
            return False
    return True


def find_expressions(text: str, code: str) -> list[Expression]:
    """Every date expression in `text`, in order, none overlapping another."""
    lex = lexicon(code)
    index = rules_by_head(code)
    found: list[tuple[int, int, int, Expression]] = []
    # Matching only where a word that can begin an expression stands is several times
    # faster than scanning the whole text once per rule.
    for token in _TOKEN.finditer(text):
        for rule in index.get(_head(token.group()), ()):
            match = rule.pattern.match(text, token.start())
            if match is None:
                continue
            parts = {k: v for k, v in match.groupdict().items() if v is not None}
            if len(parts.get("year", "")) == 2:
                parts["year"] = str((1900 if int(parts["year"]) >= CENTURY_PIVOT else 2000) + int(parts["year"]))
            expr = Expression(rule.kind, match.start(), match.end(), parts)
            if _acceptable(expr, text, lex):
                found.append((rule.rank, -(expr.end - expr.start), expr.start, expr))
    chosen: list[Expression] = []
    taken = _Taken()
    for _, _, _, expr in sorted(found, key=lambda item: item[:3]):
        if taken.free(expr.start, expr.end):
            chosen.append(expr)
            taken.add(expr.start, expr.end)
    chosen = _with_month_first_range_ends(text, code, chosen, taken)
    chosen.extend(_range_ends(text, code, chosen, taken))
    chosen.extend(_month_list_ends(text, code, chosen, taken))
    chosen.extend(_day_range_starts(text, code, chosen, taken))
    return _with_their_weekdays(text, sorted(chosen, key=lambda e: (e.start, e.end)))


_WEEKDAY_GAP = re.compile(r",?\s+")


def _with_their_weekdays(text: str, chosen: list[Expression]) -> list[Expression]:
    """A relative day and the weekday that names it are one expression: "aujourd'hui
    vendredi", "gestern Dienstag", "yesterday, Tuesday" (the weekday is no second day)."""
    out: list[Expression] = []
    for expr in chosen:
        last = out[-1] if out else None
        if (last is not None and last.kind == "relative_day" and expr.kind == "weekday"
                and not expr.parts.get("modifier") and not expr.parts.get("after")
                and _WEEKDAY_GAP.fullmatch(text, last.end, expr.start)):
            out[-1] = Expression(last.kind, last.start, expr.end, {**last.parts, "named": expr.parts["weekday"]})
            continue
        out.append(expr)
    return out


class _Taken:
    """The spans of the expressions chosen so far, which never overlap, kept in order: whether
    a new span overlaps one is a binary search (checking each was quadratic in a long text)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._empty: list[tuple[int, int]] = []  # spans without characters, checked one by one

    def add(self, start: int, end: int) -> None:
        if end <= start:
            self._empty.append((start, end))
            return
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)

    def free(self, start: int, end: int) -> bool:
        """Whether text[start:end] overlaps no span taken (`end <= s or start >= e` for each)."""
        if end <= start or self._empty:
            spans = [*zip(self._starts, self._ends), *self._empty]
            return all(end <= s or start >= e for s, e in spans)
        # Disjoint spans in order end in order too: only the last one starting before `end` can reach past `start`.
        i = bisect_left(self._starts, end) - 1
        return i < 0 or self._ends[i] <= start


def _day_range_starts(text: str, code: str, chosen: list[Expression], taken: _Taken) -> list[Expression]:
    """The first day of "25-26 April", which borrows the month (and year) of the second."""
    starts = []
    pattern = day_range_pattern(code)
    for expr in chosen:
        if expr.kind != "day_month" or "weekday" in expr.parts:
            continue
        match = pattern.search(text, max(0, expr.start - 24), expr.start)
        if match and taken.free(match.start(), match.end("day")):
            parts = {**expr.parts, "day": match.group("day")}
            starts.append(Expression("day_month", match.start(), match.end("day"), parts))
    return starts


@lru_cache(maxsize=None)
def range_gap_pattern(code: str) -> re.Pattern[str]:
    """What joins two days of one range or list: "28-30", "11 and 12", "25. bis 27."."""
    lex = lexicon(code)
    return re.compile(rf"(?:{alternation(lex.ordinal_suffixes)})?\s*(?:[-–]|{alternation(lex.range_connectors)}"
                      rf"(?:\s|(?<=['’])))\s*", re.IGNORECASE)  # "all'11 agosto" is elided


@lru_cache(maxsize=None)
def month_first_range_end_pattern(code: str) -> re.Pattern[str]:
    """The second day of a range or list after a month-first day: "June 28-30", "October 11
    and 12, 1986", with the year they share."""
    lex = lexicon(code)
    return re.compile(rf"{range_gap_pattern(code).pattern}(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)"
                      rf"(?:{alternation(lex.ordinal_suffixes)})?{END}(?:\s*,?\s*{YEAR})?", re.IGNORECASE)


# The second day of a range or list comes after the first, at most this many days later.
RANGE_MAX_DAYS = 7


def _with_month_first_range_ends(text: str, code: str, chosen: list[Expression], taken: _Taken) -> list[Expression]:
    """The expressions with the second day of "June 28-30" or "October 11 and 12, 1986",
    which borrows the month of the first; a year after the second dates both."""
    out = []
    pattern = month_first_range_end_pattern(code)
    for expr in chosen:
        match = pattern.match(text, expr.end) if expr.kind == "month_day" and "year" not in expr.parts else None
        if match is None or not 0 < int(match.group("day")) - int(expr.parts["day"]) <= RANGE_MAX_DAYS \
                or not taken.free(match.start("day"), match.end()):
            out.append(expr)
            continue
        year = {"year": match.group("year")} if match.group("year") else {}
        out.append(Expression(expr.kind, expr.start, expr.end, {**expr.parts, **year}))
        out.append(Expression(expr.kind, match.start("day"), match.end(),
                              {"month": expr.parts["month"], "day": match.group("day"), **year}))
        taken.add(match.start("day"), match.end())
    return out


def _range_ends(text: str, code: str, chosen: list[Expression], taken: _Taken) -> list[Expression]:
    """The second year of "between 2011 and 2013", which has no cue of its own."""
    ends = []
    pattern = range_pattern(code)
    for expr in chosen:
        if expr.kind not in ("year", "bare_year"):
            continue
        match = pattern.match(text, expr.end)
        if match and taken.free(match.start("year"), match.end()):
            ends.append(Expression("year", match.start("year"), match.end(), {"year": match.group("year")}))
    return ends


@lru_cache(maxsize=None)
def month_list_pattern(code: str) -> re.Pattern[str]:
    """A second month right after a first: "in March and April", "en marzo y abril"."""
    lex = lexicon(code)
    return re.compile(rf"\s*(?:[-–—/]|{alternation(lex.range_connectors)}(?=\s))\s*(?P<month>{alternation(lex.months)}){END}",
                      re.IGNORECASE)


def _month_list_ends(text: str, code: str, chosen: list[Expression], taken: "_Taken") -> list[Expression]:
    """The second month of "in March and April", which has no cue of its own."""
    ends = []
    pattern = month_list_pattern(code)
    lex = lexicon(code)
    for expr in chosen:
        if expr.kind != "month":
            continue
        match = pattern.match(text, expr.end)
        if match and taken.free(match.start("month"), match.end()):
            # "listed": it takes the year of the month before it ("between April and June")
            found = Expression("month", match.start("month"), match.end(), {"month": match.group("month"),
                                                                             "listed": "1"})
            if _acceptable(found, text, lex):
                ends.append(found)
    return ends
