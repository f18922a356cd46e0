"""The dates extractor: date expressions in six languages, their ISO values against the
anchor (publication) date, durations and look-alikes rejected, the main event's day,
and the publication date an article states in its text.

Every case lists ALL the expressions a sentence should yield, so a false date fails
as surely as a missed one. The anchor is Thursday 25 April 2019 unless said otherwise.
"""
from __future__ import annotations

import hashlib
from datetime import date

import pytest

from generator.extract import prepare
from generator.extract.dates import extract_dates, infer_publication_date, main_date
from generator.extract.event_cues import lead_sentence
from generator.records import Article

THURSDAY = date(2019, 4, 25)


def article(language: str, text: str, published: date | None = THURSDAY) -> Article:
    return Article(id="case", path="case.txt", text=text, title=text.split("\n", 1)[0],
                   content_hash=hashlib.sha256(text.encode()).hexdigest(), published=published,
                   language=language)


def found(language: str, text: str, published: date | None = THURSDAY) -> dict[str, str]:
    """expression as written → ISO value."""
    facts = extract_dates(prepare(article(language, text, published)))
    return {fact.text: fact.value for fact in facts}


CASES: dict[str, list[tuple[str, dict[str, str]]]] = {
    "en": [
        ("Putin and Kim met in Vladivostok on Thursday.", {"Thursday": "2019-04-25"}),
        ("Kim arrived late Wednesday afternoon aboard his train.", {"Wednesday": "2019-04-24"}),
        ("He will stay in Vladivostok on Friday and will not return home until Saturday.",
         {"Friday": "2019-04-26", "Saturday": "2019-04-27"}),
        ("Yesterday the delegations arrived; last year Russia invited Kim.",
         {"Yesterday": "2019-04-24", "last year": "2018"}),
        ("Russia invited Kim in May last year.", {"May last year": "2018-05"}),
        ("Lavrov flew to Pyongyang in June last year.", {"June last year": "2018-06"}),
        ("Last week Kim was in Beijing.", {"Last week": "2019-04"}),
        ("The summit in Hanoi at the end of February failed.", {"the end of February": "2019-02"}),
        ("The workers must go home by the end of the year.", {"the end of the year": "2019-12"}),
        ("Resolution 2397 of December 2017 covers about 10,000 workers.", {"December 2017": "2017-12"}),
        ("25 April 2019First meeting in Vladivostok.", {"25 April 2019": "2019-04-25"}),
        ("The detente since the beginning of 2018 holds, as after the 2011 meeting.",
         {"since the beginning of 2018": "2018", "the 2011": "2011"}),
        ("Two years ago nobody expected it.", {"Two years ago": "2017"}),
        ("Between 2011 and 2013 nothing happened.", {"Between 2011": "2011", "2013": "2013"}),
        ("The talks lasted for three years, two months after the failed summit.", {}),
        ("We met at 14.30. May I ask, Theresa May said, about ad_1?", {}),
        ("In the last year, every Thursday, prices rose.", {}),
    ],
    "nl": [
        ("Poetin en Kim ontmoetten elkaar donderdag in Vladivostok.", {"donderdag": "2019-04-25"}),
        ("Kim kwam woensdagavond met zijn trein aan.", {"woensdagavond": "2019-04-24"}),
        ("Kim zal vrijdag naar huis gaan.", {"vrijdag": "2019-04-26"}),
        ("Gisteren sprak hij met Trump, die hij in juni vorig jaar ontmoette.",
         {"Gisteren": "2019-04-24", "juni vorig jaar": "2018-06"}),
        ("Vorig jaar en vorige week waren er gesprekken.", {"Vorig jaar": "2018", "vorige week": "2019-04"}),
        ("Onder de sancties moeten zij voor het eind van het jaar terug naar huis.",
         {"het eind van het jaar": "2019-12"}),
        ("De top van eind februari mislukte; sinds 2011 was er geen top.",
         {"eind februari": "2019-02", "sinds 2011": "2011"}),
        ("Op 25 april 2019 om 14.30 uur begon het overleg.", {"25 april 2019": "2019-04-25"}),
        ("Vier jaar geleden was dat anders.", {"Vier jaar geleden": "2015"}),
        ("Moskou staat veraf van zijn doelen anderhalf jaar na de start van de invasie.", {}),
        ("We hebben nu in detail gesproken. Zo eindigde de week. De morgen was koud.", {}),
        ("Hij kreeg een boete van 2000 euro.", {}),
    ],
    "de": [
        ("Putin und Kim trafen sich am Donnerstag in Wladiwostok.", {"Donnerstag": "2019-04-25"}),
        ("Kim war am Mittwochabend angekommen.", {"Mittwochabend": "2019-04-24"}),
        ("Kim wird am Freitag abreisen.", {"Freitag": "2019-04-26"}),
        ("Im Juni letzten Jahres traf er Trump, letzte Woche war er in Peking.",
         {"Juni letzten Jahres": "2018-06", "letzte Woche": "2019-04"}),
        ("Gestern sagte er, er reise morgen ab.", {"Gestern": "2019-04-24", "morgen": "2019-04-26"}),
        ("Ende Februar scheiterte der Gipfel in Hanoi.", {"Ende Februar": "2019-02"}),
        ("Bis Ende des Jahres müssen die Arbeiter zurück.", {"Ende des Jahres": "2019-12"}),
        ("2011 hatte Kim Jong Il Medwedew getroffen.", {"2011": "2011"}),
        ("Resolution 2397 vom Dezember 2017 betrifft rund 2000 Arbeiter.", {"Dezember 2017": "2017-12"}),
        ("Am 25. April 2019 um 14.30 Uhr begann das Treffen.", {"25. April 2019": "2019-04-25"}),
        ("Vor vier Jahren war das anders.", {"Vor vier Jahren": "2015"}),
        ("Die Gespräche dauerten vier Jahre. Am Morgen sprach er. Im Mai wird er reisen.",
         {"Im Mai": "2019-05"}),
    ],
    "fr": [
        ("Poutine et Kim se sont rencontrés jeudi à Vladivostok.", {"jeudi": "2019-04-25"}),
        ("Kim était arrivé mercredi soir.", {"mercredi": "2019-04-24"}),
        ("Kim repartira vendredi.", {"vendredi": "2019-04-26"}),
        ("Hier, il a rappelé qu'en juin dernier il avait rencontré Trump.",
         {"Hier": "2019-04-24", "juin dernier": "2018-06"}),
        ("L'an dernier, la Russie avait invité Kim ; la semaine dernière, il était à Pékin.",
         {"L'an dernier": "2018", "la semaine dernière": "2019-04"}),
        ("Fin février, le sommet de Hanoï a échoué.", {"Fin février": "2019-02"}),
        ("D'ici la fin de l'année, les travailleurs doivent rentrer.", {"la fin de l'année": "2019-12"}),
        ("Le sommet de 2011 et la résolution de décembre 2017.", {"de 2011": "2011", "décembre 2017": "2017-12"}),
        ("Le 1er mai 2019, la fête du travail.", {"1er mai 2019": "2019-05-01"}),
        ("Il y a deux ans, tout était différent.", {"Il y a deux ans": "2017"}),
        ("Les négociations ont duré deux ans et plus de 2000 personnes attendaient.", {}),
    ],
    "it": [
        ("Putin e Kim si sono incontrati giovedì a Vladivostok.", {"giovedì": "2019-04-25"}),
        ("Kim era arrivato mercoledì sera.", {"mercoledì": "2019-04-24"}),
        ("Kim ripartirà venerdì.", {"venerdì": "2019-04-26"}),
        ("Ieri ha ricordato che a giugno dell'anno scorso aveva incontrato Trump.",
         {"Ieri": "2019-04-24", "giugno dell'anno scorso": "2018-06"}),
        ("L'anno scorso la Russia aveva invitato Kim; la settimana scorsa era a Pechino.",
         {"L'anno scorso": "2018", "la settimana scorsa": "2019-04"}),
        ("Alla fine di febbraio il vertice di Hanoi è fallito.", {"fine di febbraio": "2019-02"}),
        ("Entro la fine dell'anno i lavoratori devono tornare.", {"fine dell'anno": "2019-12"}),
        ("Nel 2011 c'era stato l'ultimo vertice, e il 25 aprile 2019 alle 14.30 il nuovo.",
         {"Nel 2011": "2011", "25 aprile 2019": "2019-04-25"}),
        ("Due anni fa era diverso.", {"Due anni fa": "2017"}),
        ("I negoziati sono durati due anni.", {}),
    ],
    "es": [
        ("Putin y Kim se reunieron el jueves en Vladivostok.", {"jueves": "2019-04-25"}),
        ("Kim había llegado el miércoles por la tarde.", {"miércoles": "2019-04-24"}),
        ("Kim regresará el viernes.", {"viernes": "2019-04-26"}),
        ("Ayer recordó que en junio del año pasado se reunió con Trump.",
         {"Ayer": "2019-04-24", "junio del año pasado": "2018-06"}),
        ("El año pasado Rusia invitó a Kim; la semana pasada estuvo en Pekín.",
         {"El año pasado": "2018", "la semana pasada": "2019-04"}),
        ("A finales de febrero fracasó la cumbre de Hanói.", {"finales de febrero": "2019-02"}),
        ("Antes de finales del año los trabajadores deben volver.", {"finales del año": "2019-12"}),
        ("La cumbre de 2011 y la resolución del 25 de abril de 2019.",
         {"de 2011": "2011", "25 de abril de 2019": "2019-04-25"}),
        ("Hace dos años todo era distinto.", {"Hace dos años": "2017"}),
        ("Las negociaciones duraron dos años. Más de 2000 personas. Por la mañana habló. Los jueves hay mercado.",
         {}),
        ("Cantó Plácido Domingo en el Teatro Real.", {}),
    ],
}


@pytest.mark.parametrize(("language", "text", "expected"),
                         [(lang, text, expected) for lang, cases in CASES.items() for text, expected in cases])
