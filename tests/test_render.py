"""Rendering: the generated pages, their links and anchors, downloads, and escaping."""
from __future__ import annotations

import csv
import io
import json

import markdown
import pytest
import yaml

from conftest import copy_build_inputs
from generator.build import record_files
from generator.records import to_dict
from generator.render import cache_templates, render_pages
from generator.render.common import environment, human_date
from generator.render.escape import block, href, inline, page_name, plain
from generator.render.event import headline
from generator.render.source import highlighted

EVENT = "events/2024-03-12-berger-moreno-lisbon.md"
HOSTILE = "sources/en_hostile_markup.md"
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc"]


@pytest.fixture(scope="module")
def corpus(render_corpus):
    return render_corpus


@pytest.fixture(scope="module")
def files(corpus):
    articles, linked = corpus
    return render_pages(articles, linked, "2026-01-31")


def to_html(page: str) -> str:
    body = page.split("---\n", 2)[2] if page.startswith("---\n") else page
    return markdown.markdown(body, extensions=EXTENSIONS)


def test_every_generated_file_is_listed_in_its_folder(files):
    assert sorted(files) == list(files)
    assert {p.split("/")[0] for p in files} == {
        "index.md", "events", "people", "places", "sources", "downloads"}
    assert "events/2024-03-12-lisbon-rail-talks/index.html" in files  # redirect_from
    assert {p for p in files if p.startswith("sources/")} == {
        f"sources/{a}.md" for a in ("de_lissabon_gipfel", "en_hostile_markup", "en_lisbon_talks",
                                    "fr_lisbonne_sommet", "nl_oslo_overleg")}
    assert "people/index.md" in files and "places/index.md" in files
    assert not any(p.startswith("data/") for p in files)  # the build writes the records itself


def test_output_is_deterministic(corpus):
    articles, linked = corpus
    assert render_pages(articles, linked, "2026-01-31") == render_pages(articles, linked, "2026-01-31")
    undated = render_pages(articles, linked, None)
    newest = max(r.published for r in linked.records if r.published)
    assert f"Built from 5 articles · newest article {human_date(newest)} ({inline(newest)})." in undated["index.md"]
    assert "Built from 5 articles · built 31 January 2026 (2026&#45;01&#45;31)." in \
        render_pages(articles, linked, "2026-01-31")["index.md"]
    assert not any("2026" in (text if isinstance(text, str) else text.decode("utf-8")) for text in undated.values())


def test_templates_compiled_on_disk_render_the_same_pages(corpus, files, tmp_path, monkeypatch):
    articles, linked = corpus
    env = environment()
    monkeypatch.setattr(env, "bytecode_cache", None)  # put back after the test
    cache_templates(tmp_path / "templates")
    env.cache.clear()  # compiled again, and kept in the folder
    assert render_pages(articles, linked, "2026-01-31") == files
    assert len(list((tmp_path / "templates").iterdir())) >= 5
    env.cache.clear()  # now loaded from the folder
    assert render_pages(articles, linked, "2026-01-31") == files
    env.cache.clear()


def test_home_lists_events_newest_first_with_counts(files):
    home = files["index.md"]
    lisbon = home.index("Anna Berger meets Luis Moreno in Lisbon")
    oslo = home.index("Erik Dahl receives Mia Virtanen in Oslo")
    assert lisbon < oslo
    assert "3 articles in 3 languages" in home
    assert "Built from 5 articles" in home and "31 January 2026" in home


def test_event_page_has_summary_outcomes_timeline_map_conflicts_sources(files):
    html = to_html(files[EVENT])
    assert 'class="fs-summary"' in html
    assert "12 March 2024" in html and "Headline outcome" in html
    # the headline is an agreement (the most telling kind), in the reader's language on a tie
    assert "rail link" in html.split("Headline outcome")[1].split("</li>")[0]
    for heading in ("Agreements", "Announcements", "Assessments", "Timeline", "Map", "Sources"):
        assert f">{heading}<" in html, heading
    assert 'class="admonition warning"' in html and "Sources disagree: date" in html
    assert html.count('class="fs-geo"') == 3 and 'data-lat="38.72230"' in html
    assert "Built from 3 articles" in html


def test_citations_point_at_anchors_that_exist_on_the_source_page(files):
    import re

    cited = re.findall(r"\.\./sources/([\w.-]+)\.md#(s-\d+-\d+)", "".join(
        text for path, text in files.items() if path.endswith(".md")))
    assert cited
    for article, anchor in set(cited):
        assert f'id="{anchor}"' in files[f"sources/{article}.md"], (article, anchor)


