"""Check records against the JSON Schemas shipped in `generator/schema/`.

Every record is validated when it is written (`validated`), and `factsheet check`
validates the records already on disk. Problems come back as readable strings that
name the field (`participants[0].role: ...`), never as a bare traceback.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema_rs

from .records import ArticleRecord, EventRecord, to_dict
from .safe_yaml import cut
from .write import dump_yaml

KINDS = {ArticleRecord: "article", EventRecord: "event"}


@dataclass(frozen=True)
class RecordInvalid(Exception):
    """A record that breaks its schema: `path: reason (what to do)`."""

    path: str
    problems: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.path}: {'; '.join(self.problems)} (fix the extractor or the record)"


@lru_cache(maxsize=None)
def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a record kind (`article` or `event`)."""
    text = (resources.files("generator") / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def _validator(kind: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker  # slow to import; needed only for messages

    return Draft202012Validator(schema(kind), format_checker=FormatChecker())


@lru_cache(maxsize=None)
def _fast_validator(kind: str) -> Any:
    # The Rust validator checks a large corpus in milliseconds; `jsonschema` (above)
    # only runs when it finds a problem, for messages that name the field.
    return jsonschema_rs.validator_for(schema(kind), validate_formats=True)


def _where(error: Any) -> str:
    where = ""
    for part in error.absolute_path:
        where += f"[{part}]" if isinstance(part, int) else f".{part}"
    return where.lstrip(".") or "record"


def problems(kind: str, data: Any) -> list[str]:
    """Every way `data` breaks the `kind` schema, in document order."""
    if _fast_validator(kind).is_valid(data):
        return []
    errors = sorted(_validator(kind).iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    return [f"{cut(_where(e))}: {cut(e.message)}" for e in errors]  # a message quotes the value: kept short


def provenance_problems(data: dict[str, Any], text: str) -> list[str]:
    """Evidence whose quote is not `text[start:end]` of the article it cites."""
    found = []
    for section in ("participants", "locations", "dates", "outcomes"):
        for index, fact in enumerate(data.get(section) or []):
            for number, evidence in enumerate(fact.get("evidence") or []):
                start, end = evidence.get("start"), evidence.get("end")
                if not isinstance(start, int) or not isinstance(end, int) or text[start:end] != evidence.get("quote"):
                    found.append(f"{section}[{index}].evidence[{number}]: quote is not the text at {start}-{end}")
    return found


def validated(record: ArticleRecord | EventRecord, path: str) -> dict[str, Any]:
    """The record as plain data, after checking it against its schema; raises RecordInvalid."""
    data = to_dict(record)
    found = problems(KINDS[type(record)], data)
    if found:
        raise RecordInvalid(path, tuple(found))
    return data


def record_yaml(record: ArticleRecord | EventRecord, path: str) -> str:
    """The record as YAML, checked against its JSON Schema first (raises RecordInvalid)."""
    return dump_yaml(validated(record, path))
