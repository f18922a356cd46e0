"""Data derived from package files, kept in the cache folder.

Some packages ship their data in a form that takes most of a second to read on every
start (a compressed model, a large text file); each extraction worker process, and the
sentence encoder of every build, would pay that again. `kept(name, make)` returns what
`make()` builds, from a pickle in the cache folder when one was written for the same
name (names carry the package version), and writes one otherwise. The folder is `$FACTSHEET_CACHE` or `.cache/factsheet/` beside the
package; a folder that cannot be written just means building it every time.
"""
from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Callable, TypeVar

from .write import write_bytes

T = TypeVar("T")


def cache_folder() -> Path:
    return Path(os.environ.get("FACTSHEET_CACHE", Path(__file__).resolve().parents[1] / ".cache" / "factsheet"))


def kept(name: str, make: Callable[[], T]) -> T:
    """`make()`, or what it returned last time it was kept under `name`. A name ends in
    `-<version>`; keeping a new version deletes the others."""
    path = cache_folder() / f"{name}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
        pass  # not kept yet, or unreadable: build it again
    built = make()
    try:
        write_bytes(path, pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL), durable=False)  # rebuilt if lost
        for older in path.parent.glob(f"{name.rsplit('-', 1)[0]}-*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError:
        pass
    return built
