"""Split an article into sentences that keep their character spans.

News text is messy: headlines without full stops, bullet points, quotes that close
after the full stop (`."` / `.”` / `.»`), machine-translation joins such as
"2019First", and abbreviations ("Mr.", "z.B."). The rules here handle those without
a model; the per-language abbreviation list lives in the language data files.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..languages import all_languages
from ..records import Sentence

CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘«„(["
# A full stop, question or exclamation mark, optionally followed by closing quotes,
# then whitespace and the start of a new sentence (capital, digit or opening quote).
_BOUNDARY = re.compile(rf"([.!?…]+[{re.escape(CLOSERS)}]*)(\s+)(?=[{re.escape(OPENERS)}]?[\w{re.escape(OPENERS)}])")
_LINE_BREAK = re.compile(r"\n\s*")
_BULLET = re.compile(r"^[•*\-–]\s+")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Every language's abbreviations, lower-cased without their final full stop.

    They are pooled: an English "Mr." in a Dutch article is still an abbreviation.
    """
    found: set[str] = set()
    for language in all_languages():
        for abbr in language.section("sentences").get("abbreviations", []):
            found.add(str(abbr).lower().rstrip("."))
    return frozenset(found)


_TOKEN_BEFORE_STOP = re.compile(r"(?:^|[\s(])([\w.]+)\.$")


@lru_cache(maxsize=1)
def _longest_token() -> int:
    """The longest token that can count as an abbreviation (a dotted one has up to 6 characters)."""
    return max(6, *map(len, _abbreviations()))


def _ends_with_abbreviation(chunk: str) -> bool:
    # Only the chunk's last characters can hold the token: searching a whole long line at each
    # full stop made splitting it quadratic. A token cut by the window is longer than any
    # abbreviation, so it gives False either way.
    match = _TOKEN_BEFORE_STOP.search(chunk[-_longest_token() - 2:])
    if not match:
        return False
    token = match.group(1).lower()
    # Single letters are initials ("J. Smith"); dotted tokens are abbreviations ("z.B.").
    return token in _abbreviations() or len(token) == 1 or ("." in token and len(token) <= 6)


def _split_line(line: str, offset: int) -> list[Sentence]:
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        end = match.end(1)
        chunk = line[max(start, end - _longest_token() - 2):end]
        if _ends_with_abbreviation(chunk) and not re.search(r"[!?…]", match.group(1)):
            continue
        following = line[match.end():match.end() + 1]
        if following.islower():
            continue
        sentences.append(_make(line, start, end, offset))
        start = match.end()
    if line[start:].strip():
        sentences.append(_make(line, start, len(line), offset))
    return [s for s in sentences if s.text]


def _make(line: str, start: int, end: int, offset: int) -> Sentence:
    raw = line[start:end]
    lead = len(raw) - len(raw.lstrip())
    bullet = _BULLET.match(raw[lead:])
    if bullet:
        lead += bullet.end()
    text = raw[lead:].rstrip()
    return Sentence(text=text, start=offset + start + lead, end=offset + start + lead + len(text))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences of `text` in order; `text[s.start:s.end] == s.text` for each.

    Line breaks always end a sentence: news articles put headlines, captions and
    paragraphs on lines of their own, often without a final full stop.
    """
    sentences: list[Sentence] = []
    position = 0
    for line in re.split(r"(\n)", text):
        if line != "\n" and line.strip():
            sentences.extend(_split_line(line, position))
        position += len(line)
    return tuple(sentences)