def test_source_page_highlights_each_cited_sentence(files, corpus):
    articles, _ = corpus
    text = next(a for a in articles if a.id == "en_lisbon_talks").text
    html = to_html(files["sources/en_lisbon_talks.md"])
    quote = "The two leaders signed an agreement to build a high-speed rail link between their countries by 2030."
    start = text.index(quote)
    assert f'<mark class="fs-quote" id="s-{start}-{start + len(quote)}">' in html


def test_overlapping_spans_keep_every_anchor():
    out = highlighted("Alpha beta. Gamma delta.", [(0, 11), (6, 24)])
    assert 'id="s-0-11"' in out and 'id="s-6-24"' in out
    assert out.index('id="s-6-24"') < out.index('id="s-0-11"')


def test_person_page_lists_aliases_events_and_roles(files):
    page = files["people/anna-berger.md"]
    assert "Bergerová" in page and "Anna Berger meets Luis Moreno in Lisbon" in page
    assert "German Chancellor" in page and "Bundeskanzlerin" in page  # the roles as written, as evidence
    assert '<p class="fs-lede" markdown="0">Chancellor of Germany;' in page  # and first, the one English role
    assert "Chancellor of Germany" in files["people/index.md"]
    summary = next(line for line in files["events/2024-03-12-berger-moreno-lisbon.md"].splitlines()
                   if line.startswith("- **Participants:**"))
    assert "Chancellor of Germany" in summary and "German Chancellor" not in summary


def test_downloads_carry_every_event_and_fact_with_its_source(files, corpus):
    _, linked = corpus
    yamls = record_files(linked.records, linked.events)
    assert yamls["downloads/events/2024-03-12-berger-moreno-lisbon.yaml"] == \
        yamls["data/events/2024-03-12-berger-moreno-lisbon.yaml"]
    assert not any(path.endswith(".yaml") for path in files)  # records' YAML is made with the records
    event = yaml.safe_load(yamls["downloads/events/2024-03-12-berger-moreno-lisbon.yaml"])
    assert event == json.loads(files["downloads/events/2024-03-12-berger-moreno-lisbon.json"])
    assert event["id"] == "2024-03-12-berger-moreno-lisbon" and event["conflicts"][0]["about"] == "date"
    dataset = json.loads(files["downloads/dataset.json"])
    assert len(dataset["events"]) == 2 and len(dataset["articles"]) == 5
    rows = list(csv.DictReader(io.StringIO(files["downloads/facts.csv"].decode("utf-8"))))
    expected = sum(len(f.sources) for e in linked.events
                   for f in (*e.participants, *e.locations, *e.dates, *e.outcomes))
    expected += sum(len(side.sources) for e in linked.events for c in e.conflicts for side in c.sides)
    assert len(rows) == expected
    row = next(r for r in rows if r["fact"] == "outcome" and r["article"] == "en_lisbon_talks"
               and "rail link" in r["value"])
    assert row["quote"] == row["value"] and row["outlet"] == "Harbour Herald" and int(row["end"]) > int(row["start"])


def test_dataset_reads_as_one_json_dump_of_every_record(files, corpus):
    # dataset.json is joined from cached pieces; it must read exactly like one json.dumps
    _, linked = corpus
    expected = {"built": "2026-01-31",
                "events": [to_dict(e) for e in sorted(linked.events, key=lambda e: e.id)],
                "articles": [to_dict(r) for r in sorted(linked.records, key=lambda r: r.id)]}
    assert files["downloads/dataset.json"].decode("utf-8") == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_csv_cells_never_start_a_formula(files):
    for row in csv.reader(io.StringIO(files["downloads/facts.csv"].decode("utf-8"))):
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), row


# ---------------------------------------------------------------- safety

HOSTILE_TEXT = ('<script>alert(1)</script> <img src=x onerror="alert(2)"> **bold** _em_ [a](javascript:x) '
                '`code` # h | t | {: onclick="x" } !!! note <!-- c --> &amp; ![i](x.png) <http://x.org>')


@pytest.mark.parametrize("escape", [inline, block])
def test_escaped_text_renders_as_the_same_characters(escape):
    html = markdown.markdown(f"<div>{escape(HOSTILE_TEXT)}</div>\n\n- {escape(HOSTILE_TEXT)}\n\n"
                             f"| a |\n| --- |\n| {escape(HOSTILE_TEXT)} |\n", extensions=EXTENSIONS)
    for tag in ("<script", "<img", "<strong", "<em", "<code", "<a ", "<h1", "<!--", "onclick="):
        assert tag not in html, tag
    import html as html_lib
    assert html_lib.unescape(html).count(HOSTILE_TEXT) == 3


