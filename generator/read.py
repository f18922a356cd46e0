"""Read articles from the corpus into `Article` records.

An article is a `.txt` file (plain text; the first line is the title) or a `.md` file
with optional YAML front matter (`title`, `url`, `outlet`, `published`, `language`, `id`).
The id is the file stem unless front matter gives one. Every problem is reported as one
`path: reason (what to do)` line, never swallowed: a `ReadError` keeps the article out
of the build, a `ReadWarning` lets it build but asks the editor to fix the file.
`read_corpus` reads a whole folder and carries on past bad files, so one broken
article never stops the others.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .languages import supported
from .records import Article
from .write import write_bytes

SUFFIXES = (".txt", ".md")
MAX_BYTES = 2_000_000  # far above any news article; larger files are almost surely not one
FRONT_MATTER_FIELDS = ("title", "url", "outlet", "published", "language", "id")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
# `---` line, YAML, closing `---` (or `...`) line; the closing line may end the file.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)
# Text has tabs and newlines but hardly any other control characters; binary data has many.
MAX_CONTROL_RATIO = 0.01
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode Cc but tab, newlines, \v and \f
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it: 10x faster
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True)
class Problem:
    """Something wrong with one article, as one line: `path: reason (what to do)`."""

    path: str
    reason: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason} ({self.fix})"


@dataclass(frozen=True)
class ReadError(Problem, Exception):
    """An article that cannot be read; it is left out of the build."""


@dataclass(frozen=True)
class ReadWarning(Problem):
    """An article that builds but should be fixed."""


@dataclass(frozen=True)
class CorpusRead:
    """The outcome of reading a corpus folder: the good articles and every problem, in file order."""

    articles: tuple[Article, ...]
    errors: tuple[ReadError, ...]
    warnings: tuple[ReadWarning, ...]


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _looks_binary(text: str) -> bool:
    return len(CONTROL_CHARACTERS.findall(text)) > MAX_CONTROL_RATIO * max(len(text), 1)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to (text with `\\n` line ends, encoding name). Binary data is refused.

    Order: a byte-order mark, then UTF-8, then cp1252 (the legacy encoding of all six
    corpus languages; detectors guess wrongly on short Western texts, e.g. UTF-16 for
    "café"), then whatever charset-normalizer finds.
    """
    bom = next((encoding for mark, encoding in BOMS if data.startswith(mark)), None)
    if bom is None and b"\x00" in data:
        raise ReadError(path, "binary file, not text", "commit the article as UTF-8 text")
    text, encoding = None, bom or "utf-8"
    for candidate in ((bom,) if bom else ("utf-8", "cp1252")):
        try:
            text, encoding = data.decode(candidate), candidate
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        from charset_normalizer import from_bytes  # imported only here: rare, and 0.01 s of every start
        best = from_bytes(data).best()
        if best is None:
            raise ReadError(path, "not text in any known encoding", "save the article as UTF-8")
        text, encoding = str(best), best.encoding
    if _looks_binary(text):
        raise ReadError(path, "binary file, not text", "commit the article as UTF-8 text")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), encoding


def decode(data: bytes, path: str) -> str:
    """Bytes to text with `\\n` line ends (see `decode_bytes`)."""
    return decode_bytes(data, path)[0]


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


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    """(metadata, body) of a Markdown text; a text that does not start with `---` has none."""
    if not text.startswith("---"):
        return {}, text
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ReadError(path, "malformed front matter: no closing --- line", "end the front matter with a --- line")
    try:
        meta = yaml.load(match.group(1), Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""  # +1 for 0-based, +1 for the opening ---
        raise ReadError(path, f"malformed front matter{where}", "fix the YAML between the --- lines") from None
    except ValueError as error:  # e.g. `published: 2019-02-30`, which YAML itself turns into a date
        raise ReadError(path, f"malformed front matter: {error}", "fix the YAML between the --- lines") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ReadError(path, "malformed front matter: not a mapping", "write `key: value` lines between the --- lines")
    return meta, text[match.end():]


def _text_field(meta: dict, name: str, path: str) -> str | None:
    value = meta.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, (dict, list)):
        raise ReadError(path, f"front matter `{name}` is not a single value", f"write `{name}: text` on one line")
    return str(value).strip()


