"""The output cache (`generator/memo.py`): a rebuild reuses what did not change, and
what it builds is exactly what a clean build of the same inputs builds."""
from __future__ import annotations

import os
import shutil
import stat
from dataclasses import replace
from pathlib import Path
from typing import Callable

import pytest

from conftest import REPO, copy_build_inputs
from generator.build import EVENT_INDEX, build, fact_pieces_yaml
from generator.config import BuildConfig
from generator.memo import Memo, Part
from generator.validate import record_yaml
from generator.write import MANIFEST, Generated, StoredFile, WriteError, joined_bytes

DEVSET = REPO / "tests" / "fixtures" / "devset" / "articles"


def _kept_page(folder: Path) -> tuple[StoredFile, Callable[[], str], list[int]]:
    """A page stored once in a new output cache, the function that made it, and its calls."""
    calls: list[int] = []

    def make() -> str:
        calls.append(1)
        return "# Page\n"

    first = Memo(folder)
    kept = first.file("page", ("input", 1), make)
    first.flush()
    assert isinstance(kept, StoredFile) and kept.path.read_text(encoding="utf-8") == "# Page\n"
    return kept, make, calls


def test_a_kept_file_is_reused_without_making_it_again(tmp_path: Path) -> None:
    kept, make, calls = _kept_page(tmp_path)
    assert not kept.path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)  # never edited in place
    again = Memo(tmp_path).file("page", ("input", 1), make)
    assert again == kept and len(calls) == 1
    later = Memo(tmp_path)
    other = later.file("page", ("input", 2), make)
    later.flush()
    assert other != kept and len(calls) == 2


def test_a_joined_file_is_made_at_once_from_pieces_and_kept_whole(tmp_path: Path) -> None:
    calls = []

    def joined(memo: Memo) -> list[Part]:
        calls.append(1)
        one, two = memo.pieces("piece", [(n, lambda n=n: str(n)) for n in (1, 2)])
        return [b"[", one, b",", two, b"]"]  # stored pieces between bytes, joined on disk

    first = Memo(tmp_path)
    kept = first.joined("dataset", ("all", 1, 2), lambda: joined(first))
    assert isinstance(kept, StoredFile) and kept.path.read_bytes() == b"[1,2]" and first.made == 3
    again = Memo(tmp_path)
    assert again.joined("dataset", ("all", 1, 2), lambda: joined(again)) == kept
    assert len(calls) == 1 and again.reused == 1 and again.made == 0
    assert Memo(None).joined("dataset", ("all", 1, 2), lambda: joined(Memo(None))) == b"[1,2]"
    assert Memo(None).joined("dataset", ("all", 1, 2), lambda: b"bytes") == b"bytes"


def test_a_reused_joined_file_keeps_its_pieces_for_the_next_change(tmp_path: Path) -> None:
    made: list[int] = []

    def joined(memo: Memo, items: tuple[int, ...]) -> list[Part]:
        return memo.pieces("piece", [(n, lambda n=n: made.append(n) or str(n)) for n in items])

    def build(items: tuple[int, ...]) -> Memo:
        memo = Memo(tmp_path)
        memo.joined("dataset", ("all", *items), lambda: joined(memo, items))
        memo.prune()
        return memo

    build((1, 2, 3))
    build((1, 2, 3))  # reused whole: its pieces are not asked for, yet must outlive `prune`
    assert made == [1, 2, 3]
    changed = build((1, 2, 4))
    assert made == [1, 2, 3, 4] and changed.made == 2  # the new piece and the joined file


def test_a_joined_file_copies_the_runs_of_pieces_its_last_version_holds(tmp_path: Path, monkeypatch) -> None:
    import generator.write as write

    def joined(memo: Memo, items: list[int]) -> Generated:
        def parts() -> list[Part]:
            pieces = memo.pieces("piece", [(n, lambda n=n: f"<{n}>") for n in items])
            return [b"[", *(part for piece in pieces for part in (piece, b",")), b"]"]
        return memo.joined("list", tuple(items), parts, lineage="list.txt")

    def text(items: list[int]) -> bytes:
        return b"[" + b"".join(f"<{n}>,".encode() for n in items) + b"]"

    copies: list[object] = []
    append = write._append_file
    monkeypatch.setattr(write, "_append_file", lambda *args: copies.append(args[2:]) or append(*args))
    first = joined(Memo(tmp_path), list(range(100)))
    assert first.read_bytes() == text(list(range(100))) and len(copies) == 100  # piece by piece
    for items in ([*range(50), 1000, *range(50, 100)], [*range(30), *range(31, 100)], [99, *range(99)]):
        copies.clear()
        memo = Memo(tmp_path)
        assert joined(memo, items).read_bytes() == text(items)
        assert len(copies) <= 4  # a range of the last version's pieces around each change, and new pieces
        memo.prune()


