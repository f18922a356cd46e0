"""`factsheet add`: encoding and line ends normalised, stable ids, front matter, duplicates refused."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.add import Metadata, add_article, stable_id
from generator.read import ReadError, read_article, read_corpus

BODY = ("Ministers from Chile and Norway met in Oslo on Tuesday to discuss fishing quotas. Both "
        "governments said the talks had been useful and agreed to meet again next spring.")
FRENCH = ("Le ministre français a rencontré à l’Élysée son homologue chilien. « Très bien », a-t-il déclaré "
          "après une réunion consacrée à la pêche et à l’énergie.")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    return folder


def test_stable_id_from_date_outlet_and_title() -> None:
    meta = Metadata(title="Putin and Kim meet in Vladivostok", published=date(2019, 4, 25), outlet="Reuters")
    assert stable_id(meta) == "2019-04-25-reuters-putin-and-kim-meet-in-vladivostok"
    assert stable_id(Metadata(title="Überraschung in Genève!")) == "uberraschung-in-geneve"


def test_add_writes_md_with_stated_front_matter_only(corpus: Path) -> None:
    added = add_article(("Fishing talks in Oslo\r\n\r\n" + BODY + "\r\n").encode(), corpus,
                        Metadata(published=date(2021, 3, 2), outlet="Example Post"), source="talks.txt")
    assert added.path == corpus / "2021-03-02-example-post-fishing-talks-in-oslo.md"
    assert added.path.read_text(encoding="utf-8") == (
        "---\ntitle: Fishing talks in Oslo\npublished: 2021-03-02\noutlet: Example Post\n---\n\n"
        + BODY + "\n")  # the title line is in the front matter only
    article = read_article(added.path)
    assert (article.id, article.title, article.published, article.outlet, article.url, article.language) == (
        added.id, "Fishing talks in Oslo", date(2021, 3, 2), "Example Post", None, None)


def test_cp1252_input_is_stored_as_utf8_without_loss(corpus: Path) -> None:
    added = add_article(("Rencontre à Paris\r\n\r\n" + FRENCH).encode("cp1252"), corpus, source="fr.txt")
    assert added.encoding == "cp1252"
    text = added.path.read_bytes().decode("utf-8")  # strict: fails if not UTF-8
    assert FRENCH in text and "\r" not in text
    assert read_corpus(corpus).warnings == ()


def test_front_matter_of_the_input_is_kept_and_options_override_it(corpus: Path) -> None:
    data = f"---\ntitle: Old title\nurl: https://example.org/x\nlanguage: en\n---\n{BODY}\n".encode()
    added = add_article(data, corpus, Metadata(title="New title"), source="x.md")
    article = read_article(added.path)
    assert (article.title, article.url, article.language, added.id) == (
        "New title", "https://example.org/x", "en", "new-title")


def test_duplicate_body_is_refused_naming_the_existing_file(corpus: Path) -> None:
    (corpus / "existing.txt").write_text(BODY + "\n", encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        add_article(f"---\ntitle: Same text, other title\n---\n{BODY}  \r\n\r\n".encode(), corpus, source="-")
    assert str(caught.value) == f"-: duplicate of {corpus / 'existing.txt'} (same text) (nothing to add; edit that file instead)"
    assert sorted(p.name for p in corpus.iterdir()) == ["existing.txt"]


def test_id_clash_with_other_text_gets_a_hash_suffix(corpus: Path) -> None:
    first = add_article(f"Talks\n\n{BODY}".encode(), corpus)
    second = add_article(f"Talks\n\n{FRENCH}".encode(), corpus)
    assert first.id == "talks"
    assert second.id.startswith("talks-") and len(second.id) == len("talks-") + 8
    assert {a.id for a in read_corpus(corpus).articles} == {first.id, second.id}


def test_explicit_id_must_be_free_and_plain(corpus: Path) -> None:
    add_article(f"Talks\n\n{BODY}".encode(), corpus, Metadata(id="oslo"))
    with pytest.raises(ReadError, match="already used"):
        add_article(FRENCH.encode(), corpus, Metadata(id="oslo"))
    with pytest.raises(ReadError, match="looks like a path"):
        add_article(FRENCH.encode(), corpus, Metadata(id="../oslo"))


@pytest.mark.parametrize("data, reason", [
    (b"", "empty input"),
    (b"\x00\x01\x02binary", "binary file"),
    (b"x" * 2_000_001, "too large"),
    (b"---\ntitle: [x\n---\nbody text", "malformed front matter"),
    ("Os ministros do Chile e da Noruega reuniram-se na terça-feira em Lisboa para discutir as quotas de "
     "pesca. Os dois governos disseram que as conversações foram úteis.".encode(), "unknown language 'pt'"),
])
def test_bad_input_is_refused_and_nothing_is_written(corpus: Path, data: bytes, reason: str) -> None:
    with pytest.raises(ReadError, match=reason.replace("(", r"\(")):
        add_article(data, corpus, source="in.txt")
    assert list(corpus.iterdir()) == []


def test_added_article_needs_no_warning_and_reads_back_unchanged(corpus: Path) -> None:
    added = add_article(f"Talks\n\n{FRENCH}".encode(), corpus, Metadata(language="fr"))
    result = read_corpus(corpus)
    assert result.errors == () and result.warnings == ()
    assert (result.articles[0].title, result.articles[0].text) == ("Talks", FRENCH)
    assert result.articles[0].id == added.id


def test_cli_add_reads_stdin_and_prints_the_new_path(corpus: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    runner = CliRunner()
    data = ("Rencontre à Paris\r\n\r\n" + FRENCH).encode("cp1252")
    result = runner.invoke(main, ["add", "-", "--corpus", str(corpus), "--published", "2021-03-02",
                                  "--outlet", "Le Modèle"], input=data)
    assert result.exit_code == 0, result.output
    target = corpus / "2021-03-02-le-modele-rencontre-a-paris.md"
    assert result.output == f"added: {target} (converted from cp1252)\n"
    again = runner.invoke(main, ["add", "-", "--corpus", str(corpus)], input=data)
    assert again.exit_code == 1
    assert again.output == f"-: duplicate of {target} (same text) (nothing to add; edit that file instead)\n"


def test_missing_corpus_folder_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as caught:
        add_article(BODY.encode(), tmp_path / "nowhere")
    assert str(caught.value) == f"{tmp_path / 'nowhere'}: corpus folder not found (pass --corpus or create the folder)"
