"""What a reader takes in first on a fact sheet: the key outcomes, and what happened when.

The digest lists a few outcomes of the meeting: agreements and their absence,
announcements, then the main positions (one per speaker), those several sources report
first. Each item carries an English label (its kind and who stated it) and the shortest
quote that states it. The timeline gives each date a short description taken from the
clause that states it, with the meeting's days apart from background dates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Mapping, Sequence

from ..records import EventDate, EventOutcome, Source

DIGEST_MIN = 3
DIGEST_MAX = 7
DECISIONS_MAX = 5  # room is left for the main positions after agreements and announcements
# At most this many of one kind, so that the digest covers what came of the meeting rather
# than repeating that no agreement was signed: several agreements may be signed, though.
KIND_LIMITS = {"agreement": 3}
KIND_LIMIT = 2
# What came of the meeting first, then what was said about it.
DECISION_KINDS = ("agreement", "no-agreement", "announcement", "gift")
POSITION_KINDS = ("statement", "assessment")
KIND_LABELS = {"agreement": "Agreement", "no-agreement": "No agreement", "announcement": "Announcement",
               "gift": "Gift", "statement": "Statement", "assessment": "Assessment"}
# Who an unattributed outcome is from: an agreement is the sides'; anything else the sources say.
UNATTRIBUTED = {"agreement": "between the sides", "no-agreement": "between the sides"}
DUPLICATE_SHARE = 0.75  # word overlap (Jaccard) from which two outcomes say the same
MIN_WORDS = 4  # fewer words than this is a fragment, not a statement
DATELINE = re.compile(r"^[\w .'’-]+,\s[^.]{0,40}\([^)]{2,40}\)\s*[-–—]")
WORD = re.compile(r"\w+")

MEETING_REACH = 3  # days around the event's date that belong to the meeting (arrival, departure)
DESCRIPTION_WORDS = 12
CLAUSE_BREAK = re.compile(r"[,;:()–—]")
QUOTE_MARKS = "\"“”„«»‘’‚‹›'"
# Words that tie a date to its clause ("on Tuesday", "am Dienstag", "le 11 mars", "sinds 2011").
DATE_PREPOSITIONS = re.compile(
    r"(?:\b(?:on|in|at|since|from|until|by|am|im|an|seit|ab|bis|vom|le|en|depuis|dès|jusqu'au|au|il|nel|dal|fino al|"
    r"el|desde|hasta|op|sinds|tot|per)\s+)+$", re.IGNORECASE)


@dataclass(frozen=True)
class DigestItem:
    outcome: EventOutcome
    label: str  # "Agreement — between the sides", "Statement — Vladimir Putin"
    quote: str  # the shortest quote that states it
    language: str | None  # the quote's language
    reported_by: int  # how many articles report it


@dataclass(frozen=True)
class TimelineEntry:
    date: EventDate
    description: str | None  # from the clause that states the date, in its language
    language: str | None


def outcome_label(outcome: EventOutcome) -> str:
    kind = KIND_LABELS.get(outcome.kind, outcome.kind.capitalize())
    who = outcome.speaker or UNATTRIBUTED.get(outcome.kind, "as reported")
    return f"{kind} — {who}"


def digest(outcomes: Sequence[EventOutcome], languages: Mapping[str, str],
           participants: frozenset[str] = frozenset(), reader_language: str = "en") -> list[DigestItem]:
    """3–7 key outcomes: decisions (agreements, their absence, announcements; a few of each
    kind) first, then one position per speaker, participants' before others'; within each, the outcomes
    more articles report first."""
    usable = [(index, o) for index, o in enumerate(outcomes) if not _fragment(o.text)]

    def rank(item: tuple[int, EventOutcome]) -> tuple[int, int, int, int]:
        index, outcome = item
        kinds = DECISION_KINDS + POSITION_KINDS
        kind = kinds.index(outcome.kind) if outcome.kind in kinds else len(kinds)
        outsider = 0 if outcome.speaker is None or outcome.speaker in participants else 1
        return -_reported_by(outcome), outsider, kind, index

    decisions = sorted((i for i in usable if i[1].kind in DECISION_KINDS), key=rank)
    positions = sorted((i for i in usable if i[1].kind not in DECISION_KINDS), key=rank)
    chosen: list[EventOutcome] = []
    for _, outcome in decisions:
        room = sum(o.kind == outcome.kind for o in chosen) < KIND_LIMITS.get(outcome.kind, KIND_LIMIT)
        if len(chosen) < DECISIONS_MAX and room and not _repeats(outcome, chosen):
            chosen.append(outcome)
    speakers: set[str | None] = set()
    for _, outcome in positions:
        if len(chosen) >= DIGEST_MAX:
            break
        if outcome.speaker not in speakers and not _repeats(outcome, chosen):
            chosen.append(outcome)
            speakers.add(outcome.speaker)
    # Too few: more decisions, then more positions, up to the minimum.
    for _, outcome in decisions[DECISIONS_MAX:] + positions:
        if len(chosen) >= DIGEST_MIN:
            break
        if outcome not in chosen and not _repeats(outcome, chosen):
            chosen.append(outcome)
    return [_item(o, languages, reader_language) for o in chosen]


def _item(outcome: EventOutcome, languages: Mapping[str, str], reader_language: str) -> DigestItem:
    source = shortest_quote(outcome.sources, languages, reader_language)
    quote = source.quote if source else outcome.text
    language = languages.get(source.article) if source else None
    return DigestItem(outcome, outcome_label(outcome), quote, language, _reported_by(outcome))


def shortest_quote(sources: Sequence[Source], languages: Mapping[str, str],
                   reader_language: str = "en") -> Source | None:
    """The shortest quote of an outcome, one in the reader's language if there is one."""
    if not sources:
        return None
    readable = [s for s in sources if languages.get(s.article) == reader_language]
    return min(readable or sources, key=lambda s: (len(s.quote), s.article, s.start))


