"""Read articles from the corpus into `Article` records.

An article is a `.txt` file (plain text; the first line is the title) or a `.md` file
with optional YAML front matter (`title`, `url`, `outlet`, `published`, `language`, `id`).
The id is the file stem unless front matter gives one. Every problem is reported as one
`path: reason (what to do)` line, never swallowed: a `ReadError` keeps the article out
of the build, a `ReadWarning` lets it build but asks the editor to fix the file.
`read_corpus` reads a whole folder and carries on past bad files, so one broken
article never stops the others.

Only regular files inside the corpus folder are read: a symbolic link is refused (it
could publish any file of the machine), and every other entry of the folder (hidden
files, folders, README files, FIFOs) gets a `ReadNotice`, so nothing there is skipped
silently.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import stat
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .languages import supported
from .records import Article
from .safe_yaml import Limits, YamlRefused, cut, quoted
from .safe_yaml import load as load_yaml
from .write import write_bytes

SUFFIXES = (".txt", ".md")
MAX_BYTES = 2_000_000  # far above any news article; larger files are almost surely not one
FRONT_MATTER_FIELDS = ("title", "url", "outlet", "published", "language", "id")
ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
MAX_ID = 200  # an id names files (`<id>.md`, `<id>.yaml`): well inside every file system's 255 bytes
# `---` line, YAML, closing `---` (or `...`) line; the closing line may end the file.
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL | re.MULTILINE)
# Text has tabs and newlines but hardly any other control characters; binary data has many.
MAX_CONTROL_RATIO = 0.01
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # Unicode Cc but tab, newlines, \v and \f
# A terminal colour or cursor code (ESC [ ... letter): text copied from a terminal, not an article.
ANSI_ESCAPE = re.compile("\x1b\\[[0-9;?]*[A-Za-z]")
BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Front matter holds a few short fields: no aliases, and far less than an article.
FRONT_MATTER_LIMITS = Limits(max_chars=64_000, max_aliases=0)
# A file named README (any case, any suffix) documents the folder for editors; it is no article.
README = re.compile(r"^readme(\.[^.]*)?$", re.IGNORECASE)


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
class ReadNotice(Problem):
    """An entry of the corpus folder that is not an article and is left alone, said once."""


@dataclass(frozen=True)
class CorpusRead:
    """The outcome of reading a corpus folder: the good articles and every problem, in file order."""

    articles: tuple[Article, ...]
    errors: tuple[ReadError, ...]
    warnings: tuple[ReadWarning, ...]
    notices: tuple[ReadNotice, ...] = ()


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _looks_binary(text: str) -> bool:
    return len(CONTROL_CHARACTERS.findall(text)) > MAX_CONTROL_RATIO * max(len(text), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """The encoding of UTF-16 text saved without a byte-order mark, else None.

    Text in the six languages is mostly ASCII, so in UTF-16 every other byte is zero:
    the odd ones for little-endian, the even ones for big-endian."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding, zeros, other in (("utf-16-le", data[1::2], data[0::2]), ("utf-16-be", data[0::2], data[1::2])):
        if zeros.count(0) >= 0.7 * len(zeros) and other.count(0) == 0:
            return encoding
    return None


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Bytes to (text with `\\n` line ends, encoding name). Binary data is refused.

    Order: a byte-order mark, then UTF-8, then cp1252 (the legacy encoding of all six
    corpus languages; detectors guess wrongly on short Western texts, e.g. UTF-16 for
    "café"), then whatever charset-normalizer finds.
    """
    bom = next((encoding for mark, encoding in BOMS if data.startswith(mark)), None)
    if bom is None and b"\x00" in data:
        bom = _utf16_without_bom(data)
        if bom is None:
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
    if ANSI_ESCAPE.search(text):
        raise ReadError(path, "terminal escape codes (colours or cursor moves) in the text",
                        "paste the article as plain text, not from a terminal's coloured output")
    if _looks_binary(text):
        raise ReadError(path, "binary file, not text", "commit the article as UTF-8 text")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), encoding


def decode(data: bytes, path: str) -> str:
    """Bytes to text with `\\n` line ends (see `decode_bytes`)."""
    return decode_bytes(data, path)[0]


def parse_published(value: object, path: str) -> date | None:
    """A date, or an ISO date or date-time text: the whole value, never a date at its start
    (`2019-02-27 or maybe March` is refused, not read as the 27th)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    for parse in (date.fromisoformat, lambda t: datetime.fromisoformat(t).date()):
        try:
            return parse(text)
        except ValueError:
            continue
    raise ReadError(path, f"front matter `published` is not a date: {quoted(value)}", "write it as YYYY-MM-DD")


