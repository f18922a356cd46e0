"""Fixtures shared by the whole test suite.

All shared fixtures live here, so it is clear which fixtures exist and where they
come from. Test-specific helpers stay in their test module.
"""
from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
# The corpus the build tests run on: the five seed articles and a curation file of its own,
# so that nothing an editor commits to corpus/ changes what the tests expect.
FIXTURE_CORPUS = FIXTURES / "corpus"


def copy_build_inputs(target: Path, articles: Path | None = None) -> Path:
    """What a build reads, copied to `target`: mkdocs.yml, the hand-written docs, and the
    article files of `articles` (none when None) as `corpus/articles/`."""
    import shutil

    from generator.write import hand_written_files

    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", target / "overrides", dirs_exist_ok=True)
    for relative, path in hand_written_files(REPO / "docs").items():
        (target / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target / "docs" / relative)
    (target / "corpus" / "articles").mkdir(parents=True, exist_ok=True)
    if articles is not None:
        shutil.copytree(articles, target / "corpus" / "articles", dirs_exist_ok=True)
    return target


def copy_fixture_corpus(target: Path) -> Path:
    """What a build reads, with the fixture corpus (articles and curation file) as `corpus/`."""
    import shutil

    copy_build_inputs(target, FIXTURE_CORPUS / "articles")
    shutil.copy2(FIXTURE_CORPUS / "curation.yaml", target / "corpus" / "curation.yaml")
    return target


# ---- the record example of docs/schemas.md (tests/test_docs.py, tests/test_build.py --update-golden)

SCHEMAS_DOC = REPO / "docs" / "schemas.md"
EXAMPLE_RECORD = "data/articles/003_851016f063534860.yaml"  # of the golden build (tests/golden/)
EXAMPLE_BLOCK = re.compile(r"(<!-- example: the golden record \S+, each list cut to its first entry -->\n```yaml\n)"
                           r"(.*?)(```)", re.DOTALL)


def record_example(golden: Path) -> str:
    """The example article record docs/schemas.md shows: a record of the golden build, each
    list cut to its first entry."""
    import yaml

    from generator.write import dump_yaml

    def shortened(value):
        if isinstance(value, list):
            return [shortened(item) for item in value[:1]]
        if isinstance(value, dict):
            return {key: shortened(item) for key, item in value.items()}
        return value

    return dump_yaml(shortened(yaml.safe_load((golden / EXAMPLE_RECORD).read_text(encoding="utf-8"))))


def shown_record_example() -> str | None:
    found = EXAMPLE_BLOCK.search(SCHEMAS_DOC.read_text(encoding="utf-8"))
    return found.group(2) if found else None


def rewrite_record_example(golden: Path) -> None:
    """Put the example made from `golden` into docs/schemas.md (with --update-golden)."""
    text = SCHEMAS_DOC.read_text(encoding="utf-8")
    example = record_example(golden)
    SCHEMAS_DOC.write_text(EXAMPLE_BLOCK.sub(lambda m: m.group(1) + example + m.group(3), text), encoding="utf-8")


# ---- events stage: hand-built article records (tests/test_events.py, test_registry.py, test_curation.py)
import pytest  # noqa: E402

from generator.records import ArticleRecord, DateFact, Evidence, Outcome, Person, Place  # noqa: E402


def _evidence(quote: str) -> tuple[Evidence, ...]:
    return (Evidence(quote, 0, len(quote)),)


@pytest.fixture
def make_record():
    """Build an ArticleRecord from short specs.

    people: (name, role, present) or (name, role, present, aliases);
    places: (name, type, country, lat, lon, main); dates: (value, main);
    outcomes: (text, kind, speaker).
    """
    def build(article_id: str, *, language: str = "en", date: str | None = None, people=(), places=(),
              dates=(), outcomes=(), published_source: str | None = "text") -> ArticleRecord:
        return ArticleRecord(
            id=article_id, language=language, title=f"Title of {article_id}", url=None, outlet=None,
            published=date if published_source else None, published_source=published_source, event=None,
            date=date,
            participants=tuple(Person(p[0], tuple(p[3]) if len(p) > 3 else (p[0],), p[1], p[2],
                                      _evidence(f"{p[0]} was there.")) for p in people),
            locations=tuple(Place(n, (n,), t, c, la, lo, m, _evidence(f"It was in {n}.")) for n, t, c, la, lo, m in places),
            dates=tuple(DateFact(v, v, m, _evidence(f"It was on {v}.")) for v, m in dates),
            outcomes=tuple(Outcome(t, k, s, _evidence(t)) for t, k, s in outcomes),
            content_hash="0" * 64, extractor_version="test", source=f"corpus/articles/{article_id}.txt",
        )
    return build


