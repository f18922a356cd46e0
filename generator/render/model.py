"""What the pages are made from: events, people, places and sources, gathered once.

People and places are collected from the event records (their ids are the entity
registry's ids, so permalinks stay stable); a person's page lists every event they
appear in, with the English role and sources that event gives them (and the roles as
written, as evidence). Aliases also come from
the article records and the registry, so a search for any spelling the corpus uses
finds the page.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Iterable, Sequence

from ..extract.names import family_name_first
from ..records import (
    Article,
    ArticleRecord,
    EventPerson,
    EventPlace,
    EventRecord,
    Source,
)


@dataclass(frozen=True)
class EventSummary:
    """What a person's or place's page shows of an event: so the page depends on no more."""

    id: str
    title: str
    date: str | None

    @classmethod
    def of(cls, event: EventRecord) -> "EventSummary":
        return cls(event.id, event.title, event.date)


@dataclass(frozen=True)
class Appearance:
    """One event an entity appears in, with what that event says about it."""

    event: EventSummary
    role: str | None  # people: the English role the event gives them; places: "main place" or "mentioned"
    roles_as_written: tuple[str, ...]  # people: the roles as the articles state them
    present: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Entity:
    """A person or a place across all events."""

    kind: str  # "person" | "place"
    id: str
    name: str
    aliases: tuple[str, ...]
    appearances: tuple[Appearance, ...]
    place_type: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    role: str | None = None  # a person's English role, the one their events give most often
    met: tuple[tuple[str, str], ...] = ()  # (id, name) of the people a person took part with

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({s.article for a in self.appearances for s in a.sources}))


@dataclass(frozen=True)
class SourceDoc:
    """A source article: its text (as read) and its fact record."""

    article: Article | None
    record: ArticleRecord


@dataclass(frozen=True)
class Site:
    events: tuple[EventRecord, ...]  # newest first
    people: tuple[Entity, ...]  # sorted by name
    places: tuple[Entity, ...]
    sources: dict[str, SourceDoc]
    built: str | None
    registry: Any = None  # the entity registry, when the events stage supplies one

    @cached_property
    def _events_by_id(self) -> dict[str, EventRecord]:
        return {e.id: e for e in self.events}

    def event(self, event_id: str) -> EventRecord | None:
        return self._events_by_id.get(event_id)

    # Indexes a page looks things up in: built once, so rendering every page of a large
    # corpus stays linear.
    @cached_property
    def _spans_cited_by_events(self) -> dict[str, frozenset[tuple[int, int]]]:
        found: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for event in self.events:
            listed = frozenset(event.articles)
            sources = [s for group in (event.participants, event.locations, event.dates, event.outcomes)
                       for item in group for s in item.sources]
            sources += [s for conflict in event.conflicts for side in conflict.sides for s in side.sources]
            for source in sources:
                if source.article in listed:
                    found[source.article].add((source.start, source.end))
        return {article: frozenset(spans) for article, spans in found.items()}

    def spans_cited_by_events(self, article_id: str) -> frozenset[tuple[int, int]]:
        """(start, end) of every span of the article that an event listing it cites."""
        return self._spans_cited_by_events.get(article_id, frozenset())

    @cached_property
    def source_titles(self) -> dict[str, str]:
        """Article → the title a reader sees for it (`common.source_title` fills it): every
        person and place page lists the titles of hundreds of sources."""
        return {}

    @cached_property
    def _page_ids(self) -> dict[str, frozenset[str]]:
        return {"people": frozenset(p.id for p in self.people), "places": frozenset(p.id for p in self.places)}

    def page_ids(self, kind: str) -> frozenset[str]:
        """The ids of the pages of `kind` ("people" or "places")."""
        return self._page_ids[kind]

    @cached_property
    def _registry_names(self) -> dict[str, dict[str, dict[str, str]]]:
        found: dict[str, dict[str, dict[str, str]]] = {}
        for table in ("person_ids", "place_ids"):
            by_article: dict[str, dict[str, str]] = defaultdict(dict)
            pairs = getattr(self.registry, table, ()) if self.registry is not None else ()
            for (article, name), entity in pairs:
                by_article[article][name] = entity
            found[table] = dict(by_article)
        return found

    def registry_names(self, table: str, article_id: str) -> dict[str, str]:
        """Name as the article's record gives it → entity id, from the registry's `table`
        ("person_ids" or "place_ids")."""
        return self._registry_names[table].get(article_id, {})


def newest_first(events: Iterable[EventRecord]) -> tuple[EventRecord, ...]:
    """Dated events newest first, then undated ones; ties by id so the order is stable."""
    ordered = sorted(events, key=lambda e: e.id)
    dated = sorted((e for e in ordered if e.date), key=lambda e: e.date or "", reverse=True)
    return tuple(dated) + tuple(e for e in ordered if not e.date)


def _aliases(name: str, spellings: Iterable[str]) -> tuple[str, ...]:
    # Spellings equal but for case in one order every run: "Kim Jong-Un" before "Kim Jong-un".
    return tuple(sorted({s for s in spellings if s and s != name}, key=lambda s: (s.casefold(), s)))


def _registry_aliases(registry: Any) -> dict[str, tuple[str, ...]]:
    """Aliases the entity registry knows, by id (people and places alike)."""
    found: dict[str, tuple[str, ...]] = {}
    for group in ("people", "places"):
        for entity in _entries(getattr(registry, group, ())):
            found[entity.id] = tuple(getattr(entity, "aliases", ()))
    return found


def _entries(group: Any) -> Iterable[Any]:
    return group.values() if isinstance(group, dict) else group


def registry_redirects(registry: Any) -> dict[str, tuple[str, ...]]:
    """Earlier ids of people and places (by folder), from the registry's `redirect_from`."""
    found: dict[str, tuple[str, ...]] = {}
    for group in ("people", "places"):
        for entity in _entries(getattr(registry, group, ()) if registry is not None else ()):
            for old in getattr(entity, "redirect_from", ()):
                found[f"{group}/{old}"] = (group, entity.id, entity.name)
    return found


