"""The entity registry: one stable id per person and per place across the whole corpus.

Articles spell one person many ways (Poetin, Putin, Vladimir Putin) and the events stage
resolves them to one entity; the registry is the result, and the person and place pages
are rendered from it. Its shape:

    Registry
      people: tuple[Entity, ...]   sorted by id
      places: tuple[Entity, ...]   sorted by id

    Entity
      id           slug of the canonical name ("vladimir-putin"); a slug shared by two
                   entities is disambiguated deterministically ("moscow-us", "kim-2")
      name         canonical display name
      kind         "person" | "place"
      aliases      every spelling seen, sorted
      roles        people: every role as stated, sorted; places: ()
      events       ids of the events the entity appears in, sorted
      articles     ids of the articles it appears in, sorted
      appearances  (event, article, main) triples, sorted: `main` is "present at the
                   event" for a person and "the event took place here" for a place
      type, country, lat, lon   places only (None for people)
      redirect_from  earlier ids (renamed or merged by curation), kept as redirects

Building it: `group_people` clusters person mentions into entities (spelling-insensitive,
with bare surnames resolved inside their event), `build_registry` assembles the entities
once every article has its event, and `Registry.person_name` / `place_name` give the
canonical name the article and event records use.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Iterable, Literal, Sequence

from slugify import slugify

from .extract.names import canonical_name, english_form, given_initials, person_key, same_person, surname_key
from .records import ArticleRecord, evolve
from .safe_yaml import quoted

EntityKind = Literal["person", "place"]


@dataclass(frozen=True)
class Appearance:
    """One article (and its event) an entity appears in."""

    event: str | None
    article: str
    main: bool  # person: present at the event; place: the event took place here


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    events: tuple[str, ...]
    articles: tuple[str, ...]
    appearances: tuple[Appearance, ...]
    type: str | None = None  # places: city | venue | region | country | other
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    redirect_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registry:
    people: tuple[Entity, ...]
    places: tuple[Entity, ...]
    # (article id, name as the article record gives it) → entity id
    person_ids: tuple[tuple[tuple[str, str], str], ...] = ()
    place_ids: tuple[tuple[tuple[str, str], str], ...] = ()

    def person(self, entity_id: str) -> Entity:
        """The person with this id (or a former id of it). Raises KeyError."""
        return self._by_id[("person", entity_id)]

    def place(self, entity_id: str) -> Entity:
        return self._by_id[("place", entity_id)]

    @cached_property
    def _person_lookup(self) -> dict[tuple[str, str], str]:
        return dict(self.person_ids)

    @cached_property
    def _place_lookup(self) -> dict[tuple[str, str], str]:
        return dict(self.place_ids)

    @cached_property
    def _by_id(self) -> dict[str, Entity]:
        found = {}
        for entity in (*self.people, *self.places):
            for key in (*entity.redirect_from, entity.id):
                found[(entity.kind, key)] = entity
        return found

    def person_id(self, article: str, name: str) -> str:
        """The id of the person an article's record calls `name`."""
        return self._person_lookup[(article, name)]

    def place_id(self, article: str, name: str) -> str:
        return self._place_lookup[(article, name)]

    def person_name(self, article: str, name: str) -> str:
        """The canonical name of the person an article calls `name`."""
        return self.person(self.person_id(article, name)).name

    def place_name(self, article: str, name: str) -> str:
        return self.place(self.place_id(article, name)).name


# Page names the site itself uses beside the entity pages (people/index.md lists the
# people): an entity whose slug is one of them ("Index") gets a numbered id instead.
RESERVED_IDS = frozenset({"index"})


@lru_cache(maxsize=1 << 16)  # a corpus names the same few places thousands of times
def entity_slug(name: str) -> str:
    return slugify(name) or "unnamed"


# ---------------------------------------------------------------- people


@dataclass(frozen=True)
class PersonGroup:
    """A set of person mentions that name one person: (article id, name) pairs."""

    key: str  # a stable key for the group: the person_key of its canonical name
    mentions: tuple[tuple[str, str], ...]
    spellings: tuple[str, ...]


