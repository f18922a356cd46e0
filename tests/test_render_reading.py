"""Render logic that makes a page quick to read: source titles, spellings for search,
collation, descriptions, highlighting, source columns and citation names."""
from __future__ import annotations

from types import SimpleNamespace

from generator.render.common import (Citations, boilerplate, coordinates, display_title, search_terms,
                                     source_rows, spelling_variants)
from generator.render.entity import describe
from generator.render.model import Appearance, Entity, EventSummary, surname, surname_order
from generator.render.place_names import other_names
from generator.render.source import highlighted


def doc(title: str, text: str, outlet: str | None = None, url: str | None = None, published: str | None = None):
    record = SimpleNamespace(title=title, outlet=outlet, url=url, language="en", published=published)
    return SimpleNamespace(record=record, article=SimpleNamespace(text=text))


def test_boilerplate_lines_are_told_from_headlines():
    for line in ("[ad_1]", "{{ad}}", "Advertisement", "Anzeige",
                 "We use cookies to give you the best experience. Accept all cookies"):
        assert boilerplate(line), line
    for line in ("Kim Jong Un meets Putin in Vladivostok", "Putin", "EU and US agree a data privacy framework"):
        assert not boilerplate(line), line


def test_source_title_skips_boilerplate_and_never_cuts_a_word():
    assert display_title(doc("[ad_1]", "[ad_1]\nKim and Putin meet in Vladivostok\nBody.")) == \
        "Kim and Putin meet in Vladivostok"
    cut = doc("Leaders meet in Hanoi to disc", "Leaders meet in Hanoi to discuss the nuclear question\nBody.")
    assert display_title(cut) == "Leaders meet in Hanoi to …"
    whole = doc("Leaders meet in Hanoi", "Leaders meet in Hanoi\nBody.")
    assert display_title(whole) == "Leaders meet in Hanoi"
    paragraph = ("There were polite speeches, the clinking of crystal glasses and costly gifts both ways. "
                 "At the end of the day the two leaders went their own ways without a joint statement.")
    assert display_title(doc(paragraph, paragraph + "\nBody.")) == \
        "There were polite speeches, the clinking of crystal glasses and costly gifts both ways."


def test_spelling_variants_fold_accents_and_transliterations():
    assert "Niinisto" in spelling_variants("Sauli Niinistö")
    assert "Sanchez" in spelling_variants("Pedro Sánchez")
    assert "Erdogan" in spelling_variants("Recep Tayyip Erdoğan")
    assert {"Zelenskyy", "Zelenskyi", "Zelenskiy"} <= spelling_variants("Volodymyr Zelensky")
    assert spelling_variants("Emmanuel Macron") == {"Emmanuel", "Macron"}


def test_search_terms_add_only_spellings_the_page_does_not_show():
    terms = str(search_terms("Recep Tayyip Erdoğan", ["Erdoğan"]))
    assert 'hidden aria-hidden="true"' in terms and "Other spellings: Erdogan<" in terms
    assert str(search_terms("Emmanuel Macron", ["Macron"])) == ""


def test_a_city_is_found_by_its_gazetteer_names():
    names = other_names("Beijing", "CN")
    assert {"Peking", "Pékin", "Pechino", "Pequim"} <= set(names)
    assert other_names("Beijing", "US") == () and other_names("Atlantis", "GR") == ()
    terms = str(search_terms("Beijing", ["Pékin"], names))
    assert "Peking" in terms and "Pechino" in terms and "Pekin," in terms  # as typed without the accent
    assert " Pékin" not in terms  # the page shows it already


def test_people_sort_by_family_name_with_collation():
    names = ["Pedro Sánchez", "Kim Jong Un", "Anna Berger", "Recep Tayyip Erdoğan", "Sauli Niinistö",
             "Mario Draghi", "Eva Šimková", "Luis Sanz"]
    ordered = sorted(names, key=surname_order)
    assert ordered == ["Anna Berger", "Mario Draghi", "Recep Tayyip Erdoğan", "Kim Jong Un", "Sauli Niinistö",
                       "Pedro Sánchez", "Luis Sanz", "Eva Šimková"]
    assert surname("Kim Jong-un") == "Kim" and surname("Moon Jae-in") == "Moon"
    # Chinese names in pinyin put the family name first; Western names that only look short do not
    assert [surname(n) for n in ("Xi Jinping", "Li Qiang", "Wang Yi", "Zhao Leji")] == ["Xi", "Li", "Wang", "Zhao"]
    assert [surname(n) for n in ("Joe Biden", "Olaf Scholz", "Mark Rutte", "Rui Faria", "Ian Chan", "Jan Li")] == \
        ["Biden", "Scholz", "Rutte", "Faria", "Chan", "Li"]


def _person(role: str | None, *seen: tuple[str, str, bool]) -> Entity:
    appearances = tuple(Appearance(EventSummary(f"e{i}", title, date), role, (), present, ())
                        for i, (title, date, present) in enumerate(seen))
    return Entity("person", "p", "Anna Berger", (), appearances, role=role)


def test_a_person_is_described_in_one_line():
    one = _person("Chancellor of Germany", ("Berger meets Moreno in Lisbon", "2024-03-12", True))
    assert describe(one) == "Chancellor of Germany; took part in Berger meets Moreno in Lisbon (12 March 2024)."
    two = _person(None, ("Summit in Oslo", "2024-05-01", True), ("Talks in Rome", "2023-01-02", True))
    assert describe(two) == "Anna Berger; took part in 2 meetings, most recently Summit in Oslo (1 May 2024)."
    absent = _person("Minister", ("Talks in Rome", "2023-01-02", False))
    assert describe(absent) == "Minister; mentioned in 1 event, present at none."


def test_only_marked_spans_are_highlighted_but_all_are_anchored():
    text = "One. Two. Three."
    html = str(highlighted(text, [(0, 4), (5, 9)], frozenset({(5, 9)})))
    assert '<span class="fs-quote fs-quote--plain" id="s-0-4">One&#46;</span>' in html
    assert '<mark class="fs-quote" id="s-5-9">Two&#46;</mark>' in html
    assert html.count("<mark") == 1


def test_empty_source_columns_are_left_out_and_markers_are_named():
    site = SimpleNamespace(sources={"a": doc("A", "A", outlet=None), "b": doc("B", "B", outlet="Tagesspiegel")})
    citations = Citations("../", ["a", "b"], {"a": "A", "b": "Tagesspiegel"})
    rows, filled = source_rows(site, citations)
    assert [r.number for r in rows] == [1, 2] and filled == {"outlet"}
    assert citations.name("b") == "Source 2: Tagesspiegel"
    assert 'aria-label="Source 2: Tagesspiegel"' in str(citations.cite([SimpleNamespace(article="b", start=0, end=1)]))


def test_regions_and_seas_are_listed_not_pinned():
    assert "data-lat" in str(coordinates(1.0, 2.0, "city"))
    assert "data-lat" in str(coordinates(1.0, 2.0, "venue", main=True))
    assert "data-main" in str(coordinates(1.0, 2.0, "venue", main=True))
    for kind in ("region", "country", "other"):
        assert "data-lat" not in str(coordinates(1.0, 2.0, kind)), kind
    assert "data-lat" not in str(coordinates(1.0, 2.0, "region", main=True))
