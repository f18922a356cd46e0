"""The writer: atomic files, atomic trees, kill safety, and the strict site build."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml

from generator import write
from generator.write import (MANIFEST, SiteBuildError, StoredFile, WriteError, dump_yaml, publish, recover,
                             stage_docs, swap_in, write_parts, write_text)

MINIMAL_MKDOCS = "site_name: Test\ntheme:\n  name: mkdocs\n"


def tree(root: Path) -> dict[str, str]:
    """Every file under `root` (dotfiles too) with its text (binary files: their bytes' repr)."""
    return {p.relative_to(root).as_posix(): p.read_bytes().decode("utf-8", "backslashreplace")
            for p in sorted(root.rglob("*")) if p.is_file()}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".building-" in p.name or ".old-" in p.name
                  or p.name.endswith(".tmp"))


def test_dump_yaml_keeps_order_unicode_and_long_lines():
    quote = "Poetin zei: „Wij zijn tevreden” " + "heel lang " * 40
    text = dump_yaml({"zeta": 1, "alpha": [{"quote": quote, "start": 0}], "same": [quote, quote]})
    assert text.splitlines()[0] == "zeta: 1"
    assert text.splitlines()[1] == "alpha:"
    assert "„Wij zijn tevreden”" in text  # not \u escapes
    assert "&id" not in text and "*id" not in text  # repeated values written out, no aliases
    assert all(len(line) > 400 for line in text.splitlines() if "heel lang" in line)  # never folded
    assert yaml.safe_load(text)["alpha"][0]["quote"] == quote


def test_write_text_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "sub" / "record.yaml"
    write_text(target, "one\n")
    write_text(target, "two\n")
    assert target.read_text() == "two\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["record.yaml"]
    assert oct(target.stat().st_mode & 0o777) == "0o644"


@pytest.mark.parametrize("kernel_copy", [True, False])
def test_write_parts_joins_bytes_and_stored_files_in_order(tmp_path, monkeypatch, kernel_copy):
    if not kernel_copy:  # a file system that cannot sendfile between files: copied through Python
        monkeypatch.setattr(os, "sendfile", lambda *args: (_ for _ in ()).throw(OSError(22, "Invalid argument")))
    pieces = []
    for number, text in enumerate(["één\n", "", "x" * 300_000]):
        pieces.append(tmp_path / f"piece-{number}")
        pieces[-1].write_text(text, encoding="utf-8")
    target = tmp_path / "out" / "joined.json"
    write_parts(target, [b"[", StoredFile(pieces[0]), b",", StoredFile(pieces[1]), StoredFile(pieces[2]), b"]"],
                mode=0o444)
    assert target.read_bytes() == "[één\n,".encode() + b"x" * 300_000 + b"]"
    assert oct(target.stat().st_mode & 0o777) == "0o444"
    assert sorted(p.name for p in target.parent.iterdir()) == ["joined.json"]


def test_write_text_that_fails_part_way_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "record.yaml"
    write_text(target, "good\n")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        write_text(target, "half written\n")
    assert target.read_text() == "good\n"
    assert leftovers(tmp_path) == []


