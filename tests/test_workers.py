"""Worker pools end with the build (`generator/workers.py`): a build killed with `kill -9`
leaves no worker processes behind."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO

# A "build" that starts two workers busy for a minute, waits until both run, then dies of SIGKILL.
KILLED_BUILD = """
import os, signal, sys, time
from pathlib import Path
from generator.workers import worker_pool

def busy(folder):
    (Path(folder) / str(os.getpid())).touch()
    time.sleep(60)

pool = worker_pool(2)
for _ in range(2):
    pool.submit(busy, sys.argv[1])
deadline = time.monotonic() + 30
while len(list(Path(sys.argv[1]).iterdir())) < 2 and time.monotonic() < deadline:
    time.sleep(0.05)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _running(pid: int) -> bool:
    """Alive and not a zombie (an ended child of a reaper that does not reap)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return False
    return fields[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_workers_end_when_the_build_is_killed(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", KILLED_BUILD, str(tmp_path)], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=60)
    assert done.returncode == -9, done.stderr
    workers = [int(path.name) for path in tmp_path.iterdir()]
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while any(map(_running, workers)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(map(_running, workers))


_greeting = ""


def _greet(word: str) -> None:
    global _greeting
    _greeting = word


def _greeted(_: int) -> str:
    return _greeting


def test_a_pool_runs_its_initializer_in_each_worker() -> None:
    from generator.workers import worker_pool

    with worker_pool(2, initializer=_greet, initargs=("ready",)) as pool:
        assert list(pool.map(_greeted, range(4))) == ["ready"] * 4


def test_background_work_runs_in_another_process_and_sees_what_this_one_made() -> None:
    from generator.workers import Background

    made_here = {"pages": 3}  # a closure over local state: the child forks with it
    job = Background(lambda: (os.getpid(), made_here["pages"] * 2), jobs=2)
    pid, pages = job.result()
    assert pid != os.getpid() and pages == 6


def test_background_work_that_fails_in_the_child_raises_here() -> None:
    from generator.workers import Background

    ran_in = []

    def work() -> None:
        ran_in.append(os.getpid())  # only this process's list is seen here
        raise ValueError("record fails its schema")

    job = Background(work, jobs=2)
    with pytest.raises(ValueError, match="schema"):
        job.result()
    assert ran_in == [os.getpid()]


def test_background_work_whose_child_dies_is_done_here() -> None:
    from generator.workers import Background

    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            os._exit(9)  # the child dies without a result
        return 42

    assert Background(work, jobs=2).result() == 42


def test_background_work_on_one_core_runs_when_its_result_is_asked_for() -> None:
    from generator.workers import Background

    ran = []
    job = Background(lambda: ran.append(os.getpid()) or "done", jobs=1)
    assert ran == []
    assert job.result() == "done" and ran == [os.getpid()]


_loaded: list[int] = []


def _load_then_report(call: int) -> tuple[int, int, int]:
    """(process, call, calls this process has seen): what a call loads stays for the next."""
    _loaded.append(call)
    return os.getpid(), call, len(_loaded)


def test_a_resident_process_takes_calls_one_after_another_and_keeps_what_they_load() -> None:
    from generator.workers import Resident

    with Resident(jobs=2) as resident:
        first, second = resident.call(_load_then_report, 1), resident.call(_load_then_report, 2)
        answers = [first.result(), second.result()]
    (pid, _, _), _ = answers
    assert pid != os.getpid()
    assert answers == [(pid, 1, 1), (pid, 2, 2)]
    assert _loaded == []  # nothing ran here


def _die_in_a_child(parent: int) -> int:
    if os.getpid() != parent:
        os._exit(9)
    return 7


def test_a_resident_process_that_dies_leaves_its_calls_to_this_one() -> None:
    from generator.workers import Resident

    with Resident(jobs=2) as resident:
        assert resident.call(_die_in_a_child, os.getpid()).result() == 7
        assert resident.call(_die_in_a_child, os.getpid()).result() == 7  # the pool is broken now


def test_a_resident_on_one_core_runs_calls_here_when_asked() -> None:
    from generator.workers import Resident

    _loaded.clear()
    with Resident(jobs=1) as resident:
        pending = resident.call(_load_then_report, 5)
        assert _loaded == []
        assert pending.result() == (os.getpid(), 5, 1)
    _loaded.clear()


def test_a_pool_hands_its_workers_an_object_through_the_fork() -> None:
    from generator.workers import worker_pool

    parent = os.getpid()
    with worker_pool(2, inherit=lambda: parent) as pool:  # a closure: it would not pickle
        assert list(pool.map(_call_inherited, range(3))) == [parent] * 3


def _call_inherited(_: int) -> int:
    from generator.workers import inherited

    return inherited()()


def test_a_result_asked_for_twice_is_made_once() -> None:
    from generator.workers import Pending, Resident

    runs: list[int] = []
    here = Pending(None, lambda: runs.append(1) or len(runs))
    assert (here.result(), here.result(), runs) == (1, 1, [1])
    with Resident(jobs=2) as resident:
        there = resident.call(os.getpid)
        assert there.result() == there.result() != os.getpid()  # not run again here
