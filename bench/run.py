"""Measure extraction speed, build times, memory and the search data a reader downloads on synthetic corpora.

    .venv/bin/python bench/run.py                 # 100 and 1,000 articles, plus extraction of 10,000
    .venv/bin/python bench/run.py --sizes 100     # quicker
    .venv/bin/python bench/run.py --no-10k        # skip the 10,000-article extraction
    .venv/bin/python bench/run.py --rounds 5      # time the rebuild five times (default 3)

Corpora come from `bench/synth.py` (seeded, so every run measures the same articles).
Each measurement runs in a fresh process, so imports and caches start cold where they
should; builds run `factsheet build` in a workspace under `bench/out/` (mkdocs.yml,
the hand-written docs and the synthetic corpus). Peak memory is the largest resident
set of the measured process and its workers (getrusage of the children). The table
goes to standard output and to `bench/out/results.md`.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from statistics import median

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))
from search_weight import kb, weigh  # noqa: E402
from synth import SOURCE, corpus_sentences, generate, synthetic_article  # noqa: E402  (bench/ is not a package)

sys.path.insert(0, str(REPO))
from generator.write import generated_files, hand_written_files  # noqa: E402

PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": "1700000000"}

# Run a command and print the peak RSS (KiB) of it and all its descendants.
MEASURED = ("import json, resource, subprocess, sys, time; t = time.perf_counter(); "
            "r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
            "print(json.dumps({'code': r.returncode, 'seconds': time.perf_counter() - t, "
            "'maxrss_kib': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
            "'stdout': r.stdout, 'stderr': r.stderr}))")

# Cold start: import the pipeline and extract one article, in a fresh interpreter.
LOAD = """
import json, sys, time
start = time.perf_counter()
from generator.extract import extract_article
from generator.read import read_article
imported = time.perf_counter()
from pathlib import Path
extract_article(read_article(Path(sys.argv[1])))
done = time.perf_counter()
print(json.dumps({"import": imported - start, "first": done - imported, "total": done - start}))
"""

# Serial extraction in one process (after one warm-up article): articles/s and tokens/s per core.
SERIAL = """
import json, resource, sys, time
from pathlib import Path
from generator.extract import extract_article
from generator.read import read_corpus
articles = read_corpus(Path(sys.argv[1])).articles[: int(sys.argv[2])]
extract_article(articles[0])
start = time.perf_counter()
for article in articles:
    extract_article(article)