def test_expressions_and_values(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text", "absolute"), [
    ("en", "Kim arrived on Wednesday, as in 2011, and met Putin in December 2017.",
     {"in 2011": "2011", "December 2017": "2017-12"}),
    ("nl", "Kim kwam woensdag aan, net als in 2011 en in december 2017.",
     {"in 2011": "2011", "december 2017": "2017-12"}),
    ("de", "Kim kam am Mittwoch an, wie schon 2011 und im Dezember 2017.",
     {"2011": "2011", "Dezember 2017": "2017-12"}),
    ("fr", "Kim est arrivé mercredi, comme en 2011 et en décembre 2017.",
     {"en 2011": "2011", "décembre 2017": "2017-12"}),
    ("it", "Kim è arrivato mercoledì, come nel 2011 e nel dicembre 2017.",
     {"nel 2011": "2011", "dicembre 2017": "2017-12"}),
    ("es", "Kim llegó el miércoles, como en 2011 y en diciembre de 2017.",
     {"en 2011": "2011", "diciembre de 2017": "2017-12"}),
])
def test_without_anchor_relative_expressions_are_dropped(language, text, absolute):
    assert found(language, text, published=None) == absolute


def test_the_day_before_counts_from_the_day_the_sentence_named():
    text = "Putin landed Thursday in Vladivostok, where Kim arrived the day before."
    assert found("en", text, published=date(2019, 4, 27)) == {"Thursday": "2019-04-25", "the day before": "2019-04-24"}


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "The forum runs on 25-26 April.", {"25": "2019-04-25", "26 April": "2019-04-26"}),
    ("de", "Der Gipfel tagte vom 25. bis 27. April 2019.", {"25": "2019-04-25", "27. April 2019": "2019-04-27"}),
    ("fr", "Le forum s'est tenu du 25 au 27 avril.", {"25": "2019-04-25", "27 avril": "2019-04-27"}),
    ("es", "La cumbre se celebró del 25 al 27 de abril.", {"25": "2019-04-25", "27 de abril": "2019-04-27"}),
])
def test_day_ranges_give_both_days(language, text, expected):
    assert found(language, text) == expected


def test_a_year_written_earlier_in_the_sentence_completes_a_day_or_month():
    assert found("en", "In 2018, Trump met Putin in Helsinki on July 16 and again in November.") == {
        "In 2018": "2018", "July 16": "2018-07-16", "in November": "2018-11"}


def test_since_a_year_does_not_date_the_rest_of_the_sentence():
    assert found("en", "Since 2011 they had not met, until Thursday.") == {"Since 2011": "2011", "Thursday": "2019-04-25"}
    assert found("en", "Since 2011 no summit took place before 25 April.") == {
        "Since 2011": "2011", "25 April": "2019-04-25"}


def test_future_tense_after_a_bare_month_does_not_move_it_forward():
    text = "Les ambassadeurs rappelés en avril vont regagner leur poste."
    assert found("fr", text, published=date(2021, 6, 16)) == {"en avril": "2021-04"}
    assert found("en", "Elections will be held in March.") == {"in March": "2020-03"}


def test_bare_month_after_the_anchor_month_is_last_year():
    assert found("en", "The talks broke down in October.") == {"in October": "2018-10"}


def test_weekday_modifiers_point_away_from_the_anchor():
    assert found("en", "He left last Thursday and returns next Thursday.") == {
        "last Thursday": "2019-04-18", "next Thursday": "2019-05-02"}


def test_week_across_two_months_has_no_value():
    assert found("en", "Last week talks resumed.", published=date(2019, 5, 8)) == {}


@pytest.mark.parametrize("language", sorted(CASES))
def test_facts_cite_their_sentence_and_are_in_text_order(language):
    text = " ".join(sentence for sentence, _ in CASES[language])
    doc = prepare(article(language, text))
    facts = extract_dates(doc)
    assert [f.evidence[0].start for f in facts] == sorted(f.evidence[0].start for f in facts)
    for fact in facts:
        (evidence,) = fact.evidence
        assert text[evidence.start:evidence.end] == evidence.quote
        assert fact.text in evidence.quote
    assert extract_dates(doc) == facts


def test_main_day_is_the_meeting_day_not_background_days():
    text = ("Kim Jong-un is in Vladivostok: tomorrow he meets Putin.\n"
            "Putin and Kim met today in Vladivostok for their first summit.\n"
            "Kim arrived on Wednesday. Their last summit with Trump was at the end of February.")
    facts = extract_dates(prepare(article("en", text)))
    assert {f.value for f in facts if f.main} == {"2019-04-25"}
    assert main_date(facts) == "2019-04-25"


def test_meeting_day_counts_in_a_sentence_that_also_names_a_past_year():
    text = ("Kim arrived on Wednesday. It is Thursday.\n"
            "Putin and Kim met on Friday for their first summit since 2011.")
    facts = extract_dates(prepare(article("en", text, published=date(2019, 4, 27))))
    assert main_date(facts) == "2019-04-26"


def test_anchor_day_counts_for_main_without_a_meeting_sentence():
    facts = extract_dates(prepare(article("en", "It was about the peninsula, said Kim on Thursday in Vladivostok.")))
    assert main_date(facts) == "2019-04-25"


def test_no_stated_day_means_no_main_date():
    text = "De ontmoeting in Vladivostok volgde op de top met Trump in juni vorig jaar."
    facts = extract_dates(prepare(article("nl", text)))
    assert [f.value for f in facts] == ["2018-06"]
    assert main_date(facts) is None


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "The handshake\n\nShare\n\n25 April 2019First meeting between Putin and Kim.", date(2019, 4, 25)),
    ("en", "Summit in Vladivostok\nPublished 3 May 2021\nThe leaders met.", date(2021, 5, 3)),
    ("nl", "Top in Vladivostok\nGepubliceerd op 26 april 2019 om 08.00 uur\nDe leiders spraken.", date(2019, 4, 26)),
    ("de", "Gipfel in Wladiwostok\nAktualisiert am 25.04.2019\nDie beiden trafen sich.", date(2019, 4, 25)),
    ("fr", "Sommet à Vladivostok\nMis à jour le 26 avril 2019 à 10h\nLes dirigeants ont parlé.", date(2019, 4, 26)),
    ("it", "Vertice a Vladivostok\nPubblicato il 25 aprile 2019\nI leader hanno parlato.", date(2019, 4, 25)),
    ("es", "Cumbre en Vladivostok\nActualizado el 25 de abril de 2019\nLos líderes hablaron.", date(2019, 4, 25)),
    ("en", "Summit in Vladivostok\nBy Jane Roe, Reuters | April 25, 2019 08:12\nThe leaders met.", date(2019, 4, 25)),
    ("en", "Summit of 12 June 2018 recalled\nThe leaders met on Thursday, as they did in December 2017.", None),
])
def test_infer_publication_date(language, text, expected):
    doc = prepare(article(language, text, published=None))
    assert infer_publication_date(doc) == expected
    assert doc.anchor == expected
    assert doc.anchor_source == ("text" if expected else None)


def test_publication_date_from_the_url():
    text = "Summit in Vladivostok\nThe leaders met on Thursday."
    plain = article("en", text, published=None)
    with_url = Article(**{**plain.__dict__, "url": "https://example.org/world/2019/04/25/putin-kim-summit"})
    assert infer_publication_date(prepare(with_url)) == date(2019, 4, 25)
    assert found("en", "Good Friday and Black Friday are no dates here.") == {}


# -- datelines: "CITY, date -" at the top of the body dates the article
DATELINES = [
    ("en", "Leaders sign trade pact\n\nGENEVA, March 3, 2021 - The two presidents met on Wednesday "
           "and agreed to cut tariffs on steel, aluminium and farm goods by half within two years.",
     date(2021, 3, 3)),
    ("nl", "Kabinet sluit akkoord\n\nDen Haag, 8 februari 2022 – Het kabinet en de oppositie bereikten "
           "dinsdag een akkoord over de begroting, de pensioenen en de energierekening.", date(2022, 2, 8)),
    ("de", "Kanzler empfängt Gast\n\nBERLIN (dpa), 3. Mai 2023 - Der Kanzler hat am Mittwoch den "
           "Präsidenten mit militärischen Ehren im Kanzleramt empfangen.", date(2023, 5, 3)),
    ("fr", "Accord à Paris\n\nParis, le 5 mars 2024 — Le président a reçu mardi son homologue brésilien au "
           "palais de l'Élysée pour un dîner d'État.", date(2024, 3, 5)),
    ("it", "Vertice a Roma\n\nROMA, 12 settembre 2023 - La premier ha ricevuto martedì il "
           "cancelliere tedesco a Palazzo Chigi per un lungo colloquio.", date(2023, 9, 12)),
    ("es", "Acuerdo en Bogotá\n\nBogotá, 9 de agosto de 2022. El presidente firmó el martes un "
           "acuerdo de paz con los gobernadores de las regiones del sur.", date(2022, 8, 9)),
]


@pytest.mark.parametrize(("language", "text", "expected"), DATELINES)
def test_dateline_dates_the_article_and_its_weekdays(language, text, expected):
    doc = prepare(article(language, text, published=None))
    assert (doc.anchor, doc.anchor_source) == (expected, "text")
    facts = extract_dates(doc)
    assert {f.value for f in facts} == {expected.isoformat()}
    assert main_date(facts) == expected.isoformat()


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Talks recalled\n\nIn Geneva, the leaders met in March 2021 for the first time."),
    ("fr", "Sommet\n\nSelon Paris, le sommet de mars 2024 a échoué."),
    ("de", "Gipfel\n\nBERLIN (dpa) - Der Kanzler hat am Mittwoch den Präsidenten empfangen."),
])
def test_no_dateline_without_a_full_date_after_the_place(language, text):
    assert prepare(article(language, text, published=None)).anchor is None


