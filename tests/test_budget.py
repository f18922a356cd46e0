"""No article can hang a build: every extractor stage grows (near) linearly with the text,
no stage recurses once per clause, and an article over its time budget is reported with
one line and left out while the rest builds, in serial and in parallel extraction."""
from __future__ import annotations

import hashlib
import time
from dataclasses import replace
from datetime import date
from pathlib import Path
import pytest

import generator.parallel as parallel
from generator.extract import extract_article, prepare, stages
from generator.parallel import extract_all
from generator.records import Article, ArticleRecord
from generator.workers import OverBudget, time_limit
from tests.test_incremental import fake_record, make_article


def _article(text: str, language: str = "en") -> Article:
    return Article(id="long", path="corpus/articles/long.txt", text=text, title=text.split("\n", 1)[0],
                   content_hash=hashlib.sha256(text.encode()).hexdigest(), language=language)


# Texts that made a stage quadratic: each repeats one unit into a single long line, so the
# rules that look back over the line, the sentence or the passage see more at every step.
UNITS = {
    "abbreviations and initials (sentence splitting, clustering of names)":
        ("en", "Mr. Smith met Mr. Jones in Hanoi and J. K. Lee said the talks went well "),
    "lower-case sentence starts, one long sentence (places after a modifier phrase)":
        ("fr", "the leaders met in Hanoi. then they went to Paris, and le porte-parole du Kremlin said talks "
               "went on. "),
    "a run-on sentence of clauses (outcome passages)":
        ("en", "Trump said talks went well, while Kim said they went badly and promised more talks in Hanoi, "),
    "one passage naming many people (speaker attribution)":
        ("en", "Trump and Kim and Putin and the spokesman Peskov and Xi Jinping, "),
    "many dated sentences (date expressions)":
        ("en", "President Trump met Kim Jong Un in Hanoi on 27 February 2019. Trump said the talks were "
               "productive.\n"),
}


def _stage_seconds(language: str, unit: str, size: int) -> dict[str, float]:
    """CPU seconds of each step of extraction (the quickest of three runs: a busy machine
    slows one now and then) on `unit` repeated to `size` characters."""
    text = "Leaders meet\n" + unit * (size // len(unit)) + "."
    best: dict[str, float] = {}
    for _ in range(3):
        started = time.process_time()
        doc = prepare(_article(text, language))  # language, sentences, anchor date
        times = {"sentences": time.process_time() - started}
        for kind, stage in stages().items():
            started = time.process_time()
            doc = replace(doc, **{kind: tuple(stage(doc))})
            times[kind] = time.process_time() - started
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return best


@pytest.mark.parametrize("language, unit", UNITS.values(), ids=list(UNITS))
def test_extraction_time_grows_linearly_with_the_text(language: str, unit: str) -> None:
    extract_article(_article("Leaders meet\nKim met Trump in Hanoi.", language))  # lexicons loaded first
    small, large = _stage_seconds(language, unit, 5_000), _stage_seconds(language, unit, 40_000)
    # Eight times the text: about eight times the time when linear, sixty-four when quadratic.
    # CPU time, the best of three: steady on a busy machine; the margin is wide all the same.
    slow = {step: (small[step], large[step]) for step in small if large[step] > 12 * small[step] + 0.01}
    assert not slow, slow


def test_a_run_on_sentence_of_thousands_of_clauses_is_extracted() -> None:
    unit = "Trump said talks went well, while Kim said they went badly and promised more talks, "
    record = extract_article(_article("Leaders meet\n" + unit * 1500 + "."))  # RecursionError before
    assert record.outcomes


def _sleepy(monkeypatch: pytest.MonkeyPatch) -> None:
    """An extractor that never finishes the article whose text says "endless"."""
    def extract(article: Article, anchor: date | None = None) -> ArticleRecord:
        if "endless" in article.text:
            time.sleep(600)
        return fake_record(article, anchor)

    monkeypatch.setattr(parallel, "extract_article", extract)


@pytest.mark.parametrize("count, jobs", [(3, 1), (40, 2)], ids=["serial", "parallel"])
def test_an_article_over_its_time_budget_is_reported_and_left_out(monkeypatch, tmp_path: Path,
                                                                 count: int, jobs: int) -> None:
    _sleepy(monkeypatch)
    articles = [make_article(n) for n in range(count)]
    slow = count // 2
    articles[slow] = make_article(slow, "An endless article.")
    result = extract_all(articles, tmp_path / "cache", jobs=jobs, budget=0.5, progress=False)
    assert [r.id for r in result.records] == [a.id for a in articles if a.id != articles[slow].id]
    assert [str(f) for f in result.failures] == [
        f"corpus/articles/a{slow:03d}.txt: extraction took longer than 0.5 s "
        f"(shorten or split the article, or allow more with --time-budget)"]


def test_the_budget_also_holds_for_a_few_new_articles_among_cached_ones(monkeypatch, tmp_path: Path) -> None:
    _sleepy(monkeypatch)
    articles = [make_article(n) for n in range(6)]
    extract_all(articles, tmp_path / "cache", jobs=2, progress=False)
    articles.append(make_article(6, "An endless article."))  # extracted by the build's second process
    result = extract_all(articles, tmp_path / "cache", jobs=2, budget=0.5, progress=False)
    assert (len(result.records), result.reused) == (6, 6)
    assert [f.path for f in result.failures] == ["corpus/articles/a006.txt"]


def test_time_limit_interrupts_the_body_and_zero_means_no_limit() -> None:
    with pytest.raises(OverBudget):
        with time_limit(0.05):
            time.sleep(600)
    with time_limit(0):
        time.sleep(0.1)  # no limit: not interrupted
    with time_limit(5):
        pass
    time.sleep(0.1)  # the timer of a finished body is off


def test_the_command_line_budget_leaves_out_the_slow_article_and_writes_the_rest(monkeypatch, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    _sleepy(monkeypatch)
    monkeypatch.setattr("generator.build.link", _unlinked)
    monkeypatch.chdir(tmp_path)
    Path("quick.txt").write_text("Ministers meet\nMinisters met in Oslo on Tuesday.\n", encoding="utf-8")
    Path("slow.txt").write_text("Ministers meet\nAn endless article.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "quick.txt", "slow.txt", "--out", "out", "--time-budget", "0.5"])
    assert result.exit_code == 1
    assert result.stderr == ("slow.txt: extraction took longer than 0.5 s "
                             "(shorten or split the article, or allow more with --time-budget)\n")
    assert sorted(p.name for p in Path("out").iterdir()) == ["quick.yaml"]


def _unlinked(articles, records, curation, *args, **kwargs):
    """Linking without events: the records as extracted (the fake extractor's are not real)."""
    from generator.events import Linked

    return Linked(records=tuple(records), events=(), registry=None, warnings=())


def test_loading_the_data_every_article_needs_is_not_charged_to_the_first_article(monkeypatch, tmp_path: Path) -> None:
    # A cold process builds its gazetteer and lexicons once; on a busy machine that alone can
    # take longer than one article's budget, and the first article must not pay for it.
    loaded = []

    def slow_warm_up() -> None:
        if not loaded:
            time.sleep(1.0)
            loaded.append(True)

    monkeypatch.setattr(parallel, "warm_up", slow_warm_up)
    monkeypatch.setattr(parallel, "extract_article", fake_record)
    articles = [make_article(n) for n in range(3)]
    result = extract_all(articles, tmp_path / "cache", jobs=1, budget=0.5, progress=False)
    assert [r.id for r in result.records] == [a.id for a in articles] and not result.failures
