"""Events: clustering articles into events, stable ids, merging facts and conflicts."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from importlib import resources

import numpy as np

import jsonschema
import pytest
import yaml
from conftest import FIXTURE_CORPUS, REPO

from generator.curation import Curation
from generator.events import link
from generator.events.cluster import cluster_articles, date_relation, place_relation, Spot
from generator.events.merge import main_date
from generator.events.ids import event_id, surname, unique_ids
from generator.read import read_article
from generator.records import Article, DateFact, Evidence, to_dict

LISBON = ("Lisbon", "city", "PT", 38.72, -9.14, True)
SCHOLZ = ("Olaf Scholz", "Bundeskanzler", True)
SANCHEZ = ("Pedro Sánchez", "Ministerpräsident", True)


def test_one_meeting_in_two_languages_is_one_event_and_another_meeting_stays_apart(lisbon_corpus, monkeypatch):
    articles, records = lisbon_corpus
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: records[1])
    linked = link(articles, records, Curation())
    assert [e.id for e in linked.events] == ["2024-06-12-scholz-sanchez-lisbon", "2022-10-06-scholz-sanchez-madrid"]
    lisbon = linked.events[0]
    assert lisbon.articles == ("de_meeting_lisbon", "fr_meeting_lisbon")
    assert lisbon.languages == ("de", "fr")
    assert lisbon.title == "Scholz–Sánchez meeting in Lisbon"
    assert {r.id: r.event for r in linked.records} == {
        "de_meeting_lisbon": lisbon.id, "fr_meeting_lisbon": lisbon.id,
        "en_meeting_madrid_2022": "2022-10-06-scholz-sanchez-madrid"}


def test_each_person_appears_once_with_sources_from_every_language(lisbon_corpus, monkeypatch):
    articles, records = lisbon_corpus
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: records[1])
    lisbon = link(articles, records, Curation()).events[0]
    assert [p.name for p in lisbon.participants] == ["Olaf Scholz", "Pedro Sánchez"]
    sanchez = lisbon.participants[1]
    assert sanchez.id == "pedro-sanchez" and sanchez.present
    assert {s.article for s in sanchez.sources} == {"de_meeting_lisbon", "fr_meeting_lisbon"}
    assert sanchez.aliases == ("Pedro Sanchez", "Pedro Sánchez")
    assert to_dict(sanchez)["source_count"] == 2


def test_undated_article_is_re_read_against_its_event_date(lisbon_corpus, monkeypatch):
    articles, records = lisbon_corpus
    calls = []

    def reread(article, anchor):
        calls.append((article.id, anchor.isoformat()))
        return replace(records[1], published="2024-06-12", published_source="event", date="2024-06-12")

    monkeypatch.setattr("generator.events.extract_article", reread)
    linked = link(articles, records, Curation())
    assert calls == [("fr_meeting_lisbon", "2024-06-12")]
    french = next(r for r in linked.records if r.id == "fr_meeting_lisbon")
    assert (french.published_source, french.date, french.event) == ("event", "2024-06-12", linked.events[0].id)


def test_ids_are_stable_when_articles_are_reordered_or_added(lisbon_corpus, monkeypatch, make_record):
    articles, records = lisbon_corpus
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: records[1])
    first = link(articles, records, Curation())
    backward = link(articles[::-1], records[::-1], Curation())
    assert first.events == backward.events
    assert sorted(first.records, key=lambda r: r.id) == sorted(backward.records, key=lambda r: r.id)
    extra_article = replace(articles[0], id="extra", text=articles[0].text)
    extra = make_record("extra", language="de", date="2024-06-12", people=[SCHOLZ, SANCHEZ], places=[LISBON])
    more = link([*articles, extra_article], [*records, extra], Curation())
    assert [e.id for e in more.events] == [e.id for e in first.events]
    assert more.events[0].articles == ("de_meeting_lisbon", "extra", "fr_meeting_lisbon")


def test_same_outcome_in_two_languages_is_one_outcome_with_two_sources(lisbon_corpus, monkeypatch):
    articles, records = lisbon_corpus
    de_quote = ("„Wir wollen, dass grüner Wasserstoff aus Spanien schon in wenigen Jahren in deutschen Fabriken "
                "ankommt“, sagte Scholz vor Journalisten.")
    fr_quote = ("« Nous voulons que l'hydrogène vert d'Espagne arrive dans les usines allemandes d'ici quelques "
                "années », a déclaré Scholz devant la presse.")
    other = "Sánchez sprach von einem „historischen Schritt“ für die europäische Energieunabhängigkeit."
    german = replace(records[0], outcomes=records[0].outcomes + (
        _outcome(de_quote, "statement", "Olaf Scholz"), _outcome(other, "statement", "Olaf Scholz")))
    french = replace(records[1], outcomes=(_outcome(fr_quote, "statement", "Olaf Scholz"),))
    records = [german, french, records[2]]
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: french)
    lisbon = link(articles, records, Curation()).events[0]
    assert len(lisbon.outcomes) == 2
    merged = lisbon.outcomes[0]
    assert {s.quote for s in merged.sources} == {de_quote, fr_quote}
    assert to_dict(merged)["source_count"] == 2
    assert lisbon.outcomes[1].sources[0].quote == other


def _outcome(quote: str, kind: str, speaker: str):
    from generator.records import Evidence, Outcome

    return Outcome(quote, kind, speaker, (Evidence(quote, 0, len(quote)),))


def test_disagreeing_dates_and_numbers_are_listed_as_conflicts(lisbon_corpus, monkeypatch, make_record):
    articles, records = lisbon_corpus
    day_after = replace(records[1], date="2024-06-13", published_source="text",
                        dates=make_record("x", dates=[("2024-06-13", True)]).dates)
    records = [records[0], day_after, records[2]]
    lisbon = link(articles, records, Curation()).events[0]
    assert lisbon.articles == ("de_meeting_lisbon", "fr_meeting_lisbon")
    [conflict] = lisbon.conflicts
    assert conflict.about == "date"
    assert [(s.value, [x.article for x in s.sources]) for s in conflict.sides] == [
        ("2024-06-12", ["de_meeting_lisbon"]), ("2024-06-13", ["fr_meeting_lisbon"])]


def test_number_conflict_between_sources_of_one_outcome(lisbon_corpus, monkeypatch):
    articles, records = lisbon_corpus
    de_quote = "Die beiden Regierungschefs sprachen drei Stunden lang über Energie, Migration und die Ukraine."
    fr_quote = "Les deux dirigeants ont parlé pendant 2 heures d'énergie, de migration et de l'Ukraine."
    german = replace(records[0], outcomes=(_outcome(de_quote, "statement", None),))
    french = replace(records[1], outcomes=(_outcome(fr_quote, "statement", None),), published_source="text")
    lisbon = link(articles, [german, french, records[2]], Curation()).events[0]
    [outcome] = lisbon.outcomes
    [conflict] = lisbon.conflicts
    assert conflict.about.startswith("number in: ")
    assert [s.value for s in conflict.sides] == ["2", "3"]


def test_far_apart_main_places_veto_a_merge_whatever_the_text(lisbon_corpus):
    articles, records = lisbon_corpus
    elsewhere = replace(records[1], published_source="text",
                        locations=tuple(replace(p, name="Porto", lat=41.15, lon=-8.61) for p in records[1].locations))
    linked = link(articles, [records[0], elsewhere, records[2]], Curation())
    assert len(linked.events) == 3


def test_without_date_or_place_the_text_decides(lisbon_corpus, monkeypatch):
    articles, records = lisbon_corpus
    bare = [records[0]] + [replace(r, date=None, published_source=None, dates=(), locations=()) for r in records[1:]]
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: bare[1])
    linked = link(articles, bare, Curation())
    # The French report of the Lisbon talks reads like the German one (cosine 0.81); the
    # 2022 Madrid talks of the same two leaders do not (0.69), so they stay apart.
    assert sorted(e.articles for e in linked.events) == [
        ("de_meeting_lisbon", "fr_meeting_lisbon"), ("en_meeting_madrid_2022",)]


def test_relations_between_dates_and_places():
    assert date_relation("2019-04-25", "2019-04-25") == "same"
    assert date_relation("2019-04-25", "2019-04-26") == "near"
    assert date_relation("2019-04-25", "2023-09-13") == "conflict"
    assert date_relation("2019-04", "2019-04-25") == "compatible"
    assert date_relation("2019-05", "2019-04-25") == "conflict"
    assert date_relation(None, "2019-04-25") == "unknown"
    city = Spot("vladivostok", "RU", 43.1, 131.9)
    island = Spot("russky-island", "RU", 43.0, 131.85)
    cosmodrome = Spot("vostochny-cosmodrome", "RU", 51.88, 128.33)
    assert place_relation([city], [island]) == "same"
    assert place_relation([city], [cosmodrome]) == "conflict"
    assert place_relation([city], [Spot("somewhere", "RU", None, None)]) == "unknown"
    assert place_relation([city], [Spot("hanoi", "VN", None, None)]) == "conflict"


def test_event_id_shape():
    assert event_id("2019-04-25", ["Vladimir Putin", "Kim Jong-un"], "Vladivostok") == "2019-04-25-putin-kim-vladivostok"
    assert event_id(None, ["Emmanuel Macron"], "Élysée Palace") == "undated-macron-elysee-palace"
    # each family name once: a leader and his wife are both Kim
    assert event_id("2018-09-19", ["Kim Jong Un", "Kim Jung-sook", "Moon Jae-in"], "Pyongyang") == \
        "2018-09-19-kim-moon-pyongyang"
    assert surname("Ursula von der Leyen") == "Leyen"
    assert unique_ids(["a", "b", "a", "a-2"]) == ("a", "b", "a-3", "a-2")


def test_event_records_validate_against_the_schema(lisbon_corpus, monkeypatch):
    articles, records = lisbon_corpus
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: records[1])
    schema = json.loads(resources.files("generator.schema").joinpath("event.schema.json").read_text())
    for event in link(articles, records, Curation()).events:
        jsonschema.validate(json.loads(json.dumps(to_dict(event))), schema)


def test_seed_corpus_gives_exactly_two_events():
    from generator.extract import extract_article
    from generator.read import corpus_files

    articles = [read_article(p, f"corpus/articles/{p.name}") for p in corpus_files(FIXTURE_CORPUS / "articles")]
    records = [extract_article(a) for a in articles]
    linked = link(articles, records, Curation())
    assert len(linked.events) == 2
    groups = sorted((e.articles for e in linked.events), key=len)
    assert groups == [("001_06d090b341ee0eac",), ("000_e65e31e089ad100f", "002_9b5066fb76f96e2d",
                                                  "003_851016f063534860", "004_2f1ded03767b9897")]
    schema = json.loads(resources.files("generator.schema").joinpath("event.schema.json").read_text())
    language = {r.id: r.language for r in linked.records}
    for event in linked.events:
        jsonschema.validate(json.loads(json.dumps(to_dict(event))), schema)
        names = [p.name for p in event.participants]
        assert len(names) == len(set(names))
        for person in event.participants:  # each person once, with sources in every language naming them
            naming = {r.language for r in linked.records if r.event == event.id
                      and any(p.name == person.name for p in r.participants)}
            assert {language[s.article] for s in person.sources} == naming
    # The same ids whatever order the files come in.
    again = link(articles[::-1], records[::-1], Curation())
    assert [e.id for e in again.events] == [e.id for e in linked.events]


class _CountingEncoder:
    """Stands in for the sentence encoder: a fixed vector per text, and a count of calls."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def encode(self, texts):
        import numpy as np

        self.calls.append(len(texts))
        return np.array([[float(ord(c)) for c in (t + " " * 512)[:512]] for t in texts], dtype=np.float32)