def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    """(metadata, body) of a Markdown text; a text that does not start with `---` has none."""
    if not text.startswith("---"):
        return {}, text
    match = FRONT_MATTER.match(text)
    if match is None:
        raise ReadError(path, "malformed front matter: no closing --- line", "end the front matter with a --- line")
    try:
        meta, _ = load_yaml(match.group(1), FRONT_MATTER_LIMITS)
    except YamlRefused as error:
        raise ReadError(path, f"front matter refused at line {error.line + 1}: {error.reason}", error.fix) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""  # +1 for 0-based, +1 for the opening ---
        raise ReadError(path, f"malformed front matter{where}", "fix the YAML between the --- lines") from None
    except ValueError as error:  # e.g. `published: 2019-02-30`, which YAML itself turns into a date
        raise ReadError(path, f"malformed front matter: {quoted(str(error))}",
                        "fix the YAML between the --- lines") from None
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
        raise ReadError(path, f"unknown language {quoted(code)} in front matter", f"supported: {', '.join(codes)}")
    return code


def too_large(path: str, size: int) -> ReadError:
    return ReadError(path, f"too large for one article ({size / 1e6:.1f} MB)",
                     f"split it or remove what is not article text; the limit is {MAX_BYTES / 1e6:g} MB")


def check_id(article_id: str, path: str) -> str:
    if not ID_PATTERN.match(article_id) or ".." in article_id:
        raise ReadError(path, f"id {quoted(article_id)} looks like a path or has odd characters",
                        "use letters, digits, '-', '_' and '.' only, with no path parts")
    if len(article_id) > MAX_ID:
        raise ReadError(path, f"id {quoted(article_id)} is too long for a file name", f"use at most {MAX_ID} characters")
    return article_id


def article_of(meta: dict, body: str, path: str, stem: str, digest: str) -> Article:
    """The article a file's front matter and body make, every field checked: what `build`
    reads, and what `factsheet add` checks before it writes a file."""
    unknown = sorted(str(key) for key in set(meta) - set(FRONT_MATTER_FIELDS))
    if unknown:
        raise ReadError(path, f"unknown front matter field(s): {cut(', '.join(unknown))}",
                        f"use only {', '.join(FRONT_MATTER_FIELDS)}")
    article_id = check_id(_text_field(meta, "id", path) or stem, path)
    body = body.strip("\n")
    if not body.strip():
        raise ReadError(path, "no article text after the front matter", "add the article text")
    first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
    return Article(
        id=article_id,
        path=path,
        text=body,
        title=(_text_field(meta, "title", path) or first_line)[:300],
        content_hash=digest,
        url=_text_field(meta, "url", path),
        outlet=_text_field(meta, "outlet", path),
        published=parse_published(meta.get("published"), path),
        language=_stated_language(_text_field(meta, "language", path), path),
    )


def _parse(data: bytes, path: str, stem: str) -> tuple[Article, str]:
    """(article, encoding the file was read in)."""
    if not data.strip():
        raise ReadError(path, "empty file", "add the article text or delete the file")
    if len(data) > MAX_BYTES:
        raise too_large(path, len(data))
    text, encoding = decode_bytes(data, path)
    meta, body = split_front_matter(text, path) if path.endswith(".md") else ({}, text)
    return article_of(meta, body, path, stem, content_hash(data)), encoding


def parse_article(data: bytes, path: str, stem: str) -> Article:
    """Build an Article from a file's bytes; `path` is only used in messages and provenance."""
    return _parse(data, path, stem)[0]


SYMLINK = ("a symbolic link; only files in the corpus folder itself are read",
           "replace the link by the article file, or remove it")


