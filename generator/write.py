"""The only module that writes files, and it writes them atomically.

- One file: written to a temporary file in the same folder, then `os.replace`d, so a
  reader sees the old content or the new, never half of it.
- A generated tree (`docs/`, `site/`): the new tree is built complete in a temporary
  folder beside the target and swapped in with one atomic exchange. A build killed
  part-way (even with `kill -9`) leaves the last good tree in place; its leftovers are
  removed by the next build.
- The `docs/` tree a swap replaces is kept beside it (`.docs.previous`) and becomes the
  next build's staging tree: that build changes only the files whose content changed,
  instead of linking thousands of files into an empty folder and deleting the old tree.
- `site/` is built by `mkdocs build --strict` into such a folder. A failed build
  replaces nothing.
- The two swaps (`docs/`, then `site/`) are one step as seen after a crash: a journal
  beside `docs/` names the staged site while they happen, and a build killed between
  them is completed by the next build before anything else (`complete_publish`).

`docs/` mixes hand-written pages with generated ones. The generated paths of the last
build are listed in `docs/.generated` (MkDocs skips dotfiles); everything else in
`docs/` is hand-written and carried over unchanged.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import json
import logging
import os
import secrets
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, ContextManager, Iterable, Iterator, Mapping

import yaml

MANIFEST = ".generated"
MANIFEST_HEADER = "# Written by `factsheet build`: the generated files of docs/. Do not edit.\n"
_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


class WriteError(Exception):
    """Output that cannot be written: `path: reason (what to do)`."""


class OutputOSError(WriteError, OSError):
    """A write the operating system refused (disk full, read-only, no permission), as one
    `path: reason (what to do)` line; still an OSError for code that handles those."""


def os_error_line(error: OSError, path: str | os.PathLike | None = None) -> str:
    """An operating-system error as one `path: reason (what to do)` line."""
    where = path if path is not None else (error.filename or "output")
    advice = {errno.ENOSPC: "free disk space and build again", errno.EDQUOT: "free disk space and build again",
              errno.EROFS: "the file system is read-only: build in a writable checkout",
              errno.EACCES: "give yourself write permission there, or build elsewhere",
              errno.EPERM: "give yourself write permission there, or build elsewhere"}
    reason = error.strerror or str(error)
    fix = advice.get(error.errno or 0, "check the folder and build again")
    return f"{os.fspath(where)}: {reason} ({fix}; the last good output is kept)"


class SiteBuildError(WriteError):
    """`mkdocs build --strict` failed; the last good site is untouched."""


@contextmanager
def exclusive(lock: Path, wait: bool, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold `lock` (a file, made if missing) for the body: one build at a time per checkout,
    as two would delete each other's staging trees. When another process holds it, wait
    for it (telling `waiting` once) or, without `wait`, raise WriteError.

    flock: the kernel drops the lock when its holder ends, killed or not, so a crashed
    build never blocks the next one.
    """
    lock.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise WriteError(f"{lock}: another build is running in this checkout (wait for it to end, "
                                 f"or leave out --no-wait to wait for it)") from None
            if waiting is not None:
                waiting(f"{lock}: another build is running in this checkout; waiting for it to end "
                        f"(--no-wait stops instead)")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


# libyaml's emitter is about five times faster than the pure-Python one and writes the same
# YAML, except that it escapes characters outside the Basic Multilingual Plane (emoji).
_BaseDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _NoAliasDumper(_BaseDumper):  # type: ignore[misc, valid-type]
    """Repeated values are written out in full: records are read by people and diff tools."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """Deterministic YAML: field order as given, Unicode as is, long quotes never folded."""
    return yaml.dump(data, Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False,
                     width=1_000_000, default_flow_style=False)


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_new(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Create `path` with `data`, never replacing a file (FileExistsError if it exists).

    Written to a temporary file, then hard-linked to its name: the link fails if the name
    is taken, even by a process that wrote it a moment ago, and a reader sees the whole
    file or none."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.link(temp, path)
    finally:
        Path(temp).unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes, mode: int = 0o644, durable: bool = True, sealed: bool = False) -> None:
    """Write one file atomically: temporary file, fsync (unless not `durable`: a cache
    entry can be made again), rename over the target. A `sealed` file shows an edit (`seal`)."""
    write_parts(path, (data,), mode, durable, sealed)


# A stored file of the output cache is sealed: its modification time is set to this moment
# plus 24 bits of its content's digest, in whole seconds (kept by tar and CI caches). Any
# edit in place sets the time to now, which `looks_sealed` sees from a stat alone; `intact`
# reads the file and checks the digest too.
SEAL_EPOCH = 946_684_800  # 2000-01-01 UTC


def _seal_of(path: str | Path) -> int:
    with open(path, "rb") as handle:
        return _seal(hashlib.file_digest(handle, "sha256"))


def _seal(digest: Any) -> int:
    return (SEAL_EPOCH + int.from_bytes(digest.digest()[:3], "big")) * 1_000_000_000


def looks_sealed(stat: os.stat_result) -> bool:
    """Whether a stored file still has a seal's time: not edited since it was written."""
    seconds, rest = divmod(stat.st_mtime_ns, 1_000_000_000)
    return rest == 0 and SEAL_EPOCH <= seconds < SEAL_EPOCH + (1 << 24)


