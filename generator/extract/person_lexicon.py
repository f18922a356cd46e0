"""The per-language lexicons of the people extractor, read from `languages/<code>.yaml`.

Each language's `people` section lists titles, role words, reporting verbs, stop words and
the like (the keys are documented in `en.yaml`). Demonyms, agencies, particles, elisions
and photo-credit words are pooled over all languages, since a Dutch article quotes English
agencies and names Italian people too; stop words are not (another language's function
words are name parts here: "Un" and "Il" in "Kim Jong Un", "Kim Il Sung").

Given names come from the `gender-guesser` name dictionary (about 40,000 names from many
countries), read once per process.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from typing import Iterable

import gender_guesser.detector

from ..languages import all_languages, load
from .roles import lexicon as role_lexicon
from ..derived import kept


class WordSet:
    """Lower-case words; an entry ending in * matches every word it begins ("russisch*")."""

    def __init__(self, words: Iterable[str]) -> None:
        words = [w.lower() for w in words]
        self.exact = frozenset(w for w in words if not w.endswith("*"))
        prefixes = sorted({w[:-1] for w in words if w.endswith("*")}, key=len, reverse=True)
        self.prefix = re.compile("|".join(map(re.escape, prefixes))) if prefixes else None

    def __contains__(self, word: str) -> bool:
        return word in self.exact or bool(self.prefix and self.prefix.match(word))


@dataclass(frozen=True)
class PeopleLexicon:
    titles: frozenset[str]
    title_suffix: re.Pattern[str]  # titles long enough to end a compound ("Außenminister")
    honorifics: frozenset[str]
    role_words: frozenset[str]
    modifiers: frozenset[str]
    history_modifiers: frozenset[str]
    connectors: frozenset[str]
    determiners: frozenset[str]
    reporting_after: re.Pattern[str]  # a verb right after the name: "Putin said"
    reporting_before: re.Pattern[str]  # a verb or phrase right before it: "said Putin", "volgens Poetin"
    participation: re.Pattern[str]
    arrival: re.Pattern[str]  # "arrived in", "reiste nach": said of the person before it
    agent: re.Pattern[str]  # "received by", "accolti dal": the person named right after it took part
    other_venue: re.Pattern[str]  # "en el Palacio Real" right after that person: another occasion
    earlier_tense: re.Pattern[str]  # "had", "hatte": an auxiliary that sets an arrival before the event
    attributive_nouns: frozenset[str]  # "administration" in "the Trump administration"
    host: re.Pattern[str]  # a host title in a role: "Gastgeber", "padrone di casa"
    speaking_at: re.Pattern[str]  # "told the summit", "sagte bei dem Treffen": the speaker was there
    demonyms: WordSet
    # every other demonym the roles section knows, a cue only where written in lower case
    # ("el presidente lituano, Gitanas Nauseda"; "Albanese" is a name, "albanese" an Italian demonym)
    role_demonyms: frozenset[str]
    stop_words: frozenset[str]
    credit_words: frozenset[str]
    byline_words: frozenset[str]  # "By", "Door", "Von": open a byline when names follow
    particles: frozenset[str]
    elisions: frozenset[str]  # elided articles and prepositions: "l'", "d'", "dell'"
    coordinators: frozenset[str]  # "and", "with": join the participants of one meeting
    past_phrases: re.Pattern[str]  # "last year", "vorig jaar": the sentence tells of an earlier time
    negation: re.Pattern[str]  # "not", "niet": negates the participation word that follows
    title_endings: tuple[str, ...]  # inflections a title takes: "Präsidenten", "Kanzlers"
    organisation_endings: tuple[str, ...]  # "…ministerium", "…ministerie": compounds naming an organisation
    spouses: frozenset[str]
    nouns_capitalised: bool  # German: a capital does not set a name apart from a noun
    organisation_heads: frozenset[str]  # "Frente", "Reunión", "Summit": head an organisation or event name
    organisation_nouns: frozenset[str]  # "Motors", "Airlines", "index": end or follow a company's name
    legal_form: re.Pattern[str]  # "Inc.", "GmbH", "S.p.A." right after a name: a company
    organisation_owned: re.Pattern[str]  # "shares", "CEO": nouns only an organisation owns
    person_pronouns: re.Pattern[str]  # "he", "hij": refer to a person, never to a company
    absence: re.Pattern[str]  # "did not attend", "nahm ... nicht teil": the person was not there
    represented: re.Pattern[str]  # "representing X", "à la place de X": X was not there (not "represented by")
    remote: re.Pattern[str]  # "by video link", "per Videoschalte": the person took part from elsewhere
    ceremony: re.Pattern[str]  # "state visit", "militärische Ehren": spouses take part in it
    spouse_phrase: re.Pattern[str]  # "seiner Frau" right before a name: a spouse, not a form of address
    # "signed", "also met", "received", "von X empfangen": a participant named with a role or in full
    recall: re.Pattern[str]
    # "airport", "Flughafen": a reception there is a greeting on arrival, not the meeting
    arrival_points: re.Pattern[str]
    comitatives: frozenset[str]  # "with", "mit": the name after one is not a subject
    site_prepositions: frozenset[str]  # "in", "at": a bare capitalised word after one is a site, not a person
    vessel_nouns: frozenset[str]  # "ship", "Schiff": the name after one is a vessel's ("the ship Georg Ots")
    saint_words: frozenset[str]  # "San", "Madonna": the name after one is a saint's or an icon's
    venue_nouns: frozenset[str]  # "aeropuerto": the name after one is a place named after a person
    adjective_suffixes: frozenset[str]  # "based" in "Chicago-based": a hyphenated adjective, not a name


def _words(section, key: str) -> list[str]:
    return [str(w).lower() for w in section.get(key, []) or []]


def _phrase_regex(phrase: str) -> str:
    """A lexicon phrase as a regex: spaces match any whitespace, a trailing * any word ending,
    and "..." up to twelve words between ("nahm ... teil": "nahm auch Baerbock teil")."""
    parts = []
    for word in phrase.split():
        if word == "...":
            parts.append(r"(?:\S+\s+){0,12}?")
            continue
        parts.append(re.escape(word[:-1]) + r"\w*" if word.endswith("*") and len(word) > 1 else re.escape(word))
        parts.append(r"\s+")
    return "".join(parts[:-1]) if parts and parts[-1] == r"\s+" else "".join(parts)


def _phrase_pattern(phrases: Iterable[str], template: str) -> re.Pattern[str]:
    alternatives = sorted({_phrase_regex(p) for p in phrases}, key=len, reverse=True)
    if not alternatives:
        return re.compile(r"(?!x)x")
    return re.compile(template.format("|".join(alternatives)), re.IGNORECASE)


def _other_venue(code: str) -> re.Pattern[str]:
    """A site preposition, an optional article and a capitalised word (the places section's
    lists): "en el Palacio Real", "at Buckingham Palace"."""
    places = load(code).section("places")
    prepositions = "|".join(map(re.escape, _words(places, "site_prepositions"))) or "(?!x)x"
    determiners = "|".join(map(re.escape, _words(places, "determiners"))) or "(?!x)x"
    return re.compile(rf"^[\s,]*(?i:{prepositions})\s+(?:(?i:{determiners})\s+)?[^\W\d_a-zß-ÿ]")


@lru_cache(maxsize=1)
def _organisation_cues() -> tuple[frozenset[str], re.Pattern[str], tuple[str, ...]]:
    """Organisation nouns, legal forms and organisation-owned nouns of every language: an
    article in any language names "Deutsche Bank", "Apple Inc." and "Fiat CEO"."""
    nouns, forms, owned = [], [], []
    for language in all_languages():
        section = language.section("people")
        nouns += _words(section, "organisation_nouns")
        forms += [str(w) for w in section.get("legal_forms", []) or []]  # as written: "GmbH", "SA"
        owned += _words(section, "organisation_owned")
    # Matched as written ("SE", not the Italian "se"); a short form also with dots between
    # its letters ("S.p.A.", "N.V.").
    dotted = sorted({r"\.?".join(map(re.escape, form)) + r"\.?" if len(form) <= 4 else re.escape(form)
                     for form in forms}, key=len, reverse=True)
    legal = re.compile(r"^,?\s*(?:" + "|".join(dotted) + r")(?!\w)")
    return frozenset(nouns), legal, tuple(sorted(set(owned), key=len, reverse=True))


@lru_cache(maxsize=1)
def _pooled() -> tuple[WordSet, frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """The lists every language shares. Stop words are not pooled: another language's
    function words are name parts here ("Un" and "Il" in "Kim Jong Un", "Kim Il Sung")."""
    demonyms, agencies, credits, particles, elisions, heads = [], [], [], [], [], []
    for language in all_languages():
        section = language.section("people")
        agencies += _words(section, "place_heads")  # "Pearl Harbor" in an Italian text: never a person
        heads += _words(section, "organisation_heads")  # "Frente Polisario" in any language's text
        elisions += _words(section, "elisions")
        demonyms += _words(section, "demonyms")
        agencies += _words(section, "agencies")
        credits += _words(section, "credit_words")
        particles += _words(section, "particles")
    return (WordSet(demonyms), frozenset(agencies), frozenset(credits), frozenset(particles),
            frozenset(elisions), frozenset(heads))


@lru_cache(maxsize=None)
def lexicon(code: str) -> PeopleLexicon:
    section = load(code).section("people")
    demonyms, agencies, credits, particles, elisions, heads = _pooled()
    hosts = _words(section, "host_titles")
    titles = set(_words(section, "titles")) | set(_words(section, "spouses")) | set(hosts)
    role_words = set(_words(section, "role_words"))
    for title in [t for t in titles if " " in t]:  # "prime minister": its words are role words
        titles.discard(title)
        words = title.split()
        role_words.update(words)
        if not any(w in titles for w in words):  # "amministratore delegato": the head is a title
            titles.add(words[0])
    reporting = _words(section, "reporting_verbs")
    organisation_nouns, legal_form, owned = _organisation_cues()
    return PeopleLexicon(
        titles=frozenset(titles),
        title_suffix=_phrase_pattern((t for t in titles if len(t) >= 5), r"\w{{3}}(?:{})$"),
        honorifics=frozenset(_words(section, "honorifics")),
        role_words=frozenset(role_words),
        modifiers=frozenset(_words(section, "modifiers")),
        history_modifiers=frozenset(_words(section, "history_modifiers")),
        connectors=frozenset(_words(section, "connectors")),
        determiners=frozenset(_words(section, "determiners")),
        reporting_after=_phrase_pattern(reporting, r"^[\s,]*(?:{})(?!\w)"),
        reporting_before=_phrase_pattern(reporting + _words(section, "reporting_phrases"),
                                         r"(?<!\w)(?:{})[\s,:]*$"),
        participation=_phrase_pattern(_words(section, "participation_words"), r"(?<!\w)(?:{})(?!\w)"),
        arrival_points=_phrase_pattern(_words(section, "arrival_points"), r"(?<!\w)(?:{})"),
        recall=_phrase_pattern([w for key in ("signature_words", "recall_words", "reception_words",
                                              "passive_agent_words") for w in _words(section, key)],
                               r"(?<!\w)(?:{})(?!\w)"),
        arrival=_phrase_pattern(_words(section, "arrival_words"), r"(?<!\w)(?:{})(?!\w)"),
        agent=_phrase_pattern(_words(section, "agent_words"), r"(?<!\w)(?:{})(?!\w)"),
        other_venue=_other_venue(code),
        # the outcomes section's past-perfect auxiliaries: "had travelled to" tells of an earlier trip
        earlier_tense=_phrase_pattern(_words(load(code).section("outcomes"), "earlier_tense"),
                                      r"(?<!\w)(?:{})(?:\s+\S+)?\s*$"),
        attributive_nouns=frozenset(_words(section, "attributive_nouns")),
        host=_phrase_pattern(hosts, r"(?<!\w)(?:{})(?!\w)"),
        speaking_at=_phrase_pattern(_words(section, "speaking_at_event"), r"(?<!\w)(?:{})(?!\w)"),
        demonyms=demonyms,
        role_demonyms=frozenset(w.lower() for bases in (load(code).section("roles").get("demonyms") or {}).values()
                                for w in bases or ()) | frozenset(role_lexicon(code).demonyms),
        stop_words=frozenset(_words(section, "stop_words")) | agencies,
        credit_words=credits,
        byline_words=frozenset(_words(section, "byline_words")),
        particles=particles,
        elisions=elisions,
        coordinators=frozenset(_words(section, "coordinators")),
        negation=_phrase_pattern(_words(section, "negations"), r"(?<!\w)(?:{})(?!\w)"),
        past_phrases=_phrase_pattern(_words(section, "past_phrases"), r"(?<!\w)(?:{})(?!\w)"),
        title_endings=tuple(sorted(_words(section, "title_endings"), key=len, reverse=True)),
        spouses=frozenset(_words(section, "spouses")),
        nouns_capitalised=bool(section.get("nouns_capitalised", False)),
        organisation_endings=tuple(_words(section, "organisation_endings")),
        organisation_heads=heads,
        organisation_nouns=organisation_nouns,
        legal_form=legal_form,
        organisation_owned=_phrase_pattern(owned, r"(?<!\w)(?:{})(?!\w)"),
        person_pronouns=_phrase_pattern(_words(section, "person_pronouns"), r"(?<!\w)(?:{})(?!\w)"),
        absence=_phrase_pattern(_words(section, "absence_words"), r"(?<!\w)(?:{})(?!\w)"),
        represented=_phrase_pattern(_words(section, "representation_words"),
                                    r"(?<!\w)(?:{})(?!\w)(?!\s+(?:by|durch|door|par|por|da|von)(?!\w))"),
        remote=_phrase_pattern(_words(section, "remote_words"), r"(?<!\w)(?:{})(?!\w)"),
        ceremony=_phrase_pattern(_words(section, "ceremony_words"), r"(?<!\w)(?:{})(?!\w)"),
        spouse_phrase=_phrase_pattern(_words(section, "spouse_phrases"), r"(?<!\w)(?:{})\s*$"),
        adjective_suffixes=frozenset(_words(section, "adjective_suffixes")),
        comitatives=frozenset(_words(section, "comitatives")),
        site_prepositions=frozenset(_words(section, "site_prepositions")),
        vessel_nouns=frozenset(_words(section, "vessel_nouns")),
        saint_words=frozenset(_words(section, "saint_words")),
        venue_nouns=frozenset(_words(section, "venue_nouns")),
    )


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every given name gender-guesser knows, lower-cased (the names it gives a gender)."""
    version = metadata.version("gender-guesser")
    return kept(f"given-names-{version}",
                lambda: frozenset(gender_guesser.detector.Detector(case_sensitive=False).names))


@lru_cache(maxsize=8192)
def is_given_name(word: str) -> bool:
    if "-" in word:  # "Jean-Yves", "Anne-Marie"
        return all(is_given_name(part) for part in word.split("-"))
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    known = given_names()
    return any(w.lower() in known for w in {word, plain} if len(w) > 1)
