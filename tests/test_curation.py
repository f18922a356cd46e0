"""Editor curation: the file format, its errors, and every action applied by `link`."""
from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURE_CORPUS, REPO

from generator.curation import CurationError, load_curation, parse_curation
from generator.events import link
from generator.records import EventRecord

LISBON = "2024-06-12-scholz-sanchez-lisbon"
MADRID = "2022-10-06-scholz-sanchez-madrid"
SCHOLZ_QUOTE = ("„Wir wollen, dass grüner Wasserstoff aus Spanien schon in wenigen Jahren in deutschen Fabriken "
                "ankommt“, sagte Scholz vor Journalisten.")


@pytest.fixture
def run(lisbon_corpus, monkeypatch):
    """Link the Lisbon/Madrid corpus with curation YAML given as text."""
    articles, records = lisbon_corpus
    monkeypatch.setattr("generator.events.extract_article", lambda article, anchor: records[1])

    def apply(text: str, previous: tuple[EventRecord, ...] = ()):
        return link(articles, records, parse_curation(text, "corpus/curation.yaml"), previous)
    return apply


def event(linked, event_id):
    return next(e for e in linked.events if e.id == event_id)


def test_the_fixture_corpus_curation_file_is_valid_and_empty():
    """The golden build shows the generator's own output: its corpus carries no corrections."""
    curation = load_curation(FIXTURE_CORPUS / "curation.yaml", "corpus/curation.yaml")
    assert curation.actions == ()


def test_missing_file_is_an_empty_curation(tmp_path: Path):
    assert load_curation(tmp_path / "absent.yaml").actions == ()


def test_errors_name_the_line_and_say_what_to_do():
    text = ("actions:\n"
            "  - action: set_title\n"
            "    event: x\n"
            "  - action: merge_events\n"
            "    events: [only-one]\n"
            "  - action: add_fact\n"
            "    fact: date\n"
            "    article: a\n"
            "    quote: q\n"
            "    value: 25 April\n"
            "    colour: red\n")
    with pytest.raises(CurationError) as caught:
        parse_curation(text, "corpus/curation.yaml")
    assert caught.value.problems == (
        "corpus/curation.yaml:2: set_title: 'title' is missing (add it; see docs/curation.md)",
        "corpus/curation.yaml:5: merge_events: events: ['only-one'] is too short (list at least 2)",
        "corpus/curation.yaml:10: add_fact: value: '25 April' is not in the expected form (see docs/curation.md)",
        "corpus/curation.yaml:11: add_fact: unknown field 'colour' "
        "(allowed here: action, article, fact, main, quote, text, value)",
    )


def test_a_typo_gets_one_list_of_choices_and_a_guess():
    text = ("actions:\n"
            "  - action: set_titel\n"
            "    event: x\n"
            "    title: y\n"
            "  - action: suppress_fact\n"
            "    fact: place\n"
            "    value: Pacific Ocean\n"
            "    evnt: x\n")
    with pytest.raises(CurationError) as caught:
        parse_curation(text, "corpus/curation.yaml")
    assert caught.value.problems == (
        "corpus/curation.yaml:2: unknown action 'set_titel' (did you mean 'set_title'? use one of: rename_entity, "
        "merge_entities, merge_events, split_event, set_title, rename_event, suppress_fact, add_fact)",
        "corpus/curation.yaml:8: suppress_fact: unknown field 'evnt' (did you mean 'event'? "
        "allowed here: action, article, event, fact, value)",
    )


def test_an_entry_without_an_action_gets_one_line():
    with pytest.raises(CurationError) as caught:
        parse_curation("actions:\n  - event: x\n  - 5\n", "corpus/curation.yaml")
    assert caught.value.problems == (
        "corpus/curation.yaml:2: entry: 'action' is missing (add it; see docs/curation.md)",
        "corpus/curation.yaml:3: entry: 5 is not a mapping of `field: value` lines "
        "(write a mapping of `field: value` lines)",
    )


