"""Cue lexicons and text scanning for the outcomes extractor.

The `outcomes:` section of each language file lists phrases (reporting verbs,
agreement words, negations, ...). Here they become one compiled pattern per cue kind,
so the extractor asks "where in this text is a reporting verb?" without knowing the
language. Quoted passages are found once per article: a quote may open in one sentence
and close in a later one, and speakers named inside a quote are not its speaker.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Mapping

from ..languages import LanguageDataError, load, supported

FALLBACK_LANGUAGE = "en"
GAP_WORDS = 6  # how many words `...` in a phrase may stand for (`?` stands for exactly one)


def fold(text: str) -> str:
    """Lower-case `text` without changing its length, so offsets stay valid."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


@dataclass(frozen=True)
class Cue:
    """A compiled list of phrases; finds them as whole words, ignoring case.

    Patterns run on `fold`ed text (much faster than a case-insensitive pattern).
    Phrases that begin a word are matched without a left word boundary and the
    matches that start inside a word are dropped afterwards: a pattern that opens with
    a look-behind is tried at every position, one without it only where it can match.
    """

    at_word: re.Pattern[str] | None
    anywhere: re.Pattern[str] | None  # compound endings ("*akkoord") and phrases opening with punctuation

    def find(self, folded: str) -> list[tuple[int, int]]:
        """Matches in text that is already folded."""
        found: list[tuple[int, int]] = []
        if self.at_word is not None:
            found += [(m.start(), m.end()) for m in self.at_word.finditer(folded) if not _word_before(folded, m.start())]
        if self.anywhere is not None:
            found += [(m.start(), m.end()) for m in self.anywhere.finditer(folded)]
        return sorted(found)

    def spans(self, text: str) -> list[tuple[int, int]]:
        return self.find(fold(text))

    def found(self, text: str) -> bool:
        return bool(self.find(fold(text)))


def _word_before(text: str, position: int) -> bool:
    return position > 0 and (text[position - 1].isalnum() or text[position - 1] == "_")


@dataclass(frozen=True)
class OutcomeLexicon:
    """The cue phrases of one language (see the `outcomes:` section of its data file)."""

    reporting_verbs: Cue
    attribution_phrases: Cue
    announcement_markers: Cue
    expectation_words: Cue
    reported_mood: Cue  # German "sei", "habe": a sentence in the subjunctive goes on with the last speaker's words
    condition_words: Cue  # "as soon as", "zodra": a future bound to a condition states a position
    reported_future: Cue  # the conditional of reported speech ("said he would invite")
    schedule_markers: Cue  # when something follows ("within weeks"): an announcement whatever the subject
    subject_articles: Cue  # a future whose subject opens with one of these may be a prediction
    complementizers: Cue  # "that", "dass", "que": a reported clause (and its subject) starts after them
    subject_pronouns: Cue  # "we", "our", "he": a future with such a subject commits
    side_nouns: Cue  # "government", "country": a common-noun subject that commits a side
    agreement_nouns: Cue
    signing_words: Cue
    agreement_phrases: Cue
    terms_openers: Cue  # before an agreement noun: what follows is its content ("under the deal")
    terms_references: Cue  # point back to the agreement just named ("therein", "daarin")
    indefinite_articles: Cue  # "according to a statement": a press release, not the agreement
    negations: Cue
    negation_exceptions: Cue
    disclosure_words: Cue
    deal_nouns: Cue
    gift_nouns: Cue
    gift_verbs: Cue
    gift_receipts: Cue  # the gift verbs of the one who receives ("received ... from"): the giver is named after them
    gift_receivers: Cue  # a side named by a noun, not a person, receives a gift ("the royal couple", "his guest")
    assessment_words: Cue
    question_openers: Cue  # "asked whether", "auf die Frage, ob": the question's future is not the speaker's
    verdict_words: Cue  # "a historic day", "not a failure": a judgment when someone says it, not in the writer's voice
    hedges: Cue
    hypothetical_markers: Cue
    background_markers: Cue
    earlier_tense: Cue
    since_words: Cue  # "since": the year a few words on is a starting point ("since the war began in 2014")
    after_words: Cue  # "after": only a year right after it is one ("after 2019")
    year_attributes: Cue  # "of", "de", "van": the year after one dates the noun before it ("the armistice of 1953")
    source_nouns: Cue
    pronouns: Cue
    plural_subjects: Cue
    conjunctions: Cue
    clause_openers: Cue
    role_nouns: Cue
    boilerplate: Cue
    site_notices: Cue  # "cookies", "privacy policy": a short line holding one anywhere is the site's notice
    judging_verbs: Cue  # "called it", "welcomed": the speaker judges what follows
    result_nouns: Cue  # what a judgment of the meeting is about ("the result", "progress")
    cancellation_words: Cue  # "cancelled": with a programme noun, a sign of no agreement
    programme_nouns: Cue  # "working lunch", "signing ceremony"
    obligation_markers: Cue  # "are to", "sollen": what the parties are to do under an agreement
    continuation_openers: Cue  # "also", "they": a sentence that goes on with an agreement's terms
    relative_words: Cue  # "who", "which", "die": a clause with its own subject
    joint_decisions: Cue  # "decided to", "hanno deciso di": with both sides as subject, an agreement
    collective_decisions: Cue  # "approved", "invited", "called for" (plural): with the meeting's members as subject, an agreement
    reaction_verbs: Cue  # "reacted": someone away from the meeting answers it, colour rather than an outcome
    collective_subjects: Cue  # "the allies", "the member states", "the heads of state and government": the members of a meeting
    next_words: Cue  # "next", "nächste": with a meeting word, or a verb of holding one, the next meeting is set
    held_verbs: Cue  # "will be held", "findet ... statt": a meeting takes place
    document_nouns: Cue  # "the text", "the document": a clause with one as subject says what an agreement holds
    joint_words: Cue  # "jointly", "gemeinsam": both sides take one position
    content_references: Cue  # "Dat hebben ... afgesproken", "This was agreed": the agreement's content is the sentence before
    back_references: Cue  # "there", "dort": a sentence opening with one goes on in the time of the one before
    object_markers: Cue  # "to", "zu", "a": a name after a reporting verb behind one is who was told, not the speaker
    pro_drop: bool
    capitalised_nouns: bool  # German: a capital after an article does not show a name
    index: WordIndex  # every phrase above, filed under its first word, for one pass over a text


