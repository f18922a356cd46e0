"""Extraction quality on the seed articles, measured with the shared scorer.

The floors are regression floors: the scores the extractor reaches now. A change that
drops any field below its floor fails here; raise a floor when the extractor improves.
The scorer and the gold facts live outside the repository, in ../shared/eval.
"""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

SHARED = REPO.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "seeds-gold.yaml"
SEEDS = SHARED / "seeds"

# field → the F1 (or accuracy) the seed records must keep.
FLOORS = {
    "people": 0.90,
    "present": 0.85,
    "locations": 0.85,
    "dates": 0.85,
    "main_date": 0.90,
    "outcomes": 0.80,
    "events": 1.00,
    "outcome_kind_accuracy": 0.75,
    "outcome_speaker_accuracy": 0.80,
}

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repository")


def _load_scorer():
    spec = importlib.util.spec_from_file_location("seed_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_scores(tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("seed-records")
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    subprocess.run([sys.executable, "-m", "generator", "extract", *seeds, "--out", str(out)],
                   check=True, cwd=REPO, capture_output=True, text=True)
    scorer = _load_scorer()
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return scorer.score(gold, scorer.load_records(out))


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_seed_score_stays_above_floor(seed_scores, field):
    value = seed_scores[field]
    score = value["f1"] if isinstance(value, dict) else value
    assert score >= FLOORS[field], f"{field}: {score:.3f} < floor {FLOORS[field]:.2f}"


def test_every_seed_has_a_record(seed_scores):
    assert seed_scores["missing_records"] == []
