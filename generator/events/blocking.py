"""Candidate blocking: the events an article may join, looked up in indexes instead of
found by looking at every event.

Clustering (`cluster.py`) lets an article join only an event that names one of its
people (those present, where it names someone present), whose main
date does not contradict its own and whose main places do not contradict its own; every
other event is ruled out before any text is compared. `EventIndex` keeps the events by
the people they name, the people present, their main date (the day, and the month and
year it lies in) and their main places (the place, and its degree of latitude: places
`PLACE_RADIUS_KM` apart lie in neighbouring degrees). An article looks up the events its
people allow, or the few its date allows where those are fewer, and keeps those its
other facts allow. The candidates are exactly the events a scan of every event keeps
by people and date, less some whose places contradict the article's (the others are
ruled out where clustering compares places), so the work per article follows the events
its facts allow, not the size of the corpus.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from math import ceil, floor
from typing import Iterable, Protocol

Day = tuple[int, ...]  # a parsed date: (year,), (year, month) or (year, month, day)
# Kilometres per degree of latitude: places `radius_km` apart lie at most
# radius_km / KM_PER_DEGREE degrees of latitude apart, whatever their longitude.
KM_PER_DEGREE = 111.19


class Spot(Protocol):
    """A main place as clustering sees it (`cluster.Spot`)."""

    key: str
    lat: float | None
    lon: float | None


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
    """Events by the people they name, the people present and their main date, kept up to
    date as they grow."""

    def __init__(self, tolerance_days: int, radius_km: float) -> None:
        self._tolerance = tolerance_days  # full dates this many days apart still agree
        self._reach = ceil(radius_km / KM_PER_DEGREE)  # bands of latitude a place this near may lie in
        self._named: dict[int, set[str]] = {}  # event → keys of the people it names
        self._present: dict[int, set[str]] = {}  # event → keys of the people present (a part of the named)
        self._day: dict[int, Day | None] = {}  # event → its main date
        self._by_named: dict[str, set[int]] = defaultdict(set)
        self._on: dict[Day, set[int]] = defaultdict(set)  # date → events with exactly that main date
        self._within: dict[Day, set[int]] = defaultdict(set)  # year or month → events dated more precisely in it
        self._undated: set[int] = set()
        self._nowhere: set[int] = set()  # events without a main place
        self._unlocated: set[int] = set()  # events with a main place of unknown position
        self._by_spot: dict[str, set[int]] = defaultdict(set)  # place key → events held there
        self._by_band: dict[int, set[int]] = defaultdict(set)  # degree of latitude → events held in it
        self._by_country: dict[str, set[int]] = defaultdict(set)  # country → events held in it (a visit's cities)

    def add(self, event: int, when: str | None, named: Iterable[str], present: Iterable[str] = (),
            spots: Iterable[Spot] = ()) -> None:
        """Event `event` (new, or grown by a member) has main date `when`, names `named`, of
        whom `present` were present, and is held at `spots`, too."""
        if event not in self._named:
            self._named[event], self._present[event] = set(), set()
            self._nowhere.add(event)
        for spot in spots:
            self._nowhere.discard(event)
            self._by_spot[spot.key].add(event)
            if spot.country:
                self._by_country[spot.country].add(event)
            if spot.lat is None or spot.lon is None:
                self._unlocated.add(event)
            else:
                self._by_band[floor(spot.lat)].add(event)
        _extend(self._named[event], named, self._by_named, event)
        self._present[event].update(present)
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

    def candidates(self, when: str | None, named: Iterable[str], present: Iterable[str] = (),
                   spots: Iterable[Spot] = ()) -> list[int]:
        # `named` holds the people present too, as a profile's `named` does.
        """The events, in number order, an article with main date `when`, naming `named`, of
        whom `present` were present, held at `spots`, may join: those whose date does not
        contradict `when` (by `cluster.date_relation`'s rules), that name one of its people
        (those present, or, where it names nobody as present, those named), unless both
        sides name people present and share none, and neither names someone the other saw
        (the rule of `cluster._best_event`), and that have no main place or one that may be `radius_km` or less from one
        of `spots` (a superset of the events whose places do not contradict them)."""
        present = frozenset(present)
        keys = present or frozenset(named)  # the article's people
        day = parse_day(when)
        by_date = self._dated_like(day) if day else None
        # Events that name one of them: a report of a summit may have seen other leaders
        # than the event's reports, when each names someone the other saw (`cluster.py`).
        by_people = [self._by_named[k] for k in keys if k in self._by_named]
        if by_date is None or sum(map(len, by_people)) < sum(map(len, by_date)):
            found = set().union(*by_people)
            if by_date is not None:
                found = {n for n in found if self._agree(day, self._day[n])}
        else:  # each intersection runs over the smaller set, in C
            dated = set().union(*by_date)
            found = set().union(*(dated & events for events in by_people))
        if present:  # the rule of `cluster._best_event`: no one present on both sides, and neither
            named = frozenset(named)  # names someone the other saw: another meeting
            found = {n for n in found if not self._present[n] or not self._present[n].isdisjoint(present)
                     or (not self._present[n].isdisjoint(named) and not self._named[n].isdisjoint(present))}
        near = self._placed_near(tuple(spots))
        return sorted(found if near is None else found & near)

    def _placed_near(self, spots: tuple[Spot, ...]) -> set[int] | None:
        """Events held nowhere known, or somewhere that may lie near one of `spots`: the same
        place, one in the same or a neighbouring band of latitude, or one in the same country
        (another city of a visit; `cluster._one_visit`) (None: any event)."""
        if not spots or any(s.lat is None or s.lon is None for s in spots):
            return None
        bands = {floor(s.lat) + offset for s in spots for offset in range(-self._reach, self._reach + 1)}
        return self._nowhere.union(self._unlocated, *(self._by_spot.get(s.key, ()) for s in spots),
                                   *(self._by_band[b] for b in bands if b in self._by_band),
                                   *(self._by_country.get(s.country, ()) for s in spots if s.country))

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


def _extend(known: set[str], keys: Iterable[str], index: dict[str, set[int]], event: int) -> bool:
    """Add `keys` to an event's `known` keys and to `index`; whether it has any now."""
    for key in keys:
        if key not in known:
            known.add(key)
            index[key].add(event)
    return bool(known)
