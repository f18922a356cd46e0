"""`factsheet add`: put a new article into the corpus in its canonical form.

The article is decoded (UTF-8, or cp1252 and kin, decoded rather than lost), its line
ends become `\\n`, and it is written as `<id>.md` with front matter holding what the
editor stated: title, and published/outlet/url/language when given, never guessed.
Without an explicit id it gets a stable one from its date, outlet and title
(`2019-04-25-reuters-putin-and-kim-meet-in-vladivostok`), with a short content-hash
suffix only when another article already has that id. An article whose body is
already in the corpus (same hash of the normalised body) is refused, naming the file.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml
from slugify import slugify

from .extract.language import UnknownLanguageError, check_language
from .read import (FRONT_MATTER_FIELDS, ID_PATTERN, MAX_BYTES, ReadError, corpus_files, decode_bytes,
                   parse_article, split_front_matter, too_large)
from .write import write_text

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


@dataclass(frozen=True)
class _Existing:
    path: Path
    id: str
    body_hash: str


def _existing(corpus: Path) -> list[_Existing]:
    """The ids and body hashes of the corpus. Files that cannot be read are skipped here:
    they cannot be compared, and `factsheet check` reports them."""
    found = []
    for path in corpus_files(corpus):
        try:
            text, _ = decode_bytes(path.read_bytes()[: MAX_BYTES + 1], str(path))
            meta, body = split_front_matter(text, str(path)) if path.suffix == ".md" else ({}, text)
        except (ReadError, OSError):
            continue
        found.append(_Existing(path, str(meta.get("id") or path.stem), body_hash(body)))
    return found


def _merge(stated: Metadata, front_matter: dict, source: str) -> Metadata:
    """Options override the input's own front matter."""
    unknown = sorted(str(key) for key in set(front_matter) - set(FRONT_MATTER_FIELDS))
    if unknown:
        raise ReadError(source, f"unknown front matter field(s): {', '.join(unknown)}",
                        f"use only {', '.join(FRONT_MATTER_FIELDS)}")
    from_file = {k: front_matter.get(k) for k in FRONT_MATTER_FIELDS if front_matter.get(k) not in (None, "")}
    given = {k: v for k, v in vars(stated).items() if v is not None}
    merged = {**from_file, **given}
    published = merged.get("published")
    if published is not None and not isinstance(published, date):
        try:
            published = date.fromisoformat(str(published).strip()[:10])
        except ValueError:
            raise ReadError(source, f"`published` is not a date: {published!r}", "write it as YYYY-MM-DD") from None
    return Metadata(
        title=str(merged["title"]).strip() if "title" in merged else None,
        published=published,
        outlet=str(merged["outlet"]).strip() if "outlet" in merged else None,
        url=str(merged["url"]).strip() if "url" in merged else None,
        language=str(merged["language"]).strip().lower() if "language" in merged else None,
        id=str(merged["id"]).strip() if "id" in merged else None,
    )


def stable_id(meta: Metadata) -> str:
    """`<published>-<outlet>-<title>` as a slug; parts that are not known are left out."""
    parts = [meta.published.isoformat() if meta.published else "", meta.outlet or "", meta.title or ""]
    return slugify(" ".join(p for p in parts if p), max_length=SLUG_MAX, word_boundary=True) or "article"


def _choose_id(meta: Metadata, digest: str, taken: set[str], source: str) -> str:
    if meta.id is not None:
        if meta.id.casefold() in taken:
            raise ReadError(source, f"id {meta.id!r} is already used in the corpus", "give another --id")
        return meta.id
    candidate = stable_id(meta)
    if candidate.casefold() in taken:
        candidate = f"{candidate}-{digest[:HASH_SUFFIX]}"
    return candidate


def render(meta: Metadata, body: str) -> str:
    """The `.md` file: front matter with the known fields in a fixed order, then the body."""
    fields = {"title": meta.title, "published": meta.published, "outlet": meta.outlet,
              "url": meta.url, "language": meta.language}
    known = {k: v for k, v in fields.items() if v is not None}
    front = yaml.safe_dump(known, allow_unicode=True, sort_keys=False, default_flow_style=False, width=10_000)
    return f"---\n{front}---\n\n{body}\n"


def add_article(data: bytes, corpus: Path, stated: Metadata = Metadata(), source: str = "-") -> Added:
    """Write `data` into `corpus` as a new article; raises ReadError (with `source` as path)."""
    if not corpus.is_dir():
        raise ReadError(str(corpus), "corpus folder not found", "pass --corpus or create the folder")
    if not data.strip():
        raise ReadError(source, "empty input", "give the article text")
    if len(data) > MAX_BYTES:
        raise too_large(source, len(data))
    text, encoding = decode_bytes(data, source)
    front_matter, body = split_front_matter(text, source)
    meta = _merge(stated, front_matter, source)
    body = "\n".join(line.rstrip() for line in body.split("\n")).strip("\n")
    if not body.strip():
        raise ReadError(source, "no article text", "give the article text")
    if meta.title is None:
        meta = replace(meta, title=next(line.strip() for line in body.splitlines() if line.strip())[:300])
    digest = body_hash(body)
    existing = _existing(corpus)
    same = next((e for e in existing if e.body_hash == digest), None)
    if same is not None:
        raise ReadError(source, f"duplicate of {same.path} (same text)", "nothing to add; edit that file instead")
    article_id = _choose_id(meta, digest, {e.id.casefold() for e in existing}
                            | {p.stem.casefold() for p in corpus_files(corpus)}, source)
    if not ID_PATTERN.match(article_id) or ".." in article_id:
        raise ReadError(source, f"id {article_id!r} looks like a path or has odd characters",
                        "use letters, digits, '-', '_' and '.' only")
    content = render(replace(meta, id=None), body)
    target = corpus / f"{article_id}.md"
    article = parse_article(content.encode("utf-8"), source, article_id)  # what is written must read back
    if article.language is None:
        try:
            check_language(article.text)
        except UnknownLanguageError as error:
            raise ReadError(source, f"unknown language {error.code!r}", f"supported: {', '.join(error.supported)}"
                            ) from None
    write_text(target, content)
    return Added(path=target, id=article_id, encoding=encoding)
