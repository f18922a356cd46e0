"""Two builds from the same inputs give byte-identical records, Markdown and HTML.

Each build runs `factsheet build` in a fresh copy of the repository's site set-up
(mkdocs.yml, the hand-written docs, the fixture corpus), so nothing is shared between them:
not the extraction cache, not the output folders. A third build reuses the first
one's cache, so cached records must render exactly like freshly extracted ones.

MkDocs stamps the build date (the day, not the time) into `sitemap.xml.gz`, as the
mtime in its gzip header, and into `sitemap.xml` as `<lastmod>` once `site_url` is
set. Two builds on different days differ there unless SOURCE_DATE_EPOCH is set. That
date is also the build date the page footers give; the last test shows these are the
only places the date changes.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import REPO, copy_fixture_corpus
DATE_STAMPED = {"site/sitemap.xml", "site/sitemap.xml.gz"}


def workspace(folder: Path) -> Path:
    """A fresh copy of what a build reads: mkdocs.yml, the hand-written docs and the fixture corpus."""
    return copy_fixture_corpus(folder)


def factsheet(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=folder, env=environment,
                          capture_output=True, text=True, timeout=600)


def output_files(folder: Path) -> dict[str, bytes]:
    """Every file of docs/ and site/ by its workspace-relative path."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for tree in ("docs", "site") for path in sorted((folder / tree).rglob("*")) if path.is_file()}


def differing(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    return sorted(path for path in a.keys() | b.keys() if a.get(path) != b.get(path))


def test_two_builds_are_byte_identical_and_only_the_sitemap_carries_the_date(tmp_path: Path) -> None:
    first, second = workspace(tmp_path / "first"), workspace(tmp_path / "second")
    epoch = {"SOURCE_DATE_EPOCH": "1700000000"}
    for folder in (first, second):
        result = factsheet(folder, "build", env=epoch)
        assert result.returncode == 0, result.stderr
        assert "reused: 0" in result.stdout
    built = output_files(first)
    assert any(p.startswith("docs/data/articles/") for p in built) and "site/index.html" in built
    assert differing(built, output_files(second)) == []
    # Cached records render exactly like freshly extracted ones.
    rebuilt = factsheet(first, "build", env=epoch)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "extracted: 0" in rebuilt.stdout
    assert differing(built, output_files(first)) == []
    # Another day: only the date-stamped files and the build date in the page footers change.
    assert factsheet(second, "build", env={"SOURCE_DATE_EPOCH": "1600000000"}).returncode == 0
    other_day = output_files(second)
    assert set(differing(built, other_day)) - DATE_STAMPED  # the footers give the build date
    assert set(differing(undated(built), undated(other_day))) <= DATE_STAMPED


def undated(files: dict[str, bytes]) -> dict[str, bytes]:
    """The files with the build date left out: in the footers (`built 14 November 2023
    (2023-11-14)`) and in the dataset download (`"built": "2023-11-14"`)."""
    footer = re.compile(rb"built \d+ \w+ \d{4} \(\d{4}(&#45;|-)\d\d(&#45;|-)\d\d\)")
    dataset = re.compile(rb'"built": "\d{4}-\d\d-\d\d"')
    return {path: dataset.sub(b'"built": (date)', footer.sub(b"built (date)", content))
            for path, content in files.items()}
