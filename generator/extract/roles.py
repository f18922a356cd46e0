"""A role as written → one English role: "Russische president" → "President of Russia".

A role is read as an office, the country or organisation it belongs to, and what
qualifies it ("former", "deputy"), each from the language's `roles` section:

    office        "president", "Außenminister", "ministre des Affaires étrangères"
    country       a demonym ("russische", "ukrainien", "norcoreano"), a country name
                  ("presidente de Francia", "Russlands Präsident"), a prefix ("US-Präsident"),
                  or a phrase that implies one ("Kremlchef", "presidente del Gobierno")
    organisation  "Secretary General of NATO", "présidente de la Commission européenne"
    institution   the office's employer for staff ("Sprecherin des Außenministeriums")

A phrase of kinship or relation ("grandfather of", "esposa de Lula", "Canadian
counterpart") is not a role: it gives None, and so does a phrase with no office.
`specificity` ranks English roles, so a person's several roles reduce to one.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from ..languages import load, supported
from . import gazetteer

# Offices too general to tell a reader much alone: "Leader", "Minister", "Official".
GENERIC_OFFICES = frozenset({"Leader", "Head of State", "Head of Government", "Minister", "Official", "Diplomat",
                             "Adviser", "Envoy", "Chair", "General", "Commander"})
# Offices that belong to an institution rather than a country ("Spokesperson of the Kremlin").
STAFF_OFFICES = frozenset({"Spokesperson", "Adviser", "Official", "Diplomat", "Ambassador", "Envoy", "Chief of Staff",
                           "National Security Adviser"})
# English qualifiers, in the order they stand before the office.
QUALIFIERS = ("Former", "Late", "Acting", "Deputy")
# Offices that a country or organisation names in its own way: the US foreign minister is
# its Secretary of State, the "NATO chief" its Secretary General.
OFFICE_IN_COUNTRY = {
    ("Foreign Minister", "US"): "Secretary of State", ("Defence Minister", "US"): "Secretary of Defense",
    ("Finance Minister", "US"): "Secretary of the Treasury", ("Foreign Minister", "GB"): "Foreign Secretary",
    ("Prime Minister", "CN"): "Premier", ("Leader", "NATO"): "Secretary General",
    ("Leader", "the United Nations"): "Secretary General",
}
# Country names that English writes with "the" ("President of the United States").
_DEFINITE = re.compile(r"^(United|Democratic|Central African|Czech Republic|Dominican|Holy)\b|"
                       r"\b(Islands|Republic|Emirates|Kingdom|Federation|Union)$|"
                       r"^(Netherlands|Philippines|Bahamas|Gambia|Maldives|Comoros|Seychelles|Congo)$")
# English names the gazetteer spells otherwise for a role: the Pope's state is the Holy See.
_OFFICE_COUNTRY_NAMES = {"VA": "the Holy See"}
# What an English role may be written with (the records' schema checks the same pattern).
ENGLISH = re.compile(r"^[A-Za-z][A-Za-z .,'()-]*$")
# A word: letters (and digits), so hyphens and apostrophes split ("US-Präsident", "chef d'État").
_WORD = re.compile(r"[^\W_]+")
# The longest phrase read as a role, in words: anything longer is a sentence, not a role.
MAX_ROLE_WORDS = 24
# The longest phrase the lexicons hold, in words.
MAX_PHRASE = 8
# Offices whose holders are known by one name and the office ("Pope Francis", "King Charles III",
# "Patriarch Kirill"), in every language by the same English name.
REGNAL_OFFICES = frozenset({"Pope", "King", "Queen", "Emperor", "Empress", "Patriarch", "Metropolitan", "Sultan",
                            "Emir", "Grand Duke", "Grand Duchess"})
_REGNAL_NUMBER = re.compile(r"[IVXL]+\.?")
# A compound's office ending must be this long ("minister", "präsident"; not "chef" alone).
MIN_COMPOUND_HEAD = 4


def fold(text: str) -> str:
    """Lower case without accents: "Außenminister" → "aussenminister", "Élysée" → "elysee"."""
    text = text.casefold().replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _key(phrase: str) -> str:
    return " ".join(words(phrase))


@dataclass(frozen=True)
class RoleLexicon:
    offices: Mapping[str, str]  # phrase key → English office
    implied: Mapping[str, str]  # phrase key → ISO country
    demonyms: Mapping[str, str]  # form key → ISO country
    organisations: Mapping[str, str]  # phrase key → English name
    institutions: Mapping[str, str]  # phrase key → English name
    modifiers: Mapping[str, str]  # word key → English qualifier
    relations: frozenset[str]
    genitive_endings: tuple[str, ...]
    compounds: bool
    by_country: Mapping[str, Mapping[str, str]]  # office key → ISO country (or "default") → English office
    list_joiners: tuple[str, ...]  # "and": joins the last name of a list
    regnal_names: Mapping[str, str]  # folded name as written → the English name ("François" → "Francis")


def _inflected(form: str, inflections: Mapping[str, list]) -> set[str]:
    """Every inflected form of a base form: the rule of its longest listed ending."""
    base = fold(form)
    endings = sorted((fold(e) for e in inflections if e and base.endswith(fold(e))), key=len, reverse=True)
    ending = endings[0] if endings else ""
    forms = next((v for k, v in inflections.items() if fold(k) == ending), [""]) or [""]
    stem = base[:len(base) - len(ending)] if ending else base
    return {_key(stem + fold(str(f or ""))) for f in forms} | {_key(base)}


def _phrases(table: Mapping[str, Iterable[str]], endings: Iterable[str] = ()) -> dict[str, str]:
    """Phrase key → name; with `endings`, also each phrase whose first word takes one."""
    found: dict[str, str] = {}
    for name, phrases in (table or {}).items():
        for phrase in phrases or ():
            key = _key(str(phrase))
            if not key:
                continue
            first, _, rest = key.partition(" ")
            for ending in endings:
                found.setdefault(" ".join(filter(None, (first + ending, rest))), str(name))
            found[key] = str(name)
    return found


@lru_cache(maxsize=None)
def lexicon(language: str) -> RoleLexicon:
    section = load(language).section("roles")
    inflections = section.get("inflections") or {"": [""]}
    demonyms = {form: str(code) for code, bases in (section.get("demonyms") or {}).items()
                for base in bases or () for form in _inflected(str(base), inflections) if form}
    return RoleLexicon(
        offices=_phrases(section.get("offices"), [fold(str(e)) for e in section.get("office_endings") or ()]),
        implied={_key(str(p)): str(c) for p, c in (section.get("implied") or {}).items()},
        demonyms=demonyms,
        organisations=_phrases(section.get("organisations")),
        institutions=_phrases(section.get("institutions")),
        modifiers=_phrases(section.get("modifiers")),
        relations=frozenset(_key(str(w)) for w in section.get("relations") or ()),
        genitive_endings=tuple(fold(str(e)) for e in section.get("genitive_endings") or ()),
        compounds=bool(section.get("compounds")),
        by_country={_key(str(k)): {str(c): str(o) for c, o in v.items()}
                    for k, v in (section.get("by_country") or {}).items()},
        list_joiners=tuple(str(w) for w in section.get("list_joiners") or ()),
        regnal_names={fold(str(form)): str(english) for english, forms in (section.get("regnal_names") or {}).items()
                      for form in forms or ()},
    )


@lru_cache(maxsize=1)
def english_offices() -> tuple[str, ...]:
    """Every English office any language names, longest first (to read an English role back)."""
    names = {o for code in supported() for o in lexicon(code).offices.values()}
    names |= {"Vice President", "Vice Chancellor", *OFFICE_IN_COUNTRY.values()}
    return tuple(sorted(names, key=lambda o: (-len(o), o)))


@dataclass(frozen=True)
class EnglishRole:
    office: str
    of: str | None = None  # the country, organisation or institution
    qualifiers: tuple[str, ...] = ()
    country: bool = False  # whether `of` is a country

    @property
    def text(self) -> str:
        office = self.office
        qualifiers = list(self.qualifiers)
        if "Deputy" in qualifiers and office in ("President", "Chancellor"):
            qualifiers.remove("Deputy")
            office = f"Vice {office}"
        head = " ".join([*qualifiers, office])
        return f"{head} of {self.of}" if self.of else head


def specificity(role: str) -> int:
    """How much an English role tells: an office of a country or organisation (3, 2 when
    the office is generic), a bare office (1), a bare generic office (0)."""
    parsed = parse(role)
    if parsed is None:
        return -1
    generic = parsed.office in GENERIC_OFFICES
    return (2 if parsed.of else 0) + (0 if generic else 1)


def parse(role: str) -> EnglishRole | None:
    """Read an English role back into its parts ("Former Foreign Minister of Russia")."""
    rest = role.strip()
    qualifiers = []
    for word in QUALIFIERS:
        if rest.startswith(word + " "):
            qualifiers.append(word)
            rest = rest[len(word) + 1:]
    office = next((o for o in english_offices() if rest == o or rest.startswith(o + " of ")), None)
    if office is None:
        return None
    of = rest[len(office) + 4:] or None if len(rest) > len(office) else None
    return EnglishRole(office, of, tuple(qualifiers), country=of is not None and of in _country_names())


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    import pycountry

    return frozenset(n for c in pycountry.countries if (n := country_label(c.alpha_2)))


@lru_cache(maxsize=None)
def country_label(code: str) -> str | None:
    """The English name of a country as a role names it: "the United States", "Russia"."""
    if code in _OFFICE_COUNTRY_NAMES:
        return _OFFICE_COUNTRY_NAMES[code]
    name = gazetteer.country_name(code)
    if not name:
        return None
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return f"the {name}" if _DEFINITE.search(name) else name


@dataclass(frozen=True)
class _Hit:
    start: int  # word index
    end: int
    value: str
    kind: str  # office | country | implied | organisation | institution | modifier


def _phrase_hits(keys: list[str], table: Mapping[str, str], kind: str) -> list[_Hit]:
    """Longest phrase matches, left to right, without overlap."""
    hits, i = [], 0
    while i < len(keys):
        for size in range(min(MAX_PHRASE, len(keys) - i), 0, -1):
            value = table.get(" ".join(keys[i:i + size]))
            if value is not None:
                hits.append(_Hit(i, i + size, value, kind))
                i += size
                break
        else:
            i += 1
    return hits


def _compound(word: str, lex: RoleLexicon) -> tuple[str, str] | None:
    """(office key, the part before it) of a compound closing on an office ("bundesaußenminister")."""
    for cut in range(1, len(word) - MIN_COMPOUND_HEAD + 1):
        head = word[cut:]
        if head in lex.offices:
            return head, word[:cut]
    return None


def _prefix_hit(prefix: str, index: int, lex: RoleLexicon, language: str) -> _Hit | None:
    """What the first part of a compound names: "us", "kreml", "vize", "kommissions"."""
    for table, kind in ((lex.demonyms, "country"), (lex.organisations, "organisation"),
                        (lex.institutions, "institution"), (lex.implied, "implied"), (lex.modifiers, "modifier")):
        if prefix in table:
            return _Hit(index, index + 1, table[prefix], kind)
    return None


def _country_names_in(text: str, language: str, lex: RoleLexicon) -> list[_Hit]:
    """Country names written in the role ("de Francia", "Russlands"), by word index."""
    found = []
    raw = _WORD.findall(text)
    for i, word in enumerate(raw):
        if not word[:1].isupper():
            continue
        for size in (3, 2, 1):
            if i + size > len(raw):
                continue
            surface = " ".join(raw[i:i + size])
            candidates = [surface] + [surface[:-len(e)] for e in lex.genitive_endings
                                      if size == 1 and e and fold(surface).endswith(e) and len(surface) > len(e) + 3]
            entry = next((e for c in candidates if (e := gazetteer.lookup(c, language)) and e.type == "country"
                          and e.country), None)
            if entry is not None:
                found.append(_Hit(i, i + size, entry.country, "country"))
                break
    return found


@lru_cache(maxsize=8192)
def english_role(written: str | None, language: str) -> str | None:
    """The English role of a role as written in `language`, or None (no office, or a relation)."""
    role = read_role(written, language)
    # The records' schema holds English roles to plain Latin letters: a lexicon entry that
    # would break that gives no role rather than a record that fails its check.
    return role.text if role and ENGLISH.match(role.text) else None


def read_role(written: str | None, language: str) -> EnglishRole | None:
    found = _read(written, language)
    return found[0] if found else None


def _read(written: str | None, language: str) -> tuple[EnglishRole, int, int] | None:
    """The English role of a phrase, with the words it was read from (first, last + 1)."""
    if not written or language not in supported():
        return None
    lex = lexicon(language)
    keys = words(written)
    if not keys or len(keys) > MAX_ROLE_WORDS or any(k in lex.relations for k in keys):
        return None
    # A demonym may stand inside an office ("ministre allemand des Affaires étrangères"), and
    # an organisation's name may hold an office's words ("presidente del Consiglio europeo" is
    # not Italy's "presidente del Consiglio"): offices are matched on the other words.
    inside = {i for h in _phrase_hits(keys, lex.demonyms, "country") for i in range(h.start, h.end)}
    inside |= {i for h in _phrase_hits(keys, lex.organisations, "organisation") if h.end - h.start > 1
               for i in range(h.start, h.end)}
    kept = [i for i in range(len(keys)) if i not in inside]
    offices = [_Hit(kept[h.start], kept[h.end - 1] + 1, h.value, h.kind)
               for h in _phrase_hits([keys[i] for i in kept], lex.offices, "office")]
    extra: list[_Hit] = []
    if not offices and lex.compounds:
        for i, word in enumerate(keys):
            split = _compound(word, lex)
            if split:
                head, prefix = split
                offices.append(_Hit(i, i + 1, lex.offices[head], "office"))
                hit = _prefix_hit(prefix, i, lex, language)
                if hit:
                    extra.append(hit)
                break
    if not offices:
        return None
    office_hit = offices[0]
    taken = set(range(office_hit.start, office_hit.end)) - inside
    office_key = " ".join(keys[i] for i in sorted(taken))
    if lex.compounds and office_key not in lex.offices:
        office_key = (_compound(office_key, lex) or (office_key, ""))[0]
    facts = extra + [h for table, kind in ((lex.demonyms, "country"), (lex.organisations, "organisation"),
                                           (lex.institutions, "institution"), (lex.implied, "implied"),
                                           (lex.modifiers, "modifier"))
                     for h in _phrase_hits(keys, table, kind) if not taken & set(range(h.start, h.end))]
    # An office that implies its country: "presidente del Gobierno" (Spain), "Kremlin chief".
    implied_here = lex.implied.get(office_key) or next(
        (h.value for h in _phrase_hits(office_key.split(), lex.implied, "implied")), None) or (
        next((c for p, c in lex.implied.items() if office_key.startswith(p) and len(p) >= MIN_COMPOUND_HEAD), None)
        if lex.compounds else None)  # "bondskanselier": a German chancellor
    if implied_here:
        facts.append(_Hit(office_hit.start, office_hit.end, implied_here, "implied"))
    named = [h for h in _country_names_in(written, language, lex) if not taken & set(range(h.start, h.end))]
    facts += named
    read = [office_hit, *facts]
    first, last = min(h.start for h in read), max(h.end for h in read)
    if len({h.value for h in facts if h.kind == "country"}) > 1 and any(k in lex.list_joiners for k in keys):
        # "presidenten van Rusland en Oekraïne": an office of several countries, none of them alone
        facts = [h for h in facts if h.kind not in ("country", "implied")]

    def near(h: _Hit) -> tuple[int, int]:
        return (abs(h.start - office_hit.start), h.start)

    role = _english(lex, office_hit, office_key, facts, near)
    return (role, first, last) if role else None


def _english(lex: RoleLexicon, office_hit: _Hit, office_key: str, facts: list[_Hit], near) -> EnglishRole:
    """The office and, of the facts beside it, the nearest country or organisation it belongs to."""
    qualifiers = tuple(q for q in QUALIFIERS if any(h.kind == "modifier" and h.value == q for h in facts))
    countries = sorted((h for h in facts if h.kind == "country"), key=near)
    organisations = sorted((h for h in facts if h.kind == "organisation"), key=near)
    institutions = sorted((h for h in facts if h.kind == "institution"), key=near)
    implied = sorted((h for h in facts if h.kind == "implied"), key=near)
    country = (countries or implied or [None])[0]
    code = country.value if country else None
    office = office_hit.value
    choices = lex.by_country.get(office_key)
    if choices:
        office = choices.get(code or "", choices.get("default", office))
    if office in STAFF_OFFICES and institutions:
        owner = institutions[0].value
        where = country_label(code) if code and country in countries else None
        return EnglishRole(office, f"{owner} of {where}" if where else owner, qualifiers)
    if organisations and (not countries or near(organisations[0]) < near(countries[0])):
        owner = organisations[0].value
        return EnglishRole(OFFICE_IN_COUNTRY.get((office, owner), office), owner, qualifiers)
    label = country_label(code) if code else None
    office = OFFICE_IN_COUNTRY.get((office, code or ""), office)
    return EnglishRole(office, label, qualifiers, country=label is not None)


def person_role(doc, mentions, stated: str | None) -> tuple[str | None, str | None]:
    """(role as written, English role) of a person from their mentions in `doc`: the best
    English role of the roles the mentions carry; with none, a role in apposition to a
    mention ("El presidente de Estados Unidos, Joe Biden", "Penny Wong, the Australian
    foreign minister,"), which then is the role as written too."""
    english = best_role(english_role(m.role, doc.language) for m in mentions)
    if stated is not None or english is not None:
        return stated, english
    for mention in sorted(mentions, key=lambda m: m.start):
        sentence = doc.sentences[mention.sentence]
        text = doc.article.text
        # Only the text near the name is read: a role phrase is short, and a long "sentence"
        # (a list, a page without stops) costs no more than a short one.
        after = text[mention.end:min(sentence.end, mention.end + NEAR)]
        # A role before the name is its apposition only when the name is closed off too
        # ("il presidente ucraino, Volodymyr Zelensky, a Roma"): in "After meeting the
        # Chinese president, Putin flew on" the role is someone else's.
        closed = _CLOSED.match(after) is not None
        before = text[max(sentence.start, mention.start - NEAR):mention.start]
        beside = ((_apposition_before(before, doc.language) if closed else None)
                  or _apposition_after(after, doc.language))
        if beside:
            return beside, english_role(beside, doc.language)
        joiners = lexicon(doc.language).list_joiners
        in_list = closed or any(re.match(r"\s+" + re.escape(j) + r"\s", after, re.IGNORECASE) for j in joiners)
        listed = _listed_under(before, doc.language) if in_list else None
        if listed:
            return listed
    return None, None


# A name in a list: capitalised words ("Jean-Yves Le Drian") at the end of the text.
_LISTED_NAME = re.compile(r"(?:[^\W\d_][\w'’.-]*\s+)*[^\W\d_][\w'’.-]*\s*$")
# The longest name of a list, in characters.
NAME_LENGTH = 80
# Most names of one list that are read back to its role.
MAX_LISTED = 8


def _listed_under(before: str, language: str) -> tuple[str, str] | None:
    """The role a list of names stands under ("les ministres des affaires étrangères, Jean-Yves
    Le Drian, Heiko Maas et <name>"): the office alone, as the role may name several
    countries ("the presidents of France and Russia, Macron and Putin")."""
    joiners = "|".join(re.escape(j) for j in lexicon(language).list_joiners)
    separator = re.compile(r"(?:,|\s(?:" + joiners + r"))\s*$" if joiners else r",\s*$", re.IGNORECASE)
    text = before
    for _ in range(MAX_LISTED):
        found = separator.search(text)
        if not found:
            return None
        if text is not before and text.rstrip().endswith(","):
            phrase = _apposition_before(text, language)
            if phrase:
                role = read_role(phrase, language)
                bare = EnglishRole(role.office, None, role.qualifiers).text if role else None
                return (phrase, bare) if bare and ENGLISH.match(bare) else None
        name = _LISTED_NAME.search(text[:found.start()][-NAME_LENGTH:])
        if not name or not name.group().strip()[:1].isupper():
            return None
        kept = text[:found.start()]
        text = kept[:len(kept) - len(name.group())]
    return None


# An apposition: a role phrase and the name, with only a comma between them.
_BEFORE = re.compile(r"([^,;:()«»\"“”]{2,120}),\s*$")
_AFTER = re.compile(r"^\s*,\s*([^,;:.!?()«»\"“”]{2,120}?)\s*(?:[,;:)]|[.!?](?:\s|$)|$)")
_CLOSED = re.compile(r"^\s*(?:[,;:.!?)]|$)")
# How far from a name (in characters) an apposition or the role over a list is looked for.
NEAR = 600
# Longest apposition read as a role, in words.
MAX_APPOSITION = 10


def _apposition_before(before: str, language: str) -> str | None:
    """"El presidente de Estados Unidos, <name>": the role must reach the comma."""
    found = _BEFORE.search(before)
    if not found:
        return None
    phrase = found.group(1)
    spans = [m.span() for m in _WORD.finditer(phrase)][-MAX_APPOSITION:]
    if not spans:
        return None
    tail = phrase[spans[0][0]:]
    read = _read(tail, language)
    if read is None or read[2] != len(spans):
        return None
    return tail[spans[read[1]][0] - spans[0][0]:].strip()


def _apposition_after(after: str, language: str) -> str | None:
    """"<name>, the Australian foreign minister,": the role must open the phrase."""
    found = _AFTER.match(after)
    if not found:
        return None
    phrase = found.group(1).strip()
    spans = [m.span() for m in _WORD.finditer(phrase)]
    read = _read(phrase, language) if 0 < len(spans) <= MAX_APPOSITION else None
    if read is None or read[1] > 2:  # at most an article and a qualifier before it
        return None
    return phrase


def relation_country(written: str | None, language: str) -> str | None:
    """The country a relation phrase gives its person ("Canadian counterpart", "omologo
    francese"): a demonym right beside the relation word. None for anything else."""
    if not written or language not in supported():
        return None
    lex = lexicon(language)
    keys = words(written)
    related = {i for i, k in enumerate(keys) if k in lex.relations}
    if not related:
        return None
    beside = {h.value for h in _phrase_hits(keys, lex.demonyms, "country")
              if any(h.start - 1 == i or h.end == i for i in related)}
    return next(iter(beside)) if len(beside) == 1 else None


@lru_cache(maxsize=1)
def _codes_by_label() -> dict[str, str]:
    import pycountry

    return {label: c.alpha_2 for c in pycountry.countries if (label := country_label(c.alpha_2))}


def placed(office: str, owner: str, qualifiers: tuple[str, ...] = ()) -> str:
    """An office of a country or organisation in English, as that country names it: the
    United States' foreign minister is its Secretary of State."""
    code = _codes_by_label().get(owner, owner)
    return EnglishRole(OFFICE_IN_COUNTRY.get((office, code), office), owner, qualifiers).text


def with_country(role: str, code: str) -> str:
    """A bare English role placed in a country ("Foreign Minister", FR → "Foreign Minister of France")."""
    parsed = parse(role)
    label = country_label(code)
    if parsed is None or parsed.of or label is None:
        return role
    office = OFFICE_IN_COUNTRY.get((parsed.office, code), parsed.office)
    return EnglishRole(office, label, parsed.qualifiers, country=True).text


def best_role(roles: Iterable[str | None]) -> str | None:
    """The one English role of several: the most specific, then the most frequent, then the
    first in alphabetical order (so the choice never depends on input order)."""
    counts: dict[str, int] = {}
    for role in roles:
        if role:
            counts[role] = counts.get(role, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda r: (-specificity(r), -counts[r], r))


def regnal_name(name: str, role_en: str | None, language: str) -> str | None:
    """The name the press gives a sovereign or church leader known by one name, in English and
    with the office ("François", "Pope" → "Pope Francis"; "Carlos III", "King of Spain" →
    "King Charles III"), so that the reports of every language name one person; None for
    anyone else (a cardinal has a family name, a president is not known so)."""
    role = parse(role_en) if role_en else None
    if role is None or role.office not in REGNAL_OFFICES or role.qualifiers:
        return None
    words = name.split()
    numbers = [w.rstrip(".") for w in words if _REGNAL_NUMBER.fullmatch(w)]
    given = [w for w in words if not _REGNAL_NUMBER.fullmatch(w)]
    if not given or len(given) > 2 or len(numbers) > 1:
        return None
    written = " ".join(given)
    english = lexicon(language).regnal_names.get(fold(written), written)
    return " ".join([role.office, english, *numbers])
