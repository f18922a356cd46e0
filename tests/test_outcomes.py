"""The outcomes extractor: what each language's cues find, who the speaker is, and what is left out.

Each fixture under tests/fixtures/outcomes/ is a short news text about a meeting in one
language; its people are given here as the people stage would find them, so these tests
depend on the outcomes stage alone.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from generator.extract.outcome_cues import Cue, compile_cue, find_quotes, lexicon, scan
from generator.extract.outcomes import extract_outcomes
from generator.extract.sentences import split_sentences
from generator.languages import supported
from generator.read import read_article
from generator.records import Document, Person, Place

FIXTURES = Path(__file__).parent / "fixtures" / "outcomes"


def person(name: str, aliases: tuple[str, ...], role: str | None, present: bool = True) -> Person:
    return Person(name=name, aliases=aliases, role=role, present=present, evidence=())


def document(fixture: str, language: str, people: tuple[Person, ...], anchor: date = date(2024, 3, 12)) -> Document:
    article = read_article(FIXTURES / fixture)
    return Document(article=article, language=language, sentences=split_sentences(article.text),
                    anchor=anchor, people=people)


def summary(doc: Document) -> list[tuple[str, str | None, str]]:
    """(kind, speaker, first words) of each outcome, checking every evidence span on the way."""
    rows = []
    for outcome in extract_outcomes(doc):
        (evidence,) = outcome.evidence
        assert doc.article.text[evidence.start:evidence.end] == evidence.quote == outcome.text
        rows.append((outcome.kind, outcome.speaker, " ".join(outcome.text.split()[:4])))
    return rows


def test_dutch_agreement_gift_multisentence_quote_and_pronoun():
    people = (person("Mark Rutte", ("Rutte", "Mark Rutte"), "premier"),
              person("Justin Trudeau", ("Trudeau", "Justin Trudeau"), "Canadese premier"),
              person("Henk Kamp", ("Kamp", "Henk Kamp"), "toenmalig minister", present=False))
    assert summary(document("nl_agreement_gift_pronoun.txt", "nl", people)) == [
        ("agreement", None, "Premier Mark Rutte en"),
        ("gift", "Mark Rutte", "Rutte gaf zijn gast"),
        ("statement", "Mark Rutte", '"We zetten vandaag een'),
        ("statement", "Justin Trudeau", "Trudeau zei dat Canada"),
        ("announcement", "Justin Trudeau", "Hij beloofde een handelsmissie"),
        ("assessment", None, "Beide leiders noemden het"),
    ]


def test_dutch_quote_spanning_two_sentences_is_one_outcome():
    people = (person("Mark Rutte", ("Rutte",), "premier"), person("Justin Trudeau", ("Trudeau",), None))
    doc = document("nl_agreement_gift_pronoun.txt", "nl", people)
    quote = next(o for o in extract_outcomes(doc) if o.text.startswith('"We zetten'))
    assert quote.text == '"We zetten vandaag een grote stap. Nederland en Canada werken samen aan schone energie," zei Rutte na afloop.'
    assert quote.speaker == "Mark Rutte"


def test_english_no_agreement_announcement_and_exclusions():
    people = (person("Joe Biden", ("Biden", "Joe Biden"), "US President"),
              person("Fumio Kishida", ("Kishida", "Fumio Kishida"), "Japanese Prime Minister"),
              person("Shinzo Abe", ("Shinzo Abe",), "former prime minister", present=False))
    rows = summary(document("en_no_agreement_announcement.txt", "en", people))
    assert rows == [
        ("statement", "Joe Biden", '"Our alliance has never'),
        ("announcement", "Fumio Kishida", "Kishida said Japan would"),  # the future of reported speech
        ("announcement", "Fumio Kishida", "He promised to send"),
        ("no-agreement", None, "No joint declaration was"),
        ("assessment", None, "The two leaders called"),
    ]
    texts = " ".join(r[2] for r in rows)
    assert "Analysts" not in texts and "Abe" not in texts and "Source" not in texts


def test_german_gift_role_reference_and_no_breakthrough():
    people = (person("Olaf Scholz", ("Scholz", "Olaf Scholz"), "Bundeskanzler"),
              person("Emmanuel Macron", ("Macron", "Emmanuel Macron"), "französischer Präsident"),
              person("Gerhard Schröder", ("Gerhard Schröder",), "frühere Kanzler", present=False))
    assert summary(document("de_gift_assessment_role.txt", "de", people)) == [
        ("gift", "Emmanuel Macron", "Macron überreichte Scholz ein"),
        ("statement", "Emmanuel Macron", "„Wir stehen fest an"),
        ("announcement", "Olaf Scholz", "Scholz sagte, Deutschland werde"),
        ("announcement", "Olaf Scholz", "Er kündigte zudem einen"),
        ("no-agreement", None, "Einen Durchbruch gab es"),
        ("no-agreement", None, "Eine gemeinsame Erklärung wurde"),
    ]


def test_french_agreement_guillemets_and_attribution_phrase():
    people = (person("Emmanuel Macron", ("Macron", "Emmanuel Macron"), "président français"),
              person("Giorgia Meloni", ("Meloni", "Giorgia Meloni"), "présidente du Conseil italien"),
              person("François Hollande", ("François Hollande",), "ancien président", present=False))
    assert summary(document("fr_agreement_multisentence_quote.txt", "fr", people)) == [
        ("agreement", None, "Le président français Emmanuel"),
        ("statement", "Emmanuel Macron", "« Nous avons eu"),
        ("statement", "Giorgia Meloni", "Selon Meloni, l'Italie et"),
        ("announcement", "Giorgia Meloni", "Elle a annoncé une"),
        ("assessment", None, "Les deux dirigeants ont"),
    ]


def test_italian_gift_dropped_subject_and_no_agreement():
    people = (person("Giorgia Meloni", ("Meloni", "Giorgia Meloni"), "presidente del Consiglio"),
              person("Pedro Sánchez", ("Sánchez", "Pedro Sánchez"), "premier spagnolo"),
              person("Mariano Rajoy", ("Mariano Rajoy",), "ex premier", present=False))
    assert summary(document("it_gift_no_agreement_dropped_subject.txt", "it", people)) == [
        ("gift", "Giorgia Meloni", "Meloni ha regalato a"),
        ("statement", "Pedro Sánchez", "«L'Italia e la Spagna"),
        ("announcement", "Pedro Sánchez", "Ha poi aggiunto che"),
        ("no-agreement", None, "Nessun accordo è stato"),
    ]


def test_spanish_joint_assessment_and_quote_that_goes_on():
    people = (person("Luiz Inácio Lula da Silva", ("Lula", "Luiz Inácio Lula da Silva"), "presidente brasileño"),
              person("Pedro Sánchez", ("Sánchez", "Pedro Sánchez"), "presidente del Gobierno"),
              person("Jair Bolsonaro", ("Jair Bolsonaro",), "expresidente", present=False))
    assert summary(document("es_assessment_quote_continues.txt", "es", people)) == [
        ("assessment", None, "Lula y Sánchez calificaron"),
        ("statement", "Luiz Inácio Lula da Silva", '"Brasil y España son'),
        ("statement", "Luiz Inácio Lula da Silva", '"Queremos más inversiones europeas'),
        ("announcement", "Pedro Sánchez", "Sánchez anunció que España"),
        ("no-agreement", None, "No se firmó ningún"),
    ]


def test_no_people_means_no_named_speaker_but_facts_remain():
    doc = document("en_no_agreement_announcement.txt", "en", ())
    outcomes = extract_outcomes(doc)
    assert all(o.speaker is None for o in outcomes)
    assert [o.kind for o in outcomes if o.kind != "statement"] == ["no-agreement", "assessment"]


def test_paraphrase_followed_by_the_quote_it_restates_is_one_outcome(tmp_path):
    text = ("Kim bezoekt Moskou\n"
            "Kim zei dat hij met Poetin over de militaire samenwerking en de graanleveranties had gesproken. "
            "«We hebben uitvoerig gesproken over de militaire samenwerking en de graanleveranties», zei hij.\n")
    path = tmp_path / "nl_restatement.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    people = (person("Kim Jong Un", ("Kim",), None), person("Vladimir Putin", ("Poetin",), None))
    doc = Document(article=article, language="nl", sentences=split_sentences(article.text), people=people)
    (outcome,) = extract_outcomes(doc)
    assert outcome.kind == "statement" and outcome.speaker == "Kim Jong Un"
    assert outcome.text.startswith("Kim zei dat") and outcome.text.endswith("zei hij.")


# Cues only some languages have: a verb mood kept for reported speech (German Konjunktiv I).
ONLY_SOME_LANGUAGES = {"reported_mood"}


@pytest.mark.parametrize("code", supported())
def test_every_language_has_every_outcome_cue(code):
    lex = lexicon(code)
    for name, cue in vars(lex).items():
        if isinstance(cue, Cue) and name not in ONLY_SOME_LANGUAGES:
            assert cue.at_word is not None or cue.anywhere is not None, f"{code}.yaml: outcomes.{name} is empty"


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_one_pass_scan_finds_what_each_cue_finds(fixture):
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    lex = lexicon(fixture[:2])
    hits = scan(lex, text)
    for name, cue in vars(lex).items():
        if isinstance(cue, Cue):
            assert list(hits[name].matches) == cue.spans(text), name


def test_quotes_in_every_style_and_unclosed_quotes_ignored():
    text = 'Er sagte: „Ja.“ Il a dit « oui ». He said "yes". She said "no\nNext line'
    quotes = find_quotes(text)
    spans = [text[s:e] for s, e in quotes.spans]
    assert spans == ["„Ja.“", "« oui »", '"yes"']
    assert quotes.inside(text.index("oui")) and not quotes.inside(text.index("Il a dit"))
    assert quotes.covered(0, len(text)) == sum(len(s) for s in spans)


def test_phrase_wildcards_and_gaps():
    cue = compile_cue(["*akkoord", "constructie*", "kreeg ... van"])
    text = "een handelsakkoord, constructieve gesprekken; Poetin kreeg een zwaard van Kim"
    assert [text[s:e] for s, e in cue.spans(text)] == ["akkoord", "constructieve", "kreeg een zwaard van"]


def text_document(tmp_path: Path, body: str, language: str, people: tuple[Person, ...] = ()) -> Document:
    path = tmp_path / f"{language}_case.txt"
    path.write_text("Talks\n" + body + "\n", encoding="utf-8")
    article = read_article(path)
    return Document(article=article, language=language, sentences=split_sentences(article.text),
                    anchor=date(2024, 3, 12), people=people)


@pytest.mark.parametrize("body, kind", [
    ("The two leaders signed an agreement on trade, but did not discuss Ukraine.", "agreement"),
    ("They signed an agreement that not only covers energy but also trade.", "agreement"),
    ("The two sides failed to sign a declaration, and no agreement was reached.", "no-agreement"),
    ("The Kremlin said the talks were constructive.", "assessment"),
    ("Die beiden Seiten unterzeichneten ein Abkommen, sprachen aber nicht über Zölle.", "agreement"),
    ("Il n'y a pas eu d'accord sur le nucléaire.", "no-agreement"),
    ("The leaders did not agree on a common position, which was dropped from the final communique.", "no-agreement"),
    ("The Kremlin said in a statement that the two leaders had agreed to meet again.", "agreement"),
])
def test_agreement_negation_stays_in_its_clause(tmp_path, body, kind):
    language = "de" if body.startswith("Die") else "fr" if body.startswith("Il") else "en"
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language))] == [kind]


@pytest.mark.parametrize("body", [
    "Putin gave Kim a tour of the cosmodrome.",  # giving a tour is no gift
    "Analysts said the talks were constructive.",  # analysts are not participants
    "Kim is likely to demand security guarantees.",  # the writer's guess
    "The two leaders will hold a press conference.",  # the programme, not an announcement by anyone
    "Last year, Putin said the relations were excellent.",  # background
    "Both had entered the talks with maximum demands and had not been able to agree.",  # an earlier meeting
])
def test_not_outcomes(tmp_path, body):
    people = (person("Vladimir Putin", ("Putin",), "Russian president"), person("Kim Jong Un", ("Kim",), "leader"))
    assert extract_outcomes(text_document(tmp_path, body, "en", people)) == ()


def test_role_words_pick_the_participant_and_spokesmen_stay_unnamed(tmp_path):
    people = (person("Vladimir Putin", ("Poetin",), "Russische president"),
              person("Recep Tayyip Erdogan", ("Erdogan",), "Turkse ambtgenoot"))
    body = ("Poetin ontving Erdogan in Sotsji.\n"
            "„We zullen samen een oplossing vinden,” aldus de Turkse president.\n"
            "„De gesprekken gaan door,” zei een Turkse woordvoerder.")
    outcomes = extract_outcomes(text_document(tmp_path, body, "nl", people))
    assert [(o.kind, o.speaker) for o in outcomes] == [("announcement", "Recep Tayyip Erdogan")]


def test_negation_far_from_the_agreement_word_in_one_clause(tmp_path):
    body = "Ein Abkommen über die Rückführung abgelehnter Asylbewerber wurde nicht geschlossen."
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, "de"))] == ["no-agreement"]


def test_quote_running_over_paragraphs_keeps_its_speaker(tmp_path):
    people = (person("Joe Biden", ("Biden",), "President"), person("Xi Jinping", ("Xi",), "Chinese President"))
    body = ("“We had a long talk,” Biden said.\n"
            "“It is not the end of our differences, but it is a start.\n"
            "“We will meet again next year.”")
    outcomes = extract_outcomes(text_document(tmp_path, body, "en", people))
    assert [(o.kind, o.speaker) for o in outcomes] == [
        ("statement", "Joe Biden"), ("statement", "Joe Biden"), ("announcement", "Joe Biden")]
    assert outcomes[1].text == "“It is not the end of our differences, but it is a start."


@pytest.mark.parametrize("body, expected", [
    ("Putin recalled that the Soviet Union had helped North Korea in 1950.", ["statement"]),
    ("Putin said in 2011 that the relations were excellent.", []),
    ("In 2011, Putin said the relations were excellent.", []),
])
def test_a_year_in_what_was_said_is_not_background(tmp_path, body, expected):
    people = (person("Vladimir Putin", ("Putin",), "Russian president"), person("Kim Jong Un", ("Kim",), "leader"))
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, "en", people))] == expected


def test_verdict_before_a_colon_is_apart_from_the_statement_after_it(tmp_path):
    people = (person("Vladimir Putin", ("Poetin",), "Russische president"),
              person("Recep Tayyip Erdogan", ("Erdogan",), "Turkse president"))
    body = "Een doorbraak bleef uit: Poetin zei dat Rusland pas terugkeert als het Westen aan zijn eisen voldoet."
    outcomes = extract_outcomes(text_document(tmp_path, body, "nl", people))
    assert [(o.kind, o.speaker, o.text.split()[0]) for o in outcomes] == [
        ("no-agreement", None, "Een"), ("statement", "Vladimir Putin", "Poetin")]


@pytest.mark.parametrize("body, language", [
    ("Putin zufolge sind die Beziehungen zu Nordkorea „ausgezeichnet“.", "de"),
    ("Putin met Kim. According to him, the relations are \"excellent\".", "en"),
])
def test_speaker_before_or_after_an_attribution_phrase(tmp_path, body, language):
    people = (person("Vladimir Putin", ("Putin",), "president"), person("Kim Jong Un", ("Kim",), "leader"))
    outcomes = extract_outcomes(text_document(tmp_path, body, language, people))
    assert [(o.kind, o.speaker) for o in outcomes] == [("assessment", "Vladimir Putin")]


@pytest.mark.parametrize("body, language", [
    ("Macron a reçu Scholz à Paris. « C'est un jour historique », a-t-il déclaré.", "fr"),
    ("Scholz empfing Macron in Berlin. „Das ist ein guter Tag“, sagte der Kanzler.", "de"),
])
def test_inverted_pronoun_and_compound_office_noun(tmp_path, body, language):
    people = (person("Emmanuel Macron", ("Macron",), "président"), person("Olaf Scholz", ("Scholz",), "Bundeskanzler"))
    outcomes = extract_outcomes(text_document(tmp_path, body, language, people))
    expected = "Emmanuel Macron" if language == "fr" else "Olaf Scholz"
    assert [(o.kind, o.speaker) for o in outcomes] == [("statement", expected)]


# --- general rules, each in every language ---------------------------------------------------

PAIRS = {  # two participants per language, with roles as the people stage states them
    "en": (person("Narendra Modi", ("Modi",), "Indian Prime Minister"),
           person("Anthony Albanese", ("Albanese",), "Prime Minister of Australia")),
    "nl": (person("Mark Rutte", ("Rutte",), "premier van Nederland"),
           person("Justin Trudeau", ("Trudeau",), "premier van Canada")),
    "de": (person("Olaf Scholz", ("Scholz",), "Bundeskanzler"),
           person("Luiz Inácio Lula da Silva", ("Lula",), "Präsident Brasiliens")),
    "fr": (person("Emmanuel Macron", ("Macron",), "président de la République"),
           person("Luiz Inácio Lula da Silva", ("Lula",), "président du Brésil")),
    "it": (person("Giorgia Meloni", ("Meloni",), "presidente del Consiglio"),
           person("Pedro Sánchez", ("Sánchez",), "presidente del governo di Spagna")),
    "es": (person("Pedro Sánchez", ("Sánchez",), "presidente del Gobierno"),
           person("Emmanuel Macron", ("Macron",), "presidente de Francia")),
}


def kinds_and_speakers(tmp_path: Path, body: str, language: str, extra: tuple[Person, ...] = ()) -> list:
    doc = text_document(tmp_path, body, language, PAIRS[language] + extra)
    return [(o.kind, o.speaker) for o in extract_outcomes(doc)]


@pytest.mark.parametrize("language, body", [
    ("en", "Modi and Albanese signed a trade agreement in Delhi. Under the agreement, India will cut tariffs on wine."),
    ("nl", "Rutte en Trudeau ondertekenden een energieakkoord. Daarin beloven beide landen samen waterstof in te kopen."),
    ("de", "Scholz und Lula unterzeichneten ein Abkommen. Laut der Vereinbarung liefert Brasilien mehr Ethanol."),
    ("fr", "Macron et Lula ont signé un traité. Aux termes de ce traité, le Brésil achètera quatre sous-marins."),
    ("it", "Meloni e Sánchez hanno firmato un accordo. In base all'accordo, la Spagna fornirà gas all'Italia."),
    ("es", "Sánchez y Macron firmaron un acuerdo. Según el acuerdo, Francia venderá más electricidad a España."),
])
def test_the_terms_of_an_agreement_are_the_agreement(tmp_path, language, body):
    assert kinds_and_speakers(tmp_path, body, language) == [("agreement", None), ("agreement", None)]


@pytest.mark.parametrize("language, body", [
    ("en", "Modi welcomed Albanese in Delhi. Under the circumstances, India will wait."),
    ("nl", "Rutte ontving Trudeau in Den Haag. Daarin ligt het probleem."),
    ("de", "Scholz empfing Lula in Berlin. Darin sehen Kritiker ein Problem."),
])
def test_no_terms_without_an_agreement(tmp_path, language, body):
    assert kinds_and_speakers(tmp_path, body, language) == []


@pytest.mark.parametrize("language, body, speaker", [
    ("en", "Albanese responded that Australia sells coal to whoever pays.", "Anthony Albanese"),
    ("en", "Modi spoke of the need for more trade.", "Narendra Modi"),
    ("nl", "Rutte antwoordde dat Nederland geen troepen stuurt.", "Mark Rutte"),
    ("nl", "Trudeau sprak na afloop van een lange dag.", "Justin Trudeau"),
    ("de", "Scholz antwortete, Deutschland liefere keine Marschflugkörper.", "Olaf Scholz"),
    ("de", "Lula verteidigte seine Haltung zum Krieg.", "Luiz Inácio Lula da Silva"),
    ("fr", "Macron a répondu que la France reste attachée au dialogue.", "Emmanuel Macron"),
    ("fr", "Lula a plaidé pour un groupe de pays médiateurs.", "Luiz Inácio Lula da Silva"),
    ("it", "Meloni ha risposto che l'Italia resta al fianco dell'Ucraina.", "Giorgia Meloni"),
    ("it", "Sánchez ha difeso la sua politica migratoria.", "Pedro Sánchez"),
    ("es", "Sánchez respondió que España mantiene su postura.", "Pedro Sánchez"),
    ("es", "Macron abogó por un alto el fuego inmediato.", "Emmanuel Macron"),
])
def test_common_reporting_verbs_attribute_a_statement(tmp_path, language, body, speaker):
    assert kinds_and_speakers(tmp_path, body, language) == [("statement", speaker)]


@pytest.mark.parametrize("language, body, speaker", [
    ("en", '"Trade is growing," the Australian leader said.', "Anthony Albanese"),
    ("nl", '"De handel groeit," zei de Canadese premier.', "Justin Trudeau"),
    ("de", "„Der Handel wächst“, sagte der brasilianische Präsident.", "Luiz Inácio Lula da Silva"),
    ("fr", "« Le commerce progresse », a déclaré le président brésilien.", "Luiz Inácio Lula da Silva"),
    ("it", "«Il commercio cresce», ha detto il premier spagnolo.", "Pedro Sánchez"),
    ("es", '"El comercio crece", dijo el mandatario francés.', "Emmanuel Macron"),
])
def test_a_demonym_beside_an_office_noun_names_the_participant_of_that_country(tmp_path, language, body, speaker):
    assert kinds_and_speakers(tmp_path, body, language) == [("statement", speaker)]


@pytest.mark.parametrize("language, body", [
    ("en", "No decision on the new fighter jets was announced."),
    ("nl", "Over de aankoop van tanks werd geen besluit genomen."),
    ("de", "Eine Entscheidung über neue Zölle wurde nicht verkündet."),
    ("fr", "Aucune décision n'a été annoncée sur les sous-marins."),
    ("it", "Nessuna decisione è stata presa sui dazi."),
    ("es", "No se anunció ninguna decisión sobre los aranceles."),
])
def test_no_decision_is_no_agreement(tmp_path, language, body):
    assert kinds_and_speakers(tmp_path, body, language) == [("no-agreement", None)]


SPOKESPEOPLE = {
    "en": ("Arindam Bagchi", "spokesman for the Indian foreign ministry",
           "A spokesman for the Indian foreign ministry, Arindam Bagchi, called the criticism unfair."),
    "nl": ("Anne Leclerc", "woordvoerder van de Canadese regering",
           "Een woordvoerder van de Canadese regering, Anne Leclerc, noemde de kritiek onterecht."),
    "de": ("Ana Costa", "Sprecherin des brasilianischen Außenministeriums",
           "Eine Sprecherin des brasilianischen Außenministeriums, Ana Costa, nannte die Kritik unbegründet."),
    "fr": ("Ana Costa", "porte-parole de la diplomatie brésilienne",
           "La porte-parole de la diplomatie brésilienne, Ana Costa, a qualifié la critique d'injuste."),
    "it": ("Luis Pérez", "portavoce del governo spagnolo",
           "Il portavoce del governo spagnolo, Luis Pérez, ha definito le critiche ingiuste."),
    "es": ("Anne Dupont", "portavoz del Gobierno francés",
           "La portavoz del Gobierno francés, Anne Dupont, calificó las críticas de injustas."),
}


@pytest.mark.parametrize("language", sorted(SPOKESPEOPLE))
def test_a_named_spokesperson_of_a_participants_government_states_a_position(tmp_path, language):
    name, role, body = SPOKESPEOPLE[language]
    spokesperson = person(name, (name,), role, present=False)
    assert kinds_and_speakers(tmp_path, body, language, (spokesperson,)) == [("statement", name)]


def test_a_spokesperson_of_another_country_is_not_a_side(tmp_path):
    spokesperson = person("Wang Wenbin", ("Wang Wenbin",), "spokesman for the Chinese foreign ministry", present=False)
    body = "A spokesman for the Chinese foreign ministry, Wang Wenbin, said China opposes all military alliances."
    assert kinds_and_speakers(tmp_path, body, "en", (spokesperson,)) == []


@pytest.mark.parametrize("language, commitment, prediction", [
    ("en", "Modi said India would double its purchases.", "Modi said the market would recover."),
    ("nl", "Rutte zei dat Nederland extra geld zal geven.", "Rutte zei dat de economie zal groeien."),
    ("de", "Scholz sagte, Deutschland werde mehr Gas kaufen.", "Scholz sagte, die Inflation werde sinken."),
    ("fr", "Macron a affirmé que la France fournirait des canons.", "Macron a affirmé que la croissance repartira."),
    ("it", "Meloni ha detto che il governo aumenterà la spesa.", "Meloni ha detto che il mercato crescerà."),
    ("es", "Sánchez dijo que España enviaría más tropas.", "Sánchez dijo que la economía crecerá."),
])
def test_a_future_commits_the_speakers_side_but_a_common_noun_subject_predicts(tmp_path, language, commitment,
                                                                               prediction):
    speaker = PAIRS[language][0].name
    assert kinds_and_speakers(tmp_path, commitment, language) == [("announcement", speaker)]
    assert kinds_and_speakers(tmp_path, prediction, language) == [("statement", speaker)]


@pytest.mark.parametrize("language, body", [
    ("en", "A decision follows within weeks, Albanese said."),
    ("nl", "Een besluit volgt binnen enkele weken, zei Rutte."),
    ("de", "Eine Entscheidung folgt in den kommenden Wochen, sagte Scholz."),
    ("fr", "Une décision suivra dans les prochaines semaines, a déclaré Macron."),
    ("it", "Una decisione arriverà nelle prossime settimane, ha detto Meloni."),
    ("es", "Una decisión llegará en las próximas semanas, dijo Sánchez."),
])
def test_what_follows_and_when_is_an_announcement(tmp_path, language, body):
    assert [kind for kind, _ in kinds_and_speakers(tmp_path, body, language)] == ["announcement"]


@pytest.mark.parametrize("language, body", [
    ("en", "Modi recalled the pact signed after long talks in Osaka in 2019."),
    ("it", "Meloni ha ricordato il memorandum firmato da Roma con Pechino nel 2019."),
    ("es", "Sánchez recordó el acuerdo firmado tras largas negociaciones en 2019."),
])
def test_a_year_far_from_since_is_the_time_of_the_clause(tmp_path, language, body):
    # The agreement belongs to 2019 (no agreement of this meeting); what was recalled is a statement.
    assert kinds_and_speakers(tmp_path, body, language) == [("statement", PAIRS[language][0].name)]


def test_a_german_separable_promise_needs_its_particle_at_the_end(tmp_path):
    body = "„Wir müssen reden“, sagte Scholz zu Beginn des Treffens. Scholz sagte Lula Hilfe zu."
    assert kinds_and_speakers(tmp_path, body, "de") == [("statement", "Olaf Scholz"), ("announcement", "Olaf Scholz")]


@pytest.mark.parametrize("language, body, expected", [
    ("en", '"We share the same values," Modi said.\nShare', [("statement", "Narendra Modi")]),
    ("de", "„Wir teilen diese Sorge“, sagte Scholz.\nTeilen", [("statement", "Olaf Scholz")]),
])
def test_furniture_words_inside_a_sentence_are_the_writers(tmp_path, language, body, expected):
    assert kinds_and_speakers(tmp_path, body, language) == expected


@pytest.mark.parametrize("language, body", [
    ("en", "The talks will continue in May, Modi said."),
    ("nl", "De gesprekken zullen in mei doorgaan, zei Rutte."),
    ("de", "Die Gespräche werden im Mai fortgesetzt, sagte Scholz."),
    ("fr", "Les négociations continueront en mai, a déclaré Macron."),
    ("it", "I colloqui continueranno a maggio, ha detto Meloni."),
    ("es", "Las negociaciones continuarán en mayo, dijo Sánchez."),
])
def test_the_future_of_what_the_sides_do_is_an_announcement(tmp_path, language, body):
    assert kinds_and_speakers(tmp_path, body, language) == [("announcement", PAIRS[language][0].name)]


def test_german_nach_before_an_agreement_is_time_not_terms(tmp_path):
    body = "Nach der Unterzeichnung des Abkommens reiste Lula nach Paris weiter."
    assert kinds_and_speakers(tmp_path, body, "de") == []


def test_since_reaches_further_than_after(tmp_path):
    body = "Modi said relations have been strained since the border clash in 2020."
    assert kinds_and_speakers(tmp_path, body, "en") == [("statement", "Narendra Modi")]


def country(name: str, *aliases: str) -> Place:
    return Place(name=name, aliases=aliases, type="country", country=None, lat=None, lon=None, main=False, evidence=())


@pytest.mark.parametrize("language, people, countries, body, speaker", [
    ("en", (person("Keir Starmer", ("Starmer",), "Prime Minister"), person("Olaf Scholz", ("Scholz",), "German Chancellor")),
     (country("United Kingdom", "Britain"), country("Germany", "Germany")),
     '"We are stronger together," the British leader said.', "Keir Starmer"),
    ("nl", (person("Mark Rutte", ("Rutte",), "premier"), person("Olaf Scholz", ("Scholz",), "Duitse bondskanselier")),
     (country("Netherlands", "Nederland"), country("Germany", "Duitsland")),
     '"We staan samen sterk," zei de Nederlandse leider.', "Mark Rutte"),
    ("de", (person("Olaf Scholz", ("Scholz",), "Bundeskanzler"),
            person("Giorgia Meloni", ("Meloni",), "italienische Ministerpräsidentin")),
     (country("Germany", "Deutschland"), country("Italy", "Italien")),
     "„Wir stehen zusammen“, sagte der deutsche Regierungschef.", "Olaf Scholz"),
    ("fr", (person("Emmanuel Macron", ("Macron",), "président de la République"),
            person("Olaf Scholz", ("Scholz",), "chancelier allemand")),
     (country("France", "France"), country("Germany", "Allemagne")),
     "« Nous sommes unis », a déclaré le dirigeant français.", "Emmanuel Macron"),
    ("it", (person("Giorgia Meloni", ("Meloni",), "presidente del Consiglio"),
            person("Pedro Sánchez", ("Sánchez",), "premier spagnolo")),
     (country("Italy", "Italia"), country("Spain", "Spagna")),
     "«Siamo uniti», ha detto la leader italiana.", "Giorgia Meloni"),
    ("es", (person("Pedro Sánchez", ("Sánchez",), "presidente del Gobierno"),
            person("Olaf Scholz", ("Scholz",), "canciller alemán")),
     (country("Spain", "España"), country("Germany", "Alemania")),
     '"Estamos unidos", dijo el mandatario español.', "Pedro Sánchez"),
])
def test_a_demonym_names_the_participant_whose_partner_is_from_elsewhere(tmp_path, language, people, countries, body,
                                                                         speaker):
    doc = replace(text_document(tmp_path, body, language, people), places=countries)
    assert [(o.kind, o.speaker) for o in extract_outcomes(doc)] == [("statement", speaker)]


@pytest.mark.parametrize("language, body", [
    ("en", "The leaders signed a declaration on hydrogen. According to the text, both will build a pipeline."),
    ("fr", "Les dirigeants ont signé une déclaration sur l'hydrogène. Aux termes de ce texte, les deux pays "
           "construiront un gazoduc."),
])
def test_the_text_of_an_agreement_states_its_terms(tmp_path, language, body):
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language))] == ["agreement", "agreement"]


@pytest.mark.parametrize("language, body, kind", [
    ("en", "The two leaders unveiled a dozen agreements on energy.", "agreement"),
    ("nl", "De twee leiders bezegelden een akkoord over energie.", "agreement"),
    ("de", "Über die Finanzierung wurde keine Einigung erzielt.", "no-agreement"),
    ("fr", "Les deux dirigeants ont scellé un accord sur l'énergie.", "agreement"),
    ("it", "I due leader hanno suggellato un'intesa sull'energia.", "agreement"),
    ("es", "Los dos líderes rubricaron un acuerdo energético.", "agreement"),
])
def test_more_ways_to_conclude_or_miss_an_agreement(tmp_path, language, body, kind):
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language))] == [kind]


@pytest.mark.parametrize("language, body", [
    ("en", "The two leaders failed to reach an agreement on tariffs."),
    ("nl", "De onderhandelingen over een handelsakkoord strandden."),
    ("de", "Die Verhandlungen über ein Handelsabkommen scheiterten."),
    ("fr", "Les négociations sur un accord commercial ont échoué."),
    ("it", "I negoziati per un accordo commerciale sono falliti."),
    ("es", "Las negociaciones sobre un acuerdo comercial fracasaron."),
])
def test_failing_to_agree_is_no_agreement(tmp_path, language, body):
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language))] == ["no-agreement"]


@pytest.mark.parametrize("language, body, kind", [
    ("en", "Modi said it would be a mistake to isolate anyone.", "statement"),
    ("en", "Modi said he would call Albanese next month.", "announcement"),
    ("de", "Scholz sagte, es werde keine Abkopplung geben.", "statement"),
    ("de", "Scholz sagte, er werde im Herbst nach Brasília reisen.", "announcement"),
])
def test_a_dummy_subject_predicts_a_person_commits(tmp_path, language, body, kind):
    assert [k for k, _ in kinds_and_speakers(tmp_path, body, language)] == [kind]


@pytest.mark.parametrize("language, body", [
    ("nl", "Volgens een verklaring van het Witte Huis spraken de twee ook over Taiwan."),
    ("de", "Laut einer Erklärung des Kanzleramts ging es auch um Taiwan."),
    ("fr", "Selon une déclaration de l'Élysée, il a aussi été question de Taïwan."),
    ("it", "Secondo una dichiarazione di Palazzo Chigi, si è parlato anche di Taiwan."),
    ("es", "Según una declaración de la Moncloa, también se habló de Taiwán."),
])
def test_a_press_release_is_not_the_terms_of_an_agreement(tmp_path, language, body):
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language))] == []


@pytest.mark.parametrize("language, prediction, commitment", [
    ("en", '"Relations will improve," Modi said.', '"We will deepen our ties," Modi said.'),
    ("nl", '"Handel zal groeien," zei Rutte.', '"Wij zullen meer investeren," zei Rutte.'),
    ("de", "„Handel wird wachsen“, sagte Scholz.", "„Wir werden mehr investieren“, sagte Scholz."),
    ("fr", "« Les échanges augmenteront », a dit Macron.", "« Nous investirons davantage », a dit Macron."),
    ("it", "«Gli scambi cresceranno», ha detto Meloni.", "«Investiremo di più», ha detto Meloni."),
    ("es", '"Los intercambios crecerán", dijo Sánchez.', '"Nosotros invertiremos más", dijo Sánchez.'),
])
def test_a_quoted_future_of_we_commits_a_bare_noun_predicts(tmp_path, language, prediction, commitment):
    speaker = PAIRS[language][0].name
    assert kinds_and_speakers(tmp_path, prediction, language) == [("statement", speaker)]
    assert kinds_and_speakers(tmp_path, commitment, language) == [("announcement", speaker)]


COLLECTIVE_ROLES = {"en": ("prime minister", "president"), "nl": ("premier", "president"), "de": ("Kanzlerin", "Präsident"),
                    "fr": ("Première ministre", "président"), "it": ("premier", "presidente"), "es": ("presidenta", "presidente")}
COLLECTIVE_OPENINGS = {
    "en": ("The two leaders announced", "The prime minister gave", "Novak again offered to", "The visit sealed a",
           "No date was set"),
    "nl": ("De twee leiders kondigden", "De premier overhandigde de", "Novak bood aan om", "Het bezoek bezegelde de",
           "Er werd geen datum"),
    "de": ("Beide Länder vereinbarten eine", "Die Kanzlerin schenkte dem", "Novak bot erneut an,", "Die Differenzen in der",
           "Ein Termin für die"),
    "fr": ("Les deux gouvernements ont", "La Première ministre a", "Novak a proposé d'accueillir", "Les divergences sur la",
           "Aucune date n'a été"),
    "it": ("I due leader hanno", "La premier regalò al", "Novak si è offerto", "Sulla migrazione le distanze",
           "Non è stata fissata"),
    "es": ("Los dos gobiernos anunciaron", "La presidenta obsequió al", "Novak se ofreció a", "La visita consolidó el",
           "No se ha fijado"),
}


@pytest.mark.parametrize("language", sorted(COLLECTIVE_OPENINGS))
def test_collective_subjects_gifts_between_roles_offers_verdicts_and_unset_dates(language):
    """Both sides announcing or agreeing have no single speaker; a gift between two roles, an
    offer to host (an announcement), the writer's verdict on relations and a date not set."""
    first, second = COLLECTIVE_ROLES[language]
    people = (person("Anna Berg", ("Berg",), first), person("Tomas Novak", ("Novak",), second))
    collective, gift, offer, verdict, no_date = COLLECTIVE_OPENINGS[language]
    collective_kind = "agreement" if language == "de" else "announcement"
    assert summary(document(f"{language}_collective_gift_offer_verdict.txt", language, people)) == [
        (collective_kind, None, collective),
        ("gift", "Anna Berg", gift),
        ("announcement", "Tomas Novak", offer),
        ("assessment", None, verdict),
        ("no-agreement", None, no_date),
    ]


