"""Where a build reads and writes: one typed, frozen configuration.

Every path defaults to the repository layout, relative to `root`. `problems()` reports
every wrong setting at once, so an editor fixes them in one go.
"""
from __future__ import annotations

from dataclasses import dataclass, field
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
    """The date pages give as the last update (YYYY-MM-DD); None leaves it out, so two
    builds of the same inputs are byte-identical."""

    run_mkdocs: bool = field(default=True)
    """Build the HTML site after writing records and pages; off when only the Markdown is wanted."""

    def path(self, name: str) -> Path:
        """A configured path resolved against `root`."""
        return self.root / getattr(self, name)

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
        docs = self.path("docs")
        if docs.exists() and not docs.is_dir():
            found.append(f"{docs}: docs path is not a folder (pass --docs with a folder)")
        mkdocs = self.path("mkdocs")
        if self.run_mkdocs and not mkdocs.is_file():
            found.append(f"{mkdocs}: MkDocs configuration not found (looked for {mkdocs.absolute()}; "
                         "cd to the repository root, or pass --mkdocs)")
        return found
