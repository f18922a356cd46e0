"""Roles as written → one English role: the normaliser in six languages, and the choice of
one role per person across an event's articles."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from generator.events.roles import complete_roles, event_role, fill_missing_roles
from generator.extract.roles import best_role, english_role, parse, person_role, relation_country, specificity
from generator.records import ArticleRecord, EventPerson, EventRecord, Evidence, Person, Sentence

ENGLISH_ROLE = re.compile(r"^[A-Za-z][A-Za-z .,'()-]*$")  # what a reader (and the event scorer) takes for English

CASES = [
    # language, as written, English role
    ("en", "Russian President", "President of Russia"),
    ("en", "US President", "President of the United States"),
    ("en", "the late Japanese prime minister", "Late Prime Minister of Japan"),
    ("en", "UN Secretary-General", "Secretary General of the United Nations"),
    ("en", "Chinese Foreign Ministry spokeswoman", "Spokesperson of the Foreign Ministry of China"),
    ("en", "Kremlin chief", "President of Russia"),
    ("en", "British Foreign Minister", "Foreign Secretary of the United Kingdom"),
    ("nl", "Russische president", "President of Russia"),
    ("nl", "Noord-Koreaanse leider", "Leader of North Korea"),
    ("nl", "Russische minister van Buitenlandse Zaken", "Foreign Minister of Russia"),
    ("nl", "Duitse bondskanselier", "Chancellor of Germany"),
    ("nl", "oud-premier", "Former Prime Minister"),
    ("nl", "secretaris-generaal van de NAVO", "Secretary General of NATO"),
    ("nl", "NAVO-chef", "Secretary General of NATO"),
    ("nl", "bondskanselier", "Chancellor of Germany"),
    ("de", "Russische Präsident", "President of Russia"),
    ("de", "russischen Präsidenten", "President of Russia"),  # an office in another case
    ("fr", "ministres des Affaires étrangères", "Foreign Minister"),  # and in the plural
    ("es", "viceministra", "Deputy Minister"),
    ("en", "acting White House chief of staff", "Acting Chief of Staff of the White House"),
    ("de", "US-Außenminister", "Secretary of State of the United States"),
    ("de", "Bundesaußenminister", "Foreign Minister of Germany"),
    ("de", "Vizeaußenminister", "Deputy Foreign Minister"),
    ("de", "Nato-Generalsekretär", "Secretary General of NATO"),
    ("de", "EU-Kommissionspräsidentin", "President of the European Commission"),
    ("de", "Russlands Präsident", "President of Russia"),
    ("de", "Kremlsprecher", "Spokesperson of the Kremlin"),
    ("de", "nordkoreanische Machthaber", "Leader of North Korea"),
    ("fr", "président russe", "President of Russia"),
    ("fr", "dirigeant nord-coréen", "Leader of North Korea"),
    ("fr", "ministre allemand des Affaires étrangères", "Foreign Minister of Germany"),
    ("fr", "présidente de la Commission européenne", "President of the European Commission"),
    ("fr", "ancien président américain", "Former President of the United States"),
    ("fr", "roi des Belges", "King of Belgium"),
    ("fr", "président du Conseil italien", "Prime Minister of Italy"),
    ("es", "presidente ruso", "President of Russia"),
    ("es", "presidente de Francia", "President of France"),
    ("es", "presidente del Gobierno", "Prime Minister of Spain"),
    ("es", "canciller alemán", "Chancellor of Germany"),
    ("es", "canciller ruso", "Foreign Minister of Russia"),
    ("es", "primer ministro chino", "Premier of China"),
    ("it", "presidente russo", "President of Russia"),
    ("it", "presidente del Consiglio", "Prime Minister of Italy"),
    ("it", "ministro degli Esteri ucraino", "Foreign Minister of Ukraine"),
    ("it", "segretario generale della Nato", "Secretary General of NATO"),
    ("it", "allora premier", "Former Prime Minister"),
    ("it", "presidente del Consiglio europeo", "President of the European Council"),
    ("fr", "président du Conseil européen", "President of the European Council"),
    ("nl", "presidenten van Rusland en Oekraïne", "President"),  # an office of two countries
    ("en", "Russian ambassador to the United States", "Ambassador of Russia"),
]


@pytest.mark.parametrize("language,written,expected", CASES)
def test_a_role_as_written_becomes_one_english_role(language, written, expected):
    assert english_role(written, language) == expected
    if expected:
        assert ENGLISH_ROLE.match(expected)


@pytest.mark.parametrize("language,written", [
    ("en", "grandfather of"), ("en", "father and predecessor of the current leader"), ("en", "Canadian counterpart"),
    ("nl", "opvolger van paus"), ("de", "Ehefrau"), ("fr", "homologue américain"), ("es", "esposa de Lula"),
    ("it", "omologo francese"), ("en", "Dutch painter"), ("en", ""), ("xx", "president"),
])
def test_relations_descriptions_and_unknown_languages_give_no_role(language, written):
    assert english_role(written, language) is None


def test_demonyms_are_inflected_by_the_language_rules():
    assert {english_role(w, "es") for w in ("presidente ruso", "presidenta rusa")} == {"President of Russia"}
    assert {english_role(w, "fr") for w in ("président ukrainien", "présidente ukrainienne")} == \
        {"President of Ukraine"}
    assert {english_role(w, "de") for w in ("russische Präsident", "russischer Präsident")} == {"President of Russia"}
    assert english_role("Chinese premier", "nl") == "Premier of China"  # "Chinees" → "Chinese"


def test_specificity_ranks_country_offices_over_bare_and_generic_ones():
    assert specificity("President of Russia") > specificity("Leader of Russia") > specificity("President")
    assert specificity("President") > specificity("Leader") > specificity("not a role")
    assert parse("Former Secretary of State of the United States").of == "the United States"
    assert parse("Secretary of State of the United States").office == "Secretary of State"


def test_the_event_role_is_the_most_specific_then_the_most_frequent():
    assert event_role(["President", "President of Russia", None]) == "President of Russia"
    assert event_role(["Leader of North Korea", "Leader of North Korea", "Head of State of North Korea"]) == \
        "Leader of North Korea"
    assert event_role(["Head of State of China", "President of China"]) == "President of China"
    assert event_role([None, None]) is None
    assert best_role(["B of Russia", "A of Russia"]) == best_role(["A of Russia", "B of Russia"])  # order-free


def _record(record_id: str, *people: tuple[str, str | None]) -> ArticleRecord:
    evidence = (Evidence("x", 0, 1),)
    return ArticleRecord(
        id=record_id, language="en", title="t", url=None, outlet=None, published=None, published_source=None,
        event=None, date=None,
        participants=tuple(Person(name, (name,), role, True, evidence, role_en=role) for name, role in people),
        locations=(), dates=(), outcomes=(), content_hash="0", extractor_version="test", source="x")


def _completed(*records: ArticleRecord) -> dict[tuple[str, str], str | None]:
    """Each record as an event of its own, its roles completed from the others."""
    events = [_event(r.id, *((p.name, p.role_en) for p in r.participants)) for r in records]
    done = complete_roles(events, records, lambda article, name: name)
    return {(e.id, p.id): p.role for e in done for p in e.participants}


def test_a_bare_role_takes_the_country_the_persons_other_roles_agree_on():
    roles = _completed(
        _record("a", ("Ana Example", "President"), ("Ben Example", "Prime Minister")),
        _record("b", ("Ana Example", "President of Russia"), ("Ben Example", "Secretary General of NATO")),
        _record("c", ("Ben Example", "Prime Minister of Norway"), ("Cleo Example", "Minister")),
    )
    assert roles[("a", "Ana Example")] == "President of Russia"
    assert roles[("a", "Ben Example")] == "Prime Minister of Norway"  # the same office elsewhere
    assert roles[("c", "Cleo Example")] == "Minister"  # nothing elsewhere: left as it is


def test_a_completed_role_is_named_as_its_country_names_it():
    roles = _completed(_record("a", ("Eve Example", "Foreign Minister")),
                       _record("b", ("Eve Example", "Secretary of State of the United States")))
    assert roles[("a", "Eve Example")] == "Secretary of State of the United States"


def test_a_bare_role_keeps_no_country_when_the_others_disagree():
    roles = _completed(
        _record("a", ("Dan Example", "Minister")),
        _record("b", ("Dan Example", "Foreign Minister of Norway")),
        _record("c", ("Dan Example", "Secretary General of NATO")),  # an organisation: no nationality
    )
    assert roles[("a", "Dan Example")] == "Minister"


def test_a_relation_phrase_gives_a_bare_office_its_country():
    assert relation_country("omologo francese", "it") == "FR"
    assert relation_country("Canadian counterpart", "en") == "CA"
    assert relation_country("father of the North Korean leader", "en") is None  # the demonym is the leader's
    assert event_role(["Foreign Minister", None], [None, "FR"]) == "Foreign Minister of France"
    assert event_role(["Foreign Minister"], ["FR", "DE"]) == "Foreign Minister"  # disagreeing: left bare


def _event(event_id: str, *people: tuple[str, str | None]) -> EventRecord:
    return EventRecord(id=event_id, title="t", date=None, places=(), articles=(event_id,),
                       participants=tuple(EventPerson(pid, pid, (pid,), role, (), True, ()) for pid, role in people),
                       locations=(), dates=(), outcomes=(), conflicts=(), languages=("en",))


def test_a_person_without_a_role_at_an_event_takes_the_one_their_other_events_give():
    events = fill_missing_roles([
        _event("a", ("putin", None), ("kim", None), ("medvedev", None)),
        _event("b", ("putin", "President of Russia"), ("kim", "Leader of North Korea")),
        _event("c", ("putin", "Leader of Russia"), ("kim", "Former Leader of North Korea")),
        _event("d", ("medvedev", "President of Russia"), ("medvedev", "Prime Minister of Russia")),
    ])
    roles = {p.id: p.role for p in events[0].participants}
    assert roles == {"putin": "President of Russia", "kim": "Leader of North Korea", "medvedev": None}


def _role_beside(language: str, text: str, name: str) -> tuple[str | None, str | None]:
    """`person_role` of the one mention of `name` in a one-sentence article, which carries no role itself."""
    start = text.index(name)
    doc = SimpleNamespace(language=language, article=SimpleNamespace(text=text),
                          sentences=(Sentence(text, 0, len(text)),))
    mention = SimpleNamespace(start=start, end=start + len(name), sentence=0, role=None)
    return person_role(doc, [mention], None)


@pytest.mark.parametrize("language,text,name,role", [
    ("es", "El primer ministro de Nueva Zelanda, Tom Example, y Ana Muestra firmaron ayer el acuerdo.",
     "Tom Example", ("primer ministro de Nueva Zelanda", "Prime Minister of New Zealand")),
    ("it", "Ana Esempio ha ricevuto il presidente ucraino, Ivan Esempio, a Roma.",
     "Ivan Esempio", ("presidente ucraino", "President of Ukraine")),
    ("en", "Ana Example met Tom Example, the Norwegian foreign minister, in Oslo on Monday.",
     "Tom Example", ("the Norwegian foreign minister", "Foreign Minister of Norway")),
    ("de", "Ana Beispiel traf den Außenminister Norwegens, Tom Beispiel.",
     "Tom Beispiel", ("Außenminister Norwegens", "Foreign Minister of Norway")),
])
def test_a_role_in_apposition_to_the_name_is_the_persons_role(language, text, name, role):
    assert _role_beside(language, text, name) == role


@pytest.mark.parametrize("text", [
    "After meeting the Chinese president, Tom Example flew on to Tokyo.",  # the name goes on as subject
    "Ana Example met Tom Example, who later called the Japanese prime minister, in Oslo.",  # not its opening
    "Ana Example met Tom Example, his wife and the Japanese prime minister.",
])
def test_a_role_that_is_not_the_names_apposition_is_not_its_role(text):
    assert _role_beside("en", text, "Tom Example") == (None, None)


def test_a_role_the_mentions_carry_comes_first():
    text = "Tom Example, the Norwegian foreign minister, spoke."
    doc = SimpleNamespace(language="en", article=SimpleNamespace(text=text), sentences=(Sentence(text, 0, len(text)),))
    mention = SimpleNamespace(start=0, end=11, sentence=0, role="Prime Minister")
    assert person_role(doc, [mention], "Prime Minister") == ("Prime Minister", "Prime Minister")


@pytest.mark.parametrize("language,text,name", [
    ("fr", "Étaient présents les ministres des affaires étrangères, Anne Exemple, Paul Exemple et Marc Exemple.",
     "Marc Exemple"),
    ("fr", "Étaient présents les ministres des affaires étrangères, Anne Exemple, Paul Exemple et Marc Exemple.",
     "Paul Exemple"),
    ("en", "The talks were joined by the presidents of France and Russia, Anne Example and Paul Example.",
     "Paul Example"),
])
def test_names_listed_under_a_role_take_its_office(language, text, name):
    role, english = _role_beside(language, text, name)
    assert english in ("Foreign Minister", "President") and role in text


def test_a_list_needs_names_all_the_way_to_the_role():
    text = "The presidents met in Paris and talked, and Paul Example spoke."
    assert _role_beside("en", text, "Paul Example") == (None, None)


def test_long_input_is_no_role_and_costs_little():
    assert english_role("Russian President " + "Word " * 20000, "en") is None
    text = "la ministre, " + "Anne Exemple, " * 20000 + "Tom Exemple."
    assert _role_beside("fr", text, "Tom Exemple") == (None, None)  # the list is read near the name only
