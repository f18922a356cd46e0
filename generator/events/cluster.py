"""Assign articles to events: which articles report the same meeting.

Two passes, both deterministic and independent of the order articles come in:

1. **Facts.** Articles that state the same day, a compatible main place and the same
   people (two shared participants, or one where an article names only one) report one
   event; these links are joined transitively. No embedding is needed for them.
2. **Text.** Every article left on its own is compared, most informative first, with
   the events that share one of its participants (or, where either side names nobody as
   present, one of the people it names) and whose date and main place do not
   contradict it, by the cosine similarity of its lead to the event's centroid
   (multilingual sentence embeddings). It joins the most similar event above the
   threshold, or starts one of its own. Text only chooses among the events the facts
   support best (most people present on both sides, the same day, the same place); a less
   supported one is tried only when none of those is similar enough. When exactly one
   fitting event shares its main place and its people (those present, or at least
   `NAMED_IN_COMMON` people named on both sides, or on the same day one person present
   at both), it joins that event without an embedding. Reports of a summit that saw
   different leaders (one names Zelensky and Biden as present, another Stoltenberg and
   Erdoğan) are not kept apart for that when each names someone the other saw.

A contradiction vetoes a merge whatever the text says: main dates more than a day apart
(or in different months or years), or main cities/venues more than `PLACE_RADIUS_KM`
apart or in different countries. Same people, four years apart, stay apart. So does an
article that names the event's site only in its background ("after the failed summit in
Hanoi"): it reports a later meeting of the same people. A visit of several days is the
exception: reports of its days (at most `VISIT_DAYS` apart) from cities of one host
country, with the same people present, are one event.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from math import asin, cos, radians, sin, sqrt
from typing import Literal, NamedTuple, Sequence

import numpy as np
from slugify import slugify

from ..extract.names import surname_key
from ..records import Article, ArticleRecord
from .blocking import EventIndex
from .carry import Replay
from .embed import Embeddings, lead

# Places as specific as a meeting's site; regions and countries only contain it.
SPECIFIC_PLACE_TYPES = ("city", "venue")
# A venue and the city it lies in (an island off the city, a palace outside it) are one place.
PLACE_RADIUS_KM = 100.0
# Reports of a meeting that spans midnight, or dated by the day after, still agree.
DATE_TOLERANCE_DAYS = 1
# A visit of several days moves between cities of one host country (talks in the capital on
# day one, a factory in another city on day two): reports of its days this many days apart,
# from places in one country, with the same people present, report one visit.
VISIT_DAYS = 2
# Lead-to-event-centroid cosine above which an article joins an event. Measured with the
# seed evaluation on 200-word leads: the same meeting scores 0.74, the other meeting of
# the same two leaders 0.68.
SIMILARITY_THRESHOLD = 0.71
# Where the facts positively agree (same day or same place), text needs to agree less.
SUPPORTED_SIMILARITY_THRESHOLD = 0.64
# A report of a summit names the leaders it saw and mentions the others: at the same place,
# this many people named on both sides (present or not) make one meeting without text.
NAMED_IN_COMMON = 3
# An event's centroid is taken over this many of its most informative members.
CENTROID_MEMBERS = 3

Relation = Literal["same", "near", "compatible", "unknown", "conflict"]


class Spot(NamedTuple):
    """A main place of an article that is specific enough to tell two meetings apart.
    A named tuple: clustering hashes and compares spots millions of times (in C this way)."""

    key: str
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Profile:
    """What clustering knows of one article."""

    index: int
    article: str
    date: str | None
    spots: tuple[Spot, ...]
    recalled: tuple[Spot, ...]  # specific places it names that are not its main site
    present: frozenset[str]  # surname keys of the people present
    named: frozenset[str]  # surname keys of everyone named
    text: str  # the lead the embedding is taken of

    def information(self) -> int:
        return (2 if self.date and len(self.date) == 10 else 0) + (1 if self.spots else 0) + min(len(self.present), 2)

    def people(self) -> frozenset[str]:
        return self.present or self.named


@lru_cache(maxsize=65536)  # a corpus names the same few places thousands of times
def _slug(name: str) -> str:
    return slugify(name)


def profile(index: int, article: Article, record: ArticleRecord) -> Profile:
    def spots(main: bool) -> tuple[Spot, ...]:
        return tuple(sorted({Spot(_slug(p.name), p.country, p.lat, p.lon)
                             for p in record.locations if p.main == main and p.type in SPECIFIC_PLACE_TYPES},
                            key=lambda s: s.key))

    present = frozenset(k for p in record.participants if p.present and (k := surname_key(p.name)))
    named = frozenset(k for p in record.participants if (k := surname_key(p.name)))
    # A yearless dateline's year is a guess: its article is grouped as an undated one, and
    # its day and month are checked against its event's afterwards (`events._without_disagreeing`).
    when = None if record.published_source == "dateline" else record.date
    return Profile(index, record.id, when, spots(True), spots(False), present, named, lead_of(article))


def lead_of(article: Article) -> str:
    """The text an article's embedding is taken of."""
    return lead(f"{article.title}\n{article.text}")


