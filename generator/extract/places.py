"""Places: every geographic place or venue an article names, with the main event's site.

Names are found by longest match against the gazetteer (`gazetteer.py`) over the
words of each sentence, in any of the six languages: "Moskou", "Moskau" and "Moscou"
all become Moscow; "Noord-Korea" and "DPRK" become North Korea. A match is dropped when
the text uses it as something other than a place:
- a modifier: "Kremlin spokesman" (a head noun from the `modifier_heads` lexicon follows),
  "porte-parole du Kremlin" (a `modifier_phrases` phrase comes before), or the first half of
  a compound ("Kreml-Sprecher", "Russland-Reise"), or part of a currency ("US$40 billion");
- part of a person's name or a title: a town name followed by a capitalised word
  ("Vladimir Putin", "Washington Post"), a registry name preceded by one ("George
  Washington", "Air China"; not in German, which capitalises nouns), or inside a name the
  people stage found;
- a word in the language's `not_places` lexicon (demonyms such as "Russische", words that
  collide with town names);
- a registry town opening a sentence whose word also occurs in lower case ("Para", "Como");
- a small town (under 100,000 people) named without a locative preposition before it
  ("in", "à", "nach", ...) and without its country named anywhere in the article;
- a name opening a sentence with a lower-case word where the place's name has a capital
  ("La paz en Siria");
- a town whose name is a common word of the article's language (by the word frequencies
  of `wordfreq`: "am Ende", "zur Lage", "La paz"), unless it is big, or not small and
  after a locative preposition or in a country the article names, or it is the
  dateline's place; so too a territory named like a common word ("La Reunión de
  Alto Nivel" is a meeting, not Réunion), unless a locative preposition, a place noun or
  the dateline bears it out (a country of a million people is what its name means:
  "España", "Chile"), and any name matched only by its transliteration-folded form ("Città"
  is not Čita);
- a place name inside a venue's name ("Shangri-La Hotel", "Hotel Bristol", "Palacio de
  Miraflores": a `venue_heads` noun beside it): the venue is not the town.

A name followed by its state or country ("Woodside, California", "Cernobbio (Italia)") is
read inside it, among towns too small for the main index as well; an ambiguous name is
read as the namesake near the article's other places, small towns included. A city-state's
name (Singapore, Monaco, Vatican City) introduced as a site or in the dateline is the city.

The main site: each town, island or venue scores its mentions introduced as a site ("in
Vladivostok", "op de ruimtebasis van", "nel castello di"; "to Camp David" counts half, and a
site in a clause in the future tense a quarter: "the next summit will be in"), weighted by position
(early sentences report the news), doubled in the title and in the main-event sentences
(`event_cues.main_event_sentences`); a place's score includes the places within it. The
headline's places compete first: the dateline's ("PEKING (dpa) -", with a bonus) and
those introduced as a site in the title or the lead paragraph; the venue of an earlier meeting
that the background recalls rarely stands there. Without any, every town or venue
introduced as a site competes. The best one wins, then the best-scoring place within it
(the venue in the city). Without any town or venue so introduced, a country or region a
main-event sentence places the meeting in wins. The site is main, and so is every place
containing it (its island, city, state and the country whose ISO code it has).

Keys read from the `places` section of each language file:
- `locative_prepositions`: words before a place name that mark it as a location;
- `site_prepositions`, `destination_prepositions`, `determiners`, `site_nouns`: how a
  site is introduced ("in", "to", "the", "the port city of");
- `modifier_heads`: nouns that, right after a place name, make it a modifier;
- `modifier_phrases`: phrases that, right before a place name, make it a modifier;
- `meeting_of`, `meeting_after_place`: how a meeting is named after its place ("le sommet
  de Pyongyang", "the Pyongyang summit"): the place is its site;
- `not_places`: words never read as a place name (demonyms, adjectives, collisions);
- `venue_heads`, `venue_links`: nouns that make a place name beside them part of a venue's
  name ("Hotel", "Palacio"), and the words that may join them ("de", "del");
- `capitalised_nouns`: true where every noun is capitalised (German), so a capital
  letter before a name does not signal a person's name;
- `genitive_s`: true where a place's genitive adds -s (German "Frankreichs Präsident"): a
  country or a big city so written is that place.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Iterator, Sequence

from ..languages import load
from ..records import Document, Evidence, Place
from . import gazetteer as gz
from .event_cues import lead_paragraph, main_event_sentences
from .event_cues import lexicon as event_lexicon
from .date_expressions import clause_boundary, future_pattern

# A town this small is only taken when the text marks it as a location.
SMALL_TOWN_POPULATION = 100_000
# A town whose name is a word this common in the article's language (Zipf scale: 4.5 is
# about 30 times per million words: "Ende", "Lage", "Mai") is read as the word.
COMMON_WORD_ZIPF = 4.5
# A city this big is what its name means, however common the word ("Paris", "Essen" stays).
BIG_CITY_POPULATION = 1_000_000
# How many words a name can span when matched by its transliteration-folded form.
MAX_FOLDED_TOKENS = 4
# The shortest word read as a place's genitive ("Irans"): shorter ones are names and words.
GENITIVE_MIN_LETTERS = 5
# The longest name tried, in words (longer gazetteer names are official country names).
MAX_NAME_TOKENS = 8
# How specific a place type is, for choosing the main site between equals.
SPECIFICITY = {"venue": 0, "other": 1, "city": 2, "region": 3, "country": 4}
# Place types that can be the site of a meeting (an island is "other").
SITE_TYPES = ("venue", "other", "city")
# How much a destination ("flew to Hanoi") counts towards the main site, against a site ("in Hanoi").
DESTINATION_WEIGHT = 0.5
# How much a site in a clause in the future tense ("the next summit will be in Hiroshima")
# counts, against one that reports: it is where a later meeting is to be held.
FUTURE_SITE_WEIGHT = 0.25
# How far back, in characters, the clause of a place is looked for.
CLAUSE_REACH = 200
# How fast a mention's weight falls with its sentence's position (in sentences).
POSITION_DECAY = 8.0
_WORD = re.compile(r"[^\W\d_]+")
SINCE_REACH = 5  # words between "since" and the place of the meeting it recalls ("since their summit in")
COMPOUND_HEAD_LETTERS = 4  # a site noun this long may end a compound ("Küstenstadt", "kustplaats")
# Signs that make the name before them part of a currency ("US$", "A$").
_CURRENCY_SIGNS = frozenset("$€£¥")
# A dateline's place counts this much on top of its mentions: the report was filed from the meeting.
DATELINE_WEIGHT = 1.0
# How many of an article's first non-empty lines can hold its dateline.
DATELINE_LINES = 4
_DATELINE_BEFORE = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)\s*[-–—]\s*)?")
_DATELINE_AFTER = re.compile(r"\.?\s*(?:\([^()\n]{1,30}\)\s*)?[,–—-]")  # "WASHINGTON D.C., June 1"


@dataclass(frozen=True)
class PlacesLexicon:
    locative_prepositions: frozenset[str]
    site_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    determiners: frozenset[str]
    site_nouns: frozenset[str]
    modifier_heads: frozenset[str]
    modifier_phrases: tuple[str, ...]
    not_places: frozenset[str]
    capitalised_nouns: bool
    since_words: frozenset[str] = frozenset()  # "since their summit in X": X is an earlier meeting's site
    meeting_of: frozenset[str] = frozenset()
    meeting_after_place: bool = False
    meeting: re.Pattern[str] = re.compile(r"(?!x)x")  # the language's meeting words
    venue_heads: frozenset[str] = frozenset()
    venue_links: frozenset[str] = frozenset()
    compound_site_nouns: bool = False  # German, Dutch: a site noun may end a compound ("Küstenstadt")
    genitive_s: bool = False  # German: a place's genitive adds -s ("Frankreichs Präsident")


@lru_cache(maxsize=None)
def lexicon(code: str) -> PlacesLexicon:
    section = load(code).section("places")
    return PlacesLexicon(
        locative_prepositions=frozenset(str(w).casefold() for w in section.get("locative_prepositions", [])),
        site_prepositions=frozenset(str(w).casefold() for w in section.get("site_prepositions", [])),
        destination_prepositions=frozenset(
            str(w).casefold() for w in section.get("destination_prepositions", [])),
        determiners=frozenset(str(w).casefold() for w in section.get("determiners", [])),
        site_nouns=frozenset(str(w).casefold() for w in section.get("site_nouns", [])),
        modifier_heads=frozenset(str(w).casefold() for w in section.get("modifier_heads", [])),
        modifier_phrases=tuple(str(w).casefold().rstrip(" '’") for w in section.get("modifier_phrases", [])),
        not_places=frozenset(gz.name_key(str(w)) for w in section.get("not_places", [])),
        capitalised_nouns=bool(section.get("capitalised_nouns", False)),
        compound_site_nouns=bool(section.get("compound_site_nouns", False)),
        genitive_s=bool(section.get("genitive_s", False)),
        since_words=frozenset(str(w).casefold() for w in section.get("since_words", [])),
        meeting_of=frozenset(str(w).casefold() for w in section.get("meeting_of", [])),
        meeting_after_place=bool(section.get("meeting_after_place", False)),
        meeting=event_lexicon(code).meeting_pattern(),
        venue_heads=frozenset(str(w).casefold() for w in section.get("venue_heads", [])),
        venue_links=frozenset(str(w).casefold() for w in section.get("venue_links", [])),
    )


@dataclass(frozen=True)
class Mention:
    entry: gz.GazetteerEntry
    surface: str
    sentence: int  # index into doc.sentences
    start: int  # character offsets in the article text
    end: int
    located: float  # 1 when introduced as a site ("in Vladivostok", "à l'Élysée"), ½ as a destination ("to")


@dataclass(frozen=True)
class _Word:
    text: str
    start: int  # offsets in the sentence
    end: int


# One possible place name: sentence index, its words, the readings, (first word, last word),
# whether its state or country follows it ("Woodside, California").
_Candidate = tuple[int, list[_Word], list[tuple[gz.GazetteerEntry, int]], tuple[int, int], bool]
# A name's state or country: after a comma or in brackets.
_QUALIFIER_GAP = (", ", " (")
# A country this populous is what its name means, however common the word ("España", "Chile").
BIG_COUNTRY_POPULATION = 1_000_000


def extract_places(doc: Document) -> tuple[Place, ...]:
    """Every place the article names, in order of first mention, the main site marked."""
    mentions = find_mentions(doc)
    by_place: dict[tuple[str, str | None], list[Mention]] = {}
    for mention in mentions:
        by_place.setdefault((mention.entry.name, mention.entry.country), []).append(mention)
    main = main_places(doc, by_place)
    # A venue known only by its name lies in the main site's country when it is the meeting's.
    site_country = next((e.country for key in main if (e := _reading(by_place[key])).type in SITE_TYPES
                         and e.source != "phrase" and e.country), None)
    places = []
    for key, found in by_place.items():
        entry = _reading(found)
        if entry.source == "phrase" and key in main:
            entry = gz.GazetteerEntry(entry.name, entry.type, site_country, None, None, 0, None, entry.source)
        aliases = tuple(dict.fromkeys(m.surface for m in found))
        sentences = tuple(dict.fromkeys(m.sentence for m in found))
        evidence = tuple(_evidence(doc, i) for i in sentences)
        places.append(Place(name=entry.name, aliases=aliases, type=entry.type, country=entry.country,
                            lat=entry.lat, lon=entry.lon, main=key in main, evidence=evidence))
    return tuple(places)


def _reading(found: Sequence[Mention]) -> gz.GazetteerEntry:
    """The entry a place's mentions name: the city where one reads a city-state's name so."""
    return next((m.entry for m in found if m.entry.type == "city"), found[0].entry)


def _evidence(doc: Document, index: int) -> Evidence:
    return doc.sentences[index].evidence()


def find_mentions(doc: Document) -> list[Mention]:
    """Every accepted place-name occurrence, in text order."""
    lex = lexicon(doc.language)
    raw = [m for i, sentence in enumerate(doc.sentences) for m in _candidates_in(doc, i, lex)]
    # Countries the article names disambiguate its cities ("Moskou": Russia, not Idaho).
    # A name that is also a town elsewhere ("Nederland", Texas) names its country all the same.
    readings = [gz.best(found) for _, _, found, _, _ in raw]
    context = frozenset(chosen[0].country for chosen in readings
                        if chosen is not None and chosen[0].type == "country" and chosen[0].country)
    # So do its other towns and venues: an ambiguous name is read as the namesake near them
    # (Cambridge beside Boston is Massachusetts', Woodside beside San Francisco California's).
    # Only a reading that leaves no doubt places the others (Boston, Massachusetts: not
    # Cambridge, whose namesakes are of a size).
    sites = {chosen[0].name: (chosen[0].lat, chosen[0].lon) for (_, _, found, _, _), chosen in zip(raw, readings)
             if chosen is not None and chosen[0].type in SITE_TYPES and chosen[0].lat is not None
             and _beyond_doubt(chosen[0], found)}
    inside_name = _Enclosing(_person_name_spans(doc))
    person_words = frozenset(part for person in doc.people for alias in (person.name, *person.aliases)
                             for part in alias.split())
    mentions = []
    for sentence_index, words, found, (first, last), qualified in raw:
        if not qualified and any(entry.source == "city" for entry, _ in found):
            # Towns too small for the main index are read only beside a place named beyond doubt.
            found = found + _towns_near(found, sites)
        elif not qualified and all(entry.source == "town" for entry, _ in found):
            found = [(e, f) for e, f in found if any(gz.distance_km((e.lat, e.lon), point) <= gz.NEAR_KM
                                                     for name, point in sites.items() if name != e.name)]
            if not found:
                continue
        ambiguous = len({(entry.name, entry.country, entry.lat) for entry, _ in found}) > 1
        near = tuple(point for name, point in sites.items() if name != found[0][0].name) if ambiguous else ()
        chosen = gz.best(found, context, near)
        if chosen is None:
            continue
        entry = chosen[0]
        sentence = doc.sentences[sentence_index]
        start = sentence.start + words[first].start
        end = sentence.start + words[last].end
        surface = doc.article.text[start:end]
        if inside_name(start, end):
            continue
        located = _is_located(words, first, last, lex)
        if located and _in_future_clause(sentence.text, words[first].start, doc.language):
            located *= FUTURE_SITE_WEIGHT
        mention = Mention(entry, surface, sentence_index, start, end, located)
        datelined = _in_dateline(doc, mention)  # the report was filed there: however small, a place
        registry_town = entry.source in ("city", "town")
        if (registry_town or entry.type == "city") and (
                surface in person_words  # "Kim", "Moon": a person the article names
                or not (qualified or datelined) and (
                    _names_a_person(sentence.text, words, first, last, lex)  # "Washington Post"
                    or registry_town and not _plausible_town(entry, words, first, last, context, lex, doc))):
            continue
        if first == 0 and _lower_inside_name(entry, surface):
            continue
        marked = first > 0 and words[first - 1].text.casefold() in lex.locative_prepositions
        if not qualified and not datelined and (
                (entry.source in ("city", "town") and _common_word_town(entry, surface, marked, context, doc.language))
                or (chosen[1] & gz.FOLDED and word_frequency(surface, doc.language) >= COMMON_WORD_ZIPF)
                or (entry.source == "country" and _common_word_territory(entry, surface, doc.language)
                    and (_title_goes_on(sentence.text, words, last) or not (
                        _after_place_noun(words, first, lex) or _after_locative(words, first, lex))))):
            continue
        city = gz.city_reading(entry)
        if city is not None and (mention.located or datelined):
            mention = Mention(city, surface, sentence_index, start, end, mention.located)
        mentions.append(mention)
    return mentions


def _towns_near(found: list[tuple[gz.GazetteerEntry, int]], sites: dict[str, tuple[float, float]]
                ) -> list[tuple[gz.GazetteerEntry, int]]:
    """The small namesakes of a small town's name that lie near a place the article names beyond
    doubt (Woodside beside San Francisco is California's, not the Queens neighbourhood)."""
    name = found[0][0].name
    points = [point for other, point in sites.items() if other != name]
    if not points or any(entry.population >= SMALL_TOWN_POPULATION for entry, _ in found):
        return []  # a city's name means the city, unless its state or country follows it
    return [(entry, flags) for entry, flags in gz.towns_named(gz.name_key(name))
            if any(gz.distance_km((entry.lat, entry.lon), point) <= gz.NEAR_KM for point in points)]


def _title_goes_on(text: str, words: list[_Word], last: int) -> bool:
    """Whether the capitalised words of a title go on after the name through a short linking
    word ("Reunión de Alto Nivel", "Réunion des Ministres"): the name is the title's first word."""
    if last + 2 >= len(words):
        return False
    link, after = words[last + 1], words[last + 2]
    return (link.text.islower() and len(link.text) <= 3 and after.text[0].isupper()
            and text[words[last].end:link.start] == " " and text[link.end:after.start] == " ")


def _town_at_site(words: list[_Word], first: int, lex: PlacesLexicon) -> list[tuple[gz.GazetteerEntry, int]]:
    """The small towns a capitalised word the main index lacks may name, when a locative
    preposition or a place noun introduces it ("à Mamallapuram", "in der Küstenstadt X")."""
    if not words[first].text[:1].isupper() or not (_after_locative(words, first, lex)
                                                   or _after_place_noun(words, first, lex)):
        return []
    return gz.towns_named(gz.name_key(words[first].text))


def _after_locative(words: list[_Word], first: int, lex: PlacesLexicon) -> bool:
    """Whether a locative preposition stands before the name, perhaps through a determiner ("à la Réunion")."""
    before = [w.text.casefold() for w in words[max(0, first - 2):first]]
    if before and before[-1] in lex.determiners:
        before.pop()
    return bool(before) and before[-1] in lex.locative_prepositions


def _after_place_noun(words: list[_Word], first: int, lex: PlacesLexicon) -> bool:
    """Whether a place noun stands just before the name ("the island of Réunion", "l'île de la Réunion")."""
    return any(_site_noun(w.text.casefold(), lex) for w in words[max(0, first - 3):first])


def _site_noun(word: str, lex: PlacesLexicon) -> bool:
    return word in lex.site_nouns or (lex.compound_site_nouns and any(
        word.endswith(noun) for noun in lex.site_nouns if len(noun) >= COMPOUND_HEAD_LETTERS))


def _common_word_territory(entry: gz.GazetteerEntry, surface: str, language: str) -> bool:
    """Whether a territory's name, as written, is more likely a common word of the
    article's language ("Reunión", "Réunion": a meeting). A country of a million people is what
    its name means, however common the word ("España", "Chile", "Turquía")."""
    if entry.source == "country" and gz.country_population(entry.country) >= BIG_COUNTRY_POPULATION:
        return False
    return word_frequency(surface, language) >= COMMON_WORD_ZIPF


def _beyond_doubt(chosen: gz.GazetteerEntry, found: list[tuple[gz.GazetteerEntry, int]]) -> bool:
    """Whether a reading is the only one, or every other namesake is a tenth of its size."""
    return all(entry.population * 10 <= chosen.population for entry, _ in found
               if (entry.name, entry.country, entry.lat) != (chosen.name, chosen.country, chosen.lat))


def _candidates_in(doc: Document, index: int, lex: PlacesLexicon) -> Iterator[_Candidate]:
    """Longest gazetteer matches in one sentence that survive the grammatical filters:
    (sentence index, words, candidate readings, (first word, last word), qualified)."""
    text = doc.sentences[index].text
    words = [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    gaz = gz.gazetteer()
    i = 0
    while i < len(words):
        if not (words[i].text[0].isupper() or words[i].text.casefold() in gaz.any_case_starts):
            i += 1
            continue
        qualified = _qualified_town(text, words, i, doc.language, gaz)
        if qualified is not None:
            last, found = qualified
            yield index, words, found, (i, last), True
            i = last + 1
            continue
        match = _longest_match(text, words, i, doc.language, gaz)
        if match is None:
            town = _town_at_site(words, i, lex)
            if town:  # "à Mamallapuram": only a town near a place named beyond doubt will do
                yield index, words, town, (i, i), False
            i += 1
            continue
        last, found = match
        registry_name = any(entry.source in ("city", "country", "state") for entry, _ in found)
        venue = _venue_name(text, words, i, last, lex) if registry_name else None
        if venue is not None:
            # "Shangri-La Hotel": a venue, whose town is the site the text gives, not Shangri-La.
            first, end = venue
            name = text[words[first].start:words[end].end]
            yield index, words, [(gz.venue_named(name[:1].upper() + name[1:]), gz.PRIMARY)], venue, False
            i = max(last, end) + 1
            continue
        if _used_as_place(text, words, i, last, lex, registry_name, doc.language):
            yield index, words, found, (i, last), False
        i = last + 1


def _qualified_town(text: str, words: list[_Word], first: int, language: str, gaz: gz.Gazetteer
                    ) -> tuple[int, list[tuple[gz.GazetteerEntry, int]]] | None:
    """A town name followed by its state or country ("Woodside, California", "Cernobbio
    (Italia)"): (its last word, its namesakes inside that state or country), towns too small
    for the main index included; None when the words are not so followed."""
    for last in range(min(len(words) - 1, first + 3) - 1, first - 1, -1):
        span = words[first:last + 1]
        if not all(w.text[0].isupper() for w in span) or any(
                text[a.end:b.start] not in (" ", "-") for a, b in zip(span, span[1:])):
            continue
        if text[words[last].end:words[last + 1].start] not in _QUALIFIER_GAP:
            continue
        outer = _qualifier_at(text, words, last + 1, language)
        if outer is None:
            continue
        key = " ".join(w.text.casefold() for w in span)
        readings = [(e, f) for e, f in gz.candidates(key, text[span[0].start:span[-1].end], language)
                    if e.type in SITE_TYPES] + gz.towns_named(key)
        inside = [(e, f | gz.PRIMARY) for e, f in readings if _lies_in(e, outer)]
        if inside:
            return last, inside
    return None


def _qualifier_at(text: str, words: list[_Word], first: int, language: str) -> gz.GazetteerEntry | None:
    """The US state or the country named from word `first` on, if one is."""
    for last in range(min(len(words), first + 3) - 1, first - 1, -1):
        span = words[first:last + 1]
        if any(text[a.end:b.start] != " " for a, b in zip(span, span[1:])):
            continue
        entry = gz.lookup(text[span[0].start:span[-1].end], language)
        if entry is not None and (entry.source == "state" or (entry.type == "country" and entry.country)):
            return entry
    return None


def _lies_in(entry: gz.GazetteerEntry, outer: gz.GazetteerEntry) -> bool:
    if outer.source == "state":
        return entry.country == "US" and entry.within == outer.name
    return entry.country == outer.country and entry.name != outer.name


def _venue_name(text: str, words: list[_Word], first: int, last: int, lex: PlacesLexicon
                ) -> tuple[int, int] | None:
    """The words of the venue whose name holds a place name, if it is part of one: a capitalised
    venue noun after it ("Shangri-La Hotel", "Osan Air Base"), or a venue noun right before
    it, perhaps through linking words ("Hotel Bristol", "Palacio de Miraflores", "l'hôtel Bristol")."""
    if not lex.venue_heads:
        return None
    # After it, through at most two more capitalised words: "Osan Air Base", "Vnukovo International Airport".
    for end in range(last + 1, min(len(words), last + 4)):
        if not words[end].text[0].isupper() or text[words[end - 1].end:words[end].start] not in (" ", "-"):
            break
        if words[end].text.casefold() in lex.venue_heads:
            return first, end
    k = first - 1
    while k >= 0 and words[k].text.casefold() in lex.venue_links and first - k <= 2:
        k -= 1
    if k < 0 or words[k].text.casefold() not in lex.venue_heads:
        return None
    if all(text[a.end:b.start] in (" ", "'", "’") for a, b in zip(words[k:first], words[k + 1:first + 1])):
        return k, last
    return None


def _longest_match(text: str, words: list[_Word], first: int, language: str, gaz: gz.Gazetteer
                   ) -> tuple[int, list[tuple[gz.GazetteerEntry, int]]] | None:
    for last in range(min(len(words), first + MAX_NAME_TOKENS) - 1, first - 1, -1):
        span = words[first:last + 1]
        if any(text[a.end:b.start] not in (" ", "-", "'", "’", ". ", ".", "’s ", "'s ")
               for a, b in zip(span, span[1:])):
            continue  # a name never spans punctuation or a line break
        key = " ".join(w.text.casefold() for w in span)
        if key not in gaz.names and (last - first >= MAX_FOLDED_TOKENS or gz.fold_key(key) not in gaz.folded):
            if " ".join(w.text for w in span) not in gaz.names:  # acronyms, kept in their case
                continue
        surface = text[span[0].start:span[-1].end]
        found = gz.candidates(key, surface, language)
        if not words[first].text[0].isupper():
            found = [(e, f) for e, f in found if f & gz.ANY_CASE]
        if found:
            return last, found
    return _genitive(words, first, language) if lexicon(language).genitive_s else None


def _genitive(words: list[_Word], first: int, language: str
              ) -> tuple[int, list[tuple[gz.GazetteerEntry, int]]] | None:
    """A country, a region or a big city named in the genitive with an -s ("Frankreichs Präsident",
    "Indiens Premier", "Moskaus Bürgermeister"), where the language forms it so."""
    word = words[first]
    if len(word.text) < GENITIVE_MIN_LETTERS or not word.text.endswith("s") or not word.text[0].isupper():
        return None
    stem = word.text[:-1]
    found = [(entry, flags) for entry, flags in gz.candidates(stem.casefold(), stem, language)
             if entry.type in ("country", "region") or entry.type == "city" and entry.population >= BIG_CITY_POPULATION]
    return (first, found) if found else None


def _used_as_place(text: str, words: list[_Word], first: int, last: int, lex: PlacesLexicon,
                   registry_name: bool, language: str) -> bool:
    key = " ".join(w.text.casefold() for w in words[first:last + 1])
    if key in lex.not_places:
        return False
    start, end = words[first].start, words[last].end
    if text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha():
        return False  # first half of a compound: "Kreml-Sprecher", "Russland-Reise"
    if text[end:end + 1] in _CURRENCY_SIGNS:
        return False  # a currency: "US$40 billion", "HK$"
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return False  # second half of a compound: "Putin-Kim", "Sino-Russian"
    after = words[last + 1] if last + 1 < len(words) else None
    if after is not None and after.text.casefold() in lex.modifier_heads and text[end:after.start] == " ":
        return False  # "Kremlin spokesman", "the Pyongyang leader"
    if lex.modifier_phrases and _after_phrase(text, start, lex.modifier_phrases):
        return False  # "le porte-parole du Kremlin", "un portavoce del Cremlino"
    if lex.capitalised_nouns:
        return True
    before = words[first - 1] if first > 1 else None  # the first word is capitalised anyway
    if (before is not None and registry_name and before.text[0].isupper() and text[before.end:start] == " "
            and before.text.casefold() not in lex.locative_prepositions
            and not _is_country_or_landmark(before.text, language)):
        return False  # "George Washington", "Foto Sipa USA", "Air China"; not "dat Nederland Oekraïne steunt"
    return True


def _is_country_or_landmark(word: str, language: str) -> bool:
    entry = gz.lookup(word, language)
    return entry is not None and entry.source in ("country", "project")


def _after_phrase(text: str, end: int, phrases: tuple[str, ...]) -> bool:
    """Whether text[:end], the text before a name, ends in one of the phrases (as whole
    words): the name may follow a space or an elided article ("porte-parole de l'Élysée")."""
    while end and text[end - 1] in " '’":
        end -= 1
    # Only the last characters can hold a phrase: folding the whole sentence before every
    # name made a long sentence quadratic. Casefolding never shortens, so the window still
    # holds the phrase and the character before it.
    start = max(0, end - max(map(len, phrases)) - 1)
    before = text[start:end].casefold()
    for phrase in phrases:
        if before.endswith(phrase) and (len(before) == len(phrase) or not before[-len(phrase) - 1].isalnum()):
            return True
    return False


def _names_a_person(text: str, words: list[_Word], first: int, last: int, lex: PlacesLexicon) -> bool:
    """A town name followed by a capitalised word, with no locative preposition before it,
    is a given name or part of a title: "Vladimir Putin", "Charlotte Brontë", "Washington Post"."""
    after = words[last + 1] if last + 1 < len(words) else None
    if after is None or not after.text[0].isupper() or text[words[last].end:after.start] != " ":
        return False
    return not (first > 0 and words[first - 1].text.casefold() in lex.locative_prepositions)


def _plausible_town(entry: gz.GazetteerEntry, words: list[_Word], first: int, last: int,
                    context: frozenset[str], lex: PlacesLexicon, doc: Document) -> bool:
    """Registry towns share names with common words: a one-word town opening a sentence must
    not occur in lower case elsewhere ("Para", "Como"), and a small town must be marked as a
    location ("in Biarritz") or lie in a country the article names."""
    if first == 0 and first == last and words[0].text.casefold() in _lowercase_words(doc.article.text):
        return False
    if entry.population >= SMALL_TOWN_POPULATION:
        return True
    before = words[first - 1].text.casefold() if first > 0 else ""
    return before in lex.locative_prepositions or entry.country in context or _after_place_noun(words, first, lex)


def _lower_inside_name(entry: gz.GazetteerEntry, surface: str) -> bool:
    """Whether the text writes a word of a place's name after its first in lower case where
    the name has a capital: opening a sentence, "La paz en Siria" is peace, not La Paz
    (mid-sentence, "the Korean peninsula" is the peninsula all the same)."""
    written, named = surface.split(), entry.name.split()
    return (len(written) == len(named) > 1 and surface.casefold() == entry.name.casefold()
            and any(w.islower() and n[:1].isupper() for w, n in zip(written[1:], named[1:])))


def _common_word_town(entry: gz.GazetteerEntry, surface: str, marked: bool, context: frozenset[str],
                      language: str) -> bool:
    """Whether a town's name, as written, is more likely a common word of the article's
    language ("am Ende", "zur Lage", "La paz en Siria", "Sous la présidence"): the word is
    frequent in the language, and the town is small, or a city that is not big, with
    neither a locative preposition before it (`marked`) nor its country named in the
    article. A preposition does not bear a small town out ("am Ende" reads like "am
    Rhein"); only a dateline does."""
    if entry.population >= BIG_CITY_POPULATION:
        return False
    if entry.population >= SMALL_TOWN_POPULATION and (marked or entry.country in context):
        return False
    return word_frequency(surface, language) >= COMMON_WORD_ZIPF


@lru_cache(maxsize=4096)
def word_frequency(word: str, language: str) -> float:
    """How common a word is in the language, on the Zipf scale (3: once per million words)."""
    from wordfreq import zipf_frequency  # loads its tables on first use

    return zipf_frequency(word.casefold(), language, wordlist="small")


@lru_cache(maxsize=64)
def _lowercase_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text) if w.islower())


