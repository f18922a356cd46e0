"""Reuse of generated files across builds: each output keyed by a digest of its inputs.

A record's YAML, a page or a download is a pure function of a few records. A build
asks `Memo.file(kind, inputs, make)` for it: when an earlier build made that kind of
file from inputs that digest the same, the stored file is reused and `make` is not
called; otherwise `make()` runs and its text is stored. So adding one article to a
large corpus renders only the pages that article changes.

- A key digests the generator's version (its code, templates and schemas, and the
  libraries that shape output), the kind, and the inputs. Inputs are serialised with
  orjson, which writes dataclass records field by field; large records are digested
  once per build (`digest`) and stand in for themselves in the keys that cite them.
- Entries are read-only files under `<folder>/<version>/<key[:2]>/<key>`. `publish`
  hard-links them into the new `docs/` tree, so an unchanged file is neither rendered
  nor copied. Each is sealed (`write.looks_sealed`, `write.intact`): an entry edited in
  place is made again, and a file whose content no longer matches its seal is never
  published. An entry is written to a temporary name and renamed, so a killed build
  never leaves half an entry under a key.
- Files to make are queued and made by `flush()`, in one worker process per core when
  there are many (a cold build of a large corpus makes thousands).
- Large files are joined from stored pieces (`joined`, `pieces`): a change makes only
  the pieces it touches, and the new file copies the unchanged runs of pieces from its
  last version.
- Values that are not files but cost a rebuild time to make again (an event's merged
  record) are kept pickled, by key: `keep`, `recall`; many small texts (the home page's
  entries) in one entry for all: `Carried`.
- `prune()` after a successful build keeps only the entries that build used.

The folder (`.cache/factsheet/output/`) is git-ignored and may be deleted at any time.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any, Callable, Sequence

import orjson

from .workers import default_jobs, inherited, worker_pool
from .write import FileRange, Generated, Part, StoredFile, joined_bytes, looks_sealed, write_bytes, write_parts

DEFAULT_FOLDER = Path(".cache/factsheet/output")
# From this many files to make on, `flush` makes them in worker processes.
PARALLEL_FILES = 64
# Libraries whose versions can change generated text without a change to our code.
OUTPUT_DEPENDENCIES = ("Jinja2", "MarkupSafe", "PyYAML", "orjson", "pycountry")


@lru_cache(maxsize=1)
def generator_version() -> str:
    """A digest of every file of the generator package and of OUTPUT_DEPENDENCIES' versions."""
    digest = hashlib.sha256()
    root = resources.files("generator")
    for path in sorted(Path(str(root)).rglob("*")):
        if path.is_file() and path.suffix in (".py", ".j2", ".json", ".yaml", ".tsv", ".js", ".css"):
            digest.update(path.relative_to(str(root)).as_posix().encode())
            digest.update(path.read_bytes())
    for dependency in OUTPUT_DEPENDENCIES:
        digest.update(f"{dependency}=={metadata.version(dependency)}".encode())
    return digest.hexdigest()[:12]


def _plain(value: Any) -> Any:
    """orjson's fallback for the few types it does not write itself."""
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    raise TypeError(f"cannot digest {type(value).__name__}")


def _serialised(value: Any) -> bytes:
    return orjson.dumps(value, default=_plain, option=orjson.OPT_NON_STR_KEYS | orjson.OPT_SORT_KEYS)


