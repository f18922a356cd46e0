"""Data derived from package files, kept in the cache folder.

Some packages ship their data in a form that takes most of a second to read on every
start (a compressed model, a large text file); each extraction worker process, and the
sentence encoder of every build, would pay that again. `kept(name, make)` returns what
`make()` builds, from a file in the cache folder when one was kept under the same name
(names carry the package version), and keeps one otherwise. The folder is
`$FACTSHEET_CACHE` or `.cache/factsheet/` beside the package; a folder that cannot be
written just means building it every time.

A kept file is a pickle (protocol 5) followed by the raw bytes of its large buffers,
numpy arrays' data above all. Reading maps the file into memory and hands those bytes to
the unpickler in place: the 80 MB of encoder weights are not copied, and forked workers
share one copy of them. Arrays read this way are read-only.
"""
from __future__ import annotations

import mmap
import os
import pickle
import struct
from pathlib import Path
from typing import Any, Callable, TypeVar

from .write import write_bytes

T = TypeVar("T")

SUFFIX = ".kept"
_MAGIC = b"factsheet-kept-1\n"
_ALIGN = 64  # buffer offsets: numpy reads aligned data fastest


def cache_folder() -> Path:
    return Path(os.environ.get("FACTSHEET_CACHE", Path(__file__).resolve().parents[1] / ".cache" / "factsheet"))


def kept(name: str, make: Callable[[], T]) -> T:
    """`make()`, or what it returned last time it was kept under `name`. A name ends in
    `-<version>`; keeping a new version deletes the others."""
    path = cache_folder() / f"{name}{SUFFIX}"
    try:
        return _read(path)
    except (OSError, ValueError, EOFError, struct.error, pickle.UnpicklingError, AttributeError, ImportError):
        pass  # not kept yet, or unreadable: build it again
    built = make()
    try:
        write_bytes(path, _packed(built), durable=False)  # rebuilt if lost
        stem = name.rsplit("-", 1)[0]
        for older in (*path.parent.glob(f"{stem}-*{SUFFIX}"), *path.parent.glob(f"{stem}-*.pickle")):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError:
        pass
    return built


def _packed(value: object) -> bytes:
    """magic, pickle length, buffer count, each buffer's (offset, length), pickle, buffers."""
    buffers: list[pickle.PickleBuffer] = []
    data = pickle.dumps(value, protocol=5, buffer_callback=buffers.append)
    raws = [b.raw() for b in buffers]
    head = len(_MAGIC) + 16 + 16 * len(raws)
    offset, spans = _aligned(head + len(data)), []
    for raw in raws:
        spans.append((offset, raw.nbytes))
        offset = _aligned(offset + raw.nbytes)
    out = bytearray(_MAGIC)
    out += struct.pack(f"<{2 + 2 * len(spans)}Q", len(data), len(raws), *(n for span in spans for n in span))
    out += data
    for (start, _), raw in zip(spans, raws):
        out += bytes(start - len(out))
        out += raw
    return bytes(out)


def _read(path: Path) -> Any:
    with path.open("rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)  # stays mapped while used
    view = memoryview(mapped)
    if view[:len(_MAGIC)] != _MAGIC:
        raise ValueError(f"{path}: not a kept file")
    size, count = struct.unpack_from("<2Q", view, len(_MAGIC))
    bounds = struct.unpack_from(f"<{2 * count}Q", view, len(_MAGIC) + 16)
    spans = list(zip(bounds[::2], bounds[1::2]))
    start = len(_MAGIC) + 16 + 16 * count
    if max((start + size, *(offset + length for offset, length in spans))) > len(view):
        raise ValueError(f"{path}: cut short")
    return pickle.loads(view[start:start + size], buffers=[view[o:o + n] for o, n in spans])


def _aligned(offset: int) -> int:
    return -(-offset // _ALIGN) * _ALIGN