def _full(name: str) -> bool:
    return len(person_key(name).split()) >= 2


def group_people(records: Sequence[ArticleRecord], events: dict[str, str | None] | None = None
                 ) -> tuple[PersonGroup, ...]:
    """Cluster the people of all records into groups that name one person.

    Full names group by spelling-insensitive key, and keys that `same_person` joins
    ("V. Putin", "Vladimir Putin") merge. A bare surname ("Kim") joins the one full name
    it fits among the people of its own event (`events`: article id → event id), else the
    one it fits in the whole corpus; if several fit it stays a person of its own, since
    guessing would merge different people.
    """
    events = events or {}
    spellings: dict[tuple[str, str], set[str]] = defaultdict(set)  # (article, name) → spellings
    for record in records:
        for person in record.participants:
            spellings[(record.id, person.name)].update((person.name, *person.aliases))
    full_keys: dict[str, set[tuple[str, str]]] = defaultdict(set)
    bare: list[tuple[str, str]] = []
    for mention in sorted(spellings):
        if _full(mention[1]):
            full_keys[person_key(mention[1])].add(mention)
        else:
            bare.append(mention)
    # Merge full-name keys that same_person joins, within one surname bucket.
    parent = {key: key for key in full_keys}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    some_name = {key: _any_name(mentions) for key, mentions in full_keys.items()}
    initials = {key: given_initials(name) for key, name in some_name.items()}
    by_surname: dict[str, list[str]] = defaultdict(list)
    for key in sorted(full_keys):
        by_surname[surname_key(some_name[key])].append(key)
    for keys in by_surname.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if not (initials[a] <= initials[b] or initials[b] <= initials[a]):
                    continue  # given names that cannot match (see `given_initials`)
                if root(a) != root(b) and same_person(some_name[a], some_name[b]):
                    parent[max(root(a), root(b))] = min(root(a), root(b))
    members: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, mentions in sorted(full_keys.items()):
        members[root(key)].update(mentions)
    # Bare names: resolve inside the event first, then in the corpus. Candidates come from
    # an index on the first and last token of every full name, so this stays linear.
    event_of = {article: events.get(article) for article, _ in spellings}
    by_token: dict[str, set[str]] = defaultdict(set)
    for key, group in members.items():
        for _, other in group:
            tokens = person_key(other).split()
            by_token[tokens[0]].add(key)
            by_token[tokens[-1]].add(key)
    # What a bare name is checked against, kept up to date as bare names join groups:
    # a group's first three mentions and its events (scanning whole groups is quadratic).
    first_three = {key: sorted(group)[:3] for key, group in members.items()}
    events_of = {key: {event_of[a] for a, _ in group} for key, group in members.items()}
    for mention in bare:
        article, name = mention
        fits = [key for key in sorted(by_token.get(person_key(name), ()))
                if any(same_person(name, other) for _, other in first_three[key])]
        in_event = [key for key in fits if event_of[article] is not None and event_of[article] in events_of[key]]
        chosen = in_event if in_event else fits
        if len(chosen) == 1:
            members[chosen[0]].add(mention)
            first_three[chosen[0]] = sorted({*first_three[chosen[0]], mention})[:3]
            events_of[chosen[0]].add(event_of[article])
        else:
            members["bare:" + person_key(name)].add(mention)
    groups = []
    for mentions in members.values():
        names = [s for m in sorted(mentions) for s in sorted(spellings[m])]
        groups.append(PersonGroup(key=person_key(canonical_name(names)), mentions=tuple(sorted(mentions)),
                                  spellings=tuple(sorted(set(names)))))
    return tuple(sorted(groups, key=lambda g: (g.key, g.mentions)))


def _any_name(mentions: Iterable[tuple[str, str]]) -> str:
    return sorted(mentions, key=lambda m: (-len(m[1]), m))[0][1]


