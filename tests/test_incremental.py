"""The extraction cache and `extract_all`: only new or changed articles are extracted,
records come back in input order whether run serially or in parallel, and a failing
article is reported without stopping the others."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Callable

import pytest

import generator.parallel as parallel
from generator import cache as cache_module
from generator.cache import ExtractionCache
from generator.extract import extractor_version
from generator.parallel import extract_all
from generator.records import (Article, ArticleRecord, DateFact, Evidence, Outcome, Person, Place, from_dict,
                               to_dict)


def make_article(n: int, text: str | None = None) -> Article:
    body = text or f"Article number {n}: ministers met in Oslo to talk about fish."
    return Article(id=f"a{n:03d}", path=f"corpus/articles/a{n:03d}.txt", text=body, title=f"Article {n}",
                   content_hash=hashlib.sha256(body.encode()).hexdigest())


def fake_record(article: Article, anchor: date | None = None) -> ArticleRecord:
    """A record with every kind of nested fact, cheap to make, so tests need no real extractor."""
    evidence = (Evidence(article.text[:10], 0, 10),)
    return ArticleRecord(
        id=article.id, language="en", title=article.title, url=None, outlet=None,
        published=anchor.isoformat() if anchor else None, published_source="event" if anchor else None,
        event=None, date="2021-03-02",
        participants=(Person("Ana Example", ("Ana",), "minister", True, evidence),),
        locations=(Place("Oslo", ("Oslo",), "city", "NO", 59.91, 10.75, True, evidence),),
        dates=(DateFact("2021-03-02", "Tuesday", True, evidence),),
        outcomes=(Outcome(article.text, "statement", "Ana Example", evidence),),
        content_hash=article.content_hash, extractor_version=extractor_version(), source=article.path)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Replace the extractor by `fake_record`; every call leaves a file in the returned folder
    (a file, not a counter, because worker processes make calls too)."""
    calls = tmp_path / "calls"
    calls.mkdir()

    def extract(article: Article, anchor: date | None = None) -> ArticleRecord:
        (calls / f"{article.id}-{article.content_hash[:8]}-{anchor}").touch()
        if "explode" in article.text:
            raise ValueError("cannot handle this text")
        return fake_record(article, anchor)

    monkeypatch.setattr(parallel, "extract_article", extract)
    return calls


def test_record_survives_the_cache_round_trip(tmp_path: Path) -> None:
    article = make_article(1)
    record = fake_record(article)
    assert from_dict(ArticleRecord, json.loads(json.dumps(to_dict(record)))) == record
    cache = ExtractionCache(tmp_path, extractor_version())
    assert cache.get(article) is None
    cache.put(article, record)
    assert cache.get(article) == record
    assert cache.get(article, date(2021, 3, 2)) is None  # another anchor is another entry


def test_cache_entry_of_another_article_or_version_is_not_used(tmp_path: Path) -> None:
    article = make_article(1)
    ExtractionCache(tmp_path, extractor_version()).put(article, fake_record(article))
    assert ExtractionCache(tmp_path, "0ther-version").get(article) is None
    assert ExtractionCache(tmp_path, extractor_version()).get(replace(article, id="renamed")) is None
    assert ExtractionCache(tmp_path, extractor_version()).get(replace(article, content_hash="0" * 64)) is None


def test_cache_entry_of_another_record_layout_is_not_read(tmp_path: Path, monkeypatch) -> None:
    article = make_article(1)
    ExtractionCache(tmp_path, extractor_version()).put(article, fake_record(article))
    monkeypatch.setattr(cache_module, "layout", lambda: "0ther-layout")  # record classes with other fields
    assert ExtractionCache(tmp_path, extractor_version()).get(article) is None


def test_unreadable_cache_entry_is_extracted_again(tmp_path: Path, counting: Path) -> None:
    article = make_article(1)
    cache = ExtractionCache(tmp_path / "cache", extractor_version())
    cache.put(article, fake_record(article))
    cache.path(article).write_text("{not json", encoding="utf-8")
    result = extract_all([article], tmp_path / "cache", jobs=1)
    assert (result.extracted, result.reused) == (1, 0)
    assert cache.get(article) == fake_record(article)