def test_inputs_digest_by_value_not_by_identity(tmp_path: Path) -> None:
    memo = Memo(None)
    assert memo.key("page", {"b": [1, 2], "a": frozenset({"x", "y"})}) == \
        memo.key("page", {"a": frozenset({"y", "x"}), "b": [1, 2]})
    assert memo.key("page", [1, 2]) != memo.key("other", [1, 2])
    assert memo.digest(("same",)) == Memo(None).digest(("same",))


def test_without_a_folder_every_file_is_made_once_per_build() -> None:
    memo = Memo(None)
    made = [memo.file("page", "x", lambda: "text"), memo.file("page", "x", lambda: "other")]
    assert made == ["text", "text"] and memo.made == 1


def test_prune_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    old = Memo(tmp_path)
    stale = old.file("page", "old", lambda: "old")
    old.flush()
    (tmp_path / "0123456789ab").mkdir()  # another generator version's entries
    new = Memo(tmp_path)
    kept = new.file("page", "new", lambda: "new")
    new.flush()
    new.prune()
    assert isinstance(stale, StoredFile) and isinstance(kept, StoredFile)
    assert not stale.path.exists() and kept.path.exists()
    assert [p.name for p in tmp_path.iterdir()] == [new.version]


def docs_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "docs").rglob("*")) if p.is_file()}


def run(root: Path) -> None:
    report = build(BuildConfig(root=root, run_mkdocs=False))
    assert not report.errors, report.errors


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One workspace taken through a series of edits, rebuilding after each. Every event
    with two facts or more has its YAML joined from pieces here (the clean build it is
    compared with writes each whole)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generator.build.PIECEWISE_FACTS", 2)
        return _edited_workspace(tmp_path_factory)


def _edited_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_build_inputs(tmp_path_factory.mktemp("incremental"))
    articles = root / "corpus" / "articles"
    names = sorted(p.name for p in DEVSET.iterdir())
    for name in names[:-2]:
        shutil.copy2(DEVSET / name, articles / name)
    run(root)
    shutil.copy2(DEVSET / names[-2], articles / names[-2])  # an article added
    run(root)
    shutil.copy2(DEVSET / names[-1], articles / names[-1])
    (articles / names[0]).unlink()  # one removed
    run(root)
    edited = articles / names[1]
    edited.write_text(edited.read_text(encoding="utf-8").replace(".", ". ", 1), encoding="utf-8")
    run(root)
    event = next(p.stem for p in (root / "docs" / "data" / "events").glob("*.yaml"))
    (root / "corpus" / "curation.yaml").write_text(
        f"actions:\n  - action: set_title\n    event: {event}\n    title: A title an editor chose\n", encoding="utf-8")
    shutil.copy2(root / "docs" / EVENT_INDEX, root.parent / "previous-events.json")
    run(root)
    return root


def test_rebuilds_give_what_a_clean_build_gives(history: Path, tmp_path: Path) -> None:
    clean = copy_build_inputs(tmp_path / "clean", history / "corpus" / "articles")
    shutil.copy2(history / "corpus" / "curation.yaml", clean / "corpus" / "curation.yaml")
    # the same last build to redirect from: event ids that changed along the way keep their addresses
    shutil.copy2(history.parent / "previous-events.json", clean / "docs" / EVENT_INDEX)
    (clean / "docs" / MANIFEST).write_text(f"{EVENT_INDEX}\n", encoding="utf-8")
    run(clean)
    rebuilt, fresh = docs_files(history), docs_files(clean)
    assert (sorted(set(rebuilt) - set(fresh)), sorted(set(fresh) - set(rebuilt))) == ([], [])
    assert [p for p in fresh if rebuilt[p] != fresh[p]] == []
    assert any("A title an editor chose" in text.decode("utf-8") for path, text in fresh.items()
               if path.startswith("docs/people/"))  # a page that shows the event's title only


def test_an_event_joined_from_its_facts_reads_as_written_whole(render_corpus, tmp_path: Path) -> None:
    _, linked = render_corpus
    event = max(linked.events, key=lambda e: len(e.participants) + len(e.outcomes))
    assert len(event.participants) > 1 and len(event.outcomes) > 1
    whole = record_yaml(event, "e.yaml").encode("utf-8")
    assert joined_bytes(fact_pieces_yaml(event, "e.yaml", Memo(None))) == whole
    first = Memo(tmp_path)
    assert joined_bytes(fact_pieces_yaml(event, "e.yaml", first)) == whole and first.reused == 0
    changed = replace(event, outcomes=(replace(event.outcomes[0], text="Changed."), *event.outcomes[1:]))
    again = Memo(tmp_path)
    assert joined_bytes(fact_pieces_yaml(changed, "e.yaml", again)) == record_yaml(changed, "e.yaml").encode("utf-8")
    assert again.made == 1 and again.reused == first.made - 1  # only the changed outcome is written again