def collect_people(events: Sequence[EventRecord], records: Sequence[ArticleRecord],
                   registry: Any = None) -> tuple[Entity, ...]:
    by_id: dict[str, list[tuple[EventRecord, EventPerson]]] = defaultdict(list)
    for event in events:
        for person in event.participants:
            by_id[person.id].append((event, person))
    spellings = _spellings_by_name(records, "participants")
    known = _registry_aliases(registry) if registry is not None else {}
    present = {event.id: _present(event) for event in events}
    rank = _listing_order(entry for entries, _ in present.values() for entry in entries)
    people = []
    for person_id, seen in by_id.items():
        name = seen[0][1].name
        names = {a for _, p in seen for a in p.aliases} | set(known.get(person_id, ()))
        names |= {n for _, p in seen for n in spellings.get(p.name, ())}
        newest = sorted(seen, key=lambda pair: (pair[0].date or "", pair[0].id), reverse=True)
        appearances = tuple(Appearance(EventSummary.of(event), person.role, person.roles_as_written, person.present,
                                       person.sources)
                            for event, person in newest)
        people.append(Entity("person", person_id, name, _aliases(name, names), appearances,
                             role=_usual_role(appearances), met=_met(person_id, newest, present, rank)))
    return tuple(sorted(people, key=lambda p: (surname_order(p.name), p.id)))


def _usual_role(appearances: Sequence[Appearance]) -> str | None:
    """The English role the events give a person most often (ties: the most recent)."""
    roles = [a.role for a in appearances if a.role]
    if not roles:
        return None
    counts = Counter(roles)
    return max(roles, key=lambda role: (counts[role], -roles.index(role)))


_Present = tuple[frozenset[tuple[str, str]], dict[str, frozenset[tuple[str, str]]]]


def _present(event: EventRecord) -> _Present:
    """(id, name) of the people present at an event, and those of each id: made once per event,
    not once per participant (an event of hundreds of people was walked hundreds of times)."""
    entries = frozenset((p.id, p.name) for p in event.participants if p.present)
    by_id: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for entry in entries:
        by_id[entry[0]].add(entry)
    return entries, {i: frozenset(e) for i, e in by_id.items()}