def test_embeddings_are_kept_on_disk_and_only_new_texts_are_encoded(tmp_path, monkeypatch):
    from generator.events import embed

    encoder = _CountingEncoder()
    monkeypatch.setattr(embed, "_model", lambda: encoder)
    first = embed.Embeddings(tmp_path)
    vectors = first.vectors(["Die Regierungschefs trafen sich.", "Les dirigeants se sont rencontrés."])
    first.save()
    assert encoder.calls == [2] and len(list(tmp_path.rglob("*.npz"))) == 1
    second = embed.Embeddings(tmp_path)
    again = second.vectors(["Les dirigeants se sont rencontrés.", "Die Regierungschefs trafen sich.", "New text."])
    assert encoder.calls == [2, 1] and second.encoded == 1
    assert (again[:2] == vectors[::-1]).all()
    second.save()
    assert embed.Embeddings(tmp_path).vectors(["New text."]).shape == (1, 512) and encoder.calls == [2, 1]


class _PidEncoder(_CountingEncoder):
    """Also leaves a file per call naming the process that encoded (worker processes too)."""

    def __init__(self, folder) -> None:
        super().__init__()
        self.folder = folder

    def encode(self, texts):
        import os

        (self.folder / f"{os.getpid()}-{len(texts)}").touch()
        return super().encode(texts)


