"""Events kept from the last build (`generator/events/reuse.py`): read back only when
everything their record depends on is the same."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from generator.curation import Curation, SetTitle
from generator.events import canonical_records, link, merge_event, reuse
from generator.memo import Memo
from generator.registry import build_registry


@pytest.fixture
def linking(lisbon_corpus, monkeypatch):
    """link() over the Lisbon corpus, counting the events it merges."""
    articles, records = lisbon_corpus
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: records[1])
    merged: list[str] = []

    def counting(event_id, *args, **kwargs):
        merged.append(event_id)
        return merge_event(event_id, *args, **kwargs)

    monkeypatch.setattr("generator.events.merge_event", counting)

    def run(memo: Memo | None, curation: Curation = Curation()):
        merged.clear()
        return link(articles, records, curation, memo=memo), list(merged)
    return run


def test_a_rebuild_reads_back_the_events_it_merged_last_time(linking, tmp_path: Path) -> None:
    clean, merged = linking(None)
    assert len(merged) == 2
    first, merged = linking(Memo(tmp_path))
    assert first.events == clean.events and len(merged) == 2
    again, merged = linking(Memo(tmp_path))
    assert again.events == clean.events and again.records == clean.records and merged == []


def test_a_new_title_merges_the_event_again(linking, tmp_path: Path) -> None:
    linking(Memo(tmp_path))
    event = "2024-06-12-scholz-sanchez-lisbon"
    titled = Curation(actions=(SetTitle(where="curation.yaml:2", event=event, title="Chosen"),))
    again, merged = linking(Memo(tmp_path), titled)
    assert merged == [event] and again.events[0].title == "Chosen"
    assert again.events == linking(None, titled)[0].events


def test_the_key_covers_what_the_registry_says_of_the_places_and_people(lisbon_corpus, tmp_path: Path) -> None:
    _, records = lisbon_corpus
    registry, _ = build_registry(records, {r.id: "e" for r in records})
    canonical, person_id, place_id = canonical_records(records, registry)
    memo = Memo(tmp_path)
    key = reuse.event_key(canonical[:2], registry, person_id, place_id, memo)
    assert key == reuse.event_key(canonical[1::-1], registry, person_id, place_id, memo)  # any order
    moved = replace(registry, places=tuple(replace(p, lat=0.0) for p in registry.places))
    assert reuse.event_key(canonical[:2], moved, person_id, place_id, memo) != key
    renumbered = lambda article, name: person_id(article, name) + "-2"  # noqa: E731 - another entity id
    assert reuse.event_key(canonical[:2], registry, renumbered, place_id, memo) != key
    assert reuse.event_key(canonical[:1], registry, person_id, place_id, memo) != key
