"""The site built over several processes (generator/site_build.py) is the site plain
MkDocs builds, byte for byte, and strict mode fails it with MkDocs' own messages.

The fixture corpus has too few pages for the parallel path, so the tests lower the
threshold and ask for two workers (on one core too).
"""
from __future__ import annotations

import gzip
import logging
import os
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import render_docs
from generator import site_build
from generator.write import SiteBuildError, build_site

EXTRA_PAGES = 24


def extra_page(number: int) -> str:
    """A page outside the nav with what the checks of MkDocs look at: headings, raw HTML
    anchors, and links to pages and to anchors on other pages."""
    other = (number + 1) % EXTRA_PAGES
    front = f"---\ntitle: Extra {number} from front matter\n---\n\n" if number % 3 == 0 else ""
    return (f"{front}# Extra page {number}\n\n"
            f"Next: [page {other}](extra-{other}.md#section-b), [its anchor](extra-{other}.md#raw-{other}), "
            f"[home](../index.md), [here](#section-a).\n\n"
            f"## Section A\n\n| Key | Value |\n| --- | --- |\n| n | {number} |\n\n"
            f'!!! note "Note {number}"\n    Admonition text {number}.\n\n'
            f'## Section B {{ #section-b }}\n\n<div markdown>*Emphasis* in HTML.</div>\n\n'
            f'<a id="raw-{number}"></a>\n')


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """mkdocs.yml of a site of the fixture corpus plus EXTRA_PAGES pages; returns mkdocs.yml."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the sitemap dates of both builds
    mkdocs_file = render_docs(tmp_path / "ws")
    for number in range(EXTRA_PAGES):
        (tmp_path / "ws" / "docs" / "events" / f"extra-{number}.md").write_text(extra_page(number), encoding="utf-8")
    return mkdocs_file


@pytest.fixture
def pools(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the worker pools started, to check that the parallel path was taken."""
    started: list[int] = []
    pool = site_build.worker_pool

    def counted_pool(*args, **kwargs):
        started.append(1)
        return pool(*args, **kwargs)

    monkeypatch.setattr(site_build, "worker_pool", counted_pool)
    return started


