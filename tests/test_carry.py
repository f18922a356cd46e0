"""Clustering carried forward (`generator/events/carry.py`): through articles added, edited and
removed, a run that takes the last run's decisions again groups exactly as a clean run does,
and makes only the decisions the change touches. (Whole builds through the same kinds of
change, curation included: tests/test_memo.py.)"""
from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from typing import Sequence

import numpy as np
import pytest

from generator.events import carry
from generator.events.cluster import cluster_articles
from generator.events.embed import DIMENSIONS, Embeddings
from generator.memo import Carried, Memo
from generator.records import Article

SURNAMES = ["Berg", "Rossi", "Gomez", "Jansen", "Weber", "Novak", "Costa", "Keller"]
CITIES = [("Oslo", "NO", 59.91, 10.75), ("Lima", "PE", -12.05, -77.04), ("Porto", "PT", 41.15, -8.61)]
TOPICS = ["trade talks", "border treaty", "climate accord", "fishing rights", "rail link"]


class WordEmbeddings(Embeddings):
    """Texts as hashed bags of words: texts that share most words are similar (no model)."""

    def prepare(self, texts: Sequence[str]) -> None:
        for text in texts:
            if text not in self._vectors:
                vector = np.zeros(DIMENSIONS)
                for word in text.lower().split():
                    vector[int(hashlib.sha256(word.encode()).hexdigest(), 16) % DIMENSIONS] += 1.0
                self._vectors[text] = vector / (np.linalg.norm(vector) or 1.0)


def _corpus(make_record, count: int, seed: int = 7) -> tuple[list[Article], list]:
    """Reports of a few meetings of the same people: most without a date (they are clustered
    by text), some of the same topic in other places or years."""
    rng = random.Random(seed)
    articles, records = [], []
    for n in range(count):
        first, second = rng.sample(SURNAMES[:5], 2) if n % 3 else rng.sample(SURNAMES, 2)
        city, country, lat, lon = rng.choice(CITIES)
        topic = rng.choice(TOPICS)
        year = rng.choice([2023, 2024])
        dated = rng.random() < 0.3
        day = f"{year}-0{rng.randint(1, 3)}-1{rng.randint(0, 2)}" if dated else None
        title = f"{first} and {second} hold {topic} in {city}"
        text = f"{title}\n\n{first} met {second} in {city} for the {topic}. " + \
               " ".join(rng.sample(["Talks went on late.", "Aides spoke of progress.", "Protests were small.",
                                    "Both sides were hopeful.", "A statement followed."], 3))
        article_id = f"a{n:03d}"
        articles.append(Article(id=article_id, path=f"corpus/articles/{article_id}.txt", text=text, title=title,
                                content_hash=hashlib.sha256(text.encode()).hexdigest()))
        records.append(make_record(article_id, date=day, dates=[(day, True)] if day else [],
                                   places=[(city, "city", country, lat, lon, True)],
                                   people=[(f"Anna {first}", None, True), (f"Marco {second}", None, rng.random() < 0.7)]))
    return articles, records


def _groups(articles: Sequence[Article], records: Sequence, replay=None) -> list[list[str]]:
    found = cluster_articles(articles, records, WordEmbeddings(), replay)
    return sorted(sorted(articles[i].id for i in group) for group in found)


@pytest.fixture
def corpus(make_record):
    return _corpus(make_record, 90)


def test_carried_clustering_equals_a_clean_one_through_adds_edits_and_removals(corpus, tmp_path) -> None:
    articles, records = corpus
    history = [list(range(60))]  # article indexes present in each build
    history.append(history[-1] + [60])  # one added
    history.append(history[-1] + list(range(61, 75)))  # many added
    history.append([i for i in history[-1] if i not in (3, 17, 40)])  # removed
    history.append(history[-1] + list(range(75, 90)))
    edits = {4: {"date": "2023-02-11"}, 8: {"participants": ()}}  # and edited, in the last build
    kept = []
    for step, present in enumerate(history):
        chosen_articles = [articles[i] for i in present]
        chosen_records = [records[i] for i in present]
        if step == len(history) - 1:
            chosen_records = [replace(r, **edits[i]) if i in edits else r for i, r in zip(present, chosen_records)]
            chosen_articles = [replace(a, title=a.title + " again") if i == 9 else a
                               for i, a in zip(present, chosen_articles)]
        memo = Memo(tmp_path)
        replay = carry.recall(memo)
        assert _groups(chosen_articles, chosen_records, replay) == _groups(chosen_articles, chosen_records)
        carry.keep(memo, replay)
        kept.append(replay)
    clean = kept[0]
    assert clean.replayed == 0 and clean.made > 30  # nothing to take again in the first build
    one_added = kept[1]
    assert one_added.replayed > 0 and one_added.made < clean.made / 3
    assert all(r.replayed > 0 for r in kept[1:])


