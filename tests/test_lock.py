"""One build at a time per checkout: a second `factsheet build` waits for the first,
saying so in one line, or with `--no-wait` stops with one line and exit code 1."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import LOCK
from generator.write import WriteError, exclusive
from test_determinism import REPO, factsheet, workspace


def test_a_held_lock_stops_a_build_that_does_not_wait(tmp_path: Path) -> None:
    folder = workspace(tmp_path / "ws")
    with exclusive(folder / ".cache" / "factsheet" / LOCK, wait=False):  # another build, as it runs
        result = factsheet(folder, "build", "--no-site", "--no-wait")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        ".cache/factsheet/build.lock: another build is running in this checkout "
        "(wait for it to end, or leave out --no-wait to wait for it)"]
    assert not (folder / "docs" / "data").exists()  # it wrote nothing


def test_a_second_build_waits_for_the_first_and_then_builds(tmp_path: Path) -> None:
    folder = workspace(tmp_path / "ws")
    with exclusive(folder / ".cache" / "factsheet" / LOCK, wait=False):
        second = subprocess.Popen([sys.executable, "-m", "generator", "build", "--no-site"], cwd=folder,
                                  env={**os.environ, "PYTHONPATH": str(REPO)},
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert second.stderr is not None
        line = second.stderr.readline()  # said before it blocks
        assert line == (".cache/factsheet/build.lock: another build is running in this checkout; "
                        "waiting for it to end (--no-wait stops instead)\n")
        time.sleep(0.5)
        assert second.poll() is None  # still waiting
    out, err = second.communicate(timeout=600)
    assert second.returncode == 0, err
    assert out.startswith("built: ")
    assert (folder / "docs" / "data").is_dir()


def test_the_lock_is_free_again_once_its_holder_is_done(tmp_path: Path) -> None:
    lock = tmp_path / "build.lock"
    with exclusive(lock, wait=False):
        with pytest.raises(WriteError):
            with exclusive(lock, wait=False):
                pass
    with exclusive(lock, wait=False):
        pass
