"""The digest of an event's outcomes and the timeline of what happened, on records made here."""
from __future__ import annotations

from generator.records import EventDate, EventOutcome, Source
from generator.render.digest import digest, outcome_label, shortest_quote, timeline


def outcome(text: str, kind: str, speaker: str | None = None, articles: tuple[str, ...] = ("a",),
            quotes: dict[str, str] | None = None) -> EventOutcome:
    quotes = quotes or {}
    return EventOutcome(text, kind, speaker, tuple(Source(a, quotes.get(a, text), 0, len(quotes.get(a, text)))
                                                   for a in articles))


def date_fact(value: str, text: str, quote: str, main: bool = False, article: str = "a") -> EventDate:
    return EventDate(value, (text,), main, (Source(article, quote, 0, len(quote)),))


LANGUAGES = {"a": "en", "b": "de", "c": "fr"}
PARTICIPANTS = frozenset({"Vladimir Putin", "Kim Jong Un"})


def test_decisions_come_first_and_more_sources_rank_higher():
    outcomes = [
        outcome("Putin said the talks covered the whole range of questions.", "statement", "Vladimir Putin"),
        outcome("Kim announced he would visit Moscow at a later date.", "announcement", "Kim Jong Un"),
        outcome("No joint statement was signed at the end of the talks.", "no-agreement", None, ("a", "b", "c")),
        outcome("Kim called the talks very meaningful and substantial.", "assessment", "Kim Jong Un"),
    ]
    items = digest(outcomes, LANGUAGES, PARTICIPANTS)
    assert [i.outcome.kind for i in items] == ["no-agreement", "announcement", "statement", "assessment"]
    assert items[0].reported_by == 3
    assert [i.label for i in items] == ["No agreement — between the sides", "Announcement — Kim Jong Un",
                                        "Statement — Vladimir Putin", "Assessment — Kim Jong Un"]


def test_one_position_per_speaker_and_at_most_seven_items():
    topics = ("railways", "fisheries", "tourism", "energy", "schools", "hospitals", "ports", "airlines", "banking")
    outcomes = [outcome(f"Putin said {topic} matter a great deal to Russia.", "statement", "Vladimir Putin")
                for topic in topics[:3]]
    outcomes += [outcome(f"The sides agreed to cooperate on {topic}.", "agreement", None) for topic in topics[:4]]
    outcomes += [outcome(f"Kim announced a new office for {topic}.", "announcement", "Kim Jong Un") for topic in topics[4:7]]
    outcomes.append(outcome("Kim said his country wants peace on the peninsula.", "statement", "Kim Jong Un"))
    outcomes.append(outcome("Lavrov said the visit went to plan in every respect.", "statement", "Sergey Lavrov"))
    items = digest(outcomes, LANGUAGES, PARTICIPANTS)
    assert [i.outcome.kind for i in items] == ["agreement"] * 3 + ["announcement"] * 2 + ["statement"] * 2
    assert [i.outcome.speaker for i in items[5:]] == ["Vladimir Putin", "Kim Jong Un"]  # participants first


def test_fragments_datelines_and_near_duplicates_are_left_out():
    outcomes = [
        outcome("aunque no se ha fijado una fecha concreta.", "announcement", None),
        outcome("LONDON, June 15 (Reuters) - The leaders met for talks.", "statement", None),
        outcome("Both sides signed an agreement on a new rail link to the border.", "agreement", None),
        outcome("Both sides signed an agreement on a new rail link to the border today.", "agreement", None),
        outcome("Kim said the rail link would help both peoples.", "statement", "Kim Jong Un"),
    ]
    texts = [i.outcome.text for i in digest(outcomes, LANGUAGES, PARTICIPANTS)]
    assert texts == ["Both sides signed an agreement on a new rail link to the border.",
                     "Kim said the rail link would help both peoples."]


def test_a_few_of_each_kind_so_the_digest_covers_what_came_of_the_meeting():
    absences = [outcome(f"No agreement on {topic} was signed.", "no-agreement") for topic in ("oil", "gas", "grain")]
    agreements = [outcome(f"The sides signed an accord on {topic}.", "agreement")
                  for topic in ("ports", "rail", "roads", "fishing")]
    kinds = [i.outcome.kind for i in digest(absences + agreements, LANGUAGES, PARTICIPANTS)]
    assert kinds == ["agreement"] * 3 + ["no-agreement"] * 2


def test_fewer_than_three_positions_are_filled_up_from_the_same_speaker():
    outcomes = [outcome(f"Putin said that {topic} were discussed.", "statement", "Vladimir Putin")
                for topic in ("railways", "fisheries", "tourism")]
    assert len(digest(outcomes, LANGUAGES, PARTICIPANTS)) == 3


def test_the_shortest_quote_in_the_readers_language_states_the_outcome():
    merged = outcome("Beide unterzeichneten ein Abkommen.", "agreement", None, ("b", "a", "c"),
                     {"b": "Beide unterzeichneten ein Abkommen.", "a": "The two leaders signed an agreement on rail.",
                      "c": "Accord signé."})
    assert shortest_quote(merged.sources, LANGUAGES).article == "a"
    assert shortest_quote(merged.sources, {"b": "de", "c": "fr"}).article == "c"
    item = digest([merged], LANGUAGES)[0]
    assert (item.quote, item.language) == ("The two leaders signed an agreement on rail.", "en")


def test_labels_name_the_kind_and_the_speaker_in_english():
    assert outcome_label(outcome("x", "agreement")) == "Agreement — between the sides"
    assert outcome_label(outcome("x", "statement", "Vladimir Putin")) == "Statement — Vladimir Putin"
    assert outcome_label(outcome("x", "assessment")) == "Assessment — as reported"


def test_timeline_describes_each_date_from_its_clause_and_keeps_background_apart():
    dates = [
        date_fact("2019-04-24", "on Wednesday", "Kim arrived in Vladivostok by train on Wednesday, a day early.",
                  article="a"),
        date_fact("2019-04-25", "Donnerstag", "Am Donnerstag trafen sich Putin und Kim auf der Insel Russki.",
                  main=True, article="b"),
        date_fact("2011", "in 2011", "The two countries last held a summit in 2011, when Kim Jong Il came.",
                  article="a"),
        date_fact("2019-06", "June 15", "LONDON, June 15 (Reuters) -", article="a"),
    ]
    meeting, background = timeline(dates, "2019-04-25", LANGUAGES)
    assert [(e.date.value, e.description, e.language) for e in meeting] == [
        ("2019-04-24", "Kim arrived in Vladivostok by train", "en"),
        ("2019-04-25", "Trafen sich Putin und Kim auf der Insel Russki", "de"),
    ]
    assert [(e.date.value, e.description) for e in background] == [
        ("2011", "The two countries last held a summit"), ("2019-06", None)]
