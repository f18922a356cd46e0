"""The `factsheet` command, run through click's CliRunner, with its exact output."""
from __future__ import annotations

import dataclasses
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.curation import CurationError, load_curation
from generator.read import read_article
from generator.validate import problems
from generator.write import generated_files

REPO = Path(__file__).resolve().parent.parent
CLI_FIXTURES = REPO / "tests" / "fixtures" / "cli"
GOOD = "en_meeting_plain"


STAGES = ("read", "extract", "link", "render", "write", "site")


STAGE_LINE = re.compile(rf"^({'|'.join(STAGES)}): .*\b(in|stopped after) \d+\.\d s$")


def stage_lines(stderr: str) -> list[str]:
    """The stages a build reported, in order: `extract` for `extract: ... in 0.1 s`,
    `extract stopped` for `extract: stopped after 0.1 s`."""
    return [line.split(":")[0] + (" stopped" if ": stopped after " in line else "")
            for line in stderr.splitlines() if STAGE_LINE.match(line)]


def problem_lines(stderr: str) -> list[str]:
    """What a build printed to standard error besides its stage lines."""
    return [line for line in stderr.splitlines() if not STAGE_LINE.match(line)]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, prog_name="factsheet")


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """An empty folder to run in, so paths print relative to it (`corpus/articles/...`)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def use_corpus(workdir: Path, name: str) -> Path:
    shutil.copytree(CLI_FIXTURES / name, workdir / "corpus")
    return workdir / "corpus"


def article_record(article_id: str, **changes) -> dict:
    """A schema-valid record of the fixture article, citing its second sentence."""
    article = read_article(CLI_FIXTURES / "good_corpus" / "articles" / f"{GOOD}.txt")
    quote = "Prime Minister Anna Lindqvist of Sweden met Estonian President Kaja Tamm in Tallinn on Tuesday, " \
            "14 March 2023, for talks on energy security."
    start = article.text.index(quote)
    record = {
        "id": article_id, "language": "en", "title": article.title, "url": None, "outlet": None,
        "published": None, "published_source": None, "event": None, "date": "2023-03-14",
        "participants": [{"name": "Anna Lindqvist", "aliases": ["Anna Lindqvist"], "role": "Prime Minister",
                          "present": True, "evidence": [{"quote": quote, "start": start, "end": start + len(quote)}]}],
        "locations": [], "dates": [], "outcomes": [],
        "content_hash": article.content_hash, "extractor_version": "test", "source": f"corpus/articles/{GOOD}.txt",
    }
    record.update(changes)
    return record


def write_record(workdir: Path, kind: str, name: str, data) -> None:
    path = workdir / "docs" / "data" / kind / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_help_shows_an_example_for_every_command():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("build", "check", "extract"):
        assert f"  factsheet {command}" in result.output
        sub = run(command, "--help")
        assert sub.exit_code == 0
        assert "Example:" in sub.output and f"factsheet {command}" in sub.output.split("Example:")[1]


def test_python_dash_m_generator_is_the_same_command():
    result = subprocess.run([sys.executable, "-m", "generator", "--help"], capture_output=True, text=True,
                            cwd=REPO, timeout=120)
    assert result.returncode == 0
    assert result.stdout.startswith("Usage: factsheet [OPTIONS] COMMAND [ARGS]...\n")
    assert [line.split()[0] for line in result.stdout.split("Commands:\n")[1].splitlines()] == sorted(main.commands)


def test_check_passes_on_a_good_corpus(workdir):
    use_corpus(workdir, "good_corpus")
    write_record(workdir, "articles", GOOD, article_record(GOOD))
    result = run("check")
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "check: no problems (1 article, 1 article record, 0 event records)\n", "")


def test_check_prints_one_line_per_problem(workdir):
    corpus = use_corpus(workdir, "corpus_with_problems")
    shifted = article_record(GOOD, event="no-such-event")
    shifted["participants"][0]["evidence"][0]["start"] += 1
    write_record(workdir, "articles", GOOD, shifted)
    write_record(workdir, "articles", "ghost", article_record("phantom", language=7))
    write_record(workdir, "events", "broken", "id: [unclosed\n")
    with pytest.raises(CurationError) as curation:
        load_curation(corpus / "curation.yaml", "corpus/curation.yaml")
    result = run("check")
    assert result.exit_code == 1
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "corpus/articles/empty_article.txt: empty file (add the article text or delete the file)",
        "corpus/articles/md_unclosed_front_matter.md: malformed front matter: no closing --- line "
        "(end the front matter with a --- line)",
        *curation.value.problems,
        "docs/data/events/broken.yaml: unreadable record: while parsing a flow sequence (run `factsheet build`)",
        "docs/data/articles/ghost.yaml: language: 7 is not of type 'string' (run `factsheet build`)",
        "docs/data/articles/ghost.yaml: id 'phantom' differs from the file name (run `factsheet build`)",
        f"docs/data/articles/{GOOD}.yaml: participants[0].evidence[0]: quote is not the text at 64-203 "
        "(run `factsheet build`)",
        f"docs/data/articles/{GOOD}.yaml: event 'no-such-event' has no event record (run `factsheet build`)",
        "docs/data/articles/ghost.yaml: no article in the corpus has this id (run `factsheet build` to drop the record)",
        "check: 9 problems (1 article, 2 article records, 0 event records)",
    ]


def test_check_reports_a_curation_entry_that_matches_nothing(workdir):
    use_corpus(workdir, "good_corpus")
    (workdir / "corpus" / "curation.yaml").write_text(
        "actions:\n  - action: set_title\n    event: 1999-01-01-nobody\n    title: Gone\n", encoding="utf-8")
    result = run("check")
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        "corpus/curation.yaml:2: set_title: no event '1999-01-01-nobody' (update or remove the entry)",
        "check: 1 problem (1 article, 0 article records, 0 event records)",
    ]


def test_check_with_a_missing_corpus_folder(workdir):
    result = run("check", "--corpus", "nowhere")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2, "", f"nowhere: corpus folder not found (looked for {workdir / 'nowhere'}; cd to the repository root, "
               "or pass --corpus with the folder of articles)\n")


def test_extract_reports_unreadable_files_and_goes_on(workdir):
    use_corpus(workdir, "corpus_with_problems")
    result = run("extract", "missing.txt", "corpus/articles/empty_article.txt", f"corpus/articles/{GOOD}.txt",
                 "--out", "records")
    assert result.exit_code == 1
    assert result.stderr == (
        "missing.txt: cannot read: No such file or directory (check the file exists and is readable)\n"
        "corpus/articles/empty_article.txt: empty file (add the article text or delete the file)\n")
    assert result.stdout == "extracted: 1 record, 1 event, 2 errors → records/\n"
    assert sorted(p.name for p in (workdir / "records").iterdir()) == [f"{GOOD}.yaml"]


def test_extract_writes_valid_records_with_their_event(workdir):
    outside = workdir / "elsewhere" / "story.txt"  # not in any corpus, no front matter
    outside.parent.mkdir()
    shutil.copy(CLI_FIXTURES / "good_corpus" / "articles" / f"{GOOD}.txt", outside)
    result = run("extract", str(outside), "--out", "out")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "extracted: 1 record, 1 event, 0 errors → out/\n", "")
    record = yaml.safe_load((workdir / "out" / "story.yaml").read_text(encoding="utf-8"))
    assert problems("article", record) == []
    assert record["id"] == "story" and record["source"] == "elsewhere/story.txt"
    assert record["event"]


def test_build_writes_records_and_pages_and_reuses_extractions(workdir):
    use_corpus(workdir, "good_corpus")
    first = run("build", "--no-site")
    generated = generated_files(workdir / "docs")
    pages = sum(1 for path in generated if path.endswith(".md"))
    records = [p for p in generated if p.startswith("data/")]
    assert (first.exit_code, problem_lines(first.stderr)) == (0, [])
    assert stage_lines(first.stderr) == ["read", "extract", "link", "render", "write"]  # --no-site
    assert first.stdout == (f"built: 1 article read, 1 record, 1 event, {pages} pages, 0 warnings, 0 errors "
                            "(extracted: 1, reused: 0)\n")
    assert len(records) == 2 and f"data/articles/{GOOD}.yaml" in records
    second = run("build", "--no-site")
    assert second.stdout == first.stdout.replace("(extracted: 1, reused: 0)", "(extracted: 0, reused: 1)")
    assert not (workdir / "site").exists()


def test_build_leaves_out_unreadable_articles_and_exits_1(workdir):
    use_corpus(workdir, "corpus_with_problems")
    (workdir / "corpus" / "curation.yaml").unlink()
    result = run("build", "--no-site")
    assert result.exit_code == 1
    assert problem_lines(result.stderr) == [
        "corpus/articles/empty_article.txt: empty file (add the article text or delete the file)",
        "corpus/articles/md_unclosed_front_matter.md: malformed front matter: no closing --- line "
        "(end the front matter with a --- line)"]
    assert re.fullmatch(r"read: 1 article \(2 unreadable\) in \d+\.\d s", result.stderr.splitlines()[0])
    assert result.stdout.startswith("built: 1 article read, 1 record, 1 event, ")
    assert result.stdout.endswith(" pages, 0 warnings, 2 errors (extracted: 1, reused: 0)\n")


def test_build_stops_on_a_broken_curation_file_and_writes_nothing(workdir):
    corpus = use_corpus(workdir, "corpus_with_problems")
    with pytest.raises(CurationError) as curation:
        load_curation(corpus / "curation.yaml", "corpus/curation.yaml")
    result = run("build", "--no-site")
    assert (result.exit_code, result.stdout) == (1, "")
    assert problem_lines(result.stderr) == list(curation.value.problems)
    assert stage_lines(result.stderr) == ["read stopped"]
    assert not (workdir / "docs").exists()


def test_command_ends_with_its_output_flushed_and_its_exit_code(tmp_path):
    """`python -m generator` leaves through `hard_exit`: nothing it printed is lost, and
    the exit code is the one click chose."""
    def command(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "generator", *args], capture_output=True, text=True,
                              cwd=tmp_path, timeout=120, env={**os.environ, "PYTHONPATH": str(REPO)})

    fine = command("--version")
    assert (fine.returncode, fine.stdout.startswith("factsheet "), fine.stderr) == (0, True, "")
    wrong = command("build", "--corpus", "nowhere")
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.splitlines()[0] == (f"nowhere: corpus folder not found (looked for {tmp_path / 'nowhere'}; "
                                            "cd to the repository root, or pass --corpus with the folder of articles)")
    unknown = command("build", "--bogus")
    assert unknown.returncode == 2 and "No such option '--bogus'" in unknown.stderr


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.output.startswith("factsheet ")


def test_config_defaults_are_the_repository_layout():
    from generator.config import BuildConfig
    defaults = {f.name: f.default for f in dataclasses.fields(BuildConfig)}
    assert {k: str(v) for k, v in defaults.items() if isinstance(v, Path)} == {
        "root": ".", "corpus": "corpus/articles", "curation": "corpus/curation.yaml", "docs": "docs",
        "site": "site", "mkdocs": "mkdocs.yml", "cache": ".cache/factsheet"}


def test_build_reports_every_wrong_setting_at_once(workdir):
    (workdir / "docs").write_text("not a folder")
    result = run("build", "--corpus", "nowhere")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"nowhere: corpus folder not found (looked for {workdir / 'nowhere'}; cd to the repository root, "
        "or pass --corpus with the folder of articles)",
        "docs: docs path is not a folder (pass --docs with a folder)",
        f"mkdocs.yml: MkDocs configuration not found (looked for {workdir / 'mkdocs.yml'}; cd to the repository "
        "root, or pass --mkdocs)",
    ]


def test_a_bad_source_date_epoch_is_a_wrong_setting(workdir, monkeypatch):
    use_corpus(workdir, "good_corpus")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = run("build", "--no-site")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "SOURCE_DATE_EPOCH: 'yesterday' is not a number of seconds since 1970 (fix or unset it)\n"


def test_source_date_epoch_dates_the_pages(workdir, monkeypatch):
    use_corpus(workdir, "good_corpus")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run("build", "--no-site").exit_code == 0
    assert "· built 14 November 2023 (2023&#45;11&#45;14).</p>" in (workdir / "docs" / "index.md").read_text(encoding="utf-8")
