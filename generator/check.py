"""`factsheet check`: is the corpus readable, and do the records on disk hold up?

Checks, each problem as one `path: reason (what to do)` line:
- every corpus file reads as an article (ids unique, language known, ...);
- the curation file loads, and each of its actions still matches something (the
  corpus is linked into events for this, reusing cached extractions, with the last
  build's events as `build` reads them, so both give the same verdict on an entry);
  an entry that fails the schema does not hide the stale ones;
- every record in `docs/data/` parses, fits its JSON Schema, is named after its id,
  matches the article it was made from (same content, evidence quotes at their
  offsets) and points at records that exist;
- once there are records, every article has one (else the records are stale).

A folder without records is fine (nothing has been built yet).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .build import ARTICLES_DATA, EVENTS_DATA, last_build_events
from .config import BuildConfig
from .curation import Curation, CurationError, load_curation
from .events import link
from .events.embed import Embeddings
from .parallel import check_languages, extract_all
from .read import display_path, read_corpus
from .records import Article
from .safe_yaml import quoted
from .validate import problems, provenance_problems
from .workers import Resident

REBUILD = "run `factsheet build`"


@dataclass(frozen=True)
class CheckReport:
    articles: int
    article_records: int
    event_records: int
    problems: tuple[str, ...]
    notices: tuple[str, ...] = ()  # corpus entries that are not articles: said, not problems


def _load_records(folder: Path, root: Path, found: list[str]) -> dict[str, tuple[str, Any]]:
    """id → (shown path, data) of every YAML record in `folder`; unreadable ones go to `found`."""
    records: dict[str, tuple[str, Any]] = {}
    if not folder.is_dir():
        return records
    for path in sorted(folder.glob("*.yaml")):
        shown = display_path(path, root)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            found.append(f"{shown}: unreadable record: {str(error).splitlines()[0]} ({REBUILD})")
            continue
        records[path.stem] = (shown, data)
    return records


def _record_problems(kind: str, records: dict[str, tuple[str, Any]]) -> list[str]:
    found = []
    for stem, (shown, data) in records.items():
        found += [f"{shown}: {problem} ({REBUILD})" for problem in problems(kind, data)]
        if isinstance(data, dict) and data.get("id") != stem:
            found.append(f"{shown}: id {quoted(data.get('id'))} differs from the file name ({REBUILD})")
    return found


def _article_problems(records: dict[str, tuple[str, Any]], articles: dict[str, Article],
                      events: dict[str, tuple[str, Any]]) -> list[str]:
    found = []
    for stem, (shown, data) in records.items():
        if not isinstance(data, dict):
            continue
        article = articles.get(stem)
        if article is None:
            found.append(f"{shown}: no article in the corpus has this id ({REBUILD} to drop the record)")
        elif data.get("content_hash") != article.content_hash:
            found.append(f"{shown}: made from an older version of {article.path} ({REBUILD})")
        else:
            found += [f"{shown}: {p} ({REBUILD})" for p in provenance_problems(data, article.text)]
        event = data.get("event")
        if event is not None and event not in events:
            found.append(f"{shown}: event {quoted(event)} has no event record ({REBUILD})")
    return found


def _missing_records(records: dict[str, tuple[str, Any]], articles: tuple[Article, ...], built: bool) -> list[str]:
    """Articles added or renamed since the last build: their records are still to be made."""
    if not built:
        return []
    return [f"{article.path}: no record yet: the records are stale ({REBUILD})"
            for article in articles if article.id not in records]


def _line_order(problem: str) -> tuple[int, str]:
    """`path:line: ...` lines in the order of their lines."""
    parts = problem.split(":", 2)
    return (int(parts[1]) if len(parts) > 2 and parts[1].isdigit() else 0, problem)


def _event_problems(events: dict[str, tuple[str, Any]], records: dict[str, tuple[str, Any]]) -> list[str]:
    found = []
    for _stem, (shown, data) in events.items():
        if not isinstance(data, dict):
            continue
        missing = [a for a in data.get("articles") or [] if a not in records]
        if missing:
            found.append(f"{shown}: articles without a record: {', '.join(map(str, missing))} ({REBUILD})")
    return found


def _stale_curation(articles: tuple[Article, ...], curation: Curation, config: BuildConfig) -> list[str]:
    """Curation actions that no longer match anything: only linking the corpus tells."""
    if not curation.actions:
        return []
    with Resident() as extractor:
        extraction = extract_all(articles, config.path("cache") / "extract", progress=False, worker=extractor)
        done = {record.id for record in extraction.records}
        linked = link([a for a in articles if a.id in done], extraction.records, curation,
                      last_build_events(config), embeddings=Embeddings(config.path("cache") / "embed"),
                      extract_cache=config.path("cache") / "extract", extract_worker=extractor)
    return [str(warning) for warning in linked.warnings]


def check(config: BuildConfig) -> CheckReport:
    """Every problem with the corpus, the curation file and the records, in a stable order."""
    found: list[str] = []
    corpus = read_corpus(config.path("corpus"), config.root)
    languages = check_languages(corpus.articles, config.path("cache") / "extract")
    found += [str(problem) for problem in (*corpus.errors, *languages, *corpus.warnings)]
    try:
        curation = load_curation(config.path("curation"), display_path(config.path("curation"), config.root))
    except CurationError as error:  # reported with the stale entries among the valid ones, by line
        found += sorted((*error.problems, *_stale_curation(corpus.articles, error.usable or Curation(), config)),
                        key=_line_order)
    else:
        found += _stale_curation(corpus.articles, curation, config)
    docs = config.path("docs")
    records = _load_records(docs / ARTICLES_DATA, config.root, found)
    events = _load_records(docs / EVENTS_DATA, config.root, found)
    found += _record_problems("article", records)
    found += _record_problems("event", events)
    found += _article_problems(records, {a.id: a for a in corpus.articles}, events)
    found += _missing_records(records, corpus.articles, (docs / ARTICLES_DATA).is_dir())
    found += _event_problems(events, records)
    return CheckReport(len(corpus.articles), len(records), len(events), tuple(found), tuple(map(str, corpus.notices)))
