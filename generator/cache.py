"""The extraction cache: one JSON file per extracted article, so a rebuild only
extracts what changed.

An entry's key digests everything the record depends on: the extractor version
(`generator.extract.extractor_version()`, a digest of the extraction code and
language data), the bytes of the article file (`content_hash`, which covers its
front matter), its id and corpus path, and the anchor date an event may supply.
Entries live under `<folder>/<extractor version>/`, so the entries of an old
extractor sit apart and the whole folder can be deleted at any time. The folder
(`.cache/factsheet/extract/`) is git-ignored; CI restores it with `actions/cache`.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import orjson

from .records import Article, ArticleRecord, from_dict
from .write import write_bytes

DEFAULT_FOLDER = Path(".cache/factsheet/extract")


@dataclass(frozen=True)
class ExtractionCache:
    folder: Path
    version: str  # the extractor version the entries belong to

    def key(self, article: Article, anchor: date | None = None) -> str:
        parts = [self.version, article.content_hash, article.id, article.path,
                 anchor.isoformat() if anchor else None]
        return hashlib.sha256(json.dumps(parts).encode()).hexdigest()

    def path(self, article: Article, anchor: date | None = None) -> Path:
        return self.folder / self.version / f"{self.key(article, anchor)}.json"

    def get(self, article: Article, anchor: date | None = None) -> ArticleRecord | None:
        """The cached record, or None when there is none or it does not belong to this article."""
        path = self.path(article, anchor)
        try:
            data = orjson.loads(path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, orjson.JSONDecodeError):
            return None  # unreadable entry: extract again and `put` overwrites it
        if not isinstance(data, dict):
            return None
        try:
            record = from_dict(ArticleRecord, data)
        except TypeError:  # entry from a record layout with other fields
            return None
        if record.content_hash != article.content_hash or record.extractor_version != self.version:
            return None
        return record

    def put(self, article: Article, record: ArticleRecord, anchor: date | None = None) -> None:
        # No fsync: an entry lost or cut short by a crash reads as missing and is made again
        # (fsyncing a thousand entries took a cold build of 1,000 articles 4 s).
        write_bytes(self.path(article, anchor), orjson.dumps(record) + b"\n", durable=False)
