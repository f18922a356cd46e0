"""Worker processes: how many, a pool of them that cannot outlive the build, one step of
the build run beside another (`Background`), and one process kept warm for a series of
calls (`Resident`).

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
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Generic, Iterator, TypeVar

T = TypeVar("T")

_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent ends


class OverBudget(BaseException):
    """Raised in work that ran past its time budget (`time_limit`). A BaseException, like
    KeyboardInterrupt: a stage's own `except Exception` must not swallow it."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise `OverBudget` in the body once it has run `seconds` (None or 0: no limit).

    A timer signal interrupts the body wherever it is, so no stage has to check a clock. It
    works in a process's main thread (the build's, and each worker's); elsewhere, and where
    the system has no such timer, the body runs without a limit.
    """
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signal: int, _frame: object) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def worker_pool(jobs: int, initializer: Callable[..., Any] | None = None,
                initargs: tuple = (), inherit: Any = None) -> ProcessPoolExecutor:
    """`jobs` processes forked from this one, each killed when this process ends;
    `initializer(*initargs)` runs in each as it starts, and `inherited()` there returns
    `inherit`. Both reach the workers through the fork, not pickled: closures are fine."""
    return ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                               initializer=_start, initargs=(os.getpid(), initializer, initargs, inherit))


_inherited: Any = None


def inherited() -> Any:
    """In a worker: what its pool was given to `inherit`."""
    return _inherited


def _start(parent: int, initializer: Callable[..., Any] | None, initargs: tuple, inherit: Any) -> None:
    global _inherited
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build ended before the request above was made
        os._exit(1)
    _inherited = inherit
    if initializer is not None:
        initializer(*initargs)


class Pending(Generic[T]):
    """The result of `work()`, given to another process. When that process cannot give it
    (the work raised, or the process died), `result()` runs `work()` here instead: an
    error then raises in this process with its own traceback, and a lost process costs
    time, never output. Without a process (`future` None) `work()` runs when asked. The
    result is kept: asking again returns it, without running `work()` again."""

    def __init__(self, future: Future | None, work: Callable[[], T]) -> None:
        self._future = future
        self._work = work
        self._done: tuple[T] | None = None

    def result(self) -> T:
        if self._done is None:
            self._done = (self._outcome(),)
        return self._done[0]

    def _outcome(self) -> T:
        if self._future is not None:
            try:
                return self._future.result()
            except Exception:
                pass  # done again below, where its exception (if any) is this process's own
            finally:
                self._future = None
        return self._work()


class Background(Pending[T]):
    """`work()` running in a process forked from this one, while this one goes on.

    The child inherits everything loaded so far, so `work` may be any closure; only its
    result travels back (pickled). `result()` waits for it (see `Pending`). With one core
    there is nothing to overlap, so `work()` runs here when asked.
    """

    def __init__(self, work: Callable[[], T], jobs: int | None = None) -> None:
        self._pool = worker_pool(1, inherit=work) if (jobs or default_jobs()) > 1 else None
        super().__init__(self._pool.submit(_run_inherited) if self._pool else None, work)

    def result(self) -> T:
        try:
            return super().result()
        finally:
            if self._pool is not None:
                self._pool.shutdown()
                self._pool = None


def _run_inherited() -> Any:
    return inherited()()


class Resident:
    """One process, forked on the first call, that takes calls one after another for a
    stretch of the build: what one call loads stays loaded for the next. The extractor's
    lexicons take 0.27 s to load and an article 0.01 s to extract once they are.

    Calls and results are pickled (module-level functions, plain data). With one core a
    call runs here, when its result is asked for. `close()` (or leaving a `with` block)
    ends the process; a call not answered by then runs here if its result is asked for.
    """

    def __init__(self, jobs: int | None = None) -> None:
        self._parallel = (jobs or default_jobs()) > 1
        self._pool: ProcessPoolExecutor | None = None

    @property
    def running(self) -> bool:
        """Whether its process has been started (by a first call)."""
        return self._pool is not None

    def call(self, function: Callable[..., T], *args: Any) -> Pending[T]:
        future = None
        if self._parallel:
            self._pool = self._pool or worker_pool(1)
            try:
                future = self._pool.submit(function, *args)
            except RuntimeError:  # the process died (a broken pool takes no more calls)
                future = None
        return Pending(future, lambda: function(*args))

    def close(self) -> None:
        """End the process, without waiting for it to exit: all its calls have been
        answered or are not wanted any more, and waiting for a process that loaded the
        lexicons to free its memory took a rebuild 0.01 s per process."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Resident:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
