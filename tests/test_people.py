"""People extraction and person-name normalisation.

The fixtures under tests/fixtures/people/ are short news texts in each supported
language about meetings other than the seed articles' one, so these tests check the
general rules, not the development set.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.extract import prepare
from generator.extract.names import canonical_name, person_key, same_person, surname_key
from generator.extract.people import extract_people
from generator.read import read_article
from generator.records import Article, Person

PEOPLE_FIXTURES = Path(__file__).parent / "fixtures" / "people"


def people_of(fixture: str) -> dict[str, Person]:
    path = PEOPLE_FIXTURES / fixture
    doc = prepare(read_article(path, f"tests/fixtures/people/{fixture}"))
    return {p.name: p for p in extract_people(doc)}


def present(people: dict[str, Person]) -> set[str]:
    return {name for name, p in people.items() if p.present}


# ---------------------------------------------------------------- names.py

@pytest.mark.parametrize("spellings", [
    ["Poetin", "Putin", "Poutine", "PUTIN"],
    ["Kim Jong-un", "Kim Jong Un", "Kim Jon-un", "KIM JONG UN", "Kim jong un"],
    ["Medvedev", "Medwedew", "Miedviédev"],
    ["Lavrov", "Lawrow"],
    ["Peskov", "Peskow"],
    ["Zelensky", "Zelenskyy", "Selenskyj", "Zelenski", "Zelenskiy"],
    ["Gorbatsjov", "Gorbachev", "Gorbatschow", "Gorbatchev"],
    ["Dmitri Medvedev", "Dmitry Medvedev", "Dmitrij Medwedew"],
])
def test_person_key_folds_transliterations(spellings):
    assert len({person_key(s) for s in spellings}) == 1


def test_person_key_keeps_relatives_apart():
    assert person_key("Kim Jong Un") != person_key("Kim Jong Il")
    assert person_key("Kim Il Sung") != person_key("Kim Jong Il")


def test_surname_key_handles_family_name_first():
    assert surname_key("Wladimir Putin") == surname_key("Poetin")
    assert surname_key("Kim Jong-un") == surname_key("Kim") == "kim"
    assert surname_key("Moon Jae-in") == surname_key("Moon")
    assert surname_key("Jan van Dijk") == surname_key("Dijk")  # particles are not given names


def test_same_person():
    assert same_person("Poetin", "Vladimir Putin")
    assert same_person("Wladimir Putin", "Vladimir Putin")
    assert same_person("V. Putin", "Vladimir Putin")
    assert same_person("Kim", "Kim Jong Un")
    assert same_person("Kim Jong-un", "Kim Jong Un")
    assert not same_person("Kim Jong Un", "Kim Jong Il")
    assert not same_person("Kim Il Sung", "Kim Jong Un")
    assert not same_person("Vladimir Putin", "Vladimir Zelensky")


def test_canonical_name_prefers_full_international_common_form():
    assert canonical_name(["Poetin", "Putin", "Vladimir Putin", "Wladimir Putin", "Vladimir Putin"]) == "Vladimir Putin"
    assert canonical_name(["Lawrow", "Lavrov"]) == "Lavrov"
    assert canonical_name(["Kim jong un", "Kim Jong Un", "KIM JONG UN"]) == "Kim Jong Un"
    assert canonical_name(["b", "a"]) == canonical_name(["a", "b"])  # deterministic
    with pytest.raises(ValueError):
        canonical_name(["", "  "])


# ---------------------------------------------------------------- extraction, per language

def test_english_names_roles_presence():
    people = people_of("en_presidents_summit.txt")
    assert set(people) == {"Joe Biden", "Xi Jinping", "Antony Blinken", "Janet Yellen", "Donald Trump",
                           "Karine Jean-Pierre"}
    assert present(people) == {"Joe Biden", "Xi Jinping", "Antony Blinken", "Janet Yellen"}
    assert people["Xi Jinping"].role == "Chinese President"
    assert people["Antony Blinken"].role == "Secretary of State"
    assert people["Karine Jean-Pierre"].role == "White House spokeswoman"
    assert people["Donald Trump"].role == "Former President"
    assert people["Joe Biden"].aliases == ("Biden", "Joe Biden")  # surname mentions resolve


def test_english_families_sharing_a_surname():
    people = people_of("en_family_names.txt")
    assert set(people) >= {"Kim Jong Un", "Kim Jong Il", "Kim Il Sung", "Vladimir Putin", "Dmitry Peskov"}
    # A bare "Kim" (and the possessive "Kim's") is the most prominent Kim, the one at the meeting.
    assert "Kim" in people["Kim Jong Un"].aliases and "Kim" not in people["Kim Jong Il"].aliases
    assert present(people) == {"Kim Jong Un", "Vladimir Putin"}
    assert people["Dmitry Medvedev"].role == "then Russian president"
    assert not any(word in people for word in ("KCNA", "Sputnik", "Reuters", "Photo"))


def test_dutch_names_roles_presence():
    people = people_of("nl_premier_receives_president.txt")
    assert set(people) == {"Mark Rutte", "Volodymyr Zelensky", "Dmytro Koeleba", "Biden", "Jan Peter Balkenende"}
    assert present(people) == {"Mark Rutte", "Volodymyr Zelensky", "Dmytro Koeleba"}
    assert people["Volodymyr Zelensky"].role == "Oekraïense president"
    assert people["Dmytro Koeleba"].role == "minister van Buitenlandse Zaken"
    assert people["Biden"].role == "Amerikaanse president"  # only the surname is given: kept as written


def test_german_names_roles_presence_and_nouns_rejected():
    people = people_of("de_chancellor_meets_president.txt")
    assert set(people) == {"Olaf Scholz", "Emmanuel Macron", "Annalena Baerbock", "Gerhard Schröder",
                           "Gabriel Attal"}
    assert present(people) == {"Olaf Scholz", "Emmanuel Macron", "Annalena Baerbock"}
    assert people["Emmanuel Macron"].role == "französischen Präsidenten"
    assert people["Gerhard Schröder"].role == "damaligen Kanzlers"
    assert "Macron" in people["Emmanuel Macron"].aliases and "Macrons" not in people["Emmanuel Macron"].aliases


def test_german_capitalised_nouns_and_genitives():
    people = people_of("de_nouns_and_genitive.txt")
    assert set(people) == {"Wladimir Putin", "Kim Jong Un", "Dmitri Peskow", "Juri Uschakow"}
    assert people["Wladimir Putin"].role == "Russlands Präsident"
    assert people["Dmitri Peskow"].role == "Kremlsprecher"
    assert present(people) == {"Wladimir Putin", "Kim Jong Un", "Juri Uschakow"}


def test_french_names_roles_presence():
    people = people_of("fr_president_receives_premier.txt")
    assert set(people) == {"Emmanuel Macron", "Giorgia Meloni", "Catherine Colonna", "Antonio Tajani",
                           "Nicolas Sarkozy", "Silvio Berlusconi", "Olivier Véran"}
    assert present(people) == {"Emmanuel Macron", "Giorgia Meloni", "Catherine Colonna", "Antonio Tajani"}
    assert people["Catherine Colonna"].role == "ministre des Affaires étrangères"
    assert people["Nicolas Sarkozy"].role == "ancien président"
    assert people["Olivier Véran"].role == "porte-parole du gouvernement"


def test_italian_names_roles_presence():
    people = people_of("it_premier_meets_premier.txt")
    assert set(people) == {"Giorgia Meloni", "Pedro Sánchez", "Antonio Tajani", "Mario Draghi"}
    assert present(people) == {"Giorgia Meloni", "Pedro Sánchez", "Antonio Tajani"}
    assert people["Antonio Tajani"].role == "ministro degli Esteri"
    assert people["Pedro Sánchez"].role == "premier spagnolo"


def test_spanish_names_roles_presence():
    people = people_of("es_presidents_meet.txt")
    assert set(people) == {"Pedro Sánchez", "Luiz Inácio Lula da Silva", "José Manuel Albares", "Jair Bolsonaro"}
    assert present(people) == {"Pedro Sánchez", "Luiz Inácio Lula da Silva", "José Manuel Albares"}
    assert "Lula" in people["Luiz Inácio Lula da Silva"].aliases  # a middle part of a long name
    assert people["Pedro Sánchez"].role == "presidente del Gobierno español"


# ---------------------------------------------------------------- record invariants

@pytest.mark.parametrize("fixture", sorted(p.name for p in PEOPLE_FIXTURES.glob("*.txt")))
def test_evidence_quotes_the_article_in_order(fixture):
    path = PEOPLE_FIXTURES / fixture
    doc = prepare(read_article(path, f"tests/fixtures/people/{fixture}"))
    people = extract_people(doc)
    assert people == extract_people(doc)  # deterministic
    firsts = [p.evidence[0].start for p in people]
    assert firsts == sorted(firsts)
    for person in people:
        assert person.evidence
        assert list(person.aliases) == sorted(set(person.aliases))
        for evidence in person.evidence:
            assert doc.article.text[evidence.start:evidence.end] == evidence.quote
        assert any(alias in person.evidence[0].quote for alias in person.aliases)


def test_particles_and_names_confirmed_by_a_later_cue():
    people = people_of("de_particles_and_unconfirmed_names.txt")
    assert set(people) == {"Ursula von der Leyen", "Wolodymyr Selenskyj"}
    leyen = people["Ursula von der Leyen"]
    assert leyen.role == "EU-Kommissionspräsidentin"
    assert "von der Leyen" in leyen.aliases and "Leyen" not in leyen.aliases
    assert present(people) == {"Ursula von der Leyen", "Wolodymyr Selenskyj"}


def test_short_report_names_the_guest_once():
    people = people_of("it_short_report.txt")
    assert present(people) == {"Vladimir Putin", "Kim Jong-un", "Sergej Lavrov"}
    assert people["Kim Jong-un"].role == "leader nordcoreano"


def test_bylines_honorifics_and_companies():
    people = people_of("en_byline_honorifics.txt")
    assert set(people) == {"Narendra Modi", "Anthony Albanese"}  # no byline authors, no "Goldman Sachs"
    assert people["Narendra Modi"].role == "Indian Prime Minister"
    assert present(people) == {"Narendra Modi", "Anthony Albanese"}


def test_a_list_of_leaders_in_the_lead_took_part():
    people = people_of("en_multilateral_summit_list.txt")
    assert present(people) == {"Fumio Kishida", "Joe Biden", "Emmanuel Macron", "Olaf Scholz", "Giorgia Meloni"}
    assert people["Olaf Scholz"].role == "German Chancellor"
    assert not people["Volodymyr Zelensky"].present  # announced for later, not yet there


@pytest.mark.parametrize("fixture, son, father", [
    ("es_family_background.txt", "Kim Jong-un", "Kim Jong-il"),
    ("fr_family_background.txt", "Kim Jong-un", "Kim Jong-il"),
    ("en_caps_and_title_case_headlines.txt", "Kim Jong Un", "Kim Jong Il"),
])
def test_bare_surname_is_the_leader_of_the_lead_not_his_father(fixture, son, father):
    people = people_of(fixture)
    assert "Kim" in people[son].aliases and "Kim" not in people[father].aliases
    assert people[son].present and not people[father].present


def test_spanish_organisations_and_attendance():
    people = people_of("es_family_background.txt")
    assert "Departamento" not in people  # "portavoz del Departamento de Estado"
    assert "Putin y Kim Jong-un" not in people  # "y" joins two people, not one name
    assert present(people) == {"Vladímir Putin", "Kim Jong-un", "Serguéi Lavrov", "Choe Son-hui"}
    assert people["Serguéi Lavrov"].role == "ministro de Exteriores ruso"


def test_headlines_in_capitals_and_title_case_add_no_people():
    people = people_of("en_caps_and_title_case_headlines.txt")
    assert set(people) == {"Vladimir Putin", "Kim Jong Un", "Sergei Lavrov", "Andrei Belousov", "Matthew Miller",
                           "Kim Jong Il"}


def test_party_before_a_name_and_a_pope():
    people = people_of("it_party_leader_and_pope.txt")
    assert people["Matteo Salvini"].role == "leader della Lega"
    # a given name used alone is not a demonym ("frances-"); the pope is named as the press names him
    assert people["Pope Francis"].role == "Papa" and people["Pope Francis"].aliases == ("Francesco",)
    assert present(people) == {"Volodymyr Zelensky", "Giorgia Meloni", "Guido Crosetto", "Alfredo Mantovano"}


def test_credits_are_not_people_and_attendance_is():
    people = people_of("nl_credits_and_attendance.txt")
    assert "Remko de Waal" not in people  # "© ANP / Remko de Waal"
    assert present(people) == {"Dick Schoof", "Keir Starmer", "Caspar Veldkamp", "Joanna Roper"}
    assert people["Geert Wilders"].role == "PVV-leider"
    german = people_of("de_photo_credit.txt")
    assert "Michael Kappeler" not in german  # "Foto: Michael Kappeler/dpa"
    assert present(german) == {"Giorgia Meloni", "Olaf Scholz", "Nancy Faeser"}


def test_delegations_family_and_background_people():
    people = people_of("en_delegations_and_family.txt")
    assert present(people) == {"Donald Trump", "Kim Jong Un", "Mike Pompeo", "John Bolton", "Kim Yo Jong",
                               "Kim Yong Chol"}
    assert {"Moon Jae-in", "Wang Yi", "Barack Obama", "Madeleine Albright", "Kim Jong Il"} <= set(people)
    assert people["Kim Yo Jong"].role == "sister"
    assert people["Madeleine Albright"].role == "then Secretary of State"


def test_korean_syllables_that_are_german_words_and_kinship_nouns():
    people = people_of("de_korean_names_and_kinship.txt")
    assert "Moon Jae In" in people  # "In" is a German preposition elsewhere
    assert people["Kim Jong Il"].role == "Vater" and not people["Kim Jong Il"].present
    assert "Kims" not in people["Kim Jong Un"].aliases and "Kim" in people["Kim Jong Un"].aliases
    assert present(people) == {"Donald Trump", "Kim Jong Un", "Mike Pompeo", "John Bolton"}


def test_spouses_travel_along_and_a_later_reception_is_another_event():
    people = people_of("es_spouse_and_separate_reception.txt")
    assert people["Verónica Alcocer"].role == "esposa" and not people["Verónica Alcocer"].present
    assert not people["King Felipe VI"].present  # named as the press names him
    assert present(people) == {"Gustavo Petro", "Pedro Sánchez", "Álvaro Leyva", "José Manuel Albares"}


def test_german_nouns_before_a_reporting_verb_are_not_people():
    path = PEOPLE_FIXTURES / "de_nouns_and_genitive.txt"
    text = path.read_text(encoding="utf-8") + "Das Treffen sei gut verlaufen, wie Diplomaten sagten.\n"
    article = Article(id="de_diplomats", path="de_diplomats.txt", text=text, title=text.splitlines()[0],
                      content_hash="0" * 64, language="de")
    names = {p.name for p in extract_people(prepare(article))}
    assert "Diplomaten" not in names and "Wladimir Putin" in names


def test_a_much_discussed_leader_who_is_not_there():
    people = people_of("en_much_discussed_absent_leader.txt")
    assert present(people) == {"Emmanuel Macron", "Volodymyr Zelensky"}
    assert len(people["Putin"].evidence) > len(people["Emmanuel Macron"].evidence)  # named most, yet absent


def test_capitalised_particles_inside_names():
    people = people_of("fr_capitalised_particles.txt")
    assert {"Jean-Yves Le Drian", "Marine Le Pen"} <= set(people)
    assert people["Jean-Yves Le Drian"].role == "ministre des Affaires étrangères"
    assert "Marine" not in people and "Pen" not in people and "Orsay" not in people


def test_wire_footer_and_dateline_are_not_people():
    people = people_of("en_wire_story_with_footer.txt")
    assert set(people) == {"Narendra Modi", "Vladimir Putin", "Volodymyr Zelenskiy", "Matthew Miller", "Yuri Ushakov"}
    assert present(people) == {"Narendra Modi", "Vladimir Putin"}
    assert people["Yuri Ushakov"].role == "Kremlin aide"


def test_country_possessive_and_initials_cue_unknown_given_names():
    people = people_of("en_quad_style_counterparts.txt")
    assert {"Retno Marsudi", "Anwar Ibrahim", "KD Raman"} <= set(people)  # "Indonesia's Retno Marsudi"
    assert people["KD Raman"].role == "Vice President"
    assert not any("Coral" in name or "Summit" in name for name in people)


def test_capitalised_particle_opens_a_surname_after_a_title():
    people = people_of("nl_particle_surnames.txt")
    assert "Van Dam" in people and people["Van Dam"].present  # "minister Van Dam van Landbouw"
    assert "Matthias Diependaele" in people
    italian = people_of("it_initials_and_particles.txt")
    assert {"Di Stefano", "JD Vance"} <= set(italian)
    assert italian["JD Vance"].role == "vicepresidente americano"
    assert not any("Sicurezza" in name for name in italian)


def test_names_inside_organisation_and_event_names_are_not_people():
    people = people_of("es_organisation_names.txt")
    assert set(people) == {"Ramón Vidal", "Gustavo Meza Cuadra", "Marta Ruiz"}  # no "Nueva Agenda"


def test_title_makes_a_name_of_unknown_given_names():
    people = people_of("de_unknown_given_names.txt")
    assert set(people) == {"Johann Wadephul", "Sugiono Tjahjadi", "Retno Marsudi"}
    assert present(people) == set(people)


def test_people_met_with_or_received_at_a_multi_party_meeting_are_present():
    french = people_of("fr_multilateral_meeting_with.txt")
    assert present(french) == {"António Costa", "Ursula von der Leyen", "Shigeru Ishiba", "Takeshi Iwaya"}
    assert not french["Donald Trump"].present  # "n'était pas présent"
    spanish = people_of("es_host_receives_guests.txt")
    assert present(spanish) == {"Daniel Noboa", "Gustavo Petro", "Elmer Schialer"}  # "recibió al canciller"
    german = people_of("de_ministers_meet_with.txt")
    assert present(german) == {"Friedrich Merz", "Emmanuel Macron", "Donald Tusk"}  # "traf sich Merz mit"
    assert not german["Dmitri Peskow"].present
    dutch = people_of("nl_minister_travels_along.txt")
    assert dutch["Ruben Brekelmans"].present  # "reisde met de premier mee"


def test_speakers_at_the_meeting_are_present_absentees_are_not():
    english = people_of("en_speakers_at_the_meeting.txt")
    assert present(english) == {"Espen Barth Eide", "Maria Malmer Stenergard", "Elina Valtonen",
                                "Lars Løkke Rasmussen"}  # "told the meeting"; not "stayed away"
    german = people_of("de_country_genitives_and_speakers.txt")
    assert present(german) == {"Johann Wadephul", "Jean-Noël Barrot", "Radosław Sikorski", "Antonio Tajani"}
    assert "David Lammy" in german  # "fehlte"
    assert not any(name.startswith(("Frankreichs", "Polens")) for name in german)
    spanish = people_of("es_speaker_at_summit.txt")
    assert spanish["Yamandú Orsi"].present  # "dijo en la cumbre"


def test_the_host_of_the_event_is_present():
    for fixture, role in (("it_host_of_the_summit.txt", "padrone di casa"), ("de_host_of_the_summit.txt", "Gastgeber")):
        people = people_of(fixture)
        assert people["Mark Carney"].present and people["Mark Carney"].role == role
        assert "G" not in people  # "G7" is a group, not an initial


def test_a_surname_qualifying_a_noun_does_not_make_a_participant():
    english = people_of("en_attributive_surname.txt")  # "the second Trump administration"
    assert present(english) == {"Marco Rubio", "David Lammy", "Jean-Noël Barrot"}
    italian = people_of("it_attributive_surname.txt")  # "del governo Meloni"
    assert present(italian) == {"Antonio Tajani", "Jean-Noël Barrot"}


# ------------------------------------------------ organisations, absence, apostrophes

def test_companies_and_products_are_not_people():
    people = people_of("en_company_and_people.txt")
    assert set(people) == {"Steve Jobs", "Tim Cook", "Gene Munster"}  # not Apple, Apple Inc or Airbus


def test_a_person_the_text_says_did_not_attend_is_not_present():
    people = people_of("de_absent_minister.txt")
    assert present(people) == {"Friedrich Merz", "Emmanuel Macron"}
    assert not people["Giorgia Meloni"].present  # "nahm an dem Treffen nicht teil"


def test_a_surname_with_an_apostrophe_is_not_cut():
    people = people_of("it_dalema_surname.txt")
    assert "Massimo D'Alema" in people
    assert {"D'Alema", "D’Alema"} <= set(people["Massimo D'Alema"].aliases)
    assert same_person("D’Alema", "Massimo D'Alema") and person_key("D'Alema") == person_key("D’Alema")


def test_an_arrival_puts_a_person_at_the_event_but_an_earlier_trip_does_not():
    people = people_of("en_arrival_and_earlier_trip.txt")
    assert present(people) == {"Emmanuel Macron", "Xi Jinping", "Catherine Colonna"}  # not Scholz ("had travelled")


def test_the_canonical_name_is_the_international_spelling():
    assert person_key("Sergueï Lavrov") == person_key("Serguéi Lavrov") == person_key("Sergej Lawrow")
    assert canonical_name({"Sergueï Lavrov": 3, "Sergej Lavrov": 1, "Sergei Lavrov": 1}) == "Sergei Lavrov"
    # what English articles write wins over the commonest local spelling
    assert canonical_name({"Sergueï Lavrov": 4, "Sergej Lawrow": 3, "Sergey Lavrov": 1},
                          international={"Sergey Lavrov": 1}) == "Sergey Lavrov"


def test_a_host_who_receives_the_guests_took_part_and_an_absentee_did_not():
    people = people_of("nl_host_and_absent.txt")  # "ontvangen door premier Mark Rutte", "was niet aanwezig"
    assert present(people) == {"Emmanuel Macron", "Olaf Scholz", "Mark Rutte", "Hanke Bruins Slot"}
    assert not people["Donald Tusk"].present


def test_italian_surnames_join_their_full_names_and_an_absent_bare_name_is_kept():
    people = people_of("it_surnames_and_absence.txt")
    assert {"Tajani", "Antonio Tajani"} <= set(people["Antonio Tajani"].aliases)
    assert {"Crosetto", "Guido Crosetto"} <= set(people["Guido Crosetto"].aliases)
    assert present(people) == {"Giorgia Meloni", "Emmanuel Macron", "Antonio Tajani", "Guido Crosetto"}
    assert "Mattarella" in people  # "non ha partecipato" shows a person, absent


def _people_in(text: str, language: str) -> dict[str, Person]:
    article = Article(id="inline", path="inline.txt", text=text, title=text.splitlines()[0],
                      content_hash="0" * 64, language=language)
    return {p.name: p for p in extract_people(prepare(article))}


@pytest.mark.parametrize("language, text, host", [
    ("es", "Cumbre de la OTAN en Vilna\n\nLos líderes de la Alianza se reunieron el martes en Vilna. La cumbre, "
           "organizada por el presidente lituano, Gitanas Nauseda, empezó con la adhesión de Suecia. El secretario "
           "general, Jens Stoltenberg, y el presidente estadounidense, Joe Biden, hablaron de Ucrania.", "Gitanas Nauseda"),
    ("en", "Modi in Moscow\n\nIndian Prime Minister Narendra Modi met Russian President Vladimir Putin in Moscow on "
           "Monday. Modi was received at Vnukovo airport on Monday by First Deputy Prime Minister Denis Manturov. "
           "Putin and Modi held talks at the Kremlin.", "Denis Manturov"),
    ("es", "Erdogan y Biden en Vilna\n\nEl presidente turco, Recep Tayyip Erdogan, y el primer ministro sueco, Ulf "
           "Kristersson, llegaron a Vilna el lunes. Este martes, Erdogan se ha reunido con el presidente de Estados "
           "Unidos, Joe Biden, en la cumbre. Erdogan habló de Suecia.", "Joe Biden"),
])
def test_hosts_greeters_and_counterparts_of_a_perfect_tense_are_present(language, text, host):
    people = _people_in(text, language)
    assert people[host].present


def test_a_host_named_before_the_persons_own_role_is_present():
    people = _people_in("Cumbre de la ASEAN\n\nLos líderes de la ASEAN se reunieron el domingo en Kuala Lumpur. El "
                        "presidente filipino, Ferdinand Marcos, habló de seguridad. Marcos dijo que era un día "
                        "histórico. Marcos pidió unidad. El anfitrión, el primer ministro malasio Anwar Ibrahim, "
                        "aseguró que la familia de la ASEAN está completa.", "es")
    assert people["Anwar Ibrahim"].present and people["Anwar Ibrahim"].role == "primer ministro malasio"


def test_a_meeting_told_at_the_end_does_not_name_the_participants() -> None:
    # The lead names the two who met only across a table, without a meeting word; the
    # closing paragraph's "on Monday ... on a visit to" is another meeting that day.
    people = people_of("en_side_meeting_late.md")
    assert people["Marco Rossi"].present and people["Erik Lindqvist"].present
    assert not people["Anna Berger"].present and not people["Tom Hale"].present


@pytest.mark.parametrize("language, text, stood_in, absent", [
    ("fr", "Sommet du G20 à New Delhi\n\nLe président Emmanuel Macron et le chancelier Olaf Scholz se sont retrouvés "
           "samedi à New Delhi. Le ministre Sergueï Lavrov, venu représenter Vladimir Poutine, a jugé le sommet utile.",
     "Lavrov", "Poutine"),
    ("en", "G20 summit in New Delhi\n\nPresident Emmanuel Macron and Chancellor Olaf Scholz met in New Delhi on "
           "Saturday. Foreign Minister Sergei Lavrov attended on behalf of President Vladimir Putin.",
     "Lavrov", "Putin"),
    ("de", "G20-Gipfel in Neu-Delhi\n\nPräsident Emmanuel Macron und Kanzler Olaf Scholz trafen sich am Samstag "
           "in Neu-Delhi. Außenminister Sergej Lawrow nahm in Vertretung von Präsident Wladimir Putin teil.",
     "Lawrow", "Putin"),
])
def test_someone_another_stands_in_for_is_not_present(language, text, stood_in, absent):
    people = _people_in(text, language)
    names = {p.name.split()[-1]: p for p in people.values()}
    assert not names[absent].present
    assert names[stood_in].present  # the stand-in is not made absent


def test_represented_by_names_who_was_there():
    people = _people_in("G20 summit in New Delhi\n\nPresident Emmanuel Macron and Chancellor Olaf Scholz met in "
                        "New Delhi on Saturday. Russia was represented by Foreign Minister Sergei Lavrov, "
                        "who joined the talks.", "en")
    assert people["Sergei Lavrov"].present


@pytest.mark.parametrize("fixture, remote", [
    ("en_video_link_guest.txt", "Volodymyr Zelensky"),
    ("de_videoschalte.txt", "Wolodymyr Selenskyj"),
    ("fr_visioconference.txt", "Volodymyr Zelensky"),
    ("it_videocollegamento.txt", "Volodymyr Zelensky"),
    ("es_videoconferencia.txt", "Volodímir Zelenski"),
    ("nl_videoverbinding.txt", "Volodymyr Zelensky"),
])
def test_taking_part_by_video_link_is_not_presence(fixture, remote):
    people = people_of(fixture)
    assert present(people) == {"Olaf Scholz", "Emmanuel Macron"}
    assert remote in people  # still mentioned, with the role the text gives
    assert people[remote].role_en == "President of Ukraine"


def test_a_meeting_held_wholly_by_video_keeps_its_participants():
    assert present(people_of("en_video_call_summit.txt")) == {"Joe Biden", "Xi Jinping"}


@pytest.mark.parametrize("fixture", ["en_meeting_told_in_passing.txt", "de_treffen_am_rande_erwaehnt.txt",
                                     "fr_autre_rencontre.txt", "es_otra_reunion.txt"])
def test_a_meeting_told_in_passing_at_another_venue_gives_no_presence(fixture):
    # "On the same day Biden hosted Scholz at the White House", in a report of Macron in Moscow.
    people = people_of(fixture)
    assert {"Joe Biden", "Olaf Scholz"} <= set(people)
    assert {"Joe Biden", "Olaf Scholz"}.isdisjoint(present(people))
    assert len(present(people)) == 2 and "Emmanuel Macron" in present(people)


@pytest.mark.parametrize("fixture", ["de_staatsbesuch_und_unterzeichnung.txt", "en_state_visit_and_signing.txt",
                                     "es_visita_de_estado.txt"])
def test_a_state_visit_s_host_spouses_and_signatories_took_part(fixture):
    # The host welcomes the guest (a reception verb), the spouses take part in a state visit's
    # ceremony, and the foreign ministers who sign an agreement were at the table.
    people = present(people_of(fixture))
    assert {"Frank-Walter Steinmeier", "Emmanuel Macron", "Brigitte Macron", "Annalena Baerbock",
            "Stéphane Séjourné"} <= people


def test_the_host_s_spouse_who_greets_the_guest_at_a_state_visit_took_part():
    assert "Elke Büdenbender" in present(people_of("de_staatsbesuch_und_unterzeichnung.txt"))


def test_a_meeting_recalled_after_the_main_one_adds_its_people():
    assert "Olaf Scholz" in present(people_of("en_state_visit_and_signing.txt"))


def test_a_spouse_s_english_role_comes_from_the_partner_s():
    people = people_of("es_spouse_and_separate_reception.txt")
    assert people["Verónica Alcocer"].role == "esposa"
    assert people["Verónica Alcocer"].role_en == "Spouse of the President of Colombia"


def test_a_spouse_named_by_a_possessive_and_a_form_of_address_takes_the_partner_s_role():
    people = people_of("de_staatsbesuch_und_unterzeichnung.txt")  # "mit seiner Frau Brigitte Macron"
    assert people["Brigitte Macron"].role_en == "Spouse of the President of France"
    assert people["Elke Büdenbender"].role_en == "Spouse of the President of Germany"


@pytest.mark.parametrize("language, text, site", [
    ("en", "Modi and Xi meet\n\nPrime Minister Narendra Modi and President Xi Jinping met for an hour at the resort "
           "in Kovalam before delegation-level talks. On Sunday the leaders visited the memorial at Raj Ghat.",
     ("Kovalam", "Raj Ghat")),
    ("es", "Cumbre del G20\n\nEl primer ministro Narendra Modi recibió a los líderes. El domingo, los líderes "
           "visitaron el memorial de Mahatma Gandhi en Raj Ghat antes de la última sesión.", ("Raj Ghat",)),
])
def test_a_site_after_a_place_preposition_is_not_a_person(language, text, site):
    people = _people_in(text, language)
    assert not set(site) & set(people)


def test_a_list_of_leaders_with_their_offices_before_a_participation_phrase_all_took_part():
    people = _people_in("G20 summit\n\nPresident Xi Jinping skipped the summit. US President Joe Biden, British Prime "
                        "Minister Rishi Sunak, German Chancellor Olaf Scholz and Saudi Crown Prince Mohammed bin Salman "
                        "were among those in attendance.", "en")
    assert {n for n, p in people.items() if p.present} == {"Joe Biden", "Rishi Sunak", "Olaf Scholz",
                                                          "Mohammed bin Salman"}
    assert people["Mohammed bin Salman"].role == "Saudi Crown Prince"


@pytest.mark.parametrize("language, text, greeters", [
    ("de", "Gipfel in Mamallapuram\n\nPremierminister Narendra Modi und Präsident Xi Jinping haben am Freitag ihren "
           "Gipfel in Mamallapuram begonnen. Xi landete auf dem Flughafen von Chennai, wo er von Gouverneur Banwarilal "
           "Purohit und dem Chief Minister Edappadi K. Palaniswami empfangen wurde.",
     {"Banwarilal Purohit", "Edappadi K. Palaniswami"}),
    ("en", "Modi and Xi in Mamallapuram\n\nPrime Minister Narendra Modi and President Xi Jinping began their summit in "
           "Mamallapuram on Friday. At Chennai airport, Governor Banwarilal Purohit greeted Xi.", {"Banwarilal Purohit"}),
])
def test_officials_who_greet_a_leader_on_arrival_are_not_participants(language, text, greeters):
    people = _people_in(text, language)
    assert not any(p.present for name, p in people.items() if name in greeters)


def test_a_welcome_with_military_honours_at_the_airport_opens_a_state_visit():
    people = _people_in("Moon in Pjöngjang\n\nSüdkoreas Präsident Moon Jae In und Machthaber Kim Jong Un sind zu "
                        "Gesprächen zusammengekommen. Moon war am Flughafen von Kim und dessen Frau Ri Sol Ju mit "
                        "militärischen Ehren empfangen worden.", "de")
    assert people["Ri Sol Ju"].present


@pytest.mark.parametrize("language, text, ship", [
    ("de", "Gipfel in Reykjavik\n\nPräsident Ronald Reagan und Generalsekretär Michail Gorbatschow trafen sich in "
           "Reykjavik. Gorbatschow übernachtete auf dem sowjetischen Schiff \"Georg Ots\" im Hafen.", "Georg Ots"),
    ("en", "Summit in Reykjavik\n\nPresident Ronald Reagan and General Secretary Mikhail Gorbachev met in Reykjavik. "
           "Gorbachev slept aboard the Soviet ship Georg Ots in the harbour.", "Georg Ots"),
])
def test_the_name_of_a_ship_is_not_a_person(language, text, ship):
    people = _people_in(text, language)
    assert ship not in people and any(p.present for p in people.values())


def test_a_bare_given_name_is_not_a_full_name_s_bearer() -> None:
    from generator.extract.names import same_person
    # "le pape François" is not François Hollande; a short family name written first still joins
    assert not same_person("François", "François Hollande")
    assert same_person("Xi", "Xi Jinping") and same_person("Moon", "Moon Jae-in")
    assert same_person("Hollande", "François Hollande")


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Visit\n\nPope Francis and the Grand Imam of Al-Azhar signed a document in Abu Dhabi on Monday."),
    ("nl", "Bezoek\n\nPaus Franciscus en de grootimam van Al-Azhar ondertekenden maandag een document in Abu Dhabi."),
    ("de", "Besuch\n\nPapst Franziskus und der Großimam der Al-Azhar unterzeichneten am Montag in Abu Dhabi ein Dokument."),
    ("fr", "Visite\n\nLe pape François et le grand imam d'Al-Azhar ont signé lundi un document à Abou Dhabi."),
    ("it", "Visita\n\nPapa Francesco e il grande imam di Al-Azhar hanno firmato lunedì un documento ad Abu Dhabi."),
    ("es", "Visita\n\nEl papa Francisco y el gran imán de Al Azhar firmaron el lunes un documento en Abu Dabi."),
])
def test_a_pope_is_named_in_english_with_his_office(language: str, text: str) -> None:
    # the reports of every language name one person, as the press does
    assert "Pope Francis" in _people_in(text, language)


def test_a_sovereign_keeps_the_regnal_number() -> None:
    assert "King Charles III" in _people_in("Visita\n\nEl rey Carlos III recibió el martes en Londres al presidente "
                                            "francés, Emmanuel Macron.", "es")
    assert "King Charles III" in _people_in("Besuch\n\nKönig Charles III. empfing am Dienstag in London den "
                                            "französischen Präsidenten Emmanuel Macron.", "de")


@pytest.mark.parametrize("language, text, cleric, role_en", [
    ("en", "Pope meets patriarch in Minsk\n\nPope Leo met Patriarch Bartholomew in Minsk on Tuesday. The talks lasted "
           "two hours, and Bartholomew thanked the pope.", "Patriarch Bartholomew", "Patriarch"),
    ("it", "Il papa a Minsk\n\nPapa Leone ha incontrato martedì a Minsk il patriarca di Costantinopoli Bartolomeo. "
           "Bartolomeo ha ringraziato il pontefice.", "Patriarch Bartholomew", "Patriarch"),
    ("de", "Papst in Minsk\n\nPapst Leo traf am Dienstag in Minsk den Großimam Ahmed. Die Gespräche dauerten "
           "zwei Stunden; Ahmed dankte dem Papst.", "Ahmed", "Grand Imam"),
    ("nl", "Paus in Minsk\n\nPaus Leo ontmoette dinsdag in Minsk kardinaal Parolin en metropoliet Antoni. "
           "Antoni bedankte de paus.", "Metropolitan Antoni", "Metropolitan"),
])
def test_a_cleric_named_by_title_and_one_name_is_a_person(language, text, cleric, role_en):
    people = _people_in(text, language)
    assert cleric in people and people[cleric].role_en == role_en


@pytest.mark.parametrize("language, text, not_people", [
    ("es", "El papa en Cuba\n\nEl papa Francisco llegó el viernes al aeropuerto internacional José Martí, donde "
           "se reunió con el presidente Raúl Castro. Le regaló una reliquia de San Cirilo.", {"José Martí", "San Cirilo", "Cirilo"}),
    ("it", "Il papa a Cuba\n\nIl papa Francesco è arrivato venerdì all'aeroporto José Martí, dove ha incontrato il "
           "presidente Raúl Castro. Gli ha regalato una copia della Madonna di Kazan e una reliquia di san Cirillo.",
     {"José Martí", "Madonna di Kazan", "Cirillo"}),
    ("it", "Biden e Zelensky\n\nIl presidente Joe Biden ha ricevuto Volodymyr Zelensky alla Casa Bianca. Il discorso "
           "ha ricordato Pearl Harbor.", {"Pearl Harbor", "Pearl"}),
    ("fr", "Zelensky à Washington\n\nLe président américain Joe Biden a reçu Volodymyr Zelensky. La présidente de la "
           "Chambre des représentants Nancy Pelosi l'a accueilli au Congrès.", {"Chambre"}),
    ("de", "Nato-Gipfel in Madrid\n\nDer türkische Präsident Recep Tayyip Erdoğan traf in Madrid Bundeskanzler Olaf "
           "Scholz. Zuvor hatte Erdoğan den Beitritt Schwedens blockiert.", {"Erdoğan den Beitritt"}),
])
def test_saints_icons_venues_and_institutions_are_not_people(language, text, not_people):
    people = _people_in(text, language)
    assert not set(people) & not_people and len(people) >= 2
