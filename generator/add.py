"""`factsheet add`: put a new article into the corpus in its canonical form.

The article is decoded (UTF-8, or cp1252 and kin, decoded rather than lost), its line
ends become `\\n`, and it is written as `<id>.md` with front matter holding what the
editor stated: title, and published/outlet/url/language when given, never guessed.
Without an explicit id it gets a stable one from its date, outlet and title
(`2019-04-25-reuters-putin-and-kim-meet-in-vladivostok`), with a short content-hash
suffix only when another article already has that id. An article whose body is
already in the corpus (same hash of the normalised body) is refused, naming the file.
The title is kept in the front matter only: a first line that repeats it is not stored
in the body as well.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from slugify import slugify

from .extract.language import UnknownLanguageError, check_language
from .read import (MAX_BYTES, README, ReadError, article_of, check_id, content_hash, corpus_files, decode_bytes,
                   parse_article, read_bytes, split_front_matter, too_large)
from .records import Article
from .safe_yaml import quoted
from .write import write_new

SLUG_MAX = 80  # keeps file names readable and well inside every file system's limit
HASH_SUFFIX = 8


@dataclass(frozen=True)
class Metadata:
    """What the editor states about an article; None means not known (never guessed)."""

    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class Added:
    path: Path
    id: str
    encoding: str  # the encoding the input was read in


def body_hash(body: str) -> str:
    """The hash duplicates are found by: NFC text, no trailing spaces, no outer blank lines."""
    text = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    return hashlib.sha256("\n".join(lines).strip("\n").encode()).hexdigest()


def without_title_line(title: str, body: str) -> str:
    """`body` without its first line when that line is the title, as long as text remains:
    the title lives in the front matter and the page heading, not twice."""
    lines = body.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or lines[first].strip() != title.strip():
        return body
    rest = "\n".join(lines[first + 1:]).strip("\n")
    return rest if rest.strip() else body


def text_key(article: Article) -> str:
    """What duplicates are found by: the body's hash, a leading title line left out (so a
    `.txt` file and the same text added with its title in front matter are one text)."""
    return body_hash(without_title_line(article.title, article.text))


@dataclass(frozen=True)
class _Existing:
    path: Path
    id: str
    text_key: str


def _existing(corpus: Path) -> list[_Existing]:
    """The ids and text keys of the corpus's articles. Files that cannot be read are
    skipped here (their names still count as taken ids): they cannot be compared, and
    `factsheet check` reports them. Symbolic links are never followed."""
    found = []
    for path in corpus_files(corpus):
        try:
            article = parse_article(read_bytes(path, str(path)), str(path), path.stem)
        except ReadError:
            continue
        found.append(_Existing(path, article.id, text_key(article)))
    return found


def _stated(stated: Metadata, front_matter: dict) -> dict:
    """The front matter to store: the input's own, with the options over it. Checked by
    the reader (`article_of`), as `build` checks it."""
    given = {k: v for k, v in vars(stated).items() if v is not None}
    return {**{k: v for k, v in front_matter.items() if v not in (None, "")}, **given}


def stable_id(meta: Metadata | Article) -> str:
    """`<published>-<outlet>-<title>` as a slug; parts that are not known are left out."""
    parts = [meta.published.isoformat() if meta.published else "", meta.outlet or "", meta.title or ""]
    return slugify(" ".join(p for p in parts if p), max_length=SLUG_MAX, word_boundary=True) or "article"


def _choose_id(stated_id: str | None, article: Article, digest: str, taken: set[str], source: str) -> str:
    if stated_id is not None:
        if README.match(f"{stated_id}.md"):
            raise ReadError(source, f"id {quoted(stated_id)} would name a README file, which is not read as an article",
                            "give another --id")
        if stated_id.casefold() in taken:
            raise ReadError(source, f"id {quoted(stated_id)} is already used in the corpus", "give another --id")
        return stated_id
    candidate = stable_id(article)
    if candidate.casefold() in taken or README.match(f"{candidate}.md"):
        candidate = f"{candidate}-{digest[:HASH_SUFFIX]}"
    return candidate


def render(meta: Metadata | Article, body: str) -> str:
    """The `.md` file: front matter with the known fields in a fixed order, then the body."""
    fields = {"title": meta.title, "published": meta.published, "outlet": meta.outlet,
              "url": meta.url, "language": meta.language}
    known = {k: v for k, v in fields.items() if v is not None}
    front = yaml.safe_dump(known, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    return f"---\n{front}---\n\n{body}\n"


class _CorpusLock:
    """One `add` at a time per corpus folder: a lock on the folder itself (no lock file to
    leave behind), so two adds cannot both find an id or a text free and both take it."""

    def __init__(self, corpus: Path) -> None:
        self.corpus = corpus

    def __enter__(self) -> None:
        self.descriptor = os.open(self.corpus, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        fcntl.flock(self.descriptor, fcntl.LOCK_EX)

    def __exit__(self, *_: object) -> None:
        os.close(self.descriptor)  # releases the lock


def add_article(data: bytes, corpus: Path, stated: Metadata = Metadata(), source: str = "-") -> Added:
    """Write `data` into `corpus` as a new article; raises ReadError (with `source` as path).

    Everything `build` checks is checked before anything is written, by the reader's own
    checks. Adds into one corpus run one at a time, and the file is created, never
    replaced: a taken id or a text already in the corpus is refused, even when another
    add stores it at the same moment."""
    if not corpus.is_dir():
        raise ReadError(str(corpus), "corpus folder not found", "pass --corpus or create the folder")
    if not data.strip():
        raise ReadError(source, "empty input", "give the article text")
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data))
    text, encoding = decode_bytes(data, source)
    front_matter, body = split_front_matter(text, source)
    body = "\n".join(line.rstrip() for line in body.split("\n")).strip("\n")
    if not body.strip():
        raise ReadError(source, "no article text", "give the article text")
    fields = _stated(stated, front_matter)
    stated_id = fields.pop("id", None)
    article = article_of(fields, body, source, check_id(str(stated_id), source) if stated_id else "article",
                         content_hash(data))
    body = without_title_line(article.title, article.text)
    if article.language is None:
        try:
            check_language(body)
        except UnknownLanguageError as error:
            raise ReadError(source, f"unknown language {quoted(error.code)}", f"supported: {', '.join(error.supported)}"
                            ) from None
    digest = body_hash(body)
    content = render(article, body)
    try:
        return _store(content, corpus, article, stated_id and str(stated_id), digest, source, encoding)
    except OSError as error:  # a read-only folder, a full disk: one line, nothing half written
        raise ReadError(str(corpus), f"cannot add the article: {error.strerror}",
                        "check that the corpus folder is writable and the disk has room") from None


def _store(content: str, corpus: Path, article: Article, stated_id: str | None, digest: str, source: str,
           encoding: str) -> Added:
    """Under the corpus lock: refuse a text or id already there, then create the file."""
    with _CorpusLock(corpus):
        existing = _existing(corpus)
        same = next((e for e in existing if e.text_key == digest), None)
        if same is not None:
            raise ReadError(source, f"duplicate of {same.path} (same text)", "nothing to add; edit that file instead")
        taken = {e.id.casefold() for e in existing} | {p.stem.casefold() for p in corpus_files(corpus)}
        article_id = check_id(_choose_id(stated_id, article, digest, taken, source), source)
        target = corpus / f"{article_id}.md"
        parse_article(content.encode("utf-8"), source, article_id)  # what is written must read back
        try:
            write_new(target, content.encode("utf-8"))
        except FileExistsError:  # a name no check above could see: a folder of that name, an add without the lock
            raise ReadError(source, f"{target} exists already", "give another --id") from None
    return Added(path=target, id=article_id, encoding=encoding)