@pytest.fixture
def lisbon_corpus(make_record):
    """tests/fixtures/events/: two reports of one meeting (German with its date, French without)
    and an earlier meeting of the same two leaders, with hand-built records."""
    from generator.read import read_article

    names = ("de_meeting_lisbon", "fr_meeting_lisbon", "en_meeting_madrid_2022")
    articles = [read_article(FIXTURES / "events" / f"{n}.txt", f"tests/fixtures/events/{n}.txt") for n in names]
    lisbon = ("Lisbon", "city", "PT", 38.72, -9.14, True)
    records = [
        make_record(names[0], language="de", date="2024-06-12", places=[lisbon], dates=[("2024-06-12", True)],
                    people=[("Olaf Scholz", "Bundeskanzler", True), ("Pedro Sánchez", "Ministerpräsident", True)]),
        make_record(names[1], language="fr", places=[lisbon], published_source=None,
                    people=[("Olaf Scholz", "chancelier", True), ("Pedro Sanchez", None, True)]),
        make_record(names[2], date="2022-10-06", places=[("Madrid", "city", "ES", 40.42, -3.70, True)],
                    dates=[("2022-10-06", True)], people=[("Olaf Scholz", None, True), ("Pedro Sánchez", None, True)]),
    ]
    return articles, records


# ---------------------------------------------------------------- render fixtures

RENDER_FIXTURES = FIXTURES / "render"


def load_render_corpus(folder: Path = RENDER_FIXTURES):
    """(articles, linked) from `tests/fixtures/render/`: the articles as read, article
    records whose evidence offsets are found from their quotes, and event records merged
    per name, so the render tests do not depend on extraction or linking quality."""
    from types import SimpleNamespace

    import yaml
    from slugify import slugify

    from generator import records as r
    from generator.read import read_article
    from generator.events.roles import event_role
    from generator.extract.roles import english_role

    spec = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
    articles = {p.stem: read_article(p, f"tests/fixtures/render/articles/{p.name}")
                for p in sorted((folder / "articles").iterdir())}

    def evidence(article_id: str, quote: str) -> tuple:
        start = articles[article_id].text.index(quote)
        return (r.Evidence(quote, start, start + len(quote)),)

    records = []
    for article_id, facts in sorted(spec["articles"].items()):
        article = articles[article_id]
        ev = lambda f: evidence(article_id, f["quote"])  # noqa: E731
        records.append(r.ArticleRecord(
            id=article_id, language=article.language or "nl", title=article.title, url=article.url,
            outlet=article.outlet, published=article.published.isoformat() if article.published else None,
            published_source="front-matter" if article.published else None, event=facts["event"],
            date=facts["date"],
            participants=tuple(r.Person(f["name"], tuple(f["aliases"]), f["role"], f["present"], ev(f),
                                        role_en=english_role(f["role"], article.language or "nl"))
                               for f in facts["people"]),
            locations=tuple(r.Place(f["name"], tuple(f["aliases"]), f["type"], f["country"], f["lat"], f["lon"],
                                    f["main"], ev(f)) for f in facts["places"]),
            dates=tuple(r.DateFact(str(f["value"]), str(f["text"]), f["main"], ev(f)) for f in facts["dates"]),
            outcomes=tuple(r.Outcome(f["text"], f["kind"], f["speaker"], ev(f)) for f in facts["outcomes"]),
            content_hash=article.content_hash, extractor_version="fixture", source=article.path))

    # Outcomes the fixture marks `same: <key>` are one outcome reported by several articles.
    same = {o["text"]: o.get("same", o["text"]) for facts in spec["articles"].values() for o in facts["outcomes"]}

    def sources(items) -> tuple:
        return tuple(r.Source(aid, e.quote, e.start, e.end) for aid, fact in items for e in fact.evidence)

    events = []
    for event in spec["events"]:
        mine = [rec for rec in records if rec.event == event["id"]]
        def merged(field: str) -> dict:
            found: dict = {}
            for rec in mine:
                for fact in getattr(rec, field):
                    key = getattr(fact, "name", None) or getattr(fact, "value", None) or same[fact.text]
                    found.setdefault(key, []).append((rec.id, fact))
            return found
        people = tuple(r.EventPerson(slugify(name), name, tuple(sorted({a for _, f in seen for a in f.aliases})),
                                     event_role(f.role_en for _, f in seen),
                                     tuple(sorted({f.role for _, f in seen if f.role})),
                                     any(f.present for _, f in seen), sources(seen))
                       for name, seen in merged("participants").items())
        places = tuple(r.EventPlace(slugify(name), name, seen[0][1].type, seen[0][1].country, seen[0][1].lat,
                                    seen[0][1].lon, any(f.main for _, f in seen), sources(seen))
                       for name, seen in merged("locations").items())
        dates = tuple(r.EventDate(value, tuple(sorted({f.text for _, f in seen})), any(f.main for _, f in seen),
                                  sources(seen)) for value, seen in sorted(merged("dates").items()))
        language = {rec.id: rec.language for rec in mine}
        worded = lambda seen: min(seen, key=lambda pair: language[pair[0]] != "en")[1].text  # noqa: E731 - as merge does
        outcomes = tuple(r.EventOutcome(worded(seen), seen[0][1].kind, seen[0][1].speaker, sources(seen))
                         for text, seen in merged("outcomes").items())
        conflicts = tuple(
            r.Conflict(c["about"], tuple(
                r.ConflictSide(str(side["value"]), tuple(
                    s for aid in side["articles"] for s in sources(
                        [(aid, d) for d in next(x for x in records if x.id == aid).dates if d.main])))
                for side in c["sides"]))
            for c in event.get("conflicts", ()))
        main_date = next((d.value for d in dates if d.main and len(d.sources) > 1), None)
        events.append(r.EventRecord(
            id=event["id"], title=event["title"], date=main_date or next((d.value for d in dates if d.main), None),
            places=tuple(p.name for p in places if p.main), articles=tuple(rec.id for rec in mine),
            participants=people, locations=places, dates=dates, outcomes=outcomes, conflicts=conflicts,
            languages=tuple(sorted({rec.language for rec in mine})),
            redirect_from=tuple(event.get("redirect_from", ()))))
    linked = SimpleNamespace(records=tuple(records), events=tuple(events), registry=None, warnings=())
    return tuple(articles.values()), linked


