"""Name mentions in one article, found without a model.

A mention is a run of capitalised words that are not in the stop lists (function words,
months, weekdays, organisations, agencies, demonyms, places, common nouns), joined by
name particles ("van", "von der", "de") and initials ("George W. Bush"). A run counts only
with a cue: a title or role next to it ("de Russische president Poetin", "Dmitri Peskov,
the Kremlin spokesman"), a reporting verb ("said Putin", "aldus Poetin"), a known given
name, the shape of an East Asian name ("Kim Jong-un"), or, resolved later, the surname
of a full name given elsewhere in the article.

The lexicons come from `person_lexicon.py` (the `people` section of each language file).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..records import Document
from . import gazetteer
from .names import family_name_first
from .person_lexicon import PeopleLexicon, is_given_name, lexicon

_TOKEN = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_REGNAL = re.compile(r"^[IVX]{1,4}$")  # "Felipe VI", "Charles III"
_ELISION = re.compile(r"^([^\W\d_]{1,6})['’](?=[^\W\d_])")
_OPENERS = "\"'“‘«„([:;—–-•*"
# A headline in title case ("Putin Hosts Kim In Vladivostok") capitalises common words too.
_TITLE_CASE_SHARE = 0.6
# How far before a name a reporting phrase is looked for ("according to", "a déclaré").
_CUE_REACH = 40


# Token kinds.
NAME, PARTICLE, TITLE, HONORIFIC, ROLE, DEMONYM, MODIFIER, CONNECTOR, DETERMINER, STOP, OTHER = range(11)
_ROLE_KINDS = {TITLE, ROLE, DEMONYM, MODIFIER}
_JOINERS = (CONNECTOR, PARTICLE, DETERMINER)  # small words inside a role phrase


class _Token(NamedTuple):  # a named tuple: articles have thousands of tokens, built fast
    text: str  # without a possessive ending
    start: int  # offsets in the sentence
    end: int
    kind: int
    initial: bool  # first word of the sentence or of a quote: capitalised whatever it is
    possessive: bool


def _is_title(low: str, lex: PeopleLexicon, inflected: bool = True) -> bool:
    if low in lex.titles:
        return True
    last = low.rsplit("-", 1)[-1]  # "kremlin-woordvoerder", "vice-président", "oud-premier"
    if last != low and last in lex.titles:
        return True
    if lex.title_suffix.search(low):  # "Außenminister", "Kremlsprecher"
        return True
    return inflected and any(low.endswith(e) and _is_title(low[:-len(e)], lex, False) for e in lex.title_endings)


@lru_cache(maxsize=65536)
def _kind(word: str, code: str) -> int:
    lex = lexicon(code)
    low = word.lower()
    capitalised = word[:1].isupper()
    if not capitalised:
        head, _, rest = word.partition("-")
        if rest[:1].isupper() and head in lex.particles:  # "al-Assad", "el-Sisi"
            return NAME
        if low in lex.particles:
            return PARTICLE
    if _is_title(low, lex):
        return TITLE
    if low in lex.honorifics:
        return HONORIFIC
    if low in lex.demonyms or (not capitalised and low in lex.role_demonyms):
        return DEMONYM
    if low in lex.modifiers:
        return MODIFIER
    if low in lex.role_words or (capitalised and low.endswith(lex.organisation_endings)):
        return ROLE  # "Außenministeriums", "Kanzleramt": an organisation, a part of a role
    if not capitalised:
        if low in lex.connectors:
            return CONNECTOR
        if low in lex.determiners:
            return DETERMINER
        return OTHER
    if low in lex.determiners:
        return DETERMINER
    if low in lex.stop_words or low in lex.organisation_heads or low in lex.organisation_nouns \
            or (word.isupper() and len(word) > 1):
        return STOP  # acronyms (TASS, USA, DPRK) are organisations or places; "Motors", "Airlines"
    if "-" in word and word.rsplit("-", 1)[-1] in lex.adjective_suffixes:
        return OTHER  # "Chicago-based", "Kremlin-backed": an adjective (not "Jong-un", "Eui-kyeom")
    return NAME


def _tokens(text: str, code: str) -> list[_Token]:
    elisions = lexicon(code).elisions
    tokens: list[_Token] = []

    def add(word: str, start: int, possessive: bool = False) -> None:
        if tokens:
            between = text[tokens[-1].end:start].strip()
            initial = bool(between) and between[-1] in _OPENERS
        else:
            initial = not any(c.isalnum() for c in text[:start])
        kind = _kind(word, code)
        if len(word) == 1 and text[start + 1:start + 2].isdigit():
            kind = STOP  # "G7", "E3": a group, not an initial
        tokens.append(_Token(word, start, start + len(word), kind, initial, possessive))

    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        elided = _ELISION.match(word) if ("'" in word or "’" in word) else None
        if elided and elided.group(1)[:1].isupper() and any(c.isalnum() for c in text[:start]) \
                and text[:start].rstrip()[-1:] not in _OPENERS:
            elided = None  # "Massimo D'Alema": a capital elision inside a sentence is a surname's
        if elided and elided.group(1).lower() in elisions:  # "l'Élysée", "dell'Onu": article + word
            add(elided.group(1), start)
            word, start = word[elided.end():], start + elided.end()
        possessive = ("'" in word or "’" in word) and bool(_POSSESSIVE.search(word))
        if possessive:
            word = _POSSESSIVE.sub("", word)
        add(word, start, possessive)
    return tokens


@dataclass(frozen=True)
class Mention:
    sentence: int  # index into doc.sentences
    start: int  # absolute offsets in the article text
    end: int
    name: str  # as written, without a possessive ending
    words: int  # whitespace-separated words ("Kim Jong-un": 2)
    initial: bool  # starts its sentence, so its capital proves nothing
    cued: bool  # a title, reporting verb or apposition marks it as a person
    cue_before: bool  # the cue precedes the name (not open to sentence-initial doubt)
    accepted: bool  # a full name with enough evidence to be a person by itself
    role: str | None
    past: bool  # "former", "the late", "the then" next to the name
    speaker: bool  # a reporting verb makes it the speaker of its sentence
    attributive: bool  # a bare name qualifying a noun: "the Trump administration"
    person_cue: bool  # a title, honorific or role marks a person ("said" does not: "Apple said")
    organisation: bool  # a legal form, organisation noun or model number marks a company or product
    owned: bool  # a noun only organisations own stands next to it: "Apple shares", "the CEO of Apple"
    pronoun_after: bool  # a personal pronoun follows in its sentence ("Putin will not stop unless he is"),
    # or a participation word right after it ("Mattarella non ha partecipato")
    lead_in: int  # where the words introducing the name begin (its role phrase), absolute


def _is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 5 and word.isupper()


def _role_before(tokens: list[_Token], index: int, text: str, lex: PeopleLexicon) -> tuple[int | None, bool]:
    """Start index of a role phrase ending right before tokens[index] ("Russian President", "de
    Russische president", "ministre russe des Affaires étrangères, "), and whether one was found."""
    j = index - 1
    while j >= 0 and tokens[j].kind == PARTICLE and _adjacent(tokens, j, j + 1, text):
        j -= 1  # the particles of the surname itself: "EU-Kommissionspräsidentin von der Leyen"
    first = None
    has_title = False
    while j >= 0:
        token = tokens[j]
        gap = text[token.end:tokens[j + 1].start]
        allowed = ("", ",", ":", ".") if token.kind == HONORIFIC else ("", ",", ":")  # "Mr. Putin"
        if gap.strip() not in allowed or (gap.strip() in (",", ":") and j != index - 1):
            break
        connector = token.kind == CONNECTOR or (token.kind == PARTICLE and token.text in lex.connectors)
        # A place or organisation inside the role: "US President", "presidente de Francia", "líder del PP".
        body = token.kind in (NAME, STOP) and token.text[:1].isupper() and (
            _is_acronym(token.text) or gazetteer.is_place_word(token.text))
        body = body and ((first is not None and tokens[first].kind not in _JOINERS) or (
            j >= 2 and tokens[j - 1].kind in _JOINERS and tokens[j - 2].kind in (TITLE, ROLE)))
        if token.kind in _ROLE_KINDS or token.kind == HONORIFIC or body or (
                connector and first is not None) or (
                token.possessive and token.kind in (NAME, STOP) and first is not None and j == first - 1):
            has_title = has_title or token.kind in (TITLE, HONORIFIC)
            first = j
            j -= 1
            continue
        break
    if first is None or not has_title:
        return None, False
    while first < index and tokens[first].kind in _JOINERS:
        first += 1
    return first, True


def _role_after(tokens: list[_Token], end_index: int, text: str, lex: PeopleLexicon) -> str | None:
    """An apposition after the name: "Dmitri Peskov, the Kremlin spokesman," → "Kremlin spokesman"."""
    j = end_index + 1
    if j >= len(tokens) or text[tokens[end_index].end:tokens[j].start].strip() != ",":
        return None
    if tokens[j].kind == DETERMINER or tokens[j].text.lower() in lex.determiners:
        j += 1
    start = j
    last_title = None
    while j < len(tokens) and j - start < 8:
        token = tokens[j]
        if j > start and text[tokens[j - 1].end:token.start].strip(" '’"):
            break
        if token.kind == TITLE:
            last_title = j
        elif token.kind not in _ROLE_KINDS and token.kind not in _JOINERS and not (
                token.kind in (NAME, STOP) and token.text[:1].isupper() and last_title is not None):
            break
        j += 1
    if last_title is None or tokens[start].kind in _JOINERS:
        return None
    end = last_title
    while end + 1 < j and tokens[end + 1].kind in (ROLE, NAME, STOP, DEMONYM, *_JOINERS):
        end += 1  # "woordvoerder van het Kremlin", "secrétaire général de l'ONU"
    while tokens[end].kind in _JOINERS:
        end -= 1
    return text[tokens[start].start:tokens[end].end]


def _syllable_after(tokens: list[_Token], first: int, j: int) -> bool:
    """A capitalised short stop word that ends a romanised East Asian name: "In" in
    "Moon Jae In", "Un" in "Kim Jong Un" (an article or preposition elsewhere)."""
    token = tokens[j]
    return (token.kind in (STOP, DETERMINER) and token.text[:1].isupper() and len(token.text) <= 3
            and not token.initial and j - first >= 2
            and all(len(t.text) <= 5 and t.kind == NAME for t in tokens[first:j])
            and (j + 1 >= len(tokens) or not tokens[j + 1].text[:1].isupper()))


def _runs(tokens: list[_Token], text: str, particles: frozenset[str],
          articles: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(first, last) token indices of each run of name words. Inside a run a capitalised
    particle joins too ("Marine Le Pen", "Jean-Yves Le Drian"). Where every noun is
    capitalised, particles that are only articles (`articles`) join nothing: "Erdoğan den
    Beitritt" is a name and a noun ("von der Leyen" opens with "von")."""
    runs = []
    i = 0
    while i < len(tokens):
        if tokens[i].kind != NAME and not _opens_surname(tokens, i, text, particles):
            i += 1
            continue
        first = last = i
        j = i + 1
        while j < len(tokens) and not tokens[last].possessive:
            gap = text[tokens[j - 1].end:tokens[j].start]
            initial = len(tokens[j - 1].text) == 1 and gap.strip() == "."
            if gap.strip() and not initial:
                break
            if "\n" in gap:
                break
            if tokens[j].kind == NAME or _REGNAL.match(tokens[j].text) or _syllable_after(tokens, first, j):
                last = j
                j += 1
            elif (tokens[j].kind == PARTICLE or tokens[j].text.lower() in particles) \
                    and ((last > first and is_given_name(tokens[last].text)) or is_given_name(tokens[first].text)
                         and last == first):
                # "Ursula von der Leyen", "Luiz Inácio Lula da Silva"; not "Macron da Meloni", nor
                # a surname's organisation: "Liesje Schreinemacher van Buitenhandel"
                k = j
                while k < len(tokens) and (tokens[k].kind == PARTICLE or tokens[k].text.lower() in particles) \
                        and _adjacent(tokens, k - 1, k, text):
                    k += 1
                if k < len(tokens) and tokens[k].kind == NAME and _adjacent(tokens, k - 1, k, text) \
                        and not all(tokens[n].text in articles for n in range(j, k)):
                    last, j = k, k + 1
                else:
                    break
            else:
                break
        runs.append((first, last))
        i = last + 1
    return runs


def _opens_surname(tokens: list[_Token], i: int, text: str, particles: frozenset[str]) -> bool:
    """A capitalised particle mid-sentence opens a surname given without the given name:
    "minister Van Weel", "il ministro Di Maio" (sentence-initial "De" is an article)."""
    token = tokens[i]
    return (token.text[:1].isupper() and not token.initial and token.text.lower() in particles
            and i + 1 < len(tokens) and tokens[i + 1].kind == NAME and _adjacent(tokens, i, i + 1, text))


def _adjacent(tokens: list[_Token], a: int, b: int, text: str) -> bool:
    """Tokens a and b are neighbours with nothing but spaces between them."""
    return 0 <= a < len(tokens) and 0 <= b < len(tokens) and not text[tokens[a].end:tokens[b].start].strip()


def _inside_other_name(tokens: list[_Token], first: int, last: int, text: str, titled: bool,
                       coordinators: frozenset[str], determiners: frozenset[str], heads: frozenset[str]) -> bool:
    """The run is part of a longer capitalised name that is not a person's: "North Korea",
    "United Nations Security Council", "Russki Island", "People's Daily"."""
    for before in (1, 2):  # "North Korea", "Sri Lanka"
        if all(_adjacent(tokens, k, k + 1, text) for k in range(first - before, first)) \
                and tokens[first - before].text[:1].isupper() \
                and gazetteer.is_place_word(text[tokens[first - before].start:tokens[last].end]):
            return True
    for joiners in (1, 2):  # "Reunión de Alto Nivel", "Conference of the Parties"
        head = first - joiners - 1
        if head >= 0 and tokens[head].text[:1].isupper() and tokens[head].text.lower() in heads \
                and all(tokens[k].kind in (CONNECTOR, PARTICLE, DETERMINER) for k in range(head + 1, first)) \
                and all(_adjacent(tokens, k, k + 1, text) for k in range(head, first)):
            return True
    for after in (1, 2):  # "Russki Island", "Hong Kong"
        if all(_adjacent(tokens, k, k + 1, text) for k in range(last, last + after)) \
                and gazetteer.is_place_word(text[tokens[first].start:tokens[last + after].end]):
            return True
    # A lone capitalised word right after another non-name capitalised word ("Palazzo Chigi",
    # "North Korea") belongs to that name; a full name after a weekday ("am Samstag Olaf Scholz") does not.
    if not titled and first == last and _adjacent(tokens, first - 1, first, text):
        prev = tokens[first - 1]
        if prev.text[:1].isupper() and prev.kind in (ROLE, STOP):
            if prev.kind == ROLE or not prev.initial:
                return True
            name = text[prev.start:tokens[last].end]
            if gazetteer.is_place_word(name):
                return True
    if _adjacent(tokens, last, last + 1, text) and not tokens[last].possessive:
        following = tokens[last + 1]
        if following.text[:1].isupper() and following.kind in (ROLE, STOP) and len(following.text) >= 4:
            return True
        # "Departamento de Estado", "Ministerie van Defensie": an organisation, not a person.
        # After a title the words continue the role: "minister Van Weel van Buitenlandse Zaken".
        if not titled and following.kind in (CONNECTOR, PARTICLE) and following.text.lower() not in coordinators \
                and following.text.lower() not in determiners \
                and _adjacent(tokens, last + 1, last + 2, text) \
                and tokens[last + 2].text[:1].isupper() and tokens[last + 2].kind in (ROLE, STOP):
            return True
    return False


def _attributive(tokens: list[_Token], index: int, text: str, lex: PeopleLexicon) -> bool:
    """A bare name next to a noun it qualifies: "the second Trump administration", "il governo Meloni"."""
    return any(_adjacent(tokens, index, k, text) or _adjacent(tokens, k, index, text)
               for k in (index - 1, index + 1)
               if 0 <= k < len(tokens) and tokens[k].text.lower() in lex.attributive_nouns)


def _initials_before(tokens: list[_Token], first: int, text: str) -> bool:
    """Initials written as a two-letter capital word between a title and a surname: "Vice
    President JD Vance". Elsewhere such a word is an acronym ("EU", "US")."""
    if first < 2 or not _adjacent(tokens, first - 1, first, text) or not _adjacent(tokens, first - 2, first - 1, text):
        return False
    initials = tokens[first - 1].text
    return len(initials) == 2 and initials.isupper() and tokens[first - 2].kind in _ROLE_KINDS


def _country_possessive(tokens: list[_Token], first: int, text: str) -> bool:
    """"India's Subrahmanyam Jaishankar", "Japan's Iwaya": a country's possessive stands for
    its office holder, a cue like a title."""
    previous = tokens[first - 1] if first > 0 else None
    if not previous or not previous.text[:1].isupper() or text[previous.end:tokens[first].start].strip(" '’s"):
        return False
    if previous.possessive:
        return gazetteer.is_place_word(previous.text)
    return _place_genitive(previous)


def _place_genitive(token: _Token) -> bool:
    """A place's genitive without apostrophe: "Frankreichs Jean-Noël Barrot", "Polens Sikorski"."""
    return (token.text[:1].isupper() and token.text.endswith("s") and len(token.text) > 3
            and not gazetteer.is_place_word(token.text) and gazetteer.is_place_word(token.text[:-1]))


def _is_title_case(tokens: list[_Token]) -> bool:
    """A headline in title case: most of its common words are capitalised too."""
    common = [t for t in tokens[1:] if t.kind in (OTHER, CONNECTOR, DETERMINER, PARTICLE, STOP)]
    capitalised = sum(t.text[:1].isupper() for t in common)
    return capitalised >= 2 and capitalised >= _TITLE_CASE_SHARE * len(common)


def _marked_past(tokens: list[_Token], first: int, role_start: int | None, lex: PeopleLexicon) -> bool:
    """"former", "the then", "wijlen", "Oud-premier" in the role, or "the late" right before the name."""
    def historical(token: _Token) -> bool:
        low = token.text.lower()
        return low in lex.history_modifiers or low.split("-")[0] in lex.history_modifiers
    if role_start is not None:
        return any(historical(t) for t in tokens[role_start:first])
    if first == 0 or not historical(tokens[first - 1]):
        return False
    # A short modifier doubles as an adverb ("and then Kim said"): it needs its article ("the late").
    return len(tokens[first - 1].text) > 4 or (first >= 2 and tokens[first - 2].kind == DETERMINER)


def _after_organisation(tokens: list[_Token], first: int, last: int, text: str) -> int:
    """Where the person's name starts in a run that opens with an organisation after a title
    and a joiner ("leader della Lega Matteo Salvini", "líder del Partido Popular Alberto
    Núñez Feijóo"): at the first given name, if a surname follows it."""
    if first < 2 or tokens[first - 1].kind not in _JOINERS or tokens[first - 2].kind not in (TITLE, ROLE) \
            or not _adjacent(tokens, first - 1, first, text) or is_given_name(tokens[first].text):
        return first
    return next((k for k in range(first + 1, last) if is_given_name(tokens[k].text)), first)


_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _names_saint_or_venue(tokens: list[_Token], first: int, last: int, text: str, lex: PeopleLexicon) -> bool:
    """The run names a saint, an icon or a place named after a person, not a person: it opens
    with a saint word ("San Cirilo", "Madonna di Kazan") or follows one ("san Cirillo", "Our
    Lady of Kazan", "St. Peter"), or it follows a venue noun, perhaps with a lower-case
    adjective between ("aeropuerto internacional José Martí", "l'aeroporto José Martí")."""
    if first < last and tokens[first].text.lower() in lex.saint_words:
        return True
    before = text[max(0, tokens[first].start - 60):tokens[first].start]
    if before.rstrip(" \"'“”„«»‹›‘’") != before.rstrip() or not before[-1:].isspace():
        return False  # a name in quotes or after punctuation other than a space
    words = _WORD.findall(before.rstrip(" .").lower())[-3:]
    if not words or not re.search(r"[^\W\d_]\.?\s*$", before):
        return False
    if words[-1] in lex.saint_words or " ".join(words[-2:]) in lex.saint_words:
        return True
    if words[-1] in lex.venue_nouns:
        return True
    adjective = words[-1]
    return (len(words) >= 2 and words[-2] in lex.venue_nouns and adjective in before.split()[-1]
            and adjective not in lex.particles and adjective not in lex.connectors
            and adjective not in lex.determiners and adjective not in lex.stop_words
            and not before.split()[-1][:1].isupper())


def _is_credit(text: str, tokens: list[_Token], lex: PeopleLexicon) -> bool:
    """A photo credit ("Foto Sipa USA", "Photo: Reuters", "© ANP / Jan Jansen") or a byline
    ("By Jane Doe and John Roe"): a short line opened by a credit word whose other words are
    names and joiners. A longer caption ("Foto: Poetin en Kim bij het diner") is text."""
    if "©" in text:
        return True
    if not tokens or len(tokens) > 9 or tokens[0].text.lower() not in lex.credit_words | lex.byline_words:
        return False
    return tokens[0].text.lower() in lex.credit_words or all(
        t.text[:1].isupper() or t.kind in (PARTICLE, CONNECTOR) for t in tokens[1:])


def _sentence_mentions(doc: Document, index: int, tokens: list[_Token], mid_sentence_names: set[str]
                       ) -> list[Mention]:
    lex = lexicon(doc.language)
    sentence = doc.sentences[index]
    text = sentence.text
    if _is_credit(text, tokens, lex):
        return []
    title_case = _is_title_case(tokens)
    # Where the sentence's last personal pronoun starts: one after a name shows a person.
    # Found once per sentence; searching on from every name made a long sentence quadratic.
    last_pronoun = max((m.start() for m in lex.person_pronouns.finditer(text)), default=-1)
    found = []
    for first, last in _runs(tokens, text, lex.particles, lex.determiners if lex.nouns_capitalised else frozenset()):
        head = tokens[first]
        # A sentence-initial capital proves nothing: drop the word unless it is a given name
        # or is capitalised mid-sentence elsewhere in the article.
        initial = head.initial
        if head.initial and first < last and not is_given_name(head.text) \
                and head.text not in mid_sentence_names:
            first += 1
            head = tokens[first]
            while head.kind == PARTICLE:
                first += 1
                head = tokens[first]
        if first < last and _place_genitive(head):  # "Polens Radosław Sikorski": the country is a cue
            first += 1
            head = tokens[first]
        if first < last and not is_given_name(head.text) and gazetteer.is_place_word(head.text):
            first += 1  # "Michigan Ford", "London Heathrow": a place before a name qualifies it
            head = tokens[first]
        if first > 0 and tokens[first - 1].kind == DETERMINER \
                and not text[tokens[first - 1].end:head.start].strip():
            # "the Kremlin", "dem Treffen", "de Krim": a noun, not a name; but the noun may
            # stand before one: "Der Osteuropa-Experte Jan Reinholt"
            given = next((k for k in range(first + 1, last) if is_given_name(tokens[k].text)), None)
            if given is None or is_given_name(head.text):
                continue
            first, head = given, tokens[given]
        role_start, titled = _role_before(tokens, first, text, lex)
        if not titled and _initials_before(tokens, first, text) and _role_before(tokens, first - 1, text, lex)[1]:
            first -= 1  # "il vicepresidente americano JD Vance"
            head = tokens[first]
            role_start, titled = _role_before(tokens, first, text, lex)
        organisation_first = first
        first = _after_organisation(tokens, first, last, text)
        if first != organisation_first:  # "il leader della Lega Matteo Salvini"
            head = tokens[first]
            role_start, titled = _role_before(tokens, organisation_first, text, lex)
        name = text[head.start:tokens[last].end]
        if first > 0 and tokens[first - 1].text.lower() in lex.vessel_nouns \
                and not text[tokens[first - 1].end:head.start].strip(" \"'“”„«»‹›‘’"):
            continue  # "auf dem Schiff „Georg Ots“": a vessel's name
        if _names_saint_or_venue(tokens, first, last, text, lex):
            continue
        if gazetteer.is_place_word(name) or _inside_other_name(tokens, first, last, text, titled, lex.coordinators,
                                                                 lex.determiners, lex.organisation_heads):
            continue
        role = None
        honorific_only = titled and all(tokens[k].kind in (HONORIFIC, CONNECTOR) for k in range(role_start, first))
        if titled and not honorific_only:
            role_end = first - 1
            while tokens[role_end].kind in _JOINERS:  # "EU-Kommissionspräsidentin von der" Leyen
                role_end -= 1
            role = text[tokens[role_start].start:tokens[role_end].end].rstrip(" ,:")
        after_role = _role_after(tokens, last, text, lex)
        role = role or after_role
        reported_before = bool(lex.reporting_before.search(text[max(0, head.start - _CUE_REACH):head.start]))
        reported_after = bool(lex.reporting_after.match(text[tokens[last].end:]))
        # "president of Chrysler", "Minister of Industry": a role joined to the name by a
        # connector is the name's office, not the name's holder.
        # Two particles are a surname's ("Präsidentin von der Leyen"), one is the role's connector.
        of_role = titled and first > 0 and tokens[first - 1].text.lower() in lex.connectors \
            and not (first > 1 and tokens[first - 2].kind == PARTICLE)
        person_cue = (titled and not of_role) or after_role is not None
        cue_before = titled or reported_before or _country_possessive(tokens, first, text)
        # "at the resort in Kovalam before delegation-level talks", "en Raj Ghat": a site, whatever
        # the words after it or its first name look like.
        at_site = not titled and first > 0 and tokens[first - 1].text.lower() in lex.site_prepositions \
            and not text[tokens[first - 1].end:head.start].strip()
        takes_part = _takes_part(text[tokens[last].end:], lex) and not at_site
        cued = cue_before or reported_after or after_role is not None or takes_part
        organisation, owned = _organisation(tokens, first, last, text, doc.language)
        words = len(name.split())
        accepted = words > 1 and not title_case and (
            cued or (not at_site and (is_given_name(head.text) or family_name_first(name))))
        past = _marked_past(tokens, first, role_start, lex)
        found.append(Mention(
            sentence=index, start=sentence.start + head.start, end=sentence.start + tokens[last].end,
            name=name, words=words, initial=initial, cued=cued and not title_case,
            cue_before=cue_before, accepted=accepted, role=role, past=past,
            speaker=reported_before or reported_after,
            attributive=first == last and _attributive(tokens, first, text, lex),
            person_cue=person_cue and not title_case,
            organisation=organisation, owned=owned,
            pronoun_after=last_pronoun >= tokens[last].end or takes_part,
            lead_in=sentence.start + (tokens[role_start].start if titled else head.start),
        ))
    return found


# A model or flight number right after a name makes it a product or its maker: "Airbus A400M",
# "Boeing 737-800", "iPhone 4" (regnal numbers are Roman: "Charles III").
_MODEL_NUMBER = re.compile(r"^\s+[A-Z]{0,3}-?\d")
# What stands between an organisation-owned noun and the name it belongs to: "CEO of Apple",
# "le PDG d'Apple", "the spokesman for the company".
_OWNER_LINK = r"\s+(?:(?:[a-zß-ÿ]{1,5}\s+){1,2}|[a-zß-ÿ]{1,5}['’])$"  # lower-case small words


@lru_cache(maxsize=None)
def _owner_before(code: str) -> re.Pattern[str]:
    return re.compile(f"(?i:{lexicon(code).organisation_owned.pattern}){_OWNER_LINK}")


def _organisation(tokens: list[_Token], first: int, last: int, text: str, code: str) -> tuple[bool, bool]:
    """Cues that a run names a company, institution or product, not a person: a legal form
    ("Apple Inc."), an organisation noun right after it ("the Hang Seng index", "Ford Motor
    Company"), a model number ("Airbus A400M"); and, weaker, a noun only organisations own
    ("Apple shares", "Ford's stock", "Airbus spokesman", "the CEO of Apple")."""
    lex = lexicon(code)
    after = text[tokens[last].end:]
    if lex.legal_form.match(" " + tokens[last].text) or lex.legal_form.match(after) or _MODEL_NUMBER.match(after):
        return True, False
    next_word = re.match(r"[ \t]+([^\W\d_]+)", after)
    if next_word and next_word.group(1).lower() in lex.organisation_nouns:
        return True, False
    if first > 0 and _adjacent(tokens, first - 1, first, text) and tokens[first - 1].text.lower() in lex.organisation_nouns:
        return True, False  # "l'université Sun Yat-sen", "the company Apple"
    following = re.sub(r"^['’]s?(?=[ \t])", "", after)
    if following[:1] in (" ", "\t") and lex.organisation_owned.match(following.lstrip(" \t")):
        return False, True
    return False, bool(_owner_before(code).search(text[max(0, tokens[first].start - 40):tokens[first].start]))


def _takes_part(after: str, lex: PeopleLexicon) -> bool:
    """A participation, absence or arrival phrase within two words after the name: a person
    ("Mattarella non ha partecipato", "Sybiha arrived in Brussels")."""
    lead = re.match(r"\s+(?:[^\W\d_]+\s+){0,2}", after)
    rest = after[lead.end():] if lead else after
    return any(p.match(rest) for p in (lex.participation, lex.absence, lex.arrival))


def find_mentions(doc: Document) -> list[Mention]:
    """Every candidate name mention of the article, in text order."""
    tokens = [_tokens(s.text, doc.language) for s in doc.sentences]
    mid_sentence = {t.text for sentence in tokens for t in sentence if t.kind == NAME and not t.initial}
    mentions = []
    for index in range(len(doc.sentences)):
        mentions.extend(_sentence_mentions(doc, index, tokens[index], mid_sentence))
    return mentions
