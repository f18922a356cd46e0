"""Which sentences of an article describe its main event.

People, places and dates each need to know which sentences report the meeting itself
rather than its background. A sentence describes the main event when it contains a
meeting word from the language's `event.meeting_words` lexicon ("summit", "talks",
"topontmoeting", "Gipfel", "sommet", "vertice", "cumbre", ...) and does not mark
itself as history (a year before the article's own, "former", "the then"). The lead,
the first full sentence of the body, usually reports the main event too; page furniture
above it (a cookie banner: the `event.page_words` lexicon) is passed over.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..languages import load
from ..records import Document


@dataclass(frozen=True)
class EventLexicon:
    meeting_words: tuple[str, ...]  # lower case; a trailing * marks a prefix
    history_words: tuple[str, ...]
    page_words: tuple[str, ...] = ()  # page furniture: cookie banners, log-in prompts
    caption_words: tuple[str, ...] = ()  # "Photo:", "Foto:": a picture's caption opens with one

    def meeting_pattern(self) -> re.Pattern[str]:
        return _alternation(self.meeting_words)

    def history_pattern(self) -> re.Pattern[str]:
        return _alternation(self.history_words)


def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")  # matches nothing
    parts = sorted((re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words),
                   key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def lexicon(code: str) -> EventLexicon:
    section = load(code).section("event")
    return EventLexicon(
        meeting_words=tuple(str(w).lower() for w in section.get("meeting_words", [])),
        history_words=tuple(str(w).lower() for w in section.get("history_words", [])),
        page_words=tuple(str(w).lower() for w in section.get("page_words", [])),
        caption_words=tuple(str(w).lower() for w in section.get("caption_words", [])),
    )


@lru_cache(maxsize=None)
def _patterns(code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon(code)
    return lex.meeting_pattern(), lex.history_pattern()


_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


def is_historical(text: str, code: str, current_year: int | None) -> bool:
    """True when a sentence places itself in the past: a history word, or a year
    earlier than the article's own (when known)."""
    _, history = _patterns(code)
    if history.search(text):
        return True
    if current_year is None:
        return False
    return any(int(y) < current_year for y in _YEAR.findall(text))


def mentions_meeting(text: str, code: str) -> bool:
    meeting, _ = _patterns(code)
    return bool(meeting.search(text))


# The lead is the first full sentence of the body: at least this many words, closed by
# a full stop, question or exclamation mark (titles, photo credits and "Share" are not).
LEAD_MIN_WORDS = 6
LEAD_SEARCH_SENTENCES = 6
_CLOSED = re.compile(r"[.!?][\"'”’»)\]]*\s*$")


@lru_cache(maxsize=None)
def _caption_pattern(code: str) -> re.Pattern[str]:
    """A caption word opening a sentence, then a colon: "Photo: ...", "Foto (dpa): ..."."""
    words = lexicon(code).caption_words
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?:" + "|".join(map(re.escape, words)) + r")\b[^:\n]{0,40}:", re.IGNORECASE)


def lead_sentence(doc: Document) -> int | None:
    """Index into `doc.sentences` of the article's lead, which in news reports the main
    event; None when none of the first sentences is a full one. Page furniture (a cookie
    banner above the article, a photo caption) is passed over, and so is the paragraph it
    stands in."""
    title = " ".join(doc.article.title.split())
    page = _alternation(lexicon(doc.language).page_words)
    caption = _caption_pattern(doc.language)
    skipped = 0
    furniture_ends = -1  # where the paragraph of the last page-furniture sentence ends
    for index, sentence in enumerate(doc.sentences):
        if index - skipped >= LEAD_SEARCH_SENTENCES:
            break
        if page.search(sentence.text) or caption.match(sentence.text.lstrip()):
            paragraph_end = doc.article.text.find("\n\n", sentence.end)
            furniture_ends = len(doc.article.text) if paragraph_end < 0 else paragraph_end
        if sentence.start < furniture_ends:
            skipped += 1
            continue
        text = " ".join(sentence.text.split())
        if text != title and len(text.split()) >= LEAD_MIN_WORDS and _CLOSED.search(text):
            return index
    return None


def lead_paragraph(doc: Document) -> frozenset[int]:
    """Indices of the sentences of the lead's paragraph: a lead may open with colour ("It
    was a picture that seemed unthinkable.") and report the meeting in the next sentence."""
    lead = lead_sentence(doc)
    if lead is None:
        return frozenset()
    text = doc.article.text
    end = text.find("\n\n", doc.sentences[lead].start)
    end = len(text) if end < 0 else end
    return frozenset(i for i in range(lead, len(doc.sentences)) if doc.sentences[i].start < end)


def main_event_sentences(doc: Document) -> frozenset[int]:
    """Indices into `doc.sentences` of the sentences that report the main event."""
    year = doc.anchor.year if doc.anchor else None
    return frozenset(
        i for i, sentence in enumerate(doc.sentences)
        if mentions_meeting(sentence.text, doc.language)
        and not is_historical(sentence.text, doc.language, year)
    )
