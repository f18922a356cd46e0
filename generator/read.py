"""Read articles from the corpus into `Article` records.

An article is a `.txt` file (plain text; the first line is the title) or a `.md` file
with optional YAML front matter (`title`, `url`, `outlet`, `published`, `language`).
The id is the file stem. Problems are reported as `ReadError`s naming the file and
what to do, never swallowed; the caller decides whether to go on with the rest.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import frontmatter
import yaml
from charset_normalizer import from_bytes

from .records import Article

SUFFIXES = (".txt", ".md")
MAX_BYTES = 2 * 1024 * 1024  # far above any news article; larger files are almost surely not one
FRONT_MATTER_FIELDS = ("title", "url", "outlet", "published", "language", "id")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class ReadError(Exception):
    """An article that cannot be read: `path: reason (what to do)`."""

    path: str
    reason: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason} ({self.fix})"


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, path: str) -> str:
    """Bytes to text: UTF-8 if it is, else the best detected encoding (cp1252 and kin).

    Binary data is refused rather than decoded into mojibake.
    """
    if b"\x00" in data:
        raise ReadError(path, "binary file, not text", "commit the article as UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        if best is None:
            raise ReadError(path, "not text in any known encoding", "save the article as UTF-8") from None
        text = str(best)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_published(value: object, path: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise ReadError(path, f"front matter `published` is not a date: {value!r}",
                        "write it as YYYY-MM-DD") from None


def _split_front_matter(text: str, path: str) -> tuple[dict, str]:
    if not text.startswith("---"):
        return {}, text
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise ReadError(path, f"malformed front matter{where}", "fix the YAML between the --- lines") from None
    if not isinstance(post.metadata, dict):
        raise ReadError(path, "front matter is not a mapping", "write `key: value` lines between the --- lines")
    return dict(post.metadata), post.content


def parse_article(data: bytes, path: str, stem: str) -> Article:
    """Build an Article from a file's bytes; `path` is only used in messages and provenance."""
    if not data.strip():
        raise ReadError(path, "empty file", "add the article text or delete the file")
    if len(data) > MAX_BYTES:
        raise ReadError(path, f"{len(data) / 1e6:.1f} MB is too large for one article",
                        f"split it; the limit is {MAX_BYTES // (1024 * 1024)} MB")
    text = decode(data, path)
    meta, body = _split_front_matter(text, path) if path.endswith(".md") else ({}, text)
    unknown = sorted(set(meta) - set(FRONT_MATTER_FIELDS))
    if unknown:
        raise ReadError(path, f"unknown front matter field(s): {', '.join(unknown)}",
                        f"use only {', '.join(FRONT_MATTER_FIELDS)}")
    article_id = str(meta.get("id") or stem)
    if not ID_PATTERN.match(article_id) or ".." in article_id:
        raise ReadError(path, f"id {article_id!r} is not a plain name",
                        "use letters, digits, '-', '_' and '.' only, with no path parts")
    body = body.strip("\n")
    if not body.strip():
        raise ReadError(path, "no article text after the front matter", "add the article text")
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    language = meta.get("language")
    return Article(
        id=article_id,
        path=path,
        text=body,
        title=str(meta.get("title") or first_line)[:300],
        content_hash=content_hash(data),
        url=str(meta["url"]) if meta.get("url") else None,
        outlet=str(meta["outlet"]) if meta.get("outlet") else None,
        published=_parse_published(meta.get("published"), path),
        language=str(language).lower() if language else None,
    )


def read_article(path: Path, display: str | None = None) -> Article:
    """Read one article file. Raises ReadError."""
    shown = display or str(path)
    if path.suffix not in SUFFIXES:
        raise ReadError(shown, f"unsupported file type {path.suffix or '(none)'!r}",
                        "save the article as .txt or .md")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(shown, f"cannot read: {error.strerror}", "check the file exists and is readable") from None
    return parse_article(data, shown, path.stem)


def corpus_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder, in a stable order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