def _parse(value: str) -> tuple[int, ...]:
    return tuple(int(part) for part in value.split("-"))


@lru_cache(maxsize=65536)  # clustering asks about the same few pairs of dates many times
def date_relation(a: str | None, b: str | None) -> Relation:
    if not a or not b:
        return "unknown"
    pa, pb = _parse(a), _parse(b)
    if len(pa) == 3 and len(pb) == 3:
        days = abs((date(*pa) - date(*pb)).days)
        return "same" if days == 0 else "near" if days <= DATE_TOLERANCE_DAYS else "conflict"
    common = min(len(pa), len(pb))
    return "compatible" if pa[:common] == pb[:common] else "conflict"


def _distance_km(a: Spot, b: Spot) -> float:
    lat1, lon1, lat2, lon2 = map(radians, (a.lat, a.lon, b.lat, b.lon))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(min(1.0, sqrt(h)))


@lru_cache(maxsize=65536)  # clustering asks about the same few pairs of places many times
def _spot_relation(a: Spot, b: Spot) -> Relation:
    if a.key == b.key:
        return "same"
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return "same" if _distance_km(a, b) <= PLACE_RADIUS_KM else "conflict"
    if a.country and b.country and a.country != b.country:
        return "conflict"
    return "unknown"


def place_relation(a: Sequence[Spot], b: Sequence[Spot]) -> Relation:
    """Same if any two main places coincide; a conflict only if every pair contradicts."""
    if not a or not b:
        return "unknown"
    conflicts = True
    for x in a:
        for y in b:
            relation = _spot_relation(x, y)
            if relation == "same":
                return "same"
            conflicts = conflicts and relation == "conflict"
    return "conflict" if conflicts else "unknown"


def _strong_link(a: Profile, b: Profile) -> bool:
    if date_relation(a.date, b.date) != "same" or not (a.date and len(a.date) == 10):
        return False
    place = place_relation(a.spots, b.spots)
    if place == "conflict":
        return False
    shared = len(a.present & b.present)
    return shared >= 2 or (place == "same" and shared >= 1 and min(len(a.present), len(b.present)) == 1)


@dataclass
class _Event:
    """An event while clustering runs (local to `cluster_articles`)."""

    members: list[Profile]
    _centroid: np.ndarray | None = None
    _representatives: tuple[str, ...] = ()  # articles the centroid was taken over
    _facts: tuple | None = None  # (date, spots, people present): asked for every article that may join
    # Kept up to date as members join, once made: sorting and counting the members of an
    # event of hundreds again on each join was the largest part of clustering 3,000 articles.
    _top: list[Profile] | None = None  # the representatives
    _tally: tuple[Counter, dict, frozenset[str]] | None = None  # members' dates counted, places, present

    def add(self, member: Profile) -> None:
        self.members.append(member)
        if self._top is not None:
            self._top = sorted([*self._top, member], key=_informative)[:CENTROID_MEMBERS]
        if self._tally is not None:
            counts, spots, present = self._tally
            if member.date:
                counts[member.date] += 1
            spots.update(dict.fromkeys(member.spots))
            self._tally = (counts, spots, present | member.present)
        self._facts = None
        if tuple(m.article for m in self.representatives()) != self._representatives:
            self._centroid = None  # a member less informative than the representatives leaves it as it is

    def representatives(self) -> list[Profile]:
        """The members whose leads stand for the event: the most informative few (bounds the cost)."""
        if self._top is None:
            self._top = sorted(self.members, key=_informative)[:CENTROID_MEMBERS]
        return self._top

    def centroid(self, embeddings: Embeddings) -> np.ndarray:
        if self._centroid is None:
            chosen = self.representatives()
            self._centroid = embeddings.centroid([m.text for m in chosen])
            self._representatives = tuple(m.article for m in chosen)
        return self._centroid

    def summary(self) -> tuple[str | None, tuple[Spot, ...], frozenset[str], frozenset[str]]:
        """(main date, main places, people present, people named), kept until a member joins."""
        if self._facts is None:
            if self._tally is None:
                # each place once: a large event's members mostly name the same few places
                self._tally = (Counter(m.date for m in self.members if m.date),
                               dict.fromkeys(s for m in self.members for s in m.spots),
                               frozenset().union(*(m.present for m in self.members)))
            counts, spots, present = self._tally
            when = min(counts, key=lambda d: (-len(d), -counts[d], d)) if counts else None
            self._facts = (when, tuple(spots), present, self.people())
        return self._facts

    def people(self) -> frozenset[str]:
        return frozenset().union(*(m.named for m in self.members))


