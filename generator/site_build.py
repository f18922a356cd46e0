"""`mkdocs build` over all cores, writing the same site as the serial build.

MkDocs builds in two loops over the pages, one page at a time: first it renders every
page's Markdown (`_populate_page`), then every page's template, writing its HTML file
(`_build_page`). The second loop needs the first one finished (the navigation of every
page shows the titles of others). MkDocs' own `build()` still runs the whole build here;
for its length, the two per-page functions are replaced by stand-ins that, at their
first call, hand all pages to worker processes forked from this one (so they hold the
whole build state), and then, called for each page in MkDocs' order, take its result:

- Markdown: a worker renders the page and sends back what rendering sets on a Page
  (HTML, table of contents, metadata, title, anchors, links to anchors); it is set on
  the Page here.
- Templates: a worker renders the page and writes its HTML file itself.

Everything else (plugin events, static files, the sitemap, anchor validation, the
search index (`site_search`, after the build), strict mode) is MkDocs' own code running here as usual. A worker's
log records are replayed here, by the same logger, at that page's turn: strict mode
counts them and the caller's handlers see them in the order of a serial build. A page
that fails in a worker, or whose worker died, is built here by MkDocs itself, so its
error reads as in a serial build.

This relies on MkDocs 1.6 internals: the two functions and their signatures, the Page
attributes rendering sets (`_RENDERED`). Another MkDocs version or plugins other than
the site search (whose state would be lost in the workers) build serially.
"""
from __future__ import annotations

import logging
import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

import mkdocs
import mkdocs.commands.build as mkdocs_build
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .site_search import PagefindPlugin
from .workers import default_jobs, inherited, worker_pool

SERIAL_BELOW = 200  # pages: fewer are not worth forking for
CHUNKS_PER_WORKER = 8  # small enough to balance uneven pages, big enough to keep overhead low
# What reading and rendering a page set on it (MkDocs 1.6 `Page.read_source`, `Page.render`);
# `links_to_anchors` too, but it is keyed by File and goes by path.
_RENDERED = ("markdown", "meta", "content", "toc", "_title_from_render", "present_anchor_ids")

Task = Callable[[str], Any]  # docs-relative path of a page → its picklable result
Outcome = tuple[Any, list[logging.LogRecord]]  # a task's result and the records it logged


Counter = Callable[[str, int, str], Callable[[], None]]  # (what, total, unit) → call once per item


def build(config: Any, jobs: int | None = None, serial_below: int | None = None,
          counter: Counter | None = None) -> None:
    """`mkdocs.commands.build.build(config)`, with the pages rendered by `jobs` processes
    (default: one per core) when there are at least `serial_below` of them. `counter`, if
    given, counts the pages of each of MkDocs' two loops as this process takes them."""
    jobs = jobs or default_jobs()
    serial_below = SERIAL_BELOW if serial_below is None else serial_below
    if jobs < 2 or not _supported(config):
        with _counted(counter):
            mkdocs_build.build(config)
        return
    run = _ParallelRun(config, jobs, serial_below)
    with run.installed(), _counted(counter):
        mkdocs_build.build(config)


@contextmanager
def _counted(counter: Counter | None) -> Iterator[None]:
    """MkDocs' two per-page functions (or their stand-ins) wrapped to count each page done,
    for a progress bar: the Markdown loop, then the HTML loop."""
    if counter is None:
        yield
        return
    populate_page, build_page = mkdocs_build._populate_page, mkdocs_build._build_page
    done: dict[str, Callable[[], None]] = {}

    def populate_counted(page: Page, config: Any, files: Files, dirty: bool = False) -> None:
        if "markdown" not in done:
            done["markdown"] = counter("markdown", len(files.documentation_pages(
                inclusion=InclusionLevel.is_included)), "page")
        populate_page(page, config, files, dirty)
        done["markdown"]()

    def build_counted(page: Page, config: Any, doc_files: Sequence[File], nav: Any, env: Any,
                      dirty: bool = False, excluded: bool = False) -> None:
        if "html" not in done:
            done["html"] = counter("html", len(doc_files), "page")
        build_page(page, config, doc_files, nav, env, dirty, excluded=excluded)
        done["html"]()

    mkdocs_build._populate_page, mkdocs_build._build_page = populate_counted, build_counted
    try:
        yield
    finally:
        mkdocs_build._populate_page, mkdocs_build._build_page = populate_page, build_page


def _supported(config: Any) -> bool:
    """The MkDocs this was written against, and no plugin but the site search, which acts
    only after the build: another plugin's page hooks would run in the workers, and what
    it kept there would be lost."""
    return (mkdocs.__version__.startswith("1.6.") and "fork" in multiprocessing.get_all_start_methods()
            and all(type(plugin) is PagefindPlugin for plugin in config.plugins.values()))


