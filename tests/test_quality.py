"""Extraction quality, measured with the shared scorer on three annotated sets.

- `seeds`: the five articles the project started from (../shared/seeds, gold in ../shared/eval);
- `devset`: seven articles in six languages about other meetings (tests/fixtures/devset);
- `evalset`: twelve articles, two per language, annotated blind (tests/fixtures/evalset);
- `blind-tune` and `blind-unseen` (tests/fixtures/blindset): 34 articles in six languages about
  twelve real meetings (series of meetings between the same people, multilateral summits,
  undated and machine-translated articles, page furniture), written and annotated by someone
  who had not seen the extractor. Rules were tuned on `tune` only; `unseen` is measured;
- `blind-holdout` (tests/fixtures/blindset/holdout): 15 more such articles about five other
  meetings, written after the rest of the set was in use, and read only to measure;
- `blind2-tune` and `blind2-unseen` (tests/fixtures/blindset/second-*): a second blind set of
  32 articles about twelve more meetings, written the same way later; `second-tune` was read
  while tuning, `second-unseen` was only measured;
- `blind3-tune` and `blind3-unseen` (tests/fixtures/blindset/third-*): a third blind set of 32
  articles about twelve more meetings (among them two pairs of the same leaders, a G20 and a
  NATO summit, an anniversary article), written the same way; `third-tune` was read while
  tuning, `third-unseen` was measured before and after and its failures listed, never tuned on;
- `blind4-tune` and `blind4-unseen` (tests/fixtures/blindset/fourth-*): a fourth blind set of 32
  articles about twelve more meetings (two Putin–Xi state visits, a G7 summit, a European
  Council, a papal visit, a treaty signing), written the same way; `fourth-tune` was read while
  tuning, `fourth-unseen` was only measured, its articles and failures never read;
- the peer corpora: real annotated news in ../shared/peer (MEANTIME English, French
  TimeBank), for dates, people and places (`tests/peer_score.py`).

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

def _blind(half: str) -> tuple[Path, Path]:
    """(article folder, gold file) of one half of the blind sets (tests/fixtures/blindset)."""
    return FIXTURES / "blindset" / half / "articles", FIXTURES / "blindset" / half / "gold.yaml"


SETS: dict[str, tuple[Path, Path]] = {  # name → (article folder, gold file)
    "seeds": (SHARED / "seeds", SHARED / "eval" / "seeds-gold.yaml"),
    "devset": (FIXTURES / "devset" / "articles", FIXTURES / "devset" / "gold.yaml"),
    "evalset": (FIXTURES / "evalset" / "articles", FIXTURES / "evalset" / "gold.yaml"),
    "blind-tune": _blind("tune"),
    "blind-unseen": _blind("unseen"),
    "blind-holdout": _blind("holdout"),
    "blind2-tune": _blind("second-tune"),
    "blind2-unseen": _blind("second-unseen"),
    "blind3-tune": _blind("third-tune"),
    "blind3-unseen": _blind("third-unseen"),
    "blind4-tune": _blind("fourth-tune"),
    "blind4-unseen": _blind("fourth-unseen"),
}

# set → field → the F1 (or, for kind and speaker, the accuracy) its records must keep.
FLOORS: dict[str, dict[str, float]] = {
    "seeds": {"people": 0.95, "present": 0.95, "locations": 0.95, "dates": 0.90, "main_date": 0.95,
              "outcomes": 0.95, "events": 1.00, "outcome_kind_accuracy": 0.95, "outcome_speaker_accuracy": 0.95},
    "devset": {"people": 0.95, "present": 0.95, "locations": 0.97, "dates": 0.95, "main_date": 0.95,
               "outcomes": 0.95, "events": 1.00, "outcome_kind_accuracy": 0.95, "outcome_speaker_accuracy": 0.95},
    "blind-tune": {"people": 0.95, "present": 0.90, "locations": 0.87, "dates": 0.97, "main_date": 0.95,
                   # kind 0.88 -> 0.87: a participant's "de manera muy amistosa" now reads as a verdict
                   # (verdict words), which the gold calls a statement; the same words fixed eight
                   # verdicts on a newer blind set
                   "outcomes": 0.87, "events": 1.00, "outcome_kind_accuracy": 0.87, "outcome_speaker_accuracy": 0.90},
    # the held-out half: measured, never tuned on; its floors only guard against regressions
    "blind-unseen": {"people": 0.90, "present": 0.89, "locations": 0.83, "dates": 0.95, "main_date": 0.90,
                     "outcomes": 0.82, "events": 0.90, "outcome_kind_accuracy": 0.92, "outcome_speaker_accuracy": 0.88},
    "blind-holdout": {"people": 0.90, "present": 0.80, "locations": 0.90, "dates": 0.90, "main_date": 0.95,
                      "outcomes": 0.73, "events": 1.00, "outcome_kind_accuracy": 0.84,
                      "outcome_speaker_accuracy": 0.90},
    # a second blind set: `second-tune` was read while tuning, `second-unseen` only measured
    "blind2-tune": {"people": 0.90, "present": 0.74, "locations": 0.85, "dates": 0.89, "main_date": 0.74,
                    "outcomes": 0.67, "events": 1.00, "outcome_kind_accuracy": 0.79, "outcome_speaker_accuracy": 0.86},
    "blind2-unseen": {"people": 0.91, "present": 0.86, "locations": 0.85, "dates": 0.89, "main_date": 0.69,
                      "outcomes": 0.72, "events": 0.87, "outcome_kind_accuracy": 0.76,
                      "outcome_speaker_accuracy": 0.80},
    # a third blind set: `third-tune` was read while tuning, `third-unseen` only measured
    "blind3-tune": {"people": 0.96, "present": 0.82, "locations": 0.82, "dates": 0.94, "main_date": 0.86,
                    "outcomes": 0.77, "events": 1.00, "outcome_kind_accuracy": 0.80, "outcome_speaker_accuracy": 0.90},
    "blind3-unseen": {"people": 0.86, "present": 0.73, "locations": 0.90, "dates": 0.91, "main_date": 0.70,
                      "outcomes": 0.78, "events": 0.87, "outcome_kind_accuracy": 0.73,
                      "outcome_speaker_accuracy": 0.70},
    # a fourth blind set: `fourth-tune` was read while tuning, `fourth-unseen` only measured
    "blind4-tune": {"people": 0.88, "present": 0.79, "locations": 0.88, "dates": 0.95, "main_date": 0.72,
                    "outcomes": 0.77, "events": 1.00, "outcome_kind_accuracy": 0.87, "outcome_speaker_accuracy": 0.88},
    "blind4-unseen": {"people": 0.95, "present": 0.76, "locations": 0.82, "dates": 0.87, "main_date": 0.81,
                      "outcomes": 0.70, "events": 0.87, "outcome_kind_accuracy": 0.78,
                      "outcome_speaker_accuracy": 0.93},
    # kind 0.87 → 0.86: an official's verdict ("deeply disappointed") is now an assessment,
    # which fixed kinds on the newer blind sets; one evalset statement reads so too
    "evalset": {"people": 0.95, "present": 0.90, "locations": 0.93, "dates": 0.95, "main_date": 0.95,
                "outcomes": 0.92, "events": 1.00, "outcome_kind_accuracy": 0.86, "outcome_speaker_accuracy": 0.91},
}

pytestmark = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py is not beside the repository")


def _load_scorer(path: Path = SCORER):
    spec = importlib.util.spec_from_file_location(f"shared_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module", params=sorted(SETS))
def scores(request, tmp_path_factory) -> tuple[str, dict]:
    name = request.param
    folder, gold_file = SETS[name]
    out = tmp_path_factory.mktemp(f"records-{name}")
    articles = sorted(str(p) for p in folder.iterdir() if p.suffix in (".txt", ".md"))
    # no time budget: a busy machine must not leave an article out of the measure
    subprocess.run([sys.executable, "-m", "generator", "extract", *articles, "--out", str(out), "--time-budget", "0"],
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


# Real annotated news nobody on the project wrote (../shared/peer, scored by tests/peer_score.py):
# corpus → field → measure → floor.
PEER_FLOORS: dict[str, dict[str, dict[str, float]]] = {
    "meantime": {"dates": {"f1": 0.91}, "people": {"precision": 0.85, "recall": 0.90},
                 "places": {"precision": 0.81, "f1": 0.79}},
    "timebank": {"dates": {"f1": 0.90}},
}


@pytest.fixture(scope="module", params=sorted(PEER_FLOORS))
def peer_scores(request):
    import peer_score

    if not peer_score.PEER.exists():
        pytest.skip("../shared/peer is not beside the repository")
    return request.param, {name: tally.scores() for name, tally in peer_score.score(request.param).items()}


def test_peer_corpora_stay_above_their_floors(peer_scores):
    corpus, scores = peer_scores
    below = [f"{field} {measure}: {scores[field][measure]:.3f} < {floor:.2f}"
             for field, floors in PEER_FLOORS[corpus].items() for measure, floor in floors.items()
             if scores[field][measure] < floor]
    assert not below, f"{corpus}: " + "; ".join(below)


# Event headlines (../shared/eval/event_score.py): the articles of a set built together into
# events. set → (article folders, gold files); set → measure → floor.
EVENT_SETS: dict[str, tuple[tuple[Path, ...], tuple[Path, ...]]] = {
    "fixtures": ((FIXTURES / "devset" / "articles", FIXTURES / "evalset" / "articles"),
                 (FIXTURES / "devset" / "gold.yaml", FIXTURES / "evalset" / "gold.yaml")),
    **{name: ((SETS[name][0],), (SETS[name][1],))
       for name in ("seeds", "blind-tune", "blind-unseen", "blind-holdout", "blind2-tune", "blind2-unseen",
                    "blind3-tune", "blind3-unseen", "blind4-tune", "blind4-unseen")},
}
EVENT_FLOORS: dict[str, dict[str, float]] = {
    "blind-tune": {"headline_right": 1.00, "grouping_right": 1.00, "date_right": 1.00, "place_right": 1.00,
                   "participants_f1": 0.95, "one_english_role": 0.95},
    "blind-holdout": {"headline_right": 1.00, "grouping_right": 1.00, "date_right": 1.00, "place_right": 1.00,
                      "participants_f1": 0.85, "one_english_role": 0.90},
    "blind-unseen": {"headline_right": 0.83, "grouping_right": 1.00, "date_right": 1.00, "place_right": 1.00,
                     "participants_f1": 0.90, "one_english_role": 0.95},
    "blind2-tune": {"headline_right": 1.00, "grouping_right": 1.00, "date_right": 1.00, "place_right": 1.00,
                    "participants_f1": 0.86, "one_english_role": 0.92},
    # one_english_role counts the present participants found: more are found present now
    # (participants F1 0.77 → 0.84: signatories, delegations, spouses at a state visit), not all
    # of them with an office the text states.
    "blind2-unseen": {"headline_right": 0.50, "grouping_right": 0.66, "date_right": 1.00, "place_right": 1.00,
                      "participants_f1": 0.84, "one_english_role": 0.89},
    "blind3-tune": {"headline_right": 0.83, "grouping_right": 1.00, "date_right": 1.00, "place_right": 1.00,
                    "participants_f1": 0.84, "one_english_role": 1.00},
    "blind3-unseen": {"headline_right": 0.50, "grouping_right": 0.66, "date_right": 1.00, "place_right": 1.00,
                      "participants_f1": 0.81, "one_english_role": 0.95},
    "blind4-tune": {"headline_right": 0.16, "grouping_right": 1.00, "date_right": 1.00, "place_right": 1.00,
                    "participants_f1": 0.70, "one_english_role": 0.91},
    "blind4-unseen": {"headline_right": 0.66, "grouping_right": 0.83, "date_right": 0.83, "place_right": 1.00,
                      "participants_f1": 0.76, "one_english_role": 0.93},
    "seeds": {"headline_right": 1.00, "grouping_right": 1.00, "date_right": 1.00, "place_right": 1.00,
              "participants_f1": 1.00, "one_english_role": 0.85},
    # one_english_role counts the present participants found: Hun Manet, now found present
    # ("los primeros ministros de Tailandia, ..., y de Camboya, Hun Manet"), has no role of his own.
    "fixtures": {"headline_right": 0.88, "grouping_right": 1.00, "date_right": 1.00, "place_right": 1.00,
                 "participants_f1": 0.93, "one_english_role": 0.89},
}


@pytest.fixture(scope="module", params=sorted(EVENT_SETS))
def event_scores(request, tmp_path_factory) -> tuple[str, dict]:
    import shutil

    from conftest import copy_build_inputs

    name = request.param
    folders, gold_files = EVENT_SETS[name]
    workspace = copy_build_inputs(tmp_path_factory.mktemp(f"events-{name}"))
    for folder in folders:
        for article in folder.iterdir():
            if article.suffix in (".txt", ".md"):
                shutil.copy2(article, workspace / "corpus" / "articles" / article.name)
    subprocess.run([sys.executable, "-m", "generator", "build", "--no-site", "--time-budget", "0"],
                   check=True, cwd=workspace, capture_output=True, text=True)
    gold = [record for path in gold_files for record in yaml.safe_load(path.read_text(encoding="utf-8"))]
    scorer = _load_scorer(SHARED / "eval" / "event_score.py")
    return name, scorer.score(gold, scorer.load_events(workspace / "docs" / "data" / "events"))


def test_event_headlines_stay_above_their_floors(event_scores):
    name, result = event_scores
    measured = {**result, "participants_f1": result["participants"]["f1"]}
    below = [f"{measure}: {measured[measure]:.3f} < {floor:.2f}" for measure, floor in EVENT_FLOORS[name].items()
             if measured[measure] < floor]
    assert not below, f"{name}: " + "; ".join(below)