def _informative(member: Profile) -> tuple[int, str]:
    return -member.information(), member.article


def cluster_articles(articles: Sequence[Article], records: Sequence[ArticleRecord],
                     embeddings: Embeddings, replay: Replay | None = None) -> tuple[tuple[int, ...], ...]:
    """Group article indexes into events; groups sorted by their smallest article id.
    `replay` takes again the last build's decisions whose inputs are unchanged (`carry.py`)."""
    profiles = [profile(i, a, r) for i, (a, r) in enumerate(zip(articles, records))]
    groups = _link_by_facts(profiles)
    singles = sorted((g[0] for g in groups if len(g) == 1), key=lambda p: (-p.information(), p.article))
    events = [_Event(list(g)) for g in groups if len(g) > 1]
    # the events an article may join (blocking.py), a visit's other days included
    index = EventIndex(VISIT_DAYS, PLACE_RADIUS_KM)
    for number, event in enumerate(events):
        index.add(number, *_indexed(event))
    # Texts a decision may need, encoded together the first time one is needed. A rebuild
    # that takes the last build's decisions again has them on disk: finding them would cost more.
    if not (replay and replay.carries()):
        embeddings.expect([p.text for p in _may_compare(singles, events)])
    if replay:
        replay.begin([e.members for e in events], singles)
    for article in singles:
        candidates = index.candidates(article.date, article.named, article.present, article.spots)
        replayed, number = replay.recall(article, candidates) if replay else (False, None)
        if not replayed:
            number = _best_event(article, events, candidates, embeddings)
        if number is None:
            number = len(events)
            events.append(_Event([]))
        if replay:
            replay.note(article, candidates, number, replayed)
        events[number].add(article)
        index.add(number, events[number].summary()[0], article.named, article.present, article.spots)
    clustered = [tuple(sorted((m.index for m in e.members), key=lambda i: records[i].id)) for e in events]
    return tuple(sorted(clustered, key=lambda g: records[g[0]].id))


def _indexed(event: _Event) -> tuple:
    """What `EventIndex.add` keeps of an event: (main date, people named, present, main places)."""
    when, spots, present, _ = event.summary()
    return when, event.people(), present, spots