def intact(path: str | Path) -> bool:
    """Whether a sealed file's content is the content it was sealed with."""
    try:
        return os.stat(path).st_mtime_ns == _seal_of(path)
    except OSError:
        return False


def write_parts(path: Path, parts: Iterable[Part | FileRange], mode: int = 0o644,
                durable: bool = True, sealed: bool = False) -> None:
    """Write the concatenation of `parts` atomically, as `write_bytes` does. A stored part
    (or a range of one) is copied file to file by the kernel: the large downloads are joined
    from thousands of stored pieces (tens of MB) that never need to pass through this process."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise OutputOSError(os_error_line(error, path)) from error
    try:
        content = hashlib.sha256()  # of what is written here; None once the kernel copies a part
        with os.fdopen(fd, "wb") as handle:
            for part in parts:
                if isinstance(part, StoredFile):
                    handle.flush()
                    _append_file(part.path, handle.fileno())
                    content = None
                elif isinstance(part, FileRange):
                    handle.flush()
                    _append_file(part.path, handle.fileno(), part.start, part.length)
                    content = None
                else:
                    handle.write(part)
                    if content is not None:
                        content.update(part)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if sealed:
            seal = _seal(content) if content is not None else _seal_of(temp)
            os.utime(temp, ns=(seal, seal))
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException as error:
        Path(temp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OutputOSError(os_error_line(error, path)) from error
        raise


@dataclass(frozen=True)
class StoredFile:
    """Generated content that is already on disk (in the output cache), ready to be linked
    into a tree instead of written again."""

    path: Path
    inode: int | None = field(default=None, compare=False)  # when known already: spares a stat
    sealed: bool = field(default=True, compare=False)  # an output-cache entry (`intact` is checked)

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()


Part = bytes | StoredFile  # a piece of a joined file: bytes, or a stored file's content


def joined_bytes(parts: Iterable[Part]) -> bytes:
    """The concatenation of `parts`, in memory."""
    return b"".join(part.read_bytes() if isinstance(part, StoredFile) else part for part in parts)


@dataclass(frozen=True)
class FileRange:
    """`length` bytes of a stored file from `start`: a run of pieces an earlier joined file
    holds in the order a new one needs them."""

    path: Path
    start: int
    length: int


def _append_file(source: Path, target_fd: int, start: int = 0, length: int | None = None) -> None:
    """Append `length` bytes of `source` from `start` (all of it by default) at `target_fd`'s
    position, in the kernel where it can."""
    with open(source, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        left = size - start if length is None else length
        if start + left > size:
            raise OSError(f"{source}: shorter than the range to copy")
        position = start
        try:
            while left > 0:
                copied = os.sendfile(target_fd, handle.fileno(), position, left)
                if copied == 0:
                    break
                position += copied
                left -= copied
        except OSError:  # a file system without sendfile between files: copy through here
            handle.seek(position)
            with open(target_fd, "wb", closefd=False) as target:
                while left > 0 and (chunk := handle.read(min(left, 1 << 20))):
                    target.write(chunk)
                    left -= len(chunk)
        if left:
            raise OSError(f"{source}: changed size while it was copied")


Generated = str | bytes | StoredFile  # what a build produces for one docs-relative path


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """Put `source`'s content at `target`: a hard link where the file system allows one."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
        os.chmod(target, 0o644)


