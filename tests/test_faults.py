"""Faults of the operating system while a build writes (a full disk, a read-only file
system, a folder without permission): whichever write fails, the build ends with one
`path: reason (what to do)` line and exit code 1, the last good output is kept, and the
next build succeeds.

The fault is injected at the Nth write of a small rebuild, for every N: each call that
creates, writes, renames, links or removes a file or folder counts as a write.
"""
from __future__ import annotations

import builtins
import errno
import io
import os
import re
import shutil
from pathlib import Path
from typing import Any, Callable

import pytest
from click.testing import CliRunner

import generator.memo as memo
import generator.parallel as parallel
import generator.workers as workers
import generator.write as write
from conftest import copy_build_inputs
from test_cli import problem_lines
from generator.cli import main

CLI_FIXTURES = Path(__file__).parent / "fixtures" / "cli"
ONE_LINE = re.compile(r"[^\n]+: [^\n]+ \([^\n]+\)\n")
SECOND_ARTICLE = ("Baltic ministers meet in Riga\n"
                  "Latvian Prime Minister Inga Berzina met Lithuanian President Tomas Vilkas in Riga on Friday, "
                  "17 March 2023, to discuss rail links. Both said the talks had been useful.\n")


class Faults:
    """Counts writes; the `fail_at`th one (1-based) raises OSError(`code`) instead of writing."""

    def __init__(self, fail_at: int | None, code: int) -> None:
        self.fail_at, self.code, self.count = fail_at, code, 0

    def check(self, path: Any) -> None:
        self.count += 1
        if self.count == self.fail_at:
            raise OSError(self.code, os.strerror(self.code), os.fspath(path) if path is not None else None)

    def wrap(self, function: Callable[..., Any], writes: Callable[..., bool] = lambda *a, **k: True
             ) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if writes(*args, **kwargs):
                self.check(args[0] if args and isinstance(args[0], (str, bytes, os.PathLike)) else None)
            return function(*args, **kwargs)
        return wrapped


def _opens_for_writing(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> bool:
    return isinstance(file, (str, bytes, os.PathLike)) and any(c in mode for c in "wax+")


def _os_opens_for_writing(path: Any, flags: int, *args: Any, **kwargs: Any) -> bool:
    return bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))


def inject(monkeypatch: pytest.MonkeyPatch, faults: Faults) -> None:
    for name in ("replace", "rename", "link", "mkdir", "unlink", "rmdir", "chmod", "sendfile", "fsync"):
        monkeypatch.setattr(os, name, faults.wrap(getattr(os, name)))
    monkeypatch.setattr(os, "open", faults.wrap(os.open, _os_opens_for_writing))
    monkeypatch.setattr(builtins, "open", faults.wrap(builtins.open, _opens_for_writing))
    monkeypatch.setattr(io, "open", faults.wrap(io.open, _opens_for_writing))
    monkeypatch.setattr(write, "_exchange", faults.wrap(write._exchange))  # renameat2 through ctypes


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A workspace built once (its docs/ is the last good output) and given a second
    article; the docs/ a successful rebuild then publishes."""
    folder = copy_build_inputs(tmp_path_factory.mktemp("faults") / "ws", CLI_FIXTURES / "good_corpus" / "articles")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        assert _build().exit_code == 0
        good = _docs(folder)
        (folder / "corpus" / "articles" / "riga.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
        probe = _copy(folder, tmp_path_factory.mktemp("probe"))
        patch.chdir(probe)
        assert _build().exit_code == 0
        new = _docs(probe)
    assert new != good
    return folder, good, new


def _build() -> Any:
    return CliRunner().invoke(main, ["build", "--no-site"], catch_exceptions=False)


def _docs(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted((folder / "docs").rglob("*"))
            if p.is_file()}


def _copy(folder: Path, target: Path) -> Path:
    shutil.copytree(folder, target / "ws", symlinks=True)
    return target / "ws"


def _writes_of_a_rebuild(folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    copy = _copy(folder, tmp_path / "count")
    monkeypatch.chdir(copy)
    faults = Faults(None, errno.ENOSPC)
    with monkeypatch.context() as patch:
        inject(patch, faults)
        assert _build().exit_code == 0
    return faults.count


@pytest.fixture(autouse=True)
def one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every step in this process, so the writes are counted in one place and in one order."""
    for module in (workers, parallel, memo):
        monkeypatch.setattr(module, "default_jobs", lambda: 1)


# A full disk at every write; the other errors take the same paths, so every seventh write.
@pytest.mark.parametrize("code, every", [(errno.ENOSPC, 1), (errno.EROFS, 7), (errno.EACCES, 7)],
                         ids=["ENOSPC", "EROFS", "EACCES"])
def test_a_fault_at_any_write_keeps_the_last_good_output_and_says_one_line(
        prepared, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, every: int) -> None:
    folder, good, new = prepared
    total = _writes_of_a_rebuild(folder, tmp_path, monkeypatch)
    assert total > 20
    failed = 0
    for n in range(1, total + 1, every):
        copy = _copy(folder, tmp_path / f"n{n}")
        monkeypatch.chdir(copy)
        with monkeypatch.context() as patch:
            inject(patch, Faults(n, code))
            result = _build()
        if result.exit_code == 0:  # a write that may fail: making a folder that exists, a cache entry
            assert problem_lines(result.stderr) == [] and _docs(copy) == new, n
            continue
        failed += 1
        assert result.exit_code == 1, (n, result.output)
        [problem] = problem_lines(result.stderr)  # besides the stage lines, one line
        assert ONE_LINE.fullmatch(problem + "\n"), (n, result.stderr)
        assert os.strerror(code) in result.stderr
        assert _docs(copy) in (good, new), n  # the last good docs/, or the new one complete
        again = _build()  # with the fault gone, the next build repairs whatever was left
        assert again.exit_code == 0, (n, again.output)
        assert _docs(copy) == new, n
        shutil.rmtree(copy)
    assert failed > total // every // 2  # most writes are needed for the output


def test_a_full_disk_while_mkdocs_writes_the_site_keeps_both_trees(prepared, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import mkdocs.commands.build as mkdocs_build

    folder, _, _ = prepared
    copy = _copy(folder, tmp_path)
    monkeypatch.chdir(copy)
    (copy / "corpus" / "articles" / "riga.txt").unlink()
    assert CliRunner().invoke(main, ["build"], catch_exceptions=False).exit_code == 0  # the last good site
    good = {**_docs(copy), **{p.relative_to(copy).as_posix(): p.read_bytes() for p in (copy / "site").rglob("*")
                              if p.is_file()}}
    (copy / "corpus" / "articles" / "riga.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    faults = Faults(3, errno.ENOSPC)
    write_file = mkdocs_build.utils.write_file

    def write_page(content: bytes, output_path: str) -> None:  # the 3rd page MkDocs writes finds the disk full
        faults.check(output_path)
        write_file(content, output_path)

    monkeypatch.setattr(mkdocs_build.utils, "write_file", write_page)
    result = CliRunner().invoke(main, ["build"], catch_exceptions=False)
    assert result.exit_code == 1
    [problem] = problem_lines(result.stderr)
    assert ONE_LINE.fullmatch(problem + "\n") and problem.startswith("site/")
    now = {**_docs(copy), **{p.relative_to(copy).as_posix(): p.read_bytes() for p in (copy / "site").rglob("*")
                             if p.is_file()}}
    assert now == good
