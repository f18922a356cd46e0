"""`factsheet build`: the whole path, one named step per stage.

    read → extract → link (events) → render → write (records, pages) → site (mkdocs)

`build()` reads like that list, one `stages.stage(...)` per step, so the command can
say what it is doing (`progress.py`). Bad articles are reported and left out; everything
else still builds. The output (`docs/` and `site/`) is replaced only by a complete
build whose strict MkDocs run passed (see `write.publish`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from .config import BuildConfig
from .curation import Curation, load_curation
from .events import Linked, link
from .execution import CACHED_EVENT_INDEX, Execution, without_cycle_collection
from .memo import Memo
from .parallel import Extraction, extract_all
from .progress import Stages
from .read import CorpusRead, ReadError, display_path, read_article
from .records import Article, ArticleRecord, EventRecord, PastEvent, from_dict, to_dict
from .render import Site as SiteModel, build_site, cache_templates, escape, page_files
from .render.downloads import download_files
from .validate import record_yaml, validated
from .write import Generated, Part, complete_publish, dump_yaml, exclusive, publish, write_text

ARTICLES_DATA = "data/articles"
EVENTS_DATA = "data/events"
EVENT_DOWNLOADS = "downloads/events"


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the summary line; problems are `path: reason (what to do)` lines."""

    articles: int  # articles read
    records: int  # article records written
    events: int
    pages: int  # Markdown pages written
    extracted: int  # articles run through the extractor
    reused: int  # articles whose record came from the extraction cache
    warnings: tuple[str, ...]  # the build went on; the editor should look
    errors: tuple[str, ...]  # articles left out of the build
    site: str | None  # where the HTML site went, if built
    # What the build made (records, events, pages), alive as long as the report: the
    # command ends the process right after the build, and freeing millions of objects
    # one by one when `build` returned took 0.05 s of a rebuild of 1,000 articles.
    made: object = field(default=None, repr=False, compare=False)

    def summary(self) -> str:
        target = f" → {self.site}/" if self.site else ""
        counts = [plural(self.records, "record"), plural(self.events, "event"), plural(self.pages, "page"),
                  plural(len(self.warnings), "warning"), plural(len(self.errors), "error")]
        return (f"built: {plural(self.articles, 'article')} read, {', '.join(counts)} "
                f"(extracted: {self.extracted}, reused: {self.reused}){target}")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# An event with at least this many facts has its YAML joined from one stored piece per
# fact (`fact_pieces_yaml`): adding an article to it changes a few of its facts, and writing
# all of them again took 0.2 s for an event of 150 articles and 940 facts.
PIECEWISE_FACTS = 200


def record_files(records: Iterable[ArticleRecord], events: Iterable[EventRecord],
                 memo: Memo | None = None) -> dict[str, Generated]:
    """Every record as YAML, keyed by its docs-relative path; each is schema-checked when made.
    An event's record is also a download (`downloads/events/`): the same stored file."""
    memo = memo or Memo(None)
    files: dict[str, Generated] = {}
    for folder, items in ((ARTICLES_DATA, records), (EVENTS_DATA, events)):
        for record in sorted(items, key=lambda r: r.id):
            path = f"{folder}/{record.id}.yaml"
            if isinstance(record, EventRecord) and _facts(record) >= PIECEWISE_FACTS:
                files[path] = memo.joined("record-yaml", memo.digest(record),
                                          lambda r=record, p=path: fact_pieces_yaml(r, p, memo), lineage=path)
            else:
                files[path] = memo.file("record-yaml", memo.digest(record), lambda r=record, p=path: record_yaml(r, p))
    for event in events:
        files[f"{EVENT_DOWNLOADS}/{escape.page_name(event.id)}.yaml"] = files[f"{EVENTS_DATA}/{event.id}.yaml"]
    memo.flush()
    return files


def _facts(event: EventRecord) -> int:
    return len(event.participants) + len(event.locations) + len(event.dates) + len(event.outcomes)


