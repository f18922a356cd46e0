"""Typed records that pass between the pipeline stages.

Every stage takes and returns these frozen dataclasses, never loose dicts. Every fact
carries its provenance (`Evidence`: the verbatim sentence and its character span in
the article text), so a reader can always get from a fact back to its source.

Serialisation to the on-disk YAML/JSON shape lives here too (`to_dict`), so the
record layout is defined in exactly one place; the JSON Schemas in `schema/` check it.
"""
from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Literal, TypeVar

PlaceType = Literal["city", "venue", "region", "country", "other"]
OutcomeKind = Literal["agreement", "no-agreement", "statement", "announcement", "gift", "assessment"]
PLACE_TYPES: tuple[str, ...] = ("city", "venue", "region", "country", "other")
OUTCOME_KINDS: tuple[str, ...] = ("agreement", "no-agreement", "statement", "announcement", "gift", "assessment")


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote from an article and its character span: text[start:end] == quote."""

    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, with its span in the article text."""

    text: str
    start: int
    end: int

    def evidence(self) -> Evidence:
        return Evidence(self.text, self.start, self.end)


@dataclass(frozen=True)
class Article:
    """An article as read from the corpus: its text and whatever metadata it states.

    `text` is the body the facts cite: for `.txt` files the whole file (its first line
    is the title), for `.md` files everything after the front matter.
    """

    id: str
    path: str
    text: str
    title: str
    content_hash: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    language: str | None = None  # as stated in front matter; None means detect


@dataclass(frozen=True)
class Person:
    name: str  # canonical name, the same across articles and languages
    aliases: tuple[str, ...]  # the spellings this article uses
    role: str | None  # as the text states it, in the source language
    # The role in English ("President of Russia"), derived from `role` and the person's other
    # roles; keyword-only so that it may stand next to `role` in the record.
    role_en: str | None = field(default=None, kw_only=True)
    present: bool  # took part in the main event (as opposed to merely mentioned)
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Place:
    name: str  # canonical (English) name
    aliases: tuple[str, ...]
    type: PlaceType
    country: str | None  # ISO 3166-1 alpha-2
    lat: float | None
    lon: float | None
    main: bool  # the main event took place here (or within it)
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class DateFact:
    value: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    text: str  # the expression as written
    main: bool  # the date of the main event
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Outcome:
    text: str
    kind: OutcomeKind
    speaker: str | None  # canonical person name
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Document:
    """The state that flows through the extraction stages of one article.

    Each stage reads what earlier stages filled in and the orchestrator adds its
    result with `dataclasses.replace`; stages never mutate it.
    """

    article: Article
    language: str
    sentences: tuple[Sentence, ...]
    anchor: date | None = None  # the date relative expressions resolve against
    anchor_source: Literal["front-matter", "text", "dateline", "event"] | None = None
    people: tuple[Person, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateFact, ...] = ()
    outcomes: tuple[Outcome, ...] = ()


@dataclass(frozen=True)
class ArticleRecord:
    """The fact record of one article (docs/data/articles/<id>.yaml)."""

    id: str
    language: str
    title: str
    url: str | None
    outlet: str | None
    published: str | None  # ISO date
    published_source: Literal["front-matter", "text", "dateline", "event"] | None  # how `published` is known
    event: str | None
    date: str | None  # main event date as this article states it
    participants: tuple[Person, ...]
    locations: tuple[Place, ...]
    dates: tuple[DateFact, ...]
    outcomes: tuple[Outcome, ...]
    content_hash: str
    extractor_version: str
    source: str  # the corpus path the record was made from


@dataclass(frozen=True)
class Source:
    """Where an event-level fact comes from: one article and the sentence it cites."""

    article: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class EventPerson:
    id: str  # entity registry id
    name: str
    aliases: tuple[str, ...]
    role: str | None  # one role, in English: the most specific and most frequent of its articles'
    roles_as_written: tuple[str, ...]  # the evidence: every role as the articles state it
    present: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class EventPlace:
    id: str
    name: str
    type: PlaceType
    country: str | None
    lat: float | None
    lon: float | None
    main: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class EventDate:
    value: str
    texts: tuple[str, ...]
    main: bool
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class EventOutcome:
    text: str
    kind: OutcomeKind
    speaker: str | None
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class ConflictSide:
    value: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Conflict:
    """Sources disagree about one attribute of the event (its date, place, a number...)."""

    about: str
    sides: tuple[ConflictSide, ...]