# -- weekdays later in the anchor's week: the present tense speaks of the coming days
WEDNESDAY = date(2023, 3, 15)
WEEKDAY_TENSES = [
    # (language, present tense, past tense, earlier weekday in the present tense)
    ("en", ("The minister travels to Brussels on Friday.", "Friday"),
     ("The minister was in Brussels on Friday.", "Friday"),
     ("On Monday the minister is in Berlin.", "Monday")),
    ("nl", ("Vrijdag vliegt de premier naar Brussel.", "Vrijdag"),
     ("Vrijdag was de premier in Brussel.", "Vrijdag"),
     ("Maandag is de premier in Berlijn.", "Maandag")),
    ("de", ("Am Freitag fliegt die Ministerin nach Brüssel.", "Freitag"),
     ("Am Freitag hatte die Ministerin Brüssel besucht.", "Freitag"),
     ("Am Montag ist die Ministerin in Berlin.", "Montag")),
    ("fr", ("Vendredi, la ministre se rend à Bruxelles.", "Vendredi"),
     ("Vendredi, la ministre s'est rendue à Bruxelles.", "Vendredi"),
     ("Lundi, la ministre est à Berlin.", "Lundi")),
    ("it", ("Venerdì la ministra vola a Bruxelles.", "Venerdì"),
     ("Venerdì la ministra è stata a Bruxelles.", "Venerdì"),
     ("Lunedì la ministra è a Berlino.", "Lunedì")),
    ("es", ("El viernes la ministra viaja a Bruselas.", "viernes"),
     ("El viernes la ministra viajó a Bruselas.", "viernes"),
     ("El lunes la ministra está en Berlín.", "lunes")),
]


@pytest.mark.parametrize(("language", "present", "past", "earlier"), WEEKDAY_TENSES)
def test_weekday_later_in_the_week_points_forward_unless_past(language, present, past, earlier):
    assert found(language, present[0], WEDNESDAY) == {present[1]: "2023-03-17"}
    assert found(language, past[0], WEDNESDAY) == {past[1]: "2023-03-10"}
    assert found(language, earlier[0], WEDNESDAY) == {earlier[1]: "2023-03-13"}



# -- the direction of a weekday or a day without a year follows the tense of its verb
@pytest.mark.parametrize(("language", "text", "published", "expected"), [
    # no tense: the nearest such day (Saturday from a Monday lies behind)
    ("fr", "L'équipe, très faible samedi à Montpellier, inquiète.", date(1999, 9, 13), {"samedi": "1999-09-11"}),
    ("en", "On Sunday, the fifteen countries of the Eurogroup -- those using the euro.", date(2008, 10, 13),
     {"Sunday": "2008-10-12"}),
    # the verb before the weekday governs it, not a later clause's future
    ("en", "Apple announced Friday that it will give owners a free case.", date(2010, 7, 17),
     {"Friday": "2010-07-16"}),
    # a weekday leading its sentence takes the tense of the first verb after it
    ("fr", "Dès dimanche, petits et grands pourront venir au manège.", date(1999, 5, 18),
     {"dimanche": "1999-05-23"}),
    # a day and month without a year: by tense, else the nearest
    ("en", "Apple announced another event to be held on October 12.", date(2005, 10, 4),
     {"October 12": "2005-10-12"}),
    ("en", "It will take off from Singapore and land in Sydney on October 25.", date(2007, 10, 15),
     {"October 25": "2007-10-25"}),
    ("fr", "M. Blair a donné jusqu'au 30 juin aux responsables pour débloquer ce dossier.", date(1999, 5, 21),
     {"30 juin": "1999-06-30"}),
    ("en", "The talks broke down on 30 June.", date(2019, 4, 25), {"30 June": "2018-06-30"}),
    # the verb after it, when none comes before
    ("en", "Boeing on Tuesday delivered the final 717 jet.", date(2006, 5, 29), {"Tuesday": "2006-05-23"}),
    # "since" points back
    ("en", "Wall Street had its best week since November.", date(2009, 3, 13), {"since November": "2008-11"}),
    ("de", "Seit November verhandeln beide Seiten.", date(2009, 3, 13), {"Seit November": "2008-11"}),
    ("en", "The transaction should be completed in October.", date(2009, 6, 5), {"in October": "2009-10"}),
    # a direction word after a day without its year
    ("fr", "Sa population s'établissait le 8 mars dernier à 60 millions.", date(1999, 7, 7),
     {"8 mars dernier": "1999-03-08"}),
    ("fr", "A compter du 1er septembre prochain, la gendarmerie interviendra.", date(2003, 2, 7),
     {"1er septembre prochain": "2003-09-01"}),
    ("it", "Il vertice del 3 maggio scorso è fallito.", date(2019, 7, 7), {"3 maggio scorso": "2019-05-03"}),
    ("fr", "La reprise de septembre n'a pas duré.", date(2002, 10, 31), {"de septembre": "2002-09"}),
    # a year relative to the anchor after the day
    ("en", "They first met in Panmunjom on April 27 of last year.", date(2019, 6, 30),
     {"April 27 of last year": "2018-04-27"}),
    ("es", "La cumbre del 27 de abril del año pasado fracasó.", date(2019, 6, 30),
     {"27 de abril del año pasado": "2018-04-27"}),
    # a second month joined to the first
    ("es", "Ambos habían abandonado sus puestos en marzo y abril.", date(2021, 6, 16),
     {"en marzo": "2021-03", "abril": "2021-04"}),
    ("de", "Im März und April gab es Gespräche.", date(2019, 6, 30), {"Im März": "2019-03", "April": "2019-04"}),
    # a time still to come, counted from the anchor
    ("fr", "Un nouveau sommet doit se tenir « dans quatre mois ».", date(2019, 12, 10),
     {"dans quatre mois": "2020-04"}),
    ("it", "Il vertice si terrà tra tre mesi.", date(2019, 12, 10), {"tra tre mesi": "2020-03"}),
    # a heading in capitals still names a day; "the previous year" is the anchor's last
    ("fr", "LE VILLAGE FERA LA FÊTE DIMANCHE.", date(1999, 5, 18), {"DIMANCHE": "1999-05-23"}),
    ("en", "Sales fell from the previous year.", date(2009, 3, 1), {"the previous year": "2008"}),
    # a year of two digits after a month name, but not a count
    ("fr", "Les prix ont augmenté en janvier 97, puis en octobre 98.", date(1999, 7, 29),
     {"janvier 97": "1997-01", "octobre 98": "1998-10"}),
    ("fr", "Le 3 mai 12 soldats sont morts.", date(2002, 1, 21), {"3 mai": "2002-05-03"}),
    # a stated weekday picks the year
    ("fr", "Le tournoi aura lieu jeudi 16 septembre.", date(1999, 9, 4), {"jeudi 16 septembre": "1999-09-16"}),
])
def test_direction_follows_the_governing_verb(language, text, published, expected):
    assert found(language, text, published) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Le sommet s'est ouvert le 23 avril. Le lendemain, les ministres ont signé.",
     {"23 avril": "2019-04-23", "Le lendemain": "2019-04-24"}),
    ("de", "Der Gipfel begann am 23. April. Am Vortag waren die Minister angereist.",
     {"23. April": "2019-04-23", "Am Vortag": "2019-04-22"}),
    ("it", "Il vertice si è aperto il 23 aprile. Il giorno dopo i ministri hanno firmato.",
     {"23 aprile": "2019-04-23", "Il giorno dopo": "2019-04-24"}),
    ("es", "La cumbre empezó el 23 de abril. Al día siguiente los ministros firmaron.",
     {"23 de abril": "2019-04-23", "Al día siguiente": "2019-04-24"}),
    ("nl", "De top begon op 23 april. De dag erna tekenden de ministers.",
     {"23 april": "2019-04-23", "De dag erna": "2019-04-24"}),
    ("en", "The summit opened on April 23. The day before, the ministers had arrived.",
     {"April 23": "2019-04-23", "The day before": "2019-04-22"}),
    ("fr", "Le sommet s'est ouvert le 23 avril. Le même jour, les ministres ont signé.",
     {"23 avril": "2019-04-23", "Le même jour": "2019-04-23"}),
])
def test_the_day_after_counts_from_the_day_last_named_in_an_earlier_sentence(language, text, expected):
    assert found(language, text) == expected

# -- the lead reports the main event: receptions, signings and relative days in it
LEADS = [
    # (language, lead with its day, a later sentence naming another day)
    ("en", "The chancellor was received by the president on Wednesday at the palace.",
     "The talks had been prepared by diplomats on Monday."),
    ("nl", "De bondskanselier is woensdag op het paleis ontvangen door de president.",
     "Het overleg was maandag door diplomaten voorbereid."),
    ("de", "Der Präsident empfing die Kanzlerin am Mittwoch im Schloss Bellevue.",
     "Die Gespräche waren am Montag von Diplomaten vorbereitet worden."),
    ("fr", "La chancelière a été reçue mercredi à l'Élysée par le président.",
     "Les discussions avaient été préparées lundi par les diplomates."),
    ("it", "La cancelliera è stata ricevuta mercoledì al Quirinale dal presidente.",
     "I colloqui erano stati preparati lunedì dai diplomatici."),
    ("es", "Los dos gobiernos firmaron el miércoles un acuerdo de cooperación en Madrid.",
     "Las conversaciones habían sido preparadas el lunes por los diplomáticos."),
]


@pytest.mark.parametrize(("language", "lead", "later"), LEADS)
def test_lead_day_with_a_reception_or_signing_is_main(language, lead, later):
    facts = extract_dates(prepare(article(language, "Title of the story\n\n" + lead + " " + later)))
    assert sorted(f.value for f in facts) == ["2019-04-22", "2019-04-24"]
    assert main_date(facts) == "2019-04-24"
    assert {f.value for f in facts if f.main} == {"2019-04-24"}


@pytest.mark.parametrize(("language", "lead"), [
    ("en", "The prime minister flew to Washington yesterday with a delegation of ministers."),
    ("nl", "De premier vloog gisteren naar Washington voor een werkbezoek."),
    ("de", "Die Kanzlerin flog gestern zu einem Arbeitsbesuch nach Washington."),
    ("fr", "La Première ministre s'est envolée hier pour Washington."),
    ("it", "La premier è volata ieri a Washington con una delegazione di ministri."),
    ("es", "La presidenta voló ayer a Washington con una delegación de ministros."),
])
def test_relative_day_in_the_lead_is_main(language, lead):
    text = "Title of the story\n\n" + lead + " Next month the parliament votes on the budget."
    facts = extract_dates(prepare(article(language, text)))
    assert main_date(facts) == "2019-04-24"