def _stated_language(meta_language: str | None, path: str) -> str | None:
    """The front matter language, which must be supported. A language that is not
    stated is detected, and checked, when the article is extracted (and cached then)."""
    if meta_language is None:
        return None
    code, codes = meta_language.lower(), supported()
    if code not in codes:
        raise ReadError(path, f"unknown language {code!r} in front matter", f"supported: {', '.join(codes)}")
    return code


def too_large(path: str, size: int) -> ReadError:
    return ReadError(path, f"too large for one article ({size / 1e6:.1f} MB)",
                     f"split it or remove what is not article text; the limit is {MAX_BYTES / 1e6:g} MB")


def _parse(data: bytes, path: str, stem: str) -> tuple[Article, str]:
    """(article, encoding the file was read in)."""
    if not data.strip():
        raise ReadError(path, "empty file", "add the article text or delete the file")
    if len(data) > MAX_BYTES:
        raise too_large(path, len(data))
    text, encoding = decode_bytes(data, path)
    meta, body = split_front_matter(text, path) if path.endswith(".md") else ({}, text)
    unknown = sorted(str(key) for key in set(meta) - set(FRONT_MATTER_FIELDS))
    if unknown:
        raise ReadError(path, f"unknown front matter field(s): {', '.join(unknown)}",
                        f"use only {', '.join(FRONT_MATTER_FIELDS)}")
    article_id = _text_field(meta, "id", path) or stem
    if not ID_PATTERN.match(article_id) or ".." in article_id:
        raise ReadError(path, f"id {article_id!r} looks like a path or has odd characters",
                        "use letters, digits, '-', '_' and '.' only, with no path parts")
    body = body.strip("\n")
    if not body.strip():
        raise ReadError(path, "no article text after the front matter", "add the article text")
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return Article(
        id=article_id,
        path=path,
        text=body,
        title=(_text_field(meta, "title", path) or first_line)[:300],
        content_hash=content_hash(data),
        url=_text_field(meta, "url", path),
        outlet=_text_field(meta, "outlet", path),
        published=_parse_published(meta.get("published"), path),
        language=_stated_language(_text_field(meta, "language", path), path),
    ), encoding


def parse_article(data: bytes, path: str, stem: str) -> Article:
    """Build an Article from a file's bytes; `path` is only used in messages and provenance."""
    return _parse(data, path, stem)[0]


def _read_bytes(path: Path, shown: str) -> bytes:
    if path.suffix not in SUFFIXES:
        raise ReadError(shown, f"unsupported file type {path.suffix or '(none)'!r}",
                        "save the article as .txt or .md")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # refused without loading it
            raise too_large(shown, size)
        return path.read_bytes()
    except OSError as error:
        raise ReadError(shown, f"cannot read: {error.strerror}", "check the file exists and is readable") from None


def _read(path: Path, shown: str, parsed: ParsedArticles | None = None) -> tuple[Article, str]:
    data = _read_bytes(path, shown)
    return parsed.parse(data, shown, path.stem) if parsed else _parse(data, shown, path.stem)