def test_a_build_s_warm_process_loads_the_encoder_and_encodes_the_few_new_texts(tmp_path, monkeypatch):
    import os

    from generator.events import embed
    from generator.workers import Resident

    monkeypatch.setattr(embed, "_model", lambda encoder=_PidEncoder(tmp_path): encoder)
    here = embed.Embeddings(None).vectors(["Die Regierungschefs trafen sich."])
    with Resident(jobs=2) as resident:
        assert embed.Embeddings(None, encoder=resident)._encoder is None  # not started: nothing to gain
        resident.call(os.getpid).result()  # started, as by the extraction of a new article
        there = embed.Embeddings(None, encoder=resident).vectors(["Die Regierungschefs trafen sich."])
    assert (there == here).all()
    assert sorted(int(p.name.split("-")[0]) == os.getpid() for p in tmp_path.iterdir()) == [False, True]


def test_texts_sent_ahead_are_encoded_in_the_warm_process_and_kept(tmp_path, monkeypatch):
    import os

    from generator.events import embed
    from generator.workers import Resident

    monkeypatch.setattr(embed, "_model", lambda encoder=_PidEncoder(tmp_path / "calls"): encoder)
    (tmp_path / "calls").mkdir()
    texts = ["Die Regierungschefs trafen sich.", "Les dirigeants se sont rencontrés."]
    here = embed.Embeddings(None).vectors(texts)
    with Resident(jobs=2) as resident:
        resident.call(os.getpid).result()
        ahead = embed.Embeddings(tmp_path / "vectors", encoder=resident)
        ahead.ahead([*texts, texts[0]])
        assert (ahead.vectors(texts[::-1]) == here[::-1]).all()
        ahead.save()
    calls = sorted(p.name.split("-") for p in (tmp_path / "calls").iterdir())
    # both texts at once, in the warm process (and here once, for `here`)
    assert sorted((int(pid) == os.getpid(), n) for pid, n in calls) == [(False, "2"), (True, "2")]
    with Resident(jobs=2) as resident:
        resident.call(os.getpid).result()
        kept = embed.Embeddings(tmp_path / "vectors", encoder=resident)
        kept.ahead(texts)
        assert (kept.vectors(texts) == here).all()  # the vectors kept on disk


def test_without_a_folder_nothing_is_written(tmp_path, monkeypatch):
    from generator.events import embed

    monkeypatch.setattr(embed, "_model", lambda: _CountingEncoder())
    embeddings = embed.Embeddings(None)
    embeddings.vectors(["One text."])
    embeddings.save()
    assert list(tmp_path.iterdir()) == []