def test_news_agency_after_according_to_does_not_take_the_speakers_place():
    people = (person("Anna Berg", ("Berg",), "Première ministre"), person("Tomas Novak", ("Novak",), "président"))
    doc = document("fr_collective_gift_offer_verdict.txt", "fr", people)
    text = doc.article.text + "\n\n« Nous ne sommes pas des rivaux », a affirmé M. Novak, selon l'agence AFP.\n"
    article = replace(doc.article, text=text)
    doc = replace(doc, article=article, sentences=split_sentences(text))
    assert summary(doc)[-1] == ("statement", "Tomas Novak", "« Nous ne sommes")


CLAUSE_OPENINGS = {
    "en": ("while Novak stressed that", "though no date has"),
    "nl": ("terwijl Novak benadrukte dat", "hoewel er geen datum"),
    "de": ("während Novak betonte, der", "wobei kein Termin festgelegt"),
    "fr": ("tandis que Novak a", "même si aucune date"),
    "it": ("mentre Novak ha sottolineato", "anche se non è"),
    "es": ("mientras que Novak subrayó", "aunque no se ha"),
}


@pytest.mark.parametrize("language", sorted(CLAUSE_OPENINGS))
def test_contrasting_and_concessive_clauses_are_outcomes_of_their_own(language):
    """'A said X, while B stressed Y' holds two speakers; 'A defended Z, though no date has
    been set' holds a statement and the absence of an agreement."""
    people = (person("Anna Berg", ("Berg",), None), person("Tomas Novak", ("Novak",), None))
    contrast, concession = CLAUSE_OPENINGS[language]
    rows = summary(document(f"{language}_contrast_concession_clauses.txt", language, people))
    assert [(kind, speaker) for kind, speaker, _ in rows] == [
        ("assessment", "Anna Berg"), ("statement", "Tomas Novak"), ("statement", "Anna Berg"), ("no-agreement", None)]
    assert (rows[1][2], rows[3][2]) == (contrast, concession)


