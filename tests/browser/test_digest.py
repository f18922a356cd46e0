"""The key outcomes and the timeline of a fixture event, in a real browser."""
from __future__ import annotations

import pytest

from .test_site import EVENT, assert_clean, visit

pytestmark = pytest.mark.browser


def test_digest_leads_with_the_agreement_three_sources_report(page):
    visit(page, EVENT)
    items = page.locator(".fs-digest li")
    assert 3 <= items.count() <= 7
    first = items.first.inner_text()
    assert first.startswith("Agreement — between the sides · reported by 3 sources")
    assert "rail link" in first  # the quote in the reader's language
    assert items.first.locator("a.fs-cite").count() == 3
    labels = [text.split("\n")[0] for text in items.all_inner_texts()]
    assert "Announcement — Anna Berger" in labels and "Assessment — Luis Moreno" in labels
    # the digest comes before everything else the page says of outcomes, which stays folded
    everything = page.locator("details.fs-all-outcomes")
    assert everything.locator("summary").inner_text() == "All statements (3)"
    assert everything.get_attribute("open") is None
    assert not everything.locator("li").first.is_visible()
    everything.locator("summary").click()
    assert everything.locator("li").first.is_visible()
    assert_clean(page)


def test_all_statements_unfold_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + EVENT, wait_until="load")
    everything = page.locator("details.fs-all-outcomes")
    everything.locator("summary").click()
    assert everything.locator("li").count() == 3 and everything.locator("li").first.is_visible()
    context.close()


def test_timeline_says_what_happened_and_keeps_other_dates_apart(page):
    visit(page, EVENT)
    headings = [text.rstrip("¶") for text in page.locator("h3").all_inner_texts()]  # less the permalink
    assert "The meeting" in headings and "Other dates" in headings
    meeting, other = page.locator(".fs-timeline").all()
    meeting_days = meeting.locator("li").all_inner_texts()
    assert len(meeting_days) == 2 and all("main event" in day for day in meeting_days)
    assert any("traf in Lissabon den spanischen Regierungschef" in day for day in meeting_days)
    assert not any("as written" in day for day in meeting_days)
    assert other.locator("li").all_inner_texts()[0].startswith("April 2024 — Berger will travel on to Madrid")
    assert meeting.locator("span[lang=de]").count() == 1
    assert_clean(page)