class ParsedArticles:
    """The articles the last build parsed, by path and content (`<folder>/<version>.pickle`).

    Reading an unchanged file then costs its bytes and their hash, not its decoding and
    front matter: 1,000 articles took 0.09 s to read and parse, and 0.03 s this way. The
    version (a digest of the generator's code) names the file, so articles parsed by other
    code are never used; the folder may be deleted at any time. Files that fail to parse
    are not kept: each build reports them again.
    """

    def __init__(self, folder: Path, version: str) -> None:
        self.path = folder / f"{version}.pickle"
        try:
            self._last: dict[tuple[str, str, str], tuple[Article, str]] = pickle.loads(self.path.read_bytes())
        except Exception:  # noqa: BLE001 - none yet, or unreadable: parse every file
            self._last = {}
        self._now: dict[tuple[str, str, str], tuple[Article, str]] = {}

    def parse(self, data: bytes, shown: str, stem: str) -> tuple[Article, str]:
        """`_parse(data, shown, stem)`, taken from the last build when it parsed the same."""
        key = (shown, stem, content_hash(data))
        found = self._last.get(key)
        if found is None or found[0].content_hash != key[2]:
            found = _parse(data, shown, stem)
        self._now[key] = found
        return found

    def save(self) -> None:
        """Keep what this build parsed for the next one (only when it differs)."""
        if self._now.keys() != self._last.keys():
            for old in self.path.parent.glob("*.pickle"):
                if old != self.path:
                    old.unlink(missing_ok=True)
            write_bytes(self.path, pickle.dumps(self._now, protocol=pickle.HIGHEST_PROTOCOL), durable=False)


def read_article(path: Path, display: str | None = None) -> Article:
    """Read one article file. Raises ReadError."""
    return _read(path, display or str(path))[0]


def corpus_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder, in a stable order (by name)."""
    with os.scandir(folder) as entries:
        names = sorted(e.name for e in entries if not e.name.startswith(".") and e.is_file())
    return [folder / name for name in names]


def display_path(path: Path, root: Path | None = None) -> str:
    """`path` as messages show it: relative to `root` (default: the working folder) when inside it."""
    base = os.path.abspath(root or Path.cwd())
    full = os.path.abspath(path)
    return os.path.relpath(full, base) if full.startswith(base + os.sep) else str(path)


def _encoding_warning(path: str, encoding: str) -> ReadWarning | None:
    if encoding in ("utf-8", "utf-8-sig"):
        return None
    return ReadWarning(path, f"not UTF-8, read as {encoding}",
                       "save it as UTF-8; `factsheet add` does that for new articles")


def read_corpus(folder: Path, root: Path | None = None, parsed: ParsedArticles | None = None) -> CorpusRead:
    """Read every article of `folder`, reporting each bad file once and keeping the rest.

    Files whose ids collide (`x.txt` and `x.md`, or a front matter `id` equal to another
    file's) are all left out: which one is meant cannot be known. `parsed`, if given,
    holds the articles the last build parsed; the caller saves it.
    """
    articles: list[Article] = []
    errors: list[ReadError] = []
    warnings: list[ReadWarning] = []
    shown_folder = os.path.dirname(display_path(folder / "_", root))  # as `display_path` shows the files' folder
    for path in corpus_files(folder):
        shown = os.path.join(shown_folder, path.name)
        try:
            article, encoding = _read(path, shown, parsed)
        except ReadError as error:
            errors.append(error)
            continue
        articles.append(article)
        warning = _encoding_warning(shown, encoding)
        if warning:
            warnings.append(warning)
    by_id: dict[str, list[Article]] = {}
    for article in articles:
        by_id.setdefault(article.id.casefold(), []).append(article)  # case-insensitive file systems
    clashing = {key for key, group in by_id.items() if len(group) > 1}
    for key in sorted(clashing):
        first, *others = by_id[key]
        errors.append(ReadError(first.path, f"duplicate id {first.id!r}, also used by "
                                + ", ".join(a.path for a in others), "rename one of the files or change its `id`"))
    kept = tuple(a for a in articles if a.id.casefold() not in clashing)
    shown_errors = {e.path for e in errors}
    return CorpusRead(
        articles=kept,
        errors=tuple(sorted(errors, key=lambda e: e.path)),
        warnings=tuple(w for w in warnings if w.path not in shown_errors),
    )