@pytest.mark.parametrize("language", sorted(CLAUSE_OPENINGS))
def test_what_the_joint_declaration_holds_is_an_agreement(language):
    """'In the joint declaration, Austria commits to ...' states the terms agreed (French also:
    'ne sont parvenus mardi qu'à un accord limité', an agreement with words inside the phrase)."""
    people = (person("Anna Berg", ("Berg",), None), person("Tomas Novak", ("Novak",), None))
    rows = summary(document(f"{language}_declaration_terms.txt", language, people))
    assert [(kind, speaker) for kind, speaker, _ in rows] == [("agreement", None)] * (2 if language == "fr" else 1)


@pytest.mark.parametrize("language", sorted(CLAUSE_OPENINGS))
def test_both_sides_stating_a_position_without_quotes_is_a_statement_of_no_single_speaker(language):
    """'Berg and Novak want that the EU acts' states a joint position; 'both sides want to
    prevent that' (a pronoun, not a reported clause) states none."""
    people = (person("Anna Berg", ("Berg",), None), person("Tomas Novak", ("Novak",), None))
    rows = summary(document(f"{language}_joint_position.txt", language, people))
    assert [(kind, speaker, words.split()[0]) for kind, speaker, words in rows] == [("statement", None, "Berg")]


ROYAL_ROLES = {"en": ("king", "pope"), "nl": ("koning", "paus"), "de": ("König", "Papst"), "fr": ("roi", "pape"),
               "it": ("re", "papa"), "es": ("rey", "papa")}


