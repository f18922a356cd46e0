"""Stable event ids: `YYYY-MM-DD-<participant surnames>-<main place>`.

An id is derived from the merged facts of the event, never from article order, so it
holds when articles are added or reordered, e.g. `2019-04-25-putin-kim-vladivostok`.
An event with no known date gets `undated-...`.
"""
from __future__ import annotations

from typing import Sequence

from slugify import slugify

from ..extract.names import surname_key
from ..extract.names import person_key

# A summit of twenty leaders is named by its three most reported participants.
MAX_SURNAMES = 3


def surname(name: str) -> str:
    """The family name as written: "Vladimir Putin" → "Putin", "Kim Jong-un" → "Kim"."""
    key = surname_key(name)
    for token in name.replace("-", " ").split():
        if person_key(token) == key:
            return token
    return name.split()[-1] if name.split() else name


def event_id(date: str | None, people: Sequence[str], place: str | None) -> str:
    """`people` are canonical names, most reported first; `place` the main place name."""
    # Each family name once: a leader and his wife are both Kim.
    surnames = list(dict.fromkeys(surname(p) for p in people))
    parts = [date or "undated", *surnames[:MAX_SURNAMES]]
    if place:
        parts.append(place)
    return slugify(" ".join(parts)) or "event"


def unique_ids(wanted: Sequence[str]) -> tuple[str, ...]:
    """Ids in the same order, with a repeated id numbered (`-2`, `-3`) after its first use."""
    seen: dict[str, int] = {}
    taken = set(wanted)
    out = []
    for slug in wanted:
        if slug not in seen:
            seen[slug] = 1
            out.append(slug)
            continue
        number = seen[slug] + 1
        while f"{slug}-{number}" in taken:
            number += 1
        seen[slug] = number
        taken.add(f"{slug}-{number}")
        out.append(f"{slug}-{number}")
    return tuple(out)
