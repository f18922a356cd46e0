"""Extract many articles: cached records first, the rest in parallel over the cores.

Extraction is CPU-bound pure Python, so it runs in worker processes (never threads).
The first article is extracted in this process before the pool starts: that loads
the lexicons and gazetteers once, and the forked workers inherit them instead of
each loading its own. A few new articles among many cached ones (a rebuild after
`factsheet add`) are extracted in a forked process instead, while this one reads the
cached records; a build keeps that process (`workers.Resident`) for the articles the
events stage re-reads, which then find the lexicons loaded. Only this process writes
cache entries. Results keep the order of the input, so the output does not depend on
scheduling.
"""
from __future__ import annotations

import sys
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

from .cache import ExtractionCache
from .config import BuildConfig
from .extract import extract_article, extractor_version, warm_up
from .extract.language import UnknownLanguageError, check_language
from .records import Article, ArticleRecord
from .workers import OverBudget, Pending, Resident, default_jobs, time_limit, worker_pool

SERIAL_BELOW = 16  # fewer articles than this are not worth starting processes for
CHUNKS_PER_WORKER = 8  # small enough to balance uneven articles, big enough to keep overhead low
# Seconds one article may take to extract (a normal one takes a fraction of a second):
# an input that would take hours is reported and left out, and the rest builds.
TIME_BUDGET = BuildConfig.time_budget


@dataclass(frozen=True)
class ExtractionFailure:
    """An article that could not be extracted: `path: reason (what to do)`."""

    path: str
    reason: str
    fix: str = "report it as a bug, with this article"

    def __str__(self) -> str:
        return f"{self.path}: {self.reason} ({self.fix})"


def _unknown_language(article: Article, error: UnknownLanguageError) -> ExtractionFailure:
    return ExtractionFailure(article.path, f"unknown language {error.code!r}",
                             f"supported: {', '.join(error.supported)}")


@dataclass(frozen=True)
class Extraction:
    records: tuple[ArticleRecord, ...]  # in the order of the articles given, failures left out
    failures: tuple[ExtractionFailure, ...]
    extracted: int  # articles run through the extractor
    reused: int  # articles whose record came from the cache


Task = tuple[Article, "date | None"]
Outcome = tuple["ArticleRecord | None", "ExtractionFailure | None"]


def _extract_one(task: Task, budget: float | None = TIME_BUDGET) -> Outcome:
    """One article's record or failure, in `budget` seconds at most (None: no limit)."""
    article, anchor = task
    warm_up()  # the data every article needs loads once per process, outside any one article's budget
    try:
        with time_limit(budget):
            return _extract_checked(article, anchor)
    except OverBudget:
        return None, ExtractionFailure(article.path, f"extraction took longer than {budget:g} s",
                                       "shorten or split the article, or allow more with --time-budget")


def _extract_checked(article: Article, anchor: date | None) -> Outcome:
    if article.language is None:  # checked here, not when reading, so that it is cached with the record
        try:
            article = replace(article, language=check_language(article.text))
        except UnknownLanguageError as error:
            return None, _unknown_language(article, error)
    try:
        return extract_article(article, anchor), None
    except Exception as error:  # reported as a failure line, and the other articles still build
        return None, ExtractionFailure(article.path, f"extraction failed: {type(error).__name__}: {error}")


def check_languages(articles: Sequence[Article], cache_folder: Path | None) -> tuple[ExtractionFailure, ...]:
    """The articles in a language that is not supported, without extracting anything.

    An article with a cached record passed this check when it was extracted; only the
    others are run through language identification (for `factsheet check`).
    """
    cache = ExtractionCache(cache_folder, extractor_version()) if cache_folder else None
    failures = []
    for article in articles:
        if article.language is not None or (cache and cache.get(article) is not None):
            continue
        try:
            check_language(article.text)
        except UnknownLanguageError as error:
            failures.append(_unknown_language(article, error))
    return tuple(failures)


