"""The pull-request fact diff (`.github/scripts/fact_diff.py`), run as CI runs it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

SCRIPT = Path(__file__).resolve().parent.parent / ".github" / "scripts" / "fact_diff.py"


def evidence(quote: str) -> list[dict[str, Any]]:
    return [{"quote": quote, "start": 0, "end": len(quote)}]


def article(**changes: Any) -> dict[str, Any]:
    record = {
        "id": "oslo-talks", "language": "en", "title": "Talks", "event": "2021-03-02-oslo", "date": "2021-03-02",
        "participants": [
            {"name": "Ana Example", "aliases": ["Ana"], "role": "minister", "present": True, "evidence": evidence("a")},
            {"name": "Bo Sample", "aliases": ["Bo"], "role": None, "present": False, "evidence": evidence("b")},
        ],
        "locations": [{"name": "Oslo", "aliases": ["Oslo"], "type": "city", "country": "NO", "lat": 59.9,
                       "lon": 10.7, "main": True, "evidence": evidence("c")}],
        "dates": [{"value": "2021-03-02", "text": "Tuesday", "main": True, "evidence": evidence("d")}],
        "outcomes": [{"text": "The talks were useful.", "kind": "assessment", "speaker": "Ana Example",
                      "evidence": evidence("e")}],
    }
    record.update(changes)
    return record


def write(folder: Path, kind: str, record: dict[str, Any]) -> None:
    (folder / kind).mkdir(parents=True, exist_ok=True)
    (folder / kind / f"{record['id']}.yaml").write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")


def run(base: Path, head: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), str(base), str(head)], capture_output=True, text=True)


def test_added_changed_and_removed_facts_are_listed(tmp_path: Path) -> None:
    base, head = tmp_path / "base", tmp_path / "head"
    write(base, "articles", article())
    changed = article()
    changed["participants"] = [
        {**changed["participants"][0], "present": False, "evidence": evidence("moved")},
        {"name": "Cy New | Person", "aliases": [], "role": "envoy", "present": True, "evidence": evidence("f")},
    ]
    changed["dates"][0]["evidence"] = [{"quote": "d", "start": 40, "end": 41}]  # offsets only: no change
    write(head, "articles", changed)
    result = run(base, head)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "## Fact diff against main\n\n"
        "Records that differ: 1. Facts added: **1**, changed: **1**, removed: **1**.\n\n"
        "### Article `oslo-talks` (changed)\n\n"
        "| | fact | value | detail |\n|---|---|---|---|\n"
        "| + | person | Cy New \\| Person | role: envoy; present: yes |\n"
        "| ~ | person | Ana Example | present: yes → no |\n"
        "| − | person | Bo Sample | role: —; present: no |\n")


def test_new_and_removed_records_and_changed_fields(tmp_path: Path) -> None:
    base, head = tmp_path / "base", tmp_path / "head"
    write(base, "articles", article(id="gone", participants=[], locations=[], dates=[], outcomes=[]))
    write(base, "events", {"id": "2021-03-02-oslo", "title": "Talks in Oslo", "date": "2021-03-02",
                           "places": ["Oslo"], "articles": ["gone"]})
    write(head, "articles", article())
    write(head, "events", {"id": "2021-03-02-oslo", "title": "Talks in Oslo", "date": "2021-03-03",
                           "places": ["Oslo"], "articles": ["oslo-talks"]})
    out = run(base, head).stdout
    assert "### Article `gone` (removed)" in out
    assert "### Article `oslo-talks` (new)" in out
    assert "| + | outcome | The talks were useful. | kind: assessment; speaker: Ana Example |" in out
    assert "| ~ | field | date | 2021-03-02 → 2021-03-03 |" in out
    assert "| ~ | field | articles | gone → oslo-talks |" in out
    assert "Records that differ: 3. Facts added: **5**, changed: **0**, removed: **0**." in out


def test_identical_trees_say_so(tmp_path: Path) -> None:
    for side in ("base", "head"):
        write(tmp_path / side, "articles", article())
    assert run(tmp_path / "base", tmp_path / "head").stdout == (
        "## Fact diff against main\n\nNo facts added, changed or removed.\n")


def test_missing_folder_is_one_error_line(tmp_path: Path) -> None:
    result = run(tmp_path / "nope", tmp_path)
    assert result.returncode == 2
    assert result.stderr == f"{tmp_path / 'nope'}: not a folder (pass the docs/data folders of both builds)\n"