def _sibling(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{kind}-{secrets.token_hex(4)}")


def recover(target: Path) -> None:
    """Undo what a killed build left beside `target`.

    A swap interrupted between its two renames (only where the atomic exchange is not
    available) leaves the old tree under `.NAME.old-*`: put it back. Half-built trees
    (`.NAME.building-*`) are deleted.
    """
    olds = sorted(target.parent.glob(f".{target.name}.old-*"))
    if olds and not target.exists():
        os.rename(olds.pop(), target)
    for leftover in [*olds, *target.parent.glob(f".{target.name}.building-*")]:
        shutil.rmtree(leftover)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where unsupported."""
    # The C library this process already has loaded: `find_library("c")` would run
    # `ldconfig -p` in a subprocess, 5 ms of every build.
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: the file system cannot exchange
        return False
    raise OSError(errno, os.strerror(errno), str(a))


def spare_tree(target: Path) -> Path:
    """Where the tree `target` held before the last swap is kept for the next build."""
    return target.with_name(f".{target.name}.previous")


def swap_in(staged: Path, target: Path, keep_old: bool = False) -> None:
    """Make the complete tree `staged` the new `target`. The old tree is deleted, or with
    `keep_old` kept as `spare_tree(target)`."""
    old = _swap(staged, target)
    if old is None:
        return
    if keep_old:
        shutil.rmtree(spare_tree(target), ignore_errors=True)  # a staging build normally took it
        os.rename(old, spare_tree(target))
    else:
        shutil.rmtree(old)


def _read_manifest(docs: Path) -> set[str]:
    manifest = docs / MANIFEST
    if not manifest.is_file():
        return set()
    lines = manifest.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def generated_files(docs: Path) -> list[str]:
    """The docs-relative paths the last build generated (from `docs/.generated`)."""
    return sorted(_read_manifest(docs))


def hand_written_files(docs: Path) -> dict[str, Path]:
    """docs-relative path → file, for every file in `docs/` that no build generated."""
    if not docs.is_dir():
        return {}
    generated = _read_manifest(docs) | {MANIFEST}
    found = {}
    for folder, _, names in os.walk(docs):  # os.walk: docs/ holds thousands of generated files
        relative_folder = os.path.relpath(folder, docs)
        for name in names:
            relative = name if relative_folder == "." else f"{relative_folder}/{name}"
            if relative not in generated and os.path.isfile(os.path.join(folder, name)):
                found[relative.replace(os.sep, "/")] = docs / relative
    return dict(sorted(found.items()))


def _fill_tree(root: Path, files: Mapping[str, Generated]) -> None:
    """Make `root` hold exactly `files`, changing only what differs from what it holds.

    `root` is empty, or a tree an earlier build published (`spare_tree`). A stored file
    that is already linked there (the same inode) stays; every other file is replaced,
    never written into: a linked file is shared with the output cache.
    """
    # No fsync per file: the tree becomes visible only through the atomic swap, and
    # a killed build never gets that far. Paths as strings: a rebuild links thousands of
    # files here, and pathlib's objects took a third of the time.
    base = os.fspath(root)
    held, folders = _files_in(base)
    for relative in held.keys() - files.keys():
        os.unlink(f"{base}/{relative}")
    made: set[str] = set()
    for relative, content in files.items():
        path = f"{base}/{relative}"
        inode = held.get(relative)
        if isinstance(content, StoredFile) and inode is not None and inode == (content.inode or _inode(content.path)):
            continue  # linked by an earlier build: the very file
        folder = path.rpartition("/")[0]
        if folder not in made:
            os.makedirs(folder, exist_ok=True)
            made.add(folder)
        if inode is not None:
            os.unlink(path)
        elif relative in folders:  # a folder then, a file now
            shutil.rmtree(path)
        if isinstance(content, StoredFile):
            if content.sealed and not intact(content.path):  # never publish a stored file edited since it was made
                raise WriteError(f"{content.path}: a stored file of the output cache was changed after it was "
                                 f"made (delete {content.path.parent.parent.parent} and build again)")
            link_or_copy(content.path, path)  # kept by the output cache: no need to write it again
        else:
            with open(path, "wb") as handle:
                handle.write(content.encode("utf-8") if isinstance(content, str) else content)
    for folder in sorted(folders, key=len, reverse=True):  # deepest first; only empty ones go
        try:
            os.rmdir(f"{base}/{folder}")
        except OSError:
            pass


def _files_in(base: str) -> tuple[dict[str, int], set[str]]:
    """(relative path → inode of every file, relative paths of the folders) under `base`."""
    files: dict[str, int] = {}
    folders: set[str] = set()
    pending = [""]
    while pending:
        relative_folder = pending.pop()
        with os.scandir(f"{base}/{relative_folder}" if relative_folder else base) as entries:
            for entry in entries:
                relative = f"{relative_folder}/{entry.name}" if relative_folder else entry.name
                if entry.is_dir(follow_symlinks=False):
                    folders.add(relative)
                    pending.append(relative)
                else:
                    files[relative] = entry.inode()
    return files, folders


def _inode(path: Path) -> int | None:
    try:
        return os.stat(path).st_ino
    except OSError:
        return None


def stage_docs(docs: Path, generated: Mapping[str, Generated]) -> Path:
    """A complete new `docs/` beside the old one: its hand-written files plus `generated`.

    Files the previous build generated are dropped, so a page whose event is gone goes
    too. A generated path that would overwrite a hand-written file is refused.
    """
    bad = sorted(p for p in generated if p.startswith("/") or ".." in p.split("/") or p == MANIFEST)
    if bad:
        raise WriteError(f"{docs / bad[0]}: generated path leaves the docs folder (report this as a bug)")
    hand_written = hand_written_files(docs)
    clashes = sorted(set(hand_written) & set(generated))
    if clashes:
        raise WriteError(f"{docs / clashes[0]}: a hand-written file has the path of a generated page "
                         f"(rename or move it)")
    staged = _sibling(docs, "building")
    try:
        os.rename(spare_tree(docs), staged)  # the tree the last build replaced, to update
    except OSError:
        staged.mkdir(parents=True)
    try:
        files: dict[str, Generated] = {p: source.read_bytes() for p, source in hand_written.items()}
        files.update(generated.items())
        files[MANIFEST] = MANIFEST_HEADER + "".join(f"{p}\n" for p in sorted(files.keys() - hand_written.keys()))
        _fill_tree(staged, files)
        for relative, source in hand_written.items():
            shutil.copystat(source, staged / relative)
    except BaseException as error:
        shutil.rmtree(staged)
        if (line := _in_target(error, staged, docs)) is not None:
            raise line from error
        raise
    return staged


def _in_target(error: BaseException, staged: Path, target: Path) -> OutputOSError | None:
    """An OS error as one line that names the file by its place in `target` (the staging
    folder is gone); None for any other error."""
    if not isinstance(error, OSError) or isinstance(error, WriteError) or not error.filename:
        return None
    shown = os.fsdecode(error.filename)
    for prefix in (os.fspath(staged.resolve()), os.fspath(staged)):  # MkDocs is given the resolved path
        if shown.startswith(prefix + os.sep):
            shown = os.fspath(target) + shown[len(prefix):]
            break
    return OutputOSError(os_error_line(error, shown))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def build_site(mkdocs_file: Path, docs_dir: Path, site: Path, counter: Any = None) -> Path:
    """Run `mkdocs build --strict` on `docs_dir` into a new folder beside `site`
    (`counter`: see `site_build.build`).

    Returns that folder for `swap_in`; on any warning or error it is removed and
    SiteBuildError carries MkDocs' own messages.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from .site_build import build as mkdocs_build  # MkDocs' build, its pages rendered on every core

    staged = _sibling(site, "building")
    collected = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collected)
    try:
        config = load_config(str(mkdocs_file), strict=True,
                             docs_dir=str(docs_dir.resolve()), site_dir=str(staged.resolve()))
        mkdocs_build(config, counter=counter)
    except MkDocsException as error:
        shutil.rmtree(staged, ignore_errors=True)
        details = "; ".join([*collected.messages, str(error)])
        raise SiteBuildError(f"{mkdocs_file}: the strict MkDocs build failed: {details} "
                             f"(fix the pages or mkdocs.yml; {site}/ keeps the last good site)") from None
    except BaseException as error:
        shutil.rmtree(staged, ignore_errors=True)
        if (line := _in_target(error, staged, site)) is not None:
            raise line from error
        raise
    finally:
        logger.removeHandler(collected)
    return staged


