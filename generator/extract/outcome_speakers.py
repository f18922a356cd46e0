"""Who says it: person mentions and the attribution of a passage to a speaker.

A passage is attributed through a reporting verb ("said", "zei", "sagte") or an
attribution phrase ("according to", "volgens", "laut"). Its speaker is the person named
as the verb's subject: before the verb ("Putin said"), or right after it in inverted
order ("said Putin", "zei hij", "aldus Poetin"). People are found by their names and
aliases, by their role as the text states it ("the Russian president"), by an office
noun when only one participant fits ("the Pyongyang leader"), and by pronouns, which
stand for the subject of the latest sentence that had one.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from itertools import islice
from typing import Literal, Mapping

from ..records import Person
from .outcome_cues import Hits, OutcomeLexicon, Quotes

MentionKind = Literal["name", "role", "office", "pronoun", "plural", "source"]
AFTER_VERB_WORDS = 2  # words between a verb and its inverted subject ("said the Russian president")
SOURCE_EXTRA_WORDS = 2  # an unnamed source takes more words ("said a North Korean spokesman")
MIN_ROLE_LENGTH = 4
MIN_MODIFIER_LENGTH = 4  # shorter words before an office noun are articles ("the", "der", "les")
DEMONYM_ENDING = 3  # letters a country name may have past the stem it shares with its demonym ("Brasil|iens")
MIN_COUNTRY_WORD = 6  # a word of a longer country name that a demonym may match ("Estados" of "Estados Unidos")
VERDICT_CUES = ("assessment_words", "result_nouns", "agreement_nouns")
APPOSITION = re.compile(r"(?:\s+[^\W\d_][\w-]*){1,2},\s")  # what may stand between an office noun and its name
MENTION_CUES = {"plural": "plural_subjects", "pronoun": "pronouns", "source": "source_nouns"}


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    kind: MentionKind
    person: str | None  # canonical name where the mention names one person


@dataclass(frozen=True)
class Attribution:
    cue: tuple[int, int]  # the reporting verb or attribution phrase
    speaker: str | None
    joint: bool  # both sides speak together: no single speaker
    source: bool  # media, analysts or an unnamed spokesman speak, not a participant


@dataclass(frozen=True)
class Cast:
    """The people of one article, compiled for finding them in its text."""

    names: re.Pattern[str] | None
    name_owner: dict[str, str]  # spelling → canonical name
    roles: re.Pattern[str] | None
    role_owner: dict[str, str]  # lower-case role → canonical name
    role_holders: dict[str, frozenset[str]]  # lower-case role → everyone the text gives it
    present: frozenset[str]
    by_name: dict[str, Person]
    countries: tuple[tuple[str, ...], ...] = ()  # the spellings of each country the article names


def build_cast(people: tuple[Person, ...], countries: tuple[tuple[str, ...], ...] = ()) -> Cast:
    """Names, aliases and roles of `people`; a spelling or role two people share goes to the one present.

    `countries` holds the spellings of each country the article names: a demonym beside an
    office noun ("the Spanish leader") is matched against them.
    """
    ordered = sorted(people, key=lambda p: (not p.present, p.name))
    present = frozenset(p.name for p in people if p.present)
    name_owner: dict[str, str] = {}
    holders: dict[str, set[str]] = {}
    for person in ordered:
        for spelling in (person.name, *person.aliases):
            name_owner.setdefault(spelling.strip(), person.name)
        role = (person.role or "").strip().lower()
        if len(role) >= MIN_ROLE_LENGTH:
            holders.setdefault(role, set()).add(person.name)
    role_owner: dict[str, str] = {}
    for role, names in holders.items():
        fitting = (names & present) or names
        if len(fitting) == 1:
            role_owner[role] = next(iter(fitting))
    return Cast(
        names=_alternation(name_owner, 0),
        name_owner=name_owner,
        roles=_alternation(role_owner, re.IGNORECASE),
        role_owner=role_owner,
        role_holders={role: frozenset(names) for role, names in holders.items()},
        present=present,
        by_name={p.name: p for p in people},
        countries=tuple(tuple(_plain(s) for s in spellings) for spellings in countries),
    )


def _alternation(spellings: dict[str, str], flags: int) -> re.Pattern[str] | None:
    keys = sorted((k for k in spellings if k), key=lambda k: (-len(k), k))
    if not keys:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)", flags)


def find_mentions(text: str, start: int, end: int, cast: Cast, hits: Mapping[str, Hits],
                  quotes: Quotes) -> list[Mention]:
    """People referred to in text[start:end] outside quotations, in order, without overlaps.

    Names and stated roles win over office nouns, which win over pronouns and sources.
    """
    found: list[Mention] = []
    if cast.names is not None:
        found += [Mention(m.start(), m.end(), "name", cast.name_owner[m.group()])
                  for m in cast.names.finditer(text, start, end)]
    if cast.roles is not None:
        found += [Mention(m.start(), m.end(), "role", cast.role_owner[m.group().lower()])
                  for m in cast.roles.finditer(text, start, end)]
    named_here = {m.person for m in found}
    name_starts = {m.start for m in found if m.kind == "name"}
    sources = {s for s, _ in hits["source_nouns"].spans(start, end)}
    for s, e in hits["role_nouns"].spans(start, end):
        if not _followed_by_name(text, e, name_starts):
            # A spokesman speaks for a side without being its leader: never resolved by role.
            modifiers = (_modifiers(text, s), _modifiers_after(text, e))
            holder = None if s in sources else _office_holder(text[s:e], modifiers, cast, named_here)
            # A spokesman speaks for someone else; an office holder the cast cannot tell ("the
            # French president", with no role stated) is a person, who is not known.
            found.append(Mention(s, e, "role" if holder else ("source" if s in sources else "office"), holder))
    for kind in ("plural", "pronoun", "source"):
        for s, e in hits[MENTION_CUES[kind]].spans(start, end):
            if not _followed_by_name(text, e, name_starts):
                found.append(Mention(s, e, kind, None))  # type: ignore[arg-type]
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Mention] = []
    for mention in found:
        if quotes.inside(mention.start):
            continue
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


def _followed_by_name(text: str, position: int, name_starts: set[int]) -> bool:
    """An office noun right before a name ("President Putin", "the spokesman, Dmitri Peskov",
    "el primer ministro timorense, Xanana Gusmão") is part of it."""
    if any(position + gap in name_starts for gap in range(4)):
        return True
    apposition = APPOSITION.match(text, position)
    return apposition is not None and apposition.end() in name_starts


def _office_holder(noun: str, modifiers: tuple[list[str], list[str]], cast: Cast,
                   named_here: set[str | None]) -> str | None:
    """The participant an office noun ("leader") stands for, if only one fits.

    Words before the noun ("the Turkish president"), else after it ("el mandatario
    brasileño"), pick the participant whose stated role shares one of them (or names the
    country of a demonym); then the one whose role has the noun; then, at a meeting of
    two, the one not named elsewhere in the sentence.
    """
    present_roles = [(role, name) for role, names in cast.role_holders.items() for name in names if name in cast.present]
    for words in modifiers:
        by_modifier = {name for role, name in present_roles
                       if any(_same_stem(m, w) for m in words for w in re.findall(r"\w+", role))}
        if len(by_modifier) == 1:
            return by_modifier.pop()
    for words in modifiers:
        by_country = _by_elimination(words, present_roles, cast)
        if by_country is not None:
            return by_country
    noun = noun.lower()
    # The noun may head a compound in the role ("Kanzler" in "Bundeskanzler").
    holders = {name for role, name in present_roles if any(w.endswith(noun) for w in re.findall(r"\w+", role))}
    if len(holders) == 1:
        return holders.pop()
    others = sorted(cast.present - named_here)
    if not holders and len(cast.present) == 2 and len(others) == 1:
        return others[0]
    return None


def _by_elimination(modifiers: list[str], present_roles: list[tuple[str, str]], cast: Cast) -> str | None:
    """The one participant left when a demonym names a country ("el mandatario español") and
    every other participant's role names another one ("canciller alemán")."""
    country = _country_named(modifiers, cast.countries)
    if country is None:
        return None
    elsewhere = {name for role, name in present_roles
                 if any(_country_named([w], cast.countries) not in (None, country) for w in re.findall(r"[\w-]+", role))}
    left = sorted(cast.present - elsewhere)
    return left[0] if len(left) == 1 and elsewhere else None