def _reported_by(outcome: EventOutcome) -> int:
    return len({s.article for s in outcome.sources})


def _fragment(text: str) -> bool:
    """A clause cut off from its sentence, a dateline or a few words: not an outcome."""
    stripped = text.strip().lstrip(QUOTE_MARKS).strip()
    if not stripped or DATELINE.match(stripped):
        return True
    return stripped[0].islower() or len(WORD.findall(stripped)) < MIN_WORDS


def _words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text) if len(w) > 2}


def _repeats(outcome: EventOutcome, chosen: Sequence[EventOutcome]) -> bool:
    words = _words(outcome.text)
    return any(len(words & (other := _words(o.text))) >= DUPLICATE_SHARE * len(words | other)
               for o in chosen) if words else True


# ---------------------------------------------------------------- timeline

def timeline(dates: Sequence[EventDate], event_date: str | None,
             languages: Mapping[str, str]) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """(the meeting's days, background dates), each in date order, with descriptions."""
    meeting: list[TimelineEntry] = []
    background: list[TimelineEntry] = []
    for day in sorted(dates, key=lambda d: (d.value, not d.main)):
        description, language = describe(day, languages)
        entry = TimelineEntry(day, description, language)
        (meeting if day.main or _near(day.value, event_date) else background).append(entry)
    return meeting, background


def _near(value: str, event_date: str | None) -> bool:
    """A day within a few days of the event's date: arrival, talks, departure."""
    if not event_date:
        return False
    try:
        day, main = date.fromisoformat(value), date.fromisoformat(event_date)
    except ValueError:
        return False  # a month or a year is not one of the meeting's days
    return abs((day - main).days) <= MEETING_REACH


def describe(day: EventDate, languages: Mapping[str, str]) -> tuple[str | None, str | None]:
    """What happened on `day`, from the clause of the first quote that states it: the
    clause without the date expression itself, cut to a few words."""
    for source in day.sources:
        for text in sorted(day.texts, key=len, reverse=True):
            found = source.quote.casefold().find(text.casefold())
            if found >= 0:
                description = _clause_without(source.quote, found, found + len(text))
                if description:
                    return description, languages.get(source.article)
    return None, None


def _clause_without(sentence: str, start: int, end: int) -> str | None:
    bounds = [0] + [m.start() + 1 for m in CLAUSE_BREAK.finditer(sentence)] + [len(sentence) + 1]
    # The clause the expression sits in; a clause that is little more than the date
    # ("On Tuesday, ...") takes the clause that follows it (or precedes it, at the end).
    first = max(i for i, b in enumerate(bounds[:-1]) if b <= start)
    last = min(i for i, b in enumerate(bounds) if b > end) - 1
    lo, hi = bounds[first], bounds[last + 1] - 1
    before = DATE_PREPOSITIONS.sub("", sentence[lo:start].rstrip() + " ")
    text = _tidy(before + " " + sentence[end:hi])
    if len(text.split()) < 3:
        if last + 2 < len(bounds):
            text = _tidy(text + " " + sentence[hi + 1:bounds[last + 2] - 1])
        elif first > 0:
            text = _tidy(sentence[bounds[first - 1]:lo - 1] + " " + text)
    if len(text.split()) < 2:
        return None
    words = text.split()
    if len(words) > DESCRIPTION_WORDS:
        text = " ".join(words[:DESCRIPTION_WORDS]).rstrip(",;:.-–—") + " …"
    return text[0].upper() + text[1:]


def _tidy(text: str) -> str:
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return text.strip(" ,;:.-–—" + QUOTE_MARKS)