def read_bytes(path: Path, shown: str, follow_links: bool = False) -> bytes:
    """The bytes of a regular file. Without `follow_links` the path must not be a link
    (`O_NOFOLLOW`: checked when the file is opened, so it cannot change in between); a
    FIFO or device is refused before anything is read from it."""
    if path.suffix not in SUFFIXES:
        raise ReadError(shown, f"unsupported file type {quoted(path.suffix or '(none)')}",
                        "save the article as .txt or .md")
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | (0 if follow_links else os.O_NOFOLLOW)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if not follow_links and os.path.islink(path):
            raise ReadError(shown, *SYMLINK) from None
        raise ReadError(shown, f"cannot read: {error.strerror}", "check the file exists and is readable") from None
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(shown, "not a regular file", "commit the article as a plain .txt or .md file")
        if info.st_size > MAX_BYTES:  # refused without loading it
            raise too_large(shown, info.st_size)
        try:
            return file.read(MAX_BYTES + 1)
        except OSError as error:
            raise ReadError(shown, f"cannot read: {error.strerror}", "check the file is readable") from None


def _read(path: Path, shown: str, parsed: ParsedArticles | None = None,
          follow_links: bool = False) -> tuple[Article, str]:
    data = read_bytes(path, shown, follow_links)
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


def read_article(path: Path, display: str | None = None, corpus: Path | None = None) -> Article:
    """Read one article file. Raises ReadError. A file in the `corpus` folder is held to
    the corpus's rule (no symbolic links); one elsewhere may be a link to an article."""
    in_corpus = corpus is not None and _inside(path, corpus)
    return _read(path, display or str(path), follow_links=not in_corpus)[0]


def _inside(path: Path, folder: Path) -> bool:
    """Whether the entry `path` (not what it links to) lies in `folder` or below it."""
    where, top = os.path.realpath(path.parent), os.path.realpath(folder)
    return where == top or where.startswith(top + os.sep)


@dataclass(frozen=True)
class CorpusListing:
    """The entries of a corpus folder: the files to read (by name), and a notice for each
    entry that is not read. A symbolic link is among the files: reading refuses it."""

    files: tuple[Path, ...]
    skipped: tuple[tuple[Path, str, str], ...]  # (path, reason, what to do)


def list_corpus(folder: Path) -> CorpusListing:
    files, skipped = [], []
    with os.scandir(folder) as entries:
        found = sorted(entries, key=lambda e: e.name)
    for entry in found:
        path = folder / entry.name
        if entry.name.startswith("."):
            skipped.append((path, "hidden, not read", "articles need a name that does not start with '.'"))
        elif entry.is_symlink():
            files.append(path)
        elif entry.is_dir():
            skipped.append((path, "a folder; the files in it are not read",
                            "put articles directly in the corpus folder"))
        elif not entry.is_file():
            skipped.append((path, "not a regular file (a FIFO, socket or device), not read",
                            "remove it; articles are plain .txt or .md files"))
        elif README.match(entry.name):
            skipped.append((path, "a README documents the folder and is not read as an article",
                            "give an article any other name"))
        else:
            files.append(path)
    return CorpusListing(tuple(files), tuple(skipped))


def corpus_files(folder: Path) -> list[Path]:
    """The files of a corpus folder that are read as articles, in a stable order (by name)."""
    return list(list_corpus(folder).files)


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
    listing = list_corpus(folder)
    notices = tuple(ReadNotice(os.path.join(shown_folder, path.name), reason, fix)
                    for path, reason, fix in listing.skipped)
    for path in listing.files:
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
        errors.append(ReadError(first.path, f"duplicate id {quoted(first.id)}, also used by "
                                + ", ".join(a.path for a in others), "rename one of the files or change its `id`"))
    kept = tuple(a for a in articles if a.id.casefold() not in clashing)
    shown_errors = {e.path for e in errors}
    return CorpusRead(
        articles=kept,
        errors=tuple(sorted(errors, key=lambda e: e.path)),
        warnings=tuple(w for w in warnings if w.path not in shown_errors),
        notices=notices,
    )
