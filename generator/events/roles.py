"""One English role per person and event: chosen from its articles, completed from the corpus.

Extraction gives each person of an article an English role (`Person.role_en`) from the
roles its text states. Per event, then over all events:

- `event_role`: the one role an event gives a person, the most specific and then the
  most frequent of its articles' roles (`extract.roles.best_role`); a bare office takes
  the country the articles' relation phrases give ("omologo francese");
- `complete_roles`: a role the event's articles state with no country ("the president")
  takes the country the person's roles in the other articles give, when that is safe:
  the same office held in one country only ("President" → "President of Russia"), or,
  for any office, when every role of theirs that names a country names the same one and
  none names an organisation. A role an article states always beats one completed so.
- `fill_missing_roles`: a person none of whose event's articles states a role takes the
  most specific role their other events agree on.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Callable, Iterable, Sequence

from ..extract.roles import EnglishRole, best_role, parse, placed, specificity, with_country
from ..records import ArticleRecord, EventPerson, EventRecord, evolve

IdOf = Callable[[str, str], str]  # (article id, canonical name) → registry id


def event_role(roles: Iterable[str | None], countries: Iterable[str | None] = ()) -> str | None:
    """The one English role of a person at an event, from each article's role; a bare office
    takes the country the articles' relation phrases give, when they give one
    ("ministre des Affaires étrangères" and "omologo francese": Foreign Minister of France)."""
    chosen = best_role(roles)
    stated = {c for c in countries if c}
    if chosen is None or len(stated) != 1:
        return chosen
    return with_country(chosen, next(iter(stated)))


def complete_roles(events: Sequence[EventRecord], records: Sequence[ArticleRecord],
                   person_id: IdOf) -> list[EventRecord]:
    """Events whose people's bare roles take the country their roles elsewhere give."""
    known: dict[str, list[EnglishRole]] = defaultdict(list)
    for record in records:
        for person in record.participants:
            parsed = parse(person.role_en) if person.role_en else None
            if parsed is not None and parsed.of:
                known[person_id(record.id, person.name)].append(parsed)
    out = []
    for event in events:
        people = tuple(_completed(p, known.get(p.id, ())) for p in event.participants)
        changed = any(a is not b for a, b in zip(people, event.participants))
        out.append(evolve(event, participants=people) if changed else event)
    return out


def _completed(person: EventPerson, elsewhere: Sequence[EnglishRole]) -> EventPerson:
    role = parse(person.role) if person.role and elsewhere else None
    if role is None or role.of:
        return person
    same_office = {r.of for r in elsewhere if r.office == role.office}
    owner = _only(same_office)
    if owner is None and not same_office and all(r.country for r in elsewhere):
        owner = _only({r.of for r in elsewhere})
    if owner is None:
        return person
    return evolve(person, role=placed(role.office, owner, role.qualifiers))


def _only(values: set[str | None]) -> str | None:
    return next(iter(values)) if len(values) == 1 else None


def fill_missing_roles(events: Sequence[EventRecord]) -> list[EventRecord]:
    """A person no article of an event gives a role takes the role their other events give
    them, where those agree on one most specific role of a country or organisation (so
    "Vladimir Putin" at a dinner none of whose reports names his office is still "President
    of Russia"; someone who held two offices gets neither)."""
    held: dict[str, set[str]] = defaultdict(set)
    for event in events:
        for person in event.participants:
            parsed = parse(person.role) if person.role else None
            if parsed is not None and parsed.of and not parsed.qualifiers:
                held[person.id].add(person.role)
    # Of the roles a person holds elsewhere, the most specific: "President of Russia" over a
    # generic "Leader of Russia"; two offices of equal rank leave the person without one.
    known = {}
    for person_id, roles in held.items():
        top = max(specificity(r) for r in roles)
        best = [r for r in roles if specificity(r) == top]
        if len(best) == 1:
            known[person_id] = best[0]
    out = []
    for event in events:
        people = tuple(evolve(p, role=known[p.id]) if p.role is None and p.id in known else p
                       for p in event.participants)
        out.append(evolve(event, participants=people) if people != event.participants else event)
    return out