@pytest.mark.parametrize(("language", "lead"), [
    ("en", "In 2011, the former leader met the president on 24 August in Ulan-Ude."),
    ("nl", "In 2011 ontmoette de voormalige leider de president op 24 augustus in Oelan-Oede."),
    ("de", "Im Jahr 2011 traf der damalige Machthaber den Präsidenten am 24. August in Ulan-Ude."),
    ("fr", "En 2011, l'ancien dirigeant avait rencontré le président le 24 août à Oulan-Oude."),
    ("it", "Nel 2011 l'allora leader aveva incontrato il presidente il 24 agosto a Ulan-Ude."),
    ("es", "En 2011, el entonces líder se reunió con el presidente el 24 de agosto en Ulán-Udé."),
])
def test_historical_lead_gives_no_main_date(language, lead):
    facts = extract_dates(prepare(article(language, "Title of the story\n\n" + lead)))
    assert "2011-08-24" in {f.value for f in facts}
    assert main_date(facts) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Title of the story\n\nThe two leaders held talks in Geneva, their first meeting since June last year."),
    ("nl", "Titel\n\nDe twee leiders voerden overleg in Genève, hun eerste ontmoeting sinds juni vorig jaar."),
    ("de", "Titel\n\nDie beiden Präsidenten führten Gespräche in Genf, ihr erstes Treffen seit Juni letzten Jahres."),
    ("fr", "Titre\n\nLes deux dirigeants ont eu un entretien à Genève, leur première rencontre depuis juin."),
    ("it", "Titolo\n\nI due leader hanno avuto un colloquio a Ginevra, il primo incontro da giugno."),
    ("es", "Título\n\nLos dos líderes mantuvieron una reunión en Ginebra, la primera desde junio."),
])
def test_meeting_without_a_stated_day_has_no_main_date(language, text):
    facts = extract_dates(prepare(article(language, text)))
    assert all(len(f.value) < 10 for f in facts)
    assert main_date(facts) is None


def test_lead_is_the_first_full_sentence_after_title_credits_and_bullets():
    text = ("Treaty signed\n\nShare\n\nPhoto: Reuters\n\n"
            "• Presidents meet in the capital: next steps on Friday\n\n"
            "The two presidents signed the border treaty on Tuesday in the capital. "
            "Their foreign ministers had held talks on Monday.")
    doc = prepare(article("en", text))
    assert doc.sentences[lead_sentence(doc)].text.startswith("The two presidents signed")
    assert main_date(extract_dates(doc)) == "2019-04-23"


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("fr", "Lundi, la ministre est attendue à Berlin.", {"Lundi": "2023-03-20"}),
    ("en", "Talks are scheduled for Monday in Berlin.", {"Monday": "2023-03-20"}),
])
def test_expected_or_scheduled_weekday_points_forward(language, text, expected):
    assert found(language, text, WEDNESDAY) == expected


# -- wire datelines without a year: the year comes from what the text states or implies
YEARLESS_DATELINES = [
    ("en", "Ministers agree grain deal\n\nOSLO, May 12 (Reuters) - Foreign ministers met on Sunday in Oslo "
           "and agreed on a grain corridor. Their talks in Cairo in March 2023 had ended without a deal. "
           "The meeting came two years after the first round in 2022.", date(2024, 5, 12), "Sunday"),
    ("nl", "Ministers eens over gas\n\nDEN HAAG, 14 maart (ANP) - De ministers van Energie kwamen dinsdag "
           "in Den Haag bijeen voor overleg. Het overleg volgt ruim een jaar na de crisis van september 2022.",
     date(2023, 3, 14), "dinsdag"),
    ("de", "Kanzler in Rom\n\nRom, 9. Oktober (dpa) - Der Kanzler traf am Montag die italienische "
           "Regierungschefin zu einem Gespräch. Es war ihr erstes Treffen seit knapp zwei Jahren. "
           "Zuletzt hatten sie sich im November 2021 in Rom gesehen.", date(2023, 10, 9), "Montag"),
    ("fr", "Sommet à Dakar\n\nDAKAR, 18 novembre (AFP) - Les chefs d'État se sont réunis samedi à Dakar "
           "pour un sommet régional. La rencontre marque le 60e anniversaire de l'organisation, fondée en 1963.",
     date(2023, 11, 18), "samedi"),
    ("it", "Vertice a Tirana\n\nTIRANA, 6 giugno (ANSA) - I leader si sono incontrati giovedì a Tirana "
           "per un vertice regionale. L'incontro arriva tre anni dopo quello di Sofia del 2021.",
     date(2024, 6, 6), "giovedì"),
    ("es", "Cumbre en Lima\n\nLIMA, 15 Nov. (EUROPA PRESS) - Los presidentes se reunieron este miércoles en "
           "Lima. La cita llega un año después de la cumbre de octubre de 2022. Ambos trabajarán juntos "
           "de cara al Mundial de 2030.", date(2023, 11, 15), "miércoles"),
]


@pytest.mark.parametrize(("language", "text", "expected", "weekday"), YEARLESS_DATELINES)
def test_yearless_dateline_takes_its_year_from_the_text(language, text, expected, weekday):
    doc = prepare(article(language, text, published=None))
    assert (doc.anchor, doc.anchor_source) == (expected, "dateline")
    facts = extract_dates(doc)
    assert {f.text: f.value for f in facts}[weekday] == expected.isoformat()
    assert main_date(facts) == expected.isoformat()


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Talks in Oslo\n\nOSLO, May 12 (Reuters) - Foreign ministers met on Sunday in Oslo."),
    ("it", "Vertice a Tirana\n\nTIRANA, 6 giugno (ANSA) - I leader si sono incontrati giovedì a Tirana."),
    ("nl", "Overleg in Brussel\n\nBRUSSEL (ANP) - De ministers kwamen dinsdag bijeen in Brussel."),
])
def test_yearless_dateline_without_any_year_in_the_text_leaves_the_anchor_unknown(language, text):
    assert prepare(article(language, text, published=None)).anchor is None


def test_the_latest_stated_year_dates_a_yearless_dateline_when_nothing_else_is_said():
    text = ("Summit in Accra\n\nACCRA, June 3 (Reuters) - The leaders met in Accra. The bloc was founded "
            "in 1975 and last met in 2021.")
    assert prepare(article("en", text, published=None)).anchor == date(2021, 6, 3)


def test_a_yearless_dateline_whose_weekday_no_stated_year_fits_leaves_the_anchor_unknown():
    # 16 June was a Wednesday in 2021, not in 1985-1987: the only year stated is a past summit's.
    text = ("Cumbre en Ginebra\n\nGINEBRA, 16 Jun. (EUROPA PRESS) - Los presidentes se reunieron este "
            "miércoles en Ginebra. La ciudad ya acogió en noviembre de 1985 la primera cumbre entre Reagan y Gorbachov.")
    assert prepare(article("es", text, published=None)).anchor is None


# -- a bare month: one still to come this year is this year's unless its clause is past
BARE_MONTHS = [
    ("en", "The next round of talks is in July.", {"in July": "2019-07"}),
    ("en", "The last round was held in July.", {"in July": "2018-07"}),
    ("en", "The leaders will meet again in February.", {"in February": "2020-02"}),
    ("nl", "Het volgende overleg is in juli.", {"in juli": "2019-07"}),
    ("nl", "Het vorige overleg vond plaats in juli.", {"in juli": "2018-07"}),
    ("de", "Im Juli soll der Gipfel in Rom stattfinden.", {"Im Juli": "2019-07"}),
    ("de", "Im Juli war der Gipfel in Rom gescheitert.", {"Im Juli": "2018-07"}),
    ("fr", "Le prochain sommet est en juillet.", {"en juillet": "2019-07"}),
    ("fr", "Le sommet avait échoué en juillet.", {"en juillet": "2018-07"}),
    ("it", "Il prossimo vertice è a luglio.", {"a luglio": "2019-07"}),
    ("it", "Il vertice si era svolto a luglio.", {"a luglio": "2018-07"}),
    ("es", "La próxima cumbre es en julio.", {"en julio": "2019-07"}),
    ("es", "La cumbre fue en julio.", {"en julio": "2018-07"}),
]