def tree(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def build_both(mkdocs_file: Path) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The site of plain MkDocs and the parallel one."""
    plain, parallel = mkdocs_file.parent / "plain", mkdocs_file.parent / "parallel"
    mkdocs_build(load_config(str(mkdocs_file), strict=True, site_dir=str(plain)))
    site_build.build(load_config(str(mkdocs_file), strict=True, site_dir=str(parallel)), jobs=2, serial_below=2)
    return tree(plain), tree(parallel)


def assert_same_site(plain: dict[str, bytes], parallel: dict[str, bytes]) -> None:
    assert sorted(parallel) == sorted(plain)
    assert [path for path in plain if parallel[path] != plain[path]] == []
    assert "pagefind/pagefind-entry.json" in plain and "sitemap.xml" in plain


def test_parallel_site_is_byte_identical_to_plain_mkdocs(workspace: Path, pools: list[int]) -> None:
    plain, parallel = build_both(workspace)
    assert pools == [1, 1]  # one pool for the Markdown, one for the templates
    assert_same_site(plain, parallel)
    assert b"<title>Extra 3 from front matter - Factsheet</title>" in plain["events/extra-3/index.html"]
    indexed = [gzip.decompress(body) for path, body in plain.items() if path.startswith("pagefind/fragment/")]
    assert any(b"Admonition text 7." in text for text in indexed)  # the search index has the page


def _die_in_a_worker(pages: list[str]) -> list:
    """Stands in for `_run_chunk` (which runs only in workers): the worker given this page dies."""
    if "events/extra-5.md" in pages:
        os._exit(1)
    return RUN_CHUNK(pages)


RUN_CHUNK = site_build._run_chunk


def test_pages_of_a_dead_worker_are_built_by_the_parent(workspace: Path, pools: list[int],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_build, "_run_chunk", _die_in_a_worker)
    plain, parallel = build_both(workspace)
    assert pools == [1, 1]
    assert_same_site(plain, parallel)


def site_build_outcome(mkdocs_file: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    """How `build_site` fails: the error, and the messages on MkDocs' loggers (INFO and up)."""
    monkeypatch.setattr(site_build, "SERIAL_BELOW", 2 if parallel else 1_000_000)
    monkeypatch.setattr(site_build, "default_jobs", lambda: 2)
    messages: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: messages.append(f"{record.levelname} {record.name}: {record.getMessage()}")
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises(Exception) as caught:
            build_site(mkdocs_file, mkdocs_file.parent / "docs", mkdocs_file.parent / "site")
    finally:
        logger.removeHandler(handler)
    return f"{type(caught.value).__name__}: {caught.value}", messages


def test_strict_mode_fails_with_the_messages_of_plain_mkdocs(workspace: Path, pools: list[int],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    events = workspace.parent / "docs" / "events"
    with (events / "extra-3.md").open("a", encoding="utf-8") as page:
        page.write("\n[gone](missing.md)\n")
    with (events / "extra-17.md").open("a", encoding="utf-8") as page:
        page.write("\n[no such anchor](extra-2.md#nowhere)\n")
    plain = site_build_outcome(workspace, parallel=False, monkeypatch=monkeypatch)
    assert pools == []
    parallel = site_build_outcome(workspace, parallel=True, monkeypatch=monkeypatch)
    assert pools == [1, 1]
    assert parallel == plain
    error, messages = parallel
    assert error.startswith(f"SiteBuildError: {workspace}: the strict MkDocs build failed: ")
    assert ("Doc file 'events/extra-3.md' contains a link 'missing.md', but the target 'events/missing.md' "
            "is not found among documentation files.") in error
    assert ("Doc file 'events/extra-17.md' contains a link 'extra-2.md#nowhere', but the doc "
            "'events/extra-2.md' does not contain an anchor '#nowhere'.") in error
    assert error.index("extra-3.md") < error.index("extra-17.md")
    assert "Aborted with 2 warnings in strict mode!" in error
    assert not (workspace.parent / "site").exists()


def test_a_page_that_fails_reads_as_in_plain_mkdocs(workspace: Path, pools: list[int],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (workspace.parent / "docs" / "events" / "extra-5.md").write_bytes(b"# Not UTF-8 \xff\n")
    plain = site_build_outcome(workspace, parallel=False, monkeypatch=monkeypatch)
    parallel = site_build_outcome(workspace, parallel=True, monkeypatch=monkeypatch)
    assert pools == [1]  # the build stops in the Markdown loop
    assert parallel == plain
    error, messages = parallel
    assert error.startswith("UnicodeDecodeError: ")
    assert messages[-2:] == [
        f"ERROR mkdocs.structure.pages: Encoding error reading file: {Path('events/extra-5.md')}",
        f"ERROR mkdocs.commands.build: Error reading page 'events/extra-5.md': {error.split(': ', 1)[1]}",
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_page_of_both_loops_is_counted_for_the_progress_bar(workspace: Path, jobs: int) -> None:
    counted: dict[str, list[int]] = {}

    def counter(what: str, total: int, unit: str):
        counted[what] = [total, 0]
        return lambda: counted[what].__setitem__(1, counted[what][1] + 1)

    config = load_config(str(workspace), strict=True, site_dir=str(workspace.parent / "site"))
    site_build.build(config, jobs=jobs, serial_below=2, counter=counter)
    docs = workspace.parent / "docs"
    excluded = config["exclude_docs"]  # developer notes mkdocs.yml keeps out of the site
    pages = sum(1 for page in docs.rglob("*.md") if not excluded.match_file(page.relative_to(docs).as_posix()))
    assert counted == {"markdown": [pages, pages], "html": [pages, pages]}
