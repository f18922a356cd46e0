"""How much search data a reader downloads: on a first page view, and for one query.

    python bench/search_weight.py SITE_DIR [--path /] [--query Berg --query Oslo ...]

Serves the built site on 127.0.0.1, opens a page in Debian's Chromium (Playwright) with an
empty cache, and adds up the search files it fetches (the Pagefind bundle under
pagefind/, the page's search script, and MkDocs' own search index and worker, so that
a site built with MkDocs' search measures the same way). Then, for each query in a
fresh browser with an empty cache again, it opens the search, types the query and adds
up what that brings. Sizes are the files as served, and gzipped as a web server
would send them (Pagefind's index files are compressed already).
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlparse

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SEARCH_FILES = ("pagefind/", "search/search_index.json", "assets/javascripts/workers/search", "assets/factsheet-search.js")
QUERIES = ("Berg", "Oslo", "summit")
QUIET = 0.5  # seconds without a new search request after which a query counts as done
PLACEHOLDER = "Type to start searching"


@dataclass
class Transfer:
    """The search files one step fetched: paths, bytes as served, bytes gzipped."""

    files: list[str] = field(default_factory=list)
    served: int = 0
    gzipped: int = 0

    def add(self, site: Path, path: str) -> None:
        body = (site / path).read_bytes() if (site / path).is_file() else b""
        self.files.append(path)
        self.served += len(body)
        self.gzipped += len(gzip.compress(body, compresslevel=6, mtime=0))


@dataclass
class Weight:
    first_view: Transfer
    queries: dict[str, tuple[Transfer, int]]  # query → (transfer, results listed)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """No request log on the console."""



def served(site: Path) -> Iterator[str]:
    """Serve `site` on 127.0.0.1 until the generator is closed; yields its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def measure(site: Path, browser, base: str, path: str = "/", queries: tuple[str, ...] = QUERIES) -> Weight:
    """The search bytes of a first view of `path`, and of each query typed there."""
    first, _ = _visit(site, browser, base, path, None)
    return Weight(first, {query: _visit(site, browser, base, path, query) for query in queries})


def _visit(site: Path, browser, base: str, path: str, query: str | None) -> tuple[Transfer, int]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda route: route.fallback() if route.request.url.startswith(base) else route.abort())
    requested: list[tuple[float, str]] = []

    def on_request(request) -> None:
        relative = unquote(urlparse(request.url).path).lstrip("/")
        if relative.endswith("/") or not relative:
            relative += "index.html"
        if relative.startswith(SEARCH_FILES):
            requested.append((time.monotonic(), relative))

    page.on("request", on_request)
    page.goto(base + path, wait_until="networkidle")
    seen = len(requested)
    listed = 0
    if query is not None:
        page.locator(".md-search__input").first.click()
        page.locator(".md-search-result__meta").filter(has_text=PLACEHOLDER).wait_for(timeout=30_000)
        page.locator("input.md-search__input").press_sequentially(query)
        page.locator(".md-search-result__meta").filter(has_not_text=PLACEHOLDER).wait_for(timeout=30_000)
        _settle(page, requested)
        listed = page.locator(".md-search-result__item > a").count()
    transfer = Transfer()
    for _, relative in (requested if query is None else requested[seen:]):
        transfer.add(site, relative)
    context.close()
    return transfer, listed


def _settle(page, requested: list[tuple[float, str]]) -> None:
    """Wait until no search file was requested for QUIET seconds (the results' texts load
    after the count is shown)."""
    while True:
        page.wait_for_timeout(QUIET * 1000 / 2)
        last = requested[-1][0] if requested else 0.0
        if time.monotonic() - last >= QUIET:
            return


def kb(size: int) -> str:
    return f"{size / 1024:.0f} KB"


def weigh(site: Path, path: str = "/", queries: tuple[str, ...] = QUERIES) -> Weight:
    """`measure` on `site`, served here and opened in a Chromium of its own."""
    from playwright.sync_api import sync_playwright

    site = site.resolve()
    server = served(site)
    base = next(server)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return measure(site, browser, base, path, queries)
            finally:
                browser.close()
    finally:
        server.close()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--path", default="/", help="the page of the first view (default: the home page)")
    parser.add_argument("--query", action="append", help=f"a query to type (repeatable; default: {', '.join(QUERIES)})")
    args = parser.parse_args(argv)
    weight = weigh(args.site, args.path, tuple(args.query or QUERIES))
    first = weight.first_view
    print(f"first view of {args.path}: {kb(first.served)} served, {kb(first.gzipped)} gzipped, "
          f"{len(first.files)} search files")
    for query, (transfer, listed) in weight.queries.items():
        print(f"query {query!r}: {kb(transfer.served)} served, {kb(transfer.gzipped)} gzipped, "
              f"{len(transfer.files)} search files, {listed} results listed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
