"""The fact sheet of one event: docs/events/<id>.md."""
from __future__ import annotations

from ..records import OUTCOME_KINDS, EventOutcome, EventPlace, EventRecord
from .common import Citations, front_matter, link, pinned, provenance, render, source_names, source_order, source_rows
from .digest import digest, shortest_quote, timeline
from .model import Site

ROOT = "../"
# Which outcome heads the summary: a concluded agreement says most about a meeting.
HEADLINE_PRIORITY = ("agreement", "no-agreement", "announcement", "gift", "statement", "assessment")
KIND_HEADINGS = {
    "agreement": "Agreements",
    "no-agreement": "No agreement",
    "announcement": "Announcements",
    "gift": "Gifts",
    "statement": "Statements",
    "assessment": "Assessments",
}


def headline(outcomes: tuple[EventOutcome, ...], languages: dict[str, str] | None = None,
             reader_language: str = "en") -> EventOutcome | None:
    """The outcome of the most telling kind, best corroborated, then one the reader
    can read (quoted from an article in the site's language), then first stated."""
    if not outcomes:
        return None
    languages = languages or {}

    def rank(item: tuple[int, EventOutcome]) -> tuple[int, int, int, int]:
        index, outcome = item
        kind = HEADLINE_PRIORITY.index(outcome.kind) if outcome.kind in HEADLINE_PRIORITY else len(HEADLINE_PRIORITY)
        readable = any(languages.get(s.article) == reader_language for s in outcome.sources)
        return kind, -len({s.article for s in outcome.sources}), 0 if readable else 1, index
    return min(enumerate(outcomes), key=rank)[1]


# Most specific first: "Vladivostok, Russia" says more than "Russia".
SPECIFICITY = ("venue", "city", "other", "region", "country")


def summary_places(places: tuple[EventPlace, ...]) -> list[EventPlace]:
    """The main places for the summary: the most specific kinds only (a country is
    shown anyway as the place's country), best corroborated first."""
    main = [p for p in places if p.main] or list(places[:1])
    if not main:
        return []
    rank = lambda p: SPECIFICITY.index(p.type) if p.type in SPECIFICITY else len(SPECIFICITY)  # noqa: E731
    best = min(rank(p) for p in main)
    keep = [p for p in main if rank(p) <= max(best, SPECIFICITY.index("other"))]
    return sorted(keep, key=lambda p: (rank(p), -len({s.article for s in p.sources}), p.name))


def grouped_outcomes(outcomes: tuple[EventOutcome, ...]) -> list[tuple[str, list[EventOutcome]]]:
    kinds = list(OUTCOME_KINDS) + sorted({o.kind for o in outcomes} - set(OUTCOME_KINDS))
    groups = []
    for kind in kinds:
        members = [o for o in outcomes if o.kind == kind]
        if members:
            groups.append((KIND_HEADINGS.get(kind, kind.capitalize()), members))
    return groups


def quoted_articles(event: EventRecord) -> set[str]:
    """The articles the event's outcomes quote (the page shows their languages)."""
    return {s.article for o in event.outcomes for s in o.sources}


def event_languages(site: Site, event: EventRecord) -> dict[str, str]:
    """Article → language, for the articles the event's outcomes quote."""
    return {a: site.sources[a].record.language for a in sorted(quoted_articles(event)) if a in site.sources}


def _quote(outcome: EventOutcome | None, languages: dict[str, str]) -> str | None:
    """What the summary quotes of an outcome: its shortest quote the reader can read."""
    if outcome is None:
        return None
    source = shortest_quote(outcome.sources, languages)
    return source.quote if source else outcome.text


def date_languages(site: Site, event: EventRecord) -> dict[str, str]:
    """Article → language, for the articles the event's dates quote."""
    quoted = sorted({s.article for d in event.dates for s in d.sources})
    return {a: site.sources[a].record.language for a in quoted if a in site.sources}


def event_page(site: Site, event: EventRecord) -> str:
    citations = Citations(ROOT, source_order(site, event.articles), source_names(site, event.articles))
    people_ids = {p.name: p.id for p in event.participants}
    sources, filled = source_rows(site, citations)
    main_places = summary_places(event.locations)
    mapped = [p for p in event.locations if p.lat is not None and p.lon is not None]
    venue = main_places[0].id if main_places else None  # drawn distinctly; the map opens on it
    languages = event_languages(site, event) | date_languages(site, event)
    meeting_days, background_days = timeline(event.dates, event.date, languages)
    return render(
        "event.md.j2",
        meta=front_matter(event.title, description=f"Fact sheet: {event.title}", search={"boost": 4}),
        event=event,
        root=ROOT,
        link=link,
        cite=citations.cite,
        headline=(top := headline(event.outcomes, event_languages(site, event))),
        headline_quote=_quote(top, languages),
        key_outcomes=digest(event.outcomes, languages, frozenset(p.name for p in event.participants if p.present)),
        groups=grouped_outcomes(event.outcomes),
        present=[p for p in event.participants if p.present],
        people_ids=people_ids,
        main_places=main_places,
        meeting_days=meeting_days,
        background_days=background_days,
        mapped=mapped,
        pins=any(pinned(p.type, p.id == venue) for p in mapped),
        venue=venue,
        unmapped=[p for p in event.locations if p.lat is None or p.lon is None],
        sources=sources,
        filled=filled,
        footer=provenance(site, event.articles),
    )