def test_a_file_with_errors_still_offers_its_valid_entries():
    """So that `factsheet check` reports stale entries beside the schema errors."""
    text = ("actions:\n"
            "  - action: set_title\n    event: x\n"
            "  - action: set_title\n    event: y\n    title: Why\n")
    with pytest.raises(CurationError) as caught:
        parse_curation(text, "corpus/curation.yaml")
    assert caught.value.problems == ("corpus/curation.yaml:2: set_title: 'title' is missing (add it; see docs/curation.md)",)
    [usable] = caught.value.usable.actions
    assert (usable.where, usable.event, usable.title) == ("corpus/curation.yaml:4", "y", "Why")


def test_malformed_yaml_names_its_line():
    with pytest.raises(CurationError, match=r"^corpus/curation.yaml:3: .*\(check the indentation"):
        parse_curation("actions:\n  - action: set_title\n   event: [x\n", "corpus/curation.yaml")


def test_unknown_action_lists_the_known_ones():
    with pytest.raises(CurationError) as caught:
        parse_curation("actions:\n  - action: frobnicate\n", "curation.yaml")
    assert caught.value.problems == ("curation.yaml:2: unknown action 'frobnicate' (use one of: rename_entity, "
                                     "merge_entities, merge_events, split_event, set_title, rename_event, "
                                     "suppress_fact, add_fact)",)


def test_set_title(run):
    linked = run(f"actions:\n  - action: set_title\n    event: {LISBON}\n    title: Hydrogen pact in Lisbon\n")
    assert event(linked, LISBON).title == "Hydrogen pact in Lisbon"
    assert linked.warnings == ()


def test_rename_event_keeps_a_redirect(run):
    linked = run(f"actions:\n  - action: rename_event\n    event: {LISBON}\n    id: lisbon-hydrogen-talks\n")
    renamed = event(linked, "lisbon-hydrogen-talks")
    assert renamed.redirect_from == (LISBON,)
    assert {r.event for r in linked.records if r.id.startswith(("de_", "fr_"))} == {"lisbon-hydrogen-talks"}
    # A later entry may use the new id.
    again = run("actions:\n"
                f"  - action: rename_event\n    event: {LISBON}\n    id: lisbon-hydrogen-talks\n"
                "  - action: set_title\n    event: lisbon-hydrogen-talks\n    title: Talks\n")
    assert event(again, "lisbon-hydrogen-talks").title == "Talks"


def test_changed_id_since_the_last_build_keeps_a_redirect(run):
    first = run("actions: []\n")
    old = event(first, LISBON)
    moved = EventRecord(**{**old.__dict__, "id": "2024-06-11-scholz-sanchez-lisbon"})
    linked = run("actions: []\n", previous=(moved, event(first, MADRID)))
    assert event(linked, LISBON).redirect_from == ("2024-06-11-scholz-sanchez-lisbon",)
    assert event(linked, MADRID).redirect_from == ()


def test_merge_events(run):
    linked = run(f"actions:\n  - action: merge_events\n    events: [{LISBON}, {MADRID}]\n")
    assert len(linked.events) == 1
    assert linked.events[0].articles == ("de_meeting_lisbon", "en_meeting_madrid_2022", "fr_meeting_lisbon")
    assert [c.about for c in linked.events[0].conflicts] == ["date", "place"]


def test_split_event(run):
    linked = run(f"actions:\n  - action: split_event\n    event: {LISBON}\n    articles: [fr_meeting_lisbon]\n")
    assert sorted(e.articles for e in linked.events) == [
        ("de_meeting_lisbon",), ("en_meeting_madrid_2022",), ("fr_meeting_lisbon",)]
    assert linked.warnings == ()


