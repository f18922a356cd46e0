"""YAML that editors write (article front matter, `corpus/curation.yaml`), loaded with bounds.

Safe loading alone does not make hostile YAML harmless: a few hundred bytes of nested
aliases (`&a [*a, *a, ...]`) expand to billions of values once anything walks the result,
and deeply nested brackets make the parser slow (libyaml is quadratic in the depth) and
its composer crash the process. So `load` parses in steps, each bounded before the next:

1. the text's size;
2. the parser's events, stopping at the first alias over the budget or the first
   collection nested deeper than `MAX_DEPTH`;
3. the composed node graph: its size with every alias expanded, duplicate keys (an
   error, not "the last one wins"), numbers that are not finite (`.nan`, `.inf`);
4. only then the Python values.

Every refusal is a `YamlRefused` with the 1-based line it is about.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import yaml

SAFE_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML has it: 10x faster
MAX_DEPTH = 32  # no editor file nests deeper than a handful of levels
MAX_QUOTED = 200  # characters of a value a message shows
FLOAT_TAG = "tag:yaml.org,2002:float"
MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class Limits:
    max_chars: int
    max_aliases: int = 0  # 0: aliases are refused outright
    max_nodes: int = 100_000  # values after every alias is expanded


class YamlRefused(ValueError):
    """YAML that is refused before it is turned into values: `line` (1-based), what is
    wrong, and what to do about it."""

    def __init__(self, reason: str, line: int, fix: str = "write each value out in full") -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.fix = fix


def cut(text: str, limit: int = MAX_QUOTED) -> str:
    """`text` for a message, cut to `limit` characters."""
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"


def quoted(value: object, limit: int = MAX_QUOTED) -> str:
    """`repr(value)` for a message, cut to about `limit` characters.

    Cheap on any value: a string is cut before `repr`, so a megabyte never gets copied,
    and other values are shown by their type and size."""
    if isinstance(value, str):
        shown = repr(value[:limit])
        return shown if len(value) <= limit else f"{shown[:-1]}…{shown[-1]} ({len(value):,} characters)"
    if isinstance(value, (list, tuple, dict, set)):
        return f"a {type(value).__name__} of {len(value):,} item(s)"
    shown = repr(value) if isinstance(value, (int, float, bool, type(None))) else f"a {type(value).__name__}"
    return shown if len(shown) <= limit else shown[:limit] + "…"


def _scan_events(text: str, loader: type, limits: Limits) -> None:
    depth = aliases = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlRefused(f"nested more than {MAX_DEPTH} levels deep", event.start_mark.line + 1)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
        elif isinstance(event, yaml.AliasEvent):
            aliases += 1
            if aliases > limits.max_aliases:
                reason = ("an alias (`*name`) is not allowed here" if limits.max_aliases == 0
                          else f"more than {limits.max_aliases} aliases (`*name`)")
                raise YamlRefused(reason, event.start_mark.line + 1)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_node(node: yaml.Node) -> None:
    """Duplicate keys and non-finite numbers, in one node."""
    if isinstance(node, yaml.ScalarNode) and node.tag == FLOAT_TAG:
        try:
            finite = math.isfinite(float(node.value.replace("_", "")))
        except ValueError:  # `.nan`, `.inf`, `-.Inf`: YAML's own spellings
            finite = False
        if not finite:
            raise YamlRefused(f"{quoted(node.value)} is not a finite number", node.start_mark.line + 1,
                              "write a number")
    if isinstance(node, yaml.MappingNode):
        seen: dict[tuple[str, str], int] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.tag == MERGE_TAG:
                continue
            line, ident = key.start_mark.line + 1, (key.tag, key.value)
            if ident in seen:
                raise YamlRefused(f"duplicate key {quoted(key.value)} (first at line {seen[ident]})", line,
                                  "keep one of them")
            seen[ident] = line


def _check_graph(root: yaml.Node, limits: Limits) -> None:
    """Walk every node once (aliases share nodes), counting the values the aliases expand to."""
    expanded: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            on_path.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in _children(node))
            if expanded[key] > limits.max_nodes:
                raise YamlRefused(f"expands to more than {limits.max_nodes:,} values (through its aliases)",
                                  node.start_mark.line + 1)
            continue
        if key in expanded:
            continue
        if key in on_path:
            raise YamlRefused("an alias refers to the collection it is in", node.start_mark.line + 1)
        _check_node(node)
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(_children(node)) if id(child) not in expanded)


def load(text: str, limits: Limits, loader: type = SAFE_LOADER) -> tuple[Any, yaml.Node | None]:
    """(values, root node) of one YAML document; (None, None) for an empty one.

    Raises `YamlRefused` for what the limits refuse, `yaml.YAMLError` for what is not
    YAML, and `ValueError` for a value YAML cannot make (`2019-02-30` as a date)."""
    if len(text) > limits.max_chars:
        raise YamlRefused(f"too large ({len(text):,} characters; the limit is {limits.max_chars:,})", 1,
                          "remove what does not belong there")
    _scan_events(text, loader, limits)
    parser = loader(text)
    try:
        root = parser.get_single_node()
        if root is None:
            return None, None
        _check_graph(root, limits)
        return parser.construct_document(root), root
    finally:
        parser.dispose()
