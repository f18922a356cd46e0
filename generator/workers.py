"""Worker processes: how many, and a pool of them that cannot outlive the build.

Every stage that spreads work over the cores (extraction, sentence encoding, the output
cache, the site build) forks its workers from the build process, so they inherit what
it has loaded instead of loading it again. A pool's workers end with the build: a build
killed with `kill -9` would otherwise leave them behind for good, blocked writing
results that nothing reads any more.
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Callable

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def worker_pool(jobs: int, initializer: Callable[..., Any] | None = None,
                initargs: tuple = ()) -> ProcessPoolExecutor:
    """`jobs` processes forked from this one, each killed when this process ends;
    `initializer(*initargs)` runs in each as it starts."""
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start, initargs=(os.getpid(), initializer, initargs))


def _start(parent: int, initializer: Callable[..., Any] | None, initargs: tuple) -> None:
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build ended before the request above was made
        os._exit(1)
    if initializer is not None:
        initializer(*initargs)
