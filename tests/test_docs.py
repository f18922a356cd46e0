"""Documentation keeps up with the code: every CLI command and option is described in
docs/cli.md, and every record field (schema property) in docs/schemas.md."""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Iterator

import click
import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parent.parent
CLI_DOC = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
SCHEMAS_DOC = (REPO / "docs" / "schemas.md").read_text(encoding="utf-8")
SCHEMAS = REPO / "generator" / "schema"


def sections(markdown: str) -> dict[str, str]:
    """`## heading` → the text under it."""
    parts = re.split(r"^## (.+)$", markdown, flags=re.MULTILINE)
    return {heading.strip(): body for heading, body in zip(parts[1::2], parts[2::2])}


def properties(schema: Any) -> Iterator[str]:
    """Every property name in a schema, at any depth."""
    if isinstance(schema, dict):
        yield from schema.get("properties", {})
        for value in schema.values():
            yield from properties(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from properties(value)


COMMANDS = sorted(main.commands)
CLI_SECTIONS = sections(CLI_DOC)


def test_every_command_has_a_section():
    assert sorted(h.strip("`").removeprefix("factsheet ") for h in CLI_SECTIONS if h.startswith("`factsheet ")) \
        == COMMANDS


@pytest.mark.parametrize("name", COMMANDS)
def test_every_option_is_documented(name):
    section = CLI_SECTIONS[f"`factsheet {name}`"]
    for param in main.commands[name].params:
        if isinstance(param, click.Option):
            for option in param.opts:
                assert f"`{option}" in section, f"{option} of `factsheet {name}` is not in docs/cli.md"
        else:
            assert f"`{param.name.upper()}" in section, f"argument {param.name} of `factsheet {name}`"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_help_shows_an_example(name):
    help_text = main.commands[name].help
    assert "Example" in help_text and f"factsheet {name}" in help_text


def test_global_options_are_documented():
    for param in main.params:
        for option in param.opts:
            assert f"`{option}`" in CLI_SECTIONS["Global options"]


@pytest.mark.parametrize("kind, heading", [("article", "Article record"), ("event", "Event record")])
def test_every_record_field_is_documented(kind, heading):
    schema = json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8"))
    section = sections(SCHEMAS_DOC)[heading]
    missing = sorted({name for name in properties(schema) if f"`{name}`" not in section})
    assert missing == [], f"fields of the {kind} schema not described under '{heading}' in docs/schemas.md"


def test_readme_quick_start_is_the_two_commands():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    quick_start = sections(readme)["Quick start"]
    block = re.search(r"```(?:console|sh|bash)?\n(.*?)```", quick_start, re.DOTALL).group(1)
    assert [line.strip() for line in block.splitlines() if line.strip()] == ["make site", "make test"]