def _is_located(words: list[_Word], first: int, last: int, lex: PlacesLexicon) -> float:
    """How surely a mention names where something happens: 1 after a site preposition
    ("in Vladivostok", "op de ruimtebasis", and through a descriptive noun with one word
    before it: "in de Litouwse hoofdstad Vilnius") or as the name of a meeting ("le sommet
    de Pyongyang", "the Pyongyang summit"), ½ after a destination ("to Camp David")."""
    before = [w.text.casefold() for w in words[max(0, first - 4):first]]
    recalled = [w.text.casefold() for w in words[max(0, first - SINCE_REACH):first]]
    since = next((k for k, w in enumerate(recalled) if w in lex.since_words), None)
    if since is not None and any(lex.meeting.fullmatch(w) for w in recalled[since + 1:]):
        return 0.0  # "the first meeting since their summit in Vladivostok": an earlier one's site
    if len(before) >= 2 and before[-1] in lex.meeting_of and lex.meeting.fullmatch(before[-2]):
        return 1.0
    if lex.meeting_after_place and last + 1 < len(words) and lex.meeting.fullmatch(words[last + 1].text) \
            and words[last + 1].start - words[last].end <= 1:
        return 1.0
    prepositions = lex.site_prepositions | lex.destination_prepositions
    if len(before) >= 2 and before[-1] in lex.meeting_of and _site_noun(before[-2], lex):
        before.pop()  # "nel castello di Elmau", "in the city of Sochi"
    if before and _site_noun(before[-1], lex):
        before.pop()
        if before and before[-1] not in prepositions | lex.determiners:
            before.pop()  # "Litouwse", "port", "japanischen"
    if before and before[-1] in lex.determiners:
        before.pop()
    if not before:
        return 0.0
    if before[-1] in lex.site_prepositions:
        return 1.0
    return DESTINATION_WEIGHT if before[-1] in lex.destination_prepositions else 0.0