def _listing_order(entries: Iterable[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """Each (id, name) of a person present somewhere → its place in a list of people (by
    surname, then id): sorted once, so each "Met with" list sorts by plain numbers (the
    lists of 3,000 articles hold 320,000 entries)."""
    return {entry: n for n, entry in enumerate(sorted(set(entries), key=lambda e: (surname_order(e[1]), e)))}


def _met(person_id: str, seen: Sequence[tuple[EventRecord, EventPerson]],
         present: dict[str, _Present], rank: dict[tuple[str, str], int]) -> tuple[tuple[str, str], ...]:
    """Who took part in the events this person took part in, most shared events first, then
    in `rank`'s order."""
    shared: Counter[tuple[str, str]] = Counter()
    for event, person in seen:
        if person.present:
            entries, by_id = present[event.id]
            shared.update(entries - by_id.get(person_id, frozenset()))
    ranked = sorted(shared, key=rank.__getitem__)
    ranked.sort(key=shared.__getitem__, reverse=True)  # stable: equal counts keep `rank`'s order
    return tuple(ranked)


@lru_cache(maxsize=1)
def _collator() -> Any:
    from pyuca import Collator  # the Unicode Collation Algorithm: "Ábel" sorts with "Abel"

    return Collator()


# A corpus names the same few thousand people and places over and over: the "Met with"
# lists of 3,000 articles asked for 650,000 keys of a few hundred names (40 s uncached).
@lru_cache(maxsize=65536)
def collation_key(text: str) -> tuple[int, ...]:
    key = _given_keys.get(text)
    if key is None:
        key = _collator().sort_key(text.casefold())
    _asked_keys[text] = key
    return key


# Keys an earlier build made, given back (`execution.py` keeps them in the output cache):
# loading the collator's table took 0.4 s of a rebuild that sorts only names sorted before.
_given_keys: dict[str, tuple[int, ...]] = {}
_asked_keys: dict[str, tuple[int, ...]] = {}


def give_collation_keys(keys: dict[str, tuple[int, ...]]) -> None:
    """Take `keys` (text → `collation_key(text)`, made by this collator) instead of making them."""
    _given_keys.update(keys)


def asked_collation_keys() -> dict[str, tuple[int, ...]]:
    """Every text whose collation key this process asked for, with its key."""
    return dict(_asked_keys)


# A Hanyu Pinyin syllable that opens with a consonant ("xi", "jin", "ping", "zhang"; j, q
# and x only before i or u): Chinese names written in it put the family name, one syllable,
# before a given name of one to three ("Xi Jinping", "Li Qiang"), and a syllable inside a
# given name opens with a consonant ("Faria" is not fa-ri-a).
_PINYIN = (r"(?:[jqxld]ia|(?:zh|ch|sh|[bpmfdtnlgkhrzcsyw]|[jqx](?=[iu]))"
           r"(?:iang|iong|uang|ang|eng|ing|ong|iao|ian|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en|in|un|ua|uo|a|o|e|i|u))")
_PINYIN_NAME = re.compile(rf"{_PINYIN} (?:{_PINYIN}){{1,3}}", re.IGNORECASE)


def surname(name: str) -> str:
    """The name a person is listed under: the family name, first in "Kim Jong Un" and
    "Xi Jinping", last in "Pedro Sánchez"."""
    parts = name.split()
    if len(parts) < 2:
        return name
    return parts[0] if family_name_first(name) or _PINYIN_NAME.fullmatch(name) else parts[-1]


@lru_cache(maxsize=65536)  # asked for each name of every "Met with" list: 320,000 times at 3,000 articles
def surname_order(name: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key of a person: by family name, then full name, with locale-aware collation."""
    return collation_key(surname(name)), collation_key(name)


def collect_places(events: Sequence[EventRecord], records: Sequence[ArticleRecord],
                   registry: Any = None) -> tuple[Entity, ...]:
    by_id: dict[str, list[tuple[EventRecord, EventPlace]]] = defaultdict(list)
    for event in events:
        for place in event.locations:
            by_id[place.id].append((event, place))
    spellings = _spellings_by_name(records, "locations")
    known = _registry_aliases(registry) if registry is not None else {}
    places = []
    for place_id, seen in by_id.items():
        first = seen[0][1]
        located = next((p for _, p in seen if p.lat is not None and p.lon is not None), first)
        names = set(known.get(place_id, ())) | {n for _, p in seen for n in spellings.get(p.name, ())}
        appearances = tuple(
            Appearance(EventSummary.of(event), "main place" if place.main else "mentioned", (), place.main,
                       place.sources)
            for event, place in sorted(seen, key=lambda pair: (pair[0].date or "", pair[0].id), reverse=True)
        )
        places.append(Entity("place", place_id, first.name, _aliases(first.name, names), appearances,
                             place_type=first.type, country=first.country, lat=located.lat, lon=located.lon))
    return tuple(sorted(places, key=lambda p: (collation_key(p.name), p.id)))


def _spellings_by_name(records: Sequence[ArticleRecord], field: str) -> dict[str, set[str]]:
    """Canonical name → every spelling the article records use for it."""
    found: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for fact in getattr(record, field):
            found[fact.name].update(fact.aliases)
    return found


def build_site(articles: Sequence[Article], records: Sequence[ArticleRecord],
               events: Sequence[EventRecord], registry: Any, built: str | None) -> Site:
    texts = {a.id: a for a in articles}
    sources = {r.id: SourceDoc(texts.get(r.id), r) for r in sorted(records, key=lambda r: r.id)}
    return Site(
        events=newest_first(events),
        people=collect_people(events, records, registry),
        places=collect_places(events, records, registry),
        sources=sources,
        built=built,
        registry=registry,
    )
