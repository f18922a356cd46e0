"""Editor curation: `corpus/curation.yaml`, read by every build and never written by it.

The file is a list of actions applied in order (see `docs/curation.md`):

    actions:
      - action: set_title
        event: 2019-04-25-putin-kim-vladivostok
        title: First Putin–Kim summit

`load_curation` validates it against `schema/curation.schema.json` and reports every
problem at once as `path:line: reason (fix)`. A missing file is an empty curation.
Applying the actions is the events stage's job (`generator.events`); an action that no
longer matches anything becomes a warning that names its line.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Union

import jsonschema_rs
import yaml

from .safe_yaml import Limits, YamlRefused, cut, quoted
from .safe_yaml import load as load_yaml

ENTITY_ACTIONS = ("rename_entity", "merge_entities")
EVENT_ACTIONS = ("merge_events", "split_event", "set_title", "rename_event")
FACT_ACTIONS = ("suppress_fact", "add_fact")


class CurationError(Exception):
    """A curation file that cannot be used; one `path:line: reason (fix)` line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class RenameEntity:
    where: str  # "path:line", for warnings
    kind: str  # person | place
    entity: str  # id, canonical name or a spelling seen
    name: str


@dataclass(frozen=True)
class MergeEntities:
    where: str
    kind: str
    entities: tuple[str, ...]
    name: str | None


@dataclass(frozen=True)
class MergeEvents:
    where: str
    events: tuple[str, ...]


@dataclass(frozen=True)
class SplitEvent:
    where: str
    event: str
    articles: tuple[str, ...]


@dataclass(frozen=True)
class SetTitle:
    where: str
    event: str
    title: str


@dataclass(frozen=True)
class RenameEvent:
    where: str
    event: str
    id: str


@dataclass(frozen=True)
class SuppressFact:
    where: str
    fact: str  # person | place | date | outcome
    value: str
    event: str | None
    article: str | None


@dataclass(frozen=True)
class AddFact:
    where: str
    fact: str
    article: str
    quote: str
    fields: tuple[tuple[str, Any], ...]  # the fact's own fields (name, role, present, value, kind...)

    def field(self, name: str, default: Any = None) -> Any:
        return dict(self.fields).get(name, default)


Action = Union[RenameEntity, MergeEntities, MergeEvents, SplitEvent, SetTitle, RenameEvent, SuppressFact, AddFact]


@dataclass(frozen=True)
class Curation:
    path: str = "corpus/curation.yaml"
    actions: tuple[Action, ...] = ()

    def of(self, *types: type) -> tuple[Action, ...]:
        return tuple(a for a in self.actions if isinstance(a, types))