@pytest.mark.parametrize(("language", "text", "expected"), BARE_MONTHS)
def test_bare_month_year_follows_the_tense_of_its_clause(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The president received the chancellor yesterday for talks. Today he will receive the "
           "Japanese premier for a meeting."),
    ("it", "La premier è stata ricevuta ieri alla Casa Bianca. Oggi riceverà il ministro per un colloquio."),
    ("es", "El presidente recibió ayer al canciller. Hoy recibirá al primer ministro en una reunión."),
])
def test_a_meeting_still_to_come_today_is_not_the_main_day(language, text):
    facts = extract_dates(prepare(article(language, text)))
    assert main_date(facts) == "2019-04-24"


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Talks were first held in spring 2016.", {"spring 2016": "2016"}),
    ("nl", "De gesprekken begonnen in het voorjaar 2016.", {"voorjaar 2016": "2016"}),
    ("de", "Im Frühjahr 2016 hatten die Gespräche begonnen.", {"Frühjahr 2016": "2016"}),
    ("fr", "Les discussions ont commencé au printemps 2016.", {"printemps 2016": "2016"}),
    ("it", "I colloqui erano iniziati in primavera 2016.", {"primavera 2016": "2016"}),
    ("es", "Las conversaciones empezaron en invierno 2016.", {"invierno 2016": "2016"}),
])
def test_a_season_before_a_year_names_that_year(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Climate talks\n\nBONN, June 5 (Reuters) - Ministers met on Wednesday in Bonn. They pledged in "
           "2024 to cut emissions by 2035.", date(2024, 6, 5)),
    ("nl", "Klimaatoverleg\n\nBONN, 5 juni (ANP) - De ministers spraken woensdag in Bonn. Ze beloofden in "
           "2024 de uitstoot tot 2035 te halveren.", date(2024, 6, 5)),
    ("de", "Klimagipfel\n\nBonn, 5. Juni (dpa) - Die Minister trafen sich am Mittwoch. Im Jahr 2024 "
           "versprachen sie, die Emissionen bis 2035 zu halbieren.", date(2024, 6, 5)),
    ("fr", "Climat\n\nBONN, 5 juin (AFP) - Les ministres se sont réunis mercredi. Ils avaient promis en 2024 "
           "de réduire les émissions d'ici 2035.", date(2024, 6, 5)),
    ("it", "Clima\n\nBONN, 5 giugno (ANSA) - I ministri si sono riuniti mercoledì. Nel 2024 avevano promesso "
           "di dimezzare le emissioni entro il 2035.", date(2024, 6, 5)),
    ("es", "Clima\n\nBONN, 5 Jun. (EUROPA PRESS) - Los ministros se reunieron el miércoles. En 2024 "
           "prometieron reducir las emisiones hasta 2035.", date(2024, 6, 5)),
])
def test_a_deadline_year_does_not_date_a_yearless_dateline(language, text, expected):
    assert prepare(article(language, text, published=None)).anchor == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Talks in Delhi\n\nNEW DELHI, March 14 (Reuters) - The prime minister met his Japanese counterpart "
           "on Thursday in New Delhi. They last met in 2022.", date(2024, 3, 14)),
    ("nl", "Top in Parijs\n\nPARIJS, 14 maart (ANP) - De premier ontmoette donderdag de Franse president in "
           "het Élysée. De vorige top was in 2022.", date(2024, 3, 14)),
    ("de", "Treffen in Wien\n\nWien, 14. März (APA) - Der Kanzler traf am Donnerstag den österreichischen "
           "Kanzler. Zuletzt hatten sie sich im Jahr 2022 gesehen.", date(2024, 3, 14)),
    ("fr", "Sommet à Rome\n\nROME, 14 mars (AFP) - Le président a rencontré ce jeudi la présidente du Conseil "
           "italien. Leur dernière rencontre a eu lieu en 2022.", date(2024, 3, 14)),
    ("it", "Vertice a Madrid\n\nMADRID, 14 marzo (ANSA) - La premier ha incontrato giovedì il presidente "
           "spagnolo. L'ultimo vertice risale al 2022.", date(2024, 3, 14)),
    ("es", "Cumbre en Lisboa\n\nLISBOA, 14 Mar. (EUROPA PRESS) - El presidente se reunió el jueves con el "
           "primer ministro portugués. La última cumbre fue en 2022.", date(2024, 3, 14)),
    # The weekday before the dateline's day is consistent too: the year stays.
    ("en", "Talks in Delhi\n\nNEW DELHI, March 15 (Reuters) - The prime minister met his Japanese counterpart "
           "on Wednesday in New Delhi. They last met in 2023.", date(2023, 3, 15)),
])
def test_yearless_dateline_year_agrees_with_the_weekday_its_sentence_names(language, text, expected):
    doc = prepare(article(language, text, published=None))
    assert doc.anchor == expected
    assert main_date(extract_dates(doc)) == expected.isoformat()


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The two leaders spent the whole day in Vladivostok. Kim had arrived on Wednesday for the visit. "
           "Putin met Kim for talks and said on Thursday that Russia will send food aid."),
    ("de", "Die beiden Staatschefs verbrachten den ganzen Tag in Wladiwostok. Kim war am Mittwoch zu dem "
           "Besuch angereist. Putin traf Kim zu Gesprächen und sagte am Donnerstag, Russland werde Hilfe schicken."),
    ("es", "Los dos líderes pasaron todo el día en Vladivostok. Kim había llegado el miércoles para la visita. "
           "Putin se reunió con Kim y dijo el jueves que Rusia enviará ayuda."),
])
def test_future_reported_after_a_meeting_day_keeps_it_main(language, text):
    assert main_date(extract_dates(prepare(article(language, text)))) == "2019-04-25"


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "The next round of talks is in February.", {"in February": "2020-02"}),
    ("en", "The talks were held in February.", {"in February": "2019-02"}),
    ("nl", "Het volgende overleg is in februari.", {"in februari": "2020-02"}),
    ("de", "Das nächste Treffen ist im Februar.", {"im Februar": "2020-02"}),
    ("fr", "Le prochain sommet est en février.", {"en février": "2020-02"}),
    ("it", "Il prossimo vertice è a febbraio.", {"a febbraio": "2020-02"}),
    ("es", "La próxima cumbre es en febrero.", {"en febrero": "2020-02"}),
    ("es", "La cumbre fue en febrero.", {"en febrero": "2019-02"}),
])
def test_a_month_gone_this_year_is_next_years_after_a_next_word(language, text, expected):
    assert found(language, text) == expected


# A day counted from another, opening a paragraph, counts from the meeting's day (Tuesday
# 23 April, the article written on Thursday): the story goes on with the meeting.
DAYS_AFTER_IN_A_NEW_PARAGRAPH = [
    ("en", "Summit\n\nThe leaders met in Vilnius on Tuesday.\n\nThe day before, Erdogan had lifted his veto.\n\n"
           "The next day, Zelensky joined the council.", {"The day before": "2019-04-22", "The next day": "2019-04-24"}),
    ("fr", "Sommet\n\nLes dirigeants se sont réunis mardi à Vilnius.\n\nLa veille au soir, Erdogan avait levé son veto.\n\n"
           "Le lendemain, Zelensky a participé au conseil.", {"La veille au soir": "2019-04-22",
                                                            "Le lendemain": "2019-04-24"}),
    ("de", "Gipfel\n\nDie Staats- und Regierungschefs trafen sich am Dienstag in Vilnius.\n\nAm Vortag hatte Erdogan sein Veto "
           "aufgegeben.\n\nAm Tag darauf nahm Selenskyj am Rat teil.", {"Am Vortag": "2019-04-22",
                                                                       "Am Tag darauf": "2019-04-24"}),
    ("it", "Vertice\n\nI leader si sono riuniti martedì a Vilnius.\n\nIl giorno prima Erdogan aveva tolto il veto.\n\n"
           "Il giorno dopo Zelensky ha partecipato al consiglio.", {"Il giorno prima": "2019-04-22",
                                                                  "Il giorno dopo": "2019-04-24"}),
    ("es", "Cumbre\n\nLos líderes se reunieron el martes en Vilna.\n\nLa víspera, Erdogan había levantado su veto.\n\n"
           "Al día siguiente, Zelenski participó en el consejo.", {"La víspera": "2019-04-22",
                                                                  "Al día siguiente": "2019-04-24"}),
    ("nl", "Top\n\nDe leiders kwamen dinsdag bijeen in Vilnius.\n\nDe dag ervoor had Erdogan zijn veto ingetrokken.\n\n"
           "De dag erna nam Zelensky deel aan de raad.", {"De dag ervoor": "2019-04-22", "De dag erna": "2019-04-24"}),
]


@pytest.mark.parametrize(("language", "text", "expected"), DAYS_AFTER_IN_A_NEW_PARAGRAPH)
def test_a_day_counted_from_another_in_a_new_paragraph_counts_from_the_meeting_s_day(language, text, expected):
    values = found(language, text)
    assert {k: values.get(k) for k in expected} == expected


def test_a_cookie_banner_above_the_article_is_not_its_lead():
    text = ("Macron bij Xi\n\nWij gebruiken cookies en vergelijkbare technieken om de website goed te laten werken. "
            "Klik om verder te gaan.\n\nDe Franse president Emmanuel Macron heeft Xi Jinping woensdag ontmoet "
            "in Peking.\n\nDonderdag reist Macron door naar Kanton, waar Xi hem opnieuw ontvangt voor een gesprek.")
    doc = prepare(article("nl", text, published=date(2023, 4, 6)))
    assert doc.sentences[lead_sentence(doc)].text.startswith("De Franse president")
    assert main_date(extract_dates(doc)) == "2023-04-05"


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("nl", "Trump in Noord-Korea\n\nHet was een beeld dat tot voor kort ondenkbaar leek. Zondagmiddag liep de "
           "president naar de grens en schudde Kim de hand.\n\nDe ontmoeting werd laat georganiseerd. "
           "Zaterdagochtend had Trump vanuit Osaka, waar hij de G20-top bijwoonde, op Twitter geschreven.",
     "2019-06-30"),
    ("en", "Trump in North Korea\n\nIt was a picture that seemed unthinkable. On Sunday afternoon the president "
           "walked to the border and shook hands with Kim.\n\nThe meeting was set up late. On Saturday Trump, "
           "who attended the G20 summit in Osaka, had written on Twitter.", "2019-06-30"),
])
def test_a_lead_of_colour_hands_the_lead_to_the_first_sentence_with_a_day(language, text, expected):
    assert main_date(extract_dates(prepare(article(language, text, published=date(2019, 6, 30))))) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    # The place's country or state between the place and the day.
    ("en", "Talks in Accra\n\nACCRA, Ghana, June 3 (Reuters) - The leaders met in Accra on Saturday. "
           "The bloc last met in 2022.", date(2023, 6, 3)),
    ("en", "Talks in Austin\n\nAUSTIN, Texas, March 4 (Reuters) - The governors met on Saturday. "
           "They last met in 2021.", date(2023, 3, 4)),
])
def test_yearless_dateline_with_the_places_country(language, text, expected):
    assert prepare(article(language, text, published=None)).anchor == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    # A target year (2030) is no clue to when the article was written, even on the lead's weekday.
    ("es", "Acuerdan elevar el comercio hasta los 100.000 millones de dólares en 2030\n\nMOSCÚ, 9 Jul. "
           "(EUROPA PRESS) - Los presidentes han acordado este martes en Moscú elevar el comercio (unos "
           "92.400 millones de euros) en 2030. Es su primer encuentro desde 2022.", date(2024, 7, 9)),
    ("en", "Leaders aim to double trade\n\nMOSCOW, July 9 (Reuters) - The leaders met on Tuesday and agreed "
           "to raise trade to $100 billion in 2030. They had last met in 2022.", date(2024, 7, 9)),
    ("fr", "Sommet à Dakar\n\nDAKAR, 18 novembre (AFP) - Les chefs d'État se sont réunis samedi à Dakar "
           "avec l'objectif de doubler les échanges en 2029. Ils s'étaient vus en 2022.", date(2023, 11, 18)),
])
def test_a_target_year_does_not_date_a_yearless_dateline(language, text, expected):
    assert prepare(article(language, text, published=None)).anchor == expected


