"""Event titles as the press names a meeting (generator/events/titles.py)."""
from __future__ import annotations

from generator.events.titles import event_title, short_name, stated_format
from generator.records import EventPerson, EventPlace


def person(name, role, present=True, aliases=()):
    return EventPerson(id=name.lower().replace(" ", "-"), name=name, aliases=tuple(aliases) or (name,), role=role,
                       roles_as_written=(), present=present, sources=())


def place(name, kind="city", country=None):
    return EventPlace(id=name.lower(), name=name, type=kind, country=country, lat=None, lon=None, main=True, sources=())


def test_two_leaders_make_a_summit_named_host_first(make_record):
    people = [person("Kim Jong Un", "Leader of North Korea", aliases=("Kim", "Kim Jong Un")),
              person("Vladimir Putin", "President of Russia", aliases=("Putin", "Vladimir Putin")),
              person("Sergei Lavrov", "Foreign Minister of Russia")]
    records = [make_record("a", people=[("Kim Jong Un", None, True), ("Vladimir Putin", None, True),
                                        ("Sergei Lavrov", None, False)])]
    title = event_title(("Kim Jong Un", "Vladimir Putin"), people,
                        [place("Vladivostok"), place("Russia", "country", "RU")], records)
    assert title == "Putin–Kim summit in Vladivostok"


def test_the_leaders_not_the_ministers_beside_them_name_the_meeting(make_record):
    people = [person("Joe Biden", "President of the United States"), person("Jake Sullivan", "National Security Adviser"),
              person("Volodymyr Zelensky", "President of Ukraine")]
    records = [make_record("a", people=[(p.name, None, True) for p in people])]
    title = event_title(("Jake Sullivan", "Joe Biden", "Volodymyr Zelensky"), people,
                        [place("Kyiv"), place("Ukraine", "country", "UA")], records)
    assert title == "Zelensky–Biden summit in Kyiv"


def test_ministers_hold_a_meeting(make_record):
    people = [person("Sergei Lavrov", "Foreign Minister of Russia"), person("Wang Yi", "Foreign Minister of China", aliases=("Wang", "Wang Yi"))]
    records = [make_record("a", people=[(p.name, None, True) for p in people])]
    assert event_title(("Sergei Lavrov", "Wang Yi"), people, [], records) == "Lavrov–Wang meeting"


def test_a_summit_named_by_its_format_in_any_language(make_record):
    leaders = [("Jens Stoltenberg", None, True), ("Joe Biden", None, True), ("Recep Tayyip Erdogan", None, True)]
    people = [person(n, None) for n, _, _ in leaders]
    vilnius = [("Vilnius", "city", "LT", 54.69, 25.28, True)]
    for language, headline in [("fr", "A Vilnius, le sommet de l'Otan ouvre la porte à l'Ukraine"),
                               ("de", "Nato-Gipfel in Vilnius: Zusage an die Ukraine"),
                               ("nl", "NAVO-top in Vilnius belooft Oekraïne lidmaatschap"),
                               ("es", "La cumbre de la OTAN en Vilna promete a Ucrania la adhesión")]:
        record = make_record("a", language=language, people=leaders, places=vilnius)
        record = type(record)(**{**record.__dict__, "title": headline})
        assert event_title(("Joe Biden",), people, [place("Vilnius")], [record]) == "NATO summit in Vilnius", language


def test_a_format_named_only_in_the_background_or_for_two_leaders_does_not_name_the_meeting(make_record):
    pair = [("Keir Starmer", None, True), ("Mark Carney", None, True)]
    record = make_record("a", people=pair)
    record = type(record)(**{**record.__dict__, "title": "Starmer and Carney agree to deepen ties ahead of G7 summit"})
    assert stated_format([record]) == "G7 summit"  # the headline names it ...
    people = [person("Keir Starmer", "Prime Minister of the United Kingdom"), person("Mark Carney", "Prime Minister of Canada")]
    # ... but two leaders met: the title names them
    assert event_title(("Keir Starmer", "Mark Carney"), people, [place("London")], [record]) == \
        "Starmer–Carney summit in London"
    background = make_record("b", people=pair)
    assert stated_format([background]) is None  # "Title of b", and no meeting sentence names a format


def test_short_names_follow_the_articles():
    assert short_name(person("Xi Jinping", None, aliases=("Xi", "Xi Jinping"))) == "Xi"
    assert short_name(person("Luiz Inácio Lula da Silva", None, aliases=("Lula", "Luiz Inácio Lula da Silva"))) == "Lula"
    assert short_name(person("Kim Jong Un", None)) == "Kim"
    assert short_name(person("Mohammed VI", None)) == "Mohammed VI"
    assert short_name(person("Emmanuel Macron", None, aliases=("Macron", "Emmanuel Macron"))) == "Macron"


def test_a_venue_is_where_the_meeting_was_at(make_record):
    people = [person("Donald Trump", "President of the United States"), person("Kim Jong Un", "Leader of North Korea")]
    records = [make_record("a", people=[(p.name, None, True) for p in people])]
    assert event_title(("Donald Trump", "Kim Jong Un"), people, [place("Capella Hotel", "venue")], records) == \
        "Trump–Kim summit at Capella Hotel"
