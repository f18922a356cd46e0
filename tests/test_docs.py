"""Documentation keeps up with the code: every CLI command and option is described in
docs/cli.md, and every record field (schema property) in docs/schemas.md."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import click
import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent
CLI_DOC = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
SCHEMAS_DOC = (REPO / "docs" / "schemas.md").read_text(encoding="utf-8")
SCHEMAS = REPO / "generator" / "schema"


def sections(markdown: str) -> dict[str, str]:
    """`## heading` → the text under it."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return {heading.strip(): body for heading, body in zip(parts[1::2], parts[2::2])}


def properties(schema: Any) -> Iterator[str]:
    """Every property name in a schema, at any depth."""
    if isinstance(schema, dict):
        yield from schema.get("properties", {})
        for value in schema.values():
            yield from properties(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from properties(value)


COMMANDS = sorted(main.commands)
CLI_SECTIONS = sections(CLI_DOC)


def test_every_command_has_a_section():
    assert sorted(h.strip("`").removeprefix("factsheet ") for h in CLI_SECTIONS if h.startswith("`factsheet ")) \
        == COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_documented(name):
    section = CLI_SECTIONS[f"`factsheet {name}`"]
    for param in main.commands[name].params:
        if isinstance(param, click.Option):
            for option in param.opts:
                assert f"`{option}" in section, f"{option} of `factsheet {name}` is not in docs/cli.md"
        else:
            assert f"`{param.name.upper()}" in section, f"argument {param.name} of `factsheet {name}`"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_help_shows_an_example(name):
    help_text = main.commands[name].help
    assert "Example" in help_text and f"factsheet {name}" in help_text


def test_global_options_are_documented():
    for param in main.params:
        for option in param.opts:
            assert f"`{option}`" in CLI_SECTIONS["Global options"]


@pytest.mark.parametrize("kind, heading", [("article", "Article record"), ("event", "Event record")])
def test_every_record_field_is_documented(kind, heading):
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    section = sections(SCHEMAS_DOC)[heading]
    missing = sorted({name for name in properties(schema) if f"`{name}`" not in section})
    assert missing == [], f"fields of the {kind} schema not described under '{heading}' in docs/schemas.md"


def test_readme_quick_start_is_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = sections(readme)["Quick start"]
    block = re.search(r"```(?:console|sh|bash)?\n(.*?)```", quick_start, re.DOTALL).group(1)
    assert [line.strip() for line in block.splitlines() if line.strip()] == ["make site", "make test"]


# ---------------------------------------------------------------- the documentation runs
#
# Every command the README and docs/ show in a `console` block (`$ command` and what it
# prints) is run here, one workspace per page (the sample corpus tests/fixtures/corpus/,
# mkdocs.yml, the hand-written docs, and tests/fixtures/docs/story.txt), in page order,
# and what it prints must be what the page shows; seconds (`in 4.2 s`) may differ. A block
# after `<!-- file: PATH -->` is written to PATH in the workspace first. Commands in `sh`
# blocks are not run: each is listed in NOT_RUN with the reason, so a new one cannot slip
# in unchecked. Every curation example (a `yaml` block of docs/curation.md not marked as
# a file) is applied to the sample corpus and must match what it names.

from dataclasses import dataclass  # noqa: E402

from conftest import FIXTURE_CORPUS, FIXTURES, copy_fixture_corpus  # noqa: E402
from generator.write import hand_written_files  # noqa: E402

NOT_RUN = {
    "make site": "builds the committed corpus into this repository; tests/test_corpus.py runs that build in a copy",
    "make test": "the test suite, this test included",
    ".venv/bin/python -m pytest tests/test_build.py": "the test suite itself",
    ".venv/bin/python -m pytest tests/test_build.py --update-golden": "the test suite itself",
    ".venv/bin/factsheet extract ../shared/seeds/*.txt --out /tmp/records": "tests/test_quality.py scores the seeds",
    ".venv/bin/python ../shared/eval/score.py ../shared/eval/seeds-gold.yaml /tmp/records -v": "tests/test_quality.py",
    ".venv/bin/factsheet extract tests/fixtures/evalset/articles/* --out /tmp/evalset": "tests/test_quality.py",
    ".venv/bin/python ../shared/eval/score.py tests/fixtures/evalset/gold.yaml /tmp/evalset -v": "tests/test_quality.py",
    ".venv/bin/python tests/peer_score.py -v": "tests/test_quality.py scores the peer corpora in ../shared/peer",
    "d=$(mktemp -d)": "the folder for the event headline measurement below",
    ".venv/bin/factsheet build --corpus tests/fixtures/blindset/unseen/articles --curation $d/none.yaml "
    "--docs $d/docs --site $d/site --no-site": "tests/test_quality.py builds each annotated set into events",
    ".venv/bin/python ../shared/eval/event_score.py tests/fixtures/blindset/unseen/gold.yaml $d/docs/data/events -v":
        "tests/test_quality.py scores the event headlines",
    ".venv/bin/python bench/run.py": "benchmarks of synthetic corpora take minutes to hours",
    ".venv/bin/python bench/run.py --sizes 100": "a benchmark, minutes long",
    ".venv/bin/python bench/compare.py REV": "a benchmark against another revision",
}
PAGES = ["README.md", *sorted(f"docs/{p}" for p in hand_written_files(REPO / "docs") if p.endswith(".md"))]
SECONDS = re.compile(r"\b\d+\.\d s\b")


@dataclass(frozen=True)
class Block:
    page: str
    line: int  # of the opening fence
    kind: str  # the fence's language: console, sh, yaml, ...
    text: str
    file: str | None  # the workspace path a `<!-- file: PATH -->` comment before it names


def blocks(page: str) -> list[Block]:
    """The fenced blocks of a page, in order."""
    lines = (REPO / page).read_text(encoding="utf-8").splitlines()
    found, n = [], 0
    while n < len(lines):
        opening = re.match(r"^```(\w*)\s*$", lines[n])
        if opening:
            end = next(i for i in range(n + 1, len(lines)) if lines[i].startswith("```"))
            marker = re.match(r"^<!-- file: (\S+) -->$", lines[n - 1]) if n else None
            found.append(Block(page, n + 1, opening.group(1), "".join(f"{line}\n" for line in lines[n + 1:end]),
                               marker.group(1) if marker else None))
            n = end
        n += 1
    return found


def console_steps(block: Block) -> list[tuple[int, str, str]]:
    """(line, command, what the page shows it printing) of each `$ command` in a console block."""
    steps: list[tuple[int, str, list[str]]] = []
    for offset, line in enumerate(block.text.splitlines(), start=1):
        if line.startswith("$ "):
            steps.append((block.line + offset, line[2:], []))
        elif steps:
            steps[-1][2].append(line)
    return [(line, command, "".join(f"{out}\n" for out in shown)) for line, command, shown in steps]


def sh_commands(block: Block) -> list[str]:
    return [line.split("  #")[0].strip() for line in block.text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_every_command_shown_is_run_or_says_why_not():
    unlisted = [f"{b.page}:{b.line}: {command}" for page in PAGES for b in blocks(page)
                if b.kind in ("sh", "bash", "shell") for command in sh_commands(b) if command not in NOT_RUN]
    assert unlisted == [], ("commands shown without their output: show them in a `console` block with what "
                            "they print (tests/test_docs.py runs it), or list them in NOT_RUN with the reason")
    shown = {command for page in PAGES for b in blocks(page) if b.kind in ("sh", "bash", "shell")
             for command in sh_commands(b)}
    assert sorted(set(NOT_RUN) - shown) == [], "NOT_RUN lists commands no page shows any more"


def workspace(folder: Path) -> dict[str, str]:
    """The sample corpus, set up to run the documented commands; returns their environment.
    `factsheet` and `.venv/bin/...` run this checkout's code with this interpreter."""
    copy_fixture_corpus(folder)
    shutil.copy2(FIXTURES / "docs" / "story.txt", folder / "story.txt")
    shims = folder / ".venv" / "bin"
    shims.mkdir(parents=True)
    for name, command in (("factsheet", f'"{sys.executable}" -m generator'), ("python", f'"{sys.executable}"')):
        (shims / name).write_text(f'#!/bin/sh\nexec {command} "$@"\n', encoding="utf-8")
        (shims / name).chmod(0o755)
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return {**environment, "PATH": f"{shims}{os.pathsep}{os.environ.get('PATH', '')}", "PYTHONPATH": str(REPO)}


def run_page(page: str, folder: Path) -> list[str]:
    """Run the page's console blocks in order; one message per command whose output differs."""
    environment = workspace(folder)
    differences = []
    for block in blocks(page):
        if block.file is not None:
            (folder / block.file).parent.mkdir(parents=True, exist_ok=True)
            (folder / block.file).write_text(block.text, encoding="utf-8")
        if block.kind != "console":
            continue
        for line, command, shown in console_steps(block):
            done = subprocess.run(["sh", "-c", f"{command} 2>&1"], cwd=folder, env=environment,
                                  capture_output=True, text=True, timeout=600)
            if SECONDS.sub("#.# s", done.stdout) != SECONDS.sub("#.# s", shown):
                differences.append(f"{page}:{line}: `{command}` printed:\n{done.stdout}"
                                   f"where the page shows:\n{shown}(update the example, or fix the command)")
    return differences


@pytest.mark.parametrize("page", [p for p in PAGES if any(b.kind == "console" for b in blocks(p))])
def test_the_commands_print_what_the_page_shows(page, tmp_path):
    differences = run_page(page, tmp_path)
    assert not differences, "\n\n".join(differences)


CURATION_EXAMPLES = [b for b in blocks("docs/curation.md") if b.kind == "yaml" and b.file is None]


@pytest.fixture(scope="module")
def sample_corpus(tmp_path_factory):
    from generator.parallel import extract_all
    from generator.read import read_corpus

    corpus = read_corpus(FIXTURE_CORPUS / "articles", FIXTURE_CORPUS.parent)
    return corpus.articles, extract_all(corpus.articles, tmp_path_factory.mktemp("cache")).records


@pytest.mark.parametrize("example", CURATION_EXAMPLES, ids=lambda b: f"{b.page}:{b.line}")
def test_every_curation_example_applies_to_the_sample_corpus(example, sample_corpus):
    from generator.curation import parse_curation
    from generator.events import link

    text = example.text if example.text.startswith("actions:") else f"actions:\n{example.text}"
    curation = parse_curation(text, f"{example.page} (the example at line {example.line})")  # raises if invalid
    articles, records = sample_corpus
    warnings = link(articles, records, curation).warnings
    assert warnings == (), f"{example.page}:{example.line}: the example matches nothing"


def test_there_are_curation_examples_of_every_action():
    from generator.curation import ACTIONS

    shown = {line.split("action:")[1].strip() for b in CURATION_EXAMPLES for line in b.text.splitlines()
             if line.strip().startswith("- action:")}
    assert shown == set(ACTIONS)


def test_the_record_example_is_a_record_the_build_makes(update_golden):
    """docs/schemas.md shows a record of the golden build (tests/golden/), shortened;
    `--update-golden` rewrites it from there."""
    from conftest import record_example, rewrite_record_example, shown_record_example

    golden = REPO / "tests" / "golden"
    if update_golden:
        rewrite_record_example(golden)
    assert shown_record_example() == record_example(golden), \
        "docs/schemas.md: the example record differs from tests/golden/ (rerun with --update-golden)"