def main_days(language: str, text: str, published: date | None = THURSDAY) -> set[str]:
    """The main days of an article read by every stage (the places come before the dates)."""
    from generator.extract import run_stages
    return {f.value for f in run_stages(prepare(article(language, text, published))).dates if f.main}


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Leaders meet in Moscow\n\nThe two leaders held talks in Moscow on Thursday. The formal talks "
           "followed an informal dinner at the president's residence outside Moscow on Wednesday.",
     {"2019-04-24", "2019-04-25"}),
    ("de", "Gipfel in Hanoi\n\nDer Gipfel in Hanoi endete am Donnerstag ohne Einigung. Das Treffen hatte "
           "begonnen, und zwar am Mittwoch mit einem Abendessen in Hanoi.", {"2019-04-25"}),
    ("de", "Gipfel in Hanoi\n\nDer Gipfel in Hanoi endete am Donnerstag ohne Einigung. Das Treffen "
           "begann am Mittwoch mit einem Abendessen in Hanoi.", {"2019-04-24", "2019-04-25"}),
])
def test_a_meeting_of_two_days_has_two_main_days(language, text, expected):
    # (the pluperfect "hatte begonnen" tells what came before the news)
    assert main_days(language, text) == expected


@pytest.mark.parametrize(("language", "text"), [
    # an arrival is not the meeting
    ("fr", "Macron à Pékin\n\nEmmanuel Macron a rencontré jeudi Xi Jinping à Pékin. Ils ont été rejoints par "
           "la présidente de la Commission, arrivée mercredi à Pékin, pour une réunion."),
    # a meeting far away on the day before is another one
    ("en", "Summit in Geneva\n\nThe two presidents met in Geneva on Thursday. The summit capped a trip that "
           "took him to a NATO summit in Brussels on Wednesday."),
    # a day after the article was written is still to come
    ("en", "Summit in Geneva\n\nThe two presidents met in Geneva on Thursday. Tomorrow they meet again."),
])
def test_days_around_the_meeting_that_are_not_its_own(language, text):
    assert main_days(language, text) == {"2019-04-25"}


def test_a_photo_caption_is_not_the_lead():
    text = ("Leaders meet\n\nPhoto: The prime minister with the president at the palace on Monday.\n\n"
            "The prime minister and the president held talks on Tuesday in the capital.")
    doc = prepare(article("en", text))
    assert doc.sentences[lead_sentence(doc)].text.startswith("The prime minister and")


def test_a_meeting_with_someone_else_the_day_before_is_not_the_meetings_day():
    text = ("Leaders meet in London\n\nPrime Minister Keir Starmer received Prime Minister Mark Carney in "
            "London on Thursday for talks. He also met King Charles at Windsor Castle on Wednesday.")
    from generator.extract import run_stages
    doc = run_stages(prepare(article("en", text)))
    assert {p.name: p.present for p in doc.people}.get("King Charles") is not True
    assert {f.value for f in doc.dates if f.main} == {"2019-04-25"}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Trade to double\n\nMOSCOW, July 9 (Reuters) - Putin and Modi met on Tuesday in Moscow. Trade of "
           "$100 billion in 2030 is the goal they set. Modi was last in Moscow in 2019."),
    ("nl", "Handel verdubbeld\n\nMOSKOU, 9 juli (ANP) - Poetin en Modi spraken dinsdag in Moskou. Ze willen de "
           "handel in 2030 verdubbelen. Modi was eerder in 2019 in Moskou."),
    ("nl", "Handel verdubbeld\n\nMOSKOU, 9 juli (ANP) - Poetin en Modi spraken dinsdag in Moskou. Tegen 2030 "
           "moet de handel 100 miljard dollar zijn. Modi was eerder in 2019 in Moskou."),
    ("de", "Handel\n\nMoskau, 9. Juli (dpa) - Putin und Modi trafen sich am Dienstag in Moskau. Den Handel "
           "wollen sie im Jahr 2030 verdoppeln. Modi war zuletzt im Jahr 2019 in Moskau."),
    ("fr", "Commerce\n\nMOSCOU, 9 juillet (AFP) - Poutine et Modi se sont rencontrés mardi à Moscou. Les "
           "échanges en 2030 doivent atteindre 100 milliards de dollars. Modi y était venu en 2019."),
    ("it", "Commercio\n\nMOSCA, 9 luglio (ANSA) - Putin e Modi si sono incontrati martedì a Mosca. Gli scambi "
           "entro il 2030 devono raggiungere 100 miliardi di dollari. Modi era stato a Mosca nel 2019."),
    ("es", "Comercio\n\nMOSCÚ, 9 Jul. (EUROPA PRESS) - Putin y Modi se reunieron el martes en Moscú. Quieren "
           "que para 2030 el comercio llegue a 100.000 millones de dólares. Modi estuvo en Moscú en 2019."),
])
def test_a_target_year_written_anywhere_in_its_sentence_does_not_date_the_article(language, text):
    # 9 July was a Tuesday in 2019 and in 2030: only the year the text reports may date it.
    assert prepare(article(language, text, published=None)).anchor == date(2019, 7, 9)


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "In 2030 trade should double, the leaders agreed on 8 April.", {"In 2030": "2030", "8 April": "2019-04-08"}),
    ("nl", "In 2030 moet de handel verdubbelen, spraken de leiders op 8 april af.",
     {"In 2030": "2030", "8 april": "2019-04-08"}),
    ("nl", "Tegen 2030 moet de handel verdubbeld zijn, spraken de leiders op 8 april af.",
     {"Tegen 2030": "2030", "8 april": "2019-04-08"}),
    ("de", "Im Jahr 2030 soll der Handel sich verdoppeln, vereinbarten die Staatschefs am 8. April.",
     {"Im Jahr 2030": "2030", "8. April": "2019-04-08"}),
    ("fr", "En 2030, les échanges doivent doubler, ont convenu les dirigeants le 8 avril.",
     {"En 2030": "2030", "8 avril": "2019-04-08"}),
    ("it", "Nel 2030 gli scambi dovranno raddoppiare, hanno concordato i leader l'8 aprile.",
     {"Nel 2030": "2030", "8 aprile": "2019-04-08"}),
    ("es", "Para 2030 el comercio debe duplicarse, acordaron los líderes el 8 de abril.",
     {"Para 2030": "2030", "8 de abril": "2019-04-08"}),
])
def test_a_target_year_never_becomes_the_year_of_a_day_in_its_sentence(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Putin arrived on Wednesday. Later that day, he met Kim.",
     {"Wednesday": "2019-04-24", "Later that day": "2019-04-24"}),
    ("fr", "Poutine est arrivé mercredi. Plus tard dans la journée, il a rencontré Kim.",
     {"mercredi": "2019-04-24", "Plus tard dans la journée": "2019-04-24"}),
    ("de", "Putin kam am Mittwoch an. Später am Tag traf er Kim.",
     {"Mittwoch": "2019-04-24", "Später am Tag": "2019-04-24"}),
    ("it", "Putin è arrivato mercoledì. Più tardi quel giorno ha incontrato Kim.",
     {"mercoledì": "2019-04-24", "Più tardi quel giorno": "2019-04-24"}),
    ("es", "Putin llegó el miércoles. Más tarde ese día se reunió con Kim.",
     {"miércoles": "2019-04-24", "Más tarde ese día": "2019-04-24"}),
    ("nl", "Poetin kwam woensdag aan. Later die dag sprak hij Kim.",
     {"woensdag": "2019-04-24", "Later die dag": "2019-04-24"}),
])
def test_later_that_day_is_the_day_last_named(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "The economy shrank between January and March.", {"between January": "2019-01", "March": "2019-03"}),
    ("fr", "L'économie s'est contractée entre janvier et mars.", {"entre janvier": "2019-01", "mars": "2019-03"}),
    ("de", "Die Wirtschaft schrumpfte zwischen Januar und März.", {"zwischen Januar": "2019-01", "März": "2019-03"}),
    ("it", "L'economia si è contratta tra gennaio e marzo.", {"tra gennaio": "2019-01", "marzo": "2019-03"}),
    ("es", "La economía se contrajo entre enero y marzo.", {"entre enero": "2019-01", "marzo": "2019-03"}),
    ("nl", "De economie kromp tussen januari en maart.", {"tussen januari": "2019-01", "maart": "2019-03"}),
    # the second month of a list takes the first one's year, the next one when it comes earlier
    ("it", "Si voterà tra novembre e febbraio.", {"tra novembre": "2019-11", "febbraio": "2020-02"}),
])
def test_months_between_two_named_months_share_a_year(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "A hearing has been scheduled for April 2 in Washington.", {"April 2": "2020-04-02"}),
    ("fr", "Une audience a été fixée au 2 avril à Paris.", {"2 avril": "2020-04-02"}),
    ("de", "Die Anhörung ist für den 2. April angesetzt.", {"2. April": "2020-04-02"}),
    ("it", "Un'udienza è stata fissata per il 2 aprile a Roma.", {"2 aprile": "2020-04-02"}),
    ("es", "Una audiencia ha sido programada para el 2 de abril en Madrid.", {"2 de abril": "2020-04-02"}),
    ("nl", "Een hoorzitting is vastgesteld op 2 april in Den Haag.", {"2 april": "2020-04-02"}),
])
def test_a_day_set_for_an_event_is_still_to_come(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "A decision is expected early next month.", {"early next month": "2019-05"}),
    ("fr", "Une décision est attendue au début du mois prochain.", {"début du mois prochain": "2019-05"}),
    ("de", "Eine Entscheidung wird Anfang nächsten Monats erwartet.", {"Anfang nächsten Monats": "2019-05"}),
    ("it", "Una decisione è attesa all'inizio del mese prossimo.", {"inizio del mese prossimo": "2019-05"}),
    ("es", "Se espera una decisión a principios del próximo mes.", {"principios del próximo mes": "2019-05"}),
    ("nl", "Een besluit wordt begin volgende maand verwacht.", {"begin volgende maand": "2019-05"}),
])
def test_early_next_month_is_next_month(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Growth slowed compared with the period 1982-1990.", {"1982": "1982", "1990": "1990"}),
    ("fr", "La croissance ralentit par rapport à la période 1982-1990.", {"1982": "1982", "1990": "1990"}),
    ("de", "Das Wachstum war höher als im Zeitraum 1982-1990.", {"1982": "1982", "1990": "1990"}),
    ("it", "La crescita rallenta rispetto al periodo 1982-1990.", {"1982": "1982", "1990": "1990"}),
    ("es", "El crecimiento se frenó respecto al periodo 1982-1990.", {"1982": "1982", "1990": "1990"}),
    ("nl", "De groei was lager dan in de periode 1982-1990.", {"1982": "1982", "1990": "1990"}),
    ("fr", "La première réunion de la saison 2002/2003 aura lieu au village.", {"2002": "2002", "2003": "2003"}),
])
def test_a_span_of_years_names_both(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "The minister said yesterday, Wednesday, that talks went well.", {"yesterday, Wednesday": "2019-04-24"}),
    ("fr", "Le ministre fera l'annonce aujourd'hui jeudi.", {"aujourd'hui jeudi": "2019-04-25"}),
    ("de", "Der Minister sagte gestern Mittwoch, die Gespräche seien gut verlaufen.", {"gestern Mittwoch": "2019-04-24"}),
    ("it", "Il ministro ha detto ieri mercoledì che i colloqui sono andati bene.", {"ieri mercoledì": "2019-04-24"}),
    ("es", "El ministro dijo ayer miércoles que las conversaciones fueron bien.", {"ayer miércoles": "2019-04-24"}),
    ("nl", "De minister zei gisteren woensdag dat de gesprekken goed verliepen.", {"gisteren woensdag": "2019-04-24"}),
])
def test_a_relative_day_and_the_weekday_naming_it_are_one_date(language, text, expected):
    assert found(language, text) == expected