def test_swap_in_replaces_a_tree_whole(tmp_path):
    target = tmp_path / "docs"
    (target / "old").mkdir(parents=True)
    (target / "old" / "page.md").write_text("old")
    staged = tmp_path / ".docs.building-1"
    staged.mkdir()
    (staged / "new.md").write_text("new")
    swap_in(staged, target)
    assert tree(target) == {"new.md": "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_swap_in_without_atomic_exchange_also_replaces(tmp_path, monkeypatch):
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    target = tmp_path / "site"
    target.mkdir()
    (target / "index.html").write_text("old")
    staged = tmp_path / ".site.building-1"
    staged.mkdir()
    (staged / "index.html").write_text("new")
    swap_in(staged, target)
    assert tree(target) == {"index.html": "new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_recover_puts_back_a_tree_a_killed_swap_moved_away(tmp_path):
    (tmp_path / ".site.old-ab12").mkdir()
    (tmp_path / ".site.old-ab12" / "index.html").write_text("last good")
    (tmp_path / ".site.building-cd34").mkdir()
    recover(tmp_path / "site")
    assert tree(tmp_path / "site") == {"index.html": "last good"}
    assert leftovers(tmp_path) == []


def test_stage_docs_keeps_hand_written_pages_and_drops_stale_generated_ones(tmp_path):
    docs = tmp_path / "docs"
    (docs / "guide").mkdir(parents=True)
    (docs / "guide" / "cli.md").write_text("# CLI")
    swap_in(stage_docs(docs, {"events/a.md": "A", "index.md": "home"}), docs)
    swap_in(stage_docs(docs, {"events/b.md": "B", "index.md": "home 2"}), docs)
    assert tree(docs) == {
        MANIFEST: write.MANIFEST_HEADER + "events/b.md\nindex.md\n",
        "events/b.md": "B",
        "guide/cli.md": "# CLI",
        "index.md": "home 2",
    }


def test_stage_docs_refuses_to_overwrite_a_hand_written_page(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# Written by an editor")
    with pytest.raises(WriteError) as caught:
        stage_docs(docs, {"index.md": "generated"})
    assert str(caught.value) == (f"{docs}/index.md: a hand-written file has the path of a generated page "
                                 "(rename or move it)")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("bad", ["../outside.md", "/etc/passwd"])
def test_stage_docs_refuses_paths_outside_docs(tmp_path, bad):
    with pytest.raises(WriteError, match="generated path leaves the docs folder"):
        stage_docs(tmp_path / "docs", {bad: "x"})


def test_publish_builds_the_site_with_mkdocs(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(MINIMAL_MKDOCS)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "about.md").write_text("# About\n")
    publish({"index.md": "# Home\n\n[About](about.md)\n"}, tmp_path / "docs", tmp_path / "site",
            tmp_path / "mkdocs.yml")
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "about" / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".docs.previous", "docs", "mkdocs.yml", "site"]


def test_a_rebuild_changes_only_the_files_that_changed_in_the_tree_it_keeps(tmp_path, monkeypatch):
    stored = {}
    for name in "abc":
        stored[name] = tmp_path / "cache" / name
        write.write_bytes(stored[name], name.upper().encode(), mode=0o444, sealed=True)
    docs = tmp_path / "docs"
    publish({"events/a.md": StoredFile(stored["a"]), "events/b.md": StoredFile(stored["b"]), "index.md": "home"},
            docs, None, None)
    assert write.spare_tree(docs).is_dir()  # a linked copy, for the next build to update
    generated = {"events/a.md": StoredFile(stored["a"]), "events/c/index.md": StoredFile(stored["c"]),
                 "index.md": "home 2"}
    for before in ("home", "home 2"):  # the tree kept is the one the build replaced
        linked = []
        monkeypatch.setattr(write, "link_or_copy", lambda source, target: linked.append(Path(source).name)
                            or os.link(source, target))
        publish(generated, docs, None, None)
        assert linked == ["c"]  # a was linked already; b is gone; index.md is written
        assert tree(docs) == {MANIFEST: write.MANIFEST_HEADER + "events/a.md\nevents/c/index.md\nindex.md\n",
                              "events/a.md": "A", "events/c/index.md": "C", "index.md": "home 2"}
        assert (docs / "events" / "a.md").stat().st_ino == stored["a"].stat().st_ino
        assert tree(write.spare_tree(docs))["index.md"] == before  # replaced, never written into
    assert [p.read_text() for p in stored.values()] == ["A", "B", "C"]
    assert leftovers(tmp_path) == []


def test_a_failed_strict_build_replaces_nothing(tmp_path):
    (tmp_path / "mkdocs.yml").write_text(MINIMAL_MKDOCS)
    docs, site = tmp_path / "docs", tmp_path / "site"
    publish({"index.md": "# Home\n"}, docs, site, tmp_path / "mkdocs.yml")
    before_docs, before_site = tree(docs), tree(site)
    with pytest.raises(SiteBuildError) as caught:
        publish({"index.md": "# Home\n\n[gone](missing.md)\n"}, docs, site, tmp_path / "mkdocs.yml")
    message = str(caught.value)
    assert message.startswith(f"{tmp_path / 'mkdocs.yml'}: the strict MkDocs build failed: ")
    assert "missing.md" in message and message.endswith(f"(fix the pages or mkdocs.yml; {site}/ keeps the last good site)")
    assert tree(docs) == before_docs and tree(site) == before_site
    assert leftovers(tmp_path) == []


def test_an_exception_while_writing_the_tree_replaces_nothing(tmp_path):
    docs = tmp_path / "docs"
    publish({"index.md": "v1"}, docs, None, None)

    class Exploding(dict):
        def items(self):
            yield "index.md", "v2"
            raise KeyboardInterrupt  # stands in for any interruption mid-write

    with pytest.raises(KeyboardInterrupt):
        publish(Exploding(), docs, None, None)
    assert tree(docs)["index.md"] == "v1"
    assert leftovers(tmp_path) == []


def test_kill_9_during_a_build_leaves_the_last_good_output(tmp_path):
    docs = tmp_path / "docs"
    publish({f"events/{n}.md": "v1" for n in range(3)}, docs, None, None)
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from generator.write import publish

        class Slow(dict):
            def items(self):
                for n in range(1000):
                    if n == 2:
                        print("writing", flush=True)
                    time.sleep(0.01)
                    yield f"events/{{n}}.md", "v2"

        publish(Slow(), Path({str(docs)!r}), None, None)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parent.parent)
    assert child.stdout.readline() == "writing\n"
    time.sleep(0.1)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert {k: v for k, v in tree(docs).items() if k != MANIFEST} == {f"events/{n}.md": "v1" for n in range(3)}
    assert leftovers(tmp_path) != []  # the half-built tree is still there ...
    publish({"events/0.md": "v3"}, docs, None, None)
    assert leftovers(tmp_path) == []  # ... until the next build clears it
    assert tree(docs)["events/0.md"] == "v3"
