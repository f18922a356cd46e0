"""Person and place pages (docs/people/<id>.md, docs/places/<id>.md) and their indexes."""
from __future__ import annotations

from .common import Citations, front_matter, link, provenance, render, source_order
from .model import Entity, Site

ROOT = "../"
KIND_FOLDER = {"person": "people", "place": "places"}


def entity_page(site: Site, entity: Entity) -> str:
    citations = Citations(ROOT, source_order(site, entity.articles))
    sources = [site.sources[a] for a in citations.order if a in site.sources]
    return render(
        f"{entity.kind}.md.j2",
        # a name search should land on the person or place first, before the pages quoting it
        meta=front_matter(entity.name, description=f"Every event of {entity.name}, with sources",
                          search={"boost": 3}),
        entity=entity,
        root=ROOT,
        link=link,
        cite=citations.cite,
        sources=sources,
        number=citations.number,
        footer=provenance(site, entity.articles),
    )


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
