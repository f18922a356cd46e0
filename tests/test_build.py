"""The whole build of the fixture corpus (tests/fixtures/corpus/); its records and Markdown pages are compared
with the golden files in tests/golden/.

`pytest tests/test_build.py --update-golden` rewrites tests/golden/ from the current
build; review its diff before committing. The build includes the strict MkDocs run, so
this is also the suite's strict site build.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import copy_build_inputs, copy_fixture_corpus, rewrite_record_example
from generator.build import BuildReport, build
from generator.config import BuildConfig
from generator.validate import problems
from generator.write import generated_files

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"


def copy_sources(target: Path) -> None:
    """The build inputs: the fixture corpus (with its curation file), mkdocs.yml and the hand-written docs."""
    copy_fixture_corpus(target)


@pytest.fixture(scope="module")
def corpus_build(tmp_path_factory) -> tuple[Path, BuildReport]:
    root = tmp_path_factory.mktemp("corpus-build")
    copy_sources(root)
    return root, build(BuildConfig(root=root))


def in_golden(path: str) -> bool:
    """The records and the Markdown pages; downloads are derived from the records."""
    return path.startswith("data/") or path.endswith(".md")


def normalised(content: bytes) -> bytes:
    """The extractor version digests the extraction code, so it changes with every edit
    there, even one that changes no output; the golden files hold a stand-in."""
    return re.sub(rb"(?m)^extractor_version: \S+$", b"extractor_version: (any)", content)


def html_of(page: str) -> str:
    """Where MkDocs (directory URLs) puts a Markdown page."""
    stem = page[: -len(".md")]
    return f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"


def test_summary_counts_the_corpus(corpus_build):
    root, report = corpus_build
    articles = sorted(p.stem for p in (root / "corpus" / "articles").iterdir())
    assert (report.articles, report.records, report.extracted, report.reused) == (len(articles), len(articles),
                                                                                 len(articles), 0)
    assert report.errors == ()
    assert report.summary().startswith(f"built: {len(articles)} articles read, {len(articles)} records, ")


def test_every_article_has_a_valid_record_with_an_event(corpus_build):
    root, report = corpus_build
    data = root / "docs" / "data"
    articles = sorted(p.stem for p in (root / "corpus" / "articles").iterdir())
    assert sorted(p.stem for p in (data / "articles").glob("*.yaml")) == articles
    events = {p.stem for p in (data / "events").glob("*.yaml")}
    assert len(events) == report.events >= 1
    for path in sorted((data / "articles").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert problems("article", record) == [], path.name
        assert record["event"] in events, path.name
    for path in sorted((data / "events").glob("*.yaml")):
        assert problems("event", yaml.safe_load(path.read_text(encoding="utf-8"))) == [], path.name


def test_the_strict_site_has_every_page(corpus_build):
    root, report = corpus_build
    site = root / "site"
    assert (site / "index.html").is_file() and (site / "pagefind" / "pagefind-entry.json").is_file()
    pages = [p for p in generated_files(root / "docs") if p.endswith(".md")]
    assert len(pages) == report.pages
    assert [p for p in pages if not (site / html_of(p)).is_file()] == []
    for event in (root / "docs" / "data" / "events").glob("*.yaml"):
        assert any(p.startswith("events/") and event.stem in p for p in pages), event.stem
    for article in (root / "corpus" / "articles").iterdir():
        assert any(p.startswith("sources/") and article.stem in p for p in pages), article.stem
    # the output is swapped in whole: nothing half-built is left beside it, only the tree
    # the next build updates
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".") and p.name != ".cache") == \
        [".docs.previous"]


def test_output_matches_the_golden_files(corpus_build, update_golden):
    root, _report = corpus_build
    docs = root / "docs"
    built = {path: normalised((docs / path).read_bytes()) for path in generated_files(docs) if in_golden(path)}
    if update_golden:
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for path, content in built.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(content)
        rewrite_record_example(GOLDEN)
        pytest.skip("tests/golden/ and the record example of docs/schemas.md rewritten from this build")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_bytes() for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(built) == sorted(expected), "generated files differ from tests/golden/ (--update-golden?)"
    changed = [path for path in sorted(built) if built[path] != expected[path]]
    assert changed == [], "generated files differ from tests/golden/; rerun with --update-golden and review"


def test_an_event_whose_id_changes_keeps_its_old_address(tmp_path):
    """An undated event gets its date from a new article: the id changes, the old
    permalink becomes a redirect to the new page."""
    fixtures = REPO / "tests" / "fixtures" / "events"
    copy_sources(tmp_path)
    articles = tmp_path / "corpus" / "articles"
    for path in articles.iterdir():
        path.unlink()
    shutil.copy(fixtures / "fr_meeting_lisbon.txt", articles)
    config = BuildConfig(root=tmp_path, run_mkdocs=False)
    build(config)
    (old_id,) = [p.stem for p in (tmp_path / "docs" / "data" / "events").glob("*.yaml")]

    shutil.copy(fixtures / "de_meeting_lisbon.txt", articles)
    build(config)
    (new,) = [yaml.safe_load(p.read_text(encoding="utf-8"))
              for p in (tmp_path / "docs" / "data" / "events").glob("*.yaml")]
    assert old_id.startswith("undated-") and new["id"].startswith("2024-06-12-")
    assert new["redirect_from"] == [old_id]
    assert new["id"] in (tmp_path / "docs" / "events" / old_id / "index.html").read_text(encoding="utf-8")


def test_a_build_from_a_fresh_docs_folder_still_redirects_from_the_last_builds_ids(tmp_path):
    """CI checks out a fresh docs/ but restores the cache: the last build's events come from there."""
    fixtures = REPO / "tests" / "fixtures" / "events"
    first = copy_build_inputs(tmp_path / "first")
    shutil.copy(fixtures / "fr_meeting_lisbon.txt", first / "corpus" / "articles")
    build(BuildConfig(root=first, run_mkdocs=False))
    (old_id,) = [p.stem for p in (first / "docs" / "data" / "events").glob("*.yaml")]

    second = copy_build_inputs(tmp_path / "second", first / "corpus" / "articles")
    shutil.copytree(first / ".cache", second / ".cache")
    shutil.copy(fixtures / "de_meeting_lisbon.txt", second / "corpus" / "articles")
    build(BuildConfig(root=second, run_mkdocs=False))
    (new,) = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in (second / "docs" / "data" / "events").glob("*.yaml")]
    assert new["id"] != old_id and new["redirect_from"] == [old_id]
    assert (second / "docs" / "events" / old_id / "index.html").is_file()


