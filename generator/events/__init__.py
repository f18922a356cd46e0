"""Link articles into events: cluster, resolve entities, apply curation, merge facts.

`link` is the one entry point the build calls, after extraction:

    cluster (cluster.py)           which articles report the same meeting (candidates: blocking.py;
                                   the last build's decisions taken again where nothing changed: carry.py)
    curate events                  merge_events / split_event from corpus/curation.yaml
    re-resolve dates               an article with no date of its own is re-read against its event's date
                                   (or a day or a few after it, where that makes its main day the event's)
    curate facts                   suppress_fact / add_fact
    registry (registry.py)         one entity per person and place; records get canonical names
    ids (ids.py)                   stable slugs; set_title / rename_event; redirects from old ids
    merge (merge.py)               one EventRecord per event, with sources and conflicts
                                   (or the last build's, if its inputs are the same: reuse.py)
    roles (roles.py)               a role with no country takes the one the person's other roles
                                   give; a person with no role takes the one their other events give
    titles (titles.py)             the title the press would give ("Putin–Kim summit in Vladivostok")
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Sequence

from ..curation import Curation, MergeEntities, RenameEntity
from ..extract import extract_article
from ..memo import Memo
from ..parallel import extract_all
from ..records import Article, ArticleRecord, EventRecord, PastEvent, evolve
from ..registry import Registry, build_registry, relabel_events
from ..workers import Resident
from . import carry, curate, reuse
from .cluster import DATE_TOLERANCE_DAYS, Profile, cluster_articles, date_relation, place_relation, profile
from .cluster import recalled_site
from .embed import Embeddings
from .canonical import canonical_records, derive_id
from .ids import unique_ids
from .merge import SELF_DATED, main_date, main_places, merge_event, merged_facts, sentences_to_compare
from .roles import complete_roles, fill_missing_roles
from .titles import retitled

__all__ = ["Linked", "link"]

# How many days after its event an undated report may have been written.
PUBLICATION_LAG_DAYS = 6


@dataclass(frozen=True)
class Linked:
    records: tuple[ArticleRecord, ...]  # the articles' records with `event` set and canonical names
    events: tuple[EventRecord, ...]  # sorted by date (newest first), then id
    registry: Registry
    warnings: tuple[str, ...]  # curation entries that matched nothing, as "path:line: reason (fix)"


def link(articles: Sequence[Article], records: Sequence[ArticleRecord], curation: Curation,
         previous: Sequence[PastEvent] = (), embeddings: Embeddings | None = None,
         extract_cache: Path | None = None, extract_worker: Resident | None = None,
         memo: Memo | None = None) -> Linked:
    """Group the articles into events and merge their facts. `records[i]` belongs to `articles[i]`.

    `previous` are the event records of the last build, if any: an event whose id changed
    since keeps its old id as a redirect. `embeddings` gives the texts' vectors (the
    build's keep them on disk and in a warm encoder process; by default they are encoded
    here and kept for this call only). `extract_cache` (the extraction cache folder) keeps
    the records of articles re-read against their event's date; None means no disk cache.
    `extract_worker` is the build's extraction process, if it keeps one: it re-reads
    articles with its lexicons loaded. `memo`, the build's output cache, keeps merged
    events for the next build (`reuse.py`).
    """
    if len(articles) != len(records):
        raise ValueError(f"{len(articles)} articles but {len(records)} records")
    warnings: list[str] = []
    embeddings = embeddings or Embeddings()
    records = list(records)
    replay = carry.recall(memo)  # the last build's clustering, taken again where nothing changed
    groups = [list(g) for g in cluster_articles(articles, records, embeddings, replay)]
    carry.keep(memo, replay)
    readings: dict[tuple[int, date], ArticleRecord] = {}  # each article read once against each day
    groups = _without_disagreeing(articles, records, groups, embeddings, extract_cache, extract_worker, readings)
    groups = curate.apply_event_curation(groups, records, curation, previous, warnings)
    records = _reresolve_dates(articles, records, groups, extract_cache, extract_worker, readings)
    records = curate.apply_fact_curation(articles, records, groups, curation, previous, warnings)

    labels = {records[i].id: f"event-{n}" for n, group in enumerate(groups) for i in group}
    registry, entity_warnings = build_registry(records, labels, curation.of(RenameEntity, MergeEntities))
    warnings += entity_warnings
    records, person_id, place_id = canonical_records(records, registry)

    # Each event's people and places, merged once: its id is derived from them, then its
    # record. An event the last build merged from the same inputs is read back instead.
    members = [[records[i] for i in group] for group in groups]
    keys = [reuse.event_key(m, registry, person_id, place_id, memo) for m in members] if memo else []
    kept = [reuse.recall(memo, key) for key in keys] if memo else [None] * len(groups)
    merged = [k.merged if k else merged_facts(m, registry, person_id, place_id) for k, m in zip(kept, members)]
    derived = [k.derived_id if k else derive_id(m, registry, person_id, place_id, merged[n])
               for n, (k, m) in enumerate(zip(kept, members))]
    final_ids, titles, redirects = curate.apply_naming(groups, records, unique_ids(derived), curation, previous,
                                                       warnings)
    merged_as = [(final_ids[n], titles.get(n), tuple(redirects.get(n, ()))) for n in range(len(groups))]
    reused = [k.record if k and k.merged_as == merged_as[n] else None for n, k in enumerate(kept)]
    embeddings.vectors([t for n, r in enumerate(reused) if r is None for t in sentences_to_compare(members[n])])
    events: list[EventRecord] = []
    for n, record in enumerate(reused):
        if record is None:
            event_id, title, redirect_from = merged_as[n]
            record = merge_event(event_id, members[n], registry, person_id, place_id, embeddings, title=title,
                                 redirect_from=redirect_from, merged=merged[n])
            if memo:
                reuse.keep(memo, keys[n], derived[n], merged_as[n], record)
        events.append(record)
    embeddings.save()
    events = fill_missing_roles(complete_roles(events, records, person_id))
    # Titles name the principals by their completed roles ("Putin–Kim summit"); a curated one stays.
    formats = reuse.StatedFormats(memo)
    events = [e if n in titles else retitled(e, members[n], main_places(e.locations), formats)
              for n, e in enumerate(events)]
    formats.keep()
    event_of = {records[i].id: final_ids[n] for n, group in enumerate(groups) for i in group}
    registry = relabel_events(registry, {f"event-{n}": final_ids[n] for n in range(len(groups))})
    linked_records = tuple(evolve(r, event=event_of[r.id]) for r in records)
    ordered = sorted(events, key=lambda e: e.id)
    ordered = sorted(ordered, key=lambda e: e.date or "", reverse=True)
    return Linked(records=linked_records, events=tuple(ordered), registry=registry,
                  warnings=tuple(sorted(warnings, key=_file_order)))


def _file_order(warning: str) -> tuple[str, int, str]:
    """Warnings in the order of the curation file: `path:line: ...`."""
    path, _, rest = warning.partition(":")
    line, _, _ = rest.partition(":")
    return (path, int(line) if line.isdigit() else 0, warning)


def _reresolve_dates(articles: Sequence[Article], records: list[ArticleRecord],
                     groups: Sequence[Sequence[int]], extract_cache: Path | None = None,
                     worker: Resident | None = None,
                     readings: dict[tuple[int, date], ArticleRecord] | None = None) -> list[ArticleRecord]:
    """Re-read an article that has no date of its own against its event's date.

    A report comes out on the day of the meeting or in the days after it, and its
    weekdays and "yesterday" count from that day, not the meeting's: the article is read
    against the event's day, then a day later, and so on, until its own main day is the
    event's (a report of Wednesday's summit saying "ieri" was written on Thursday). If no
    such day makes it agree, it keeps the reading against the event's day. A reading that
    agrees but puts a weekday six days back ("Lavrov a jugé dimanche", read on Saturday) is
    read a day later too: a report says "last Sunday" of a week gone, so it was written on
    the Sunday, if that reading agrees as well.
    """
    event_day = _event_days(records, groups)
    anchors = {i: _anchors(records[i], day) for i, day in event_day.items()}
    out = list(records)
    near: set[int] = set()  # articles read onto a day next to the event's, still looking for the day itself
    agreed: dict[int, int] = {}  # articles that agree, with their days six days back, read a day later
    pending = [i for i in sorted(event_day) if anchors[i]]
    for step in range(PUBLICATION_LAG_DAYS + 1):
        if not pending:
            break
        reread = _read_against(articles, records, {i: anchors[i][step] for i in pending},
                               extract_cache, worker, readings if readings is not None else {})
        for i in pending:
            # A meeting of several days: a report of its last day ("left the summit on
            # Sunday") agrees with the event's first within the clustering's tolerance.
            relation = date_relation(reread[i].date, event_day[i].isoformat())
            if i in agreed:
                if relation == "same" and _week_old(reread[i], anchors[i][step]) < agreed.pop(i):
                    out[i] = reread[i]
                continue
            if step == 0 or relation == "same" or (relation == "near" and i not in near):
                out[i] = reread[i]
            if relation == "near":
                near.add(i)
            if relation == "same" and step + 1 < len(anchors[i]) and (old := _week_old(reread[i], anchors[i][step])):
                agreed[i] = old
        # Only an article whose main day is some other day can come to agree later on.
        pending = [i for i in pending if step + 1 < len(anchors[i])
                   and (i in agreed or reread[i].date and reread[i].date != event_day[i].isoformat())]
    return out


def _week_old(record: ArticleRecord, anchor: date) -> int:
    """How many of a reading's days are six days before its anchor: a weekday read as the
    past one, where the day after the anchor would make it that day itself."""
    week_old = (anchor - timedelta(days=6)).isoformat()
    return sum(f.value == week_old for f in record.dates)


def _anchors(record: ArticleRecord, event_day: date) -> list[date]:
    """The days an article without a date of its own may have been written on, given its
    event's day, earliest first: the event's day and each of the days after it; for a
    yearless dateline ("MADRID, 29 Jun."), its own day and month in the year that puts it
    there (or the day before: a report filed on a summit's eve), none if no year does."""
    if record.published_source != "dateline" or record.published is None:
        return [event_day + timedelta(days=lag) for lag in range(PUBLICATION_LAG_DAYS + 1)]
    filed = date.fromisoformat(record.published)
    for year in (event_day.year, event_day.year - 1, event_day.year + 1):
        day = _safe_day(year, filed.month, filed.day)
        if day is not None and -DATE_TOLERANCE_DAYS <= (day - event_day).days <= PUBLICATION_LAG_DAYS:
            return [day]
    return []


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # 29 February of a common year
        return None


def _event_days(records: Sequence[ArticleRecord], groups: Sequence[Sequence[int]]) -> dict[int, date]:
    """The day of its event for each article without a date of its own, where the event has
    one. A yearless dateline's year is a guess only an article that dates itself can settle:
    alone, or among undated ones, it keeps it."""
    days: dict[int, date] = {}
    for group in groups:
        when = main_date([records[i] for i in group])
        if not (when and len(when) == 10):
            continue
        dated = any(records[i].published_source in SELF_DATED for i in group)
        days.update((i, date.fromisoformat(when)) for i in group
                    if records[i].published_source is None or records[i].published_source == "dateline" and dated)
    return days


def _without_disagreeing(articles: Sequence[Article], records: Sequence[ArticleRecord],
                         groups: list[list[int]], embeddings: Embeddings, extract_cache: Path | None = None,
                         worker: Resident | None = None,
                         readings: dict[tuple[int, date], ArticleRecord] | None = None) -> list[list[int]]:
    """An article without a date of its own that no reading against its event's days puts
    on the event's day reports another meeting: its "Wednesday" is not the event's Monday,
    its dateline's "Sept 29" not the event's 4 September. It leaves the event for another
    meeting of its people whose day its own days agree with, if there is one; the others
    that leave are clustered among themselves. Text and shared people joined them;
    the dates they state, read in context, part them. An undated article left on its own
    (its text like no event's) joins the meeting of its people its days agree with too."""
    readings = readings if readings is not None else {}
    reread = _reresolve_dates(articles, list(records), groups, extract_cache, worker, readings)
    leaving = {i for i, day in _event_days(records, groups).items()
               if date_relation(reread[i].date, day.isoformat()) == "conflict"}
    meetings = _Meetings(articles, records, [[i for i in group if i not in leaving] for group in groups])
    for i in sorted(leaving):
        if meetings.join(i, extract_cache, worker, readings):
            leaving.discard(i)
    if leaving:
        apart = sorted(leaving)
        for group in cluster_articles([articles[i] for i in apart], [records[i] for i in apart], embeddings):
            meetings.add([apart[j] for j in group])
    for n, group in enumerate(list(meetings.groups)):
        if len(group) == 1 and records[group[0]].published_source in (None, "dateline"):
            meetings.groups[n] = []  # it looks for its meeting among the others
            if not meetings.join(group[0], extract_cache, worker, readings):
                meetings.groups[n] = group
    kept = [group for group in meetings.groups if group]
    return sorted((sorted(group, key=lambda i: records[i].id) for group in kept), key=lambda g: records[g[0]].id)


class _Meetings:
    """The events while undated articles look for theirs: each one's people present and
    main places, and the events by the people present, kept up as articles join."""

    def __init__(self, articles: Sequence[Article], records: Sequence[ArticleRecord],
                 groups: list[list[int]]) -> None:
        self.articles, self.records, self.groups = articles, records, []
        self._profiles: dict[int, Profile] = {}
        self._present: list[set[str]] = []
        self._spots: list[set] = []
        self._by_person: dict[str, set[int]] = defaultdict(set)
        for group in groups:
            self.add(group)

    def profile(self, i: int) -> Profile:
        if i not in self._profiles:
            self._profiles[i] = profile(i, self.articles[i], self.records[i])
        return self._profiles[i]

    def add(self, group: list[int], number: int | None = None) -> None:
        """Add `group` as a new event, or its articles to event `number`."""
        if number is None:
            number = len(self.groups)
            self.groups.append([])
            self._present.append(set())
            self._spots.append(set())
        for i in group:
            self.groups[number].append(i)
            member = self.profile(i)
            self._present[number] |= member.present
            self._spots[number] |= set(member.spots)
            for key in member.present:
                self._by_person[key].add(number)

    def candidates(self, article: Profile) -> list[int]:
        """The events the article may report: those with its people present (two of them, or
        its only one) whose places do not contradict its own, most people in common first."""
        needed = min(2, len(article.present))
        found = []
        for n in sorted(set().union(*(self._by_person.get(k, ()) for k in article.present))):
            shared = len(article.present & self._present[n])
            spots = tuple(sorted(self._spots[n]))
            if self.groups[n] and needed and shared >= needed and place_relation(article.spots, spots) != "conflict" \
                    and not recalled_site(article, spots):
                found.append((-shared, n))
        return [n for _, n in sorted(found)]

    def join(self, i: int, extract_cache: Path | None, worker: Resident | None,
             readings: dict[tuple[int, date], ArticleRecord]) -> bool:
        """Add undated article `i` to the meeting it reports, if one of its people's meetings
        has a day its own days agree with, read against that day, and places that fit that
        reading; whether it found one."""
        for n in self.candidates(self.profile(i)):
            group = [*self.groups[n], i]
            trial = _reresolve_dates(self.articles, self.records, [group], extract_cache, worker, readings)
            day = _event_days(self.records, [group]).get(i)
            if day is None or date_relation(trial[i].date, day.isoformat()) not in ("same", "near"):
                continue
            if n in self.candidates(profile(i, self.articles[i], trial[i])):  # read so, its places fit too
                self.add([i], n)
                return True
        return False


def _read_against(articles: Sequence[Article], records: Sequence[ArticleRecord], anchors: dict[int, date],
                  extract_cache: Path | None, worker: Resident | None,
                  readings: dict[tuple[int, date], ArticleRecord]) -> dict[int, ArticleRecord]:
    """The records of articles `anchors` names, each read against its anchor date; `readings`
    keeps every reading of this link, which asks for some of them twice."""
    wanted = {i: day for i, day in anchors.items() if (i, day) not in readings}
    # in the language its first reading found, which is not detected again
    known = {i: replace(articles[i], language=records[i].language) for i in wanted}
    chosen = sorted(wanted)
    if extract_cache is None:
        readings.update({(i, wanted[i]): extract_article(known[i], anchor=wanted[i]) for i in chosen})
    elif chosen:
        # Through the extraction cache (and its worker processes): a rebuild re-reads nothing.
        reread = extract_all([known[i] for i in chosen], extract_cache,
                             anchors={articles[i].id: wanted[i] for i in chosen}, progress=False, worker=worker)
        by_id = {r.id: r for r in reread.records}
        # an article that fails to re-read keeps the record it had
        readings.update({(i, wanted[i]): by_id.get(records[i].id, records[i]) for i in chosen})
    return {i: readings[(i, day)] for i, day in anchors.items()}
