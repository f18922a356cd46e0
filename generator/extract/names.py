"""Person-name normalisation shared by the people extractor and the events stage.

The same person is spelled differently across languages and outlets: Putin, Poetin,
Poutine, Wladimir Putin; Kim Jong-un, Kim Jong Un, KIM JONG UN; Selenskyj, Zelenskyy.
`person_key` folds a name to a spelling-insensitive key with general transliteration
rules (Dutch "oe", French "ou", German "w" and "sch", the j/y/i family, the sh/ch/zh
family, doubled letters, ...), never with a table of known people. `same_person`
decides whether two spellings can name one person (a bare surname is compatible with a
full name; two full names must agree on given names too), and `canonical_name` picks
the display name of a cluster of spellings.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable, Mapping

# Letters that NFKD does not decompose into a base letter plus accents.
_SPECIAL_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"})
# Multi-letter transliteration conventions, longest first so that "tsch" is not read as "t" + "sch".
# Every hushing/velar-fricative spelling (sh, sch, sj, zh, ch, tsch, tsj, tch, kh) becomes one class "C":
# Dutch, German, French and English render the same Cyrillic letters with these.
_CLUSTERS: tuple[tuple[str, str], ...] = (
    ("schtsch", "C"), ("sjtsj", "C"), ("shch", "C"), ("chtch", "C"),
    ("tsch", "C"), ("tsj", "C"), ("tch", "C"), ("tsh", "C"),
    ("sch", "C"), ("sh", "C"), ("sj", "C"), ("zh", "C"), ("ch", "C"), ("kh", "C"),
    ("ph", "f"), ("ck", "k"), ("qu", "k"), ("tz", "s"), ("ts", "s"),
    ("gue", "ge"), ("gui", "gi"),  # French and Spanish hard g: Sergueï, Serguéi / Sergei
)
# Vowel spellings: Dutch "oe" and French "ou" for /u/, German "ue" for ü.
_VOWELS: tuple[tuple[str, str], ...] = (("oe", "u"), ("ou", "u"), ("ue", "u"))
# Single letters that transliterations disagree on: w/v (German Wladimir), j/y/i (Selenskyj, Zelenskyy),
# z/s (German initial S for Z), c/k/q.
_LETTERS = str.maketrans({"w": "v", "y": "i", "j": "i", "z": "s", "c": "k", "q": "k"})
_VOWEL_LETTERS = set("aeiou")
_TOKEN = re.compile(r"[^\W\d_]+")
# A romanised East Asian given name is one or two short syllables ("Jong-un", "Jae-in", "Il Sung").
_SYLLABLE = re.compile(r"^[^\W\d_]{1,4}$")
# A bare name this short may be a family name written first ("Xi", "Kim", "Moon"), longer ones are given names.
FAMILY_FIRST_LETTERS = 4
# Name particles are lower-case words inside Western names ("Jan van Dijk"), never given-name syllables.
_PARTICLES = frozenset("van von de der den di da del della du le la al el bin ibn ter ten zu dos das y".split())


@lru_cache(maxsize=1 << 16)  # names, tokens and spellings recur across a corpus
def _plain(text: str) -> str:
    """Lower case without accents: "Miedviédev" → "miedviedev"."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SPECIAL_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def _fold_token(token: str) -> str:
    for old, new in _CLUSTERS:
        token = token.replace(old, new)
    for old, new in _VOWELS:
        token = token.replace(old, new)
    token = token.replace("Co", "Ce")  # Russian ё after a hushing sound: Gorbatsjov / Gorbachev
    token = token.translate(_LETTERS)
    token = re.sub(r"(.)\1+", r"\1", token)  # Zelenskyy, Medvedev/Medvedevv, Rutte
    token = token.replace("ie", "e")  # Miedviédev / Medvedev, Dmitriev
    if len(token) > 3 and token.endswith("e") and token[-2] not in _VOWEL_LETTERS:
        token = token[:-1]  # French final -e: Poutine
    if len(token) > 3 and token.endswith("ng"):
        token = token[:-1]  # Jong / Jon in Korean given names
    return token


_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")


def _tokens(name: str) -> list[str]:
    """Folded words; an apostrophe inside a word joins it: "D'Alema" is one word, "dalema"."""
    return _TOKEN.findall(_INNER_APOSTROPHE.sub("", _plain(name)))


@lru_cache(maxsize=1 << 16)  # linking a large corpus asks for the same names again and again
def _folded(name: str) -> tuple[str, ...]:
    return tuple(_fold_token(t) for t in _tokens(name))