def test_expected_texts_are_encoded_with_the_first_one_needed(monkeypatch):
    from generator.events import embed

    encoder = _CountingEncoder()
    monkeypatch.setattr(embed, "_model", lambda: encoder)
    embeddings = embed.Embeddings()
    embeddings.expect(["a lead", "another lead", "a third lead"])
    assert encoder.calls == []  # nothing is encoded until a decision needs it
    embeddings.vectors(["a lead"])
    embeddings.vectors(["another lead", "a third lead"])
    assert encoder.calls == [3]


def test_many_texts_are_encoded_in_worker_processes_with_the_same_vectors(monkeypatch):
    import numpy as np

    from generator.events import embed

    monkeypatch.setattr(embed, "_model", lambda: _CountingEncoder())
    texts = [f"lead number {n}" for n in range(5 * embed.BATCH)]
    monkeypatch.setattr(embed, "default_jobs", lambda: 1)
    serial = embed._encode(texts)
    monkeypatch.setattr(embed, "default_jobs", lambda: 2)
    parallel = embed._encode(texts)
    assert len(parallel) == len(texts) and all(np.array_equal(a, b) for a, b in zip(serial, parallel))


def test_linking_encodes_in_batches_and_a_rebuild_encodes_nothing(lisbon_corpus, monkeypatch, tmp_path):
    from generator.events import embed

    articles, records = lisbon_corpus
    records = [records[0], replace(records[1], locations=()), records[2]]  # no place: text must decide
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: records[1])
    encoder = _CountingEncoder()
    monkeypatch.setattr(embed, "_model", lambda: encoder)
    first = link(articles, records, Curation(), embeddings=embed.Embeddings(tmp_path))
    assert encoder.calls[0] == 3  # the three leads in one batch
    assert len(encoder.calls) <= 2  # and the outcome sentences, if any, in one more
    calls = len(encoder.calls)
    second = link(articles, records, Curation(), embeddings=embed.Embeddings(tmp_path))
    assert len(encoder.calls) == calls and second.events == first.events


def test_evolve_copies_a_record_as_replace_does(make_record):
    from dataclasses import replace

    import pytest

    from generator.records import evolve

    record = make_record("a", people=[SCHOLZ, SANCHEZ], places=[LISBON])
    changed = evolve(record, event="e", participants=record.participants[:1])
    assert changed == replace(record, event="e", participants=record.participants[:1])
    assert record.event is None and len(record.participants) == 2  # the original is untouched
    assert evolve(record.participants[0], name="O. Scholz").name == "O. Scholz"
    with pytest.raises(TypeError, match="no field"):
        evolve(record, evnet="e")


MERGE_PAIRS = yaml.safe_load((REPO / "tests" / "fixtures" / "outcomes" / "merge_pairs.yaml").read_text(encoding="utf-8"))
PAIR_PEOPLE = [("Donald Trump", "president", True, ("Trump",)), ("Vladimir Putin", "president", True, ("Putin", "Poetin")),
               ("Joe Biden", "president", True, ("Biden",)), ("Xi Jinping", "president", True, ("Xi",)),
               ("Alexei Navalny", None, False, ("Navalny",)), ("Volodymyr Zelensky", None, False, ("Zelensky",))]


def _merged_pair(make_record, pair) -> list:
    from generator.events.embed import Embeddings
    from generator.events.merge import merge_outcomes

    records = [make_record(f"{side}_{pair[side][0]}", language=pair[side][0], people=PAIR_PEOPLE,
                           outcomes=[(pair[side][1], pair["kind"], pair["speaker"])]) for side in ("a", "b")]
    return list(merge_outcomes(records, Embeddings()))


@pytest.mark.parametrize("pair", MERGE_PAIRS["same"], ids=lambda p: p["b"][1][:30])
def test_one_statement_in_two_languages_is_one_outcome(make_record, pair):
    [outcome] = _merged_pair(make_record, pair)
    assert {s.quote for s in outcome.sources} == {pair["a"][1], pair["b"][1]}


@pytest.mark.parametrize("pair", MERGE_PAIRS["different"], ids=lambda p: p["b"][1][:30])
def test_related_but_different_statements_stay_apart(make_record, pair):
    outcomes = _merged_pair(make_record, pair)
    assert len(outcomes) == 2
    for outcome in outcomes:  # every citation of an outcome states it
        assert [s.quote for s in outcome.sources] == [outcome.text]


def test_an_undated_report_is_read_against_the_day_after_when_that_makes_its_day_the_event_s(
        lisbon_corpus, monkeypatch):
    # "ontem" / "hier" read against the meeting's own day points a day early; read against
    # the day after, it is the meeting's day.
    articles, records = lisbon_corpus
    calls = []

    def reread(article, anchor):
        calls.append(anchor.isoformat())
        said = (anchor - timedelta(days=1)).isoformat()
        return replace(records[1], published=anchor.isoformat(), published_source="event", date=said)

    monkeypatch.setattr("generator.events.extract_article", reread)
    linked = link(articles, records, Curation())
    assert calls == ["2024-06-12", "2024-06-13"]
    french = next(r for r in linked.records if r.id == "fr_meeting_lisbon")
    assert (french.published, french.date) == ("2024-06-13", "2024-06-12")