@pytest.mark.parametrize("language", sorted(ROYAL_ROLES))
def test_gift_to_a_side_named_by_a_noun_and_topics_left_out_of_the_commitments(language):
    """A gift from a role (its giver) to 'the royal couple' (no second person named); a topic left out of
    the commitments and a summit ending without new measures are no agreement."""
    king, pope = ROYAL_ROLES[language]
    people = (person("Philippe Durand", ("Durand",), king), person("Leo Marsh", ("Marsh",), pope))
    rows = summary(document(f"{language}_gift_to_couple_left_out.txt", language, people))
    assert [(kind, speaker) for kind, speaker, _ in rows] == [
        ("gift", "Leo Marsh"), ("no-agreement", None), ("no-agreement", None)]


# --- what is not an outcome, and who judges the meeting --------------------------------------

@pytest.mark.parametrize("language, body", [
    ("en", "LONDON, June 15 (Reuters) - Modi said India will cut tariffs on wine."),
    ("de", "Berlin (dpa) - Scholz sagte, Deutschland werde die Zölle senken."),
    ("fr", "PARIS, 6 avril (AFP) - Macron a annoncé que la France réduira ses droits de douane."),
])
def test_a_dateline_is_not_part_of_the_outcome(tmp_path, language, body):
    outcomes = extract_outcomes(text_document(tmp_path, body, language, PAIRS[language]))
    assert [o.text.split()[0] for o in outcomes] == [body.split(" - ")[1].split()[0]]


