"""Compare the rebuild after adding one article with the code of another revision.

    .venv/bin/python bench/compare.py REV                  # 1,000 articles, 6 rounds
    .venv/bin/python bench/compare.py REV --size 100 --rounds 3

Times on a shared machine drift by a third within the hour, so two `bench/run.py` runs
taken at different times say little about a change. This checks REV out in a git
worktree (`bench/out/rev-<REV>/`), builds the same synthetic workspace once with each
code (`--no-site`), then times the rebuild after `factsheet add` of the same new article
with REV and with the working tree in turns, so that both see the same load. Each code
is byte-compiled first (as `make` does) and keeps its derived data in its own cache
folder. Prints every time and the medians.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import OUT, PYTHON, REPO, SOURCE, corpus_sentences, synthetic_article, workspace


def checkout(rev: str) -> Path:
    """A worktree of `rev` (made once, kept under bench/out/)."""
    folder = OUT / f"rev-{rev}"
    if not folder.is_dir():
        subprocess.run(["git", "worktree", "add", "--detach", str(folder), rev], cwd=REPO, check=True,
                       capture_output=True)
    return folder


def environment(code: Path, name: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code), "SOURCE_DATE_EPOCH": "1700000000",
            "FACTSHEET_CACHE": str(OUT / f"compare-cache-{name}")}


def built_workspace(code: Path, name: str, size: int) -> Path:
    """`run.workspace` for `code`, built once (no site), with the code byte-compiled as
    `make` leaves it."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(code / "generator")], check=True, capture_output=True)
    folder = workspace(size, f"compare-{name}", code)
    done = subprocess.run([PYTHON, "-m", "generator", "build", "--no-site"], cwd=folder, env=environment(code, name),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"compare: the first build with {name} went wrong:\n{done.stdout}{done.stderr}")
    return folder


def rebuild_seconds(base: Path, code: Path, name: str, article: Path) -> float:
    """A copy of the built workspace, one article added, then the timed `factsheet build --no-site`.
    Copied with `cp -a`, which keeps the hard links between docs/ and the cache, as a build left them."""
    work = OUT / "compare-work"
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run(["cp", "-a", str(base), str(work)], check=True)
    env = environment(code, name)
    subprocess.run([PYTHON, "-m", "generator", "add", str(article)], cwd=work, env=env, check=True,
                   capture_output=True)
    start = time.perf_counter()
    done = subprocess.run([PYTHON, "-m", "generator", "build", "--no-site"], cwd=work, env=env,
                          capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0 or "extracted: 1," not in done.stdout:
        raise SystemExit(f"compare: the rebuild with {name} went wrong:\n{done.stdout}{done.stderr}")
    return seconds


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the revision to compare with (a commit, tag or branch)")
    parser.add_argument("--size", type=int, default=1000, help="articles in the workspace")
    parser.add_argument("--rounds", type=int, default=6, help="rebuilds with each code")
    args = parser.parse_args(argv)
    codes = {args.rev: checkout(args.rev), "working tree": REPO}
    bases = {name: built_workspace(code, name.replace(" ", "-"), args.size) for name, code in codes.items()}
    name, content = synthetic_article(args.size, 1, corpus_sentences(SOURCE))
    article = OUT / f"new-{name}"
    article.write_text(content, encoding="utf-8")
    times: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(args.rounds):
        for name, code in codes.items():
            times[name].append(rebuild_seconds(bases[name], code, name.replace(" ", "-"), article))
    for name, seconds in times.items():
        print(f"{name}: rebuild after adding one article to {args.size}: "
              f"{', '.join(f'{s:.2f}' for s in seconds)} s; median {statistics.median(seconds):.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
