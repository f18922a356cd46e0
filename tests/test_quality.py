"""Extraction quality, measured with the shared scorer on three annotated sets.

- `seeds`: the five articles the project started from (../shared/seeds, gold in ../shared/eval);
- `devset`: seven articles in six languages about other meetings (tests/fixtures/devset);
- `evalset`: twelve articles, two per language, annotated blind (tests/fixtures/evalset).

The floors are regression floors: the scores the extractor reaches now, rounded down. A
change that drops any field below its floor fails here; raise a floor when the extractor
improves. The scorer itself lives outside the repository, in ../shared/eval.
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
SCORER = SHARED / "eval" / "score.py"

SETS: dict[str, tuple[Path, Path]] = {  # name → (article folder, gold file)
    "seeds": (SHARED / "seeds", SHARED / "eval" / "seeds-gold.yaml"),
    "devset": (FIXTURES / "devset" / "articles", FIXTURES / "devset" / "gold.yaml"),
    "evalset": (FIXTURES / "evalset" / "articles", FIXTURES / "evalset" / "gold.yaml"),
}

# set → field → the F1 (or, for kind and speaker, the accuracy) its records must keep.
FLOORS: dict[str, dict[str, float]] = {
    "seeds": {"people": 0.95, "present": 0.95, "locations": 0.95, "dates": 0.90, "main_date": 0.95,
              "outcomes": 0.90, "events": 1.00, "outcome_kind_accuracy": 0.95, "outcome_speaker_accuracy": 0.95},
    "devset": {"people": 0.95, "present": 0.95, "locations": 0.95, "dates": 0.95, "main_date": 0.95,
               "outcomes": 0.95, "events": 1.00, "outcome_kind_accuracy": 0.95, "outcome_speaker_accuracy": 0.95},
    "evalset": {"people": 0.95, "present": 0.85, "locations": 0.90, "dates": 0.95, "main_date": 0.95,
                "outcomes": 0.85, "events": 1.00, "outcome_kind_accuracy": 0.80, "outcome_speaker_accuracy": 0.90},
}

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repository")


def _load_scorer():
    spec = importlib.util.spec_from_file_location("shared_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=sorted(SETS))
def scores(request, tmp_path_factory) -> tuple[str, dict]:
    name = request.param
    folder, gold_file = SETS[name]
    out = tmp_path_factory.mktemp(f"records-{name}")
    articles = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    subprocess.run([sys.executable, "-m", "generator", "extract", *articles, "--out", str(out)],
                   check=True, cwd=REPO, capture_output=True, text=True)
    scorer = _load_scorer()
    gold = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    return name, scorer.score(gold, scorer.load_records(out))


def test_every_article_has_a_record(scores):
    _name, result = scores
    assert result["missing_records"] == []


def test_scores_stay_above_their_floors(scores):
    name, result = scores
    below = []
    for field, floor in FLOORS[name].items():
        value = result[field]
        score = value["f1"] if isinstance(value, dict) else value
        if score < floor:
            below.append(f"{field}: {score:.3f} < {floor:.2f}")
    assert not below, f"{name}: " + "; ".join(below)