@pytest.mark.parametrize(("language", "text"), [
    ("en", "The clean-up will be held again on the first Sunday of spring."),
    ("fr", "L'opération sera renouvelée le premier dimanche du printemps."),
    ("de", "Die Aktion wird am ersten Sonntag im Frühling wiederholt."),
    ("it", "L'iniziativa sarà ripetuta l'ultima domenica di primavera."),
    ("es", "La operación se repetirá el primer domingo de la primavera."),
    ("nl", "De actie wordt herhaald op de eerste zondag van de lente."),
])
def test_the_first_sunday_of_a_season_is_no_day_near_the_anchor(language, text):
    assert found(language, text) == {}


@pytest.mark.parametrize(("language", "text", "expected"), [
    # anchor 25 April 2019: a date set off by itself takes the tense of the verb before it
    ("en", "The court questioned a witness to the attack on the policeman, on 20 June in Lens.", {"20 June": "2018-06-20"}),
    ("fr", "Le tribunal a entendu un témoin du lynchage du gendarme, le 20 juin à Lens.", {"20 juin": "2018-06-20"}),
    ("de", "Das Gericht hat einen Zeugen des Angriffs auf den Polizisten gehört, am 20. Juni in Lens.",
     {"20. Juni": "2018-06-20"}),
    ("it", "Il tribunale ha sentito un testimone dell'aggressione al gendarme, il 20 giugno a Lens.",
     {"20 giugno": "2018-06-20"}),
    ("es", "El tribunal escuchó a un testigo del ataque al gendarme, el 20 de junio en Lens.",
     {"20 de junio": "2018-06-20"}),
    ("nl", "De rechtbank heeft een getuige van de aanval op de agent gehoord, op 20 juni in Lens.",
     {"20 juni": "2018-06-20"}),
    ("fr", "Le tribunal entendra un témoin du lynchage du gendarme, le 20 juin à Lens.", {"20 juin": "2019-06-20"}),
])
def test_a_date_set_off_by_itself_takes_the_tense_of_the_verb_before_it(language, text, expected):
    assert found(language, text) == expected


# Undated reports of the Pyongyang summit: the lead names a weekday (Wednesday 19 September
# 2018), the text the day before with its weekday, and a background meeting (27 April 2018).
UNDATED_LEADS = {
    "en": ("Accord in Pyongyang\n\nMoon and Kim signed an agreement on Wednesday in Pyongyang after talks.",
           "Moon had arrived on Tuesday, 18 September 2018.", "Their first summit was held on 27 April 2018."),
    "fr": ("Accord à Pyongyang\n\nMoon et Kim ont signé un accord mercredi à Pyongyang après des pourparlers.",
           "Moon était arrivé le mardi 18 septembre 2018.", "Leur premier sommet a eu lieu le 27 avril 2018."),
    "de": ("Abkommen in Pjöngjang\n\nMoon und Kim unterzeichneten am Mittwoch in Pjöngjang ein Abkommen.",
           "Moon war am Dienstag, 18. September 2018, angereist.",
           "Ihr erster Gipfel fand am 27. April 2018 statt."),
    "it": ("Accordo a Pyongyang\n\nMoon e Kim hanno firmato mercoledì a Pyongyang un accordo dopo i colloqui.",
           "Moon era arrivato martedì 18 settembre 2018.", "Il loro primo vertice si è svolto il 27 aprile 2018."),
    "es": ("Acuerdo en Pyongyang\n\nMoon y Kim firmaron el miércoles en Pyongyang un acuerdo tras las conversaciones.",
           "Moon había llegado el martes 18 de septiembre de 2018.",
           "Su primera cumbre se celebró el 27 de abril de 2018."),
    "nl": ("Akkoord in Pyongyang\n\nMoon en Kim ondertekenden woensdag in Pyongyang een akkoord na overleg.",
           "Moon was aangekomen op dinsdag 18 september 2018.", "Hun eerste top vond plaats op 27 april 2018."),
}


@pytest.mark.parametrize("language", sorted(UNDATED_LEADS))
def test_an_undated_article_reads_its_weekdays_next_to_the_day_it_reports(language):
    lead, arrival, background = UNDATED_LEADS[language]
    doc = prepare(article(language, " ".join((lead, arrival, background)), published=None))
    assert doc.anchor is None
    assert main_date(extract_dates(doc)) == "2018-09-19"


@pytest.mark.parametrize("language", sorted(UNDATED_LEADS))
def test_an_undated_article_whose_weekday_nothing_anchors_has_no_main_day(language):
    lead, _, background = UNDATED_LEADS[language]
    facts = extract_dates(prepare(article(language, " ".join((lead, background)), published=None)))
    assert main_date(facts) is None  # not the earlier meeting's 27 April, a Friday
    assert [f.value for f in facts] == ["2018-04-27"]


@pytest.mark.parametrize(("language", "text", "expected"), [
    ("en", "Sales fell 35% in March, compared to the same month a year ago.",
     {"in March": "2019-03", "same month a year ago": "2018-03"}),
    ("fr", "Les ventes ont baissé de 35 % en mars par rapport au même mois de l'année dernière.",
     {"en mars": "2019-03", "même mois de l'année dernière": "2018-03"}),
    ("de", "Der Absatz sank im März um 35 Prozent im Vergleich zum gleichen Monat des Vorjahres.",
     {"im März": "2019-03", "gleichen Monat des Vorjahres": "2018-03"}),
    ("it", "Le vendite sono calate del 35% a marzo rispetto allo stesso mese dell'anno scorso.",
     {"a marzo": "2019-03", "stesso mese dell'anno scorso": "2018-03"}),
    ("es", "Las ventas cayeron un 35% en marzo respecto al mismo mes del año pasado.",
     {"en marzo": "2019-03", "mismo mes del año pasado": "2018-03"}),
    ("nl", "De verkoop daalde in maart met 35 procent ten opzichte van dezelfde maand vorig jaar.",
     {"in maart": "2019-03", "dezelfde maand vorig jaar": "2018-03"}),
    # no month named: the anchor's month
    ("en", "Sales rose compared to the same period last year.", {"same period last year": "2018-04"}),
])
def test_the_same_month_a_year_ago_is_the_month_last_named_a_year_before(language, text, expected):
    assert found(language, text) == expected


def test_a_weekday_ending_a_title_is_not_the_weekday_of_the_dateline_below_it():
    text = "Markets to stay closed until Friday\n\nSeptember 18, 2008\n\nThe markets stay closed until Friday."
    assert found("en", text, published=date(2008, 9, 18)) == {
        "Friday": "2008-09-19", "September 18, 2008": "2008-09-18"}


@pytest.mark.parametrize(("language", "lead"), [
    ("en", "Accord in Pyongyang\n\nMoon and Kim signed an agreement yesterday, Wednesday, in Pyongyang."),
    ("fr", "Accord à Pyongyang\n\nMoon et Kim ont signé un accord hier mercredi à Pyongyang."),
    ("de", "Abkommen in Pjöngjang\n\nMoon und Kim unterzeichneten gestern Mittwoch in Pjöngjang ein Abkommen."),
    ("it", "Accordo a Pyongyang\n\nMoon e Kim hanno firmato ieri mercoledì a Pyongyang un accordo."),
    ("es", "Acuerdo en Pyongyang\n\nMoon y Kim firmaron ayer miércoles en Pyongyang un acuerdo."),
    ("nl", "Akkoord in Pyongyang\n\nMoon en Kim ondertekenden gisteren woensdag in Pyongyang een akkoord."),
])
def test_an_undated_yesterday_that_names_its_weekday_is_read_like_the_weekday(language, lead):
    _, arrival, background = UNDATED_LEADS[language]
    with_arrival = prepare(article(language, " ".join((lead, arrival, background)), published=None))
    assert main_date(extract_dates(with_arrival)) == "2018-09-19"
    without = prepare(article(language, " ".join((lead, background)), published=None))
    assert main_date(extract_dates(without)) is None


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Biden in Kyiv\n\nJoe Biden arrived in Kyiv by train on Monday. Zelensky "
           "received him at the Mariinsky Palace.\n\nToday Biden is in Warsaw, where he meets Andrzej Duda."),
    ("de", "Biden in Kiew\n\nJoe Biden ist am Montag mit dem Zug in Kiew eingetroffen. "
           "Selenskyj empfing ihn im Mariinski-Palast.\n\nHeute ist Biden in Warschau, wo er Andrzej Duda trifft."),
    ("fr", "Biden à Kiev\n\nJoe Biden est arrivé lundi à Kiev en train. "
           "Zelensky l'a reçu au palais Mariinsky.\n\nAujourd'hui, Biden est à Varsovie, où il rencontre Andrzej Duda."),
    ("it", "Biden a Kiev\n\nJoe Biden è arrivato lunedì a Kiev in treno. Zelensky lo "
           "ha ricevuto al palazzo Mariinsky.\n\nOggi Biden è a Varsavia, dove incontra Andrzej Duda."),
    ("es", "Biden en Kiev\n\nJoe Biden llegó el lunes a Kiev en tren. Zelenski lo "
           "recibió en el palacio Mariinski.\n\nHoy Biden está en Varsovia, donde se reúne con Andrzej Duda."),
    ("nl", "Biden in Kiev\n\nJoe Biden is maandag met de trein in Kiev aangekomen. "
           "Zelensky ontving hem in het Mariinski-paleis.\n\nVandaag is Biden in Warschau, waar hij Andrzej Duda ontmoet."),
])
def test_a_meeting_today_in_a_far_town_is_not_the_main_day(language, text):
    assert main_days(language, text) == {"2019-04-22"}