def test_a_rebuild_with_nothing_changed_reuses_every_file(history: Path) -> None:
    before = {p: os.stat(p).st_ino for p in sorted((history / "docs").rglob("*.md"))}
    run(history)
    after = {p: os.stat(p).st_ino for p in sorted((history / "docs").rglob("*.md"))}
    generated = [p for p in before if not p.name.startswith("index") and "/docs/" in str(p)
                 and p.parent.name in ("events", "people", "places", "sources")]
    assert generated and all(after[p] == before[p] for p in generated)  # the same kept file, linked again


def test_a_kept_file_is_copied_where_it_cannot_be_linked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from generator import write

    cache = Memo(tmp_path / "cache")
    kept = cache.file("page", "x", lambda: "text")
    cache.flush()
    assert isinstance(kept, StoredFile)

    def cross_device(source: object, target: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(write.os, "link", cross_device)
    write.link_or_copy(kept.path, tmp_path / "page.md")
    assert (tmp_path / "page.md").read_text(encoding="utf-8") == "text"
    assert (tmp_path / "page.md").stat().st_ino != kept.path.stat().st_ino


def test_many_queued_files_are_made_in_workers_and_a_failure_raises_its_own_error(tmp_path: Path) -> None:
    from generator import memo as memo_module

    memo = Memo(tmp_path)
    count = memo_module.PARALLEL_FILES + 8
    files = [memo.file("page", n, lambda n=n: f"page {n}\n") for n in range(count)]
    assert all(isinstance(f, StoredFile) and not f.path.exists() for f in files)  # queued, not made yet
    memo.flush()
    assert [f.read_bytes().decode() for f in files if isinstance(f, StoredFile)] == [f"page {n}\n" for n in range(count)]

    def broken() -> str:
        raise ValueError("cannot make this page")

    failing = Memo(tmp_path / "other")
    for n in range(count):
        failing.file("page", n, broken if n == 3 else (lambda n=n: f"page {n}\n"))
    with pytest.raises(ValueError, match="cannot make this page"):
        failing.flush()


def _edit_in_place(path: Path, text: str, keep_time: bool = False) -> None:
    """What an editor does to a read-only file it is allowed to change: same inode, new content."""
    before = path.stat()
    path.chmod(0o644)
    with open(path, "r+b") as handle:
        handle.truncate(0)
        handle.write(text.encode("utf-8"))
    path.chmod(0o444)
    if keep_time:  # a deliberate forgery: the old modification time put back
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_stored_file_edited_in_place_is_made_again(tmp_path: Path) -> None:
    kept, make, calls = _kept_page(tmp_path)
    _edit_in_place(kept.path, "# Defaced\n")
    again = Memo(tmp_path)
    remade = again.file("page", ("input", 1), make)
    again.flush()
    assert len(calls) == 2 and again.made == 1
    assert isinstance(remade, StoredFile) and remade.path.read_text(encoding="utf-8") == "# Page\n"


@pytest.fixture
def built_once(tmp_path: Path) -> tuple[BuildConfig, Path, str]:
    """A workspace built once, and one of its generated files (a hard link to its cache entry)."""
    copy_build_inputs(tmp_path, DEVSET)
    config = BuildConfig(root=tmp_path, run_mkdocs=False)
    build(config)
    page = sorted((tmp_path / "docs" / "data" / "articles").iterdir())[0]
    assert page.stat().st_nlink > 1  # shared with the output cache
    return config, page, page.read_text(encoding="utf-8")


def test_a_tampered_stored_page_is_remade_and_never_published(built_once) -> None:
    config, page, good = built_once
    _edit_in_place(page, "id: defaced\n")  # the cache entry too: one inode
    for tree in ("docs", ".docs.previous"):
        shutil.rmtree(config.root / tree, ignore_errors=True)
    copy_build_inputs(config.root)  # the hand-written docs back, the generated ones gone
    build(config)
    assert page.read_text(encoding="utf-8") == good
    assert not any("defaced" in p.read_text(encoding="utf-8") for p in (config.root / "docs").rglob("*.yaml"))


def test_a_stored_page_whose_seal_was_forged_is_not_published(built_once) -> None:
    config, page, _ = built_once
    _edit_in_place(page, "id: defaced\n", keep_time=True)
    shutil.rmtree(config.root / "docs")
    shutil.rmtree(config.root / ".docs.previous")
    copy_build_inputs(config.root)
    with pytest.raises(WriteError, match="changed after it was made"):
        build(config)
    assert not page.exists()
