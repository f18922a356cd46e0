"""Canonical names in article records, and the event id their merged facts give.

Once the registry knows who is who, each record names every person and place by its
registry name, with one entry per entity (an article that says "Kim" and "Kim Jong-un"
lists one person), and outcome speakers follow.
"""
from __future__ import annotations

from typing import Sequence, TypeVar

from ..extract.names import same_person
from ..extract.roles import best_role
from ..records import ArticleRecord, Person, Place, evolve
from ..registry import Registry, build_registry
from .ids import event_id, unique_ids
from .merge import MergedFacts, main_date, main_places, merged_facts
from .titles import principal_people

T = TypeVar("T", Person, Place)


def _merge_people(people: list[Person]) -> Person:
    first = people[0]
    if len(people) == 1 and _in_order(first) and first.role != "":
        return first  # what merging one would give: most entities are named once per article
    evidence = sorted({e for p in people for e in p.evidence}, key=lambda e: (e.start, e.end))
    aliases = sorted({a for p in people for a in p.aliases})
    role = next((p.role for p in people if p.role), None)
    return evolve(first, aliases=tuple(aliases), role=role, role_en=best_role(p.role_en for p in people),
                   present=any(p.present for p in people), evidence=tuple(evidence))


def _merge_places(places: list[Place]) -> Place:
    first = places[0]
    if len(places) == 1 and _in_order(first):
        return first
    evidence = sorted({e for p in places for e in p.evidence}, key=lambda e: (e.start, e.end))
    return evolve(first, aliases=tuple(sorted({a for p in places for a in p.aliases})),
                   main=any(p.main for p in places), evidence=tuple(evidence))


def _in_order(fact: Person | Place) -> bool:
    """Whether the fact's aliases and evidence are sorted and distinct, as a merge leaves them."""
    aliases, evidence = fact.aliases, fact.evidence
    return (all(a < b for a, b in zip(aliases, aliases[1:]))
            and all((a.start, a.end) < (b.start, b.end) for a, b in zip(evidence, evidence[1:])))


def canonical_records(records: Sequence[ArticleRecord], registry: Registry):
    """Records with registry names (one entry per entity) and (article, name) → id lookups."""
    person_ids: dict[tuple[str, str], str] = {}
    place_ids: dict[tuple[str, str], str] = {}
    out = []
    for record in records:
        people: dict[str, list[Person]] = {}
        for person in record.participants:
            entity = registry.person(registry.person_id(record.id, person.name))
            people.setdefault(entity.id, []).append(_named(person, entity.name))
        places: dict[str, list[Place]] = {}
        for place in record.locations:
            entity = registry.place(registry.place_id(record.id, place.name))
            places.setdefault(entity.id, []).append(_named(place, entity.name))
        merged_people = [_merge_people(group) for group in people.values()]
        merged_places = [_merge_places(group) for group in places.values()]
        for entity_id, person in zip(people, merged_people):
            person_ids.setdefault((record.id, person.name), entity_id)
        for entity_id, place in zip(places, merged_places):
            place_ids.setdefault((record.id, place.name), entity_id)
        speakers = {p.name: registry.person(registry.person_id(record.id, p.name)).name for p in record.participants}
        outcomes = tuple(o if (speaker := _speaker(o.speaker, speakers)) == o.speaker else evolve(o, speaker=speaker)
                         for o in record.outcomes)
        out.append(evolve(record, participants=tuple(merged_people), locations=tuple(merged_places),
                           outcomes=outcomes))
    return out, (lambda article, name: person_ids[(article, name)]), (lambda article, name: place_ids[(article, name)])


def _named(fact: T, name: str) -> T:
    """The fact under its registry name (itself when it has it: most do, and copies add up)."""
    return fact if fact.name == name else evolve(fact, name=name)


def _speaker(name: str | None, canonical: dict[str, str]) -> str | None:
    if name is None or name in canonical:
        return canonical.get(name) if name else None
    fits = sorted({c for n, c in canonical.items() if same_person(name, n)})
    return fits[0] if len(fits) == 1 else name


def derive_id(records: Sequence[ArticleRecord], registry: Registry, person_id, place_id,
              merged: MergedFacts | None = None) -> str:
    """The id an event's facts give it; `merged`: its people and places, if merged already."""
    people, places = merged or merged_facts(records, registry, person_id, place_id)
    mains = main_places(places)
    return event_id(main_date(records), principal_people(people, records), mains[0].name if mains else None)


def group_ids(groups: Sequence[Sequence[int]], records: Sequence[ArticleRecord], actions: Sequence = ()
              ) -> tuple[str, ...]:
    """The ids the events would get now (used to match curation entries while events still change)."""
    labels = {records[i].id: f"event-{n}" for n, group in enumerate(groups) for i in group}
    registry, _ = build_registry(records, labels, actions)
    canonical, person_id, place_id = canonical_records(records, registry)
    return unique_ids([derive_id([canonical[i] for i in g], registry, person_id, place_id) for g in groups])