def test_an_undated_report_whose_weekday_falls_six_days_back_is_read_a_day_later(lisbon_corpus, monkeypatch):
    # Read against the meeting's day (Wednesday 12 June), "jeudi" is the Thursday gone by,
    # 6 June; read against Thursday, the main day is still the meeting's and "jeudi" is that
    # day: the report was written on the Thursday.
    articles, records = lisbon_corpus
    calls = []

    def reread(article, anchor):
        calls.append(anchor.isoformat())
        weekday = (anchor - timedelta(days=6)).isoformat() if anchor == date(2024, 6, 12) else anchor.isoformat()
        return replace(records[1], published=anchor.isoformat(), published_source="event", date="2024-06-12",
                       dates=(DateFact("2024-06-12", "mercredi", True, (Evidence("mercredi", 0, 8),)),
                              DateFact(weekday, "jeudi", False, (Evidence("jeudi", 9, 14),))))

    monkeypatch.setattr("generator.events.extract_article", reread)
    linked = link(articles, records, Curation())
    french = next(r for r in linked.records if r.id == "fr_meeting_lisbon")
    assert (french.published, french.date) == ("2024-06-13", "2024-06-12")
    assert [d.value for d in french.dates] == ["2024-06-12", "2024-06-13"]
    assert calls == ["2024-06-12", "2024-06-13"]


def test_the_event_s_date_comes_from_its_dated_articles(make_record):
    dated = make_record("dated", date="2021-06-16")
    undated = make_record("undated", date="1985-11-19", published_source=None)
    also_undated = make_record("also_undated", date="1985-11-19", published_source=None)
    assert main_date([dated, undated, also_undated]) == "2021-06-16"
    assert main_date([undated, also_undated]) == "1985-11-19"


def test_an_article_recalling_the_event_s_site_in_its_background_reports_another_meeting(lisbon_corpus):
    # Undated, no main place of its own, the same two leaders: but it names Lisbon only as
    # the venue of an earlier meeting.
    articles, records = lisbon_corpus
    later = replace(records[1], published_source=None, date=None,
                    locations=tuple(replace(p, main=False) for p in records[1].locations))
    linked = link(articles, [records[0], later, records[2]], Curation())
    assert len(linked.events) == 3


def test_text_only_chooses_among_the_events_the_facts_support_best(make_record):
    # One undated report of Scholz and Xi in Beijing; Xi met Macron there on another day.
    beijing = ("Beijing", "city", "CN", 39.9, 116.4, True)
    records = [
        make_record("scholz_xi", date="2022-11-04", places=[beijing],
                    people=[("Olaf Scholz", None, True), ("Xi Jinping", None, True)]),
        make_record("scholz_xi_again", date="2022-11-04", places=[beijing],
                    people=[("Olaf Scholz", None, True), ("Xi Jinping", None, True)]),
        make_record("macron_xi", date="2023-04-06", places=[beijing],
                    people=[("Emmanuel Macron", None, True), ("Xi Jinping", None, True)]),
        make_record("macron_xi_again", date="2023-04-06", places=[beijing],
                    people=[("Emmanuel Macron", None, True), ("Xi Jinping", None, True)]),
        make_record("undated", published_source=None, places=[beijing],
                    people=[("Olaf Scholz", None, True), ("Xi Jinping", None, True)]),
    ]
    articles = [Article(id=r.id, path=f"{r.id}.txt", text="Xi received his guest in Beijing.", title=r.title,
                        content_hash="0" * 64) for r in records]

    groups = cluster_articles(articles, records, SameText())
    assert [[records[i].id for i in g] for g in groups] == [
        ["macron_xi", "macron_xi_again"], ["scholz_xi", "scholz_xi_again", "undated"]]


class SameText:
    """Embeddings in which every text is alike: only the facts can tell events apart."""

    def expect(self, texts):
        pass

    def vectors(self, texts):
        return np.ones((len(texts), 4)) / 2.0

    def centroid(self, texts):
        return np.ones(4) / 2.0


class UnlikeText:
    """Embeddings in which no article is like any event: only the facts can join them."""

    def expect(self, texts):
        pass

    def vectors(self, texts):
        return np.tile([0.0, 1.0], (len(texts), 1))

    def centroid(self, texts):
        return np.array([1.0, 0.0])


def test_a_report_of_the_same_day_and_place_with_someone_present_at_both_joins_without_text(make_record):
    # The undated French report names the imam present (and takes "François" for a
    # surname): one person present at both, on the same day at the same place, is one meeting.
    abu_dhabi = ("Abu Dhabi", "city", "AE", 24.45, 54.38, True)
    cairo = ("Cairo", "city", "EG", 30.04, 31.24, True)
    present = [("Pope Francis", None, True), ("Ahmed al-Tayeb", None, True), ("Mohammed bin Zayed", None, True)]
    records = [
        make_record("it_signing", date="2019-02-04", places=[abu_dhabi], people=present),
        make_record("nl_signing", date="2019-02-04", places=[abu_dhabi], people=present),
        make_record("en_cairo", date="2017-04-28", places=[cairo], people=present[:2]),
        make_record("fr_undated", date="2019-02-04", published_source=None, places=[abu_dhabi],
                    people=[("François Hollande", None, True), ("Ahmed al-Tayeb", None, True)]),
    ]
    articles = [Article(id=r.id, path=f"{r.id}.txt", text="They signed.", title=r.title, content_hash="0" * 64)
                for r in records]
    groups = cluster_articles(articles, records, UnlikeText())
    assert [[records[i].id for i in g] for g in groups] == [["en_cairo"], ["fr_undated", "it_signing", "nl_signing"]]