@pytest.mark.parametrize("language, body", [
    ("es", "Sánchez y Macron se reunieron en Madrid.\naunque no se ha fijado una fecha concreta."),
    ("en", "Modi met Albanese in Delhi.\nbut no agreement was signed."),
])
def test_a_clause_cut_off_from_its_sentence_is_not_an_outcome(tmp_path, language, body):
    assert kinds_and_speakers(tmp_path, body, language) == []


def test_the_same_statement_twice_in_one_article_is_one_outcome(tmp_path):
    body = ('Modi said India will cut tariffs on wine from next year.\n'
            'Modi met Albanese in Delhi on Tuesday.\n'
            'Modi said India will cut the tariffs on wine from next year.')
    assert kinds_and_speakers(tmp_path, body, "en") == [("announcement", "Narendra Modi")]


@pytest.mark.parametrize("language, body", [
    ("en", "The planned working lunch and the signing ceremony were cancelled."),
    ("de", "Das geplante Mittagessen und die Unterzeichnungszeremonie wurden abgesagt."),
    ("es", "El almuerzo de trabajo previsto fue cancelado a última hora."),
])
def test_a_cancelled_programme_is_no_agreement(tmp_path, language, body):
    assert kinds_and_speakers(tmp_path, body, language) == [("no-agreement", None)]


