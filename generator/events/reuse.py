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
