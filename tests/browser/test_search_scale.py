"""Search on a large synthetic corpus: what a reader downloads stays within the limits, and
a query reads only a small part of the index, so the figures do not grow with the corpus.

The corpus is `bench/synth.py`'s, recombined from the sentences of the evaluation fixture
articles (not the live corpus), and built by `factsheet build` as an editor's would be.
`bench/search_weight.py` does the measuring, as it does for the benchmark sites.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))  # bench/ is not a package

import search_weight  # noqa: E402
from synth import generate  # noqa: E402

ARTICLES = 300  # about 800 pages; a larger corpus only makes the index larger, not a query's share
SENTENCES = REPO / "tests" / "fixtures" / "evalset" / "articles"
FIRST_VIEW_LIMIT = 300 * 1024
QUERY_LIMIT = 500 * 1024
# Family names and places bench/synth.py puts into its articles, and a word of the text.
QUERIES = ("Rossi", "Oslo", "Marco Rossi", "Lindqvist", "minister")


@pytest.fixture(scope="module")
def large_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("search-scale")
    generate(ARTICLES, out / "corpus", seed=1, source=SENTENCES)
    shutil.copytree(REPO / "docs", out / "docs")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    factsheet = Path(sys.executable).with_name("factsheet")
    result = subprocess.run([str(factsheet), "build", "--corpus", "corpus", "--curation", "curation.yaml",
                             "--docs", "docs", "--site", "site", "--mkdocs", "mkdocs.yml"],
                            cwd=out, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out / "site"


def test_search_downloads_stay_small_on_a_large_corpus(browser, large_site):
    index = [p.stat().st_size for p in (large_site / "pagefind" / "index").iterdir()]
    assert len(list((large_site / "sources").iterdir())) >= ARTICLES
    server = search_weight.served(large_site)
    base = next(server)
    try:
        weight = search_weight.measure(large_site, browser, base, "/", QUERIES)
        event = next(p for p in (large_site / "events").iterdir() if p.is_dir()).name
        event_view = search_weight.measure(large_site, browser, base, f"/events/{event}/", ()).first_view
    finally:
        server.close()
    print(f"\n{ARTICLES} articles, index {sum(index) / 1024:.0f} KB in {len(index)} chunks; "
          f"first view {weight.first_view.served / 1024:.0f} KB")
    for view in (weight.first_view, event_view):
        assert view.served <= FIRST_VIEW_LIMIT, view.files
        assert not any(path.startswith("pagefind/index/") for path in view.files)  # nothing before a search
    for query, (transfer, listed) in weight.queries.items():
        print(f"{query!r}: {transfer.served / 1024:.0f} KB, {listed} results listed")
        assert listed > 0, query
        assert transfer.served <= QUERY_LIMIT, (query, transfer.files)
        read = [p for p in transfer.files if p.startswith("pagefind/index/")]
        read_bytes = sum((large_site / p).stat().st_size for p in read)
        assert read_bytes * 4 <= sum(index), (query, read)  # a query reads a small part of the index