def fact_pieces_yaml(record: EventRecord, path: str, memo: Memo) -> list[Part]:
    """`record_yaml(record, path)` in parts to join: each item of a list of facts is a piece
    of its own, kept by `memo`, so only the facts that changed are written again.

    A block list under a top-level key is the key's line followed by each item written as
    a one-item list (PyYAML does not indent such lists), so the parts join to the very
    text `record_yaml` writes."""
    data = validated(record, path)
    parts: list[Part] = []
    for key, value in data.items():
        if isinstance(value, list) and len(value) > 1 and all(isinstance(item, dict) for item in value):
            parts.append(f"{key}:\n".encode("utf-8"))
            parts += memo.pieces("yaml-item", [(item, lambda i=item: dump_yaml([i])) for item in value])
        else:
            parts.append(dump_yaml({key: value}).encode("utf-8"))
    return parts


# The last build's events, for the next one: a small JSON file MkDocs leaves out (dotfile),
# with a copy in the cache folder (`CACHED_EVENT_INDEX`) for builds that start from a fresh
# docs/ (CI restores the cache, not docs/).
EVENT_INDEX = ".events.json"


def event_index(events: Iterable[EventRecord]) -> str:
    past = [PastEvent(e.id, e.articles, e.redirect_from) for e in sorted(events, key=lambda e: e.id)]
    return json.dumps([to_dict(p) for p in past], ensure_ascii=False, indent=1) + "\n"