def _country_named(words: list[str], countries: tuple[tuple[str, ...], ...]) -> int | None:
    """The one country (by index) whose name or demonym is among `words` ("brasileño", "Noord-Koreaanse")."""
    found = {i for i, spellings in enumerate(countries) for spelling in spellings for word in words
             if _same_stem(word, spelling) or (" " in spelling and any(
                 len(part) >= MIN_COUNTRY_WORD and _same_stem(word, part) for part in spelling.split()))}
    return found.pop() if len(found) == 1 else None


def _same_stem(a: str, b: str) -> bool:
    """'Turkse' and 'Turkse', 'türkische' and 'türkischen': one word, inflected; or a country
    and its demonym ('Brasil' and 'brasileño', 'Chinas' and 'chinesischen', 'France' and 'français'):
    they share a stem that is all of the shorter word but its last three letters."""
    a, b = _plain(a), _plain(b)
    stem = min(len(a), len(b), 6)
    if stem >= MIN_MODIFIER_LENGTH and a[:stem] == b[:stem] and abs(len(a) - len(b)) <= 3:
        return True
    common = len(os.path.commonprefix([a, b]))
    return common >= MIN_MODIFIER_LENGTH and common >= min(len(a), len(b)) - DEMONYM_ENDING


def speaks_for_participant(role: str, cast: Cast, lex: OutcomeLexicon) -> bool:
    """A spokesperson whose role names a participant's country or office ("Sprecherin des
    chinesischen Außenministeriums" beside "Chinas Staatschef") speaks for that side."""
    if not lex.source_nouns.found(role):
        return False
    own = [w for w in re.findall(r"\w+", role) if len(w) >= MIN_MODIFIER_LENGTH and not lex.source_nouns.found(w)]
    sides = [w for r, names in cast.role_holders.items() if names & cast.present
             for w in re.findall(r"\w+", r) if len(w) >= MIN_MODIFIER_LENGTH and not lex.role_nouns.found(w)]
    return any(_same_stem(a, b) for a in own for b in sides)