@dataclass(frozen=True)
class Hits:
    """Where one cue occurs in an article, found once and looked up by range."""

    matches: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]

    def spans(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.starts) and self.starts[i] < end:
            if self.matches[i][1] <= end:
                out.append(self.matches[i])
            i += 1
        return out

    def first(self, start: int, end: int) -> tuple[int, int] | None:
        found = self.spans(start, end)
        return found[0] if found else None

    def found(self, start: int, end: int) -> bool:
        return self.first(start, end) is not None


@dataclass(frozen=True)
class WordIndex:
    """The phrases of all cues filed under their first word, so one pass over the words of
    a text finds every cue: at each word only the phrases that can start there are tried."""

    exact: Mapping[str, tuple[tuple[str, re.Pattern[str]], ...]]  # first word → (cue, phrase pattern)
    stems: Mapping[str, tuple[tuple[str, re.Pattern[str]], ...]]  # first-word stem ("constructie*") → ...
    stem_lengths: tuple[int, ...]


def build_index(phrases_by_cue: Mapping[str, list[str]]) -> WordIndex:
    exact: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    stems: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for cue, phrases in phrases_by_cue.items():
        for phrase in {str(p).strip().lower() for p in phrases if str(p).strip()}:
            if not re.match(r"\w", phrase):
                continue  # compound endings and leading punctuation: `Cue.anywhere` finds them
            first = phrase.split()[0]
            word = re.match(r"\w+", first).group()  # type: ignore[union-attr]
            entry = (cue, re.compile(phrase_regex(phrase)))
            if first == word + "*":
                stems.setdefault(word, []).append(entry)
            else:
                exact.setdefault(word, []).append(entry)
    return WordIndex(exact={k: tuple(v) for k, v in exact.items()}, stems={k: tuple(v) for k, v in stems.items()},
                     stem_lengths=tuple(sorted({len(k) for k in stems})))


_WORD = re.compile(r"\w+")


def scan(lex: OutcomeLexicon, text: str) -> Mapping[str, Hits]:
    """Every cue of `lex` found in `text`, by lexicon field name.

    The same matches as each `Cue.find`, found in one pass: at each word start only the
    phrases filed under that word (or a stem of it) are tried; the longest one per cue wins.
    """
    folded = fold(text)
    found: dict[str, list[tuple[int, int]]] = {f.name: [] for f in fields(lex) if isinstance(getattr(lex, f.name), Cue)}
    index = lex.index
    for word_match in _WORD.finditer(folded):
        word, start = word_match.group(), word_match.start()
        entries = index.exact.get(word, ())
        for length in index.stem_lengths:
            if length > len(word):
                break
            entries += index.stems.get(word[:length], ())
        longest: dict[str, int] = {}
        for cue, pattern in entries:
            match = pattern.match(folded, start)
            if match and match.end() > longest.get(cue, -1):
                longest[cue] = match.end()
        for cue, end in longest.items():
            found[cue].append((start, end))
    hits: dict[str, Hits] = {}
    for name, at_words in found.items():
        spans = _without_overlaps(at_words)
        cue = getattr(lex, name)
        if cue.anywhere is not None:
            spans += [(m.start(), m.end()) for m in cue.anywhere.finditer(folded)]
            spans.sort()
        hits[name] = Hits(tuple(spans), tuple(s for s, _ in spans))
    return hits


