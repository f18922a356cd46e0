"""Apply the editor's curation to events and facts (the entity actions live in registry.py).

An event is referred to by its id as the site shows it, by any id it redirects from, or
by an id it had in the previous build. Every action that matches nothing adds a warning
naming its line in the curation file, so stale entries do not linger unnoticed.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from slugify import slugify

from ..curation import AddFact, Curation, MergeEntities, MergeEvents, RenameEntity, RenameEvent, SetTitle, \
    SplitEvent, SuppressFact
from ..extract.names import person_key
from ..extract.roles import english_role
from ..records import Article, ArticleRecord, DateFact, Evidence, Outcome, PastEvent, Person, Place
from ..safe_yaml import quoted
from .canonical import group_ids

STALE = "update or remove the entry"


def _previous_names(groups: Sequence[Sequence[int]], records: Sequence[ArticleRecord],
                    previous: Sequence[PastEvent]) -> list[set[str]]:
    """For each group, the id (and redirects) of the last build's event that shared the most
    articles with it (ties: the greater id). Looked up by article: scanning every past event
    for every group took a rebuild of 1,000 articles 0.05 s."""
    events_of: dict[str, list[int]] = {}
    for number, past in enumerate(previous):
        for article in set(past.articles):
            events_of.setdefault(article, []).append(number)
    found = []
    for group in groups:
        shared: dict[int, int] = {}
        for article in {records[i].id for i in group}:
            for number in events_of.get(article, ()):
                shared[number] = shared.get(number, 0) + 1
        if not shared:
            found.append(set())
            continue
        best = previous[max(shared, key=lambda n: (shared[n], previous[n].id))]
        found.append({best.id, *best.redirect_from})
    return found


def _names(groups: Sequence[Sequence[int]], records: Sequence[ArticleRecord], previous: Sequence[PastEvent],
           curation: Curation) -> list[set[str]]:
    ids = group_ids(groups, records, curation.of(RenameEntity, MergeEntities))
    return [{ids[n], *past} for n, past in enumerate(_previous_names(groups, records, previous))]


def _find(reference: str, names: Sequence[set[str]]) -> list[int]:
    return [n for n, known in enumerate(names) if reference in known]


def apply_event_curation(groups: list[list[int]], records: Sequence[ArticleRecord], curation: Curation,
                         previous: Sequence[PastEvent], warnings: list[str]) -> list[list[int]]:
    """merge_events and split_event, in file order."""
    for action in curation.of(MergeEvents, SplitEvent):
        names = _names(groups, records, previous, curation)
        if isinstance(action, MergeEvents):
            found: list[int] = []
            for reference in action.events:
                hits = _find(reference, names)
                if not hits:
                    warnings.append(f"{action.where}: merge_events: no event {quoted(reference)} ({STALE})")
                found += [h for h in hits if h not in found]
            if len(found) < 2:
                if len(action.events) >= 2 and len(found) == 1 and all(_find(r, names) for r in action.events):
                    warnings.append(f"{action.where}: merge_events: the events are already one ({STALE})")
                continue
            keep = min(found)
            groups[keep] = sorted({i for n in found for i in groups[n]})
            groups = [g for n, g in enumerate(groups) if n == keep or n not in found]
        else:
            hits = _find(action.event, names)
            if not hits:
                warnings.append(f"{action.where}: split_event: no event {quoted(action.event)} ({STALE})")
                continue
            group = groups[hits[0]]
            moving = [i for i in group if records[i].id in action.articles]
            missing = sorted(set(action.articles) - {records[i].id for i in group})
            if missing:
                warnings.append(f"{action.where}: split_event: article(s) {', '.join(missing)} not in "
                                f"event {quoted(action.event)} ({STALE})")
            if not moving or len(moving) == len(group):
                if moving:
                    warnings.append(f"{action.where}: split_event: every article of {quoted(action.event)} is listed, "
                                    f"nothing is left to split from ({STALE})")
                continue
            groups[hits[0]] = [i for i in group if i not in moving]
            groups.append(moving)
    return sorted(groups, key=lambda g: min(records[i].id for i in g))


# ---------------------------------------------------------------- facts


def _person_matches(person: Person, value: str) -> bool:
    key = person_key(value)
    return any(person_key(n) == key for n in (person.name, *person.aliases))


def _place_matches(place: Place, value: str) -> bool:
    return any(slugify(n) == slugify(value) for n in (place.name, *place.aliases))


def _outcome_matches(outcome: Outcome, value: str) -> bool:
    wanted = " ".join(value.split()).casefold()
    return any(wanted in " ".join(t.split()).casefold() for t in (outcome.text, *(e.quote for e in outcome.evidence)))


def _suppress(record: ArticleRecord, action: SuppressFact) -> tuple[ArticleRecord, bool]:
    if action.fact == "person":
        kept = tuple(p for p in record.participants if not _person_matches(p, action.value))
        return replace(record, participants=kept), len(kept) < len(record.participants)
    if action.fact == "place":
        kept = tuple(p for p in record.locations if not _place_matches(p, action.value))
        return replace(record, locations=kept), len(kept) < len(record.locations)
    if action.fact == "date":
        kept = tuple(d for d in record.dates if d.value != action.value)
        main = record.date if record.date != action.value else next((d.value for d in kept if d.main), None)
        return replace(record, dates=kept, date=main), len(kept) < len(record.dates) or record.date != main
    kept = tuple(o for o in record.outcomes if not _outcome_matches(o, action.value))
    return replace(record, outcomes=kept), len(kept) < len(record.outcomes)


def _add(record: ArticleRecord, article: Article, action: AddFact) -> ArticleRecord | None:
    start = article.text.find(action.quote)
    if start < 0:
        return None
    evidence = (Evidence(action.quote, start, start + len(action.quote)),)
    field = action.field
    if action.fact == "person":
        name = field("name")
        role = field("role")
        person = Person(name, (name,), role, field("present", True), evidence,
                        role_en=english_role(role, record.language) or english_role(role, "en"))
        return replace(record, participants=(*record.participants, person))
    if action.fact == "place":
        name = field("name")
        place = Place(name, (name,), field("type"), field("country"), field("lat"), field("lon"),
                      field("main", True), evidence)
        return replace(record, locations=(*record.locations, place))
    if action.fact == "date":
        fact = DateFact(field("value"), field("text", action.quote), field("main", True), evidence)
        return replace(record, dates=(*record.dates, fact), date=fact.value if fact.main else record.date)
    outcome = Outcome(field("text"), field("kind"), field("speaker"), evidence)
    return replace(record, outcomes=(*record.outcomes, outcome))


def apply_fact_curation(articles: Sequence[Article], records: list[ArticleRecord], groups: Sequence[Sequence[int]],
                        curation: Curation, previous: Sequence[PastEvent], warnings: list[str]
                        ) -> list[ArticleRecord]:
    """suppress_fact and add_fact, in file order, on the article records."""
    actions = curation.of(SuppressFact, AddFact)
    if not actions:
        return records
    records = list(records)
    position = {r.id: i for i, r in enumerate(records)}
    names = _names(groups, records, previous, curation) if any(
        isinstance(a, SuppressFact) and a.event for a in actions) else []
    for action in actions:
        if isinstance(action, AddFact):
            if action.article not in position:
                warnings.append(f"{action.where}: add_fact: no article {quoted(action.article)} ({STALE})")
                continue
            i = position[action.article]
            added = _add(records[i], articles[i], action)
            if added is None:
                warnings.append(f"{action.where}: add_fact: the quote is not in article {quoted(action.article)} "
                                "(copy the sentence exactly from the article)")
                continue
            records[i] = added
            continue
        scope = range(len(records))
        if action.article is not None:
            if action.article not in position:
                warnings.append(f"{action.where}: suppress_fact: no article {quoted(action.article)} ({STALE})")
                continue
            scope = [position[action.article]]
        if action.event is not None:
            hits = _find(action.event, names)
            if not hits:
                warnings.append(f"{action.where}: suppress_fact: no event {quoted(action.event)} ({STALE})")
                continue
            scope = [i for i in scope if i in set(groups[hits[0]])]
        changed = False
        for i in scope:
            records[i], hit = _suppress(records[i], action)
            changed |= hit
        if not changed:
            warnings.append(f"{action.where}: suppress_fact: no {action.fact} {quoted(action.value)} to suppress ({STALE})")
    return records


# ---------------------------------------------------------------- ids and titles


def apply_naming(groups: Sequence[Sequence[int]], records: Sequence[ArticleRecord], derived: Sequence[str],
                 curation: Curation, previous: Sequence[PastEvent], warnings: list[str]
                 ) -> tuple[list[str], dict[int, str], dict[int, tuple[str, ...]]]:
    """Final ids, curated titles and redirects (old ids) per event number."""
    final = list(derived)
    redirects: list[set[str]] = _previous_names(groups, records, previous)
    titles: dict[int, str] = {}
    done: dict[tuple[str, int], str] = {}  # (verb, event number) → where the first such entry is
    for action in curation.of(SetTitle, RenameEvent):
        names = [{final[n], derived[n], *redirects[n]} for n in range(len(groups))]
        hits = _find(action.event, names)
        verb = "set_title" if isinstance(action, SetTitle) else "rename_event"
        if not hits:
            warnings.append(f"{action.where}: {verb}: no event {quoted(action.event)} ({STALE})")
            continue
        n = hits[0]
        first = done.setdefault((verb, n), action.where)
        if first != action.where:  # one event named twice (by two of its ids): neither silently wins
            warnings.append(f"{action.where}: {verb}: event {quoted(action.event)} has a {verb} entry already, "
                            f"at {first} (keep one of them)")
            continue
        if isinstance(action, SetTitle):
            titles[n] = action.title
            continue
        if action.id in final and final.index(action.id) != n:
            warnings.append(f"{action.where}: rename_event: {quoted(action.id)} is the id of another event "
                            "(choose an unused id)")
            continue
        redirects[n] |= {final[n], derived[n]}
        final[n] = action.id
    live = set(final)
    return final, titles, {n: tuple(sorted(r - live)) for n, r in enumerate(redirects)}