def test_rename_and_merge_entities(run):
    linked = run("actions:\n"
                 "  - action: rename_entity\n    kind: person\n    entity: olaf-scholz\n    name: Olaf SCHOLZ\n"
                 "  - action: merge_entities\n    kind: place\n    entities: [lisbon, madrid]\n    name: Iberia\n")
    person = linked.registry.person("olaf-scholz")
    assert (person.id, person.name, person.redirect_from) == ("olaf-scholz", "Olaf SCHOLZ", ())
    assert {p.name for r in linked.records for p in r.participants} == {"Olaf SCHOLZ", "Pedro Sánchez"}
    [place] = linked.registry.places
    assert (place.id, place.redirect_from) == ("iberia", ("lisbon", "madrid"))
    assert event(linked, MADRID.replace("madrid", "iberia")).places == ("Iberia",)


def test_suppress_fact_in_one_article(run):
    linked = run("actions:\n  - action: suppress_fact\n    fact: person\n    value: Pedro Sanchez\n"
                 "    article: fr_meeting_lisbon\n")
    lisbon = next(e for e in linked.events if "fr_meeting_lisbon" in e.articles)
    sanchez = next(p for p in lisbon.participants if p.name == "Pedro Sánchez")
    assert {s.article for s in sanchez.sources} == {"de_meeting_lisbon"}
    assert linked.warnings == ()
    # Present in one of two reports only, he no longer names the event; the old id redirects
    # once a build has published it.
    assert lisbon.id == "2024-06-12-scholz-lisbon"


def test_suppress_fact_in_one_event(run):
    linked = run(f"actions:\n  - action: suppress_fact\n    fact: place\n    value: Lisbon\n    event: {LISBON}\n")
    assert all(not r.locations for r in linked.records if r.id != "en_meeting_madrid_2022")
    assert event(linked, MADRID).places == ("Madrid",)


def test_add_fact_cites_its_sentence(run):
    linked = run("actions:\n  - action: add_fact\n    fact: outcome\n    article: de_meeting_lisbon\n"
                 f"    quote: \"{SCHOLZ_QUOTE}\"\n"
                 "    text: Scholz wants Spanish green hydrogen in German factories within years.\n"
                 "    kind: statement\n    speaker: Olaf Scholz\n")
    [outcome] = event(linked, LISBON).outcomes
    [source] = outcome.sources
    article_text = (REPO / "tests/fixtures/events/de_meeting_lisbon.txt").read_text(encoding="utf-8")
    assert article_text[source.start:source.end] == SCHOLZ_QUOTE == source.quote
    assert (outcome.kind, outcome.speaker) == ("statement", "Olaf Scholz")


def test_add_fact_main_date_dates_the_event(run):
    linked = run("actions:\n  - action: add_fact\n    fact: date\n    article: fr_meeting_lisbon\n"
                 "    quote: \"L'entretien a duré plus de deux heures.\"\n    value: 2024-06-12\n")
    assert event(linked, LISBON).dates[0].sources[-1].article == "fr_meeting_lisbon"


def test_stale_entries_are_reported_with_their_line(run):
    linked = run("actions:\n"
                 "  - action: set_title\n    event: 1999-01-01-nobody\n    title: Gone\n"
                 "  - action: suppress_fact\n    fact: date\n    value: 1999-01-01\n"
                 "  - action: add_fact\n    fact: person\n    article: de_meeting_lisbon\n"
                 "    quote: Not in the article.\n    name: X\n"
                 "  - action: rename_entity\n    kind: place\n    entity: atlantis\n    name: Atlantis\n"
                 f"  - action: split_event\n    event: {LISBON}\n    articles: [en_meeting_madrid_2022]\n")
    assert linked.warnings == (
        "corpus/curation.yaml:2: set_title: no event '1999-01-01-nobody' (update or remove the entry)",
        "corpus/curation.yaml:5: suppress_fact: no date '1999-01-01' to suppress (update or remove the entry)",
        "corpus/curation.yaml:8: add_fact: the quote is not in article 'de_meeting_lisbon' "
        "(copy the sentence exactly from the article)",
        "corpus/curation.yaml:13: rename_entity: no place 'atlantis' (the entity is gone or renamed; "
        "update or remove the entry)",
        "corpus/curation.yaml:17: split_event: article(s) en_meeting_madrid_2022 not in event "
        f"'{LISBON}' (update or remove the entry)",
    )
