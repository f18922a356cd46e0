"""Events kept from the last build: an event whose inputs did not change is not merged again.

An event's record is a pure function of its articles' canonical records, of what the
registry says about the people and places they name (the entity ids, and a place's
type, country and position, which other articles can change), and of the id, title
and redirects it is merged with. A rebuild after one article is added changes an event
or two; merging the other 549 of the benchmark's events took it 0.15 s, digesting their
inputs and reading them back 0.08 s. So each merged event is kept in the output cache
(`memo.py`) under a key that digests all of those inputs, with the id its facts gave it
(ids are made unique across events before naming) and its digest.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from ..memo import Memo
from ..records import ArticleRecord, EventRecord
from ..registry import Registry
from .merge import IdOf, MergedFacts
from .titles import stated_format


@dataclass(frozen=True)
class KeptEvent:
    """An event as a build merged it, kept for the next build."""

    derived_id: str  # the id its facts gave it, before `unique_ids`
    merged_as: tuple[str, str | None, tuple[str, ...]]  # (id, title, redirects) it was merged with
    record: EventRecord
    digest: str  # `Memo.digest` of `record`

    @property
    def merged(self) -> MergedFacts:
        """Its people and places: what `merged_facts` gives for its records."""
        return self.record.participants, self.record.locations


def event_key(records: Sequence[ArticleRecord], registry: Registry, person_id: IdOf, place_id: IdOf,
              memo: Memo) -> str:
    """The key of the event merged from `records` (canonical ones, in any order)."""
    ordered = sorted(records, key=lambda r: r.id)
    people = [(r.id, p.name, person_id(r.id, p.name)) for r in ordered for p in r.participants]
    places = []
    for record in ordered:
        for place in record.locations:
            entity = registry.place(place_id(record.id, place.name))
            places.append((record.id, place.name, entity.id, entity.type, entity.country, entity.lat, entity.lon))
    return memo.key("event", [[memo.digest(r) for r in ordered], people, places])


def recall(memo: Memo, key: str) -> KeptEvent | None:
    kept = memo.recall(key)
    if not isinstance(kept, KeptEvent):
        return None
    memo.know(kept.record, kept.digest)
    return kept


def keep(memo: Memo, key: str, derived_id: str, merged_as: tuple[str, str | None, tuple[str, ...]],
         record: EventRecord) -> None:
    memo.keep(key, KeptEvent(derived_id, merged_as, record, memo.digest(record)))


class StatedFormats:
    """`titles.stated_format` of each event, taken from the last build where the event's
    records are the same: finding a format reads every report's headline and main facts,
    1.6 s of a rebuild of 3,000 articles, for the one or two events an added article changes.

    All of them are kept in one entry of the output cache, by a digest of the records."""

    def __init__(self, memo: Memo | None) -> None:
        self._memo = memo
        kept = memo.recall(self._key()) if memo else None
        self._last: dict[str, str | None] = kept if isinstance(kept, dict) else {}
        self._now: dict[str, str | None] = {}

    def __call__(self, records: Sequence[ArticleRecord]) -> str | None:
        if self._memo is None:
            return stated_format(records)
        key = self._memo.key("stated-format", sorted(self._memo.digest(r) for r in records))
        if key not in self._now:
            self._now[key] = self._last[key] if key in self._last else stated_format(records)
        return self._now[key]

    def keep(self) -> None:
        """Keep this build's formats for the next build (those of events that are gone go)."""
        if self._memo is not None and self._now != self._last:
            self._memo.keep(self._key(), self._now)
        elif self._memo is not None:
            self._memo.used.add(self._key())

    def _key(self) -> str:
        assert self._memo is not None
        return self._memo.key("stated-formats", "the last build's")
