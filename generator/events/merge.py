"""Merge the article records of one event into its `EventRecord`.

Every fact keeps all its sources: one person (registry entity) is one entry with every
article's sentence about them; one outcome reported in three languages is one outcome
with three sources. Outcomes match across articles by kind and speaker and by the
cosine similarity of their sentences in multilingual embeddings. Where sources disagree
on the main date, the main place or a number, the record lists a `Conflict` with each
side's sources instead of silently picking one.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Callable, Sequence

import numpy as np

from ..languages import load, supported
from ..records import (ArticleRecord, Conflict, ConflictSide, EventDate, EventOutcome, EventPerson, EventPlace,
                       EventRecord, Evidence, Source)
from ..registry import Registry
from .cluster import SPECIFIC_PLACE_TYPES, VISIT_DAYS, Spot, _spot_relation, date_relation
from ..extract.outcome_cues import lexicon as outcome_lexicon
from .embed import Embeddings
from ..extract.roles import relation_country
from .roles import event_role
from .titles import event_title, principal_people

# Cosine from which two sentences from different articles may state the same outcome, compared
# without who said it (`_statement`). Measured on the pairs of tests/fixtures/outcomes/merge_pairs.yaml
# and the seed event: the same statement in two languages, or in other words in one, scores
# 0.71–0.89; different remarks of one speaker on one topic 0.18–0.67 ("we have much to do in
# our relations" against "we talked about the history of our relations": 0.62).
SAME_OUTCOME_SIMILARITY = 0.70
# Prefer an outcome's wording from an article in this language when sources differ.
DISPLAY_LANGUAGE = "en"
# A number as digits, not part of a date or a longer code ("2397" resolutions stay out via the year filter).
_NUMBER = re.compile(r"(?<![\d.,:/-])\d+(?:[.,]\d+)?(?![\d:/-])")
_WORD = re.compile(r"[^\W\d_]+")

IdOf = Callable[[str, str], str]  # (article id, canonical name) → registry id


def _sources(article: str, evidence: Sequence[Evidence]) -> tuple[Source, ...]:
    return tuple(Source(article, e.quote, e.start, e.end) for e in evidence)


def _sorted_sources(sources) -> tuple[Source, ...]:
    return tuple(sorted(set(sources), key=lambda s: (s.article, s.start, s.end, s.quote)))


def _articles(sources: Sequence[Source]) -> int:
    return len({s.article for s in sources})


def merge_people(records: Sequence[ArticleRecord], registry: Registry, person_id: IdOf) -> tuple[EventPerson, ...]:
    found: dict[str, dict] = {}
    for record in records:
        for person in record.participants:
            entity = registry.person(person_id(record.id, person.name))
            entry = found.setdefault(entity.id, {"aliases": set(), "roles": set(), "english": [], "countries": [],
                                                 "present": False, "sources": []})
            entry["aliases"].update(person.aliases)
            if person.role:
                entry["roles"].add(person.role)
            entry["english"].append(person.role_en)
            entry["countries"].append(relation_country(person.role, record.language))
            entry["present"] |= person.present
            entry["sources"] += _sources(record.id, person.evidence)
    people = [EventPerson(id=i, name=registry.person(i).name, aliases=tuple(sorted(e["aliases"])),
                          role=event_role(e["english"], e["countries"]), roles_as_written=tuple(sorted(e["roles"])),
                          present=e["present"], sources=_sorted_sources(e["sources"]))
              for i, e in found.items()]
    return tuple(sorted(people, key=lambda p: (not p.present, -_articles(p.sources), -len(p.sources), p.name)))


def merge_places(records: Sequence[ArticleRecord], registry: Registry, place_id: IdOf) -> tuple[EventPlace, ...]:
    found: dict[str, dict] = {}
    for record in records:
        for place in record.locations:
            entity = registry.place(place_id(record.id, place.name))
            entry = found.setdefault(entity.id, {"main": False, "sources": [], "facts": []})
            entry["main"] |= place.main
            entry["sources"] += _sources(record.id, place.evidence)
            entry["facts"].append(place)
    places = []
    for entity_id, entry in found.items():
        entity = registry.place(entity_id)
        located = [p for p in entry["facts"] if p.lat is not None]
        places.append(EventPlace(
            id=entity_id, name=entity.name, type=entity.type or entry["facts"][0].type,
            country=entity.country, lat=entity.lat if entity.lat is not None else (located[0].lat if located else None),
            lon=entity.lon if entity.lon is not None else (located[0].lon if located else None),
            main=entry["main"], sources=_sorted_sources(entry["sources"])))
    return tuple(sorted(places, key=lambda p: (not p.main, -_articles(p.sources), p.name)))


def merge_dates(records: Sequence[ArticleRecord]) -> tuple[EventDate, ...]:
    found: dict[str, dict] = {}
    for record in records:
        for fact in record.dates:
            entry = found.setdefault(fact.value, {"texts": set(), "main": False, "sources": []})
            entry["texts"].add(fact.text)
            entry["main"] |= fact.main
            entry["sources"] += _sources(record.id, fact.evidence)
    return tuple(EventDate(value=v, texts=tuple(sorted(e["texts"])), main=e["main"],
                           sources=_sorted_sources(e["sources"])) for v, e in sorted(found.items()))


@dataclass
class _Outcome:
    """An outcome while merging (local to `merge_outcomes`)."""

    kind: str
    speaker: str | None
    items: list[tuple[ArticleRecord, object]]  # (record, Outcome)


def _slots(records: Sequence[ArticleRecord]) -> dict[tuple[str, str | None], list]:
    """Outcomes by (kind, speaker): only outcomes in one slot can be the same outcome. Gifts
    share one slot whoever gave them: an article may not say who the giver was."""
    by_slot: dict[tuple[str, str | None], list] = defaultdict(list)
    for record in sorted(records, key=lambda r: r.id):
        for outcome in record.outcomes:
            by_slot[(outcome.kind, None if outcome.kind == "gift" else outcome.speaker)].append((record, outcome))
    return by_slot


def sentences_to_compare(records: Sequence[ArticleRecord]) -> list[str]:
    """The outcome sentences `merge_outcomes` will embed (to encode every event's in one batch)."""
    return [_statement(r, o) for slot in _slots(records).values() if len({r.id for r, _ in slot}) > 1
            for r, o in slot]


def merge_outcomes(records: Sequence[ArticleRecord], embeddings: Embeddings) -> tuple[EventOutcome, ...]:
    """One outcome per statement, whichever articles and languages report it.

    Every source of a merged outcome must state it: two groups join only when each sentence
    of one is close enough to each sentence of the other (complete link, most similar pairs
    first, so a statement joins its translation before a related remark) and the people
    they name agree; an outcome has at most one sentence per article.
    """
    merged: list[_Outcome] = []
    for (kind, speaker), slot in sorted(_slots(records).items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        articles = {r.id for r, _ in slot}
        if len(articles) == 1:  # one article's outcomes are distinct facts; no embedding needed
            merged += [_Outcome(kind, speaker, [item]) for item in slot]
            continue
        vectors = embeddings.vectors([_statement(r, o) for r, o in slot])
        similarity = vectors @ vectors.T
        named = [_people_named(record, outcome, speaker) for record, outcome in slot]
        group_of = list(range(len(slot)))  # item → its group's first item
        members = {i: [i] for i in range(len(slot))}
        close = np.argwhere(np.triu(similarity >= SAME_OUTCOME_SIMILARITY, k=1))
        pairs = sorted(((float(similarity[a, b]), int(a), int(b)) for a, b in close
                        if slot[a][0].id != slot[b][0].id), key=lambda t: (-t[0], t[1], t[2]))
        for _score, a, b in pairs:
            ga, gb = group_of[a], group_of[b]
            if ga == gb:
                continue
            joined = members[ga] + members[gb]
            if len({slot[i][0].id for i in joined}) < len(joined):
                continue  # an outcome has at most one source sentence per article
            if similarity[np.ix_(members[ga], members[gb])].min() < SAME_OUTCOME_SIMILARITY or not all(
                    _same_people(named[i], named[j]) for i in members[ga] for j in members[gb]):
                continue
            keep, drop = min(ga, gb), max(ga, gb)
            members[keep] = sorted(joined)
            for i in members.pop(drop):
                group_of[i] = keep
        merged += [_Outcome(kind, speaker, [slot[i] for i in items]) for _, items in sorted(members.items())]
    outcomes = [_event_outcome(m) for m in merged]
    return tuple(sorted(outcomes, key=lambda o: (-_articles(o.sources), o.sources[0].article if o.sources else "",
                                                 o.sources[0].start if o.sources else 0, o.text)))


def _people_named(record: ArticleRecord, outcome, speaker: str | None) -> frozenset[str]:
    """The people (canonical names) an outcome's sentence names, besides its speaker."""
    sentence = _sentence(outcome)
    return frozenset(person.name for person in record.participants if person.name != speaker
                     and any(_names(spelling, sentence) for spelling in (person.name, *person.aliases)))


def _names(spelling: str, sentence: str) -> bool:
    return len(spelling) > 2 and _name_pattern(spelling).search(sentence) is not None


@lru_cache(maxsize=1 << 16)  # a large event names thousands of spellings, more than `re` keeps compiled
def _name_pattern(spelling: str) -> re.Pattern[str]:
    """A spelling as a whole word."""
    return re.compile(rf"(?<!\w){re.escape(spelling)}(?!\w)")


def _same_people(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences that both name people name the same ones: "he told Putin about Navalny"
    is not "he assured Putin of support for Ukraine". A sentence that names nobody may say
    "his counterpart" where the other names him."""
    return not a or not b or a == b


def _sentence(outcome) -> str:
    return " ".join(e.quote for e in outcome.evidence) or outcome.text


def outcome_sentences(record: ArticleRecord) -> list[str]:
    """What `merge_outcomes` may embed of a record's outcomes."""
    return [_statement(record, o) for o in record.outcomes]


def _statement(record: ArticleRecord, outcome) -> str:
    """What an outcome's sentence states, without who said it: the speaker's name, the
    reporting verbs and "that" ("Trump sagte, dass ...") make any two remarks of one speaker
    look alike, across languages too."""
    sentence = _sentence(outcome)
    lexicon = outcome_lexicon(record.language)
    cut = [span for cue in (lexicon.reporting_verbs, lexicon.attribution_phrases, lexicon.complementizers)
           for span in cue.spans(sentence)]
    speaker = next((p for p in record.participants if p.name == outcome.speaker), None)
    for spelling in (speaker.name, *speaker.aliases) if speaker else ():
        cut += [m.span() for m in _name_pattern(spelling).finditer(sentence)] if spelling else []
    dropped = bytearray(len(sentence))  # 1 where a cut covers the character
    for start, end in cut:
        dropped[start:end] = b"\1" * len(dropped[start:end])
    statement = " ".join("".join(c for c, gone in zip(sentence, dropped) if not gone).split())
    return statement if _WORD.search(statement) else sentence


def _event_outcome(merged: _Outcome) -> EventOutcome:
    shown = min(merged.items, key=lambda item: (item[0].language != DISPLAY_LANGUAGE, item[0].id))[1]
    sources = [s for record, outcome in merged.items for s in _sources(record.id, outcome.evidence)]
    speaker = merged.speaker
    if merged.kind == "gift":  # the giver most sources name
        givers = Counter(outcome.speaker for _, outcome in merged.items if outcome.speaker)
        speaker = min(givers, key=lambda name: (-givers[name], name)) if givers else None
    return EventOutcome(text=shown.text, kind=merged.kind, speaker=speaker, sources=_sorted_sources(sources))


# ---------------------------------------------------------------- the event's own facts


# How an article that dates itself knows its day: a yearless dateline ("dateline") guesses its year.
SELF_DATED = ("front-matter", "text")
# How many of the first sentences an article's facts cite count as its dateline and lead.
LEAD_EVIDENCE = 2


def main_date(records: Sequence[ArticleRecord]) -> str | None:
    """The main date of the most precise kind (a day over a month over a year) the articles
    agree on, each weighing twice where its dateline or lead states it (a date stated further
    down may be of the background); taken from the articles that date themselves (front
    matter or text; a yearless dateline only where a dated one confirms its day) when any
    does: an undated article's days are read against a guessed anchor, or are absolute days
    of its background (a summit of 1985 recalled). A visit whose days are reported from
    different cities is dated by its first day."""
    dated = [r for r in records if r.date and r.published_source in SELF_DATED]
    # a yearless dateline whose guessed day a dated report confirms counts as dated
    dated += [r for r in records if r.date and r.published_source == "dateline"
              and any(date_relation(r.date, d.date) in ("same", "near") for d in dated)]
    pool = [r for r in (dated or records) if r.date]
    if not pool:
        return None
    weights: Counter = Counter()
    for record in pool:
        weights[record.date] += 2 if _stated_in_lead(record) else 1
    chosen = min(weights, key=lambda d: (-len(d), -weights[d], d))
    if len(chosen) == 10:
        first = date.fromisoformat(chosen)
        days = [r.date for r in pool if len(r.date) == 10 and r.date < chosen
                and (first - date.fromisoformat(r.date)).days <= VISIT_DAYS]
        if days and _several_cities(pool):
            return min(days)
    return chosen


def _stated_in_lead(record: ArticleRecord) -> bool:
    """Whether the article states its main date in its dateline or lead: among the first
    sentences its facts cite."""
    starts = sorted({e.start for facts in (record.participants, record.locations, record.dates)
                     for fact in facts for e in fact.evidence})
    lead = set(starts[:LEAD_EVIDENCE])
    return any(e.start in lead for f in record.dates if f.main and f.value == record.date for e in f.evidence)


def _several_cities(records: Sequence[ArticleRecord]) -> bool:
    """Whether the articles report from different main cities or venues of one visit."""
    sites = {frozenset(p.name for p in r.locations if p.main and p.type in SPECIFIC_PLACE_TYPES) for r in records}
    sites.discard(frozenset())
    return len(sites) > 1 and not frozenset.intersection(*sites)


def _main_date_sources(record: ArticleRecord) -> tuple[Source, ...]:
    facts = [f for f in record.dates if f.main and f.value == record.date] or [f for f in record.dates if f.main]
    return tuple(s for f in facts for s in _sources(record.id, f.evidence))


def date_conflict(records: Sequence[ArticleRecord], chosen: str | None) -> Conflict | None:
    if chosen is None:
        return None
    disagreeing = sorted({r.date for r in records if r.date and date_relation(r.date, chosen) in ("near", "conflict")})
    if not disagreeing:
        return None
    sides = [ConflictSide(value, _sorted_sources(s for r in records if r.date == value for s in _main_date_sources(r)))
             for value in [chosen, *disagreeing]]
    return Conflict(about="date", sides=tuple(sides))


def main_places(places: Sequence[EventPlace]) -> tuple[EventPlace, ...]:
    """The main places, the most specific and most reported first."""
    rank = {t: i for i, t in enumerate((*SPECIFIC_PLACE_TYPES, "region", "other", "country"))}
    mains = [p for p in places if p.main]
    return tuple(sorted(mains, key=lambda p: (rank.get(p.type, 9) > 1, -_articles(p.sources), rank.get(p.type, 9),
                                              p.name)))


def _main_sources(records: Sequence[ArticleRecord], place: EventPlace, place_id: IdOf) -> tuple[Source, ...]:
    return _sorted_sources(s for r in records for p in r.locations if p.main and place_id(r.id, p.name) == place.id
                           for s in _sources(r.id, p.evidence))


def place_conflict(records: Sequence[ArticleRecord], places: Sequence[EventPlace], place_id: IdOf) -> Conflict | None:
    specific = [p for p in main_places(places) if p.type in SPECIFIC_PLACE_TYPES]
    if len(specific) < 2:
        return None
    chosen = specific[0]
    spot = lambda p: Spot(p.id, p.country, p.lat, p.lon)  # noqa: E731
    others = [p for p in specific[1:] if _spot_relation(spot(chosen), spot(p)) == "conflict"]
    if not others:
        return None
    sides = [ConflictSide(p.name, _main_sources(records, p, place_id)) for p in [chosen, *others]]
    return Conflict(about="place", sides=tuple(sides))


@lru_cache(maxsize=None)
def _number_words(language: str) -> dict[str, str]:
    """Number words of a language ("drei" → "3"), from its dates lexicon; "one"/"a" are left
    out because they are mostly articles, not counts."""
    if language not in supported():
        return {}
    words = load(language).section("dates").get("numbers") or {}
    return {str(w).casefold(): str(n) for w, n in words.items() if isinstance(n, int) and n > 1}


def _numbers(quote: str, language: str) -> set[str]:
    found = {n.replace(",", ".") for n in _NUMBER.findall(quote) if not _looks_like_year(n)}
    words = _number_words(language)
    found.update(words[w] for w in _WORD.findall(quote.casefold()) if w in words)
    return found


def number_conflicts(outcomes: Sequence[EventOutcome], languages: dict[str, str]) -> tuple[Conflict, ...]:
    """Sources of one outcome that state different numbers ("three hours" against "2 heures")."""
    conflicts = []
    for outcome in outcomes:
        if _articles(outcome.sources) < 2:
            continue
        by_article: dict[str, set[str]] = defaultdict(set)
        for source in outcome.sources:
            by_article[source.article].update(_numbers(source.quote, languages.get(source.article, "")))
        stated = {a: frozenset(n) for a, n in by_article.items() if n}
        if len(set(stated.values())) < 2:
            continue
        sides = [ConflictSide(", ".join(sorted(numbers)),
                              _sorted_sources(s for s in outcome.sources if stated.get(s.article) == numbers))
                 for numbers in sorted(set(stated.values()), key=sorted)]
        conflicts.append(Conflict(about=f"number in: {outcome.text}", sides=tuple(sides)))
    return tuple(conflicts)


def _looks_like_year(number: str) -> bool:
    return number.isdigit() and len(number) == 4 and 1800 <= int(number) <= 2100


MergedFacts = tuple[tuple[EventPerson, ...], tuple[EventPlace, ...]]  # an event's people and places


def merged_facts(records: Sequence[ArticleRecord], registry: Registry, person_id: IdOf,
                 place_id: IdOf) -> MergedFacts:
    """The people and places of an event's records (in id order), one entry per entity."""
    records = sorted(records, key=lambda r: r.id)
    return merge_people(records, registry, person_id), merge_places(records, registry, place_id)


def merge_event(event_id: str, records: Sequence[ArticleRecord], registry: Registry, person_id: IdOf,
                place_id: IdOf, embeddings: Embeddings, title: str | None = None,
                redirect_from: Sequence[str] = (), merged: MergedFacts | None = None) -> EventRecord:
    """The event record of `records`; `merged`: their `merged_facts`, if made already (the
    event's id is derived from them first)."""
    records = sorted(records, key=lambda r: r.id)
    people, places = merged or merged_facts(records, registry, person_id, place_id)
    outcomes = merge_outcomes(records, embeddings)
    chosen_date = main_date(records)
    mains = main_places(places)
    conflicts = [c for c in (date_conflict(records, chosen_date), place_conflict(records, places, place_id)) if c]
    conflicts += number_conflicts(outcomes, {r.id: r.language for r in records})
    return EventRecord(
        id=event_id,
        title=title or event_title(principal_people(people, records), people, mains, records),
        date=chosen_date,
        places=tuple(p.name for p in mains),
        articles=tuple(r.id for r in records),
        participants=people,
        locations=places,
        dates=merge_dates(records),
        outcomes=outcomes,
        conflicts=tuple(conflicts),
        languages=tuple(sorted({r.language for r in records})),
        redirect_from=tuple(sorted(set(redirect_from) - {event_id})),
    )