def build_render_site(out: Path, built: str = "2026-01-31") -> Path:
    """Render the fixture corpus into a copy of docs/ and build it with `mkdocs build
    --strict`; returns the built site folder. Raises with MkDocs' output on failure."""
    import os
    import subprocess
    import sys

    mkdocs_file = render_docs(out, built)
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run([str(mkdocs), "build", "--strict", "-f", str(mkdocs_file)],
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed:\n{result.stderr}")
    return out / "site"


def render_docs(out: Path, built: str = "2026-01-31") -> Path:
    """The fixture corpus rendered into a copy of docs/ in `out` (records and pages, as a
    build writes them), with the project's mkdocs.yml pointed at it (`out/site` as site
    folder); returns that mkdocs.yml. Nav pages other parts of the project write are
    stubbed if they are not there yet."""
    import shutil

    import yaml

    from generator.build import record_files
    from generator.render import render_pages

    docs = out / "docs"
    shutil.copytree(REPO / "docs", docs)
    articles, linked = load_render_corpus()
    made = {**record_files(linked.records, linked.events), **render_pages(articles, linked, built)}
    for relative, content in made.items():
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    for page in _nav_pages(config.get("nav", [])):
        if not (docs / page).exists():
            (docs / page).write_text(f"# {Path(page).stem}\n\nNot written yet.\n", encoding="utf-8")
    config["docs_dir"], config["site_dir"] = str(docs), str(out / "site")
    config["theme"]["custom_dir"] = str(REPO / config["theme"]["custom_dir"])
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return out / "mkdocs.yml"


def _nav_pages(nav) -> list[str]:
    pages: list[str] = []
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        pages.extend(_nav_pages(value) if isinstance(value, list) else [value])
    return pages


@pytest.fixture(scope="session")
def render_corpus():
    """(articles, linked) of the render fixture corpus (see `load_render_corpus`)."""
    return load_render_corpus()


@pytest.fixture(scope="session")
def render_site(tmp_path_factory) -> Path:
    """The fixture corpus built into a static site (once per test session)."""
    return build_render_site(tmp_path_factory.mktemp("render-site"))


# ---------------------------------------------------------------- golden build (tests/test_build.py)

def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current build instead of comparing with it")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    """True when the run was started with --update-golden."""
    return bool(request.config.getoption("--update-golden"))