# ---------------------------------------------------------------- building


@dataclass
class _Draft:
    """An entity while the registry is built (local to `build_registry`, never shared)."""

    kind: EntityKind
    mentions: set[tuple[str, str]]
    spellings: Counter
    name: str | None = None  # set by curation
    redirects: set[str] | None = None
    english: Counter = field(default_factory=Counter)  # the spellings English articles use

    def display(self) -> str:
        if self.name:
            return self.name
        if self.kind == "person":
            return canonical_name(self.spellings, international=self.english)
        return sorted(self.spellings, key=lambda s: (-self.spellings[s], s))[0]


def _person_drafts(records: Sequence[ArticleRecord], events: dict[str, str | None]) -> list[_Draft]:
    spelled: dict[tuple[str, str], list[str]] = defaultdict(list)
    english: set[str] = {record.id for record in records if record.language == "en"}
    language = {record.id: record.language for record in records}
    transliterated: dict[tuple[str, str], list[str]] = defaultdict(list)  # the usual English spellings
    for record in records:
        for person in record.participants:
            spelled[(record.id, person.name)] += [person.name, *person.aliases]
            if record.id not in english:
                transliterated[(record.id, person.name)] += [e for s in (person.name, *person.aliases)
                                                             if (e := english_form(s, record.language, person.role_en))]
    drafts = []
    for group in group_people(records, events):
        counts: Counter = Counter()
        in_english: Counter = Counter()
        for mention in group.mentions:
            counts.update(spelled[mention])
            if mention[0] in english:
                in_english.update(spelled[mention])
        # their names as English would write them, each counted once per language
        elsewhere = Counter(form for _, form in sorted({(language[m[0]], form) for m in group.mentions
                                                        for form in transliterated.get(m, ())}))
        if not in_english:  # no English article names them: the spelling most languages share wins
            # ("Zelensky" in French, Dutch and Italian over the German "Selenskyj")
            in_english.update(elsewhere)
            counts.update(in_english)
        else:
            in_english = _common_transliteration(in_english, elsewhere)
        drafts.append(_Draft("person", set(group.mentions), counts, english=in_english))
    return drafts


def _doubled_key(spelling: str) -> str:
    """A spelling without its doubled letters: "Zelenskyy" and "Zelensky" share it."""
    return re.sub(r"(\w)\1+", r"\1", person_key(spelling))


def _common_transliteration(in_english: Counter, elsewhere: Counter) -> Counter:
    """English articles' spellings of a transliterated name, where they differ from the rest
    of the corpus only in a doubled letter ("Zelenskyy", a national transliteration some
    English styles use, and "Zelensky"), counted as the articles of every language use them:
    the common international spelling wins over one agency's."""
    variants = {_doubled_key(s) for s in in_english}
    shared = Counter({s: n for s, n in elsewhere.items() if s not in in_english and _doubled_key(s) in variants})
    if not shared:
        return in_english
    return in_english + shared


def _place_drafts(records: Sequence[ArticleRecord]) -> list[_Draft]:
    by_key: dict[tuple[str, str | None], _Draft] = {}
    countries: dict[str, set[str]] = defaultdict(set)
    for record in records:
        for place in record.locations:
            if place.country:
                countries[entity_slug(place.name)].add(place.country)
    for record in records:
        for place in record.locations:
            slug = entity_slug(place.name)
            # One name, one place, unless the corpus shows it in several countries (Moscow, US).
            known = countries[slug]
            country = place.country if len(known) > 1 else None
            draft = by_key.setdefault((slug, country), _Draft("place", set(), Counter()))
            draft.mentions.add((record.id, place.name))
            draft.spellings[place.name] += 1
    return [by_key[key] for key in sorted(by_key, key=lambda k: (k[0], k[1] or ""))]


def _matches(draft: _Draft, reference: str) -> bool:
    wanted = reference.strip().casefold()
    names = {draft.display(), *draft.spellings}
    return entity_slug(reference) == entity_slug(draft.display()) or any(n.casefold() == wanted for n in names) \
        or any(entity_slug(reference) == r for r in (draft.redirects or ()))


