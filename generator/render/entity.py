"""Person and place pages (docs/people/<id>.md, docs/places/<id>.md) and their indexes."""
from __future__ import annotations

from .common import (Citations, front_matter, human_date, link, provenance, render, search_terms, source_names,
                     source_order, source_rows)
from .model import Entity, Site
from .place_names import other_names

ROOT = "../"
KIND_FOLDER = {"person": "people", "place": "places"}


def entity_page(site: Site, entity: Entity) -> str:
    citations = Citations(ROOT, source_order(site, entity.articles), source_names(site, entity.articles))
    sources, filled = source_rows(site, citations)
    return render(
        f"{entity.kind}.md.j2",
        # a name search should land on the person or place first, before the pages quoting it
        meta=front_matter(entity.name, description=describe(entity), search={"boost": 3}),
        entity=entity,
        description=describe(entity),
        terms=search_terms(entity.name, entity.aliases, _other_names(entity)),
        root=ROOT,
        link=link,
        cite=citations.cite,
        sources=sources,
        filled=filled,
        footer=provenance(site, entity.articles),
    )


def _other_names(entity: Entity) -> tuple[str, ...]:
    """A city's names in the gazetteer beyond those the articles use ("Peking" for Beijing)."""
    return other_names(entity.name, entity.country) if entity.kind == "place" and entity.place_type == "city" else ()


def describe(entity: Entity) -> str:
    """One line saying who a person is: their usual role and the meetings they took part
    in ("US President; took part in 2 meetings, most recently …"); for a place, what it is."""
    if entity.kind == "place":
        kind = entity.place_type or "place"
        return f"{entity.name}: a {kind} named in {_count(len(entity.appearances), 'event')}."
    present = [a for a in entity.appearances if a.present]
    lead = entity.role[:1].upper() + entity.role[1:] if entity.role else entity.name
    if not present:
        return f"{lead}; mentioned in {_count(len(entity.appearances), 'event')}, present at none."
    latest = present[0].event
    if len(present) == 1:
        return f"{lead}; took part in {latest.title} ({human_date(latest.date)})."
    return (f"{lead}; took part in {_count(len(present), 'meeting')}, most recently "
            f"{latest.title} ({human_date(latest.date)}).")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def index_page(site: Site, kind: str) -> str:
    entities = site.people if kind == "person" else site.places
    articles = {a for e in entities for a in e.articles}
    return render(
        f"{KIND_FOLDER[kind]}_index.md.j2",
        meta=front_matter("People" if kind == "person" else "Places"),
        entities=entities,
        root=ROOT,  # the index sits in the same folder as the pages it lists
        link=link,
        footer=provenance(site, articles),
    )