def test_adding_one_article_extracts_exactly_one(tmp_path: Path, counting: Path) -> None:
    articles = [make_article(n) for n in range(30)]
    first = extract_all(articles, tmp_path / "cache", jobs=2)
    assert (first.extracted, first.reused, len(first.records)) == (30, 0, 30)
    again = extract_all(articles, tmp_path / "cache", jobs=2)
    assert (again.extracted, again.reused) == (0, 30)
    assert again.records == first.records
    grown = extract_all([*articles, make_article(30)], tmp_path / "cache", jobs=2)
    assert (grown.extracted, grown.reused) == (1, 30)
    edited = [*articles[:-1], make_article(29, "Edited text of article 29, about fish in Bergen.")]
    changed = extract_all(edited, tmp_path / "cache", jobs=2)
    assert (changed.extracted, changed.reused) == (1, 29)
    assert len(list(counting.iterdir())) == 32  # 30 + the new one + the edited one


@pytest.fixture
def watch_processes(tmp_path: Path, counting: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[], Path]:
    """Call it to have every later extraction leave `<article id>-<anchor>-<pid>` in the folder it returns."""

    def watch() -> Path:
        pids = tmp_path / "pids"
        pids.mkdir()
        fake = parallel.extract_article

        def extract(article: Article, anchor: date | None = None) -> ArticleRecord:
            (pids / f"{article.id}-{anchor}-{os.getpid()}").touch()
            return fake(article, anchor)

        monkeypatch.setattr(parallel, "extract_article", extract)
        return pids

    return watch


def test_a_few_new_articles_are_extracted_in_another_process_while_the_rest_is_read(
        tmp_path: Path, watch_processes: Callable[[], Path]) -> None:
    articles = [make_article(n) for n in range(30)]
    extract_all(articles, tmp_path / "cache", jobs=2)
    pids = watch_processes()
    grown = [*articles[:10], make_article(40, "This one will explode."), *articles[10:20], make_article(41),
             *articles[20:], make_article(42, "And this one will explode too.")]
    result = extract_all(grown, tmp_path / "cache", jobs=2)
    assert (result.extracted, result.reused) == (3, 30)
    assert sorted(p.name.split("-")[0] for p in pids.iterdir()) == ["a040", "a041", "a042"]
    assert {p.name.rsplit("-", 1)[1] for p in pids.iterdir()} != {str(os.getpid())}
    assert [r.id for r in result.records] == [a.id for a in grown if a.id not in ("a040", "a042")]
    assert [f.path for f in result.failures] == ["corpus/articles/a040.txt", "corpus/articles/a042.txt"]
    assert result.records == extract_all(grown, tmp_path / "cache", jobs=1).records


def test_a_build_keeps_one_extraction_process_for_its_new_articles_and_their_rereading(
        tmp_path: Path, watch_processes: Callable[[], Path]) -> None:
    """The events stage re-reads an undated new article against its event's date: through
    the same process that extracted it, which has its lexicons loaded by then."""
    from generator.workers import Resident

    articles = [make_article(n) for n in range(10)]
    extract_all(articles, tmp_path / "cache", jobs=2)
    pids = watch_processes()
    grown = [*articles, make_article(10)]
    with Resident(jobs=2) as extractor:
        first = extract_all(grown, tmp_path / "cache", jobs=2, worker=extractor)
        reread = extract_all(grown, tmp_path / "cache", jobs=2, anchors={"a010": date(2021, 3, 2)},
                             worker=extractor)
    assert (first.extracted, reread.extracted) == (1, 1)
    assert reread.records[-1].published == "2021-03-02"
    made = sorted(p.name.split("-", 1)[1] for p in pids.iterdir())
    assert [m.rsplit("-", 1)[0] for m in made] == ["2021-03-02", "None"]
    assert len({m.rsplit("-", 1)[1] for m in made} - {str(os.getpid())}) == 1  # one other process, both times