def _apply_entity_curation(drafts: list[_Draft], kind: EntityKind, actions: Sequence, warnings: list[str]) -> list[_Draft]:
    from .curation import MergeEntities, RenameEntity  # the curation types; imported here to keep layers clear

    for action in actions:
        if action.kind != kind:
            continue
        if isinstance(action, RenameEntity):
            found = [d for d in drafts if _matches(d, action.entity)]
            if not found:
                warnings.append(f"{action.where}: rename_entity: no {kind} {quoted(action.entity)} "
                                "(the entity is gone or renamed; update or remove the entry)")
                continue
            if any(entity_slug(d.display()) == entity_slug(action.name) for d in drafts if d not in found):
                warnings.append(f"{action.where}: rename_entity: {quoted(action.name)} is the name of another "
                                f"{kind} (use merge_entities to make them one, or choose another name)")
                continue
            for draft in found:
                draft.redirects = (draft.redirects or set()) | {entity_slug(draft.display())}
                draft.name = action.name
        elif isinstance(action, MergeEntities):
            found = []
            for reference in action.entities:
                matching = [d for d in drafts if _matches(d, reference)]
                hits = [d for d in matching if d not in found]
                if matching and not hits:
                    warnings.append(f"{action.where}: merge_entities: {quoted(reference)} is the same {kind} as "
                                    "an entry before it (list each entity once)")
                elif not hits:
                    warnings.append(f"{action.where}: merge_entities: no {kind} {quoted(reference)} "
                                    "(the entity is gone or renamed; update or remove the entry)")
                found += hits
            if len(found) < 2:
                continue
            target = found[0]
            kept_name = target.display()
            target.redirects = target.redirects or set()
            for other in found[1:]:
                target.mentions |= other.mentions
                target.spellings.update(other.spellings)
                target.english.update(other.english)
                target.redirects |= {entity_slug(other.display()), *(other.redirects or ())}
                drafts.remove(other)
            if action.name:
                target.redirects.add(entity_slug(target.display()))
                target.name = action.name
            else:
                target.name = kept_name
    return drafts


def _assign_ids(drafts: list[_Draft], names: list[str], sizes: dict[int, int],
                countries: dict[int, str | None]) -> dict[int, str]:
    """Slug ids of the drafts' display `names`; a slug shared by several entities goes to the
    most-cited one, the others get a suffix."""
    by_slug: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        by_slug[entity_slug(name)].append(index)
    ids: dict[int, str] = {}
    taken = set(by_slug) | RESERVED_IDS
    for slug, indexes in sorted(by_slug.items()):
        ordered = sorted(indexes, key=lambda i: (-sizes[i], sorted(drafts[i].mentions)))
        if slug not in RESERVED_IDS:
            ids[ordered[0]] = slug
            ordered = ordered[1:]
        number = 2
        for index in ordered:
            country = (countries.get(index) or "").lower()
            candidate = f"{slug}-{country}" if country and f"{slug}-{country}" not in taken else ""
            while not candidate or candidate in taken:
                candidate = f"{slug}-{number}"
                number += 1
            taken.add(candidate)
            ids[index] = candidate
    return ids


