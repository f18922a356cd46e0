"""An event's title, as the press names a meeting, in English.

- A meeting of several leaders whose reports name its format ("NATO summit", "sommet de
  l'Otan", "NAVO-top", "NATO foreign ministers' meeting") is named by it: "NATO summit
  in Vilnius". Formats come from the `formats` of each language's `roles` section: a
  pattern per format with `{org}` for any of the language's organisation names (or a
  group such as the G7), looked for in the headline and in the sentences that state the
  meeting's date and place; "ahead of the G7 summit" elsewhere in a text does not count.
- Otherwise by its principals (present according to most reports), the host first and
  by family name: "Putin–Kim summit in Vladivostok" when all of them lead a country,
  "Lavrov–Wang meeting in Beijing" when not.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable, Sequence

from ..extract.names import family_name_first
from ..extract.roles import lexicon as role_lexicon, parse, words
from ..languages import load
from ..records import ArticleRecord, EventPerson, EventPlace, EventRecord, evolve
from .ids import surname

# Groups of countries that meet as a format without being an organisation with offices.
GROUPS = {"G7": ("g7", "g 7"), "G20": ("g20", "g 20"), "BRICS": ("brics",)}
# Offices of those who lead a country: a meeting of them is a summit.
LEADER_OFFICES = frozenset({"President", "Prime Minister", "Chancellor", "Premier", "King", "Queen", "Emir",
                            "Leader", "Supreme Leader", "Head of State", "Head of Government", "Pope"})
# A format names a meeting of at least this many people present; two leaders meeting on the
# sidelines of a summit met bilaterally ("Biden–Xi meeting in Bali").
FORMAT_PARTICIPANTS = 3
# A regnal number ends the name of a monarch or pope ("Mohammed VI", "Leo XIV").
_REGNAL = re.compile(r"^[IVXL]+$")
# Principals named in a title at most.
MAX_PRINCIPALS = 3


@lru_cache(maxsize=None)
def _format_patterns(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern over folded words, English format with `{org}`) of a language."""
    try:
        section = load(language).section("roles")
    except ValueError:
        return ()
    names = {**{form: org for form, org in role_lexicon(language).organisations.items()},
             **{form: group for group, forms in GROUPS.items() for form in forms}}
    org = "(?P<org>" + "|".join(re.escape(f) for f in sorted(names, key=len, reverse=True)) + ")"
    out = []
    for english, templates in (section.get("formats") or {}).items():
        for template in templates or ():
            body = re.escape(" ".join(words(str(template).replace("{org}", "ORGSLOT")))).replace("orgslot", org)
            out.append((re.compile(rf"(?:^| ){body}(?: |$)"), str(english)))
    return tuple(out)


def _short(organisation: str) -> str:
    """"the European Union" → "European Union": a format name goes before its noun."""
    return organisation[4:] if organisation.startswith("the ") else organisation


def stated_format(records: Sequence[ArticleRecord]) -> str | None:
    """The format most of the reports that name one give, from their headline and the
    sentences that state the meeting's date and place."""
    counts: Counter = Counter()
    for record in records:
        patterns = _format_patterns(record.language)
        if not patterns:
            continue
        names = {form: org for form, org in role_lexicon(record.language).organisations.items()}
        names.update({form: group for group, forms in GROUPS.items() for form in forms})
        quotes = [record.title] + [e.quote for fact in (*record.dates, *record.locations) if fact.main
                                   for e in fact.evidence]
        found = set()
        for quote in quotes:
            folded = " ".join(words(quote))
            for pattern, english in patterns:
                for match in pattern.finditer(folded):
                    found.add(english.replace("{org}", _short(names[match.group("org")])))
        counts.update(found)
    if not counts:
        return None
    return min(counts, key=lambda f: (-counts[f], f))


def short_name(person: EventPerson) -> str:
    """The name a headline uses: the family name ("Putin", "Kim" of "Kim Jong Un"), or the
    one word of the name the articles use alone where that is another ("Xi" of "Xi
    Jinping", "Lula" of "Luiz Inácio Lula da Silva"); a regnal name whole ("Mohammed VI")."""
    name = person.name
    parts = name.split()
    if len(parts) >= 2 and _REGNAL.match(parts[-1]):
        return " ".join(parts[-2:])
    family = parts[0] if family_name_first(name) else surname(name)
    alone = [a for a in person.aliases if " " not in a and a in parts]
    return family if family in alone or not alone else min(alone, key=lambda a: (parts.index(a), a))


def _leads_a_country(person: EventPerson | None) -> bool:
    role = parse(person.role) if person is not None and person.role else None
    return role is not None and role.office in LEADER_OFFICES and role.country and not role.qualifiers


def _hosts(person: EventPerson | None, places: Sequence[EventPlace]) -> bool:
    role = parse(person.role) if person is not None and person.role else None
    return role is not None and role.country and any(p.type == "country" and p.name == role.of for p in places)


def principal_people(people: Sequence[EventPerson], records: Sequence[ArticleRecord]) -> tuple[str, ...]:
    """The people the event is about: present according to most of its articles.

    Ordered by how many articles say so, then by name, so the order only changes when the
    facts do (it names the event, in its id and title).
    """
    present_in: Counter = Counter()
    for person in people:
        present_in[person.name] = 0
    for record in records:
        for person in record.participants:
            if person.present:
                present_in[person.name] += 1
    needed = len(records) // 2 + 1
    chosen = [name for name, count in present_in.items() if count >= needed]
    return tuple(sorted(chosen, key=lambda name: (-present_in[name], name)))


def event_title(principals: Sequence[str], people: Sequence[EventPerson], places: Sequence[EventPlace],
                records: Sequence[ArticleRecord],
                stated: Callable[[Sequence[ArticleRecord]], str | None] = stated_format) -> str:
    """`principals`: canonical names, most reported first; `places`: the main places, main first;
    `stated`: `stated_format`, or what gives the same (the last build's, `reuse.StatedFormats`)."""
    where = f" {'at' if places[0].type == 'venue' else 'in'} {places[0].name}" if places else ""
    present = sum(p.present for p in people)
    format_name = stated(records) if present >= FORMAT_PARTICIPANTS else None
    if format_name:
        return format_name + where
    if not principals:
        return "Meeting" + where
    by_name = {p.name: p for p in people if p.name in principals}
    chosen = [by_name[n] for n in principals if n in by_name]
    leaders = [p for p in chosen if _leads_a_country(p)]
    # The leaders the meeting was of, not the ministers and aides beside them.
    chosen = (leaders if len(leaders) >= 2 else chosen)[:MAX_PRINCIPALS]
    chosen.sort(key=lambda p: not _hosts(p, places))  # the host first, as the press writes it
    kind = "summit" if len(chosen) >= 2 and all(_leads_a_country(p) for p in chosen) else "meeting"
    return "–".join(short_name(p) for p in chosen) + f" {kind}{where}"


def retitled(event: EventRecord, records: Sequence[ArticleRecord], mains: Sequence[EventPlace],
             stated: Callable[[Sequence[ArticleRecord]], str | None] = stated_format) -> EventRecord:
    """The event under the title its facts give, once its people's roles are complete
    (`mains`: its main places, main first; `stated`: as `event_title` takes it)."""
    title = event_title(principal_people(event.participants, records), event.participants, mains, records, stated)
    return event if title == event.title else evolve(event, title=title)
