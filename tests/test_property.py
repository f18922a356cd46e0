"""Property-based tests: whatever bytes or text arrive, reading either gives an Article or
one ReadError, and extraction never raises."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.extract import extract_article
from generator.extract.language import UnknownLanguageError, check_language, detect_language
from generator.languages import supported
from generator.read import ReadError, parse_article
from generator.parallel import extract_all
from generator.records import Article, to_dict
from generator.validate import problems, provenance_problems

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ONE_LINE = re.compile(r"[^\n]+: [^\n]+ \([^\n]+\)")
EXTRACTING = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the extractors' cue rules fire: titles, months, weekdays, numbers,
# quotes, reporting and agreement verbs, capitalised words, abbreviations, odd spacing.
PIECES = ["President", "president", "Minister", "minister", "premier", "Dr.", "Mr.", "Mme", "Herr", "von", "van",
          "de", "der", "la", "Oslo", "Paris", "Berlin", "Madrid", "Roma", "Gent", "Norway", "Chile", "summit",
          "top", "Gipfel", "vertice", "cumbre", "sommet", "met", "ontmoette", "traf", "incontrato", "said", "zei",
          "sagte", "a déclaré", "dijo", "agreed", "signed", "akkoord", "Abkommen", "accordo", "acuerdo", "Monday",
          "dinsdag", "Mittwoch", "jeudi", "venerdì", "sábado", "yesterday", "gisteren", "heute", "1", "25",
          "2019", "2024", "12.3", "10:30", "2021-03-02", "3/4/2020", "April", "april", "mai", "giugno", "enero",
          "Januar", ".", ",", ";", ":", "!", "?", "«", "»", "“", "”", "‘", "’", '"', "'", "(", ")", "-", "–",
          "\n", "\n\n", " ", "\t", "A.", "U.S.", "e.g.", "Kim-Li", "O'Neil", "Xi", "ÉÈ", "İ", "ß", "ﬁ"]
article_text = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=120).map(" ".join)
any_text = st.one_of(st.text(max_size=2000), article_text)


@FAST
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".md"]))
def test_reading_random_bytes_gives_an_article_or_a_read_error(data: bytes, suffix: str) -> None:
    try:
        article = parse_article(data, f"corpus/articles/x{suffix}", "x")
    except ReadError as error:
        assert str(error).startswith(f"corpus/articles/x{suffix}: ")
        return
    assert article.text.strip() and "\r" not in article.text


@FAST
@given(text=any_text, front=st.sampled_from(["", "---\n", "---\ntitle: x\n---\n", "---\n: :\n---\n",
                                             "---\nid: ../x\n---\n", "---\npublished: 2019-02-30\n---\n"]))
def test_reading_random_text_gives_an_article_or_a_read_error(text: str, front: str) -> None:
    try:
        article = parse_article((front + text).encode("utf-8", "surrogatepass"), "a.md", "a")
    except ReadError as error:
        assert str(error).startswith("a.md: ") and str(error).endswith(")")
        return
    assert article.id and article.text.strip()


@FAST
@given(text=any_text)
def test_language_check_refuses_only_with_unknown_language(text: str) -> None:
    assert detect_language(text) in supported()
    try:
        assert check_language(text) in supported()
    except UnknownLanguageError as error:
        assert error.code not in supported()


def _article(text: str, language: str | None) -> Article:
    return Article(id="x", path="corpus/articles/x.txt", text=text, title=text[:40], content_hash="0" * 64,
                   language=language)


@EXTRACTING
@given(text=any_text.filter(str.strip), language=st.sampled_from(supported()))
def test_extraction_never_raises_in_any_supported_language(text: str, language: str) -> None:
    record = extract_article(_article(text, language))
    for fact in (*record.participants, *record.locations, *record.dates, *record.outcomes):
        for evidence in fact.evidence:
            assert text[evidence.start:evidence.end] == evidence.quote


@EXTRACTING
@given(text=article_text.filter(str.strip), anchor=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 1, 1))))
def test_extraction_never_raises_with_detected_language_and_any_anchor(text: str, anchor: date | None) -> None:
    extract_article(_article(text, None), anchor)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**63, 2**63 - 1) | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5), max_leaves=40)


@settings(max_examples=1000, deadline=None)
@given(json_values)
def test_indented_json_is_what_the_standard_library_writes(value: object) -> None:
    import json

    from generator.render.downloads import indented_json

    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


# Whole files through the path `factsheet extract` takes (read, then `extract_all` with its time
# budget): random bytes, and real articles cut, doubled and spliced with random bytes.
DEVSET = [p.read_bytes() for p in sorted((Path(__file__).parent / "fixtures" / "devset" / "articles").iterdir())]


@st.composite
def mutated_article(draw: st.DrawFn) -> bytes:
    data = draw(st.sampled_from(DEVSET))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 400))
        operation = draw(st.sampled_from(["delete", "insert", "double", "splice"]))
        if operation == "delete":
            data = data[:at] + data[at + cut:]
        elif operation == "insert":
            data = data[:at] + draw(st.binary(max_size=40)) + data[at:]
        elif operation == "double":  # a run of the text repeated, as a careless paste does
            data = data[:at + cut] + data[at:at + cut] * draw(st.integers(2, 30)) + data[at + cut:]
        else:
            data = data[:at] + draw(st.sampled_from(DEVSET))[cut:] + data[at:]
    return data


@EXTRACTING
@given(data=st.one_of(st.binary(max_size=3000), mutated_article()), suffix=st.sampled_from([".txt", ".md"]))
def test_any_file_gives_a_schema_valid_record_or_one_error_line(data: bytes, suffix: str) -> None:
    path = f"corpus/articles/x{suffix}"
    try:
        article = parse_article(data, path, "x")
    except ReadError as error:
        assert ONE_LINE.fullmatch(str(error)) and str(error).startswith(f"{path}: ")
        return
    extraction = extract_all([article], None, jobs=1, progress=False)  # within the default time budget
    assert len(extraction.records) + len(extraction.failures) == 1
    if extraction.failures:
        line = str(extraction.failures[0])
        assert ONE_LINE.fullmatch(line) and line.startswith(f"{path}: ")
        assert "extraction failed" not in line  # an unsupported language, not a crash of a stage
        return
    record = to_dict(extraction.records[0])
    assert problems("article", record) == []
    assert provenance_problems(record, article.text) == []