def _entities(drafts: list[_Draft], kind: EntityKind, records: Sequence[ArticleRecord],
              events: dict[str, str | None]) -> tuple[tuple[Entity, ...], dict[tuple[str, str], str]]:
    facts_of: dict[tuple[str, str], list] = defaultdict(list)  # (article, name) → the facts naming it
    for record in records:
        for fact in record.participants if kind == "person" else record.locations:
            facts_of[(record.id, fact.name)].append(fact)
    sizes = {i: len({a for a, _ in d.mentions}) for i, d in enumerate(drafts)}
    details: dict[int, dict] = {}
    for index, draft in enumerate(drafts):
        roles, appearances, aliases = set(), set(), set(draft.spellings)
        place_facts = []
        for article, name in sorted(draft.mentions):
            for fact in facts_of.get((article, name), ()):
                aliases.update(fact.aliases)
                if kind == "person":
                    if fact.role:
                        roles.add(fact.role)
                    appearances.add((events.get(article), article, fact.present))
                else:
                    place_facts.append(fact)
                    appearances.add((events.get(article), article, fact.main))
        merged = _merge_appearances(appearances)
        details[index] = {"roles": roles, "appearances": merged, "aliases": aliases, "places": place_facts}
    countries = {i: _most_common([p.country for p in details[i]["places"]]) for i in details}
    names = [draft.display() for draft in drafts]  # a person's display name weighs every spelling
    ids = _assign_ids(drafts, names, sizes, countries)
    entities, lookup = [], {}
    for index, draft in enumerate(drafts):
        info = details[index]
        places = info["places"]
        located = [p for p in places if p.lat is not None and p.lon is not None]
        entity = Entity(
            id=ids[index], name=names[index], kind=kind,
            aliases=tuple(sorted(info["aliases"])), roles=tuple(sorted(info["roles"])),
            events=tuple(sorted({a.event for a in info["appearances"] if a.event})),
            articles=tuple(sorted({a.article for a in info["appearances"]})),
            appearances=info["appearances"],
            type=_most_common([p.type for p in places]) if kind == "place" else None,
            country=countries[index] if kind == "place" else None,
            lat=located[0].lat if located else None, lon=located[0].lon if located else None,
            redirect_from=tuple(sorted((draft.redirects or set()) - {ids[index]} - RESERVED_IDS)),
        )
        entities.append(entity)
        for mention in draft.mentions:
            lookup[mention] = entity.id
    return tuple(sorted(entities, key=lambda e: e.id)), lookup


def _merge_appearances(appearances: set[tuple[str | None, str, bool]]) -> tuple[Appearance, ...]:
    """One appearance per (event, article); main if any mention there is. Mentions come as
    (event, article, main) triples: thousands, made into `Appearance`s only once merged."""
    main: dict[tuple[str | None, str], bool] = defaultdict(bool)
    for event, article, is_main in appearances:
        main[(event, article)] |= is_main
    return tuple(Appearance(e, a, m) for (e, a), m in sorted(main.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return min(counts, key=lambda v: (-counts[v], v)) if counts else None


def build_registry(records: Sequence[ArticleRecord], events: dict[str, str | None],
                   actions: Sequence = ()) -> tuple[Registry, tuple[str, ...]]:
    """The registry of all people and places in `records` (`events`: article id → event id).

    `actions` are the curation entity actions (rename_entity, merge_entities), applied in
    order. Returns the registry and a warning for every action that matched nothing.
    """
    warnings: list[str] = []
    people = _apply_entity_curation(_person_drafts(records, events), "person", actions, warnings)
    places = _apply_entity_curation(_place_drafts(records), "place", actions, warnings)
    person_entities, person_ids = _entities(people, "person", records, events)
    place_entities, place_ids = _entities(places, "place", records, events)
    registry = Registry(
        people=person_entities, places=place_entities,
        person_ids=tuple(sorted(person_ids.items())), place_ids=tuple(sorted(place_ids.items())),
    )
    return registry, tuple(warnings)


def relabel_events(registry: Registry, labels: dict[str | None, str | None]) -> Registry:
    """The registry with its event ids replaced through `labels` (provisional → final ids)."""
    def entity(e: Entity) -> Entity:
        appearances = tuple(sorted((Appearance(labels.get(a.event, a.event), a.article, a.main) for a in e.appearances),
                                   key=lambda a: (a.event or "", a.article)))
        return evolve(e, appearances=appearances, events=tuple(sorted({a.event for a in appearances if a.event})))
    return replace(registry, people=tuple(map(entity, registry.people)), places=tuple(map(entity, registry.places)))
