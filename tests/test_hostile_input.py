"""Hostile and odd input: nothing outside the corpus is read, YAML is bounded, every entry
of the corpus folder is read or reported, `add` is atomic, curation cannot contradict itself.

Each test uses the smallest input that showed the problem; the YAML bombs are generated.
"""
from __future__ import annotations

import errno
import math
import multiprocessing
import os
import shutil
import time
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from test_cli import problem_lines

from generator.add import Metadata, add_article
from generator.cli import main
from generator.curation import CurationError, MergeEntities, RenameEntity, curation_schema, parse_curation
from generator.extract.language import UnknownLanguageError, check_language
from generator.read import ReadError, decode_bytes, parse_article, read_article, read_corpus
from generator.registry import RESERVED_IDS, build_registry

REPO = Path(__file__).resolve().parent.parent
GOOD = REPO / "tests" / "fixtures" / "cli" / "good_corpus" / "articles" / "en_meeting_plain.txt"
SECRET = "TOKEN-7f3a9c-never-published"
BODY = ("Ministers from Chile and Norway met in Oslo on Tuesday to discuss fishing quotas. Both "
        "governments said the talks had been useful and agreed to meet again next spring.")
SHORT_LINE = 400  # a message line quotes at most ~200 characters of a value


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, prog_name="factsheet")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.txt")
    return folder


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the corpus that must never reach a page."""
    path = tmp_path / "outside" / "config.txt"
    path.parent.mkdir()
    path.write_text(f"Private settings\n\n{SECRET} {BODY}\n", encoding="utf-8")
    return path


def alias_bomb(levels: int = 9, width: int = 9, indent: str = "") -> str:
    """`levels` anchors, each a list of `width` aliases of the one before: width**levels values."""
    lines = [f'{indent}- &a0 [{", ".join(["lol"] * width)}]']
    lines += [f'{indent}- &a{i} [{", ".join([f"*a{i - 1}"] * width)}]' for i in range(1, levels)]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- finding 1: symbolic links


def test_a_symlink_in_the_corpus_is_refused_and_its_target_never_read(corpus: Path, secret: Path) -> None:
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "dangling.md").symlink_to(corpus / "gone.md")
    result = read_corpus(corpus, corpus.parent)
    assert [a.id for a in result.articles] == ["good"]
    assert [str(e) for e in result.errors] == [
        f"articles/{name}: a symbolic link; only files in the corpus folder itself are read "
        "(replace the link by the article file, or remove it)" for name in ("dangling.md", "leak.txt")]
    assert SECRET not in repr(result)


def test_build_check_and_extract_never_publish_a_linked_file(tmp_path: Path, secret: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    articles = tmp_path / "corpus" / "articles"
    articles.mkdir(parents=True)
    shutil.copy(GOOD, articles / "good.txt")
    (articles / "leak.txt").symlink_to(secret)
    line = ("corpus/articles/leak.txt: a symbolic link; only files in the corpus folder itself are read "
            "(replace the link by the article file, or remove it)")
    built = run("build", "--no-site")
    assert built.exit_code == 1 and problem_lines(built.stderr) == [line]
    published = [p for p in (tmp_path / "docs").rglob("*") if p.is_file()]
    assert published and not [p for p in published if SECRET in p.read_text(encoding="utf-8")]
    checked = run("check")
    assert checked.exit_code == 1 and line in checked.stdout.splitlines()
    extracted = run("extract", "corpus/articles/leak.txt", "corpus/articles/good.txt", "--out", "records")
    assert extracted.exit_code == 1 and extracted.stderr.splitlines() == [line]
    assert sorted(p.name for p in (tmp_path / "records").iterdir()) == ["good.yaml"]
    elsewhere = tmp_path / "mine.txt"  # outside the corpus, the user's own link is theirs to follow
    elsewhere.symlink_to(articles / "good.txt")
    assert read_article(elsewhere, corpus=Path("corpus/articles")).id == "mine"


def test_add_compares_with_corpus_files_only_never_through_a_link(corpus: Path, secret: Path) -> None:
    (corpus / "leak.txt").symlink_to(secret)
    added = add_article(secret.read_bytes(), corpus, source="in.txt")  # not "duplicate of leak.txt"
    assert added.path.read_text(encoding="utf-8").count(SECRET) == 1


# ---------------------------------------------------------------- finding 2: YAML bombs, long values


def test_alias_bomb_in_front_matter_is_one_short_line_at_once() -> None:
    front = "---\npublished:\n" + alias_bomb(indent="  ") + "---\n"
    started = time.monotonic()
    with pytest.raises(ReadError) as caught:
        parse_article((front + BODY).encode(), "corpus/articles/bomb.md", "bomb")
    assert time.monotonic() - started < 1
    assert str(caught.value) == ("corpus/articles/bomb.md: front matter refused at line 4: an alias (`*name`) is not "
                                 "allowed here (write each value out in full)")


def test_alias_bomb_in_curation_is_refused_by_its_expansion() -> None:
    text = "actions:\n  - action: set_title\n    event: x\n    title: t\nbomb:\n" + alias_bomb(indent="  ")
    started = time.monotonic()
    with pytest.raises(CurationError) as caught:
        parse_curation(text, "corpus/curation.yaml")
    assert time.monotonic() - started < 2
    assert caught.value.problems == (
        "corpus/curation.yaml:11: expands to more than 200,000 values (through its aliases) "
        "(write each value out in full; see docs/curation.md)",)


def test_deep_nesting_is_refused_before_the_parser_slows_or_crashes() -> None:
    with pytest.raises(CurationError, match=r"curation.yaml:1: nested more than 32 levels deep"):
        parse_curation("[" * 200_000 + "]" * 200_000, "curation.yaml")


def test_a_long_value_is_quoted_short() -> None:
    front = f"---\npublished: \"{'9' * 50_000}\"\n---\n"
    with pytest.raises(ReadError) as caught:
        parse_article((front + BODY).encode(), "a.md", "a")
    assert len(str(caught.value)) < SHORT_LINE and "(50,000 characters)" in str(caught.value)
    with pytest.raises(CurationError) as curation:
        parse_curation(f"actions:\n  - action: {'x' * 100_000}\n", "curation.yaml")
    assert curation.value.problems and all(len(line) < SHORT_LINE + 200 for line in curation.value.problems)


@pytest.mark.parametrize("text, line", [("---\ntitle: A\nurl: x\ntitle: B\n---\n", 4), ("---\n{title: A, title: B}\n---\n", 2)])
def test_duplicate_front_matter_keys_are_an_error(text: str, line: int) -> None:
    with pytest.raises(ReadError, match=rf"refused at line {line}: duplicate key 'title' \(first at line"):
        parse_article((text + BODY).encode(), "a.md", "a")


# ---------------------------------------------------------------- finding 6: concurrent adds


def _add_in_process(corpus: str, text: str, article_id: str | None, barrier, results) -> None:
    barrier.wait()
    try:
        added = add_article(text.encode(), Path(corpus), Metadata(id=article_id), source="in.txt")
        results.put(f"added: {added.id}")
    except ReadError as error:
        results.put(error.reason)


def _concurrently(corpus: Path, inputs: list[tuple[str, str | None]]) -> list[str]:
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(len(inputs)), context.Queue()
    processes = [context.Process(target=_add_in_process, args=(str(corpus), text, article_id, barrier, results))
                 for text, article_id in inputs]
    for process in processes:
        process.start()
    found = sorted(results.get(timeout=60) for _ in processes)
    for process in processes:
        process.join(timeout=60)
    return found


def test_concurrent_adds_with_one_id_keep_one_and_refuse_the_others(tmp_path: Path) -> None:
    texts = [f"Talks number {n}\n\n{BODY} Round {n} is over." for n in range(4)]
    outcome = _concurrently(tmp_path, [(text, "oslo") for text in texts])
    assert outcome == ["added: oslo"] + ["id 'oslo' is already used in the corpus"] * 3
    assert [p.name for p in tmp_path.iterdir()] == ["oslo.md"]


def test_concurrent_adds_of_one_text_store_it_once(tmp_path: Path) -> None:
    outcome = _concurrently(tmp_path, [(f"Talks\n\n{BODY}", None)] * 4)
    assert outcome[0] == "added: talks"
    assert outcome[1:] == [f"duplicate of {tmp_path / 'talks.md'} (same text)"] * 3
    assert [p.name for p in tmp_path.iterdir()] == ["talks.md"]


# ---------------------------------------------------------------- finding 9: curation integrity


def test_rename_to_another_entitys_name_is_refused(make_record) -> None:
    records = [make_record("a", people=[("Vladimir Putin", None, True), ("Kim Jong-un", None, True)])]
    actions = [RenameEntity("c.yaml:2", "person", "Kim Jong-un", "Vladimir Putin")]
    registry, warnings = build_registry(records, {"a": "e"}, actions)
    assert [(p.id, p.name) for p in registry.people] == [("kim-jong-un", "Kim Jong-un"), ("vladimir-putin", "Vladimir Putin")]
    assert warnings == ("c.yaml:2: rename_entity: 'Vladimir Putin' is the name of another person "
                        "(use merge_entities to make them one, or choose another name)",)


def test_two_titles_for_one_event_and_repeated_entries_are_errors() -> None:
    entry = "  - action: set_title\n    event: 2019-02-27-trump-kim-hanoi\n    title: {}\n"
    with pytest.raises(CurationError) as caught:
        parse_curation("actions:\n" + entry.format("A") + entry.format("B") + entry.format("B"), "c.yaml")
    assert caught.value.problems == (
        "c.yaml:5: a second set_title for '2019-02-27-trump-kim-hanoi', after line 2 (keep one of them)",
        "c.yaml:8: the same entry as line 5 (remove one)")


def test_duplicate_keys_in_curation_are_an_error() -> None:
    with pytest.raises(CurationError) as caught:
        parse_curation("actions:\n  - action: set_title\n    event: x\n    title: A\n    title: B\n", "c.yaml")
    assert caught.value.problems == ("c.yaml:5: duplicate key 'title' (first at line 4) "
                                     "(keep one of them; see docs/curation.md)",)


def test_coordinates_must_be_finite_in_the_loader_and_the_schema() -> None:
    entry = "actions:\n  - action: add_fact\n    fact: place\n    article: a\n    quote: q\n    name: X\n    type: city\n"
    with pytest.raises(CurationError, match=r"^c.yaml:8: '.nan' is not a finite number"):
        parse_curation(entry + "    lat: .nan\n", "c.yaml")
    action = {"action": "add_fact", "fact": "place", "article": "a", "quote": "q", "name": "X", "type": "city"}
    validator = jsonschema.Draft202012Validator(curation_schema())
    assert not validator.is_valid({"actions": [{**action, "lat": math.nan}]})
    assert validator.is_valid({"actions": [{**action, "lat": 43.1, "lon": -0.0}]})


def test_an_entity_listed_twice_in_a_merge_gets_a_message_that_says_so(make_record) -> None:
    with pytest.raises(CurationError, match=r"c.yaml:4: merge_entities: entities: \['x', 'x'\] has non-unique elements"):
        parse_curation("actions:\n  - action: merge_entities\n    kind: person\n    entities: [x, x]\n", "c.yaml")
    records = [make_record("a", people=[("Vladimir Putin", None, True), ("Kim Jong-un", None, True)])]
    _, warnings = build_registry(records, {"a": "e"}, [MergeEntities("c.yaml:2", "person", ("Vladimir Putin", "vladimir-putin"), None)])
    assert warnings == ("c.yaml:2: merge_entities: 'vladimir-putin' is the same person as an entry before it "
                        "(list each entity once)",)


def test_an_entity_named_like_an_index_page_never_takes_its_name(make_record) -> None:
    records = [make_record("a", people=[("Index", None, True)], places=[("Index", "city", None, None, None, True)])]
    renamed = [RenameEntity("c.yaml:2", "person", "Index", "Ada Index")]
    registry, _ = build_registry(records, {"a": "e"})
    assert [e.id for e in (*registry.people, *registry.places)] == ["index-2", "index-2"]
    assert not RESERVED_IDS & {e.id for e in (*registry.people, *registry.places)}
    after_rename, _ = build_registry(records, {"a": "e"}, renamed)
    assert after_rename.people[0].redirect_from == ()  # no redirect page over people/index


# ---------------------------------------------------------------- finding 11: odd files, odd text


def test_every_entry_of_the_corpus_folder_is_read_or_reported(corpus: Path) -> None:
    (corpus / ".DS_Store").write_bytes(b"\x00\x01")
    (corpus / "2019").mkdir()
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "README.md").write_text("# Articles\n\nOne article per file.\n", encoding="utf-8")
    result = read_corpus(corpus, corpus.parent)
    assert [a.id for a in result.articles] == ["good"] and result.errors == ()
    assert [str(n) for n in result.notices] == [
        "articles/.DS_Store: hidden, not read (articles need a name that does not start with '.')",
        "articles/2019: a folder; the files in it are not read (put articles directly in the corpus folder)",
        "articles/README.md: a README documents the folder and is not read as an article "
        "(give an article any other name)",
        "articles/pipe.txt: not a regular file (a FIFO, socket or device), not read "
        "(remove it; articles are plain .txt or .md files)",
    ]


def test_terminal_escapes_and_utf16_without_bom_are_named_for_what_they_are() -> None:
    with pytest.raises(ReadError, match="terminal escape codes"):
        decode_bytes(b"\x1b[31mTalks in Oslo\x1b[0m\n" + BODY.encode(), "a.txt")
    assert decode_bytes("Café in Genève\n".encode("utf-16-le"), "a.txt") == ("Café in Genève\n", "utf-16-le")
    assert decode_bytes("Café in Genève\n".encode("utf-16-be"), "a.txt") == ("Café in Genève\n", "utf-16-be")


def test_a_short_text_in_another_script_is_not_given_a_supported_language() -> None:
    with pytest.raises(UnknownLanguageError) as caught:
        check_language("Путин встретился с Кимом")
    assert caught.value.code == "ru"
    assert check_language("Kim en Poetin") == "nl"


def test_a_date_followed_by_other_words_is_not_a_date() -> None:
    with pytest.raises(ReadError) as caught:
        parse_article(b'---\npublished: "2019-02-27 or maybe March"\n---\n' + BODY.encode(), "a.md", "a")
    assert str(caught.value) == ("a.md: front matter `published` is not a date: '2019-02-27 or maybe March' "
                                 "(write it as YYYY-MM-DD)")
    assert parse_article(b"---\npublished: 2019-02-27T10:00:00Z\n---\n" + BODY.encode(), "a.md", "a"
                         ).published == date(2019, 2, 27)


@pytest.mark.parametrize("data, stated, reason", [
    (BODY.encode(), Metadata(language="xx"), "unknown language 'xx' in front matter"),
    (b"---\ntitle: [one, two]\n---\n" + BODY.encode(), Metadata(), "front matter `title` is not a single value"),
    (BODY.encode(), Metadata(id="x" * 250), "is too long for a file name"),
])
def test_add_refuses_what_build_would_refuse_and_writes_nothing(corpus: Path, data: bytes, stated: Metadata,
                                                               reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        add_article(data, corpus, stated, source="in.txt")
    assert reason in str(caught.value)
    assert [p.name for p in corpus.iterdir()] == ["good.txt"]


def test_a_corpus_folder_committed_as_a_link_is_refused(tmp_path: Path, secret: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").symlink_to(secret.parent)
    (secret.parent / "articles").mkdir()
    shutil.copy(secret, secret.parent / "articles" / "config.txt")
    for command in (("build", "--no-site"), ("check",)):
        result = run(*command)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr.splitlines() == ["corpus: a symbolic link (keep the corpus in the repository itself, "
                                               "or pass --corpus)"]
    assert not (tmp_path / "docs").exists()
    added = run("add", str(secret), "--id", "x")
    assert (added.exit_code, added.stderr.splitlines()[0]) == (
        2, "corpus: a symbolic link (keep the corpus in the repository itself, or pass --corpus)")
    assert [p.name for p in (secret.parent / "articles").iterdir()] == ["config.txt"]


def test_add_never_names_an_article_readme_and_reports_a_full_disk_in_one_line(corpus: Path, monkeypatch) -> None:
    with pytest.raises(ReadError, match="would name a README file"):
        add_article(BODY.encode(), corpus, Metadata(id="README"), source="in.txt")
    assert add_article(f"Readme\n\n{BODY}".encode(), corpus, source="in.txt").id.startswith("readme-")

    def full(path: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr("generator.add.write_new", full)
    with pytest.raises(ReadError) as caught:
        add_article(f"Other talks\n\n{BODY} Again.".encode(), corpus, source="in.txt")
    assert str(caught.value) == (f"{corpus}: cannot add the article: No space left on device "
                                 "(check that the corpus folder is writable and the disk has room)")