def _plain(word: str) -> str:
    """Lower case without accents: 'Français' → 'francais'."""
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(c))


def _modifiers(text: str, start: int) -> list[str]:
    """The (up to two) words right before an office noun, lower-cased, articles left out."""
    clause = re.split(r"[^\w\s-]", text[max(0, start - 40):start])[-1]  # not across a full stop or comma
    words = re.findall(r"[\w-]+", clause)[-2:]
    return [w.lower() for w in words if len(w) >= MIN_MODIFIER_LENGTH]


def _modifiers_after(text: str, end: int) -> list[str]:
    """The (up to two) words right after an office noun, up to a punctuation mark: where
    adjectives follow their noun ("el mandatario brasileño", "le président français")."""
    clause = re.split(r"[^\w\s-]", text[end:end + 40], maxsplit=1)[0]
    return [w.lower() for w in re.findall(r"[\w-]+", clause)[:2] if len(w) >= MIN_MODIFIER_LENGTH]


def first_person_mention(mentions: list[Mention], last_subject: str | None, text: str = "",
                         start: int = 0) -> str | None:
    """The person a passage names first as the subject of a clause (at its start or after a
    comma: "Hours after Trump left, Ri gave ..."), else the first it names (a pronoun counts
    as the latest subject)."""
    opening = [m for m in mentions if m.kind in ("name", "role") and m.person
               and (not text[start:m.start].strip() or text[start:m.start].rstrip().endswith(","))]
    if text and opening:
        return opening[0].person
    for mention in mentions:
        if mention.kind in ("name", "role") and mention.person:
            return mention.person
        if mention.kind == "pronoun" and last_subject:
            return last_subject
    return None


