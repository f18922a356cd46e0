"""What a long command is doing, on standard error: one stage at a time.

A build is read → extract → link → render → write → site. Each stage ends with one line
naming what it made and how long it took (`extract: 400 records (extracted: 12, reused:
388) in 9.1 s`). On a terminal a stage also shows, while it runs, a status line with the
seconds so far, or a progress bar where it counts its items (the articles extracted, the
pages MkDocs builds); elsewhere (CI logs, a pipe) only the end lines are printed, so a
log stays one line per stage.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TextIO

TICK = 0.5  # seconds between refreshes of a running stage's status line


class Stage:
    """One running stage; the code running it says what it made in `done`, and may count
    its items with `counter`."""

    def __init__(self, name: str, stream: TextIO | None, live: bool) -> None:
        self.name = name
        self.done = ""
        self._stream = stream
        self._shown: Any = _Status(stream, name) if live else None  # the status line or bar on screen

    def counter(self, what: str, total: int, unit: str) -> Callable[[], None]:
        """A function to call once per item of the `total` items of `what` the stage does
        next: a progress bar on a terminal, nothing elsewhere."""
        if self._stream is None:
            return _nothing
        from tqdm import tqdm  # imported only to draw a bar: a build in CI never does

        self.close()
        bar = tqdm(total=total, desc=f"{self.name}: {what}", unit=unit, file=self._stream, leave=False)
        self._shown = bar
        return bar.update

    def close(self) -> None:
        if self._shown is not None:
            self._shown.close()
            self._shown = None


def _nothing() -> None:
    pass


class Stages:
    """Reports stages to `stream` (None: reports nothing, for library callers and tests)."""

    def __init__(self, stream: TextIO | None = None, terminal: bool | None = None) -> None:
        self.stream = stream
        self.terminal = bool(stream is not None and (stream.isatty() if terminal is None else terminal))

    @contextmanager
    def stage(self, name: str, live: bool = True) -> Iterator[Stage]:
        """Time the stage inside; `live=False` for a stage that shows a progress bar of its own."""
        stage = Stage(name, self.stream if self.terminal else None, self.terminal and live)
        start = time.perf_counter()
        try:
            yield stage
        except BaseException:
            stage.close()
            self._line(f"{name}: stopped after {time.perf_counter() - start:.1f} s")
            raise
        stage.close()
        what = f"{stage.done} " if stage.done else ""
        self._line(f"{name}: {what}in {time.perf_counter() - start:.1f} s")

    def _line(self, text: str) -> None:
        if self.stream is not None:
            print(text, file=self.stream, flush=True)


class _Status:
    """`name … 00:12`, redrawn every TICK seconds on a terminal until closed (then erased)."""

    def __init__(self, stream: TextIO | None, name: str) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=None, desc=name, bar_format="{desc} … {elapsed}", file=stream, leave=False)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._tick, daemon=True)
        self._thread.start()

    def _tick(self) -> None:
        while not self._stop.wait(TICK):
            self._bar.refresh()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self._bar.close()
