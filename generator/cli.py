"""The `factsheet` command: a thin layer over `build`, `check` and `extract_files`.

Summaries go to standard output, one line per problem (`path: reason (what to do)`)
to standard error, except for `check`, whose problems are its output.
"""
from __future__ import annotations

import logging
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Callable, NoReturn, TypeVar

import click
from threadpoolctl import threadpool_limits

from .add import Metadata, add_article
from .build import build as run_build
from .build import BuildReport, ExtractReport, extract_files, plural
from .check import check as run_check
from .config import BuildConfig, source_date
from .curation import CurationError
from .progress import Stages
from .read import ReadError, display_path
from .validate import RecordInvalid
from .write import WriteError, os_error_line

# Failures that stop a command with their own `path: reason (what to do)` lines, not a traceback.
STOPPING = (CurationError, RecordInvalid, WriteError)
Report = TypeVar("Report", BuildReport, ExtractReport)

CORPUS = click.option("--corpus", type=click.Path(path_type=Path), default=BuildConfig.corpus, show_default=True,
                      help="Folder of article files.")
CURATION = click.option("--curation", type=click.Path(path_type=Path), default=BuildConfig.curation,
                        show_default=True, help="Editor-owned curation file (may be absent).")
TIME_BUDGET = click.option("--time-budget", type=click.FloatRange(min=0), default=BuildConfig.time_budget,
                           show_default=True, metavar="SECONDS",
                           help="Seconds one article may take to extract; a slower one is reported and left out "
                                "(0: no limit).")
DOCS = click.option("--docs", type=click.Path(path_type=Path), default=BuildConfig.docs, show_default=True,
                    help="MkDocs source folder: records go to DOCS/data, pages beside the hand-written ones.")


def _fail_on(problems: list[str], code: int = 2) -> None:
    """Print each problem to standard error and exit with `code`, if there is any."""
    if problems:
        for problem in problems:
            click.echo(problem, err=True)
        raise SystemExit(code)


def _run(step: Callable[..., Report], *args: Any) -> Report:
    """Run a library step; a failure that stops it prints its own lines and exits with 1."""
    try:
        return step(*args)
    except STOPPING as error:
        _fail_on(str(error).splitlines(), code=1)
        raise  # reached only by an error without text: show its traceback
    except OSError as error:  # a full disk, a read-only or forbidden folder: one line, not a traceback
        _fail_on([os_error_line(error)], code=1)
        raise


def _finish(report: BuildReport | ExtractReport, summary: str) -> None:
    """Warnings and errors to standard error, the summary to standard output; exit 1 on errors."""
    for line in (*report.warnings, *report.errors):
        click.echo(line, err=True)
    click.echo(summary)
    if report.errors:
        raise SystemExit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="factsheet", message="factsheet %(version)s")
def main() -> None:
    """Factsheet: news articles in, fact sheets out.

    \b
    Examples:
      factsheet build                                # corpus → records → pages → site/
      factsheet check                                # validate corpus, curation and records
      factsheet extract article.txt --out records/   # facts of any article files
      factsheet add article.txt --outlet Reuters     # put a new article into the corpus
    """
    # The pipeline spreads its work over processes; BLAS threads inside each one only
    # compete with them (extraction measured 10% faster with one).
    threadpool_limits(limits=1, user_api="blas")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder to write one record per article to, as OUT/<id>.yaml.")
