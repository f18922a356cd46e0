"""A build killed with `kill -9` part-way, or one that fails, leaves the last good output.

The kill comes from inside the build process, at a chosen point, through a small
wrapper that patches the writer or MkDocs before running `factsheet build`: while the
new records and pages are being staged, while MkDocs writes the new site, and in the
windows that are not a single atomic step (between the two renames of a tree swap
on a file system without atomic exchange; between the swaps of `docs/` and `site/`).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_determinism import REPO, differing, factsheet, output_files, workspace

KILLED_BUILD = r"""
import os, signal, sys
import generator.write as write

def die():
    os.kill(os.getpid(), signal.SIGKILL)

point = sys.argv[1]
if point == "staging":  # half the generated files are written, then the process dies
    fill = write._fill_tree
    def fill_half(root, files):
        items = list(files.items())
        fill(root, dict(items[: len(items) // 2]))
        die()
    write._fill_tree = fill_half
elif point == "mkdocs":  # MkDocs has written three pages of the new site
    import mkdocs.commands.build as mkdocs_build
    build_page, built = mkdocs_build._build_page, []
    def build_three(*args, **kwargs):
        build_page(*args, **kwargs)
        built.append(1)
        if len(built) == 3:
            die()
    mkdocs_build._build_page = build_three
elif point == "swap":  # no atomic exchange: dies after moving docs/ aside, before moving the new one in
    write._exchange = lambda a, b: False
    rename = os.rename
    def rename_then_die(src, dst):
        rename(src, dst)
        if os.path.basename(str(dst)).startswith(".docs.old-"):
            die()
    write.os.rename = rename_then_die
elif point in ("before-swaps", "between-swaps"):  # dies as the docs/ swap or the site/ swap starts
    swap, swaps = write._swap, []
    def swap_then_die(staged, target):
        swaps.append(target)
        if len(swaps) == (1 if point == "before-swaps" else 2):
            die()
        return swap(staged, target)
    write._swap = swap_then_die
from generator.cli import main
sys.argv = ["factsheet", "build"]
main()
"""

NEW_ARTICLE = ("Ministers from Chile and Norway met in Oslo on Tuesday to discuss fishing quotas. Both "
               "governments said the talks had been useful and agreed to meet again next spring in Santiago.\n")


def killed_build(folder: Path, point: str) -> int:
    environment = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1700000000"}
    return subprocess.run([sys.executable, "-c", KILLED_BUILD, point], cwd=folder, env=environment,
                          capture_output=True, text=True, timeout=600).returncode


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """A workspace with one good build, and its output."""
    folder = workspace(tmp_path_factory.mktemp("atomic") / "ws")
    result = factsheet(folder, "build", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    (folder / "corpus" / "articles" / "oslo_fishing_talks.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    return folder, output_files(folder)


def leftovers(folder: Path) -> list[str]:
    """Half-built or moved-aside trees (the kept last tree, `.docs.previous`, is no leftover)."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".docs.", ".site."))
                  and p.name != ".docs.previous")


@pytest.mark.parametrize("point", ["staging", "mkdocs"])
def test_build_killed_part_way_leaves_the_last_good_output(built: tuple[Path, dict[str, bytes]], point: str) -> None:
    folder, good = built
    assert killed_build(folder, point) == -9
    assert output_files(folder) == good


def test_build_killed_between_renames_is_recovered_by_the_next_build(built: tuple[Path, dict[str, bytes]]) -> None:
    folder, good = built
    assert killed_build(folder, "swap") == -9
    assert not (folder / "docs").exists()  # the window this test is about
    from generator.write import complete_publish, recover

    complete_publish(folder / "docs")  # what the next build does first, for docs/ and site/
    recover(folder / "docs")
    recover(folder / "site")
    assert output_files(folder) == good
    assert leftovers(folder) == []


def test_next_build_after_kills_succeeds_and_cleans_up(built: tuple[Path, dict[str, bytes]]) -> None:
    folder, good = built
    killed_build(folder, "staging")
    result = factsheet(folder, "build", env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr
    assert "docs/data/articles/oslo_fishing_talks.yaml" in output_files(folder)
    assert leftovers(folder) == []


def test_failed_site_build_publishes_nothing(built: tuple[Path, dict[str, bytes]]) -> None:
    folder, _ = built
    assert factsheet(folder, "build").returncode == 0
    broken = folder / "docs" / "broken.md"
    broken.write_text("# Broken\n\n[gone](missing-page.md)\n", encoding="utf-8")
    good = output_files(folder)
    (folder / "corpus" / "articles" / "oslo_fishing_talks.txt").unlink()
    result = factsheet(folder, "build")
    assert result.returncode != 0
    assert "missing-page.md" in result.stderr
    assert output_files(folder) == good  # neither docs/ nor site/ changed
    assert leftovers(folder) == []
    broken.unlink()


def test_build_killed_before_its_swaps_leaves_the_last_good_output(built: tuple[Path, dict[str, bytes]]) -> None:
    folder, _ = built
    assert factsheet(folder, "build", env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0
    (folder / "corpus" / "articles" / "late_addition.txt").write_text(NEW_ARTICLE.replace("Oslo", "Bergen"),
                                                                     encoding="utf-8")
    good = output_files(folder)
    assert killed_build(folder, "before-swaps") == -9
    assert (folder / ".docs.publishing").is_file()  # the journal of the swaps to come
    from generator.write import complete_publish

    complete_publish(folder / "docs")  # what the next build does first: nothing was swapped, so nothing goes in
    assert output_files(folder) == good
    assert not (folder / ".docs.publishing").exists()


def test_build_killed_between_the_docs_and_site_swaps_is_completed_by_the_next_build(
        built: tuple[Path, dict[str, bytes]]) -> None:
    folder, _ = built
    (folder / "corpus" / "articles" / "later_addition.txt").write_text(NEW_ARTICLE.replace("Oslo", "Tromsø"),
                                                                      encoding="utf-8")
    before = output_files(folder)
    assert killed_build(folder, "between-swaps") == -9
    half = output_files(folder)
    assert differing(before, half) and all(path.startswith("docs/") for path in differing(before, half))
    from generator.write import complete_publish, recover

    complete_publish(folder / "docs")  # the new site/ joins the new docs/; then the leftovers go
    recover(folder / "docs")
    recover(folder / "site")
    completed = output_files(folder)
    assert any(path.startswith("site/") for path in differing(half, completed))
    assert leftovers(folder) == []
    # The completed output is exactly what a build of the same inputs publishes.
    assert factsheet(folder, "build", env={"SOURCE_DATE_EPOCH": "1700000000"}).returncode == 0
    assert differing(completed, output_files(folder)) == []
