"""The site's search index: Pagefind, run over the built HTML at the end of `mkdocs build`.

Pagefind splits the index into small chunks by word and keeps each page's text in a
fragment of its own, so a reader downloads only the chunks of the words they type and
the fragments of the results shown: a few hundred KB at any corpus size, where a single
index (MkDocs' own search) grows with the corpus and loads in full on every page.

What is indexed is each page's content (marked by `overrides/main.html`), without what
only describes the page (`IGNORED`): the search text of a page is its content plus the
spellings the render step adds for it (`render.common.search_terms`). Source articles
carry a filter (`kind:source`) that the search script uses to list them after the fact
sheets, people, places and other pages. (One filter with one value: Pagefind writes the
values of a filter in a random order, so more would make the site differ between builds.)

A registered MkDocs plugin (`factsheet-search` in mkdocs.yml), so that `mkdocs build
--strict` alone makes the whole site; it writes into the site folder MkDocs builds,
which the caller publishes all or nothing.
"""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

OUTPUT = "pagefind"  # folder in the site, where overrides/main.html loads it from
# Heading permalinks (¶), the build line, and what a page marks as no search text.
IGNORED = (".headerlink", ".fs-provenance", "[data-pagefind-ignore]")
TIMEOUT = 1800  # seconds: far more than 10,000 pages take; a hung indexer must not hang the build


class SearchConfig(Config):
    enabled = config_options.Type(bool, default=True)


class PagefindPlugin(BasePlugin[SearchConfig]):
    def on_post_build(self, config: Any, **kwargs: Any) -> None:
        if self.config.enabled:
            index_site(Path(config.site_dir))


def index_site(site: Path) -> None:
    """Write Pagefind's index of the HTML pages in `site` into `site/pagefind/`."""
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise PluginError("the search index needs Pagefind (pip install -r requirements.txt)") from error
    command = [str(get_executable()), "--site", str(site), "--output-subdir", OUTPUT,
               "--silent"]
    for selector in IGNORED:
        command += ["--exclude-selectors", selector]
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired as error:
        raise PluginError(f"{site}: Pagefind did not finish in {TIMEOUT} s") from error
    if result.returncode != 0:
        raise PluginError(f"{site}: Pagefind failed: {(result.stderr or result.stdout).strip()}")