def test_an_article_sharing_only_a_mentioned_person_with_an_event_is_not_part_of_it(make_record):
    geneva = ("Geneva", "city", "CH", 46.2, 6.15, True)
    records = [
        make_record("biden_putin", date="2021-06-16", places=[geneva],
                    people=[("Joe Biden", None, True), ("Vladimir Putin", None, True), ("Volodymyr Zelensky", None, False)]),
        make_record("biden_putin_again", date="2021-06-16", places=[geneva],
                    people=[("Joe Biden", None, True), ("Vladimir Putin", None, True)]),
        make_record("zelensky_elsewhere", published_source=None,
                    people=[("Volodymyr Zelensky", None, True), ("Olaf Scholz", None, True)]),
    ]
    articles = [Article(id=r.id, path=f"{r.id}.txt", text="The leaders met.", title=r.title, content_hash="0" * 64)
                for r in records]
    groups = cluster_articles(articles, records, SameText())
    assert [[records[i].id for i in g] for g in groups] == [["biden_putin", "biden_putin_again"],
                                                             ["zelensky_elsewhere"]]


def test_a_yearless_dateline_takes_the_year_of_the_meeting_its_day_and_month_fit(lisbon_corpus, monkeypatch):
    # "LISBOA, 12 juin -": the year guessed from the text (2011, a background year) is no
    # date of the article's own; its day and month are the dated meeting's, so it reports
    # that meeting and is read against its day and month in that meeting's year.
    articles, records = lisbon_corpus
    guessed = replace(records[1], published="2011-06-12", published_source="dateline", date="2011-06-12")
    calls = []

    def reread(article, anchor):
        calls.append(anchor.isoformat())
        return replace(guessed, published=anchor.isoformat(), published_source="event", date=anchor.isoformat())

    monkeypatch.setattr("generator.events.extract_article", reread)
    linked = link(articles, [records[0], guessed, records[2]], Curation())
    event_of = {r.id: r.event for r in linked.records}
    assert event_of["fr_meeting_lisbon"] == event_of["de_meeting_lisbon"]
    french = next(r for r in linked.records if r.id == "fr_meeting_lisbon")
    assert (french.published, french.published_source, french.date) == ("2024-06-12", "event", "2024-06-12")
    assert set(calls) == {"2024-06-12"}
    assert main_date([records[0], guessed]) == "2024-06-12"  # a guessed year never dates the event


def test_a_yearless_dateline_no_meeting_of_its_people_fits_keeps_its_guess(lisbon_corpus, monkeypatch):
    # "29 Sept.": neither meeting of the same two leaders (12 June 2024, 6 October 2022)
    # was held then or a few days before: it reports a meeting of its own.
    articles, records = lisbon_corpus
    guessed = replace(records[1], published="2011-09-29", published_source="dateline", date="2011-09-29")
    calls = []
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: calls.append(anchor))
    linked = link(articles, [records[0], guessed, records[2]], Curation())
    event_of = {r.id: r.event for r in linked.records}
    assert len(set(event_of.values())) == 3
    french = next(r for r in linked.records if r.id == "fr_meeting_lisbon")
    assert (french.published, french.published_source, french.date) == ("2011-09-29", "dateline", "2011-09-29")
    assert calls == []


def test_an_undated_report_whose_own_day_never_fits_the_event_leaves_it(lisbon_corpus, monkeypatch):
    # Text and shared people put the French report with the dated German one; read against
    # any of the event's days, its own main day stays months away (a yearless "29 Sept.",
    # a "Wednesday" of another week): it reports another meeting of the same people.
    articles, records = lisbon_corpus
    monkeypatch.setattr("generator.events.extract_article",
                        lambda article, anchor: replace(records[1], published=anchor.isoformat(),
                                                        published_source="event",
                                                        date=(anchor - timedelta(days=300)).isoformat()))
    linked = link(articles, records, Curation())
    event_of = {r.id: r.event for r in linked.records}
    assert event_of["fr_meeting_lisbon"] != event_of["de_meeting_lisbon"]
    french = next(r for r in linked.records if r.id == "fr_meeting_lisbon")
    assert french.published_source is None  # read on its own again, not against a meeting it did not report



def test_an_undated_report_that_leaves_its_event_joins_the_meeting_its_dates_fit(lisbon_corpus, monkeypatch):
    # The same two leaders met at the same place twice, years apart. Read against the later
    # meeting's day, the French report's own day stays years away; read against the earlier
    # one's, it is that day: it reports the earlier meeting, not a third of its own.
    articles, records = lisbon_corpus
    earlier = replace(records[2], locations=records[0].locations)
    records = [records[0], records[1], earlier]

    def reread(article, anchor):
        said = "2022-10-06" if anchor.year == 2022 else (anchor - timedelta(days=300)).isoformat()
        return replace(records[1], published=anchor.isoformat(), published_source="event", date=said)

    monkeypatch.setattr("generator.events.extract_article", reread)
    linked = link(articles, records, Curation())
    event_of = {r.id: r.event for r in linked.records}
    assert event_of["fr_meeting_lisbon"] == event_of["en_meeting_madrid_2022"] != event_of["de_meeting_lisbon"]
    assert len(linked.events) == 2


