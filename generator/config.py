"""Where a build reads and writes: one typed, frozen configuration.

Every path defaults to the repository layout, relative to `root`. `problems()` reports
every wrong setting at once, so an editor fixes them in one go.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path


@dataclass(frozen=True)
class BuildConfig:
    root: Path = Path(".")
    """The repository root; the relative paths below resolve against it."""

    corpus: Path = Path("corpus/articles")
    """The folder of article files (`.txt` or `.md`), one article per file."""

    curation: Path = Path("corpus/curation.yaml")
    """The editor-owned curation file; the build applies it and never writes it. May be absent."""

    docs: Path = Path("docs")
    """The MkDocs source folder: hand-written pages plus the generated pages and `data/` records."""

    site: Path = Path("site")
    """Where the built HTML site goes; replaced only by a complete, strict build."""

    mkdocs: Path = Path("mkdocs.yml")
    """The MkDocs configuration file."""

    cache: Path = Path(".cache/factsheet")
    """Cache of extracted records, keyed by content hash and extractor version (git-ignored)."""

    built: str | None = None
    """The build date pages give (YYYY-MM-DD; the command takes it from SOURCE_DATE_EPOCH).
    None: each page gives the date of its newest article instead, so two builds of the
    same inputs are byte-identical whatever the day."""

    run_mkdocs: bool = field(default=True)
    """Build the HTML site after writing records and pages; off when only the Markdown is wanted."""

    wait: bool = True
    """When another build runs in this checkout: wait for it to end (else stop with an error)."""

    time_budget: float = 10.0
    """Seconds one article may take to extract; a slower one is reported and left out (0: no limit)."""

    def path(self, name: str) -> Path:
        """A configured path resolved against `root`."""
        return self.root / getattr(self, name)

    def linked(self, name: str) -> Path | None:
        """The first part of a configured relative path that is a symbolic link, if any: a
        corpus folder committed as a link would publish whatever it points to."""
        part = self.root
        for step in getattr(self, name).parts if not getattr(self, name).is_absolute() else ():
            part = part / step
            if part.is_symlink():
                return part
        return None

    def link_problems(self) -> list[str]:
        """The corpus or curation path reaching through a symbolic link, as problem lines."""
        links: dict[Path, str] = {}
        for name in ("corpus", "curation"):
            link = self.linked(name)
            if link is not None:
                links.setdefault(link, name)
        return [f"{link}: a symbolic link (keep the {name} in the repository itself, or pass --{name})"
                for link, name in links.items()]

    def problems(self) -> list[str]:
        """Every setting that cannot work, as `path: reason (what to do)` lines."""
        found = []
        corpus = self.path("corpus")
        if not corpus.is_dir():
            found.append(f"{corpus}: corpus folder not found (looked for {corpus.absolute()}; "
                         "cd to the repository root, or pass --corpus with the folder of articles)")
        curation = self.path("curation")
        if curation.exists() and not curation.is_file():
            found.append(f"{curation}: curation path is not a file (point --curation at a YAML file)")
        found += self.link_problems()
        docs = self.path("docs")
        if docs.exists() and not docs.is_dir():
            found.append(f"{docs}: docs path is not a folder (pass --docs with a folder)")
        mkdocs = self.path("mkdocs")
        if self.run_mkdocs and not mkdocs.is_file():
            found.append(f"{mkdocs}: MkDocs configuration not found (looked for {mkdocs.absolute()}; "
                         "cd to the repository root, or pass --mkdocs)")
        return found


def source_date() -> tuple[str | None, list[str]]:
    """The build date SOURCE_DATE_EPOCH gives (https://reproducible-builds.org/specs/source-date-epoch/),
    as YYYY-MM-DD in UTC, or None when it is not set; and the problem with it, if any."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None, []
    try:
        return datetime.fromtimestamp(int(value), tz=timezone.utc).date().isoformat(), []
    except (ValueError, OverflowError, OSError):
        return None, [f"SOURCE_DATE_EPOCH: {value!r} is not a number of seconds since 1970 (fix or unset it)"]