@contextmanager
def _unreported(name: str) -> Iterator[Any]:
    yield SimpleNamespace(done="")


def publish(generated: Mapping[str, Generated], docs: Path, site: Path | None,
            mkdocs_file: Path | None, stage: Callable[[str], ContextManager[Any]] = _unreported) -> None:
    """Write the generated files into `docs/` and rebuild `site/`, all or nothing.

    Both new trees are complete and the strict site build has passed before either
    replaces the old one. With `site` None only `docs/` is written. The two swaps are
    journalled (`_journal`): a build killed between them is completed by the next one.
    `stage(name)` times the two steps ("write", "site") for the command's progress lines.
    """
    complete_publish(docs)
    recover(docs)
    with stage("write") as step:
        staged_docs = stage_docs(docs, generated)
        step.done = f"{len(generated)} files"
    staged_site = None
    try:
        if site is not None and mkdocs_file is not None:
            with stage("site") as step:
                recover(site)
                staged_site = build_site(mkdocs_file, staged_docs, site, getattr(step, "counter", None))
                step.done = "mkdocs build --strict"
    except BaseException:
        shutil.rmtree(staged_docs)
        raise
    built_before = (docs / MANIFEST).is_file()
    if staged_site is not None:
        assert site is not None
        write_text(_journal(docs), json.dumps({"docs": os.stat(staged_docs).st_ino,
                                               "staged_site": os.fspath(staged_site.absolute()),
                                               "site": os.fspath(site.absolute())}))
    old_docs = _swap(staged_docs, docs)
    if staged_site is not None:
        try:
            old_site = _swap(staged_site, site)  # type: ignore[arg-type]
        except BaseException:
            _swap_back(old_docs, docs)  # the old docs/ goes with the old site/
            raise
        _journal(docs).unlink()
        if old_site is not None:
            shutil.rmtree(old_site)
    if old_docs is not None and built_before:
        shutil.rmtree(spare_tree(docs), ignore_errors=True)  # a staging build normally took it
        os.rename(old_docs, spare_tree(docs))
    else:
        if old_docs is not None:
            shutil.rmtree(old_docs)
        spare = _sibling(docs, "building")  # the old tree had no generated files: keep a linked copy of the new one
        spare.mkdir()
        _fill_tree(spare, {p: StoredFile(docs / p, sealed=False) for p in generated})
        os.rename(spare, spare_tree(docs))