def test_git_ignores_everything_a_build_writes(corpus_build):
    """A build leaves the working tree clean: every generated file, the manifest and the
    event index are ignored, and no hand-written page is."""
    root, _ = corpus_build
    written = [f"docs/{path}" for path in (*generated_files(root / "docs"), ".generated")]
    assert "docs/.events.json" in written
    checked = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], input="\n".join(written),
                             capture_output=True, text=True, cwd=REPO)
    assert sorted(checked.stdout.split()) == sorted(written)
    hand_written = subprocess.run(["git", "check-ignore", "--no-index", "docs/about.md", "docs/cli.md"],
                                  capture_output=True, text=True, cwd=REPO)
    assert hand_written.stdout == ""


def test_the_cycle_collector_is_off_during_a_build_and_back_on_after(tmp_path, monkeypatch):
    import gc

    import generator.build as build_module

    seen = []
    real_link = build_module.link

    def link(*args, **kwargs):
        seen.append(gc.isenabled())
        return real_link(*args, **kwargs)

    monkeypatch.setattr(build_module, "link", link)
    copy_build_inputs(tmp_path)
    assert gc.isenabled()
    build(BuildConfig(root=tmp_path, run_mkdocs=False))
    assert seen == [False] and gc.isenabled()


def test_the_cycle_collector_comes_back_on_when_a_build_fails():
    import gc

    from generator.execution import without_cycle_collection

    with pytest.raises(RuntimeError):
        with without_cycle_collection():
            assert not gc.isenabled()
            raise RuntimeError("build failed")
    assert gc.isenabled()
    gc.disable()
    try:
        with without_cycle_collection():
            pass
        assert not gc.isenabled()  # a caller that had it off keeps it off
    finally:
        gc.enable()
