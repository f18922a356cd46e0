"""`factsheet check` and `factsheet build` read the same state and agree on the curation file;
check says when the records are stale. Runs on tests/fixtures/events/ (a meeting in Lisbon
reported in French without its date, then in German with it)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, copy_build_inputs
from generator.build import build
from generator.check import check
from generator.config import BuildConfig

EVENTS = FIXTURES / "events"


def event_ids(root: Path) -> list[str]:
    return sorted(p.stem for p in (root / "docs" / "data" / "events").glob("*.yaml"))


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, BuildConfig]:
    """One build of the French report alone: its event has an `undated-...` id."""
    root = copy_build_inputs(tmp_path)
    shutil.copy(EVENTS / "fr_meeting_lisbon.txt", root / "corpus" / "articles")
    config = BuildConfig(root=root, run_mkdocs=False)
    build(config)
    return root, config


def curate(root: Path, text: str) -> None:
    (root / "corpus" / "curation.yaml").write_text(text, encoding="utf-8")


def test_an_entry_on_an_old_event_id_keeps_working_in_build_and_check(workspace):
    root, config = workspace
    (old,) = event_ids(root)
    assert old.startswith("undated-")
    curate(root, f"actions:\n  - action: set_title\n    event: {old}\n    title: Lisbon talks\n")
    shutil.copy(EVENTS / "de_meeting_lisbon.txt", root / "corpus" / "articles")  # dates the event: a new id

    assert check(config).problems == (  # not built yet: the old id still matches, the new record is missing
        "corpus/articles/de_meeting_lisbon.txt: no record yet: the records are stale (run `factsheet build`)",)
    report = build(config)
    (new,) = event_ids(root)
    assert new != old and report.warnings == ()
    record = yaml.safe_load((root / "docs" / "data" / "events" / f"{new}.yaml").read_text(encoding="utf-8"))
    assert (record["title"], record["redirect_from"]) == ("Lisbon talks", [old])
    assert check(config).problems == ()
    assert build(config).warnings == ()  # and again, now that the old id is only a redirect
    assert check(config).problems == ()


def test_build_and_check_say_the_same_of_an_entry_that_matches_nothing(workspace):
    root, config = workspace
    curate(root, "actions:\n  - action: set_title\n    event: 1999-01-01-nobody\n    title: Gone\n")
    stale = "corpus/curation.yaml:2: set_title: no event '1999-01-01-nobody' (update or remove the entry)"
    assert build(config).warnings == (stale,)
    assert check(config).problems == (stale,)


def test_schema_errors_and_stale_entries_are_reported_together(workspace):
    root, config = workspace
    curate(root, "actions:\n"
                 "  - action: set_title\n    event: 1999-01-01-nobody\n    title: Gone\n"
                 "  - action: merge_events\n    events: [only-one]\n")
    assert check(config).problems == (
        "corpus/curation.yaml:2: set_title: no event '1999-01-01-nobody' (update or remove the entry)",
        "corpus/curation.yaml:6: merge_events: events: ['only-one'] is too short (list at least 2)",
    )


def test_a_record_without_its_article_and_an_article_without_its_record_are_both_stale(workspace):
    root, config = workspace
    (root / "corpus" / "articles" / "fr_meeting_lisbon.txt").rename(root / "corpus" / "articles" / "lisbon.txt")
    assert check(config).problems == (
        "docs/data/articles/fr_meeting_lisbon.yaml: no article in the corpus has this id "
        "(run `factsheet build` to drop the record)",
        "corpus/articles/lisbon.txt: no record yet: the records are stale (run `factsheet build`)",
    )


def test_before_any_build_missing_records_are_no_problem(tmp_path):
    root = copy_build_inputs(tmp_path)
    shutil.copy(EVENTS / "fr_meeting_lisbon.txt", root / "corpus" / "articles")
    report = check(BuildConfig(root=root, run_mkdocs=False))
    assert (report.problems, report.articles, report.article_records) == ((), 1, 0)