class _Loader(yaml.SafeLoader):
    """YAML without implicit timestamps: `2019-04-25` stays the string an id or date value is."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# Far above any editor's file; a few aliases are allowed, their expansion bounded.
CURATION_LIMITS = Limits(max_chars=2_000_000, max_aliases=100, max_nodes=200_000)


@lru_cache(maxsize=1)
def curation_schema() -> dict:
    return json.loads(resources.files("generator.schema").joinpath("curation.schema.json").read_text())


def _line_of(node: yaml.Node | None, path: list) -> int:
    """The 1-based line of the YAML node at a JSON path (the deepest node that exists)."""
    line = node.start_mark.line + 1 if node is not None else 1
    for step in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            child = node.value[step]
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def _fix(error: Any) -> str:
    """What to do about a `jsonschema.ValidationError`."""
    if error.validator == "required":
        return "add the missing field"
    if error.validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        return f"remove it or correct its spelling; allowed here: {', '.join(allowed)}"
    if error.validator in ("enum", "const"):
        return f"use one of: {', '.join(map(str, error.validator_value))}" if error.validator == "enum" \
            else f"use {error.validator_value}"
    if error.validator == "type":
        return f"write a {error.validator_value}" if isinstance(error.validator_value, str) \
            else f"write one of: {', '.join(error.validator_value)}"
    if error.validator == "minItems":
        return f"list at least {error.validator_value}"
    if error.validator == "pattern":
        return "see docs/curation.md for the expected form"
    if error.validator == "minLength":
        return "write a non-empty value"
    return "see docs/curation.md"


def _validation_problems(data: Any, root: yaml.Node | None, path: str) -> list[str]:
    if jsonschema_rs.validator_for(curation_schema()).is_valid(data):
        return []
    import jsonschema  # slow to import; its errors say where and what, for the messages below

    validator = jsonschema.Draft202012Validator(curation_schema())
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message)):
        # `if`/`then` wrappers repeat their inner errors; report the leaf ones only.
        if error.validator in ("allOf", "if", "then"):
            continue
        path_to = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            unexpected = sorted(k for k in error.instance if k not in error.schema.get("properties", {}))
            path_to += unexpected[:1]
        where = _line_of(root, path_to)
        field = ".".join(str(p) for p in error.absolute_path) or "file"
        problems.append(f"{path}:{where}: {field}: {cut(error.message)} ({_fix(error)})")  # the message quotes the value
    return sorted(set(problems), key=lambda p: (int(p.split(":")[1]), p))


def _action(entry: dict, where: str) -> Action:
    kind = entry["action"]
    if kind == "rename_entity":
        return RenameEntity(where, entry["kind"], str(entry["entity"]), str(entry["name"]))
    if kind == "merge_entities":
        return MergeEntities(where, entry["kind"], tuple(map(str, entry["entities"])), entry.get("name"))
    if kind == "merge_events":
        return MergeEvents(where, tuple(map(str, entry["events"])))
    if kind == "split_event":
        return SplitEvent(where, str(entry["event"]), tuple(map(str, entry["articles"])))
    if kind == "set_title":
        return SetTitle(where, str(entry["event"]), str(entry["title"]))
    if kind == "rename_event":
        return RenameEvent(where, str(entry["event"]), str(entry["id"]))
    if kind == "suppress_fact":
        return SuppressFact(where, entry["fact"], str(entry["value"]),
                            _optional(entry.get("event")), _optional(entry.get("article")))
    fields = tuple(sorted((k, v) for k, v in entry.items() if k not in ("action", "fact", "article", "quote")))
    return AddFact(where, entry["fact"], str(entry["article"]), str(entry["quote"]), fields)


def _optional(value: Any) -> str | None:
    return None if value is None else str(value)


# What one event or entity can have only one of: two such entries would silently let the last win.
ONE_PER_TARGET = {"set_title": ("event",), "rename_event": ("event",), "rename_entity": ("kind", "entity")}


def _refuse_conflicts(data: Any, root: yaml.Node | None, path: str) -> None:
    """A repeated entry, or two entries that set one thing (two titles for one event): a
    CurationError naming both lines. Entries the schema refuses are left to it."""
    entries = data.get("actions") if isinstance(data, dict) else None
    problems = []
    first_at: dict[str, int] = {}
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            continue  # the schema says what is wrong with it
        line = _line_of(root, ["actions", index])
        kind = entry.get("action")
        same = json.dumps(entry, sort_keys=True, default=str)
        if same in first_at:
            problems.append(f"{path}:{line}: the same entry as line {first_at[same]} (remove one)")
            continue
        first_at[same] = line
        if kind in ONE_PER_TARGET and all(k in entry for k in ONE_PER_TARGET[kind]):
            target = json.dumps([kind, *(str(entry[k]).casefold() for k in ONE_PER_TARGET[kind])])
            if target in first_at:
                what = " ".join(quoted(entry[k]) for k in ONE_PER_TARGET[kind])
                problems.append(f"{path}:{line}: a second {kind} for {what}, after line {first_at[target]} "
                                "(keep one of them)")
            first_at.setdefault(target, line)
    if problems:
        raise CurationError(problems)


def parse_curation(text: str, path: str) -> Curation:
    """Parse and validate curation YAML; raises CurationError listing every problem."""
    try:
        data, root = load_yaml(text, CURATION_LIMITS, _Loader)
        _refuse_conflicts(data, root, path)
    except YamlRefused as error:
        raise CurationError([f"{path}:{error.line}: {error.reason} ({error.fix}; see docs/curation.md)"]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = getattr(error, "problem", None) or "not valid YAML"
        raise CurationError([f"{path}:{line}: {reason} (check the indentation and quoting around this line)"]) from None
    if data is None:
        return Curation(path=path)
    if not isinstance(data, dict):
        raise CurationError([f"{path}:1: the file must be a mapping with an `actions:` list "
                             "(start it with `actions:`; see docs/curation.md)"])
    problems = _validation_problems(data, root, path)
    if problems:
        raise CurationError(problems)
    actions = []
    for index, entry in enumerate(data.get("actions") or []):
        actions.append(_action(entry, f"{path}:{_line_of(root, ['actions', index])}"))
    return Curation(path=path, actions=tuple(actions))


def load_curation(path: Path, display: str | None = None) -> Curation:
    """Read the curation file; a missing file is an empty curation. Raises CurationError."""
    shown = display or str(path)
    if path.is_symlink():  # it could be any file of the machine
        raise CurationError([f"{shown}:1: a symbolic link (commit the curation file itself)"])
    if not path.exists():
        return Curation(path=shown)
    try:
        if path.stat().st_size > CURATION_LIMITS.max_chars * 4:  # refused without loading it (UTF-8: ≤ 4 bytes a character)
            raise CurationError([f"{shown}:1: too large for a curation file (keep it under "
                                 f"{CURATION_LIMITS.max_chars:,} characters)"])
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CurationError([f"{shown}:1: cannot read the curation file: {error} (save it as UTF-8 text)"]) from None
    return parse_curation(text, shown)