def test_hostile_article_reaches_the_page_as_text_only(files):
    for path, page in files.items():
        if not path.endswith(".md"):
            continue
        html = to_html(page)
        for tag in ("<script", "<img", "<iframe", "onerror=", "onclick=", "javascript:", "<strong>nothing"):
            assert tag not in html, (path, tag)
    html = to_html(files[HOSTILE])
    assert "&#60;script&#62;window&#46;&#95;&#95;pwned&#95;body" in html
    assert 'class="admonition' not in html and "<h1>Not a heading" not in html


def test_front_matter_title_has_no_markup_characters(files):
    meta = yaml.safe_load(files[HOSTILE].split("---\n")[1])
    assert meta["title"].startswith("Source:") and not set(meta["title"]) & set("<>&\"`*_[]{}")


def test_helpers_refuse_unsafe_ids_and_urls():
    assert plain('<b>Kim</b> & "Putin" O\'Brien') == "b Kim /b Putin O'Brien"
    assert page_name("2019-04-25-kim-putin") == "2019-04-25-kim-putin"
    for bad in ("../etc", "a/b", "<x>", "", "a b"):
        with pytest.raises(ValueError):
            page_name(bad)
    assert href("javascript:alert(1)") is None and href(None) is None
    assert href('https://example.org/a b"c)') == "https://example.org/a%20b%22c%29"


def test_headline_prefers_agreements_then_corroboration(corpus):
    _, linked = corpus
    event = next(e for e in linked.events if e.id == "2024-02-02-dahl-virtanen-oslo")
    assert headline(event.outcomes).kind == "announcement"
    assert headline(()) is None


def test_fixture_site_builds_strictly(render_site):
    assert (render_site / "events/2024-03-12-berger-moreno-lisbon/index.html").is_file()
    assert (render_site / "events/2024-03-12-lisbon-rail-talks/index.html").is_file()
    assert (render_site / "downloads/facts.csv").is_file()
    assert (render_site / "assets/vendor/leaflet/LICENSE").is_file()


def test_summary_shows_the_most_specific_main_places():
    from generator.records import EventPlace, Source
    from generator.render.event import summary_places

    def place(name: str, kind: str, main: bool = True) -> EventPlace:
        return EventPlace(name.lower(), name, kind, "XX", None, None, main, (Source("a", "q", 0, 1),))

    places = (place("Ruritania", "country"), place("Capital", "city"), place("Palace", "venue"),
              place("Elsewhere", "city", main=False))
    assert [p.name for p in summary_places(places)] == ["Palace", "Capital"]
    assert [p.name for p in summary_places((place("Ruritania", "country"),))] == ["Ruritania"]


def test_one_citation_marker_per_article_linking_its_first_quote():
    from generator.records import Source
    from generator.render.common import Citations

    cite = Citations("../", ["b", "a"]).cite(
        [Source("a", "x", 50, 60), Source("a", "y", 10, 20), Source("b", "z", 5, 9), Source("a", "y", 10, 20)])
    assert cite.count(".fs-cite") == 2
    assert cite.index("sources/b.md#s-5-9") < cite.index("sources/a.md#s-10-20")
    assert "first of 2 quoted sentences" in cite


def test_outcomes_are_quoted_once():
    from generator.render.common import quoted

    assert quoted("We agreed.") == "“We agreed&#46;”"
    assert quoted("“We agreed.”") == "“We agreed&#46;”"
    # a sentence that opens with its own quotation is not wrapped in another
    assert quoted('"We welcome it," said Putin.') == '&#34;We welcome it,&#34; said Putin&#46;'
    assert quoted("<b>x</b>") == "“&#60;b&#62;x&#60;/b&#62;”"


def test_whole_build_shows_a_hostile_article_as_text(tmp_path):
    """read → extract → link → render → MkDocs, with an article full of markup: the
    HTML pages carry it as text only (the data downloads keep it verbatim, as data)."""
    import re
    import shutil
    from pathlib import Path

    from generator.build import build
    from generator.config import BuildConfig

    repo = Path(__file__).resolve().parent.parent
    copy_build_inputs(tmp_path)
    for name in ("en_hostile_markup.md", "en_lisbon_talks.md"):
        shutil.copy2(repo / "tests/fixtures/render/articles" / name, tmp_path / "corpus/articles" / name)

    report = build(BuildConfig(root=tmp_path, built="2026-01-31"))
    assert report.errors == ()
    page = (tmp_path / "site/sources/en_hostile_markup/index.html").read_text(encoding="utf-8")
    assert "&#60;img src&#61;x onerror" in page and "window&#46;&#95;&#95;pwned&#95;body" in page
    for html in (tmp_path / "site").rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "<img src=x" not in text and "<iframe" not in text, html
        scripts = re.findall(r"<script[^>]*>", text)
        assert all("src=" not in s or re.search(r'src="[./]*(assets|search)/', s) for s in scripts), (html, scripts)
        assert not re.search(r"<script>[^<]*__pwned", text), html
