"""Download files: each event as YAML and JSON, the whole dataset as JSON and CSV.

The CSV has one row per fact and source, so a spreadsheet user can filter by event,
fact kind or article and still see the quoted sentence each value rests on.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Iterator

from ..records import EventRecord, Source, to_dict
from ..write import dump_yaml
from . import escape
from .model import Site

CSV_COLUMNS = ("event", "fact", "value", "detail", "article", "outlet", "language", "published",
               "quote", "start", "end")
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def event_yaml(event: EventRecord) -> str:
    return dump_yaml(to_dict(event))


def event_json(event: EventRecord) -> str:
    return json.dumps(to_dict(event), ensure_ascii=False, indent=2) + "\n"


def dataset_json(site: Site) -> str:
    data = {
        "built": site.built,
        "events": [to_dict(e) for e in sorted(site.events, key=lambda e: e.id)],
        "articles": [to_dict(doc.record) for _, doc in sorted(site.sources.items())],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _rows(event: EventRecord) -> Iterator[tuple[str, str, str, tuple[Source, ...]]]:
    """(fact kind, value, detail, sources) for every fact of an event."""
    for person in event.participants:
        yield "participant", person.name, "; ".join(person.roles) + ("" if person.present else " (mentioned)"), person.sources
    for place in event.locations:
        yield "location", place.name, place.type + (", main" if place.main else ""), place.sources
    for day in event.dates:
        yield "date", day.value, ", ".join(day.texts) + (" (main)" if day.main else ""), day.sources
    for outcome in event.outcomes:
        yield "outcome", outcome.text, outcome.kind + (f", {outcome.speaker}" if outcome.speaker else ""), outcome.sources
    for conflict in event.conflicts:
        for side in conflict.sides:
            yield "conflict", side.value, conflict.about, side.sources


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def facts_csv(site: Site) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in sorted(site.events, key=lambda e: e.id):
        for kind, value, detail, sources in _rows(event):
            for source in sorted(sources, key=lambda s: (s.article, s.start, s.end)):
                doc = site.sources.get(source.article)
                record = doc.record if doc else None
                writer.writerow(_cell(v) for v in (
                    event.id, kind, value, detail.strip(), source.article,
                    record.outlet if record else "", record.language if record else "",
                    record.published if record else "", source.quote, source.start, source.end))
    return out.getvalue()


def download_files(site: Site) -> dict[str, str]:
    files = {"downloads/dataset.json": dataset_json(site), "downloads/facts.csv": facts_csv(site)}
    for event in site.events:
        name = escape.page_name(event.id)
        files[f"downloads/events/{name}.yaml"] = event_yaml(event)
        files[f"downloads/events/{name}.json"] = event_json(event)
    return files
