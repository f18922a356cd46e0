"""The built site in a real browser: search, fact sheet, citations, safety, console."""
from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

EVENT = "/events/2024-03-12-berger-moreno-lisbon/"
HOSTILE = "/sources/en_hostile_markup/"


def visit(page, path: str) -> None:
    page.goto(page.base + path, wait_until="load")


def screenshot(page, path) -> None:
    """The whole page at once: the viewport grows to the page's height first, because
    Material fades its sticky tabs in a scrolled full-page capture."""
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": page.evaluate("document.documentElement.scrollHeight")})
    page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def search(page, query: str) -> None:
    """Type a query, key by key as a reader does (Material searches on key events),
    once the search index has loaded (before, it says "Initializing search")."""
    page.locator(".md-search__input").first.click()
    page.locator(".md-search-result__meta").filter(has_text="Type to start searching").wait_for(timeout=15_000)
    page.locator("input.md-search__input").press_sequentially(query)


def assert_clean(page) -> None:
    assert page.log.errors == [], page.log.errors
    assert page.log.dialogs == [], page.log.dialogs
    assert page.log.outside == [], page.log.outside


def test_home_lists_events_newest_first(page, screenshots):
    visit(page, "/")
    titles = page.locator(".fs-events a.fs-event-title").all_inner_texts()
    assert titles[:2] == ["Anna Berger meets Luis Moreno in Lisbon", "Erik Dahl receives Mia Virtanen in Oslo"]
    first = page.locator(".fs-events li").first.inner_text()
    for expected in ("12 March 2024", "Lisbon", "Anna Berger, Luis Moreno", "Outcome:", "3 articles in 3 languages"):
        assert expected in first, expected
    screenshot(page, screenshots / "home.png")
    assert_clean(page)


@pytest.mark.parametrize("spelling", ["Bergerová", "Anna Berger", "Berger"])
def test_search_finds_a_person_by_any_spelling(page, spelling):
    visit(page, "/")
    search(page, spelling)
    person = page.locator('.md-search-result__item a[href*="people/anna-berger/"]').first
    person.wait_for(timeout=10_000)
    assert person.is_visible()
    assert_clean(page)


def test_event_page_shows_summary_map_and_timeline(page, screenshots):
    visit(page, EVENT)
    summary = page.locator(".fs-summary")
    assert summary.is_visible()
    text = summary.inner_text()
    for expected in ("12 March 2024", "Lisbon", "Anna Berger", "Luis Moreno", "Headline outcome",
                     "3 articles in 3 languages"):
        assert expected in text, expected
    page.locator("#map").scroll_into_view_if_needed()
    page.locator(".fs-map.leaflet-container").wait_for(timeout=10_000)
    # the main venue (Lisbon) is drawn distinctly, the other two places as pins
    assert page.locator(".fs-map .leaflet-marker-icon").count() == 2
    assert page.locator(".fs-map path.leaflet-interactive").count() == 1
    assert page.locator(".fs-timeline li").count() == 3  # the meeting's two days and a later one
    assert page.locator(".admonition.warning").inner_text().startswith("Sources disagree: date")
    screenshot(page, screenshots / "event.png")
    assert_clean(page)


def test_citation_jumps_to_its_highlighted_quote(page):
    visit(page, EVENT)
    marker = page.locator(".fs-summary a.fs-cite").first
    href = marker.get_attribute("href") or ""
    anchor = href.split("#", 1)[1]
    marker.click()
    page.wait_for_url(re.compile(f"#{anchor}$"))
    quote = page.locator(f"mark#{anchor}")
    assert quote.is_visible()
    assert quote.evaluate("el => el.matches(':target')")
    assert any(word in quote.inner_text() for word in ("Abkommen", "agreement", "accord"))  # one agreement, three languages
    box = quote.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, box
    assert_clean(page)


def test_person_page_lists_events_roles_and_aliases(page, screenshots):
    visit(page, "/people/anna-berger/")
    body = page.locator("article").inner_text()
    for expected in ("Bergerová", "Anna Berger meets Luis Moreno in Lisbon", "German Chancellor",
                     "Bundeskanzlerin", "Built from 3 articles"):
        assert expected in body, expected
    screenshot(page, screenshots / "person.png")
    assert_clean(page)


def test_hostile_article_is_shown_as_text(page, screenshots):
    visit(page, HOSTILE)
    article = page.locator("article")
    text = article.inner_text()
    assert '<script>window.__pwned_body=1; alert("xss")</script>' in text
    assert '<img src=x onerror="window.__pwned_img=1">' in text
    assert "**nothing**" in text and "# Not a heading" in text
    assert page.evaluate("[window.__pwned_title, window.__pwned_body, window.__pwned_img]") == [None, None, None]
    assert article.locator("script, img, iframe").count() == 0
    assert article.locator("strong:has-text('nothing')").count() == 0
    assert page.locator(".admonition.danger").count() == 0
    assert page.title().startswith("Source:") and "<" not in page.title()
    screenshot(page, screenshots / "source-hostile.png")
    assert_clean(page)


def test_hostile_text_is_inert_on_every_page_that_quotes_it(page):
    for path in ("/events/2024-02-02-dahl-virtanen-oslo/", "/people/erik-dahl/", "/places/oslo/", "/"):
        visit(page, path)
        assert page.evaluate("[window.__pwned_title, window.__pwned_body, window.__pwned_img]") == [None, None, None]
        assert page.locator("article img:not(.leaflet-tile):not(.leaflet-marker-icon):not(.leaflet-marker-shadow), "
                            "article iframe, article script").count() == 0
    assert_clean(page)


def test_search_for_hostile_text_stays_inert(page):
    visit(page, "/")
    search(page, "envoys")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert page.evaluate("[window.__pwned_title, window.__pwned_body, window.__pwned_img]") == [None, None, None]
    assert page.locator(".md-search-result img, .md-search-result script").count() == 0
    assert_clean(page)


def test_page_reads_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + EVENT)
    assert page.locator(".fs-map").is_hidden()
    assert "38.7223° N, 9.1393° W" in page.locator("article").inner_text()
    context.close()


def test_redirect_from_an_earlier_id(page):
    visit(page, "/events/2024-03-12-lisbon-rail-talks/")
    page.wait_for_url(re.compile(re.escape(EVENT) + "$"), timeout=10_000)
    assert page.locator("article h1").inner_text().startswith("Anna Berger meets Luis Moreno")
    assert_clean(page)