@click.option("--curation", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Curation file to apply when linking the articles into events (default: none).")
@TIME_BUDGET
def extract(paths: tuple[Path, ...], out: Path, curation: Path | None, time_budget: float) -> None:
    """Extract the fact record of each article file, with its event linked.

    Any `.txt` or `.md` article works, inside the corpus or not, with or without front
    matter. An unreadable file gets one error line and the others go on; the exit code
    is 1 if any file failed.

    \b
    Example:
      factsheet extract corpus/articles/*.txt --out /tmp/records
    """
    report = _run(extract_files, paths, out, curation, time_budget)
    _finish(report, f"extracted: {plural(len(report.written), 'record')}, {plural(report.events, 'event')}, "
                    f"{plural(len(report.errors), 'error')} → {display_path(out)}/")


@main.command()
@CORPUS
@CURATION
@DOCS
@click.option("--site", type=click.Path(path_type=Path), default=BuildConfig.site, show_default=True,
              help="Where the HTML site goes.")
@click.option("--mkdocs", "mkdocs_file", type=click.Path(path_type=Path), default=BuildConfig.mkdocs,
              show_default=True, help="MkDocs configuration file.")
@click.option("--no-site", is_flag=True, help="Write records and pages only; skip the MkDocs build.")
@TIME_BUDGET
@click.option("--wait/--no-wait", default=True, show_default=True,
              help="When another build runs in this checkout: wait for it to end, or stop with an error.")
def build(corpus: Path, curation: Path, docs: Path, site: Path, mkdocs_file: Path, no_site: bool,
          time_budget: float, wait: bool) -> None:
    """Run the whole path: records, pages and the site.

    Article records go to DOCS/data/articles/<id>.yaml, event records to
    DOCS/data/events/<id>.yaml, pages under DOCS, and `mkdocs build --strict` builds
    SITE. The old output stays in place unless the whole build succeeds. Articles
    that cannot be read are reported and left out, and the exit code is then 1.
    Each stage (read, extract, link, render, write, site) is reported on standard
    error as it ends, with its counts and seconds; on a terminal also while it runs.
    Page footers give the date of the page's newest article, or the build date when
    SOURCE_DATE_EPOCH is set.

    \b
    Example:
      factsheet build
      factsheet build --corpus my/articles --site /tmp/site
    """
    built, date_problems = source_date()
    config = BuildConfig(corpus=corpus, curation=curation, docs=docs, site=site, mkdocs=mkdocs_file,
                         built=built, run_mkdocs=not no_site, time_budget=time_budget, wait=wait)
    _fail_on([*config.problems(), *date_problems])
    report = _run(run_build, config, Stages(sys.stderr), lambda line: click.echo(line, err=True))
    _KEPT_UNTIL_EXIT.append(report)
    _finish(report, report.summary())


@main.command()
@CORPUS
@CURATION
@DOCS
def check(corpus: Path, curation: Path, docs: Path) -> None:
    """Validate the corpus, the curation file and the records in DOCS/data.

    Prints one line per problem, `path: reason (what to do)`, and exits with 1 if
    there is any. CI runs it; editors can run it before committing.

    \b
    Example:
      factsheet check
    """
    config = BuildConfig(corpus=corpus, curation=curation, docs=docs, run_mkdocs=False)
    _fail_on(config.problems())
    report = run_check(config)
    for problem in (*report.notices, *report.problems):
        click.echo(problem)
    counts = (f"{plural(report.articles, 'article')}, {plural(report.article_records, 'article record')}, "
              f"{plural(report.event_records, 'event record')}")
    if report.problems:
        click.echo(f"check: {plural(len(report.problems), 'problem')} ({counts})")
        raise SystemExit(1)
    click.echo(f"check: no problems ({counts})")


@main.command()
@click.argument("source", type=click.File("rb"))
@CORPUS
@click.option("--title", help="The article's title (default: its front matter, else its first line).")
@click.option("--published", type=click.DateTime(["%Y-%m-%d"]), help="Publication date, YYYY-MM-DD.")
@click.option("--outlet", help="The outlet that published it, e.g. Reuters.")
@click.option("--url", help="Where it was published.")
@click.option("--language", help="ISO 639-1 code, e.g. nl (default: detected, not written).")
@click.option("--id", "article_id", help="The article id (default: from date, outlet and title).")
def add(source: BinaryIO, corpus: Path, title: str | None, published: datetime | None, outlet: str | None,
        url: str | None, language: str | None, article_id: str | None) -> None:
    """Add an article (a file, or `-` for standard input) to the corpus as `<id>.md`.

    The text is stored as UTF-8 with `\\n` line ends; front matter gets what the options
    and the input's own front matter state, never a guess. Without --id the id comes
    from the date, outlet and title. Text already in the corpus is refused.

    \b
    Example:
      factsheet add story.txt --published 2019-04-25 --outlet Reuters
      pbpaste | factsheet add - --title "Leaders meet in Hanoi"
    """
    _fail_on(BuildConfig(corpus=corpus).link_problems())
    stated = Metadata(title=title, published=published.date() if published else None, outlet=outlet,
                      url=url, language=language, id=article_id)
    name = getattr(source, "name", "-")
    shown = display_path(Path(name)) if isinstance(name, str) and name not in ("-", "<stdin>") else "-"
    try:
        added = add_article(source.read(), corpus, stated, shown)
    except ReadError as error:
        _fail_on([str(error)], code=1)
    note = f" (converted from {added.encoding})" if added.encoding not in ("utf-8", "utf-8-sig") else ""
    click.echo(f"added: {display_path(added.path)}{note}")


# What a command made, kept until `hard_exit` ends the process: a build's report holds its
# records and pages, and freeing them object by object when the command returned took
# 0.05 s of a rebuild of 1,000 articles.
_KEPT_UNTIL_EXIT: list[object] = []


def run() -> NoReturn:
    """The `factsheet` command (the console script and `python -m generator`): `main`,
    then `hard_exit`."""
    try:
        main(prog_name="factsheet")
    except SystemExit as done:  # how click's `main` ends, success included
        hard_exit(done.code)
    hard_exit(0)


def hard_exit(code: int | str | None) -> NoReturn:
    """End the process without tearing the interpreter down, as `sys.exit(code)` would end it.

    A build holds millions of small objects (the records of every article), and Python
    freed them one by one on the way out: about 0.05 s of each rebuild at 1,000 articles.
    The operating system takes the memory back at once. Every file and process the
    command opened is closed when it returns; what is left is to flush the output.
    """
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