def test_a_run_without_a_kept_clustering_decides_everything(corpus, tmp_path) -> None:
    articles, records = corpus
    replay = carry.recall(Memo(tmp_path))
    assert _groups(articles, records, replay) == _groups(articles, records)
    assert replay.replayed == 0 and replay.made > 0
    assert carry.recall(None) is None


def _titled(record, title: str):
    return replace(record, title=title)


def test_carried_stated_formats_equal_fresh_ones_through_adds_edits_and_removals(make_record, tmp_path,
                                                                                 monkeypatch) -> None:
    """An event's stated format (`titles.stated_format`) is taken from the last build only
    where its records are the same; a changed, new or grown event finds its format again."""
    from generator.events import reuse, titles

    leaders = [("Jens Stoltenberg", None, True), ("Joe Biden", None, True), ("Recep Tayyip Erdogan", None, True)]
    summit = [_titled(make_record(f"s{n}", people=leaders), "NATO summit opens in Vilnius") for n in range(3)]
    talks = [_titled(make_record(f"t{n}", people=leaders), "Leaders talk trade") for n in range(2)]
    found: list[int] = []
    monkeypatch.setattr(reuse, "stated_format", lambda records: found.append(1) or titles.stated_format(records))
    builds = [
        [summit[:2], talks],  # the first build finds every format
        [summit[:2], talks],  # nothing changed: none found again
        [summit, talks],  # an article added to one event
        [summit, [talks[0]]],  # one removed from the other
        [summit, [_titled(talks[0], "G7 summit in Hiroshima")]],  # and its headline edited
    ]
    looked_up = []
    for events in builds:
        found.clear()
        memo = Memo(tmp_path)
        formats = reuse.StatedFormats(memo)
        assert [formats(records) for records in events] == [titles.stated_format(records) for records in events]
        formats.keep()
        memo.prune()
        looked_up.append(len(found))
    assert looked_up == [2, 0, 1, 1, 1]
    assert [reuse.StatedFormats(Memo(tmp_path))(records) for records in builds[-1]] == ["NATO summit", "G7 summit"]
    assert reuse.StatedFormats(None)(summit) == "NATO summit"  # no output cache: found every time


def test_collation_keys_given_back_sort_as_fresh_ones_and_spare_the_collator(render_corpus, monkeypatch) -> None:
    """The page model's collation keys kept from the last build (`execution.py`) give the
    people and places in the same order as keys made fresh, without loading the collator."""
    from generator.render import build_site, model

    articles, linked = render_corpus

    def site():
        model.collation_key.cache_clear()
        model.surname_order.cache_clear()  # (keys made of collation keys)
        made = build_site(articles, linked.records, linked.events, linked.registry, "2026-01-31")
        return [(p.id, p.met) for p in made.people], [p.id for p in made.places]

    monkeypatch.setattr(model, "_given_keys", {})
    monkeypatch.setattr(model, "_asked_keys", {})
    fresh = site()
    kept = model.asked_collation_keys()
    assert kept and all(key == model._collator().sort_key(text.casefold()) for text, key in kept.items())

    monkeypatch.setattr(model, "_collator", lambda: pytest.fail("the collator was loaded"))
    model.give_collation_keys(kept)
    assert site() == fresh
    model.collation_key.cache_clear()  # later tests make their keys with the real collator
    model.surname_order.cache_clear()


def test_carried_texts_equal_fresh_ones_and_only_changed_inputs_are_made_again(tmp_path) -> None:
    """`memo.Carried` (the home page's entries): a text whose inputs are the same as in the
    last build is taken from it; new or changed inputs make theirs; gone ones are not kept."""
    made: list[str] = []

    def text(inputs: tuple[str, int]) -> str:
        made.append(inputs[0])
        return f"{inputs[0]} × {inputs[1]}"

    builds = [
        [("a", 1), ("b", 1), ("c", 1)],
        [("a", 1), ("b", 1), ("c", 1)],  # nothing changed
        [("a", 1), ("b", 2), ("c", 1), ("d", 1)],  # one changed, one added
        [("a", 1), ("d", 1)],  # two removed
    ]
    remade = []
    for inputs in builds:
        made.clear()
        memo = Memo(tmp_path)
        carried = Carried(memo, "entry")
        assert [carried(i, lambda i=i: text(i)) for i in inputs] == [f"{n} × {k}" for n, k in inputs]
        carried.keep()
        memo.prune()
        remade.append(sorted(made))
    assert remade == [["a", "b", "c"], [], ["b", "d"], []]
    memo = Memo(tmp_path)
    assert Carried(memo, "entry")(("c", 1), lambda: "made again") == "made again"  # gone from the last build
    assert Carried(Memo(None), "entry")(("a", 1), lambda: "no cache") == "no cache"
