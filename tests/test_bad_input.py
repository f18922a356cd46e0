"""Each kind of bad article gets exactly one `path: reason (what to do)` line, and the
other articles still read. Every fixture is made here, in a temporary corpus, under a
file name that says which case it is."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
import pytest

from generator.parallel import check_languages
from generator.read import read_corpus
from generator.records import Article

GOOD = {
    "good_english.txt": ("Fishing talks in Oslo\n\nMinisters from Chile and Norway met in Oslo on Tuesday to "
                         "discuss fishing quotas. Both governments said the talks had been useful and agreed "
                         "to meet again next spring in Santiago.\n"),
    "good_dutch.md": ("---\ntitle: Overleg in Gent\n---\n\nDe ministers van Chili en Noorwegen spraken dinsdag in "
                      "Gent over visquota. Beide regeringen noemden het overleg nuttig en spraken af elkaar "
                      "volgend voorjaar opnieuw te zien.\n"),
}
PORTUGUESE = ("Os ministros do Chile e da Noruega reuniram-se na terça-feira em Lisboa para discutir as quotas "
              "de pesca. Os dois governos disseram que as conversações foram úteis e combinaram voltar a "
              "encontrar-se na próxima primavera em Santiago.\n")
FRENCH = ("Le ministre français a rencontré à l’Élysée son homologue chilien. « Très bien », a-t-il déclaré "
          "après une réunion consacrée à la pêche et à l’énergie, où les deux pays ont signé un accord.\n")


@dataclass(frozen=True)
class Outcome:
    """What a build or `factsheet check` reports: problem lines, warnings, and the articles that go on."""

    errors: tuple[str, ...]
    warnings: tuple[str, ...]
    articles: tuple[Article, ...]


def corpus_with(tmp_path: Path, bad: dict[str, bytes]) -> Outcome:
    """Read a corpus of the good articles plus `bad`, and check languages as extraction does."""
    folder = tmp_path / "corpus" / "articles"
    folder.mkdir(parents=True)
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    read = read_corpus(folder, root=tmp_path)
    language = check_languages(read.articles, None)
    refused = {failure.path for failure in language}
    return Outcome(tuple(map(str, (*read.errors, *language))), tuple(map(str, read.warnings)),
                   tuple(a for a in read.articles if a.path not in refused))


def assert_one_error(result: Outcome, expected: str) -> None:
    assert list(result.errors) == [expected]
    assert result.warnings == ()
    assert {a.id for a in result.articles} == {"good_english", "good_dutch"}


SUPPORTED = "supported: de, en, es, fr, it, nl"
CASES: dict[str, tuple[dict[str, bytes], str]] = {
    "empty file": ({"empty_file.txt": b""},
                   "corpus/articles/empty_file.txt: empty file (add the article text or delete the file)"),
    "blank file": ({"blank_file.md": b" \n\n\t\n"},
                   "corpus/articles/blank_file.md: empty file (add the article text or delete the file)"),
    "binary file": ({"binary_file.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 64},
                    "corpus/articles/binary_file.txt: binary file, not text (commit the article as UTF-8 text)"),
    "10 MB article": ({"ten_megabytes.txt": (GOOD["good_english.txt"] * 60_000).encode()[:10_000_000]},
                      "corpus/articles/ten_megabytes.txt: too large for one article (10.0 MB) (split it or "
                      "remove what is not article text; the limit is 2 MB)"),
    "malformed front matter": ({"malformed_front_matter.md": ("---\ntitle: Talks\n  outlet: : x\n---\n"
                                                              + GOOD["good_english.txt"]).encode()},
                               "corpus/articles/malformed_front_matter.md: malformed front matter at line 3 "
                               "(fix the YAML between the --- lines)"),
    "unknown language": ({"unknown_language_portuguese.txt": PORTUGUESE.encode()},
                         f"corpus/articles/unknown_language_portuguese.txt: unknown language 'pt' ({SUPPORTED})"),
    "unsupported front matter language": (
        {"front_matter_language_pt.md": ("---\nlanguage: pt\n---\n" + PORTUGUESE).encode()},
        f"corpus/articles/front_matter_language_pt.md: unknown language 'pt' in front matter ({SUPPORTED})"),
    "duplicate id": ({"good_english.md": ("---\ntitle: Another text\n---\n" + FRENCH).encode()},
                     "corpus/articles/good_english.md: duplicate id 'good_english', also used by "
                     "corpus/articles/good_english.txt (rename one of the files or change its `id`)"),
    "id that looks like a path": ({"id_looks_like_path.md": ("---\nid: ../x\n---\n" + FRENCH).encode()},
                                  "corpus/articles/id_looks_like_path.md: id '../x' looks like a path or has odd "
                                  "characters (use letters, digits, '-', '_' and '.' only, with no path parts)"),
    "unsupported file type": ({"article.docx": b"PK\x03\x04 office file"},
                              "corpus/articles/article.docx: unsupported file type '.docx' "
                              "(save the article as .txt or .md)"),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_gets_one_error_line_and_the_rest_still_reads(tmp_path: Path, case: str) -> None:
    files, expected = CASES[case]
    result = corpus_with(tmp_path, files)
    if case == "duplicate id":  # neither file can be trusted to be the one meant
        assert list(result.errors) == [expected]
        assert {a.id for a in result.articles} == {"good_dutch"}
    else:
        assert_one_error(result, expected)


def test_cp1252_article_is_decoded_built_and_warned_about(tmp_path: Path) -> None:
    result = corpus_with(tmp_path, {"not_utf8_cp1252.txt": FRENCH.encode("cp1252")})
    assert result.errors == ()
    assert list(result.warnings) == [
        "corpus/articles/not_utf8_cp1252.txt: not UTF-8, read as cp1252 "
        "(save it as UTF-8; `factsheet add` does that for new articles)"]
    article = next(a for a in result.articles if a.id == "not_utf8_cp1252")
    assert article.text == FRENCH.strip("\n")  # decoded, nothing lost


def test_case_only_id_clash_is_a_duplicate(tmp_path: Path) -> None:
    result = corpus_with(tmp_path, {"Good_English.md": FRENCH.encode()})
    assert len(result.errors) == 1 and "duplicate id" in str(result.errors[0])


def test_every_bad_case_at_once_still_reads_the_good_articles(tmp_path: Path) -> None:
    everything: dict[str, bytes] = {}
    for files, _ in CASES.values():
        everything.update(files)
    result = corpus_with(tmp_path, everything)
    assert {a.id for a in result.articles} == {"good_dutch"}
    assert sorted(result.errors) == sorted(expected for _, expected in CASES.values())



def test_factsheet_check_fails_with_one_line_per_bad_article(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    everything: dict[str, bytes] = {"not_utf8_cp1252.txt": FRENCH.encode("cp1252")}
    for files, _ in CASES.values():
        everything.update(files)
    corpus_with(tmp_path, everything)
    result = CliRunner().invoke(main, ["check", "--corpus", str(tmp_path / "corpus" / "articles"),
                                       "--docs", str(tmp_path / "docs"), "--curation", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    shown = str(tmp_path / "corpus" / "articles")  # the corpus is outside the working folder
    for _, expected in CASES.values():
        assert expected.replace("corpus/articles", shown) in lines
    assert any(line.startswith(f"{shown}/not_utf8_cp1252.txt: not UTF-8, read as cp1252") for line in lines)
    assert lines[-1].startswith(f"check: {len(CASES) + 1} problems (")


def test_build_reports_each_bad_article_once_and_builds_the_others(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from generator.cli import main

    everything: dict[str, bytes] = {"not_utf8_cp1252.txt": FRENCH.encode("cp1252")}
    for files, _ in CASES.values():
        everything.update(files)
    corpus_with(tmp_path, everything)
    docs = tmp_path / "docs"
    result = CliRunner().invoke(main, ["build", "--no-site", "--corpus", str(tmp_path / "corpus" / "articles"),
                                       "--docs", str(docs), "--curation", str(tmp_path / "none.yaml")])
    assert result.exit_code == 1
    shown = str(tmp_path / "corpus" / "articles")
    lines = result.output.splitlines()
    for _, expected in CASES.values():
        assert lines.count(expected.replace("corpus/articles", shown)) == 1
    assert sorted(p.stem for p in (docs / "data" / "articles").glob("*.yaml")) == ["good_dutch", "not_utf8_cp1252"]
