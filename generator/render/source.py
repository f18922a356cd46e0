"""The page of one source article: docs/sources/<article id>.md.

It shows the article text with every cited sentence highlighted and anchored
(`id="s-<start>-<end>"`), so a citation marker on any page lands on its quote, and it
lists the facts extracted from the article, each linking to its sentence.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..records import ArticleRecord, Evidence
from . import escape
from .common import display_title, front_matter, link, provenance, quoted, render, shorten
from .model import EventSummary, Site, SourceDoc

ROOT = "../"


@dataclass(frozen=True)
class Fact:
    kind: str  # heading it is listed under
    label: Markup  # escaped text, with a link where the fact has a page
    detail: str  # plain text, escaped by the template
    anchors: tuple[Markup, ...]


def cited_spans(site: Site, record: ArticleRecord) -> list[tuple[int, int]]:
    """Every span cited from this article: by its own facts and by any event."""
    spans = {(e.start, e.end) for fact in _facts(record) for e in fact.evidence}
    return sorted(spans | site.spans_cited_by_events(record.id))


def _facts(record: ArticleRecord) -> list:
    return [*record.participants, *record.locations, *record.dates, *record.outcomes]


def highlighted(text: str, spans: list[tuple[int, int]], marked: frozenset[tuple[int, int]] | None = None) -> Markup:
    """The article text, escaped, with each cited span anchored (`id="s-<start>-<end>"`).

    Spans in `marked` (all, when None) are highlighted in a `<mark>`: the sentences the
    fact sheets cite. The others (cited only by this page's own fact list) are plain
    text until a link targets them. A span that overlaps an earlier one still gets its
    anchor: an empty `<span id>` just before it (whose text it shares), so no citation
    points nowhere.
    """
    pieces: list[str] = []
    position = 0
    last_mark = 0
    for start, end in spans:
        start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
        anchor = f"s-{start}-{end}"
        if start < position:  # overlaps the previous span: anchor only
            pieces.insert(last_mark, f'<span class="fs-anchor" id="{anchor}"></span>')
            last_mark += 1
            continue
        pieces.append(escape.block(text[position:start]))
        last_mark = len(pieces)
        quote = escape.block(text[start:end])
        if marked is None or (start, end) in marked:
            pieces.append(f'<mark class="fs-quote" id="{anchor}">{quote}</mark>')
        else:
            pieces.append(f'<span class="fs-quote fs-quote--plain" id="{anchor}">{quote}</span>')
        position = end
    pieces.append(escape.block(text[position:]))
    return Markup("".join(pieces))


def entity_ids(site: Site, record: ArticleRecord, kind: str) -> dict[str, str]:
    """Name as this article gives it → page id, for `kind` "people" or "places": from the
    registry's table if it knows the article, else from its event, else from all pages."""
    known = site.page_ids(kind)
    table = {"people": "person_ids", "places": "place_ids"}[kind]
    from_registry = {n: i for n, i in site.registry_names(table, record.id).items() if i in known}
    if from_registry:
        return from_registry
    event = site.event(record.event) if record.event else None
    if event is not None:
        return {p.name: p.id for p in (event.participants if kind == "people" else event.locations)}
    return {p.name: p.id for p in getattr(site, kind)}


def _anchors(evidence: tuple[Evidence, ...]) -> tuple[Markup, ...]:
    return tuple(Markup(f"s-{start}-{end}") for start, end in sorted({(int(e.start), int(e.end)) for e in evidence}))


def _named(name: str, ids: dict[str, str], kind: str) -> Markup:
    if name in ids:
        return Markup(f"[{escape.inline(name)}]({link(ROOT, kind, ids[name])})")
    return escape.inline(name)


def listed_facts(site: Site, record: ArticleRecord) -> list[tuple[str, list[Fact]]]:
    people, places = entity_ids(site, record, "people"), entity_ids(site, record, "places")
    groups = [
        ("People", [Fact("person", _named(p.name, people, "person"),
                         "; ".join(x for x in (p.role, "took part" if p.present else "mentioned") if x),
                         _anchors(p.evidence)) for p in record.participants]),
        ("Places", [Fact("place", _named(p.name, places, "place"),
                         f"{p.type}{', main place' if p.main else ''}", _anchors(p.evidence))
                    for p in record.locations]),
        ("Dates", [Fact("date", escape.inline(d.value), f"“{d.text}”{', main event' if d.main else ''}",
                        _anchors(d.evidence)) for d in record.dates]),
        ("Outcomes", [Fact("outcome", quoted(o.text),
                           f"{o.kind}{', ' + o.speaker if o.speaker else ''}", _anchors(o.evidence))
                      for o in record.outcomes]),
    ]
    return [(heading, facts) for heading, facts in groups if facts]


def marked_spans(site: Site, record: ArticleRecord) -> frozenset[tuple[int, int]] | None:
    """The spans a source page highlights: those the fact sheets cite; an article in no
    event highlights what its own facts cite (None: every cited span)."""
    return site.spans_cited_by_events(record.id) or None


def source_page(site: Site, doc: SourceDoc) -> str:
    record = doc.record
    text = doc.article.text if doc.article is not None else ""
    event = site.event(record.event) if record.event else None
    title = display_title(doc)
    return render(
        "source.md.j2",
        # a source ranks below the fact sheets and the people that quote it
        meta=front_matter(f"Source: {shorten(title, 80)}", description=f"Source article {record.id}",
                          search={"boost": 0.5}),
        record=record,
        title=title,
        event=EventSummary.of(event) if event else None,  # all the page shows of it
        root=ROOT,
        link=link,
        facts=listed_facts(site, record),
        text=highlighted(text, cited_spans(site, record), marked_spans(site, record)) if text else None,
        footer=provenance(site, [record.id]),
    )
