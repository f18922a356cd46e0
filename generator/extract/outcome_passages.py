"""Cutting an article into the passages the outcomes extractor judges.

A passage is a sentence; a quotation running over several sentences stays whole; a sentence
joining two statements ("said X and promised Y", "X said A, while B said B") is split in
two, and a verdict before a colon ("No breakthrough: Putin said ...") is apart from what follows.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping

from ..records import Document
from .outcome_cues import Hits, OutcomeLexicon, Quotes
from .outcome_speakers import Cast

MAX_QUOTE_SENTENCES = 5  # a quotation longer than this is a markup error, not one statement
TERMINAL = re.compile(r"[.!?…][\"'“”‘’«»‹›)\]]*$")
COLON = re.compile(r"\s*:\s+")
# An agency dateline opening a paragraph: "LONDON, June 15 (Reuters) -", "PÉKIN, 6 avr 2023 (AFP) -",
# "BERLIN (dpa) –" (a place in capitals, then a date, an agency or both, then a dash), or
# "Peking (dpa) -" (a place, an agency in brackets and a dash).
DATELINE = re.compile(r"[^\W\d_a-zà-ÿ][^\W\da-zà-ÿ'’. -]+(?:,[^,()\n–—]{1,30}?)?\s*(?:\([^()\n]{1,30}\))?\s*[-–—]+\s+"
                      r"|[^\W\d_a-zà-ÿ][\w'’.-]*(?: [^\W\d_a-zà-ÿ][\w'’.-]*)?\s*\([^()\n]{1,30}\)\s*[-–—]+\s+")
FIRST_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Passage:
    start: int
    end: int
    first_sentence: int
    last_sentence: int
    complete: bool  # ends a sentence with a full stop, question or exclamation mark (headlines do not)
    continued: bool  # the second statement of a split sentence: its subject is the first one's



@dataclass(frozen=True)
class Context:
    text: str
    lex: OutcomeLexicon
    hits: Mapping[str, Hits]  # where each cue of `lex` occurs in `text`
    quotes: Quotes
    cast: Cast
    event_year: int | None
    frequent_words: frozenset[str]  # words in many sentences: they do not show a restatement
    places: re.Pattern[str] | None  # every spelling of the article's places
    meeting: re.Pattern[str]  # the language's meeting words ("summit", "talks")
    earlier_dates: tuple[tuple[int, int], ...] = ()  # where the text names a day or month before the meeting's



def cut_passages(doc: Document, ctx: Context) -> list[Passage]:
    sentences = doc.sentences
    passages: list[Passage] = []
    i = 0
    while i < len(sentences):
        j = _quote_end_sentence(i, doc, ctx)
        start, end = _after_dateline(ctx.text, sentences[i].start, sentences[j].end), sentences[j].end
        # A sentence cut off from its clause ("aunque no se ha fijado una fecha.") opens in lower case.
        letter = FIRST_LETTER.search(ctx.text, start, end)
        complete = bool(TERMINAL.search(ctx.text[start:end])) and letter is not None and not letter.group().islower()
        passages += _split_statements(Passage(start, end, i, j, complete, False), ctx)
        i = j + 1
    return passages


def _after_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence's own text starts, past an agency dateline ("LONDON, June 15 (Reuters) - ")."""
    match = DATELINE.match(text, start, end)
    if match is None or not ("(" in match.group() or "," in match.group()):
        return start
    return match.end()


def _quote_end_sentence(i: int, doc: Document, ctx: Context) -> int:
    """The sentence where a quotation opened in sentence i closes (i itself if none runs on)."""
    sentence = doc.sentences[i]
    for q_start, q_end in ctx.quotes.starting_in(sentence.start, sentence.end):
        if sentence.end < q_end:
            for j in range(i + 1, min(i + MAX_QUOTE_SENTENCES, len(doc.sentences))):
                if doc.sentences[j].start < q_end <= doc.sentences[j].end:
                    return j
    return i


def _split_statements(passage: Passage, ctx: Context) -> list[Passage]:
    """'X said A and promised B' → 'X said A' + 'promised B' (the second keeps X as speaker).

    Each split leaves a tail that is split again at a later clause opener: a loop over the
    openers, not a call per clause, so a long run-on sentence cannot exhaust the stack."""
    text, hits = ctx.text, ctx.hits
    heads: list[Passage] = []
    for s, e in ctx.quotes.outside(hits["clause_openers"].spans(passage.start, passage.end)):
        if s < passage.start:
            continue  # inside what an earlier split cut off
        head_end = len(text[passage.start:s].rstrip(" ,")) + passage.start
        if len(text[passage.start:head_end].split()) < 4:
            continue
        tail_start = s + len(text[s:e]) - len(text[s:e].lstrip(" ,"))
        conjunction = hits["conjunctions"].first(tail_start, e)
        if conjunction is not None and conjunction[0] == tail_start:
            tail_start = conjunction[1] + len(text[conjunction[1]:e]) - len(text[conjunction[1]:e].lstrip())
        heads.append(Passage(passage.start, head_end, passage.first_sentence, passage.last_sentence,
                             passage.complete, passage.continued))
        passage = Passage(tail_start, passage.end, passage.first_sentence, passage.last_sentence, passage.complete,
                          True)
    return [*heads, *_split_at_colon(passage, ctx)]


def _split_at_colon(passage: Passage, ctx: Context) -> list[Passage]:
    """'No breakthrough: Putin said ...' → the writer's verdict and the attributed statement."""
    text, verbs = ctx.text, ctx.hits["reporting_verbs"]
    for match in COLON.finditer(text, passage.start, passage.end):
        if ctx.quotes.inside(match.start()):
            continue
        head_end, tail_start = match.start(), match.end()
        if len(text[passage.start:head_end].split()) >= 2 and not verbs.found(passage.start, head_end) \
                and ctx.quotes.outside(verbs.spans(tail_start, passage.end)):
            head = replace(passage, end=head_end)
            return [head, replace(passage, start=tail_start)]
        return [passage]
    return [passage]