def person_key(name: str) -> str:
    """A spelling-insensitive key of a whole name.

    >>> person_key("Poetin") == person_key("Poutine") == person_key("Putin")
    True
    >>> person_key("Kim Jong-un") == person_key("KIM JONG UN") == person_key("Kim Jon-un")
    True
    """
    return " ".join(_folded(name))


@lru_cache(maxsize=1 << 16)
def family_name_first(name: str) -> bool:
    """Family name first: "Kim Jong-un", "Moon Jae-in", "Kim Il Sung".

    Recognised by the shape of the given name (short syllables, hyphen-joined or as two
    tokens), not by a list of people.
    """
    parts = name.split()
    if len(parts) < 2:
        return False
    last = parts[-1]
    if "-" in last:
        pieces = last.split("-")
        return len(pieces) == 2 and all(_SYLLABLE.match(p) for p in pieces)
    return (len(parts) == 3 and all(_SYLLABLE.match(p) for p in parts[1:])
            and len(parts[0]) <= 5 and parts[1].lower() not in _PARTICLES)


@lru_cache(maxsize=1 << 16)
def surname_key(name: str) -> str:
    """The folded family name: the last token, or the first for East Asian name order."""
    folded = _folded(name)
    if not folded:
        return ""
    return folded[0] if family_name_first(name.strip()) else folded[-1]


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree: equal, one an initial of the other, or one a subset (a middle name dropped)."""
    if not a or not b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    pool = list(long_)
    for token in short:
        match = next((t for t in pool if t == token or (len(token) == 1 and t.startswith(token))
                      or (len(t) == 1 and token.startswith(t))), None)
        if match is None:
            return False
        pool.remove(match)
    return True


def _split(name: str) -> tuple[str, tuple[str, ...]]:
    folded = _folded(name)
    if family_name_first(name.strip()):
        return folded[0], folded[1:]
    return folded[-1], folded[:-1]


@lru_cache(maxsize=1 << 17)
def same_person(a: str, b: str) -> bool:
    """Whether two spellings can name the same person.

    A bare name ("Kim", "Poetin") is compatible with a full name whose family name it is:
    its last token, or its first when that is short enough to be a family name written
    first ("Xi", "Kim", "Moon"). Two full names must
    share the family name and have compatible given names: "Kim Jong Un" is not
    "Kim Jong Il", "V. Putin" is "Wladimir Putin".
    """
    fa, fb = _folded(a), _folded(b)
    if not fa or not fb:
        return False
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        single, other = (fa[0], fb) if len(fa) == 1 else (fb[0], fa)
        # A first token alone is a family name written first ("Xi", "Kim", "Moon": short),
        # not a given name ("le pape François" is not François Hollande).
        return len(single) > 1 and (single == other[-1] or single == other[0] and len(single) <= FAMILY_FIRST_LETTERS)
    surname_a, given_a = _split(a)
    surname_b, given_b = _split(b)
    return surname_a == surname_b and _given_compatible(given_a, given_b)


def given_initials(name: str) -> frozenset[str]:
    """The first letters of a name's given names. `same_person` matches every given name
    of the shorter name to one of the other's with the same first letter, so two full
    names can only be the same person when one's initials are a subset of the other's:
    a cheap test that spares the full comparison of most pairs sharing a family name."""
    if not _folded(name):
        return frozenset()
    return frozenset(token[0] for token in _split(name)[1])


# Spellings typical of one language's transliteration, which an international display name avoids:
# Dutch "oe", "sj", "tsj", "ij"; German "sch", "w", final "j"; French "ou", final "e", "ï" and "ë"
# ("Sergueï"); Spanish stressed transliterations ("Serguéi").
_LOCAL_SPELLING = re.compile(r"oe|sj|tsj|sch|^w|w\b|[^aeiou]e\b|ou|ij|yj\b|\bj[^aeiou]|[aeiou]j\b")
_TRANSLITERATION_MARKS = re.compile(r"[ïëÏË]|(?<=[aeiou])[íéúó](?=\b)|ué")


def _display_rank(spelling: str, count: int, international: int = 0) -> tuple:
    full, cased, local, hyphens = _spelling_rank(spelling)
    return (
        full,  # a full first + last name first
        cased,  # "Kim Jong Un" over "Kim jong un" or "KIM JONG UN"
        -international,  # the spelling English articles use ("Sergei Lavrov", not "Sergueï Lavrov")
        local,  # the international spelling over a Dutch/German/French one ("Poetin", "Sergueï")
        -count,  # the form most sources use
        hyphens,  # "Kim Jong Un" over "Kim Jong-un" when otherwise equal
        spelling,
    )


@lru_cache(maxsize=1 << 16)  # the registry ranks the same spellings for many entities
def _spelling_rank(spelling: str) -> tuple[int, int, int, int]:
    tokens = spelling.split()
    words = [t for t in _TOKEN.findall(spelling) if len(t) > 1]
    well_cased = all(t[:1].isupper() for t in tokens) and not spelling.isupper()
    local = len(_LOCAL_SPELLING.findall(_plain(spelling))) + len(_TRANSLITERATION_MARKS.findall(spelling.lower()))
    return 0 if len(words) >= 2 else 1, 0 if well_cased else 1, local, spelling.count("-")


def canonical_name(spellings: Iterable[str] | Mapping[str, int],
                   international: Mapping[str, int] | None = None) -> str:
    """The display name for spellings that name one person (each spelling as often as it
    is used, or a mapping of spellings to their counts).

    Prefers a full first + last name, then properly cased forms, then the spelling English
    articles use most (`international`: spelling → uses in English text), then the spelling
    with fewest language-specific transliterations, then the form used most often; ties
    are broken alphabetically so the choice is deterministic.
    """
    international = international or {}
    counts: Counter = Counter()
    if isinstance(spellings, Mapping):  # the registry's counts: not expanded to every use
        for spelling, count in spellings.items():
            if spelling and spelling.strip() and count > 0:
                counts[" ".join(spelling.split())] += count
    else:
        counts.update(" ".join(s.split()) for s in spellings if s and s.strip())
    if not counts:
        raise ValueError("canonical_name needs at least one non-empty spelling")
    return min(counts, key=lambda s: _display_rank(s, counts[s], international.get(s, 0)))


# Countries written in Cyrillic: their people's names reach other languages transliterated,
# each language in its own way ("Wladimir Selenskyj", "Poetin", "Sergueï Lavrov").
CYRILLIC_COUNTRIES = frozenset({"Russia", "Ukraine", "Belarus", "Bulgaria", "Serbia", "North Macedonia", "Kazakhstan",
                                "Kyrgyzstan", "Tajikistan", "Mongolia", "the Soviet Union"})
# Surname endings that mark a transliterated Slavic name where no role says where its bearer is from.
_SLAVIC_ENDING = re.compile(r"(?:ow|ew|ov|ev|owa|ewa|ova|eva|sky|ski|skij|skyj|skiy|enko|ytsch|itsch|ovich|owitsch|"
                            r"ovitch|ovitsj|ij|yj)$", re.IGNORECASE)


@lru_cache(maxsize=None)
def _transliteration_rules(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """The language's rules from its own transliteration of Cyrillic to the English one
    (`people.transliteration` of `languages/<code>.yaml`), applied word by word, in order."""
    from ..languages import load, supported

    if language not in supported():
        return ()
    rules = load(language).section("people").get("transliteration") or []
    return tuple((re.compile(str(pattern)), str(replacement)) for pattern, replacement in rules)


def english_form(name: str, language: str, role_en: str | None = None) -> str | None:
    """How English would spell a name an article in `language` gives a person from a country
    written in Cyrillic: its transliteration (`english_spelling`), or the name itself where
    the article spells it so already ("Volodymyr Zelensky" in French); None for other names."""
    english = english_spelling(name, language, role_en)
    if english is not None:
        return english
    owner = role_en.rsplit(" of ", 1)[-1] if role_en and " of " in role_en else None
    if name.strip() and (owner in CYRILLIC_COUNTRIES or _SLAVIC_ENDING.search(name.split()[-1])):
        return name
    return None


def english_spelling(name: str, language: str, role_en: str | None = None) -> str | None:
    """The usual English spelling of a name an article in `language` transliterates from
    Cyrillic ("Wladimir Selenskyj" → "Vladimir Selensky", "Poetin" → "Putin", "Sergueï" →
    "Sergei"), or None when the name is not such a transliteration or is spelled so already.
    A name is one when the person's English role belongs to a country written in Cyrillic,
    or its surname has a Slavic ending."""
    rules = _transliteration_rules(language)
    if not rules or not name.strip():
        return None
    owner = role_en.rsplit(" of ", 1)[-1] if role_en and " of " in role_en else None
    if owner not in CYRILLIC_COUNTRIES and not _SLAVIC_ENDING.search(name.split()[-1]):
        return None
    words = []
    for word in name.split():
        for pattern, replacement in rules:
            word = pattern.sub(replacement, word)
        words.append(word)
    english = " ".join(words)
    return english if english != name else None