def _link_by_facts(profiles: Sequence[Profile]) -> list[list[Profile]]:
    parent = list(range(len(profiles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_day: dict[str, list[Profile]] = defaultdict(list)
    for p in profiles:
        if p.date and len(p.date) == 10:
            by_day[p.date].append(p)
    for same_day in by_day.values():
        for i, a in enumerate(same_day):
            for b in same_day[i + 1:]:
                if root(a.index) != root(b.index) and _strong_link(a, b):
                    parent[max(root(a.index), root(b.index))] = min(root(a.index), root(b.index))
    groups: dict[int, list[Profile]] = defaultdict(list)
    for p in profiles:
        groups[root(p.index)].append(p)
    return sorted(groups.values(), key=lambda g: min(p.article for p in g))


def _best_event(article: Profile, events: list[_Event], candidates: Sequence[int],
                embeddings: Embeddings) -> int | None:
    """The event the article joins, if any. Text decides unless the facts leave one choice.

    When exactly one of the events that fit the article's facts is held at the same place
    by the same people, the article joins it without an embedding (embeddings are what
    clustering a large corpus spends its time on).
    """
    live: list[int] = []  # events the facts do not rule out
    thresholds: list[float] = []  # lower where the date or the place positively supports the event
    certain: list[int] = []  # same main place and the same people present: the text cannot add much
    needed = min(2, len(article.present))
    agreement: list[int] = []  # how many facts agree: people present on both sides, same day, same place
    for number in candidates:  # most are contradicted by their date: the place is not asked then
        when, spots, present, named = events[number].summary()
        if article.present and present and not article.present & present \
                and not (article.present & named and article.named & present):
            continue  # no participant in common, and each side does not name someone the other saw
        dates = date_relation(article.date, when)
        places = place_relation(article.spots, spots) if article.spots and spots else "unknown"
        visit = _one_visit(article, when, spots, present)
        if dates == "conflict" and not visit:
            continue
        if (places == "conflict" or recalled_site(article, spots)) and not visit:
            continue
        live.append(number)
        supported = dates in ("same", "near") or places == "same"
        thresholds.append(SUPPORTED_SIMILARITY_THRESHOLD if supported else SIMILARITY_THRESHOLD)
        shared = len(article.present & present)
        agreement.append(shared + (dates in ("same", "near")) + (places == "same"))
        # the same people, or someone present at both on the very same day
        if places == "same" and ((needed and shared >= needed) or len(article.named & named) >= NAMED_IN_COMMON
                                 or (shared and dates == "same")):
            certain.append(number)
    if len(certain) == 1:
        return certain[0]
    if not live:
        return None
    # One product for all the candidates: the benchmark's singles each have about 40.
    similarities = np.array([events[n].centroid(embeddings) for n in live]) @ embeddings.vectors([article.text])[0]
    # Text only decides between the events the facts support best; a less supported one is
    # tried only when none of those is similar enough.
    for level in sorted(set(agreement), reverse=True):
        scored = [(float(s), -n) for n, s, t, a in zip(live, similarities, thresholds, agreement)
                  if a == level and s >= t]
        if scored:
            return -max(scored)[1]
    return None


def _one_visit(article: Profile, when: str | None, spots: Sequence[Spot], present: frozenset[str]) -> bool:
    """Whether the article reports another day of the event's visit: full dates at most
    `VISIT_DAYS` apart, main places in the same one country, and the same people present
    (two of them, or the article's only one). The same people months apart, or in another
    country, stay another meeting."""
    if not (article.date and when and len(article.date) == 10 and len(when) == 10 and article.spots and spots):
        return False
    if abs((date(*_parse(article.date)) - date(*_parse(when))).days) > VISIT_DAYS:
        return False
    countries = {s.country for s in (*article.spots, *spots)}
    if len(countries) != 1 or None in countries:
        return False
    return len(article.present & present) >= min(2, len(article.present)) > 0


def recalled_site(article: Profile, event_spots: Sequence[Spot]) -> bool:
    """Whether the article names the event's site only as a place of its background ("after
    the failed summit in Hanoi"): then it reports another meeting, as its text says."""
    if not event_spots or not article.recalled:
        return False
    return (place_relation(article.recalled, event_spots) == "same"
            and place_relation(article.spots, event_spots) != "same")


def _may_compare(singles: Sequence[Profile], events: Sequence[_Event]) -> list[Profile]:
    """The articles whose leads text comparison may need: singles that share a person with
    another article whose date and place do not contradict theirs, and the representatives
    of the events such a single may join (found as clustering finds candidates, `blocking.py`)."""
    index = EventIndex(VISIT_DAYS, PLACE_RADIUS_KM)
    for number, event in enumerate(events):
        index.add(number, *_indexed(event))
    for offset, single in enumerate(singles):  # each may start an event another single joins
        index.add(len(events) + offset, single.date, single.named, single.present, single.spots)
    wanted, joinable = [], set()
    for offset, single in enumerate(singles):
        found = index.candidates(single.date, single.named, single.present, single.spots)
        found = [n for n in found if n != len(events) + offset]
        if found:
            wanted.append(single)
            joinable.update(n for n in found if n < len(events))
    return wanted + [m for n in sorted(joinable) for m in events[n].representatives()]
