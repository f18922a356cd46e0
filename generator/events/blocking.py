"""Candidate blocking: the events an article may join, found through two indexes instead of
by looking at every event.

Clustering (`cluster.py`) lets an article join only an event that shares one of its
people and whose main date does not contradict its own; every other event is ruled out
before any text is compared. `EventIndex` keeps the events by the people they name and
by their main date (the exact day, and the month and year it lies in), so the events an
article may join are looked up: a dated article takes the few events its date allows
and keeps those that share a person (or the other way round, whichever set is smaller);
an undated one takes the events of its people. The work per article follows the number
of events its facts allow, not the number of events in the corpus, and the candidates
are exactly the ones the old scan of every event found before its date check.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Iterable

Day = tuple[int, ...]  # a parsed date: (year,), (year, month) or (year, month, day)


def parse_day(value: str | None) -> Day | None:
    """The parts of an ISO date, year first; None for no date or one these indexes cannot
    place (such an event is a candidate of every article, such an article sees every event)."""
    if not value:
        return None
    try:
        parts = tuple(int(part) for part in value.split("-"))
    except ValueError:
        return None
    return parts if 1 <= len(parts) <= 3 else None


class EventIndex:
    """Events by the people they name and by their main date, kept up to date as they grow."""

    def __init__(self, tolerance_days: int) -> None:
        self._tolerance = tolerance_days  # full dates this many days apart still agree
        self._people: dict[int, set[str]] = {}  # event → keys of the people it names
        self._day: dict[int, Day | None] = {}  # event → its main date
        self._by_person: dict[str, set[int]] = defaultdict(set)
        self._on: dict[Day, set[int]] = defaultdict(set)  # date → events with exactly that main date
        self._within: dict[Day, set[int]] = defaultdict(set)  # year or month → events dated more precisely in it
        self._undated: set[int] = set()

    def add(self, event: int, when: str | None, people: Iterable[str]) -> None:
        """Event `event` (new, or grown by a member) has main date `when` and names `people` too."""
        known = self._people.setdefault(event, set())
        for key in people:
            if key not in known:
                known.add(key)
                self._by_person[key].add(event)
        day = parse_day(when)
        if event in self._day:
            if self._day[event] == day:
                return
            self._file(event, self._day[event], set.discard)
        self._day[event] = day
        self._file(event, day, set.add)

    def _file(self, event: int, day: Day | None, action) -> None:
        if day is None:
            action(self._undated, event)
            return
        action(self._on[day], event)
        for length in range(1, len(day)):
            action(self._within[day[:length]], event)

    def candidates(self, when: str | None, people: Iterable[str]) -> list[int]:
        """The events, in number order, that share one of `people` and whose main date does
        not contradict `when` (by `cluster.date_relation`'s rules)."""
        people = frozenset(people)
        day = parse_day(when)
        by_date = self._dated_like(day) if day else None
        by_people = [self._by_person[key] for key in people if key in self._by_person]
        if by_date is None or sum(map(len, by_people)) < sum(map(len, by_date)):
            found = set().union(*by_people)
            if by_date is not None:
                found = {n for n in found if self._agree(day, self._day[n])}
        else:
            found = {n for events in by_date for n in events if not self._people[n].isdisjoint(people)}
        return sorted(found)

    def _dated_like(self, day: Day) -> list[set[int]] | None:
        """The sets of events whose main date agrees with `day` or is unknown (None: a date
        these indexes cannot place, which every event may agree with)."""
        found = [self._undated]
        found += [self._on[day[:length]] for length in range(1, len(day) + 1) if day[:length] in self._on]
        if len(day) < 3:
            return found + ([self._within[day]] if day in self._within else [])
        try:
            centre = date(*day)
            near = [centre + timedelta(days=offset) for offset in range(-self._tolerance, self._tolerance + 1)
                    if offset]
        except (ValueError, OverflowError):
            return None
        return found + [self._on[key] for d in near if (key := (d.year, d.month, d.day)) in self._on]

    def _agree(self, day: Day, other: Day | None) -> bool:
        """Whether two main dates do not contradict each other (`cluster.date_relation`)."""
        if other is None:
            return True
        if len(day) == 3 and len(other) == 3:
            try:
                return abs((date(*day) - date(*other)).days) <= self._tolerance
            except ValueError:
                return True
        common = min(len(day), len(other))
        return day[:common] == other[:common]