def _in_future_clause(sentence: str, start: int, language: str) -> bool:
    """Whether the words of the clause before `start` speak in the future tense ("il
    vertice sarà a Hiroshima", "will be held in")."""
    reach = max(0, start - CLAUSE_REACH)  # a clause is short: a long sentence is not read again per place
    opening = max((m.end() for m in clause_boundary(language).finditer(sentence, reach, start)), default=reach)
    return bool(future_pattern(language).search(sentence, opening, start))


def _person_name_spans(doc: Document) -> list[tuple[int, int]]:
    """Where the people stage's multi-word names occur: a place inside one is part of a name."""
    text = doc.article.text
    spans = []
    for person in doc.people:
        for alias in {person.name, *person.aliases}:
            if " " not in alias:
                continue
            spans += [(m.start(), m.end()) for m in re.finditer(re.escape(alias), text)]
    return spans


class _Enclosing:
    """Whether a span lies inside one of `spans` and is not that span itself, in log time:
    a long article has thousands of both, and checking every pair was quadratic."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max, initial=-1))  # furthest end of the first k

    def __call__(self, start: int, end: int) -> bool:
        # Inside and not equal: (s <= start and e > end) or (s < start and e >= end).
        return (self._reach[bisect_right(self._starts, start)] > end
                or self._reach[bisect_left(self._starts, start)] >= end)


def main_places(doc: Document, by_place: dict[tuple[str, str | None], list[Mention]]
                ) -> frozenset[tuple[str, str | None]]:
    """The keys of the places where the main event happened (see the module docstring)."""
    main_sentences = main_event_sentences(doc)
    named = {key: _reading(found) for key, found in by_place.items()}
    # A container the article names is the one it means (its Woodside is California's).
    own = {entry.name: entry for entry in named.values()}
    chains = {key: _containers(entry, own) for key, entry in named.items()}
    sites = [key for key, entry in named.items() if _can_be_site(entry) and entry.source != "phrase"]

    title = doc.article.title.strip()
    leads = lead_paragraph(doc)

    def weight(mention: Mention) -> float:
        # Early sentences report the news, later ones its background; the title and the
        # main-event sentences count double.
        boost = 2.0 if mention.sentence in main_sentences else 1.0
        if title and doc.sentences[mention.sentence].text.strip() == title:
            boost *= 2.0
        return boost / (1.0 + mention.sentence / POSITION_DECAY)

    def in_headline(mention: Mention) -> bool:
        return mention.sentence in leads or _in_title(doc, mention)

    def score(key: tuple[str, str | None], located_only: bool, headline_only: bool = False) -> float:
        # A place's score includes the places within it: the island's mentions count for its city.
        inside = [other for other, chain in chains.items() if other == key or key[0] in chain]
        return sum(weight(m) * (m.located if located_only else 1.0) for other in inside for m in by_place[other]
                   if not headline_only or in_headline(m))

    # Best evidence first: a town or venue of the headline — the dateline, or introduced as
    # a site in the title or the lead paragraph ("in Vladivostok") — then one introduced as a site
    # anywhere; then a country or region placed so in a main-event sentence ("talks in
    # Saudi Arabia"); then a town or venue a main-event sentence merely names. The venue
    # of an earlier meeting the background recalls is not in the headline.
    # The headline's places compete on the headline alone: a capital's dateline and its
    # analysts later on do not outweigh the city the lead places the meeting in.
    datelined = {key for key in sites if any(_in_dateline(doc, m) for m in by_place[key])}
    # A title kept apart from the text (front matter) names the meeting's place too, with
    # the dateline's weight (twice that cost an event on the blind set's held-out half).
    titled = {key for key in sites if _titled_apart(doc, by_place[key])}
    headline = datelined | titled | {key for key in sites if any(m.located and in_headline(m) for m in by_place[key])}
    ranked = [(score(key, True, headline_only=True) + DATELINE_WEIGHT * ((key in datelined) + (key in titled)), key)
              for key in headline]
    ranked = ranked or [(score(key, True), key) for key in sites if score(key, True) > 0]
    if not ranked:
        ranked = [(score(key, True), key) for key in by_place
                  if any(m.located and m.sentence in main_sentences for m in by_place[key])]
    if not ranked:
        ranked = [(score(key, False), key) for key in sites if {m.sentence for m in by_place[key]} & main_sentences]
    if not ranked:
        return frozenset()
    order = list(by_place)
    anchor = min(ranked, key=lambda sk: (-sk[0], SPECIFICITY[named[sk[1]].type], order.index(sk[1])))[1]
    # Within a city the meeting sat in one venue: descend to the one best introduced as a site.
    while True:
        inner = [(score(key, True), key) for key in sites if anchor[0] in chains[key]]
        inner = [(value, key) for value, key in inner if value > 0]
        if not inner:
            break
        anchor = min(inner, key=lambda sk: (-sk[0], SPECIFICITY[named[sk[1]].type], order.index(sk[1])))[1]
    anchor_entry = named[anchor]
    main = {anchor}
    # Where the text names the site: its sentences, and the whole lead when the dateline gives it.
    site_keys = [key for key in by_place if key == anchor or named[key].name in chains[anchor]]
    site_sentences = {m.sentence for key in site_keys for m in by_place[key]}
    if any(_in_dateline(doc, m) for key in site_keys for m in by_place[key]):
        site_sentences |= set(leads)
    for key, entry in named.items():
        if entry.name in chains[anchor]:
            main.add(key)  # its island, its city
        elif entry.type == "country" and entry.country and entry.country == anchor_entry.country:
            main.add(key)
        elif entry.source == "phrase" and any(
                m.located and (in_headline(m) or m.sentence in main_sentences) and m.sentence in site_sentences
                for m in by_place[key]):
            main.add(key)  # a venue the gazetteer lacks, which the headline sets in the site's town
    return frozenset(main)



def _can_be_site(entry: gz.GazetteerEntry) -> bool:
    """Whether a meeting can be held at the place: a town, a venue, an island, but not a
    sea, an ocean or a strait, which lie in no country (the scene of what the background
    tells: "buffer zones in the Yellow Sea")."""
    return entry.type in SITE_TYPES and (entry.type != "other" or entry.country is not None)


def _in_title(doc: Document, mention: Mention) -> bool:
    title = doc.article.title.strip()
    return bool(title) and doc.sentences[mention.sentence].text.strip() == title


def _titled_apart(doc: Document, mentions: Sequence[Mention]) -> bool:
    """Whether a title that is not a line of the text (it came with the front matter) names
    the place, by a spelling the text uses for it."""
    title = doc.article.title.strip()
    if not title or doc.article.text.lstrip().startswith(title):
        return False
    folded = title.casefold()
    return any(re.search(rf"(?<!\w){re.escape(m.surface.casefold())}(?!\w)", folded) for m in mentions)


def _in_dateline(doc: Document, mention: Mention) -> bool:
    """Whether the mention is the place of a dateline: opening one of the article's first
    lines, perhaps after an agency ("(ANSA) - PANMUNJOM, 30 GIU -"), and followed by an
    agency, a comma or a dash ("Peking (dpa) -", "GENEVA -", "GINEBRA, 16 Jun.")."""
    text = doc.article.text
    line_start = text.rfind("\n", 0, mention.start) + 1
    if text.count("\n", 0, line_start) > DATELINE_LINES * 2:
        return False
    return bool(_DATELINE_BEFORE.fullmatch(text, line_start, mention.start)
                and _DATELINE_AFTER.match(text, mention.end))


@lru_cache(maxsize=1024)
def _entry_named(name: str) -> gz.GazetteerEntry | None:
    return gz.entry_named(name)


def _containers(entry: gz.GazetteerEntry, own: dict[str, gz.GazetteerEntry]) -> tuple[str, ...]:
    """Canonical names of the places that contain an entry, innermost first: each the
    article's own place of that name (`own`), else the gazetteer's."""
    chain: list[str] = []
    current = entry
    while current.within and current.within not in chain and len(chain) < 8:
        chain.append(current.within)
        parent = own.get(current.within) or _entry_named(current.within)
        if parent is None:
            break
        current = parent
    return tuple(chain)