class _ParallelRun:
    def __init__(self, config: Any, jobs: int, serial_below: int) -> None:
        self.config, self.jobs, self.serial_below = config, jobs, serial_below
        # Taken when the build starts, so that whatever stands in for them then is what runs.
        self.populate_page = mkdocs_build._populate_page
        self.build_page = mkdocs_build._build_page
        self.markdown: _Stage | None = None
        self.templates: _Stage | None = None

    @contextmanager
    def installed(self) -> Iterator[None]:
        mkdocs_build._populate_page, mkdocs_build._build_page = self._populate_page, self._build_page
        try:
            yield
        finally:
            mkdocs_build._populate_page, mkdocs_build._build_page = self.populate_page, self.build_page
            for stage in (self.markdown, self.templates):
                if stage is not None:
                    stage.close()

    # ---- the Markdown loop

    def _populate_page(self, page: Page, config: Any, files: Files, dirty: bool = False) -> None:
        if self.markdown is None:
            pages = [file.src_uri for file in files.documentation_pages(inclusion=InclusionLevel.is_included)]
            self.markdown = self._stage(pages, lambda uri: self._render_markdown(uri, files), dirty)
        outcome = self.markdown.take(page.file.src_uri)
        if outcome is None:
            self.populate_page(page, config, files, dirty)
            return
        (rendered, links), records = outcome
        _replay(records)
        for name, value in rendered.items():
            setattr(page, name, value)
        if links is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): anchors for uri, anchors in links.items()}

    def _render_markdown(self, uri: str, files: Files) -> tuple[dict[str, Any], dict | None]:
        """In a worker: render one page; what it set on the Page, in picklable form."""
        file = files.get_file_from_path(uri)
        assert file is not None
        if file.page is None:
            # build() makes the Page of a file outside the nav just before rendering it, in
            # the parent too, and reports that Page's messages there: this copy is silent.
            with _dropped_records():
                Page(None, file, self.config)
        page = file.page
        self.populate_page(page, self.config, files)
        links = page.links_to_anchors
        return ({name: getattr(page, name) for name in _RENDERED},
                None if links is None else {target.src_uri: anchors for target, anchors in links.items()})

    # ---- the template loop

    def _build_page(self, page: Page, config: Any, doc_files: Sequence[File], nav: Any, env: Any,
                    dirty: bool = False, excluded: bool = False) -> None:
        if self.templates is None:
            if self.markdown is not None:
                self.markdown.close()  # all taken by now: no need to keep its workers while forking again
            by_uri = {file.src_uri: file for file in doc_files}
            self.templates = self._stage(list(by_uri), lambda uri: self._render_template(
                by_uri[uri], doc_files, nav, env), dirty)
        outcome = self.templates.take(page.file.src_uri)
        if outcome is None:
            self.build_page(page, config, doc_files, nav, env, dirty, excluded=excluded)
            return
        _, records = outcome
        _replay(records)

    def _render_template(self, file: File, doc_files: Sequence[File], nav: Any, env: Any) -> None:
        """In a worker: build one page's HTML file."""
        self.build_page(file.page, self.config, doc_files, nav, env, False, excluded=file.inclusion.is_excluded())

    def _stage(self, pages: list[str], task: Task, dirty: bool) -> _Stage:
        if dirty or len(pages) < self.serial_below:
            return _Stage([], task, self.jobs)  # nothing ahead: every page is built here
        return _Stage(pages, task, self.jobs)


class _Stage:
    """One loop's pages, run ahead in worker processes; results are taken in any order."""

    def __init__(self, pages: list[str], task: Task, jobs: int) -> None:
        self.ahead: dict[str, tuple[Future, int]] = {}
        self.pool: ProcessPoolExecutor | None = None
        if not pages:
            return
        # Forked now: the workers see the build as it stands, and `task` is not pickled.
        self.pool = worker_pool(jobs, initializer=_start_worker, inherit=task)
        size = max(1, len(pages) // (jobs * CHUNKS_PER_WORKER))
        for start in range(0, len(pages), size):
            chunk = pages[start:start + size]
            future = self.pool.submit(_run_chunk, chunk)
            self.ahead.update((uri, (future, position)) for position, uri in enumerate(chunk))

    def take(self, uri: str) -> Outcome | None:
        """The page's outcome; None if it is to be built here (not sent ahead, or failed)."""
        where = self.ahead.pop(uri, None)
        if where is None:
            return None
        future, position = where
        try:
            return future.result()[position]
        except Exception:  # the worker died or a result did not pickle: the page is built here
            return None
        finally:
            if not self.ahead:
                self.close()

    def close(self) -> None:
        # Waits for running chunks: a worker must not write into a site folder that a failed
        # build is about to remove.
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


# ---- in the worker processes

_records: list[logging.LogRecord] = []


def _start_worker() -> None:
    # Every record a logger would handle is kept instead, before any filter or handler, and
    # handled in the parent by the same logger (`_replay`).
    logging.Logger.handle = _keep  # type: ignore[method-assign]


def _keep(logger: logging.Logger, record: logging.LogRecord) -> None:
    if record.args:
        record.msg, record.args = record.getMessage(), None  # arguments may not pickle
    if record.exc_info:
        record.exc_text = record.exc_text or logging.Formatter().formatException(record.exc_info)
        record.exc_info = None
    _records.append(record)


@contextmanager
def _dropped_records() -> Iterator[None]:
    kept = len(_records)
    try:
        yield
    finally:
        del _records[kept:]


def _run_chunk(pages: list[str]) -> list[Outcome | None]:
    task: Task = inherited()
    outcomes: list[Outcome | None] = []
    for uri in pages:
        _records.clear()
        try:
            outcomes.append((task(uri), list(_records)))
        except Exception:  # built again in the parent, which reports the error as MkDocs does
            outcomes.append(None)
    return outcomes


def _replay(records: list[logging.LogRecord]) -> None:
    for record in records:
        logging.getLogger(record.name).handle(record)