def _without_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Leftmost matches first, none inside another (as a regex scan finds them)."""
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def phrase_regex(phrase: str) -> str:
    """The regex of one lexicon phrase, without its left word boundary (see `compile_cue`)."""
    phrase = phrase.strip().lower()
    tail = r"\w*" if phrase.endswith("*") else ""
    body, gap = "", False
    for token in phrase.strip("*").split():
        if token == "...":
            gap = True
            continue
        piece = r"\S+" if token == "?" else re.escape(token).replace("'", "['’]")
        if body:
            body += (rf"(?:\s+\S+){{0,{GAP_WORDS}}}?" if gap else "") + r"\s+"
        body += piece
        gap = False
    after = r"(?!\w)" if re.search(r"\w$", phrase.rstrip("*")) else ""
    return body + tail + after


def compile_cue(phrases: list[str] | None) -> Cue:
    """The patterns of a phrase list, longest phrases first."""
    cleaned = sorted({str(p).strip().lower() for p in phrases or [] if str(p).strip()}, key=lambda p: (-len(p), p))
    at_word = [phrase_regex(p) for p in cleaned if re.match(r"\w", p)]
    anywhere = [phrase_regex(p) for p in cleaned if not re.match(r"\w", p)]
    return Cue(re.compile("|".join(at_word)) if at_word else None,
               re.compile("|".join(anywhere)) if anywhere else None)


@lru_cache(maxsize=None)
def lexicon(code: str) -> OutcomeLexicon:
    """The outcome cues of a language; an unknown language falls back on English."""
    if code not in supported():
        code = FALLBACK_LANGUAGE
    section = load(code).section("outcomes")
    values: dict[str, object] = {"pro_drop": bool(section.get("pro_drop")),
                                 "capitalised_nouns": bool(section.get("capitalised_nouns"))}
    phrases: dict[str, list[str]] = {}
    for f in fields(OutcomeLexicon):
        if f.name in values or f.name == "index":
            continue
        raw = section.get(f.name)
        if raw is not None and not isinstance(raw, list):
            raise LanguageDataError(f"{code}.yaml: outcomes.{f.name} must be a list of phrases")
        phrases[f.name] = raw or []
        values[f.name] = compile_cue(raw)
    values["index"] = build_index(phrases)
    return OutcomeLexicon(**values)  # type: ignore[arg-type]


# Quotation marks. „ opens a quote that “ closes (German); elsewhere “ opens and ” closes.
_OPENERS = "«„“‹"
_CLOSERS = "»”›"
_QUOTE_OR_BREAK = re.compile(r'[«„“‹»”›"‘’\n]')


@dataclass(frozen=True)
class Quotes:
    """The quotations of an article: their spans, and fast answers to "is this quoted?"."""

    spans: tuple[tuple[int, int], ...]  # each quotation, marks included, sorted by start
    regions: tuple[tuple[int, int], ...]  # the same merged where they nest or touch
    region_starts: tuple[int, ...]

    def inside(self, position: int) -> bool:
        i = bisect_right(self.region_starts, position) - 1
        return i >= 0 and position < self.regions[i][1]

    def outside(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The matches that do not start in a quotation."""
        return [(s, e) for s, e in spans if not self.inside(s)]

    def covered(self, start: int, end: int) -> int:
        """How many characters of text[start:end] are quoted."""
        i = max(0, bisect_right(self.region_starts, start) - 1)
        total = 0
        while i < len(self.regions) and self.regions[i][0] < end:
            total += max(0, min(end, self.regions[i][1]) - max(start, self.regions[i][0]))
            i += 1
        return total

    def starting_in(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_left(self.spans, (start, -1))
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            out.append(self.spans[i])
            i += 1
        return out


def find_quotes(text: str) -> Quotes:
    """The closed quotations in `text`; a quote never crosses a line break.

    An opening mark with no closing mark in its paragraph is ignored: machine-translated
    text often drops the closing mark.
    """
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for match in _QUOTE_OR_BREAK.finditer(text):
        i, char = match.start(), match.group()
        if char == "\n":
            stack.clear()
            continue
        top = stack[-1][0] if stack else ""
        if char == "“" and top == "„":
            spans.append((stack.pop()[1], i + 1))
        elif char in _OPENERS:
            stack.append((char, i))
        elif char in _CLOSERS and stack:
            spans.append((stack.pop()[1], i + 1))
        elif char == '"':
            if top == '"':
                spans.append((stack.pop()[1], i + 1))
            else:
                stack.append((char, i))
        elif char == "‘" and not (i > 0 and text[i - 1].isalnum()):
            stack.append((char, i))
        elif char == "’" and top == "‘" and not (i + 1 < len(text) and text[i + 1].isalnum()):
            spans.append((stack.pop()[1], i + 1))
    spans.sort()
    regions: list[tuple[int, int]] = []
    for start, end in spans:
        if regions and start <= regions[-1][1]:
            regions[-1] = (regions[-1][0], max(end, regions[-1][1]))
        else:
            regions.append((start, end))
    return Quotes(tuple(spans), tuple(regions), tuple(s for s, _ in regions))
