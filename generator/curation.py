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

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Sequence, Union

import jsonschema_rs
import yaml

from .safe_yaml import Limits, YamlRefused, cut, quoted
from .safe_yaml import load as load_yaml

ENTITY_ACTIONS = ("rename_entity", "merge_entities")
EVENT_ACTIONS = ("merge_events", "split_event", "set_title", "rename_event")
FACT_ACTIONS = ("suppress_fact", "add_fact")
ACTIONS = (*ENTITY_ACTIONS, *EVENT_ACTIONS, *FACT_ACTIONS)


class CurationError(Exception):
    """A curation file that cannot be used; one `path:line: reason (fix)` line per problem.

    `usable` holds the entries that are valid on their own, so that `factsheet check` can
    also report which of those no longer match anything: one round of fixes, not two."""

    def __init__(self, problems: list[str], usable: "Curation | None" = None) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)
        self.usable = usable


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


def _did_you_mean(word: Any, options: Sequence[str]) -> str:
    """"did you mean 'x'? " when `word` is close to one of `options`, else ""."""
    if not isinstance(word, str) or len(word) > 100:  # not a typo of a name
        return ""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def _message(error: Any, unexpected: str | None) -> str:
    """What is wrong and what to do about it, for one `jsonschema.ValidationError`: each
    list of valid values given once, with the closest one first when it looks like a typo."""
    if unexpected is not None:
        allowed = sorted(error.schema.get("properties", {}))
        guess = _did_you_mean(unexpected, allowed)
        return f"unknown field {quoted(unexpected)} ({guess}allowed here: {', '.join(allowed)})"
    if error.validator == "required":
        missing = error.message.split(" is a required property")[0]
        return f"{missing} is missing (add it; see docs/curation.md)"
    if error.validator == "enum":
        values = [str(v) for v in error.validator_value]
        what = "action" if list(error.absolute_path)[-1:] == ["action"] else "value"
        guess = _did_you_mean(error.instance, values)
        return f"unknown {what} {quoted(error.instance)} ({guess}use one of: {', '.join(values)})"
    if error.validator == "const":
        return f"{cut(error.message)} (use {error.validator_value})"
    if error.validator == "type":
        kinds = [error.validator_value] if isinstance(error.validator_value, str) else error.validator_value
        expected = " or ".join(_TYPE_NAMES.get(kind, kind) for kind in kinds if kind != "null")
        return f"{quoted(error.instance)} is not {expected} (write {expected})"
    if error.validator == "minItems":
        return f"{cut(error.message)} (list at least {error.validator_value})"
    if error.validator == "pattern":
        return f"{quoted(error.instance)} is not in the expected form (see docs/curation.md)"
    if error.validator == "minLength":
        return "empty value (write a non-empty value)"
    return f"{cut(error.message)} (see docs/curation.md)"


_TYPE_NAMES = {"array": "a list", "object": "a mapping of `field: value` lines", "string": "text",
               "number": "a number", "integer": "a whole number", "boolean": "true or false"}


def _entry_action(data: Any, path: list) -> Any:
    """The `action:` of the entry a JSON path points into (None above the entries)."""
    if len(path) >= 2 and path[0] == "actions" and isinstance(path[1], int) and isinstance(data, dict):
        entries = data.get("actions")
        if isinstance(entries, list) and path[1] < len(entries) and isinstance(entries[path[1]], dict):
            return entries[path[1]].get("action")
    return None


def _about_the_action(error: Any) -> bool:
    """An error a wrong or missing `action:` explains; the entry's other errors then follow
    only from checking it against every kind of action, and say nothing useful."""
    path = list(error.absolute_path)
    return path[2:] == ["action"] or len(path) == 2 and (
        error.validator == "type" or error.validator == "required" and error.message.startswith("'action'"))


def _subject(data: Any, path: list) -> str:
    """Who the problem is about: the entry's action and the field within it (`merge_events:
    events`), or `actions` / `file` above the entries; entries are not numbered, the line says where."""
    if len(path) >= 2 and path[0] == "actions" and isinstance(path[1], int):
        action = _entry_action(data, path)
        if path[2:] == ["action"]:
            return ""  # the message names the action itself
        return ": ".join(filter(None, [action if action in ACTIONS else "entry", ".".join(map(str, path[2:]))]))
    return ".".join(str(p) for p in path) or "file"


def _validation_problems(data: Any, root: yaml.Node | None, path: str) -> list[str]:
    if jsonschema_rs.validator_for(curation_schema()).is_valid(data):
        return []
    import jsonschema  # slow to import; its errors say where and what, for the messages below

    validator = jsonschema.Draft202012Validator(curation_schema())
    problems: dict[str, int] = {}
    for error in validator.iter_errors(data):
        # `if`/`then` wrappers repeat their inner errors; report the leaf ones only.
        if error.validator in ("allOf", "if", "then"):
            continue
        path_to = list(error.absolute_path)
        if len(path_to) >= 2 and path_to[0] == "actions" and _entry_action(data, path_to) not in ACTIONS \
                and not _about_the_action(error):
            continue
        unexpected: list[str | None] = [None]
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            unexpected = sorted(str(k) for k in error.instance if k not in error.schema.get("properties", {}))
        for field in unexpected:
            line = _line_of(root, path_to + ([field] if field is not None else []))
            subject = _subject(data, path_to)
            problems.setdefault(f"{path}:{line}: {subject + ': ' if subject else ''}{_message(error, field)}", line)
    return sorted(problems, key=lambda p: (problems[p], p))


def _valid_entries(data: dict) -> list[int]:
    """The positions of the entries that fit the schema on their own (for `CurationError.usable`)."""
    entries = data.get("actions")
    if not isinstance(entries, list):
        return []
    validator = jsonschema_rs.validator_for(curation_schema())
    return [n for n, entry in enumerate(entries) if validator.is_valid({"actions": [entry]})]


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
    try:
        _refuse_conflicts(data, root, path)
        conflicts: tuple[str, ...] = ()
    except CurationError as error:  # reported with the schema's problems, in one round
        conflicts = error.problems
    problems = sorted([*_validation_problems(data, root, path), *conflicts], key=lambda p: (int(p.split(":")[1]), p))
    valid = _valid_entries(data) if problems else range(len(data.get("actions") or []))
    actions = tuple(_action(data["actions"][n], f"{path}:{_line_of(root, ['actions', n])}") for n in valid)
    if problems:
        raise CurationError(problems, Curation(path=path, actions=actions))
    return Curation(path=path, actions=actions)


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