def _run(tasks: Sequence[Task], jobs: int, budget: float | None) -> Iterator[Outcome]:
    if not tasks:
        return
    extract = partial(_extract_one, budget=budget)
    yield extract(tasks[0])  # warms the lexicons up in this process
    rest = tasks[1:]
    if jobs <= 1 or len(rest) < SERIAL_BELOW:
        yield from map(extract, rest)
        return
    chunk = max(1, len(rest) // (jobs * CHUNKS_PER_WORKER))
    with worker_pool(jobs) as pool:
        yield from pool.map(extract, rest, chunksize=chunk)


@dataclass(frozen=True)
class _Early:
    """Articles with no cache entry, extracted in a forked process while this one reads
    the cached records of the others: a rebuild after adding an article does both at once."""

    positions: tuple[int, ...]
    tasks: tuple[Task, ...]
    outcomes: Pending[list[Outcome]]


def _extract_tasks(tasks: Sequence[Task], budget: float | None) -> list[Outcome]:
    return [_extract_one(task, budget) for task in tasks]


def _started_early(articles: Sequence[Article], cache: ExtractionCache | None, anchors: Mapping[str, date],
                   jobs: int, worker: Resident, budget: float | None) -> _Early | None:
    """Started only for a few new articles among many cached ones, or for a few articles
    of any call when `worker` is running already (the build's, with its lexicons loaded:
    an article re-read against its event's date, where loading them here took 0.5 s):
    many new articles are extracted by a pool that forks once the first has loaded the
    lexicons (`_run`)."""
    if cache is None or jobs <= 1:
        return None
    missing = _missing(articles, cache, anchors)
    if not missing or len(missing) >= SERIAL_BELOW or (len(missing) * 2 > len(articles) and not worker.running):
        return None
    tasks = tuple((articles[i], anchors.get(articles[i].id)) for i in missing)
    return _Early(tuple(missing), tasks, worker.call(_extract_tasks, tasks, budget))


def _missing(articles: Sequence[Article], cache: ExtractionCache, anchors: Mapping[str, date]) -> list[int]:
    return [i for i, a in enumerate(articles) if not cache.path(a, anchors.get(a.id)).is_file()]


def uncached(articles: Sequence[Article], cache_folder: Path) -> list[Article]:
    """The `articles` that `extract_all` would extract: those with no cached record."""
    return [articles[i] for i in _missing(articles, ExtractionCache(cache_folder, extractor_version()), {})]


def _progress(outcomes: Iterable[Outcome], total: int, show: bool | None) -> Iterable[Outcome]:
    enabled = sys.stderr.isatty() if show is None else show
    if not enabled or total == 0:
        return outcomes
    from tqdm import tqdm  # imported only to show a bar: a rebuild in CI never does

    return tqdm(outcomes, total=total, desc="extract", unit="article", file=sys.stderr, leave=False)


def extract_all(
    articles: Sequence[Article],
    cache_folder: Path | None,
    jobs: int | None = None,
    anchors: Mapping[str, date] | None = None,
    progress: bool | None = None,
    worker: Resident | None = None,
    budget: float | None = TIME_BUDGET,
) -> Extraction:
    """Records of all `articles`, reusing cached ones; `cache_folder=None` disables the cache.

    `anchors` maps an article id to the date its event supplies (for articles that
    state none); such records are cached under that anchor too. `progress=None` shows
    a progress bar only when stderr is a terminal. `worker` extracts a few new articles
    while the cached records are read (a process of this call's own when None). An article
    that takes longer than `budget` seconds is a failure (None: no limit).
    """
    with (nullcontext(worker) if worker is not None else Resident(jobs)) as resident:
        return _extract_all(articles, cache_folder, jobs, anchors, progress, resident, budget)


def _extract_all(articles: Sequence[Article], cache_folder: Path | None, jobs: int | None,
                 anchors: Mapping[str, date] | None, progress: bool | None, worker: Resident,
                 budget: float | None) -> Extraction:
    cache = ExtractionCache(cache_folder, extractor_version()) if cache_folder else None
    anchors = anchors or {}
    jobs = jobs or default_jobs()
    found: dict[int, ArticleRecord] = {}
    early = _started_early(articles, cache, anchors, jobs, worker, budget)
    tasks: list[Task] = list(early.tasks) if early else []  # the early ones first, as their outcomes come
    positions: list[int] = list(early.positions) if early else []
    started = set(positions)
    for index, article in enumerate(articles):
        if index in started:
            continue
        anchor = anchors.get(article.id)
        record = cache.get(article, anchor) if cache else None
        if record is not None:
            found[index] = record
        else:
            tasks.append((article, anchor))
            positions.append(index)
    failures: list[tuple[int, ExtractionFailure]] = []
    outcomes: Iterable[Outcome] = _run(tasks[len(started):], jobs, budget)
    if early:
        outcomes = chain(early.outcomes.result(), outcomes)
    outcomes = _progress(outcomes, len(tasks), progress)
    for index, (article, anchor), (record, failure) in zip(positions, tasks, outcomes):
        if failure is not None:
            failures.append((index, failure))
            continue
        found[index] = record
        if cache:
            cache.put(article, record, anchor)
    return Extraction(
        records=tuple(found[i] for i in sorted(found)),
        failures=tuple(failure for _, failure in sorted(failures, key=lambda f: f[0])),
        extracted=len(tasks),
        reused=len(articles) - len(tasks),
    )