def _swap(staged: Path, target: Path) -> Path | None:
    """Make `staged` the new `target`; where the old tree is now (None if there was none).
    Deleting or keeping the old tree is left until both trees are in."""
    if not target.exists():
        os.rename(staged, target)
        return None
    if _exchange(staged, target):
        return staged  # now holds the old tree
    old = _sibling(target, "old")
    os.rename(target, old)
    os.rename(staged, target)
    return old


def _swap_back(old: Path | None, target: Path) -> None:
    """Put the old tree back after the other swap failed (its staged tree becomes a leftover)."""
    if old is None:
        return
    try:
        if not _exchange(old, target):
            staged = _sibling(target, "building")
            os.rename(target, staged)
            os.rename(old, target)
    except OSError:
        pass  # the journal is still there: the next build completes the publish instead


def _journal(docs: Path) -> Path:
    """Written before `docs/` and `site/` are swapped, removed after both: which staged site
    goes with the staged docs (by the docs tree's inode, which a rename keeps)."""
    return docs.with_name(f".{docs.name}.publishing")


def complete_publish(docs: Path) -> None:
    """Finish what a build killed between its two swaps left: a new `docs/` beside the old
    `site/`. When its journal shows that `docs/` was swapped, the staged site goes in too;
    when it was not, neither goes in (the staged site is a leftover for `recover`)."""
    journal = _journal(docs)
    try:
        entry = json.loads(journal.read_text(encoding="utf-8"))
        swapped = docs.is_dir() and os.stat(docs).st_ino == entry["docs"]
        staged_site, site = Path(entry["staged_site"]), Path(entry["site"])
    except FileNotFoundError:
        return
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink(missing_ok=True)  # unreadable: the safe reading is "not swapped"
        return
    if swapped and staged_site.is_dir():
        swap_in(staged_site, site)
    journal.unlink()