def test_an_undated_report_of_a_meeting_s_last_day_stays_with_it(lisbon_corpus, monkeypatch):
    # A summit of several days: the report of its close ("left the summit on Sunday") finds
    # no reading on the event's first day, but one on the day after it, and stays.
    articles, records = lisbon_corpus

    def reread(article, anchor):
        weekday_after = date.fromisoformat("2024-06-13")  # its "Sunday": the event's day after
        said = weekday_after if anchor >= weekday_after else anchor - timedelta(days=6)
        return replace(records[1], published=anchor.isoformat(), published_source="event", date=said.isoformat())

    monkeypatch.setattr("generator.events.extract_article", reread)
    linked = link(articles, records, Curation())
    event_of = {r.id: r.event for r in linked.records}
    assert event_of["fr_meeting_lisbon"] == event_of["de_meeting_lisbon"]
    french = next(r for r in linked.records if r.id == "fr_meeting_lisbon")
    assert french.date == "2024-06-13"


class OtherText:
    """Embeddings in which no two texts are alike: only the facts can join articles."""

    def expect(self, texts):
        pass

    def vectors(self, texts):
        return np.array([np.eye(64)[hash(t) % 64] for t in texts])

    def centroid(self, texts):
        return np.eye(64)[hash(texts[0]) % 64]


def test_reports_of_a_summit_that_saw_different_leaders_are_one_event(make_record):
    vilnius = ("Vilnius", "city", "LT", 54.69, 25.28, True)
    washington = ("Washington", "city", "US", 38.9, -77.04, True)
    records = [
        make_record("dated", date="2023-07-12", places=[vilnius],
                    people=[("Volodymyr Zelensky", None, True), ("Joe Biden", None, True), ("Mark Rutte", None, True),
                            ("Jens Stoltenberg", None, False), ("Recep Tayyip Erdogan", None, False)]),
        make_record("undated", published_source=None, places=[vilnius],
                    people=[("Jens Stoltenberg", None, True), ("Recep Tayyip Erdogan", None, True),
                            ("Ulf Kristersson", None, True), ("Volodymyr Zelensky", None, False),
                            ("Joe Biden", None, False)]),
        # the same people named, at another place: another meeting
        make_record("elsewhere", published_source=None, places=[washington],
                    people=[("Jens Stoltenberg", None, True), ("Recep Tayyip Erdogan", None, True),
                            ("Volodymyr Zelensky", None, False), ("Joe Biden", None, False)]),
    ]
    articles = [Article(id=r.id, path=f"{r.id}.txt", text=f"Report {r.id}.", title=r.title, content_hash="0" * 64)
                for r in records]
    groups = cluster_articles(articles, records, OtherText())
    assert [[records[i].id for i in g] for g in groups] == [["dated", "undated"], ["elsewhere"]]


def test_a_visit_of_two_days_in_two_cities_of_one_country_is_one_event(make_record):
    # Talks in Tokyo on day one, a visit to Osaka on day two: one visit, in every language.
    # The same leaders in Osaka five months later, or in Seoul the next day, meet again.
    tokyo = ("Tokyo", "city", "JP", 35.68, 139.69, True)
    osaka = ("Osaka", "city", "JP", 34.69, 135.50, True)
    seoul = ("Seoul", "city", "KR", 37.57, 126.98, True)
    pair = [("Olaf Scholz", None, True), ("Fumio Kishida", None, True)]
    records = [
        make_record("de_tokyo", language="de", date="2023-03-18", places=[tokyo], people=pair),
        make_record("fr_tokyo", language="fr", date="2023-03-18", places=[tokyo], people=pair),
        make_record("it_osaka", language="it", date="2023-03-19", places=[osaka], people=pair),
        make_record("nl_osaka_later", language="nl", date="2023-08-19", places=[osaka], people=pair),
        make_record("es_seoul", language="es", date="2023-03-19", places=[seoul], people=pair),
    ]
    articles = [Article(id=r.id, path=f"{r.id}.txt", text="The leaders met.", title=r.title, content_hash="0" * 64)
                for r in records]
    groups = cluster_articles(articles, records, SameText())
    assert [[records[i].id for i in g] for g in groups] == [
        ["de_tokyo", "fr_tokyo", "it_osaka"], ["es_seoul"], ["nl_osaka_later"]]


def test_a_visit_s_other_day_needs_the_same_people_present(make_record):
    tokyo = ("Tokyo", "city", "JP", 35.68, 139.69, True)
    osaka = ("Osaka", "city", "JP", 34.69, 135.50, True)
    records = [
        make_record("tokyo", date="2023-03-18", places=[tokyo],
                    people=[("Olaf Scholz", None, True), ("Fumio Kishida", None, True)]),
        make_record("tokyo_again", date="2023-03-18", places=[tokyo],
                    people=[("Olaf Scholz", None, True), ("Fumio Kishida", None, True)]),
        make_record("osaka", date="2023-03-19", places=[osaka],
                    people=[("Fumio Kishida", None, True), ("Anthony Albanese", None, True)]),
    ]
    articles = [Article(id=r.id, path=f"{r.id}.txt", text="The leaders met.", title=r.title, content_hash="0" * 64)
                for r in records]
    groups = cluster_articles(articles, records, SameText())
    assert [[records[i].id for i in g] for g in groups] == [["osaka"], ["tokyo", "tokyo_again"]]