def attribute(text: str, start: int, end: int, mentions: list[Mention], lex: OutcomeLexicon, hits: Mapping[str, Hits],
              quotes: Quotes, last_subject: str | None) -> Attribution | None:
    """The speaker of text[start:end], or None when no reporting verb or phrase attributes it."""
    phrase = _first_outside(hits["attribution_phrases"].spans(start, end), quotes)
    # A judging verb ("a salué", "noemde") reports what its subject thinks, like "said", when
    # a verdict follows it: a quotation, a judging word, the result or an agreement.
    judging = [v for v in hits["judging_verbs"].spans(start, end)
               if quotes.starting_in(v[1], end) or any(hits[cue].found(v[1], end) for cue in VERDICT_CUES)]
    verb = _first_outside(sorted(hits["reporting_verbs"].spans(start, end) + judging), quotes)
    if phrase is not None:
        after = [m for m in mentions if phrase[1] <= m.start and words_at_most(text, phrase[1], m.start, AFTER_VERB_WORDS)]
        # "volgens Poetin", "according to him"; or the speaker before it ("Putin zufolge").
        before = [m for m in mentions if m.end <= phrase[0] and not _SOLID.search(text, m.end, phrase[0])]
        chosen = (after or before)[:1]
        # "said Xi, according to the news agency": the agency passes on what the verb's subject said.
        if chosen and not (chosen[0].kind == "source" and verb is not None):
            return _from_mentions(phrase, chosen, text, lex, last_subject, pro_drop=False)
    if verb is None:
        return None
    segment_start = max([start] + [e for s, e in quotes.starting_in(start, verb[0]) if e <= verb[0]])
    # "Moon's spokesman said": the possessor is not the subject.
    before = [m for m in mentions if segment_start <= m.start and m.end <= verb[0] and not _possessor(text, m)]
    clause_start = max([segment_start] + [i + 1 for i in range(segment_start, verb[0]) if text[i] in ",;:"])
    in_clause = [m for m in before if m.start >= clause_start]
    if in_clause:
        return _from_mentions(verb, in_clause, text, lex, last_subject, pro_drop=False)
    # Mentions inside the verb phrase count as after it: "a-t-il déclaré" holds its subject;
    # not past "that": "said that envoy Biegun will lead" names what was said.
    # Nor past a mark of the object: "ha agradecido a Modi", "told to Putin" name who was addressed.
    after = [m for m in mentions if verb[0] <= m.start and not hits["complementizers"].found(verb[1], m.start)
             and not hits["object_markers"].found(verb[1], m.start)
             and words_at_most(text, verb[1], m.start, AFTER_VERB_WORDS + (
                 SOURCE_EXTRA_WORDS if m.kind == "source" or hits["role_nouns"].found(verb[1], m.start) else 0))]
    relative = hits["relative_words"].first(clause_start, verb[0])
    if relative is not None and not _SOLID.search(text, clause_start, relative[0]):
        # "..., which in its communiqué called": the relative clause's subject is the noun
        # right before it, a person only when one is named there.
        antecedent = [m for m in before if m.kind == "name" and not _SOLID.search(text, m.end, clause_start - 1)]
        return _from_mentions(verb, antecedent[-1:], text, lex, None, pro_drop=False) if antecedent \
            else Attribution(verb, None, False, False)
    if after and after[0].kind in ("name", "role"):
        return _from_mentions(verb, after[:1], text, lex, last_subject, pro_drop=False)  # "zei Poetin"
    framed = phrase is not None and clause_start <= phrase[0] and phrase[1] <= verb[0]  # "Según ha explicado"
    if not framed and _unknown_subject(text[clause_start:verb[0]].split(), sentence_initial=clause_start == segment_start):
        # Something or someone not among the people is the subject ("De Verenigde Staten hadden gezegd",
        # "..., North Korea said", "Steinmeier ha sottolineato").
        return Attribution(verb, None, False, False)
    # "A spokeswoman of the ministry, Mao Ning, said": the name in apposition is the subject.
    appositive = [m for m in before if m.kind == "name" and not _NOT_COMMA_OR_SPACE.search(text, m.end, verb[0])]
    if appositive and before[0].kind in ("source", "office"):
        return _from_mentions(verb, appositive[-1:], text, lex, last_subject, pro_drop=False)
    if before:
        return _from_mentions(verb, before, text, lex, last_subject, pro_drop=False)
    # An inverted pronoun right after the verb ("zei hij") or an unnamed source ("said a spokesman").
    inverted = [m for m in after if m.kind in ("source", "office")
                or (m.kind == "pronoun" and not text[verb[1]:m.start].strip())]
    return _from_mentions(verb, inverted[:1], text, lex, last_subject, pro_drop=lex.pro_drop)


