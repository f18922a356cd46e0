"""The execution machinery (`generator/execution.py`) only makes the build faster: each stage
is a plain function of its inputs, and calling them one after another, with no worker
process, cache or output cache, makes exactly the files a build makes."""
from __future__ import annotations

from pathlib import Path

from conftest import FIXTURE_CORPUS, copy_build_inputs
from generator.build import EVENT_INDEX, build, data_files, event_index
from generator.config import BuildConfig
from generator.curation import load_curation
from generator.events import link
from generator.parallel import extract_all
from generator.read import display_path, read_corpus
from generator.render import build_site, page_files
from generator.write import StoredFile, generated_files


def _bytes(content: object) -> bytes:
    if isinstance(content, StoredFile):
        return content.path.read_bytes()
    return content.encode("utf-8") if isinstance(content, str) else bytes(content)  # type: ignore[arg-type]


def test_the_stages_called_plainly_make_what_the_build_makes(tmp_path: Path) -> None:
    copy_build_inputs(tmp_path, FIXTURE_CORPUS / "articles")
    (tmp_path / "corpus" / "curation.yaml").write_bytes((FIXTURE_CORPUS / "curation.yaml").read_bytes())
    config = BuildConfig(root=tmp_path, run_mkdocs=False)
    report = build(config)
    assert report.errors == () and report.events > 0

    corpus = read_corpus(config.path("corpus"), config.root)
    curation = load_curation(config.path("curation"), display_path(config.path("curation"), config.root))
    extraction = extract_all(corpus.articles, None, jobs=1, progress=False)
    assert len(extraction.records) == len(corpus.articles)
    linked = link(corpus.articles, extraction.records, curation)
    model = build_site(corpus.articles, linked.records, linked.events, linked.registry, config.built)
    plain = {**page_files(model), **data_files(model, linked), EVENT_INDEX: event_index(linked.events)}

    docs = config.path("docs")
    assert sorted(plain) == sorted(generated_files(docs))
    differing = sorted(path for path, content in plain.items() if _bytes(content) != (docs / path).read_bytes())
    assert differing == []