@pytest.mark.parametrize("language, body, speaker", [
    ("en", 'Opposition leader Peter Dutton, who was not in Delhi, called the summit "a photo opportunity".',
     "Peter Dutton"),
    ("nl", 'Oppositieleider Geert Wilders, die niet in Den Haag was, noemde de afspraken "een stap terug".',
     "Geert Wilders"),
    ("de", 'Oppositionsführer Friedrich Merz nannte die Vereinbarungen "bescheiden, aber real".', "Friedrich Merz"),
])
def test_someone_at_home_who_judges_the_meeting_makes_an_assessment(tmp_path, language, body, speaker):
    outsider = person(speaker, (speaker, speaker.split()[-1]), None, present=False)
    assert kinds_and_speakers(tmp_path, body, language, (outsider,)) == [("assessment", speaker)]


def test_someone_at_home_who_speaks_of_other_things_is_not_an_outcome(tmp_path):
    outsider = person("Peter Dutton", ("Peter Dutton", "Dutton"), None, present=False)
    body = "Opposition leader Peter Dutton said the budget is too high."
    assert kinds_and_speakers(tmp_path, body, "en", (outsider,)) == []


@pytest.mark.parametrize("language, body", [
    ("de", "Scholz und Lula unterzeichneten ein Handelsabkommen. Ebenfalls bis Jahresende sollen die Zölle "
           "auf Kaffee sinken."),
    ("fr", "Macron et Lula ont signé un accord commercial. Ils soutiennent aussi une baisse des droits de douane "
           "d'ici à fin mars 2025."),
])
def test_the_sentence_after_an_agreement_goes_on_with_its_terms(tmp_path, language, body):
    assert [kind for kind, _ in kinds_and_speakers(tmp_path, body, language)] == ["agreement", "agreement"]


