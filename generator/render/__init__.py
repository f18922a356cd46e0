"""Render: linked records in, the site's generated files out (docs-relative path → content).

    home · event fact sheets · people and places (+ indexes) · source articles
    · downloads (YAML, JSON, CSV) · redirects for earlier event ids

Nothing is written here: the caller writes the files (atomically) into `docs/`.
Generated pages live in their own folders so hand-written docs are never touched.
Every value that comes from an article is escaped (see `escape.py`); output is
deterministic: sorted, and dated only by `built`.
"""
from __future__ import annotations

from typing import Any, Sequence

from markupsafe import Markup

from ..records import Article
from . import escape
from .common import front_matter, link, provenance, render
from .downloads import download_files
from .entity import entity_page, index_page
from .event import event_page
from .model import Site, build_site, registry_redirects
from .source import source_page

__all__ = ["render_pages", "build_site", "Site"]


def home_page(site: Site) -> str:
    return render(
        "home.md.j2",
        meta=front_matter("Fact sheets", description="Fact sheets of summits and meetings, every fact sourced"),
        events=site.events,
        root="",
        link=link,
        footer=provenance(len(site.sources), site.built),
    )


def downloads_page(site: Site) -> str:
    return render(
        "downloads.md.j2",
        meta=front_matter("Downloads"),
        events=site.events,
        footer=provenance(len(site.sources), site.built),
    )


def redirect_pages(site: Site) -> dict[str, str]:
    """A static page at each earlier event id that sends the reader to the current one.

    Written as `events/<old id>/index.html`, the URL the old page had; MkDocs copies it
    as it is. It carries a meta refresh and a plain link for readers without it.
    """
    pages: dict[str, str] = {}
    current = {e.id for e in site.events}
    for event in site.events:
        for old in sorted(set(event.redirect_from) - current):
            pages[f"events/{escape.page_name(old)}/index.html"] = render(
                "redirect.html.j2", title=event.title,
                target=Markup(f"../../events/{escape.page_name(event.id)}/"))
    pages_with_ids = {f"{folder}/{p.id}" for folder, group in (("people", site.people), ("places", site.places))
                      for p in group}
    for old, (folder, current, name) in sorted(registry_redirects(site.registry).items()):
        if old in pages_with_ids or f"{folder}/{current}" not in pages_with_ids:
            continue
        pages[f"{folder}/{escape.page_name(old.split('/', 1)[1])}/index.html"] = render(
            "redirect.html.j2", title=name, target=Markup(f"../../{folder}/{escape.page_name(current)}/"))
    return pages


def render_pages(articles: Sequence[Article], linked: Any, built: str | None) -> dict[str, str]:
    """Every generated file of the site, by path relative to `docs/`.

    `linked` is the events stage's result: `records` (article records with event ids),
    `events` (event records) and `registry` (people and places with ids and aliases).
    """
    site = build_site(articles, linked.records, linked.events, getattr(linked, "registry", None), built)
    files: dict[str, str] = {"index.md": home_page(site)}
    for event in site.events:
        files[f"events/{escape.page_name(event.id)}.md"] = event_page(site, event)
    for person in site.people:
        files[f"people/{escape.page_name(person.id)}.md"] = entity_page(site, person)
    for place in site.places:
        files[f"places/{escape.page_name(place.id)}.md"] = entity_page(site, place)
    files["people/index.md"] = index_page(site, "person")
    files["places/index.md"] = index_page(site, "place")
    for article_id, doc in site.sources.items():
        files[f"sources/{escape.page_name(article_id)}.md"] = source_page(site, doc)
    files["downloads/index.md"] = downloads_page(site)
    files.update(download_files(site))
    files.update(redirect_pages(site))
    return dict(sorted(files.items()))
