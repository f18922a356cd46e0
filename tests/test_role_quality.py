"""One English role per participant, measured with the shared event scorer.

The event records of a build of each annotated set must give at least this share of the
present participants that match gold exactly one role in plain English. The floors are
the scores the generator reaches now, rounded down; the scorer lives outside the
repository, in ../shared/eval.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES, REPO

SHARED = REPO.parent / "shared"
SCORER = SHARED / "eval" / "event_score.py"

SETS: dict[str, tuple[tuple[Path, ...], tuple[Path, ...]]] = {  # name → (article folders, gold files)
    "seeds": ((SHARED / "seeds",), (SHARED / "eval" / "seeds-gold.yaml",)),
    "fixtures": ((FIXTURES / "devset" / "articles", FIXTURES / "evalset" / "articles"),
                 (FIXTURES / "devset" / "gold.yaml", FIXTURES / "evalset" / "gold.yaml")),
}
FLOORS = {"seeds": 0.85, "fixtures": 0.90}

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/event_score.py is not beside the repository")


def _load_scorer():
    spec = importlib.util.spec_from_file_location("shared_event_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(SETS))
def test_participants_keep_one_english_role(name, tmp_path):
    folders, gold_files = SETS[name]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for folder in folders:
        for article in folder.iterdir():
            if article.suffix in (".txt", ".md"):
                (corpus / article.name).write_bytes(article.read_bytes())
    docs = tmp_path / "docs"
    subprocess.run([sys.executable, "-m", "generator", "build", "--corpus", str(corpus), "--curation",
                    str(tmp_path / "none.yaml"), "--docs", str(docs), "--site", str(tmp_path / "site"), "--no-site"],
                   check=True, cwd=REPO, capture_output=True, text=True)
    gold = [record for path in gold_files for record in yaml.safe_load(path.read_text(encoding="utf-8"))]
    scorer = _load_scorer()
    result = scorer.score(gold, scorer.load_events(docs / "data" / "events"))
    assert result["one_english_role"] >= FLOORS[name]
