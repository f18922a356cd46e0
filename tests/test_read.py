"""The corpus reader: decoding, front matter, ids, and reading a whole folder."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.read import ReadError, decode_bytes, parse_article, read_article, read_corpus, split_front_matter

ENGLISH = ("Ministers from Chile and Norway met in Oslo on Tuesday to discuss fishing quotas and "
           "the protection of the northern seas. Both governments said the talks had been useful "
           "and agreed to meet again next spring in Santiago.")
FRENCH_CP1252 = ("Le ministre français a rencontré à l’Élysée son homologue chilien. « Très bien », "
                 "a-t-il déclaré après une réunion consacrée à la pêche et à l’énergie.")


def test_txt_article_takes_stem_as_id_and_first_line_as_title(tmp_path: Path) -> None:
    path = tmp_path / "fishing_talks.txt"
    path.write_text("Fishing talks in Oslo\n\n" + ENGLISH + "\n", encoding="utf-8")
    article = read_article(path, "corpus/articles/fishing_talks.txt")
    assert article.id == "fishing_talks"
    assert article.title == "Fishing talks in Oslo"
    assert article.text == "Fishing talks in Oslo\n\n" + ENGLISH
    assert article.path == "corpus/articles/fishing_talks.txt"
    assert article.language is None  # detected later; only front matter states it


def test_md_front_matter_fields_are_read(tmp_path: Path) -> None:
    path = tmp_path / "talks.md"
    path.write_text("---\ntitle: Talks\npublished: 2021-03-02\noutlet: Example Post\n"
                    "url: https://example.org/a\nlanguage: EN\nid: oslo-talks\n---\n\n" + ENGLISH, encoding="utf-8")
    article = read_article(path)
    assert (article.id, article.title, article.published, article.outlet, article.url, article.language) == (
        "oslo-talks", "Talks", date(2021, 3, 2), "Example Post", "https://example.org/a", "en")
    assert article.text == ENGLISH


def test_crlf_and_bom_are_normalised() -> None:
    text, encoding = decode_bytes(b"\xef\xbb\xbfone\r\ntwo\rthree\n", "x.txt")
    assert (text, encoding) == ("one\ntwo\nthree\n", "utf-8-sig")


def test_utf16_with_bom_is_text_not_binary() -> None:
    text, _ = decode_bytes("Café in Genève\r\n".encode("utf-16"), "x.txt")
    assert text == "Café in Genève\n"


def test_cp1252_is_decoded_without_loss() -> None:
    text, encoding = decode_bytes(FRENCH_CP1252.encode("cp1252"), "x.txt")
    assert text == FRENCH_CP1252
    assert encoding == "cp1252"


def test_short_cp1252_word_is_not_mistaken_for_utf16() -> None:
    assert decode_bytes("café".encode("cp1252"), "x.txt") == ("café", "cp1252")


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", bytes(range(1, 32)) * 20])
def test_binary_is_refused(data: bytes) -> None:
    with pytest.raises(ReadError, match="binary file"):
        decode_bytes(data, "x.txt")


@pytest.mark.parametrize("front, reason", [
    ("---\ntitle: a\n  b: c\n---\n", "malformed front matter at line 3"),
    ("---\n- a list\n- not a mapping\n---\n", "not a mapping"),
    ("---\npublished: 2019-02-30\n---\n", "day is out of range"),
    ("---\ntitle: no closing line\n", "no closing --- line"),
    ("---\ntitle:\n  nested: value\n---\n", "`title` is not a single value"),
    ("---\ntitel: typo\n---\n", "unknown front matter field(s): titel"),
    ("---\npublished: soon\n---\n", "`published` is not a date"),
])
def test_front_matter_problems_name_what_is_wrong(front: str, reason: str) -> None:
    with pytest.raises(ReadError) as caught:
        parse_article((front + ENGLISH).encode(), "corpus/articles/a.md", "a")
    assert reason in str(caught.value)
    assert str(caught.value).startswith("corpus/articles/a.md: ")


def test_empty_front_matter_is_allowed() -> None:
    assert split_front_matter("---\n---\nbody", "a.md") == ({}, "body")


def test_front_matter_in_txt_is_plain_text() -> None:
    article = parse_article(("---\n" + ENGLISH).encode(), "a.txt", "a")
    assert article.text.startswith("---\n")


@pytest.mark.parametrize("bad_id", ["../x", "x/y", "/etc/passwd", ".hidden", "a..b", "with space"])
def test_ids_that_are_not_plain_names_are_refused(bad_id: str) -> None:
    with pytest.raises(ReadError, match="looks like a path"):
        parse_article(f"---\nid: '{bad_id}'\n---\n{ENGLISH}".encode(), "a.md", "a")


def test_front_matter_language_must_be_supported() -> None:
    with pytest.raises(ReadError) as caught:
        parse_article(f"---\nlanguage: pt\n---\n{ENGLISH}".encode(), "a.md", "a")
    assert str(caught.value) == ("a.md: unknown language 'pt' in front matter "
                                 "(supported: de, en, es, fr, it, nl)")


def test_read_corpus_keeps_order_and_skips_dotfiles(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".gitkeep"):
        (tmp_path / name).write_text(ENGLISH, encoding="utf-8")
    result = read_corpus(tmp_path, root=tmp_path.parent)
    assert [a.id for a in result.articles] == ["a", "b"]
    assert [a.path for a in result.articles] == [f"{tmp_path.name}/a.txt", f"{tmp_path.name}/b.txt"]
    assert result.errors == () and result.warnings == ()


def test_articles_parsed_by_the_last_build_are_taken_by_path_and_content(tmp_path: Path, monkeypatch) -> None:
    from generator import read

    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "b.md").write_text("---\ntitle: Talks\n---\n" + ENGLISH, encoding="utf-8")
    (corpus / "c.txt").write_bytes(FRENCH_CP1252.encode("cp1252"))
    (corpus / "bad.md").write_text("---\ntitle: [unclosed\n---\n" + ENGLISH, encoding="utf-8")
    parsed = read.ParsedArticles(tmp_path / "parsed", "v1")
    first = read_corpus(corpus, tmp_path, parsed)
    parsed.save()
    calls: list[str] = []
    original = read._parse
    monkeypatch.setattr(read, "_parse", lambda data, shown, stem: calls.append(shown) or original(data, shown, stem))
    (corpus / "a.txt").write_text(ENGLISH + " Changed.", encoding="utf-8")
    again = read_corpus(corpus, tmp_path, read.ParsedArticles(tmp_path / "parsed", "v1"))
    assert calls == ["articles/a.txt", "articles/bad.md"]  # the changed file and the one that failed
    assert again.articles[1:] == first.articles[1:] and again.warnings == first.warnings  # cp1252, warned again
    assert again.errors == first.errors and len(again.errors) == 1
    calls.clear()
    read_corpus(corpus, tmp_path, read.ParsedArticles(tmp_path / "parsed", "v2"))
    assert len(calls) == 4  # other code: nothing is taken


def test_read_corpus_reads_the_fixture_corpus() -> None:
    result = read_corpus(Path(__file__).resolve().parent / "fixtures" / "corpus" / "articles")
    assert result.errors == () and result.warnings == ()
    assert len(result.articles) == 5