def _dated_deep_down(record):
    """The record with its main date stated far below the sentences its other facts cite."""
    from generator.records import DateFact, Evidence, evolve
    quote = f"It was on {record.date}."
    return evolve(record, dates=(DateFact(record.date, record.date, True, (Evidence(quote, 900, 900 + len(quote)),)),),
                  participants=tuple(evolve(p, evidence=(Evidence("X met Y.", 0, 8), Evidence("Z.", 100, 102)))
                                     for p in record.participants))


def test_the_event_s_date_is_the_one_its_leads_state_not_the_earliest(make_record):
    # Two reports state 12 June in their leads; two others, dated 11 June, state it only
    # far down (a background day read as the main one): the leads win.
    pair = [("Olaf Scholz", None, True), ("Pedro Sánchez", None, True)]
    lead = [make_record(f"lead_{n}", language=lang, date="2024-06-12", people=pair, dates=[("2024-06-12", True)])
            for n, lang in enumerate(("de", "es"))]
    deep = [_dated_deep_down(make_record(f"deep_{n}", language=lang, date="2024-06-11", people=pair,
                                         dates=[("2024-06-11", True)]))
            for n, lang in enumerate(("fr", "it"))]
    assert main_date(lead + deep) == "2024-06-12"
    assert main_date(deep) == "2024-06-11"


def test_a_visit_reported_from_two_cities_is_dated_by_its_first_day(make_record):
    tokyo = ("Tokyo", "city", "JP", 35.68, 139.69, True)
    osaka = ("Osaka", "city", "JP", 34.69, 135.50, True)
    records = [make_record("tokyo", date="2023-03-18", places=[tokyo], dates=[("2023-03-18", True)]),
               make_record("osaka", date="2023-03-19", places=[osaka], dates=[("2023-03-19", True)]),
               make_record("osaka_2", language="nl", date="2023-03-19", places=[osaka], dates=[("2023-03-19", True)])]
    assert main_date(records) == "2023-03-18"
    # one city, two days stated: the articles' agreement decides
    assert main_date([records[1], records[2], replace(records[0], locations=records[1].locations)]) == "2023-03-19"


def test_an_undated_report_that_leaves_an_event_joins_the_meeting_its_own_days_fit(lisbon_corpus, monkeypatch):
    # The same two leaders met in Madrid in 2022 and in Lisbon in 2024. An undated report
    # naming no place reads like the Lisbon one, but its weekdays, read against the Lisbon
    # day, never give that day; read against the Madrid day they give it: it joins Madrid.
    articles, records = lisbon_corpus
    undated = replace(records[1], locations=())
    madrid = date.fromisoformat("2022-10-06")

    def reread(article, anchor):
        fits = madrid <= anchor <= madrid + timedelta(days=6)
        said = madrid if fits else anchor - timedelta(days=300)
        return replace(undated, published=anchor.isoformat(), published_source="event", date=said.isoformat())

    monkeypatch.setattr("generator.events.extract_article", reread)
    linked = link(articles, [records[0], undated, records[2]], Curation())
    event_of = {r.id: r.event for r in linked.records}
    assert event_of["fr_meeting_lisbon"] == event_of["en_meeting_madrid_2022"] != event_of["de_meeting_lisbon"]
    assert len(linked.events) == 2


def test_an_undated_report_left_on_its_own_joins_the_meeting_its_days_fit(lisbon_corpus, monkeypatch):
    # Its text is like no event's and it names no place: its own days, read against each
    # meeting of its people, pick the Madrid one.
    articles, records = lisbon_corpus
    undated = replace(records[1], locations=())
    madrid = date.fromisoformat("2022-10-06")

    def reread(article, anchor):
        said = madrid if madrid <= anchor <= madrid + timedelta(days=6) else anchor - timedelta(days=300)
        return replace(undated, published=anchor.isoformat(), published_source="event", date=said.isoformat())

    monkeypatch.setattr("generator.events.extract_article", reread)
    linked = link(articles, [records[0], undated, records[2]], Curation(), embeddings=_Unsaved())
    event_of = {r.id: r.event for r in linked.records}
    assert event_of["fr_meeting_lisbon"] == event_of["en_meeting_madrid_2022"] != event_of["de_meeting_lisbon"]


class _Unsaved(OtherText):
    """`OtherText` as linking uses it: nothing to keep."""

    def save(self):
        pass


def test_one_gift_is_one_outcome_given_by_the_giver_its_sources_name(make_record):
    from generator.events.embed import Embeddings
    from generator.events.merge import merge_outcomes

    gift = "Putin gave Trump a football from the World Cup."
    records = [make_record("a_en", language="en", people=PAIR_PEOPLE, outcomes=[(gift, "gift", "Vladimir Putin")]),
               make_record("b_en", language="en", people=PAIR_PEOPLE, outcomes=[(gift, "gift", None)])]
    [outcome] = merge_outcomes(records, Embeddings())
    assert (outcome.kind, outcome.speaker, len(outcome.sources)) == ("gift", "Vladimir Putin", 2)