def test_a_speaker_in_a_relative_clause_or_a_possessive_is_not_the_subject(tmp_path):
    spokesman = person("Kim Eui-kyeom", ("Kim Eui-kyeom",), "spokesman", present=False)
    body = ("Albanese's spokesman Kim Eui-kyeom said Australia would keep the dialogue alive. "
            "Modi, who spoke first, said that envoy Kim Eui-kyeom will lead the talks.")
    assert kinds_and_speakers(tmp_path, body, "en", (spokesman,)) == [
        ("announcement", "Kim Eui-kyeom"), ("announcement", "Narendra Modi")]


def test_a_meeting_set_for_later_is_an_announcement_and_a_gap_of_one_word_stays_one(tmp_path):
    assert kinds_and_speakers(tmp_path, "Modi and Albanese will hold another summit in four months.", "en") == [
        ("announcement", None)]
    body = "In the question of trade, only two months after the failed summit, India waits."
    assert kinds_and_speakers(tmp_path, body, "en") == []


@pytest.mark.parametrize("language, body", [
    ("de", "Scholz und Lula trafen sich 2019 in Osaka. Dort unterzeichneten sie eine gemeinsame Erklärung."),
    ("en", "Modi and Albanese first met in 2019 in Osaka. There they signed a joint declaration."),
])
def test_a_sentence_pointing_back_to_an_earlier_meeting_is_background(tmp_path, language, body):
    assert kinds_and_speakers(tmp_path, body, language) == []
    present = body.split(". ")[1]
    assert [kind for kind, _ in kinds_and_speakers(tmp_path, present, language)] == ["agreement"]


def test_a_statement_framed_by_a_day_before_the_meeting_is_background(tmp_path):
    from generator.records import DateFact, Evidence

    body = ("Modi and Albanese met in Delhi on Tuesday. In March, Modi announced that India will cut tariffs. "
            "Modi condemned the March 2 attack on a bank.")
    doc = text_document(tmp_path, body, "en", PAIRS["en"])
    text = doc.article.text

    def fact(value: str, expression: str, main: bool) -> DateFact:
        start = text.index(expression)
        return DateFact(value, expression, main, (Evidence(expression, start, start + len(expression)),))

    doc = replace(doc, dates=(fact("2024-04-09", "Tuesday", True), fact("2024-03", "In March", False),
                              fact("2024-03-02", "March 2", False)))
    assert [(o.kind, o.text.split()[0]) for o in extract_outcomes(doc)] == [("statement", "Modi")]


LEADERS = (person("Narendra Modi", ("Modi",), "primer ministro"), person("Vladimir Putin", ("Putin", "Poutine"), "presidente"),
           person("Volodymyr Zelensky", ("Zelensky",), "Ukrainian President", present=False))


@pytest.mark.parametrize("body, language, expected", [
    # a name behind an object marker after the verb is who was addressed, not the speaker
    ("Putin, por su parte, ha agradecido a Modi la atención que presta al conflicto.", "es",
     [("statement", "Vladimir Putin")]),
    ("Modi told to Putin that the solution cannot be found on the battlefield.", "en", [("statement", "Narendra Modi")]),
    # a written statement is a statement too
    ("Modi wrote that the friendship between India and Russia is strong.", "en", [("statement", "Narendra Modi")]),
    ("Modi ha escrito que la amistad entre India y Rusia es fuerte.", "es", [("statement", "Narendra Modi")]),
    # a negated future takes a stance; an affirmed one announces
    ("« Nous ne faiblirons pas », a déclaré Poutine.", "fr", [("statement", "Vladimir Putin")]),
    ('"We will not waver," Putin said.', "en", [("statement", "Vladimir Putin")]),
    ('"We will open two consulates," Putin said.', "en", [("announcement", "Vladimir Putin")]),
    # a future bound to a condition, or a belief, is a position
    ('"We will be ready to return to the deal as soon as our demands are met," Putin said.', "en",
     [("statement", "Vladimir Putin")]),
    ("« Je crois que nous trouverons une solution », a déclaré Poutine.", "fr", [("statement", "Vladimir Putin")]),
    # anyone may judge the meeting with a verdict word
    ('Zelensky said the visit was "a huge disappointment".', "en", [("assessment", "Volodymyr Zelensky")]),
    # German reported speech: a subjunctive sentence goes on with the last speaker's words
    ("Modi sagte, die Gespräche seien offen gewesen. Frieden hänge von guten Beziehungen ab.", "de",
     [("statement", "Narendra Modi"), ("statement", "Narendra Modi")]),
    ("Modi sagte, die Gespräche seien offen gewesen. Frieden hängt von guten Beziehungen ab.", "de",
     [("statement", "Narendra Modi")]),
    # a part of the programme that did not take place; a document not signed
    ("Eine gemeinsame Pressekonferenz gab es nicht.", "de", [("no-agreement", None)]),
    ("Alla fine nessun documento è stato firmato.", "it", [("no-agreement", None)]),
    # a position held for months is background, not what the meeting brought
    ("Modi plaide depuis des mois pour un club de la paix.", "fr", []),
    # an honour conferred is a gift; an agreement stated with a participle or perfect tense
    ("Putin conferred the Order of St Andrew on Modi.", "en", [("gift", "Vladimir Putin")]),
    ("Die Seiten haben vereinbart, den Handel bis 2030 zu verdoppeln.", "de", [("agreement", None)]),
])
def test_cue_classes_in_several_languages(tmp_path, body, language, expected):
    outcomes = extract_outcomes(text_document(tmp_path, body, language, LEADERS))
    assert [(o.kind, o.speaker) for o in outcomes] == expected