# The text between a cue and each mention of a long passage is checked without copying it
# (copying made attribution quadratic in the passage's length): a word, a character that
# `str.strip()` would keep, one that `str.strip(" ,")` would keep.
_WORD = re.compile(r"\S+")
_SOLID = re.compile(r"\S")
_NOT_COMMA_OR_SPACE = re.compile(r"[^ ,]")


def words_at_most(text: str, start: int, end: int, limit: int) -> bool:
    """Whether text[start:end] has at most `limit` words, reading no further than word limit + 1."""
    return next(islice(_WORD.finditer(text, start, end), limit, None), None) is None


def _possessor(text: str, mention: Mention) -> bool:
    return text[mention.end:mention.end + 2] in ("'s", "’s")


def _unknown_subject(words: list[str], sentence_initial: bool) -> bool:
    """Capitalised words before the verb name a subject; a sentence's first word is capitalised
    anyway, so there it counts only when every word before the verb is ("Steinmeier said")."""
    if not words:
        return False
    if sentence_initial:
        return all(w[:1].isupper() for w in words)
    return any(w[:1].isupper() for w in words)


def _first_outside(spans: list[tuple[int, int]], quotes: Quotes) -> tuple[int, int] | None:
    return next((s for s in spans if not quotes.inside(s[0])), None)


def _from_mentions(cue: tuple[int, int], mentions: list[Mention], text: str, lex: OutcomeLexicon,
                   last_subject: str | None, pro_drop: bool) -> Attribution:
    if not mentions:
        return Attribution(cue, last_subject if pro_drop else None, False, False)
    first = mentions[0]
    if first.kind == "plural" or _joined_pair(mentions, text, lex, last_subject):
        return Attribution(cue, None, True, False)
    if first.kind == "source":
        return Attribution(cue, None, False, True)
    if first.kind == "office":
        # "the premier said", "sagte der CDU-Politiker": a definite office noun the cast cannot
        # tell refers back to the latest subject.
        return Attribution(cue, last_subject, False, False)
    if first.kind == "pronoun":
        return Attribution(cue, last_subject, False, False)
    return Attribution(cue, first.person, False, False)


def _joined_pair(mentions: list[Mention], text: str, lex: OutcomeLexicon, last_subject: str | None) -> bool:
    """'Putin and Kim said', 'He and Kim had announced': two people as one subject."""
    if len(mentions) < 2:
        return False
    a, b = mentions[0], mentions[1]
    people = {last_subject if m.kind == "pronoun" else m.person for m in (a, b)}
    between = text[a.end:b.start]
    return len(people - {None}) == 2 and lex.conjunctions.found(between) and len(between.split()) <= 3
