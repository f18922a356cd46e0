"""Download files: each event as JSON, the whole dataset as JSON and CSV (each event's
YAML download is its record's file, made with the records).

The CSV has one row per fact and source, so a spreadsheet user can filter by event,
fact kind or article and still see the quoted sentence each value rests on.

The whole-dataset files are joined from one piece per event and per article, each
kept by the output cache (`memo.py`): adding an article re-renders only its pieces.
"""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Iterator

import orjson

from ..memo import Memo
from ..records import EventRecord, Source, to_dict
from ..write import Generated, Part
from . import escape
from .model import Site

CSV_COLUMNS = ("event", "fact", "value", "detail", "article", "outlet", "language", "published",
               "quote", "start", "end")
# A cell starting with one of these is run as a formula by spreadsheet programs.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# Numbers orjson writes otherwise than Python: below 1e-4 (0.00001 for 1e-05) and with an
# exponent (5e-8 for 5e-08). Coordinates, the only floats in records, are neither. In
# indented JSON a number inside an object or array follows `": ` or starts a line: looked
# for there only, the search takes a quarter of the time (0.012 s for a 1.5 MB event).
_ODD_VALUE = re.compile(rb'": -?(?:0\.0000|\d[\d.]*e)')
_ODD_ITEM = re.compile(rb"\n +-?(?:0\.0000|\d[\d.]*e)")


def indented_json(data: object) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, byte for byte, eight times as fast
    (the standard library writes indented JSON in pure Python)."""
    text = orjson.dumps(data, option=orjson.OPT_INDENT_2)
    if not isinstance(data, (dict, list)) or _ODD_VALUE.search(text) or _ODD_ITEM.search(text):
        return json.dumps(data, ensure_ascii=False, indent=2)  # rare (or only inside a string)
    return text.decode("utf-8")


class _JsonTexts:
    """Each record's indented JSON, made once: an event's is both its own download and its
    piece of the dataset, and a large event takes a tenth of a second to write."""

    def __init__(self) -> None:
        self._made: dict[int, tuple[object, str]] = {}

    def of(self, record: object) -> str:
        known = self._made.get(id(record))
        if known is None or known[0] is not record:
            known = self._made[id(record)] = (record, indented_json(to_dict(record)))  # holding it keeps its id
        return known[1]

    def file(self, record: object) -> str:
        return self.of(record) + "\n"

    def item(self, record: object) -> str:
        """The record as an item of a list that sits two levels deep in the dataset, so the
        joined file reads exactly as `json.dumps(data, indent=2)` would write it."""
        return "\n".join("    " + line for line in self.of(record).splitlines())


def _json_list(items: list[Part]) -> list[Part]:
    if not items:
        return [b"[]"]
    joined: list[Part] = [b"[\n"]
    for item in items:
        joined += (item, b",\n")
    joined[-1] = b"\n  ]"
    return joined


def dataset_json(site: Site, memo: Memo | None = None, texts: _JsonTexts | None = None) -> list[Part]:
    """{"built", "events" (by id), "articles" (by id)}: every record, as indented JSON (UTF-8),
    in parts to join (`Memo.joined`): the file is large, and its pieces are stored files."""
    memo, texts = memo or Memo(None), texts or _JsonTexts()
    events = memo.pieces("dataset-event", [(memo.digest(e), lambda e=e: texts.item(e))
                                           for e in sorted(site.events, key=lambda e: e.id)])
    records = memo.pieces("dataset-article", [(memo.digest(doc.record), lambda r=doc.record: texts.item(r))
                                              for _, doc in sorted(site.sources.items())])
    return [b'{\n  "built": ', json.dumps(site.built).encode(), b',\n  "events": ', *_json_list(events),
            b',\n  "articles": ', *_json_list(records), b"\n}\n"]


def _rows(event: EventRecord) -> Iterator[tuple[str, str, str, tuple[Source, ...]]]:
    """(fact kind, value, detail, sources) for every fact of an event."""
    for person in event.participants:
        written = f" (as written: {'; '.join(person.roles_as_written)})" if person.roles_as_written else ""
        detail = (person.role or "") + written + ("" if person.present else " (mentioned)")
        yield "participant", person.name, detail.strip(), person.sources
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


def _csv_rows(site: Site, event: EventRecord) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for kind, value, detail, sources in _rows(event):
        for source in sorted(sources, key=lambda s: (s.article, s.start, s.end)):
            doc = site.sources.get(source.article)
            record = doc.record if doc else None
            writer.writerow(_cell(v) for v in (
                event.id, kind, value, detail.strip(), source.article,
                record.outlet if record else "", record.language if record else "",
                record.published if record else "", source.quote, source.start, source.end))
    return out.getvalue()


def _cited_records(site: Site, event: EventRecord) -> list[object]:
    """The article records an event's rows quote from (their outlet, language and date)."""
    cited = sorted({s.article for _, _, _, sources in _rows(event) for s in sources})
    return [site.sources[a].record if a in site.sources else a for a in cited]


def facts_csv(site: Site, memo: Memo | None = None) -> list[Part]:
    """One row per fact and source (UTF-8), in parts to join: one cached piece per event."""
    memo = memo or Memo(None)
    header = io.StringIO()
    csv.writer(header, lineterminator="\n").writerow(CSV_COLUMNS)
    rows = memo.pieces("csv-rows", [((memo.digest(e), [memo.digest(r) for r in _cited_records(site, e)]),
                                     lambda e=e: _csv_rows(site, e))
                                    for e in sorted(site.events, key=lambda e: e.id)])
    return [header.getvalue().encode("utf-8"), *rows]


def download_files(site: Site, memo: Memo | None = None) -> dict[str, Generated]:
    """Every download: `json_downloads` and `csv_downloads`."""
    memo = memo or Memo(None)
    return {**json_downloads(site, memo), **csv_downloads(site, memo)}


# The whole-dataset files are kept whole too (tens of MB at 1,000 articles): linked, not
# written, when no record changed, and passed between processes as paths.

def _everything(site: Site, memo: Memo) -> tuple[object, ...]:
    return (site.built, [memo.digest(e) for e in sorted(site.events, key=lambda e: e.id)],
            [memo.digest(doc.record) for _, doc in sorted(site.sources.items())])


def json_downloads(site: Site, memo: Memo | None = None) -> dict[str, Generated]:
    """The whole dataset as JSON, and each event as JSON."""
    memo, texts = memo or Memo(None), _JsonTexts()
    files: dict[str, Generated] = {"downloads/dataset.json": memo.joined(
        "dataset-json", _everything(site, memo), lambda: dataset_json(site, memo, texts),
        lineage="downloads/dataset.json")}
    for event in site.events:  # each event's YAML is its record's file (`build.record_files`)
        files[f"downloads/events/{escape.page_name(event.id)}.json"] = memo.file(
            "event-json", memo.digest(event), lambda e=event: texts.file(e))
    memo.flush()
    return files


def csv_downloads(site: Site, memo: Memo | None = None) -> dict[str, Generated]:
    """The whole dataset as CSV."""
    memo = memo or Memo(None)
    return {"downloads/facts.csv": memo.joined("facts-csv", _everything(site, memo), lambda: facts_csv(site, memo),
                                               lineage="downloads/facts.csv")}
