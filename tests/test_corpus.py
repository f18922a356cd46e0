"""The editor's workflow, end to end with the `factsheet` command, and the checks that hold
for any corpus.

The other tests run on fixture corpora under tests/, so what editors commit to corpus/
never changes what they expect. The committed corpus gets only what applies to every
corpus: `factsheet check` passes after the strict build.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import FIXTURES, REPO, copy_build_inputs, copy_fixture_corpus


def factsheet(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as an editor runs it, from the repository root."""
    environment = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=folder, env=environment,
                          capture_output=True, text=True, timeout=900)


def test_the_committed_corpus_builds_strictly_and_checks(tmp_path: Path) -> None:
    root = copy_build_inputs(tmp_path, REPO / "corpus" / "articles")
    if (REPO / "corpus" / "curation.yaml").is_file():
        shutil.copy2(REPO / "corpus" / "curation.yaml", root / "corpus" / "curation.yaml")
    built = factsheet(root, "build")
    assert built.returncode == 0, built.stderr
    checked = factsheet(root, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.splitlines()[-1].startswith("check: no problems (")


def test_an_editor_adds_one_meeting_in_two_languages_and_curates_it(tmp_path: Path) -> None:
    """`factsheet add` twice, a build, a `set_title` on the new event, then check and build."""
    root = copy_fixture_corpus(tmp_path)
    assert factsheet(root, "build").returncode == 0  # the site as it was
    added = []
    for name, outlet in (("de_meeting_lisbon.txt", "Tagesschau"), ("fr_meeting_lisbon.txt", "Le Monde")):
        result = factsheet(root, "add", str(FIXTURES / "events" / name), "--published", "2024-06-12",
                           "--outlet", outlet)
        assert result.returncode == 0, result.stderr
        added.append(re.fullmatch(r"added: corpus/articles/(\S+)\.md\n", result.stdout).group(1))

    stale = factsheet(root, "check")  # added, not built yet: the records are behind the corpus
    assert stale.returncode == 1
    assert [line for line in stale.stdout.splitlines() if "no record yet" in line] == [
        f"corpus/articles/{article}.md: no record yet: the records are stale (run `factsheet build`)"
        for article in sorted(added)]

    built = factsheet(root, "build")
    assert built.returncode == 0, built.stderr
    data = root / "docs" / "data"
    (event,) = {yaml.safe_load((data / "articles" / f"{a}.yaml").read_text(encoding="utf-8"))["event"]
                for a in added}  # one event for both reports

    curation = root / "corpus" / "curation.yaml"
    curation.write_text(curation.read_text(encoding="utf-8").replace(
        "actions: []", f"actions:\n  - action: set_title\n    event: {event}\n    title: Lisbon hydrogen talks\n"),
        encoding="utf-8")
    checked = factsheet(root, "check")
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout.startswith("check: no problems (7 articles, 7 article records, 3 event records)")
    rebuilt = factsheet(root, "build")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert " 0 warnings, 0 errors " in rebuilt.stdout
    record = yaml.safe_load((data / "events" / f"{event}.yaml").read_text(encoding="utf-8"))
    assert (record["title"], sorted(record["articles"])) == ("Lisbon hydrogen talks", sorted(added))
    assert "Lisbon hydrogen talks" in (root / "site" / "events" / event / "index.html").read_text(encoding="utf-8")