@pytest.mark.parametrize("body, language, kinds", [
    # A year that dates another noun ("the armistice of 1953") does not set the signing in the past ...
    ("Kim y Moon firmaron el viernes una declaración conjunta en la que se comprometen a negociar "
     "un tratado de paz que sustituya al armisticio de 1953.", "es", ["agreement"]),
    ("Kim und Moon unterzeichneten eine Erklärung, die den Waffenstillstand von 1953 ersetzt.", "de", ["agreement"]),
    # ... but the agreement's own year does, and so does the year of a meeting.
    ("Kim y Moon firmaron el acuerdo de 2015.", "es", []),
    ("At the summit of 2018 the two leaders signed a declaration.", "en", []),
])
def test_a_year_dates_the_noun_it_follows(tmp_path, body, language, kinds):
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language))] == kinds


@pytest.mark.parametrize("body, language", [
    ("Ook spreken ze af dat de grens in mei opengaat.", "nl"),
    ("Beide Seiten einigen sich auf einen Zeitplan für die Gespräche.", "de"),
    ("Ambos gobiernos acuerdan reabrir las embajadas.", "es"),
    ("Les deux présidents conviennent de se revoir en juin.", "fr"),
    ("I due leader concordano sulla necessità di una tregua.", "it"),
    ("The two sides agree that the talks will go on.", "en"),
])
def test_agreeing_in_the_present_tense_is_an_agreement(tmp_path, body, language):
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language))] == ["agreement"]


@pytest.mark.parametrize("body, language", [
    ("Noord- en Zuid-Korea willen de oorlog nog dit jaar beëindigen. "
     "Dat hebben Kim en Moon vrijdag afgesproken tijdens hun ontmoeting.", "nl"),
    ("The border crossing will reopen in May. This was agreed by the two leaders on Friday.", "en"),
    ("Die Grenze soll im Mai wieder öffnen. Darauf einigten sich die beiden Präsidenten am Freitag.", "de"),
])
def test_an_agreement_that_points_back_states_the_sentence_before(tmp_path, body, language):
    doc = text_document(tmp_path, body, language)
    (outcome,) = extract_outcomes(doc)
    first, second = doc.sentences[-2:]
    assert outcome.kind == "agreement"
    assert outcome.text == doc.article.text[first.start:first.end]
    assert [(e.start, e.end) for e in outcome.evidence] == [(first.start, first.end), (second.start, second.end)]


@pytest.mark.parametrize("body, language", [
    ('"This is a historic day", Biden said at the press conference.', "en"),
    ('"Dit is een historische ontmoeting", zei Biden op een persconferentie.', "nl"),
    ("Kishida ha parlato di una nuova pagina nei rapporti tra i due Paesi.", "it"),
    ("Devant la presse, M. Biden a assuré que le sommet n'était pas un échec.", "fr"),
])
def test_a_participant_s_verdict_on_the_meeting_is_an_assessment(tmp_path, body, language):
    people = (person("Joe Biden", ("Biden", "M. Biden"), "President"), person("Fumio Kishida", ("Kishida",), "premier"))
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language, people))] == ["assessment"]


def test_a_verdict_word_in_the_writer_s_voice_is_no_outcome(tmp_path):
    body = "The festival in the old town was a great success last summer, with a cordial welcome for visitors."
    assert extract_outcomes(text_document(tmp_path, body, "en")) == ()


@pytest.mark.parametrize("body, language", [
    ('Asked whether Russia would help North Korea build satellites, Putin said: "That is why we came here."', "en"),
    ('Auf die Frage, ob Russland Nordkorea helfen werde, sagte Putin: „Deshalb sind wir hierhergekommen."', "de"),
    ('Op de vraag of Rusland Noord-Korea zal helpen, antwoordde Poetin: "Daarom zijn we hier."', "nl"),
])
def test_the_future_of_a_question_put_to_the_speaker_is_no_announcement(tmp_path, body, language):
    people = (person("Vladimir Putin", ("Putin", "Poetin"), "President"),)
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language, people))] == ["statement"]


@pytest.mark.parametrize("body, language", [
    ("By continuing, you agree to our Privacy Policy.", "en"),
    ("Door verder te surfen ga je akkoord met ons cookiebeleid.", "nl"),
    ("En poursuivant votre navigation, vous acceptez l'utilisation de cookies.", "fr"),
])
def test_a_site_s_consent_notice_is_no_agreement(tmp_path, body, language):
    assert extract_outcomes(text_document(tmp_path, body, language)) == ()


@pytest.mark.parametrize("body, language, kinds", [
    ("Mais les deux pays ont décidé de créer un nouveau mécanisme de dialogue économique.", "fr", ["agreement"]),
    ("Hanno inoltre deciso di tenere vertici trilaterali ogni anno.", "it", ["agreement"]),
    ("The two leaders decided to set up a hotline.", "en", ["agreement"]),
    ("The central bank decided to raise interest rates.", "en", []),  # one side's decision, not the talks'
])
def test_both_sides_deciding_together_is_an_agreement(tmp_path, body, language, kinds):
    assert [o.kind for o in extract_outcomes(text_document(tmp_path, body, language))] == kinds


def test_an_official_not_found_at_the_table_states_a_position_but_an_analyst_does_not(tmp_path):
    minister = person("Boris Johnson", ("Boris Johnson", "Johnson"), "British prime minister", present=False)
    analyst = person("Anna Weber", ("Anna Weber",), None, present=False)
    body = ("British prime minister Boris Johnson said Russia must not win the war. "
            "Anna Weber said Russia must not win the war either.")
    assert kinds_and_speakers(tmp_path, body, "en", (minister, analyst)) == [("statement", "Boris Johnson")]


def test_an_aide_passing_on_what_a_participant_said_gives_the_participant_as_speaker(tmp_path):
    aide = person("Vijay Gokhale", ("Gokhale",), "foreign secretary", present=False)
    body = "Gokhale said Modi stressed that terrorism is a common challenge."
    assert kinds_and_speakers(tmp_path, body, "en", (aide,)) == [("statement", "Narendra Modi")]


def test_an_officials_verdict_is_an_assessment(tmp_path):
    minister = person("George Shultz", ("George Shultz", "Shultz"), "Secretary of State", present=False)
    body = "Secretary of State George Shultz said he was deeply disappointed."
    assert kinds_and_speakers(tmp_path, body, "en", (minister,)) == [("assessment", "George Shultz")]