@dataclass
class Memo:
    """The output cache of one build; `folder=None` turns reuse off (every `make` runs)."""

    folder: Path | None
    version: str = field(default_factory=generator_version)
    used: set[str] = field(default_factory=set)
    made: int = 0  # files this build had to make
    reused: int = 0  # files it took from an earlier build
    _digests: dict[int, tuple[Any, str]] = field(default_factory=dict, repr=False)
    _texts: dict[str, str] = field(default_factory=dict, repr=False)
    _pending: dict[str, tuple[Path, Callable[[], str]]] = field(default_factory=dict, repr=False)

    def digest(self, value: Any) -> str:
        """A digest of `value`'s content, computed once per object in this build."""
        known = self._digests.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        # SHA-256 runs on the processor's SHA instructions: 2.7 times BLAKE2b's speed here,
        # and a rebuild digests about 30 MB of records, events and page inputs.
        found = hashlib.sha256(_serialised(value)).hexdigest()[:32]
        self._digests[id(value)] = (value, found)  # holding `value` keeps its id unique
        return found

    def know(self, value: Any, digest: str) -> None:
        """Take `digest` as `value`'s digest: made by `digest` in an earlier build and kept
        with a value this build read back (see `recall`)."""
        self._digests[id(value)] = (value, digest)

    def key(self, kind: str, inputs: Any) -> str:
        return hashlib.sha256(self.version.encode() + b"\0" + kind.encode() + b"\0" + _serialised(inputs)
                              ).hexdigest()[:40]

    def _entry(self, key: str) -> Path:
        # One Path made from a string: a rebuild asks for thousands of entries, and joining
        # Paths part by part took more time than the stat that follows.
        assert self.folder is not None
        return Path(f"{os.fspath(self.folder)}/{self.version}/{key[:2]}/{key}")

    def _claim(self, key: str) -> tuple[Path, bool, int | None]:
        """The entry of `key`, whether this build has to make it (counted once per build),
        and its inode if it is stored (`publish` keeps a file already linked to it)."""
        entry = self._entry(key)
        missing, inode = False, None
        if key not in self.used:
            try:
                stat = os.stat(entry)
            except OSError:
                missing = True
            else:
                missing = not looks_sealed(stat)  # edited in place since it was made: made again
                inode = None if missing else stat.st_ino
            if missing:
                self.made += 1
            else:
                self.reused += 1
            self.used.add(key)
        return entry, missing, inode

    def file(self, kind: str, inputs: Any, make: Callable[[], str]) -> Generated:
        """The output of `make()` for these inputs: a `StoredFile` (kept, or queued to be
        made by `flush`), or without a folder the text itself."""
        key = self.key(kind, inputs)
        if self.folder is None:
            if key not in self._texts:
                self._texts[key] = make()
                self.made += 1
            return self._texts[key]
        entry, missing, inode = self._claim(key)
        if missing:
            self._pending[key] = (entry, make)
        return StoredFile(entry, inode)

    def joined(self, kind: str, inputs: Any, make: Callable[[], bytes | Sequence[Part]],
               lineage: str | None = None) -> Generated:
        """A large file made of pieces: the concatenation of the parts `make()` returns
        (it may ask this memo for them, see `pieces`), made at once when it is not stored
        yet. A `StoredFile`, or without a folder the bytes.

        Its parts, in order and with their sizes, are stored beside it (`<key>.layout`). A
        build that reuses the whole file marks its pieces used too, so `prune` keeps them:
        the next build that changes one piece then makes only that piece, not all of them
        again.

        `lineage` names what the file is from build to build (its path in `docs/`): the next
        file of the same lineage copies each run of parts that the last one holds in the
        same order as one range of it, so a file of 2,000 pieces is a few copies, not 2,000."""
        if self.folder is None:
            return joined_bytes(_parts(make()))
        key = self.key(kind, inputs)
        entry, missing, inode = self._claim(key)
        if not missing:
            try:
                self.used.update(_pieces_in(_read_layout(entry)))
            except (OSError, ValueError):
                missing = True  # stored before its parts were listed: make it again, once
        last = self._last_of(lineage) if lineage else None
        if missing:
            parts = _parts(make())
            runs, layout = _runs(parts, self._layout_of(last) if last else None)
            write_parts(entry, runs, mode=0o444, durable=False, sealed=True)
            self._store(_layout_path(entry), "".join(f"{part} {size}\n" for part, size in layout).encode("utf-8"))
        self.used.add(_layout_path(entry).name)
        if last is not None:
            self.used.add(last.name)
            if not last.is_file() or last.read_text(encoding="ascii") != key:
                self._store(last, key.encode("ascii"))
        return StoredFile(entry, None if missing else inode)

    def _last_of(self, lineage: str) -> Path:
        """Where the key of the last joined file of `lineage` is kept."""
        return self._entry("la" + hashlib.sha256(lineage.encode("utf-8")).hexdigest()[:38])

    def _layout_of(self, last: Path) -> tuple[Path, list[tuple[str, int]]] | None:
        """(the last joined file of a lineage, its parts and their sizes), if both are
        still stored and agree."""
        try:
            entry = self._entry(last.read_text(encoding="ascii").strip())
            layout = _read_layout(entry)
            if os.stat(entry).st_size != sum(size for _, size in layout):
                return None
        except (OSError, ValueError):
            return None
        return entry, layout

    def recall(self, key: str) -> Any | None:
        """The value `keep` stored under `key` in this or an earlier build, or None (none
        stored, or no folder). An entry that does not unpickle reads as missing."""
        if self.folder is None:
            return None
        try:
            value = pickle.loads(self._entry(key).read_bytes())
        except Exception:  # noqa: BLE001 - missing or unreadable: the caller makes the value again
            return None
        self.used.add(key)
        return value

    def keep(self, key: str, value: Any) -> None:
        """Store `value` (pickled) for `recall` by later builds; nothing without a folder."""
        if self.folder is not None:
            self._store(self._entry(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            self.used.add(key)

    def pieces(self, kind: str, items: list[tuple[Any, Callable[[], str]]]) -> list[Part]:
        """One piece per (inputs, make), ready to be joined into a larger file (`joined`):
        stored files, or without a folder their UTF-8 bytes."""
        found = [self.file(kind, inputs, make) for inputs, make in items]
        self.flush()
        return [f if isinstance(f, StoredFile) else f.encode("utf-8") for f in found]

    def flush(self) -> None:
        """Make and store every queued file; its `StoredFile` can be read or linked after this."""
        queue, self._pending = list(self._pending.values()), {}
        jobs = default_jobs()
        failed: list[int] = list(range(len(queue)))
        if jobs > 1 and len(queue) >= PARALLEL_FILES:
            with worker_pool(jobs, inherit=queue) as pool:  # the queue's closures do not pickle
                done = pool.map(_make_queued, range(len(queue)), chunksize=max(1, len(queue) // (4 * jobs)))
                failed = [index for index, ok in enumerate(done) if not ok]
        for index in failed:  # here, not in a worker: so a failure raises its own exception
            entry, make = queue[index]
            self._store(entry, make().encode("utf-8"))

    @staticmethod
    def _store(entry: Path, data: bytes) -> None:
        # read-only: shared with docs/ through hard links, so never edited in place
        write_bytes(entry, data, mode=0o444, durable=False, sealed=True)

    def prune(self) -> None:
        """Delete every entry this build did not use, and the entries of other versions."""
        if self.folder is None or not self.folder.is_dir():
            return
        for other in self.folder.iterdir():
            if other.name == self.version:
                continue
            if other.is_dir():
                shutil.rmtree(other, ignore_errors=True)
            else:
                other.unlink(missing_ok=True)
        current = self.folder / self.version
        for shard in current.iterdir() if current.is_dir() else ():
            for entry in os.scandir(shard):
                if entry.name not in self.used:
                    os.unlink(entry.path)


class Carried:
    """Small texts a build makes many of, each a pure function of its inputs, kept from the
    last build in one entry of the output cache (one file per text would cost more to look up
    than to make): `carried(inputs, make)` is `make()`, or the last build's text for the same
    inputs. `keep()` stores this build's texts for the next (those no longer asked for go)."""

    def __init__(self, memo: Memo, kind: str) -> None:
        self._memo, self._kind = memo, kind
        kept = memo.recall(self._key())
        self._last: dict[str, str] = kept if isinstance(kept, dict) else {}
        self._now: dict[str, str] = {}

    def __call__(self, inputs: Any, make: Callable[[], str]) -> str:
        key = self._memo.key(self._kind, inputs)
        if key not in self._now:
            self._now[key] = self._last[key] if key in self._last else make()
        return self._now[key]

    def keep(self) -> None:
        if self._now != self._last:
            self._memo.keep(self._key(), self._now)
        elif self._memo.folder is not None:
            self._memo.used.add(self._key())

    def _key(self) -> str:
        return self._memo.key(self._kind + "s", "the last build's")


def _parts(made: bytes | Sequence[Part]) -> Sequence[Part]:
    return (made,) if isinstance(made, bytes) else made


def _layout_path(entry: Path) -> Path:
    return entry.with_name(f"{entry.name}.layout")


def _read_layout(entry: Path) -> list[tuple[str, int]]:
    """The parts of a joined entry and their sizes, as `joined` stored them."""
    lines = _layout_path(entry).read_text(encoding="utf-8").splitlines()
    return [(part, int(size)) for part, size in (line.rsplit(" ", 1) for line in lines)]


def _pieces_in(layout: list[tuple[str, int]]) -> list[str]:
    """The keys of the stored pieces a layout lists."""
    return [part[2:] for part, _ in layout if part.startswith("p:")]


def _runs(parts: Sequence[Part], last: tuple[Path, list[tuple[str, int]]] | None
          ) -> tuple[list[Part | FileRange], list[tuple[str, int]]]:
    """What to write for `parts` (each run of them that the last file of the lineage holds
    in the same order as one range of that file), and their layout: each part as
    `p:<stored piece>` or `b:<digest of its bytes>`, with its size."""
    named = [f"p:{part.path.name}" if isinstance(part, StoredFile) else f"b:{hashlib.sha256(part).hexdigest()[:24]}"
             for part in parts]
    at: dict[int, tuple[str, int]] = {}  # offset in the last file → (part, size)
    offset_of: dict[str, int] = {}  # a stored piece → its offset in the last file
    if last is not None:
        offset = 0
        for part, size in last[1]:
            at[offset] = (part, size)
            if part.startswith("p:"):
                offset_of.setdefault(part, offset)
            offset += size
    out: list[Part | FileRange] = []
    layout: list[tuple[str, int]] = []
    run: list[int] = []  # [start, end) in the last file of the run being gathered
    for part, name in zip(parts, named):
        if run and at.get(run[1], ("", 0))[0] == name:
            size = at[run[1]][1]
            run[1] += size
        else:
            if run:
                out.append(FileRange(last[0], run[0], run[1] - run[0]))  # type: ignore[index]
            run = []
            if name in offset_of:
                start = offset_of[name]
                size = at[start][1]
                run = [start, start + size]
            else:
                size = os.stat(part.path).st_size if isinstance(part, StoredFile) else len(part)
                out.append(part)
        layout.append((name, size))
    if run:
        out.append(FileRange(last[0], run[0], run[1] - run[0]))  # type: ignore[index]
    return out, layout


def _make_queued(index: int) -> bool:
    """In a worker process: make and store queued file `index`; False if that failed."""
    entry, make = inherited()[index]
    try:
        Memo._store(entry, make().encode("utf-8"))
    except Exception:
        return False
    return True
