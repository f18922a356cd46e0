"""What a long command is doing, on standard error: one stage at a time.

A build is read → extract → link → render → write → site. Each stage ends with one line
naming what it made and how long it took (`extract: 400 records (12 extracted, 388
reused) in 9.1 s`). On a terminal a stage also shows, while it runs, a status line with
the seconds so far (extraction draws a bar of the articles instead); elsewhere (CI
logs, a pipe) only the end lines are printed, so a log stays one line per stage.
"""
from __future__ import annotations

import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator, TextIO

TICK = 0.5  # seconds between refreshes of a running stage's status line


@dataclass
class Stage:
    """One running stage; the code running it says what it made in `done`."""

    name: str
    done: str = ""


class Stages:
    """Reports stages to `stream` (None: reports nothing, for library callers and tests)."""

    def __init__(self, stream: TextIO | None = None, terminal: bool | None = None) -> None:
        self.stream = stream
        self.terminal = bool(stream is not None and (stream.isatty() if terminal is None else terminal))

    @contextmanager
    def stage(self, name: str, live: bool = True) -> Iterator[Stage]:
        """Time the stage inside; `live=False` for a stage that shows a progress bar of its own."""
        stage = Stage(name)
        start = time.perf_counter()
        status = _Status(self.stream, name) if self.terminal and live else None
        try:
            yield stage
        except BaseException:
            self._line(f"{name}: stopped after {time.perf_counter() - start:.1f} s")
            raise
        finally:
            if status is not None:
                status.close()
        what = f"{stage.done} " if stage.done else ""
        self._line(f"{name}: {what}in {time.perf_counter() - start:.1f} s")

    def _line(self, text: str) -> None:
        if self.stream is not None:
            print(text, file=self.stream, flush=True)


class _Status:
    """`name … 12s`, redrawn every TICK seconds on a terminal until closed (then erased)."""

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
