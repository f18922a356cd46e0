"""Outcomes of the main event: agreements (or their absence), announcements, gifts,
assessments of the talks, and what the participants said.

The article is cut into passages: sentences, with a quotation that runs over several
sentences kept whole, and a sentence that joins two statements ("said X and promised
Y") split in two. Each passage is then judged with the cue lexicons of its language
(`outcomes:` in generator/languages/<code>.yaml):

- no-agreement: a negation in the clause of an agreement word ("no agreement was
  signed", "did not agree", "no breakthrough", "talks on a deal failed"), a deal whose
  details (or a decision that) were not disclosed, or a part of the programme called off
  ("the signing ceremony was cancelled");
- agreement: an agreement word with a signing word, or an agreeing or committing verb,
  stated as fact (not "would", not "had signed": that was an earlier meeting); what a deal
  holds ("Under the deal, X will ...", "Daarin belooft ..."), and the sentences right after
  it that go on with its terms ("Also, prisoners are to be exchanged"), and, once an
  agreement is stated, what its text holds ("The declaration urges ...", "En el texto, ...");
  two participants taking one position together ("Scholz and Xi jointly opposed ..."), and
  the members of a meeting deciding together ("the allies approved a new concept");
- gift: a gift word with the people who gave and received it; its speaker is the giver;
- said by someone (a reporting or judging verb and its subject, or a quotation that goes
  on from an attributed one): an assessment when the talks or their result are judged
  ("called the summit a milestone"; by both sides: no single speaker), an announcement
  when the speaker promises, announces or tells what follows ("we will", "Italy will
  stay", "he said he would", "a decision follows within weeks"; not a prediction such as
  "the world will see a change"), else a statement. Participants, their spokespeople and
  the sides (a country, a government) and officials named by their office state positions;
  anyone else counts when they judge the meeting (critics, analysts) or announce; a reaction
  from away ("Moscow reacted coolly") is colour; an aide passing on a participant's words
  ("Tillerson said Xi expressed ...") gives the participant as speaker;
- unattributed judgements of the talks ("constructive talks") are assessments, and a meeting
  set for later ("the leaders will meet again in four months", "the next summit will be
  held in Vilnius") an announcement.

Background is left out: a clause dated to an earlier year or marked as history ("former",
"last year", "hours before the summit", "had said"), the writer's guesses ("probably"),
headlines, datelines, clauses cut off from their sentence, site furniture and a statement
the article repeats. A paraphrase followed by the quotation it restates is one outcome, and
a verdict before a colon ("No breakthrough: Putin said ...") is apart from what follows.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from itertools import islice

from ..records import Document, Evidence, Outcome, OutcomeKind, Person
from .event_cues import lexicon as event_lexicon
from .gazetteer import is_place_word
from .outcome_cues import find_quotes, lexicon, scan
from .outcome_passages import Context, Passage, cut_passages
from .outcome_speakers import (Attribution, Mention, attribute, build_cast, find_mentions, first_person_mention,
                               speaks_for_participant, words_at_most)

FRAME_REACH = 25  # characters after a reporting verb that still say when it was said ("said in 2011 that")
NEGATION_REACH = 120  # characters between a negation and the agreement word it denies (in one clause)
QUOTED_SHARE = 0.5  # a passage this much inside quotation marks is a direct quote
SINCE_WORDS = 6  # words between "since" and its year ("since the annexation of Crimea in 2014")
ATTRIBUTE_WORDS = 3  # words between a cue and "of <year>" that still make the year the cue noun's ("the Minsk agreement of 2015")
AFTER_WORDS = 1  # words between "after" and its year ("after May 2011")
GIFTS_READ = 3  # gift verbs of one passage read for its giver (an exchange names two; a long passage stays linear)
GIVER_WORDS = 2  # words between a gift verb and the giver named after it ("received from President Kim")
TERMS_WORDS = 3  # words between a terms opener and its agreement noun ("under the new deal")
SUBJECT_WORDS = 4  # the words of a clause read as its subject (article, adjectives, noun)
CLAUSE_WORDS = 4  # words after "that" that make a reported clause, not a pronoun ("want to prevent that")
RESTATEMENT_WORDS = 3
DROPPED_SUBJECT_WORDS = 2  # words before a plural verb that leave its subject unsaid ("Hanno inoltre deciso")
NOTICE_WORDS = 30  # a cookie or privacy notice is a line or two, never a long sentence of news
DUPLICATE_SHARE = 0.8  # word overlap (Jaccard) from which two passages of one article state the same
NEGATED_FUTURE_REACH = 12  # characters between a future and the negation that makes it a stance ("will not waver")
JOINED_WORDS = 5  # words between two people joined as one subject ("Scholz und Chinas Staats- und Parteichef Xi")  # shared content words that make a quote restate the paraphrase before it
CONTENT_WORD = re.compile(r"\w{5,}")
YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
CLAUSE_BREAK = re.compile(r"[,;:–—]")
SUBJECT_BOUNDARY = re.compile(r"[,;:–—\"“”„«»‹›]")  # a clause (and its subject) starts after these
OPENING_MARKS = "\"“„«‹‘"


@dataclass(frozen=True)
class Candidate:
    passage: Passage
    kind: OutcomeKind
    speaker: str | None
    quoted: bool  # mostly direct quotation
    content: Passage | None = None  # the sentence before, when this one only says it was agreed ("Dat hebben ze afgesproken")


def extract_outcomes(doc: Document) -> tuple[Outcome, ...]:
    """The outcomes of the main event that `doc` states, in text order."""
    text = doc.article.text
    lex = lexicon(doc.language)
    ctx = Context(text=text, lex=lex, hits=scan(lex, text), quotes=find_quotes(text),
                  cast=build_cast(doc.people, _countries(doc)), event_year=_event_year(doc),
                  frequent_words=_frequent_words(doc), places=_place_names(doc),
                  meeting=event_lexicon(doc.language).meeting_pattern(), earlier_dates=_earlier_dates(doc))
    title = doc.article.title.strip()
    candidates: list[Candidate] = []
    last_subject: str | None = None
    previous: Candidate | None = None
    previous_attribution: Attribution | None = None
    previous_sentence = -2
    previous_passage: Passage | None = None
    agreement_seen = False  # the article has stated an agreement: "the text" may now be its text
    past_sentence = -2  # the last sentence set before the meeting ("In 2018 they met in Singapore.")
    for passage in cut_passages(doc, ctx):
        mentions = find_mentions(text, passage.start, passage.end, ctx.cast, ctx.hits, ctx.quotes)
        attribution = attribute(text, passage.start, passage.end, mentions, ctx.lex, ctx.hits, ctx.quotes, last_subject)
        if passage.continued and previous_attribution is not None and attribution is not None \
                and (attribution.cue[0] == passage.start or attribution.speaker is None):
            # "..., explaining that": the verb of a split-off clause shares the first clause's subject.
            attribution = replace(previous_attribution, cue=attribution.cue)
        elif passage.continued and attribution is not None and attribution.speaker == last_subject \
                and _other_office_holder(mentions, attribution, last_subject, ctx) is not None:
            # "Meloni said A, while the head of state said B": the office noun is another participant.
            attribution = replace(attribution, speaker=_other_office_holder(mentions, attribution, last_subject, ctx))
        elif passage.continued and attribution is not None and attribution.speaker is None \
                and not attribution.source and last_subject is not None and attribution.cue[0] == passage.start:
            # "Putin, asked about X, did not name him and said ...": the first clause's subject speaks.
            attribution = replace(attribution, speaker=last_subject)
        if attribution is None and previous_attribution is not None and previous_attribution.speaker \
                and passage.first_sentence == previous_sentence + 1:
            mood = ctx.quotes.outside(ctx.hits["reported_mood"].spans(passage.start, passage.end))
            if mood:
                # "Frieden in der Region hänge davon ab": the subjunctive of reported speech goes on
                # with what the last speaker said.
                attribution = replace(previous_attribution, cue=mood[0])
        if _set_in_past(passage, ctx) or (passage.first_sentence - past_sentence <= 1 and _refers_back(passage, ctx)):
            past_sentence = passage.last_sentence  # "There they signed a declaration" goes on in that time
        skip = not passage.complete or text[passage.start:passage.end] == title or _boilerplate(passage, ctx) \
            or (past_sentence == passage.last_sentence and _refers_back(passage, ctx))
        candidate = None if skip else _judge(passage, mentions, attribution, previous, ctx, last_subject,
                                                  agreement_seen)
        if candidate is not None and previous_passage is not None and _agreed_before(candidate, previous_passage, ctx):
            if candidates and candidates[-1].passage == previous_passage:
                candidates.pop()  # the sentence before is what was agreed, not an outcome of its own
            candidate = replace(candidate, content=previous_passage)
        if candidate is not None:
            candidates.append(candidate)
            agreement_seen = agreement_seen or candidate.kind == "agreement"
            previous = candidate
        elif previous is not None and passage.first_sentence > previous.passage.last_sentence + 1:
            previous = None
        previous_attribution = attribution
        previous_sentence = passage.last_sentence
        previous_passage = passage if passage.complete and not skip else None
        last_subject = (attribution.speaker if attribution and attribution.speaker
                        else first_person_mention(mentions, last_subject, text, passage.start) or last_subject)
    return tuple(_to_outcome(c, text) for c in _merge_restatements(candidates, ctx))


def _other_office_holder(mentions: list[Mention], attribution: Attribution, last_subject: str | None,
                         ctx: Context) -> str | None:
    """The one participant besides `last_subject` whom an office noun before the verb may name:
    one whose stated role holds the noun, or who has no role stated."""
    office = next((m for m in mentions if m.kind == "office" and m.end <= attribution.cue[0]), None)
    if office is None:
        return None
    noun = ctx.text[office.start:office.end].lower()
    fitting = [name for name in sorted(ctx.cast.present - {last_subject})
               if not ctx.cast.by_name[name].role or noun in (ctx.cast.by_name[name].role or "").lower()]
    return fitting[0] if len(fitting) == 1 else None


# --- judging one passage ---------------------------------------------------------------------

def _judge(passage: Passage, mentions: list[Mention], attribution: Attribution | None,
           previous: Candidate | None, ctx: Context, last_subject: str | None = None,
           agreement_seen: bool = False) -> Candidate | None:
    hits, s, e = ctx.hits, passage.start, passage.end
    quoted = _quoted_share(passage, ctx) >= QUOTED_SHARE
    people = {m.person for m in mentions if m.kind in ("name", "role") and m.person}
    speaker = attribution.speaker if attribution else None

    agreement = _agreement_kind(passage, ctx)
    if agreement is not None:
        kind, position = agreement
        # "had signed", "had not been able to agree": an earlier meeting's result, unless reported
        # speech shifts the tense back ("the Kremlin said they had agreed"). Only the agreement's
        # own clause counts: "the summit to which Macron had invited" dates nothing.
        clause_start, clause_end = _clause(passage, position, ctx)
        opening_end = _clause(passage, passage.start, ctx)[1]
        earlier = attribution is None and bool(ctx.quotes.outside(
            hits["earlier_tense"].spans(clause_start, clause_end) + hits["earlier_tense"].spans(passage.start, opening_end)))
        signed = hits["signing_words"].first(position, e)
        dated = _background(passage, position, ctx) or (signed is not None and _background(passage, signed[0], ctx))
        if not earlier and not dated:
            # Whoever states it speaks: a participant, or a spokesperson ("Peskov said no deal was signed").
            return Candidate(passage, kind, speaker, quoted)

    cancelled = hits["cancellation_words"].first(s, e)
    if cancelled is not None and hits["programme_nouns"].found(s, e) and not _background(passage, cancelled[0], ctx):
        return Candidate(passage, "no-agreement", None, quoted)  # "the signing ceremony was cancelled"

    if _continues_terms(passage, attribution, previous, ctx):
        return Candidate(passage, "agreement", None, quoted)  # "Also, all prisoners are to be exchanged."

    if _joint_stance(passage, mentions, attribution, ctx) or _joint_decision(passage, mentions, attribution, ctx):
        return Candidate(passage, "agreement", None, quoted)  # "X and Y jointly opposed ...", "both sides decided to"

    terms = _terms_position(passage, previous, ctx)
    if terms is not None and speaker not in ctx.cast.present and not _background(passage, terms, ctx):
        return Candidate(passage, "agreement", None, quoted)  # "Under the deal, X will ..."
    document = _document_terms(passage, agreement_seen, ctx)
    if document is not None and _set_in_any_clause(passage, ctx):
        document = None
    named = document is not None and attribution is not None and any(
        m.kind in ("name", "role") and document < m.start < attribution.cue[0] for m in mentions)
    if document is not None and (attribution is None or (attribution.cue[0] > document and not named)
                                 or not (attribution.speaker or attribution.joint or attribution.source)):
        # The text itself speaks, or frames who speaks ("Nel documento cattolici e musulmani
        # dichiarano", "Im Konzept bezeichnet die Nato ..."; not "Según el comunicado, Xi ha dicho").
        return Candidate(passage, "agreement", None, quoted)

    gift = hits["gift_nouns"].first(s, e) or hits["gift_verbs"].first(s, e)
    if gift is not None:
        givers = len(people) + (1 if any(m.kind == "pronoun" for m in mentions) else 0) \
            + (1 if hits["gift_receivers"].found(s, e) else 0)
        needed = 1 if hits["gift_nouns"].found(s, e) else 2
        if givers >= needed and not _background(passage, gift[0], ctx):
            return Candidate(passage, "gift", _giver(passage, mentions, last_subject, ctx), quoted)

    if attribution is not None:
        return _judge_attributed(passage, attribution, mentions, quoted, ctx)

    if _goes_on_quoting(passage, quoted, ctx) and previous is not None and previous.speaker \
            and passage.first_sentence - previous.passage.last_sentence <= 2:
        return Candidate(passage, _spoken_kind(passage, ctx), previous.speaker, True)

    assessment = hits["assessment_words"].first(s, e)
    if assessment is not None and not hits["hedges"].found(s, e) and not hits["expectation_words"].found(s, e) \
            and not _background(passage, assessment[0], ctx):
        return Candidate(passage, "assessment", None, quoted)
    following = _next_meeting(passage, ctx)
    if following is not None and not hits["hedges"].found(s, e) and not _background(passage, following, ctx):
        return Candidate(passage, "announcement", None, quoted)  # "The next summit will be held in Vilnius."
    schedule = hits["schedule_markers"].first(s, e)
    if schedule is not None and ctx.meeting.search(ctx.text, s, e) and not hits["hedges"].found(s, e) \
            and not hits["expectation_words"].found(s, e) and not _background(passage, schedule[0], ctx):
        return Candidate(passage, "announcement", None, quoted)  # "The leaders will meet again in four months."
    return None


def _giver(passage: Passage, mentions: list[Mention], last_subject: str | None, ctx: Context) -> str | None:
    """Who gives the gift: the person named right after a receiving verb ("received ... from
    Kim"), else the subject of the first gift verb that has one person as subject ("Francisco
    entregó a Kirill", "il Papa ha donato"; not "both exchanged gifts"), before the verb in its
    clause or, inverted, right after it ("überreichte Scholz")."""
    text, hits, s, e = ctx.text, ctx.hits, passage.start, passage.end
    people = [m for m in mentions if m.kind in ("name", "role", "pronoun", "plural", "office")]

    def person(mention: Mention) -> str | None:
        return last_subject if mention.kind == "pronoun" else mention.person

    receipt = next(iter(ctx.quotes.outside(hits["gift_receipts"].spans(s, e))), None)
    if receipt is not None:
        after = [m for m in people if m.start >= receipt[1] and words_at_most(text, receipt[1], m.start, GIVER_WORDS)]
        return person(after[0]) if after and after[0].kind != "plural" else None
    for v_start, v_end in islice(ctx.quotes.outside(hits["gift_verbs"].spans(s, e)), GIFTS_READ):
        clause_start = _clause(passage, v_start, ctx)[0]
        subject = [m for m in people if clause_start <= m.start and m.end <= v_start]
        if not subject:
            subject = [m for m in people if m.start >= v_end and words_at_most(text, v_end, m.start, GIVER_WORDS)]
        if subject and subject[0].kind != "plural" and person(subject[0]):
            return person(subject[0])
    return None


def _judge_attributed(passage: Passage, attribution: Attribution, mentions: list[Mention],
                      quoted: bool, ctx: Context) -> Candidate | None:
    hits, s, e = ctx.hits, passage.start, passage.end
    if _background(passage, attribution.cue[0], ctx, reach=attribution.cue[1] - attribution.cue[0] + FRAME_REACH):
        return None
    relayed = _relayed(passage, attribution, mentions, ctx)
    if relayed is not None:
        attribution = replace(attribution, speaker=relayed)  # "Tillerson said Xi expressed ...": Xi's position
    has_quote = bool(ctx.quotes.starting_in(s, e))
    judged = _judged(passage, ctx)
    assessment = hits["assessment_words"].found(s, e) or hits["verdict_words"].found(s, e)
    if attribution.joint:
        if ctx.quotes.outside(hits["agreement_nouns"].spans(s, e)):
            return Candidate(passage, "agreement", None, quoted)  # "in a joint statement the two leaders said"
        kind: OutcomeKind = "assessment" if assessment else _spoken_kind(passage, ctx, attribution.cue)
        if kind == "statement" and not has_quote and not _states_content(attribution.cue, passage, ctx):
            return None  # "the two spoke after the talks": no position stated
        return Candidate(passage, kind, None, quoted)
    speaker = attribution.speaker
    if speaker not in ctx.cast.present and any(r[0] == attribution.cue[0] for r in hits["reaction_verbs"].spans(s, e)):
        return None  # "Mosca ha reagito con freddezza": a reaction from away is colour, not an outcome
    if speaker is None:
        # A government or delegation speaking ("the Kremlin said the talks were useful",
        # "North Korea said that ...") counts when it judges the talks or is quoted.
        if ctx.quotes.outside(hits["earlier_tense"].spans(_clause(passage, attribution.cue[0], ctx)[0], attribution.cue[1])):
            return None  # "the United States had said": an outside voice before the meeting
        # Critics and analysts count only when they judge the meeting ("critics called it a photo op").
        if judged and _about_meeting(passage, judged, ctx) and not hits["expectation_words"].found(s, e):
            return Candidate(passage, "assessment", None, quoted)
        if attribution.source:
            return None
        if assessment and not hits["expectation_words"].found(s, e):
            return Candidate(passage, "assessment", None, quoted)
        # "Airbus announced a second assembly line": a named subject announces.
        announces = any(a_start == attribution.cue[0] for a_start, _ in hits["announcement_markers"].spans(s, e)) \
            and not any(m.kind == "pronoun" and m.end <= attribution.cue[0] for m in mentions)
        if not has_quote and not announces and not _place_subject(passage, attribution, ctx):
            return None  # a country or a government takes a position ("China called on both sides")
        return Candidate(passage, _spoken_kind(passage, ctx, attribution.cue), None, quoted)
    person = ctx.cast.by_name.get(speaker)
    if person is not None and person.role and ctx.lex.background_markers.found(person.role):
        return None  # a former office holder speaks of the past
    if assessment and _each_side_judged(passage, mentions, speaker, ctx):
        return Candidate(passage, "assessment", None, quoted)  # each side judged the talks
    if not attribution.joint and ctx.quotes.outside(
            hits["earlier_tense"].spans(_clause(passage, attribution.cue[0], ctx)[0], attribution.cue[1])):
        return None  # "after Biden had called Putin a killer in March": said long before
    # A judging verb, or a verdict word in a passage about the meeting ("said the visit was a
    # huge disappointment"): anyone may judge the meeting.
    judges_meeting = (judged is not None and (_about_meeting(passage, judged, ctx) or assessment)) \
        or (assessment and _about_meeting(passage, s, ctx))
    if (assessment or judges_meeting) and not hits["expectation_words"].found(s, e) and speaker in ctx.cast.present:
        return Candidate(passage, "assessment", speaker, quoted)  # judged afterwards, not hoped for
    if hits["assessment_words"].found(s, e) and not hits["expectation_words"].found(s, e) and _official(person, ctx):
        return Candidate(passage, "assessment", speaker, quoted)  # an official's verdict ("a huge disappointment")
    if judges_meeting and not hits["expectation_words"].found(s, e):
        return Candidate(passage, "assessment", speaker, quoted)  # someone at home judges the outcome
    kind = _spoken_kind(passage, ctx, attribution.cue)
    if speaker not in ctx.cast.present and kind != "announcement" and not _spokesperson(person, ctx) \
            and not _official(person, ctx):
        return None  # participants and officials state positions; others (analysts, a voice in the street) may announce
    return Candidate(passage, kind, speaker, quoted)


def _relayed(passage: Passage, attribution: Attribution, mentions: list[Mention], ctx: Context) -> str | None:
    """The participant whose words someone else passes on: right after the reporting verb of a
    speaker who is not a participant (and after "that"), a participant is the subject of a
    reporting verb of his own ("Tillerson said Xi expressed an understanding", "Kong said Xi had
    told Modi")."""
    if attribution.speaker in ctx.cast.present or attribution.joint:
        return None
    text, hits, cue_end = ctx.text, ctx.hits, attribution.cue[1]
    start = cue_end
    that = hits["complementizers"].first(cue_end, passage.end)
    if that is not None and not text[cue_end:that[0]].strip():
        start = that[1]
    subject = next((m for m in mentions if m.start >= start and m.kind in ("name", "role")), None)
    if subject is None or subject.person not in ctx.cast.present or text[start:subject.start].strip():
        return None
    verb = ctx.quotes.outside(hits["reporting_verbs"].spans(subject.end, passage.end))
    if not verb or not words_at_most(text, subject.end, verb[0][0], DROPPED_SUBJECT_WORDS):
        return None
    return subject.person


def _each_side_judged(passage: Passage, mentions: list[Mention], speaker: str | None, ctx: Context) -> bool:
    """Another participant's own verdict follows the speaker's ("Putin called it 'substantial',
    Kim 'very substantial'"): a judgment of both sides, not one speaker's."""
    return any(m.person in ctx.cast.present and m.person != speaker and m.kind in ("name", "role")
               and ctx.text[m.end:m.end + 3].lstrip(" ,")[:1] in OPENING_MARKS for m in mentions)


def _judged(passage: Passage, ctx: Context) -> int | None:
    """Where the speaker's judging verb ends ("called", "sprach von", "a salué"; outside
    quotes), or None when the passage judges nothing."""
    verbs = ctx.quotes.outside(ctx.hits["judging_verbs"].spans(passage.start, passage.end))
    return verbs[0][1] if verbs else None


def _about_meeting(passage: Passage, start: int, ctx: Context) -> bool:
    """What follows `start` (a judging verb) speaks of the meeting or what came of it: its
    talks, agreements, result ("called the summit a success"; not "called Xi a dictator
    after the talks")."""
    hits, s, e = ctx.hits, start, passage.end
    return bool(ctx.meeting.search(ctx.text, s, e)) or hits["agreement_nouns"].found(s, e) \
        or hits["result_nouns"].found(s, e)


def _place_subject(passage: Passage, attribution: Attribution, ctx: Context) -> bool:
    """The reporting verb's subject is a country or a city's government ("China called on",
    "Japan's government said"): a side states a position."""
    clause_start = max([passage.start] + [m.end() for m in CLAUSE_BREAK.finditer(ctx.text, passage.start,
                                                                                   attribution.cue[0])])
    subject = ctx.text[clause_start:attribution.cue[0]]
    return _names_someone(subject, ctx) and not (ctx.cast.names is not None and ctx.cast.names.search(subject))


def _continues_terms(passage: Passage, attribution: Attribution | None, previous: Candidate | None,
                     ctx: Context) -> bool:
    """Right after an agreement, a sentence that goes on with what the parties are to do
    ("Also, all prisoners are to be exchanged", "Ils soutiennent aussi ...") states its terms."""
    if previous is None or previous.kind != "agreement" or attribution is not None \
            or passage.first_sentence - previous.passage.last_sentence > 1 or passage.continued:
        return False
    hits, s, e = ctx.hits, passage.start, passage.end
    obliged = ctx.quotes.outside(hits["obligation_markers"].spans(s, e))
    # After an agreement "sollen" states its terms, not hearsay.
    hedges = [h for h in hits["hedges"].spans(s, e) if h not in obliged]
    if hits["hypothetical_markers"].found(s, e) or hedges:
        return False
    opening = ctx.quotes.outside(hits["continuation_openers"].spans(s, e))
    opens = any(len(ctx.text[s:o_start].split()) <= 1 for o_start, _ in opening)
    position = (opening or obliged or [(s, s)])[0][0]
    return (opens or bool(obliged)) and not _background(passage, position, ctx)


def _joint_stance(passage: Passage, mentions: list[Mention], attribution: Attribution | None, ctx: Context) -> bool:
    """Two participants as one subject take a position together ("Scholz und Xi haben sich
    gemeinsam gegen ... gestellt"): an agreement between them."""
    hits, s, e = ctx.hits, passage.start, passage.end
    joint = ctx.quotes.outside(hits["joint_words"].spans(s, e))
    if not joint or attribution is not None or hits["hypothetical_markers"].found(s, e):
        return False
    named = [m for m in mentions if m.kind in ("name", "role") and m.person in ctx.cast.present and m.end <= joint[0][0]]
    runs: list[list[Mention]] = []  # "Bundeskanzler Olaf Scholz" is one person named twice in a row
    for mention in named:
        if runs and runs[-1][-1].person == mention.person:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    between = ctx.text[runs[0][-1].end:runs[1][0].start] if len(runs) >= 2 else ""
    pair = len(runs) >= 2 and ctx.lex.conjunctions.found(between) and len(between.split()) <= JOINED_WORDS
    # Any clause set in the past ("..., and at that time the two leaders also crossed together")
    # makes it an earlier meeting's.
    return pair and not _set_in_any_clause(passage, ctx)


def _joint_decision(passage: Passage, mentions: list[Mention], attribution: Attribution | None, ctx: Context) -> bool:
    """Both sides, or the members of a meeting together, decide ("the two countries decided to
    create a dialogue", "Hanno inoltre deciso di tenere vertici ogni anno", "the allies approved
    a new concept", "Die 30 Mitgliedstaaten luden Finnland ein"): an agreement. The subject
    before the verb in its clause (or right after its first word, where the verb comes second:
    "stelden de dertig bondgenoten ... vast") is both sides, the members of the meeting or two
    participants; a language that drops its subjects may leave it out (the verb forms listed
    are plural)."""
    hits, s, e = ctx.hits, passage.start, passage.end
    joint = next(iter(ctx.quotes.outside(hits["joint_decisions"].spans(s, e))), None)
    collective = next(iter(ctx.quotes.outside(hits["collective_decisions"].spans(s, e))), None)
    if (joint is None and collective is None) or attribution is not None or hits["hypothetical_markers"].found(s, e):
        return False
    if joint is not None and (collective is None or joint[0] <= collective[0]):
        clause_start = _clause(passage, joint[0], ctx)[0]
        subject = ctx.text[clause_start:joint[0]]
        present = {m.person for m in mentions if m.kind in ("name", "role") and m.person in ctx.cast.present
                   and clause_start <= m.start < joint[0]}
        both = hits["plural_subjects"].found(clause_start, joint[0]) or len(present) >= 2
        dropped = ctx.lex.pro_drop and len(subject.split()) <= DROPPED_SUBJECT_WORDS and not present
        return (both or dropped) and not _background(passage, joint[0], ctx)
    assert collective is not None
    clause_start = _clause(passage, collective[0], ctx)[0]
    verb_end = collective[0] + len(ctx.text[collective[0]:collective[1]].split()[0])
    subjects = [m for cue in ("plural_subjects", "collective_subjects") for m in hits[cue].spans(clause_start, e)]
    # The members open the clause ("Die 30 Mitgliedstaaten luden ... ein"; not "one of several
    # leaders invited to"), or stand right after the first part of a split verb.
    opening = any(m[1] <= collective[0] and words_at_most(ctx.text, clause_start, m[0], SUBJECT_WORDS - 1)
                  and not hits["year_attributes"].found(clause_start, m[0]) for m in subjects)
    inverted = any(verb_end <= m[0] and m[1] <= collective[1] and words_at_most(ctx.text, verb_end, m[0], DROPPED_SUBJECT_WORDS)
                   for m in subjects)  # inside a split verb ("stelden de bondgenoten ... vast")
    return (opening or inverted) and not _background(passage, collective[0], ctx)


def _set_in_any_clause(passage: Passage, ctx: Context) -> bool:
    """Some clause of the passage is set in the past ("Le traité, signé en 2021, prévoit ...")."""
    clauses = [m.end() for m in CLAUSE_BREAK.finditer(ctx.text, passage.start, passage.end)]
    return any(_background(passage, c, ctx) for c in [passage.start, *clauses])


def _next_meeting(passage: Passage, ctx: Context) -> int | None:
    """Where a passage sets the next meeting ("the next summit will be held in Vilnius", "La
    próxima se celebrará en Vilna"): a word for "next" right before a meeting word, or with a
    verb of holding a meeting."""
    hits, s, e = ctx.hits, passage.start, passage.end
    following = next(iter(ctx.quotes.outside(hits["next_words"].spans(s, e))), None)
    if following is None:
        return None
    n_start, n_end = following
    meeting = ctx.meeting.search(ctx.text, n_end, e)
    if (meeting is not None and words_at_most(ctx.text, n_end, meeting.start(), 1)) or hits["held_verbs"].found(n_end, e):
        return n_start
    return None


def _document_terms(passage: Passage, agreement_seen: bool, ctx: Context) -> int | None:
    """Where a passage, after the article has stated an agreement, says what its text holds:
    a clause whose subject is the document ("The declaration urges ...", "el documento incluye")
    or that opens with "in the text" ("En el texto, ...", "Im neuen Strategischen Konzept ..."), or
    that cites the text ("volgens de tekst")."""
    if not agreement_seen:
        return None
    text, hits, s, e = ctx.text, ctx.hits, passage.start, passage.end
    reference = ctx.quotes.outside(hits["terms_references"].spans(s, e))
    if reference:
        return reference[0][0]  # "volgens de tekst", "according to the text"
    nouns = ctx.quotes.outside(hits["document_nouns"].spans(s, e) + hits["agreement_nouns"].spans(s, e))
    clause_starts = [s] + [m.end() for m in CLAUSE_BREAK.finditer(text, s, e) if not ctx.quotes.inside(m.start())]
    for n_start, _ in sorted(nouns):
        clause_start = clause_starts[bisect_right(clause_starts, n_start) - 1]
        if not words_at_most(text, clause_start, n_start, TERMS_WORDS):
            continue
        article = hits["subject_articles"].first(clause_start, n_start)
        opener = hits["terms_openers"].first(clause_start, n_start)
        if (opener is not None and not text[clause_start:opener[0]].strip()) \
                or (article is not None and not text[clause_start:article[0]].strip() and opener is None):
            return n_start
    return None


def _clause(passage: Passage, position: int, ctx: Context) -> tuple[int, int]:
    """The clause of the passage that holds `position` (between commas, colons, dashes)."""
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(ctx.text, passage.start, passage.end)
              if not ctx.quotes.inside(m.start())]
    return (max([passage.start] + [b + 1 for b in breaks if b < position]),
            min([passage.end] + [b for b in breaks if b >= position]))


def _states_content(cue: tuple[int, int], passage: Passage, ctx: Context) -> bool:
    """The reporting verb opens a reported clause ("both want that the EU acts", "said that")."""
    following = ctx.hits["complementizers"].first(cue[0], passage.end)
    # "dat", "that" may also be a pronoun: a clause follows only with words of its own.
    return following is not None and following[0] - cue[1] <= FRAME_REACH \
        and len(ctx.text[following[1]:passage.end].split()) >= CLAUSE_WORDS


def _official(person: Person | None, ctx: Context) -> bool:
    """The text gives the speaker an office ("der britische Premier", "NAVO-chef"): an official
    states a side's position, whether or not the people stage found him at the table."""
    role = (person.role or "") if person is not None else ""
    # A spokesperson speaks for a side only when it is one of the meeting's (`_spokesperson`).
    return ctx.lex.role_nouns.found(role) and not ctx.lex.source_nouns.found(role)


def _spokesperson(person: Person | None, ctx: Context) -> bool:
    """A named spokesperson of a participant's government ("Mao Ning, spokeswoman of the
    Chinese foreign ministry", at a meeting with China's president) speaks for that side."""
    return person is not None and bool(person.role) and speaks_for_participant(person.role or "", ctx.cast, ctx.lex)


def _spoken_kind(passage: Passage, ctx: Context, cue: tuple[int, int] | None = None) -> OutcomeKind:
    """An announcement when the speaker promises or tells what follows, else a statement.

    After a reporting verb (`cue`), the conditional is the future of reported speech:
    "he said he would invite Kim" announces.
    """
    hits, s, e = ctx.hits, passage.start, passage.end
    if hits["expectation_words"].found(s, e) or hits["condition_words"].found(s, e):
        return "statement"  # a hope, a belief or a conditional offer is a position, not a commitment
    if hits["schedule_markers"].found(s, e):
        return "announcement"
    markers = hits["announcement_markers"].spans(s, e)
    if cue is not None and not hits["hedges"].found(s, e):
        markers += ctx.quotes.outside(hits["reported_future"].spans(cue[1], e))
    if cue is not None and any(position == cue[0] for position, _ in markers):
        return "announcement"  # the reporting verb itself announces ("the two leaders announced a summit")
    markers = [m for m in markers if not _negated(m, ctx)]  # "we will not waver" takes a stance
    question = hits["question_openers"].first(s, cue[0]) if cue is not None else None
    if question is not None:  # "Asked whether Russia would help, Putin said: ..." commits to nothing asked
        markers = [m for m in markers if not question[0] <= m[0] < cue[0]]
    if any(_commits(position, passage, ctx, cue) for position, _ in markers):
        return "announcement"
    return "statement"


def _negated(marker: tuple[int, int], ctx: Context) -> bool:
    """A negation right before or after a future, in its clause ("will not", "no será",
    "ne faiblirons pas", "zullen niet")."""
    start, end = marker
    for n_start, n_end in ctx.hits["negations"].spans(max(0, start - NEGATED_FUTURE_REACH), end + NEGATED_FUTURE_REACH):
        between = ctx.text[n_end:start] if n_end <= start else ctx.text[end:n_start]
        if (n_end <= start or n_start >= end) and not CLAUSE_BREAK.search(between) \
                and not ctx.hits["negation_exceptions"].found(min(n_start, start), max(n_end, end)):
            return True
    return False


def _commits(position: int, passage: Passage, ctx: Context, cue: tuple[int, int] | None) -> bool:
    """Whether the future at `position` commits the speaker's side ("we will", "Italy will",
    "the government will") rather than predicts ("the world will see a major change").

    The subject is read from the start of the clause holding `position` (after a comma, a
    quotation mark, "that" or the reporting verb: "said the summit would"); a subject of
    article + common noun predicts, unless the noun names a side of the talks, a place or
    a person.
    """
    text, lex = ctx.text, ctx.lex
    while position > passage.start and (text[position - 1].isalnum() or text[position - 1] in "-'’"):
        position -= 1  # an inflected future ("Continuaremos") is matched by its ending
    start = cue[1] if cue is not None and passage.start <= cue[1] <= position else passage.start
    opening = [m.end() for m in SUBJECT_BOUNDARY.finditer(text, start, position)]
    opening += [c_end for _, c_end in ctx.hits["complementizers"].spans(start, position)]
    start = max([start] + opening)
    words = [m.span() for m in re.finditer(r"\S+", text[start:position])][:SUBJECT_WORDS]
    if not words:
        return True  # a dropped subject is the speaker ("Continuaremos", "deciderà")
    first_start, first_end = start + words[0][0], start + words[0][1]
    subject_end = start + words[-1][1]
    if ctx.hits["plural_subjects"].found(first_start, subject_end):
        return True  # both sides commit ("the two leaders will", "beide Länder werden")
    head = ctx.hits["subject_articles"].first(first_start, first_end)
    if head is None or head[0] != first_start:
        # No article: a pronoun, a name, a place or a side commits ("we will", "Italy will");
        # a bare noun predicts ("Relations will improve"), unless capitalised mid-sentence.
        pronoun = ctx.hits["subject_pronouns"].first(first_start, first_end)
        if (pronoun is not None and pronoun[0] == first_start) or ctx.hits["side_nouns"].found(first_start, subject_end) \
                or _names_someone(text[first_start:subject_end], ctx):
            return True
        initial = first_start == passage.start or text[first_start - 1] in OPENING_MARKS \
            or text[:first_start].rstrip()[-1:] in OPENING_MARKS
        return not initial and not lex.capitalised_nouns and text[first_start].isupper()
    rest = text[head[1]:subject_end]
    if ctx.hits["side_nouns"].found(head[1], subject_end) or _names_someone(rest, ctx):
        return True
    return not lex.capitalised_nouns and any(w[:1].isupper() for w in rest.split()[:2])


def _names_someone(text: str, ctx: Context) -> bool:
    """A participant or a place of the article is named in `text`, or it opens with a
    known country or city ("Deutschland werde", with no place found in the article)."""
    cast = ctx.cast
    if any(p is not None and p.search(text) for p in (cast.names, cast.roles, ctx.places)):
        return True
    words = re.findall(r"[^\W\d_][\w-]*", text)[:2]
    return any(w[:1].isupper() and is_place_word(w) for w in words)


def _terms_position(passage: Passage, previous: Candidate | None, ctx: Context) -> int | None:
    """Where a passage says what an agreement holds: a terms opener right before an agreement
    noun ("under the deal", "selon cet accord", "according to the document"; not "according
    to a statement", a press release), or a word that points back to the agreement of the
    sentence before ("Daarin belooft ...")."""
    text, hits, s, e = ctx.text, ctx.hits, passage.start, passage.end
    nouns = hits["agreement_nouns"].spans(s, e)
    for o_start, o_end in ctx.quotes.outside(hits["terms_openers"].spans(s, e)):
        if any(o_end <= n_start and len(text[o_end:n_start].split()) <= TERMS_WORDS
               and not CLAUSE_BREAK.search(text, o_end, n_start)
               and not hits["indefinite_articles"].found(o_end, n_start) for n_start, _ in nouns):
            return o_start
    reference = ctx.quotes.outside(hits["terms_references"].spans(s, e))
    if reference and previous is not None and previous.kind == "agreement" \
            and passage.first_sentence - previous.passage.last_sentence <= 1:
        return reference[0][0]
    return None


def _agreement_kind(passage: Passage, ctx: Context) -> tuple[OutcomeKind, int] | None:
    """('no-agreement' | 'agreement', where the agreement word stands) or None.

    A negation denies an agreement word only within its clause and reach: "signed an
    agreement, but did not discuss X" is an agreement.
    """
    text, hits, s, e = ctx.text, ctx.hits, passage.start, passage.end
    exceptions = hits["negation_exceptions"].spans(s, e)
    negations = [n for n in ctx.quotes.outside(hits["negations"].spans(s, e)) if not any(x <= n[0] < y for x, y in exceptions)]

    def denied(position: int) -> bool:
        return any(abs(n_start - position) <= NEGATION_REACH
                   and not CLAUSE_BREAK.search(text, min(n_start, position), max(n_start, position))
                   for n_start, _ in negations)

    nouns = hits["agreement_nouns"].spans(s, e)
    for n_start, _ in nouns:
        if denied(n_start):
            return "no-agreement", n_start
    for d_start, _ in hits["disclosure_words"].spans(s, e):
        if denied(d_start) and hits["deal_nouns"].found(s, e):
            return "no-agreement", d_start
    if hits["hypothetical_markers"].found(s, e) or hits["hedges"].found(s, e):
        return None
    signing = hits["signing_words"].spans(s, e)
    if nouns and signing and not denied(signing[0][0]):
        return "agreement", nouns[0][0]
    phrase = hits["agreement_phrases"].first(s, e)
    if phrase is not None:
        return ("no-agreement" if denied(phrase[0]) else "agreement"), phrase[0]
    return None


# --- background ------------------------------------------------------------------------------

def _background(passage: Passage, position: int, ctx: Context, reach: int | None = None) -> bool:
    """Whether the clause holding `position` (or the sentence's opening clause) is set in the past.

    With `reach`, the clause is read only that far past `position`: for a reporting verb,
    what frames the saying ("said in 2011", "said on that occasion") counts, but not what
    was said ("Putin recalled that the Soviet Union had helped in 1950").
    """
    text, hits = ctx.text, ctx.hits
    breaks = [m.start() for m in CLAUSE_BREAK.finditer(text, passage.start, passage.end)
              if not ctx.quotes.inside(m.start())]
    clause_start = max([passage.start] + [b + 1 for b in breaks if b < position])
    clause_end = min([passage.end] + [b for b in breaks if b >= position])
    if reach is not None:
        clause_end = min(clause_end, position + reach)
    opening_end = min([passage.end] + breaks)
    if reach is not None and opening_end > position:
        opening_end = clause_end
    for start, end in ((clause_start, clause_end), (passage.start, opening_end)):
        if ctx.quotes.outside(hits["background_markers"].spans(start, end)):
            return True
        if _other_year(start, end, ctx, position):
            return True
        if any(start <= d_start < min(end, position) and not ctx.quotes.inside(d_start) for d_start, _ in ctx.earlier_dates):
            return True  # "In March, X announced", for a meeting in April (not "condemned the April 2 attack")
    return False


def _earlier_dates(doc: Document) -> tuple[tuple[int, int], ...]:
    """Where the article names a day or month before the meeting's main day (as the dates
    stage resolved them; a year is left to `_other_year`)."""
    main = next((d.value for d in doc.dates if d.main and len(d.value) == 10), None)
    if main is None:
        return ()
    spans = set()
    for fact in doc.dates:
        if len(fact.value) < 7 or fact.value >= main[:len(fact.value)] or not fact.text.strip():
            continue
        for evidence in fact.evidence:
            offset = doc.article.text.find(fact.text, evidence.start, evidence.end)
            if offset >= 0:
                spans.add((offset, offset + len(fact.text)))
    return tuple(sorted(spans))


def _set_in_past(passage: Passage, ctx: Context) -> bool:
    """The whole passage is set before the meeting: its opening clause is dated to an earlier
    year or marked as history ("In 2018, Trump and Kim met in Singapore.")."""
    return _background(passage, passage.start, ctx)


def _refers_back(passage: Passage, ctx: Context) -> bool:
    """The passage opens with a word that points back in time ("Dort", "There", "Then")."""
    return _opens_with("back_references", passage, ctx)


def _opens_with(cue: str, passage: Passage, ctx: Context) -> bool:
    """Whether the passage's first words (past an opening quotation mark) are the cue's."""
    opening = ctx.hits[cue].first(passage.start, passage.end)
    return opening is not None and not ctx.text[passage.start:opening[0]].strip(" \"'“„«")


def _other_year(start: int, end: int, ctx: Context, position: int | None = None) -> bool:
    """A year other than the event's, not a starting point ("since 2011"), outside quotes,
    and not the attribute of a noun other than the one at `position` ("signed a declaration to
    replace the armistice of 1953" is not set in 1953; "the agreement of 2015" is)."""
    since = [(e, SINCE_WORDS) for _, e in ctx.hits["since_words"].spans(start, end)]
    since += [(e, AFTER_WORDS) for _, e in ctx.hits["after_words"].spans(start, end)]
    for match in YEAR.finditer(ctx.text, start, end):
        # "after" and "da" make a starting point only right before the year ("after 2019"):
        # further back they place the clause ("signed after talks in 2019", "firmato da Roma nel 2019").
        if ctx.quotes.inside(match.start()) or any(
                s <= match.start() and len(ctx.text[s:match.start()].split()) <= reach for s, reach in since):
            continue
        if position is not None and _attribute_of_other_noun(match.start(), position, start, ctx):
            continue
        if ctx.event_year is None or int(match.group()) < ctx.event_year:
            return True  # a later year is a deadline ("by March 2020"), not the past
    return False


def _attribute_of_other_noun(year: int, position: int, start: int, ctx: Context) -> bool:
    """The year follows "of"/"de"/"van" and so dates the noun before it, which is neither the
    word at `position` (or a few words after it) nor a meeting ("the summit of 2018" sets the time)."""
    attribute = next((a for a in ctx.hits["year_attributes"].spans(start, year)
                      if not ctx.text[a[1]:year].strip()), None)
    if attribute is None:
        return False
    noun = ctx.text.rfind(" ", start, attribute[0] - 1) + 1
    if position <= attribute[0] and len(ctx.text[position:attribute[0]].split()) <= ATTRIBUTE_WORDS:
        return False
    return not ctx.meeting.search(ctx.text, max(noun, start), attribute[0])


def _event_year(doc: Document) -> int | None:
    main = [d.value for d in doc.dates if d.main]
    if main:
        return int(main[0][:4])
    if doc.anchor is not None:
        return doc.anchor.year
    return None  # news rarely names the current year: with no date known, every year is another


def _boilerplate(passage: Passage, ctx: Context) -> bool:
    """Site furniture opens a short line ("Share", "Read more", "Foto ANP"); the same words
    inside a sentence are the writer's ("We share the same values")."""
    text = ctx.text[passage.start:passage.end]
    if len(text.split()) <= NOTICE_WORDS and ctx.hits["site_notices"].found(passage.start, passage.end):
        return True  # "By continuing, you agree to our Privacy Policy."
    if len(text.split()) > 12:
        return False
    opening = passage.start + len(text) - len(re.sub(r"^[\W_]+", "", text))
    hit = ctx.hits["boilerplate"].first(passage.start, passage.end)
    return hit is not None and not re.search(r"[^\W\d_]", ctx.text[opening:hit[0]])  # "4 Wochen gratis" too


# --- quotations and restatements -----------------------------------------------------------

def _quoted_share(passage: Passage, ctx: Context) -> float:
    return ctx.quotes.covered(passage.start, passage.end) / max(1, passage.end - passage.start)


def _goes_on_quoting(passage: Passage, quoted: bool, ctx: Context) -> bool:
    """The passage is a quotation: it opens with a quote that fills most of it, or with a
    quote mark that never closes (a quote running over paragraphs opens each of them)."""
    if ctx.text[passage.start] not in OPENING_MARKS:
        return False
    opened_here = ctx.quotes.starting_in(passage.start, passage.start + 1)
    return quoted if opened_here else not ctx.quotes.covered(passage.start, passage.end)


def _countries(doc: Document) -> tuple[tuple[str, ...], ...]:
    return tuple((p.name, *p.aliases) for p in doc.places if p.type == "country")


def _place_names(doc: Document) -> re.Pattern[str] | None:
    names = sorted({n for p in doc.places for n in (p.name, *p.aliases) if n.strip()}, key=lambda n: (-len(n), n))
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)")