@dataclass(frozen=True)
class EventRecord:
    """The merged record of one event (docs/data/events/<id>.yaml)."""

    id: str
    title: str
    date: str | None
    places: tuple[str, ...]  # canonical names of the main places
    articles: tuple[str, ...]
    participants: tuple[EventPerson, ...]
    locations: tuple[EventPlace, ...]
    dates: tuple[EventDate, ...]
    outcomes: tuple[EventOutcome, ...]
    conflicts: tuple[Conflict, ...]
    languages: tuple[str, ...]
    redirect_from: tuple[str, ...] = ()  # earlier ids of this event, kept as redirects


@dataclass(frozen=True)
class PastEvent:
    """An event of the last build, as the next build needs it: so an event whose id
    changes keeps its old address as a redirect (docs/.events.json)."""

    id: str
    articles: tuple[str, ...]
    redirect_from: tuple[str, ...] = ()


def to_dict(record: Any) -> Any:
    """Turn a record (or a tuple of records) into plain data for YAML/JSON.

    Tuples become lists; `sources` gain a `count` sibling where the schema wants one.
    Field order follows the dataclass, so output is stable.
    """
    kind = type(record)
    if kind in _PLAIN:
        return record
    names = _field_names(kind)
    if names is not None:
        out: dict[str, Any] = {}
        for name in names:
            value = getattr(record, name)
            out[name] = to_dict(value)
            if name == "sources":
                out["source_count"] = len({s.article for s in value})
        return out
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, date):
        return record.isoformat()
    return record


_PLAIN = frozenset({str, int, float, bool, type(None)})


@lru_cache(maxsize=None)
def _field_names(kind: type) -> tuple[str, ...] | None:
    """A dataclass's field names, in order (asked for every record a build writes: once per
    class); None for any other type."""
    return tuple(f.name for f in dataclasses.fields(kind)) if dataclasses.is_dataclass(kind) else None


R = TypeVar("R")


def evolve(record: R, **changes: Any) -> R:
    """`dataclasses.replace` for the frozen records: a copy with `changes`, made without
    running `__init__` (none of them checks anything there). Linking copies thousands of
    records, facts and entities, and `replace` took 7 µs a copy against 1 µs this way.
    Only fields are copied, so nothing a `cached_property` kept can go stale."""
    names = _field_names(type(record)) or ()
    copy = object.__new__(type(record))
    state, old, used = copy.__dict__, record.__dict__, 0
    for name in names:
        if name in changes:
            state[name] = changes[name]
            used += 1
        else:
            state[name] = old[name]
    if used != len(changes):
        raise TypeError(f"{type(record).__name__} has no field(s) {sorted(set(changes) - set(names))}")
    return copy


def from_dict(cls: type, data: dict[str, Any]) -> Any:
    """Rebuild a record from `to_dict` output (the last build's event index, for one)."""
    kwargs: dict[str, Any] = {}
    for name, inner in _field_types(cls):
        if name not in data:
            continue
        value = data[name]
        if isinstance(value, list):
            value = tuple(from_dict(inner, v) if inner and isinstance(v, dict) else v for v in value)
        kwargs[name] = value
    return cls(**kwargs)


@lru_cache(maxsize=1)
def layout() -> str:
    """A digest of every record class's fields and their types: stored records (pickled,
    in the extraction cache) are only read back into the layout they were written from."""
    classes = sorted((obj for obj in globals().values() if isinstance(obj, type) and dataclasses.is_dataclass(obj)),
                     key=lambda cls: cls.__name__)
    fields = [(cls.__name__, [(f.name, str(f.type)) for f in dataclasses.fields(cls)]) for cls in classes]
    return hashlib.sha256(repr(fields).encode()).hexdigest()[:8]


@lru_cache(maxsize=None)
def _field_types(cls: type) -> tuple[tuple[str, type | None], ...]:
    """(field name, record type of its items) for each field of `cls`: looked up once per
    class, because a record holds many small records of the same few classes."""
    nested = {
        "participants": Person if cls is ArticleRecord else EventPerson,
        "locations": Place if cls is ArticleRecord else EventPlace,
        "dates": DateFact if cls is ArticleRecord else EventDate,
        "outcomes": Outcome if cls is ArticleRecord else EventOutcome,
        "evidence": Evidence,
        "sources": Source,
        "conflicts": Conflict,
        "sides": ConflictSide,
    }
    return tuple((f.name, nested.get(f.name)) for f in dataclasses.fields(cls))