@pytest.mark.parametrize("language, text, meeting", [
    ("it", "Vertice a Camp David\nWASHINGTON, 25 APR - Un vertice storico. Il presidente Biden ha accolto ieri a "
           "Camp David il premier giapponese.", "2019-04-24"),
    ("en", "Summit at Camp David\nWASHINGTON, April 25 (Reuters) - President Biden hosted the Japanese prime minister "
           "at Camp David on Wednesday for a summit.", "2019-04-24"),
    # with no other day named, the dateline's is the best guess
    ("en", "Summit at Camp David\nWASHINGTON, April 25 (Reuters) - President Biden hosted the Japanese prime minister "
           "at Camp David for a summit.", "2019-04-25"),
])
def test_a_wire_dateline_says_when_the_report_was_filed_not_when_they_met(language, text, meeting):
    facts = extract_dates(prepare(article(language, text)))
    assert main_date(facts) == meeting
    assert {f.value for f in facts if f.main} == {meeting}


@pytest.mark.parametrize(("language", "text"), [
    ("en", "Thirty years on\nThirty years ago today, Reagan and Gorbachev sat down in Reykjavik for a summit."),
    ("de", "Gipfel\nHeute vor dreißig Jahren trafen sich Reagan und Gorbatschow in Reykjavik zum Gipfel."),
    ("fr", "Sommet\nIl y a trente ans jour pour jour, Reagan et Gorbatchev se retrouvaient à Reykjavik pour un sommet."),
    ("nl", "Top\nVandaag precies dertig jaar geleden ontmoetten Reagan en Gorbatsjov elkaar in Reykjavik."),
])
def test_years_ago_today_is_that_day_years_back(language, text):
    facts = extract_dates(prepare(article(language, text, published=date(2016, 10, 11))))
    assert main_date(facts) == "1986-10-11"


# An undated article naming its day with the weekday but no year: 4 February was a Monday
# in 2019, the first such year from 2017, the latest year the text states.
WEEKDAY_DAYS_WITHOUT_YEAR = [
    ("en", "The pope and the grand imam signed a joint document on Monday, February 4 in Abu Dhabi. "
           "The pope had visited Cairo in April 2017."),
    ("fr", "Le pape et le grand imam ont signé lundi 4 février à Abou Dhabi un document commun. "
           "Le pape s'était rendu au Caire en avril 2017."),
    ("de", "Der Papst und der Großimam unterzeichneten am Montag, 4. Februar, in Abu Dhabi ein Dokument. "
           "Der Papst war im April 2017 in Kairo."),
    ("it", "Il papa e il grande imam hanno firmato lunedì 4 febbraio ad Abu Dhabi un documento comune. "
           "Il papa era stato al Cairo nell'aprile 2017."),
    ("es", "El papa y el gran imán firmaron el lunes 4 de febrero en Abu Dabi un documento común. "
           "El papa había visitado El Cairo en abril de 2017."),
    ("nl", "De paus en de grootimam ondertekenden maandag 4 februari in Abu Dhabi een gezamenlijk document. "
           "De paus was in april 2017 in Caïro."),
]


@pytest.mark.parametrize(("language", "text"), WEEKDAY_DAYS_WITHOUT_YEAR)
def test_an_undated_day_with_its_weekday_takes_the_first_year_from_the_text_s_that_fits(language, text):
    doc = prepare(article(language, text, published=None))
    assert doc.anchor is None
    assert main_date(extract_dates(doc)) == "2019-02-04"


def test_an_undated_day_with_its_weekday_and_no_year_stated_stays_unknown():
    doc = prepare(article("en", "The pope and the grand imam signed a joint document on Monday, February 4.",
                          published=None))
    assert main_date(extract_dates(doc)) is None


# A meeting of several days written as one range or list: each day is the meeting's.
MEETING_DAY_RANGES = [
    ("en", "Reagan and Gorbachev met for a summit in Reykjavik on October 11 and 12, 1986.", "1986-10-14",
     {"1986-10-11", "1986-10-12"}),
    ("en", "NATO leaders met for the summit in Madrid on June 28-30.", "2022-07-01",
     {"2022-06-28", "2022-06-30"}),
    ("fr", "Les dirigeants se sont réunis à Madrid les 28 et 29 juin pour le sommet.", "2022-07-01",
     {"2022-06-28", "2022-06-29"}),
    ("de", "Die Staats- und Regierungschefs trafen sich am 28. und 29. Juni in Madrid zum Gipfel.", "2022-07-01",
     {"2022-06-28", "2022-06-29"}),
    ("it", "I leader si sono riuniti a Madrid il 28 e 29 giugno per il vertice.", "2022-07-01",
     {"2022-06-28", "2022-06-29"}),
    ("es", "Los líderes se reunieron en Madrid el 28 y 29 de junio en la cumbre.", "2022-07-01",
     {"2022-06-28", "2022-06-29"}),
    ("nl", "De leiders kwamen van 28 tot 30 juni 2022 bijeen in Madrid voor de top.", "2022-07-05",
     {"2022-06-28", "2022-06-30"}),
]


@pytest.mark.parametrize(("language", "text", "published", "days"), MEETING_DAY_RANGES)
def test_every_day_of_a_meeting_s_range_or_list_is_main(language, text, published, days):
    facts = extract_dates(prepare(article(language, text, published=date.fromisoformat(published))))
    assert {f.value for f in facts if f.main} == days
    assert {f.value for f in facts} == days


def test_a_range_longer_than_a_meeting_marks_only_the_meeting_s_day():
    text = ("The leaders met in Berlin on Tuesday. The exhibition they opened runs from June 3 to 9, "
            "the talks were held on June 3.")
    facts = extract_dates(prepare(article("en", text, published=date(2022, 6, 3))))
    assert {f.value for f in facts if f.main} == {"2022-06-03"}
    assert "2022-06-09" in {f.value for f in facts}


# A plan gone by: "had been planned for late March", in an article of Thursday 25 April 2019.
PLANS_GONE_BY = [
    ("en", "The visit had been planned for late March but was postponed.", "late March"),
    ("fr", "Le voyage avait été prévu fin mars, mais il a été reporté.", "fin mars"),
    ("de", "Der Besuch war für Ende März geplant gewesen, wurde aber verschoben.", "Ende März"),
    ("it", "La visita era prevista per fine marzo, ma è stata rinviata.", "fine marzo"),
    ("es", "El viaje había sido previsto para finales de marzo, pero se aplazó.", "finales de marzo"),
    ("nl", "Het bezoek had eind maart moeten plaatsvinden, maar werd uitgesteld.", "eind maart"),
]


@pytest.mark.parametrize(("language", "text", "written"), PLANS_GONE_BY)
def test_a_month_gone_by_in_a_plan_of_the_pluperfect_is_this_year_s(language, text, written):
    assert found(language, text)[written] == "2019-03"


def test_an_italian_month_and_day_take_their_year_after_del():
    text = "Xi, nel marzo del 2023, visitò Mosca; l'accordo fu firmato il 22 luglio del 2022."
    assert found("it", text) == {"marzo del 2023": "2023-03", "22 luglio del 2022": "2022-07-22"}


# The first day of a range that crosses a month end takes the year of the range: the past
# tense of the clause does not put it a year before its last day (article of 25 April 2019).
CROSS_MONTH_RANGES = [
    ("fr", "Les deux présidents ont appelé à une trêve pendant les Jeux, du 26 juillet au 11 août.",
     {"26 juillet": "2019-07-26", "11 août": "2019-08-11"}),
    ("en", "The two presidents called for a truce during the Games, from July 26 to August 11.",
     {"July 26": "2019-07-26", "August 11": "2019-08-11"}),
    ("de", "Die beiden Präsidenten riefen zu einer Waffenruhe während der Spiele vom 26. Juli bis 11. August auf.",
     {"26. Juli": "2019-07-26", "11. August": "2019-08-11"}),
    ("it", "I due presidenti hanno chiesto una tregua durante i Giochi, dal 26 luglio all'11 agosto.",
     {"26 luglio": "2019-07-26", "11 agosto": "2019-08-11"}),
    ("es", "Los dos presidentes pidieron una tregua durante los Juegos, del 26 de julio al 11 de agosto.",
     {"26 de julio": "2019-07-26", "11 de agosto": "2019-08-11"}),
    ("nl", "De twee presidenten riepen op tot een bestand tijdens de Spelen, van 26 juli tot 11 augustus.",
     {"26 juli": "2019-07-26", "11 augustus": "2019-08-11"}),
]


@pytest.mark.parametrize(("language", "text", "expected"), CROSS_MONTH_RANGES)
def test_the_first_day_of_a_range_across_a_month_end_takes_the_range_s_year(language, text, expected):
    values = found(language, text)
    assert {k: values.get(k) for k in expected} == expected
