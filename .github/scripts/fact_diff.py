#!/usr/bin/env python3
"""Print, as Markdown, the facts a pull request adds, changes or removes.

    fact_diff.py BASE_DATA HEAD_DATA

Both arguments are `docs/data` folders (`articles/*.yaml`, `events/*.yaml`): the
records built from `main` and from the pull request. A fact is identified by its kind
and key (a person's or place's canonical name, a date's value, an outcome's text);
a fact whose other attributes differ is "changed". Evidence offsets are left out of
the comparison: they move whenever text above them is edited. The workflow appends
the output to $GITHUB_STEP_SUMMARY. Needs only PyYAML.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

# record section → (fact label, key field, attributes compared); the same for both record kinds
SECTIONS = {
    "participants": ("person", "name", ("role", "roles", "present")),
    "locations": ("place", "name", ("type", "country", "main")),
    "dates": ("date", "value", ("main", "text", "texts")),
    "outcomes": ("outcome", "text", ("kind", "speaker")),
}
RECORD_FIELDS = ("title", "language", "event", "date", "published", "places", "articles")
MAX_ROWS = 60  # per record: the job summary stays readable (and far below GitHub's 1 MiB limit)


@dataclass(frozen=True)
class Change:
    sign: str  # + added, ~ changed, − removed
    kind: str
    fact: str
    detail: str


def load_records(folder: Path) -> dict[str, dict[str, Any]]:
    """id → record of every YAML file in `folder` (missing folder: none)."""
    if not folder.is_dir():
        return {}
    records = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            records[str(data.get("id") or path.stem)] = data
    return records


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(_show, value)) or "—"
    return "—" if value is None else str(value)


def _facts(record: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    facts = {}
    for section, (label, key, attributes) in SECTIONS.items():
        for fact in record.get(section) or []:
            if isinstance(fact, dict) and fact.get(key) is not None:
                facts[(label, str(fact[key]))] = {a: fact.get(a) for a in attributes if a in fact}
    return facts


def _describe(attributes: dict[str, Any]) -> str:
    return "; ".join(f"{name}: {_show(value)}" for name, value in attributes.items())


def diff_record(base: dict[str, Any] | None, head: dict[str, Any] | None) -> list[Change]:
    """The changes from `base` to `head` (None: the record does not exist on that side)."""
    changes = []
    old_record, new_record = base or {}, head or {}
    for name in RECORD_FIELDS:
        if base is not None and head is not None and old_record.get(name) != new_record.get(name):
            changes.append(Change("~", "field", name, f"{_show(old_record.get(name))} → {_show(new_record.get(name))}"))
    old, new = _facts(old_record), _facts(new_record)
    for kind, fact in sorted(new.keys() - old.keys()):
        changes.append(Change("+", kind, fact, _describe(new[(kind, fact)])))
    for kind, fact in sorted(old.keys() & new.keys()):
        before, after = old[(kind, fact)], new[(kind, fact)]
        moved = [f"{a}: {_show(before.get(a))} → {_show(after.get(a))}"
                 for a in sorted(before.keys() | after.keys()) if before.get(a) != after.get(a)]
        if moved:
            changes.append(Change("~", kind, fact, "; ".join(moved)))
    for kind, fact in sorted(old.keys() - new.keys()):
        changes.append(Change("−", kind, fact, _describe(old[(kind, fact)])))
    return changes


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").strip() or " "


def _table(changes: list[Change]) -> Iterable[str]:
    yield "| | fact | value | detail |"
    yield "|---|---|---|---|"
    for change in changes[:MAX_ROWS]:
        yield f"| {change.sign} | {change.kind} | {_cell(change.fact)} | {_cell(change.detail)} |"
    if len(changes) > MAX_ROWS:
        yield f"| | | … and {len(changes) - MAX_ROWS} more | |"


def report(base_dir: Path, head_dir: Path) -> str:
    lines = ["## Fact diff against main", ""]
    counts = {"+": 0, "~": 0, "−": 0}
    sections = []
    for kind, folder in (("Article", "articles"), ("Event", "events")):
        base, head = load_records(base_dir / folder), load_records(head_dir / folder)
        for record_id in sorted(base.keys() | head.keys()):
            changes = diff_record(base.get(record_id), head.get(record_id))
            if not changes and record_id in base and record_id in head:
                continue
            state = "new" if record_id not in base else "removed" if record_id not in head else "changed"
            for change in changes:
                if change.kind != "field":
                    counts[change.sign] += 1
            sections += [f"### {kind} `{record_id}` ({state})", "", *_table(changes), ""]
    if not sections:
        return "\n".join([*lines, "No facts added, changed or removed.", ""])
    records = sum(1 for line in sections if line.startswith("### "))
    lines += [f"Records that differ: {records}. Facts added: **{counts['+']}**, changed: **{counts['~']}**, "
              f"removed: **{counts['−']}**.", "", *sections]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: fact_diff.py BASE_DATA HEAD_DATA  (two docs/data folders)", file=sys.stderr)
        return 2
    base_dir, head_dir = Path(argv[0]), Path(argv[1])
    missing = [str(p) for p in (base_dir, head_dir) if not p.is_dir()]
    if missing:
        print(f"{missing[0]}: not a folder (pass the docs/data folders of both builds)", file=sys.stderr)
        return 2
    sys.stdout.write(report(base_dir, head_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