def _frequent_words(doc: Document) -> frozenset[str]:
    counts: Counter[str] = Counter()
    for sentence in doc.sentences:
        counts.update({w.lower() for w in CONTENT_WORD.findall(sentence.text)})
    limit = 4
    names = {w.lower() for p in doc.people for n in (p.name, *p.aliases) for w in CONTENT_WORD.findall(n)}
    return frozenset(w for w, n in counts.items() if n > limit) | names


def _content_words(passage: Passage, ctx: Context) -> set[str]:
    words = {w.lower() for w in CONTENT_WORD.findall(ctx.text[passage.start:passage.end])}
    return words - ctx.frequent_words


def _merge_restatements(candidates: list[Candidate], ctx: Context) -> list[Candidate]:
    """A paraphrase and the quotation right after it that says the same (or the reverse) are one outcome."""
    merged: list[Candidate] = []
    for candidate in candidates:
        last = merged[-1] if merged else None
        if (last is not None and last.speaker and last.speaker == candidate.speaker
                and last.quoted != candidate.quoted
                and candidate.passage.first_sentence == last.passage.last_sentence + 1
                and len(_content_words(last.passage, ctx) & _content_words(candidate.passage, ctx)) >= RESTATEMENT_WORDS):
            p, q = last.passage, candidate.passage
            whole = Passage(p.start, q.end, p.first_sentence, q.last_sentence, q.complete, p.continued)
            merged[-1] = Candidate(whole, last.kind, last.speaker, False)
            continue
        merged.append(candidate)
    # The same statement twice in one article (a teaser above the body, a repeated lead) is one outcome.
    unique: list[Candidate] = []
    kept_words: list[set[str]] = []
    for candidate in merged:
        words = set(re.findall(r"\w+", ctx.text[candidate.passage.start:candidate.passage.end].lower()))
        if not any(len(words & other) >= DUPLICATE_SHARE * len(words | other) for other in kept_words):
            kept_words.append(words)
            unique.append(candidate)
    return unique


def _agreed_before(candidate: Candidate, previous: Passage, ctx: Context) -> bool:
    """The candidate is an agreement that opens by pointing back ("Dat hebben Kim en Moon vrijdag
    afgesproken", "This was agreed on Friday") to the sentence right before it."""
    passage = candidate.passage
    return candidate.kind in ("agreement", "no-agreement") and previous.last_sentence + 1 == passage.first_sentence \
        and _opens_with("content_references", passage, ctx)


def _to_outcome(candidate: Candidate, text: str) -> Outcome:
    passages = (candidate.passage,) if candidate.content is None else (candidate.content, candidate.passage)
    evidence = tuple(Evidence(text[p.start:p.end], p.start, p.end) for p in passages)
    return Outcome(text=evidence[0].quote, kind=candidate.kind, speaker=candidate.speaker, evidence=evidence)
