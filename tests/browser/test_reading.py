"""The site as a reader takes it in: accessibility (axe-core), citation markers, search
for every spelling, the people index, person pages, source pages, map loading and the
mobile layout."""
from __future__ import annotations

from pathlib import Path

import pytest

from .test_site import EVENT, assert_clean, screenshot, search, visit

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
PAGES = {"home": "/", "event": EVENT, "person": "/people/anna-berger/", "place": "/places/lisbon/",
         "source": "/sources/en_lisbon_talks/"}


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.exists(), f"{AXE} is missing: run `npm ci` (make test does)"
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violation(browser, site_url, axe_source, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    found = {}
    for kind, path in PAGES.items():
        page.goto(site_url + path, wait_until="load")
        page.add_script_tag(content=axe_source)
        violations = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']}))
            .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))""")
        if violations:
            found[kind] = violations
    context.close()
    assert found == {}


def test_citation_markers_are_large_and_named(page):
    visit(page, EVENT)
    markers = page.locator(".fs-summary a.fs-cite")
    assert markers.count() >= 1
    for index in range(markers.count()):
        box = markers.nth(index).bounding_box()
        assert box is not None and box["width"] >= 24 and box["height"] >= 24, box
    names = page.locator("a.fs-cite").evaluate_all("els => els.map(e => e.getAttribute('aria-label'))")
    assert {"Source 1: Le Quotidien", "Source 2: Morgenblatt", "Source 3: Harbour Herald"} <= set(names), names
    assert all(name and name.startswith("Source ") and ": " in name for name in names), names
    assert_clean(page)


@pytest.mark.parametrize(("spelling", "target"), [
    ("Bergerova", "people/anna-berger/"),  # accent-free form of "Bergerová"
    ("Lissabon", "places/lisbon/"),        # the German spelling
    ("Lisbonne", "places/lisbon/"),        # the French spelling
    ("Lisbon", "places/lisbon/"),          # the English name
    ("Lisboa", "places/lisbon/"),          # the Portuguese name: no article uses it, the gazetteer has it
])
def test_search_reaches_the_page_by_any_spelling(page, spelling, target):
    visit(page, "/")
    search(page, spelling)
    found = page.locator(f'.md-search-result__item a[href*="{target}"]').first
    found.wait_for(timeout=10_000)
    assert found.is_visible()
    assert_clean(page)


def test_search_ranks_fact_sheets_and_people_above_sources(page):
    visit(page, "/")
    search(page, "Berger")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_timeout(500)
    hrefs = page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")
    first_source = next((i for i, h in enumerate(hrefs) if "/sources/" in h), len(hrefs))
    for page_of_berger in (EVENT, "/people/anna-berger/"):
        position = next(i for i, h in enumerate(hrefs) if page_of_berger in h)
        assert position < first_source, hrefs
    text = page.locator(".md-search-result").inner_text()
    assert "Corpus file" not in text and "not stated" not in text
    assert_clean(page)


def test_people_index_sorted_by_family_name_with_roles(page, screenshots):
    visit(page, "/people/")
    rows = page.locator("article table tbody tr")
    names = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
    surnames = [n.split()[-1] for n in names]
    assert surnames == sorted(surnames), names
    header = page.locator("article table thead").inner_text()
    assert "Role" in header
    berger = rows.filter(has_text="Anna Berger").inner_text()
    assert "Chancellor of Germany" in berger  # one role, in English
    screenshot(page, screenshots / "people.png")
    assert_clean(page)


def test_person_page_says_who_and_whom_they_met(page):
    visit(page, "/people/anna-berger/")
    lede = page.locator(".fs-lede").inner_text()
    assert "took part in Anna Berger meets Luis Moreno in Lisbon (12 March 2024)" in lede
    met = page.locator("article p", has_text="Met with:")
    assert met.locator('a[href*="luis-moreno"]').count() == 1
    assert met.locator('a[href*="rui-faria"]').count() == 0  # mentioned, not present
    assert_clean(page)


def test_source_page_highlights_only_what_the_fact_sheets_cite(page):
    visit(page, "/sources/en_lisbon_talks/")
    summary = page.locator(".fs-summary").inner_text()
    assert "Corpus file" not in summary
    marked = page.locator(".fs-article mark.fs-quote")
    assert marked.count() >= 1
    highlighted = sum(len(t) for t in marked.all_inner_texts())
    assert highlighted < len(page.locator(".fs-article").inner_text())
    assert_clean(page)


def test_map_assets_load_only_where_a_map_is_shown(page):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    visit(page, "/")
    visit(page, "/people/anna-berger/")
    page.wait_for_timeout(300)
    assert not [u for u in requested if "leaflet" in u], requested
    visit(page, EVENT)
    page.wait_for_timeout(300)
    assert not [u for u in requested if "leaflet" in u], "Leaflet loaded before the map came into view"
    page.locator("#map").scroll_into_view_if_needed()
    page.locator(".fs-map.leaflet-container").wait_for(timeout=10_000)
    assert [u for u in requested if u.endswith("leaflet.js")]
    assert_clean(page)


def test_map_without_tiles_falls_back_to_the_list(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(site_url + EVENT, wait_until="load")
    page.locator("#map").scroll_into_view_if_needed()
    page.locator(".fs-map-note").wait_for(state="visible", timeout=10_000)
    assert page.locator(".fs-map").is_hidden()
    assert "Lisbon" in page.locator("#map ~ ul").first.inner_text()
    context.close()


@pytest.mark.parametrize("path", [EVENT, "/people/", "/people/anna-berger/"])
def test_tables_fit_a_phone_screen(browser, site_url, screenshots, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.route("**/tile.openstreetmap.org/**", lambda route: route.abort())
    page.goto(site_url + path, wait_until="load")
    widths = page.locator("article table").evaluate_all("els => els.map(e => e.getBoundingClientRect().right)")
    assert widths and all(right <= 390 for right in widths), widths
    name = path.strip("/").replace("/", "-") or "home"
    screenshot(page, screenshots / f"mobile-{name}.png")
    context.close()


def test_event_page_first_view_stays_light(page):
    """What the first screen of a fact sheet loads, in bytes as served (uncompressed):
    under 700 KB, with no map assets until the map section is reached."""
    loaded: dict[str, int] = {}

    def finished(request) -> None:
        sizes = request.sizes()
        loaded[request.url] = sizes["responseBodySize"] + sizes["responseHeadersSize"]

    page.on("requestfinished", finished)
    page.goto(page.base + EVENT, wait_until="networkidle")
    page.wait_for_timeout(500)
    assert not [url for url in loaded if "leaflet" in url]
    assert sum(loaded.values()) < 700 * 1024, sorted(loaded.items(), key=lambda item: -item[1])[:5]
    assert_clean(page)