def test_parallel_and_serial_give_the_same_records_in_input_order(tmp_path: Path, counting: Path) -> None:
    articles = [make_article(n) for n in reversed(range(40))]
    serial = extract_all(articles, None, jobs=1)
    parallel_run = extract_all(articles, None, jobs=2)
    assert serial.records == parallel_run.records
    assert [r.id for r in serial.records] == [a.id for a in articles]


def test_failing_article_is_reported_and_the_rest_extract(tmp_path: Path, counting: Path) -> None:
    articles = [make_article(n) for n in range(20)]
    articles[7] = make_article(7, "This one will explode.")
    result = extract_all(articles, tmp_path / "cache", jobs=2)
    assert [str(f) for f in result.failures] == [
        "corpus/articles/a007.txt: extraction failed: ValueError: cannot handle this text "
        "(report it as a bug, with this article)"]
    assert len(result.records) == 19 and "a007" not in {r.id for r in result.records}
    assert extract_all(articles, tmp_path / "cache", jobs=2).extracted == 1  # failures are not cached


def test_event_anchor_is_part_of_the_key(tmp_path: Path, counting: Path) -> None:
    article = make_article(1)
    anchors = {article.id: date(2021, 3, 2)}
    plain = extract_all([article], tmp_path / "cache")
    anchored = extract_all([article], tmp_path / "cache", anchors=anchors)
    assert anchored.extracted == 1 and anchored.records[0].published == "2021-03-02"
    assert plain.records[0].published is None
    assert extract_all([article], tmp_path / "cache", anchors=anchors).reused == 1


def test_real_extractor_reuses_its_records(tmp_path: Path) -> None:
    """The same, end to end with the real extractor on the fixture corpus."""
    from conftest import FIXTURE_CORPUS
    from generator.read import read_corpus

    corpus = read_corpus(FIXTURE_CORPUS / "articles")
    first = extract_all(corpus.articles, tmp_path / "cache", jobs=1)
    assert first.failures == ()
    again = extract_all(corpus.articles, tmp_path / "cache", jobs=1)
    assert (again.extracted, again.reused) == (0, len(corpus.articles))
    assert again.records == first.records


def test_a_rebuild_with_a_new_article_loads_the_encoder_beside_its_extraction(tmp_path: Path, monkeypatch) -> None:
    """The sentence encoder loads in a second warm process while the first extracts the
    new article (for its lead); a rebuild with nothing new loads it nowhere."""
    import shutil

    import generator.build as build_module
    from conftest import FIXTURES, copy_build_inputs
    from generator.config import BuildConfig
    from generator.workers import Resident

    calls: list[tuple[int, str]] = []

    class Recording(Resident):
        def call(self, function, *args):
            calls.append((id(self), function.__name__))
            return super().call(function, *args)

    monkeypatch.setattr("generator.execution.Resident", Recording)
    copy_build_inputs(tmp_path)
    shutil.copy(FIXTURES / "events" / "fr_meeting_lisbon.txt", tmp_path / "corpus" / "articles")
    config = BuildConfig(root=tmp_path, run_mkdocs=False)
    build_module.build(config)
    calls.clear()
    assert build_module.build(config).extracted == 0
    assert "load_encoder" not in {name for _, name in calls}
    shutil.copy(FIXTURES / "events" / "de_meeting_lisbon.txt", tmp_path / "corpus" / "articles")
    calls.clear()
    assert build_module.build(config).extracted == 1
    process = {name: owner for owner, name in calls}
    assert process["load_encoder"] != process["warm_up"] == process["_extract_tasks"]


@pytest.mark.parametrize("show", [True, False])
def test_a_progress_bar_shows_only_when_asked_or_on_a_terminal(show: bool, capsys: pytest.CaptureFixture) -> None:
    result = extract_all([make_article(n) for n in range(3)], None, jobs=1, progress=show)
    assert len(result.records) == 3
    shown = capsys.readouterr().err
    assert ("extract:" in shown and "0/3" in shown) if show else shown == ""  # the bar is cleared when done


def test_without_a_terminal_no_progress_bar_is_shown(capsys: pytest.CaptureFixture) -> None:
    extract_all([make_article(1)], None, jobs=1)  # progress=None: stderr is captured, not a terminal
    assert capsys.readouterr().err == ""
