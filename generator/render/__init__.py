"""Render: linked records in, the site's generated files out (docs-relative path → content).

    home · event fact sheets · people and places (+ indexes) · source articles
    · downloads (YAML, JSON, CSV) · redirects for earlier event ids

Nothing is written here: the caller writes the files (atomically) into `docs/`.
Generated pages live in their own folders so hand-written docs are never touched.
A page made from a few records (an event, a person, a place, a source) goes through
the output cache (`memo.py`) keyed by exactly those records, so a rebuild renders only
the pages whose records changed; pages that list the whole site are made every time.
Every value that comes from an article is escaped (see `escape.py`); output is
deterministic: sorted, and dated only by `built`.
"""
from __future__ import annotations

from functools import partial
from typing import Any, Callable, Sequence

from markupsafe import Markup

from ..memo import Carried, Memo
from ..records import Article, EventRecord
from ..write import Generated
from . import escape
from .common import cache_templates, front_matter, link, provenance, render
from .downloads import download_files
from .entity import entity_page, index_page
from .event import event_languages, event_page, headline, quoted_articles
from .model import Entity, EventSummary, Site, SourceDoc, build_site, registry_redirects
from .source import cited_spans, entity_ids, marked_spans, source_page

__all__ = ["render_pages", "page_files", "download_files", "build_site", "cache_templates", "Site"]


def home_page(site: Site, entries: Callable[[EventRecord], str] | None = None) -> str:
    """The home page: every meeting's `home_entry`, newest first (`entries` gives them, by
    default made here)."""
    entry = entries or partial(home_entry, site)
    return render(
        "home.md.j2",
        meta=front_matter("Fact sheets", description="Fact sheets of summits and meetings, every fact sourced"),
        events=[Markup(entry(event)) for event in site.events],
        root="",
        footer=provenance(site, site.sources),
    )


def home_entry(site: Site, event: EventRecord) -> str:
    """A meeting as the home page lists it, with the outcome its fact sheet leads with."""
    languages = event_languages(site, event)
    return render("home_entry.md.j2", event=event, outcome=headline(event.outcomes, languages), root="",
                  link=link).removesuffix("\n")


def _home_entry_inputs(site: Site, event: EventRecord, memo: Memo) -> tuple[object, ...]:
    return memo.digest(event), event_languages(site, event)


def downloads_page(site: Site) -> str:
    return render(
        "downloads.md.j2",
        meta=front_matter("Downloads"),
        events=site.events,
        footer=provenance(site, site.sources),
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


def render_pages(articles: Sequence[Article], linked: Any, built: str | None,
                 memo: Memo | None = None) -> dict[str, Generated]:
    """Every generated file of the site, by path relative to `docs/`: `page_files` and
    `download_files` of the page model.

    `linked` is the events stage's result: `records` (article records with event ids),
    `events` (event records) and `registry` (people and places with ids and aliases).
    With a `memo` that has a folder, files an earlier build made come back as stored files.
    """
    memo = memo or Memo(None)
    site = build_site(articles, linked.records, linked.events, getattr(linked, "registry", None), built)
    return dict(sorted({**page_files(site, memo), **download_files(site, memo)}.items()))


def page_files(site: Site, memo: Memo | None = None) -> dict[str, Generated]:
    """The site's Markdown pages and redirects (everything but `download_files`)."""
    memo = memo or Memo(None)
    # The home page lists every meeting: each entry is kept from the last build while its
    # inputs are the same (the 1,036 of 3,000 articles took a rebuild 0.7 s to make again).
    entries = Carried(memo, "home-entry")
    files: dict[str, Generated] = {
        "index.md": home_page(site, lambda e: entries(_home_entry_inputs(site, e, memo), lambda: home_entry(site, e)))}
    entries.keep()
    for event in site.events:
        files[f"events/{escape.page_name(event.id)}.md"] = memo.file(
            "event-page", _event_inputs(site, event, memo), lambda e=event: event_page(site, e))
    for folder, entities in (("people", site.people), ("places", site.places)):
        for entity in entities:
            files[f"{folder}/{escape.page_name(entity.id)}.md"] = memo.file(
                "entity-page", _entity_inputs(site, entity, memo), lambda e=entity: entity_page(site, e))
    files["people/index.md"] = index_page(site, "person")
    files["places/index.md"] = index_page(site, "place")
    for article_id, doc in site.sources.items():
        files[f"sources/{escape.page_name(article_id)}.md"] = memo.file(
            "source-page", _source_inputs(site, doc, memo), lambda d=doc: source_page(site, d))
    files["downloads/index.md"] = downloads_page(site)
    files.update(redirect_pages(site))
    memo.flush()
    return dict(sorted(files.items()))


# What each cached page is made from: everything its page function reads, with large
# records given by their digest. A page function that starts reading more must say so here.

def _doc(doc: SourceDoc, memo: Memo) -> tuple[str, str]:
    # The record's own digest: the same one its YAML and its downloads are keyed by.
    return memo.digest(doc.article), memo.digest(doc.record)


def _docs(site: Site, articles: Sequence[str], memo: Memo) -> list[object]:
    return [_doc(site.sources[a], memo) if a in site.sources else a for a in sorted(set(articles))]


def _event_inputs(site: Site, event: EventRecord, memo: Memo) -> tuple[object, ...]:
    return memo.digest(event), _docs(site, [*event.articles, *quoted_articles(event)], memo), site.built


def _entity_inputs(site: Site, entity: Entity, memo: Memo) -> tuple[object, ...]:
    return entity, _docs(site, entity.articles, memo), site.built  # entity: small, events as summaries


def _source_inputs(site: Site, doc: SourceDoc, memo: Memo) -> tuple[object, ...]:
    record = doc.record
    event = site.event(record.event) if record.event else None
    marked = marked_spans(site, record)
    return (_doc(doc, memo), EventSummary.of(event) if event else None, cited_spans(site, record),
            sorted(marked) if marked is not None else None, entity_ids(site, record, "people"), entity_ids(site, record, "places"), site.built)