seconds = time.perf_counter() - start
tokens = sum(len(a.text.split()) for a in articles)
print(json.dumps({"articles": len(articles), "seconds": seconds, "tokens": tokens,
                  "maxrss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}))
"""

# Parallel extraction of a whole corpus without cache (how `factsheet build` extracts).
PARALLEL = """
import json, sys, time
from pathlib import Path
from generator.parallel import extract_all
from generator.workers import default_jobs
from generator.read import read_corpus
start = time.perf_counter()
corpus = read_corpus(Path(sys.argv[1]))
read = time.perf_counter()
result = extract_all(corpus.articles, None, progress=False)
done = time.perf_counter()
print(json.dumps({"articles": len(corpus.articles), "read": read - start, "extract": done - read,
                  "jobs": default_jobs(), "failures": len(result.failures)}))
"""

# `factsheet build` through its command line, with a timer around each step `build()`
# calls: the rebuild's wall time and where it goes, in one run.
# `record_files`, `json_downloads` and `csv_downloads` run in a forked process beside
# `page_files`, so their own time is not seen here; what the build process waits for
# them is `workers.Background.result` (new articles extracted while it reads the cached
# ones are waited for inside `extract_all`). `build_site` makes the page model both
# processes use; `write.build_site` is the MkDocs run inside `publish`.
# The steps inside `link` (names in `generator.events`) are timed too, shown as "link: ...";
# `cluster_articles` runs again for the articles whose dates part them from their event.
LINK_STEPS = ("events.cluster_articles", "events._without_disagreeing", "events._reresolve_dates",
              "events.build_registry", "events.canonical_records", "events.merge_event", "events.complete_roles",
              "events.relabel_events")
STEPS = ("execution.read_corpus", "load_curation", "execution.extract_all", "previous_events", "link", *LINK_STEPS,
         "build_site", "page_files", "workers.Background.result", "publish", "write.build_site")
STEP_NAMES = {"execution.read_corpus": "read_corpus", "execution.extract_all": "extract_all",
              "build_site": "page model", "workers.Background.result": "waiting for forked steps",
              "write.build_site": "MkDocs",
              **{step: "link: " + step.split(".")[-1].lstrip("_").replace("_", " ") for step in LINK_STEPS}}
TIMED_BUILD = """
import json, resource, sys, time
import generator.build
import generator.workers
import generator.write
from generator.cli import hard_exit, main
spent = {}
peak = {}  # step → the build process's peak resident set (KiB) when the step last returned
def timed(name, step):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return step(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
            peak[name] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return run
for name in json.loads(sys.argv[1]):
    *path, attribute = name.split(".")
    owner = generator.build if not path else generator
    for part in path:
        owner = getattr(owner, part)
    setattr(owner, attribute, timed(name, getattr(owner, attribute)))
try:
    main(sys.argv[2:], standalone_mode=False)
finally:
    print(json.dumps({"peak": peak}))
    print(json.dumps(spent))
hard_exit(0)  # as the `factsheet` command ends
"""


# Corpus size → (full build s, rebuild after one added article s, peak memory MB) goals.
GOALS = {1000: (60, 2, None), 3000: (60, 3, None), 10_000: (240, 3, 1000)}


@dataclass(frozen=True)
class Row:
    measure: str
    value: str
    goal: str = ""
    met: bool | None = None

    def markdown(self) -> str:
        mark = "" if self.met is None else (" ✓" if self.met else " ✗")
        return f"| {self.measure} | {self.value} | {self.goal}{mark} |"


def run(args: list[str], cwd: Path = REPO) -> dict:
    result = subprocess.run([PYTHON, "-c", MEASURED, *args], cwd=cwd, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"bench: measuring {' '.join(args)} failed:\n{result.stderr}")
    measured = json.loads(result.stdout)
    if measured["code"] != 0:
        raise SystemExit(f"bench: {' '.join(args)} exited {measured['code']}:\n{measured['stderr'][-3000:]}")
    return measured


def python_json(script: str, *args: str) -> tuple[dict, dict]:
    measured = run([PYTHON, "-c", script, *args])
    return json.loads(measured["stdout"].strip().splitlines()[-1]), measured


def corpus(size: int) -> Path:
    folder = OUT / f"corpus-{size}" / "articles"
    if folder.is_dir() and len(list(folder.iterdir())) == size:
        return folder
    shutil.rmtree(folder.parent, ignore_errors=True)
    generate(size, folder)
    return folder


def workspace(size: int, name: str | None = None, code: Path = REPO) -> Path:
    """A fresh build folder (`bench/out/<name>`): mkdocs.yml, its theme overrides and the
    hand-written docs of `code`, the synthetic corpus, no cache."""
    folder = OUT / (name or f"ws-{size}")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shutil.copy2(code / "mkdocs.yml", folder / "mkdocs.yml")
    if (code / "overrides").is_dir():  # the theme templates mkdocs.yml names (custom_dir)
        shutil.copytree(code / "overrides", folder / "overrides")
    for relative, path in hand_written_files(code / "docs").items():
        (folder / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, folder / "docs" / relative)
    shutil.copytree(corpus(size), folder / "corpus" / "articles")
    return folder


def inodes(docs: Path) -> dict[str, int]:
    """Generated file → inode. A file the output cache kept is the same inode again (a hard
    link to its cache entry); one the rebuild made again is a new one."""
    return {p: (docs / p).stat().st_ino for p in generated_files(docs) if (docs / p).is_file()}


def summary_count(stdout: str, name: str) -> int:
    match = re.search(rf"{name}: (\d+)", stdout)
    return int(match.group(1)) if match else -1


def measure_extraction(size: int) -> list[Row]:
    folder = corpus(size)
    load, _ = python_json(LOAD, str(sorted(folder.iterdir())[0]))
    serial, _ = python_json(SERIAL, str(folder), str(min(size, 1000)))
    per_second = serial["articles"] / serial["seconds"]
    return [
        Row("cold start: import pipeline + first article", f"{load['total']:.2f} s "
            f"(import {load['import']:.2f} s, first article {load['first']:.2f} s)", "≤ 2 s", load["total"] <= 2),
        Row(f"extraction, one process ({serial['articles']} articles)",
            f"{per_second:.0f} articles/s, {serial['tokens'] / serial['seconds']:,.0f} tokens/s per core",
            "≥ 25 articles/s per core", per_second >= 25),
        Row("peak memory, serial extraction", f"{serial['maxrss_kib'] / 1024:.0f} MB"),
    ]


def breakdown(spent: dict[str, float]) -> str:
    return ", ".join(f"{STEP_NAMES.get(step, step)} {seconds:.2f} s"
                     for step, seconds in spent.items() if seconds >= 0.005)


def measure_build(size: int, rounds: int) -> list[Row]:
    folder = workspace(size)
    full = run([PYTHON, "-c", TIMED_BUILD, json.dumps(STEPS), "build"], cwd=folder)
    full_steps = json.loads(full["stdout"].splitlines()[-1])
    full_peaks = json.loads(full["stdout"].splitlines()[-2])["peak"]
    search = weigh(folder / "site")
    query = max(transfer.served for transfer, _ in search.queries.values())
    name, content = synthetic_article(size, 1, corpus_sentences(SOURCE))  # the next one: not in this corpus
    new_article = OUT / f"new-{name}"
    new_article.write_text(content, encoding="utf-8")
    # The rebuild is timed `rounds` times, each from a copy of the workspace as the full
    # build left it (`cp -a` keeps the hard links between docs/ and the cache): one timing
    # of 2 s on a shared machine varies by a third from run to run.
    snapshot = folder.with_name(folder.name + "-built")
    shutil.rmtree(snapshot, ignore_errors=True)
    subprocess.run(["cp", "-a", str(folder), str(snapshot)], check=True)
    rebuilds = []
    for round_ in range(rounds):
        if round_:
            shutil.rmtree(folder)
            subprocess.run(["cp", "-a", str(snapshot), str(folder)], check=True)
        added = run([PYTHON, "-m", "generator", "add", str(new_article)], cwd=folder)
        before = inodes(folder / "docs")
        rebuilds.append(run([PYTHON, "-c", TIMED_BUILD, json.dumps(STEPS), "build", "--no-site"], cwd=folder))
        after = inodes(folder / "docs")
        remade = sum(1 for path, inode in after.items() if before.get(path) != inode)
    shutil.rmtree(snapshot)
    times = sorted(r["seconds"] for r in rebuilds)
    rebuild = min(rebuilds, key=lambda r: abs(r["seconds"] - median(times)))  # the median round's steps
    steps = json.loads(rebuild["stdout"].splitlines()[-1])
    spread = f" (median of {rounds}: {', '.join(f'{t:.2f}' for t in times)} s)" if rounds > 1 else ""
    mkdocs = run([PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(OUT / "mkdocs-only")],
                 cwd=folder)
    one = summary_count(rebuild["stdout"], "extracted")
    build_goal, rebuild_goal, memory_goal = GOALS.get(size, (None, None, None))
    peak = full["maxrss_kib"] / 1024
    rows = [
        Row(f"full build, {size} articles (cold cache, with MkDocs)", f"{full['seconds']:.1f} s",
            f"≤ {build_goal} s" if build_goal else "", full["seconds"] <= build_goal if build_goal else None),
        Row(f"where the full build of {size} spends its time (publish includes MkDocs)", breakdown(full_steps)),
        Row(f"peak memory of the build process of {size} as each step ends (its workers not counted)",
            ", ".join(f"{STEP_NAMES.get(step, step)} {kib / 1024:.0f} MB" for step, kib in full_peaks.items())),
        Row(f"peak memory, full build of {size}", f"{peak:.0f} MB (largest process)",
            f"≤ {memory_goal} MB" if memory_goal else "", peak <= memory_goal if memory_goal else None),
        Row(f"rebuild after `factsheet add` of one article to {size} (generator, --no-site)",
            f"{median(times):.2f} s{spread}, extracted: {one}, "
            f"reused: {summary_count(rebuild['stdout'], 'reused')}; "
            f"{remade} of {len(after)} generated files made again, the rest kept",
            f"≤ {rebuild_goal} s, 1 extracted" if rebuild_goal else "",
            (median(times) <= rebuild_goal and one == 1) if rebuild_goal else None),
        Row(f"peak memory, that rebuild of {size}", f"{rebuild['maxrss_kib'] / 1024:.0f} MB (largest process)"),
        Row(f"where that rebuild spends its time (median round; steps of `build()`; the rest is start-up and imports)",
            breakdown(steps)),
        Row(f"plain `mkdocs build` on its own (one process), {size} articles", f"{mkdocs['seconds']:.1f} s"),
        Row(f"search data a reader downloads, {size} articles: first page view; one query (largest of "
            f"{len(search.queries)}, bench/search_weight.py)", f"{kb(search.first_view.served)}; {kb(query)}",
            "≤ 300 KB; ≤ 500 KB", search.first_view.served <= 300 * 1024 and query <= 500 * 1024),
    ]
    if "added:" not in added["stdout"]:
        rows.append(Row("factsheet add", added["stdout"] + added["stderr"]))
    return rows


def measure_parallel(size: int) -> list[Row]:
    folder = corpus(size)
    result, measured = python_json(PARALLEL, str(folder))
    return [Row(f"read + extract {size} articles, {result['jobs']} processes, no cache",
                f"{result['read']:.1f} s read, {result['extract']:.1f} s extract "
                f"({size / result['extract']:.0f} articles/s), {result['failures']} failures, "
                f"peak {measured['maxrss_kib'] / 1024:.0f} MB")]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes to build (comma-separated)")
    parser.add_argument("--rounds", type=int, default=3, help="times the rebuild is measured (the median counts)")
    parser.add_argument("--no-10k", action="store_true", help="skip extracting the 10,000-article corpus")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    rows = measure_extraction(max(sizes))
    for size in sizes:
        rows += measure_build(size, args.rounds)
    for size in sizes:
        rows += measure_parallel(size)
    if not args.no_10k:
        rows += measure_parallel(10_000)
    header = (f"Measured {time.strftime('%Y-%m-%d', time.gmtime())} on {os.cpu_count()} cores, "
              f"Python {platform.python_version()}, {platform.machine()}.")
    table = "\n".join([header, "", "| measure | result | goal |", "|---|---|---|", *(r.markdown() for r in rows)])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.md").write_text(table + "\n", encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