def previous_events(*indexes: Path) -> tuple[PastEvent, ...]:
    """The events of the last build, from the first of `indexes` that reads, so an event
    whose id changes keeps its old address as a redirect. An index that no longer parses
    is simply not carried over: it is old output, not input, and the new build replaces it."""
    for index in indexes:
        try:
            return tuple(from_dict(PastEvent, e) for e in json.loads(index.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError, ValueError, TypeError, AttributeError):
            continue
    return ()


def last_build_events(config: BuildConfig) -> tuple[PastEvent, ...]:
    """The last build's events as `build` and `check` both read them: from `docs/`, else
    from the cache folder. Curation entries on an event's old id match through them."""
    return previous_events(config.path("docs") / EVENT_INDEX, config.path("cache") / CACHED_EVENT_INDEX)


LOCK = "build.lock"  # in the cache folder: held by the build that runs


def build(config: BuildConfig, stages: Stages | None = None,
          waiting: Callable[[str], None] | None = None) -> BuildReport:
    """Build records, pages and (unless turned off) the site; see the module docstring.
    `stages` reports each stage as it runs (by default nothing is reported). One build at a
    time: a second one waits (telling `waiting`) or stops (`config.wait`)."""
    with exclusive(config.path("cache") / LOCK, config.wait, waiting):
        complete_publish(config.path("docs"))  # what a build killed between its two swaps left
        return _build(config, stages or Stages())


def _build(config: BuildConfig, stages: Stages) -> BuildReport:
    with Execution(config) as run:
        with stages.stage("read") as stage:
            corpus = run.read()
            curation = load_curation(config.path("curation"), display_path(config.path("curation"), config.root))
            stage.done = _read_done(corpus)
        with stages.stage("extract", live=False) as stage:
            extraction = run.extract(corpus.articles, progress=stages.terminal)
            articles = _extracted(corpus.articles, extraction.records)
            stage.done = _extract_done(extraction)
        with stages.stage("link") as stage:
            linked = link(articles, extraction.records, curation, last_build_events(config), **run.for_linking())
            stage.done = _link_done(linked)
        with stages.stage("render") as stage:
            cache_templates(config.path("cache") / "templates")
            site_model = build_site(articles, linked.records, linked.events, linked.registry, config.built)
            events = event_index(linked.events)
            files = {**run.render(pages=partial(page_files, site_model), data=partial(data_files, site_model, linked),
                                  inputs=(*linked.records, *linked.events)), EVENT_INDEX: events}
            stage.done = _render_done(files)
        site = config.path("site") if config.run_mkdocs else None
        # write, then site: docs/ and site/ are replaced together, once the strict MkDocs run passed
        publish(files, config.path("docs"), site, config.path("mkdocs") if site else None, stages.stage)
        run.finish(events)
        return BuildReport(
            articles=len(corpus.articles),
            records=len(linked.records),
            events=len(linked.events),
            pages=_pages(files),
            extracted=extraction.extracted,
            reused=extraction.reused,
            warnings=tuple(map(str, (*corpus.notices, *corpus.warnings, *linked.warnings))),
            errors=tuple(map(str, (*corpus.errors, *extraction.failures))),
            site=display_path(site, config.root) if site else None,
            made=(corpus, extraction, articles, linked, site_model, run.memo, files),
        )


def _read_done(corpus: CorpusRead) -> str:
    unreadable = len(corpus.errors)
    return plural(len(corpus.articles), "article") + _noted(unreadable, f"{unreadable} unreadable")


def _extract_done(extraction: Extraction) -> str:
    failed = len(extraction.failures)
    return (f"{plural(len(extraction.records), 'record')} (extracted: {extraction.extracted}, "
            f"reused: {extraction.reused})" + (f", {plural(failed, 'failure')}" if failed else ""))


def _link_done(linked: Linked) -> str:
    warned = len(linked.warnings)
    return plural(len(linked.events), "event") + _noted(warned, plural(warned, "warning"))


def _pages(files: Mapping[str, object]) -> int:
    return sum(1 for path in files if path.endswith(".md"))


def _render_done(files: Mapping[str, object]) -> str:
    pages = _pages(files)
    return f"{plural(pages, 'page')}, {plural(len(files) - pages, 'other file')}"


def data_files(site_model: SiteModel, linked: Linked, memo: Memo | None = None) -> dict[str, Generated]:
    """The records' YAML and the JSON and CSV downloads: what render makes besides the pages."""
    return {**record_files(linked.records, linked.events, memo), **download_files(site_model, memo)}


def _noted(count: int, note: str) -> str:
    """` (2 unreadable)` after a stage's count, when some had a problem."""
    return f" ({note})" if count else ""


@dataclass(frozen=True)
class ExtractReport:
    """What `extract_files` wrote; `errors` are `path: reason (what to do)` lines."""

    written: tuple[Path, ...]
    events: int
    warnings: tuple[str, ...]
    errors: tuple[str, ...]


@without_cycle_collection()
def extract_files(paths: Sequence[Path], out: Path, curation: Path | None,
                  budget: float = BuildConfig.time_budget) -> ExtractReport:
    """`factsheet extract`: one record per article file to `out/<id>.yaml`, events linked.

    Works on any article files, in the corpus or not; unreadable ones are reported and
    skipped. A file in the corpus folder is held to the corpus's rule (no symbolic
    links). No extraction cache: these files may be anywhere.
    """
    articles, errors = _read_files(paths)
    extraction = extract_all(articles, None, budget=budget)
    articles = _extracted(articles, extraction.records)
    linked = link(articles, extraction.records, load_curation(curation) if curation else Curation(path=""))
    written = []
    for record in sorted(linked.records, key=lambda r: r.id):
        target = out / f"{record.id}.yaml"
        write_text(target, record_yaml(record, display_path(target)))
        written.append(target)
    return ExtractReport(tuple(written), len(linked.events), tuple(map(str, linked.warnings)),
                         tuple(map(str, (*errors, *extraction.failures))))


def _read_files(paths: Sequence[Path]) -> tuple[tuple[Article, ...], tuple[ReadError, ...]]:
    articles: dict[str, Article] = {}
    errors = []
    for path in paths:
        try:
            article = read_article(path, display_path(path), corpus=BuildConfig().corpus)
        except ReadError as error:
            errors.append(error)
            continue
        if article.id in articles:
            errors.append(ReadError(article.path, f"duplicate id {article.id!r}, also used by "
                                    f"{articles[article.id].path}", "give the files different names"))
            continue
        articles[article.id] = article
    return tuple(articles.values()), tuple(errors)


def _extracted(articles: Sequence[Article], records: Sequence[ArticleRecord]) -> tuple[Article, ...]:
    """The articles that have a record (an article whose extraction failed is left out)."""
    done = {record.id for record in records}
    return tuple(article for article in articles if article.id in done)
