"""Dates, people and places measured on real annotated news nobody on the project wrote.

The two corpora live outside the repository, in ../shared/peer (see its README):

- MEANTIME English: 120 Wikinews articles; persons (PER), places (LOC) and TIMEX3 dates,
  fully annotated in sentences 0-5 (title, dateline, four body sentences), so both sides
  of the comparison are cut to those sentences;
- French TimeBank 1.1: 108 French regional news articles with TIMEX3 dates throughout.

Each document becomes a Markdown article whose front matter gives its creation time as
`published`; `factsheet extract` makes the records, and they are compared with the gold:

- dates: a predicted date (its expression located in its evidence sentence) matches a gold
  TIMEX3 of type DATE with a calendar value when the spans overlap and the values are equal;
  one that falls on an annotated time, duration or set is not counted either way, unless
  it is a gold date inside it ("2009" in "from 2009 to 2011");
- people and places: a predicted entity whose evidence falls in the annotated sentences
  matches a gold entity when its name or one of its spellings equals one of the entity's
  named mentions (case, accents, dots and hyphens ignored); failing that, a person whose
  surname agrees, or a place named at the head of a longer mention ("Everett" in
  "Everett, Washington").

Matching is one to one. Run it on its own for the figures (`-v` lists the errors):

    .venv/bin/python tests/peer_score.py [-v]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
PEER = REPO.parent / "shared" / "peer"
MEANTIME = PEER / "meantime-en" / "intra_cross-doc_annotation"
TIMEBANK = PEER / "fr-timebank" / "Data"

CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ANNOTATED_SENTENCES = 6  # MEANTIME: sentences 0-5 carry every mention
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "%", "'s", "n't", "'", "''", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$", "``"}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    value: str = ""  # a date's ISO value


@dataclass
class PeerDoc:
    id: str
    title: str
    published: str | None
    body: str
    annotated_end: int  # facts past this offset are not annotated and not scored
    dates: list[Mention] = field(default_factory=list)
    other_times: list[Mention] = field(default_factory=list)  # times, durations, sets: not scored
    people: list[list[str]] = field(default_factory=list)  # each person: its named mentions
    places: list[list[str]] = field(default_factory=list)

    def article(self) -> str:
        meta = {"title": self.title, "language": None, "published": self.published}
        meta = {k: v for k, v in meta.items() if v}
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n" + self.body


def _quote_mark(token: str) -> str:
    return '"' if token in ("``", "''") else token


def meantime_doc(path: Path) -> PeerDoc:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id"), int(t.get("sentence")), t.text or "") for t in root.iter("token")]
    spans: dict[str, tuple[int, int]] = {}
    body = ""
    previous_sentence, previous_token = None, None
    annotated_end = None
    for t_id, sentence, text in tokens:
        if sentence != previous_sentence:
            if previous_sentence is not None:
                body += "\n\n" if sentence <= 2 else " "
            if sentence == ANNOTATED_SENTENCES:
                annotated_end = len(body)
        elif not (text in NO_SPACE_BEFORE or previous_token in NO_SPACE_AFTER):
            body += " "
        spans[t_id] = (len(body), len(body) + len(_quote_mark(text)))
        body += _quote_mark(text)
        previous_sentence, previous_token = sentence, text
    sentence_of = {t_id: sentence for t_id, sentence, _ in tokens}

    def mention(element) -> Mention | None:
        anchors = [a.get("t_id") for a in element.iter("token_anchor")]
        if not anchors or min(sentence_of[a] for a in anchors) >= ANNOTATED_SENTENCES:
            return None
        start, end = spans[anchors[0]][0], spans[anchors[-1]][1]
        return Mention(start, end, body[start:end], element.get("value") or "")

    markables = root.find("Markables")
    named: dict[str, str] = {}  # mention id → its text, for named mentions in the annotated sentences
    for element in markables.iter("ENTITY_MENTION"):
        if element.get("syntactic_type") in ("NAM", "PRE.NAM"):
            found = mention(element)
            if found:
                named[element.get("m_id")] = found.text
    entity_type = {e.get("m_id"): e.get("ent_type") for e in markables.iter("ENTITY")}
    people, places = [], []
    for relation in root.iter("REFERS_TO"):
        target = relation.find("target").get("m_id")
        texts = sorted({named[s.get("m_id")] for s in relation.iter("source") if s.get("m_id") in named})
        if texts and entity_type.get(target) == "PER":
            people.append(texts)
        elif texts and entity_type.get(target) == "LOC":
            places.append(texts)
    dates, other_times, published = [], [], None
    for timex in markables.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = timex.get("value") if CALENDAR.fullmatch(timex.get("value") or "") else None
        found = mention(timex)
        if found:
            scored = timex.get("type") == "DATE" and CALENDAR.fullmatch(found.value)
            (dates if scored else other_times).append(found)
    title = body.split("\n", 1)[0]
    return PeerDoc(path.stem.split("_", 1)[0], title, published, body,
                   annotated_end if annotated_end is not None else len(body), dates, other_times, people, places)


def timebank_doc(path: Path) -> PeerDoc:
    root = ET.parse(path).getroot()
    published = root.find("DCT/TIMEX3").get("value")
    parts: list[str] = []
    dates: list[Mention] = []
    other_times: list[Mention] = []

    def walk(element) -> None:
        start = sum(map(len, parts))
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")
        if element.tag == "TIMEX3":
            end = sum(map(len, parts))
            value = element.get("value") or ""
            scored = element.get("type") == "DATE" and CALENDAR.fullmatch(value)
            (dates if scored else other_times).append(Mention(start, end, "".join(parts)[start:end], value))

    walk(root.find("TEXT"))
    raw = "".join(parts)
    lead = len(raw) - len(raw.lstrip())
    body = raw.strip() + "\n"
    for date in dates + other_times:
        date.start -= lead
        date.end -= lead
    title = root.findtext("DOCID")
    return PeerDoc(title, title, published, body, len(body), dates, other_times)


def load(corpus: str) -> list[PeerDoc]:
    if corpus == "meantime":
        return [meantime_doc(p) for p in sorted(MEANTIME.glob("*/*.xml"))]
    return [timebank_doc(p) for p in sorted(TIMEBANK.glob("*.tml"))]


def extract(docs: list[PeerDoc], out: Path) -> dict[str, dict]:
    articles = out / "articles"
    records = out / "records"
    articles.mkdir(parents=True)
    for doc in docs:
        (articles / f"{doc.id}.md").write_text(doc.article(), encoding="utf-8")
    # No time budget: a figure must not depend on how busy the machine is.
    run = subprocess.run([sys.executable, "-m", "generator", "extract", *sorted(map(str, articles.iterdir())),
                          "--out", str(records), "--time-budget", "0"], cwd=REPO, capture_output=True, text=True)
    if run.returncode not in (0, 1):  # 1: some article failed, and said so on stderr
        raise RuntimeError(run.stderr)
    sys.stderr.write(run.stderr)
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in records.glob("*.yaml")}


def norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[\s.,\-'’]+", " ", text).strip()


def surname(name: str) -> str:
    words = norm(name).split()
    return words[-1] if words else ""


@dataclass
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    errors: list[str] = field(default_factory=list)

    def scores(self) -> dict[str, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _match(predicted: list, gold: list, tests: tuple, tally: Tally, doc: str, show) -> None:
    """One-to-one matching, in passes from the strictest test to the loosest, so that a
    loose match never takes the gold item an exact match elsewhere needs."""
    left_gold, left_predicted = list(gold), list(predicted)
    tally.predicted += len(predicted)
    tally.gold += len(gold)
    for same in tests:
        for item in list(left_predicted):
            hit = next((g for g in left_gold if same(item, g)), None)
            if hit is not None:
                tally.tp += 1
                left_gold.remove(hit)
                left_predicted.remove(item)
    tally.errors.extend(f"{doc}: extra {show(p)}" for p in left_predicted)
    tally.errors.extend(f"{doc}: missed {show(g)}" for g in left_gold)


def _in_annotated(fact: dict, doc: PeerDoc) -> bool:
    return any(e["start"] < doc.annotated_end for e in fact.get("evidence") or ())


def predicted_dates(record: dict, doc: PeerDoc) -> list[Mention]:
    found = []
    for fact in record.get("dates") or ():
        for evidence in fact.get("evidence") or ():
            at = evidence["quote"].find(fact["text"])
            start = evidence["start"] + max(at, 0)
            end = start + len(fact["text"]) if at >= 0 else evidence["end"]
            found_here = Mention(start, end, fact["text"], str(fact["value"]))
            # A date found on a time, a duration or a set the annotators marked is neither
            # right nor wrong: the record contract holds calendar dates only. One that is a
            # gold date inside it ("2009" in the duration "from 2009 to 2011") still counts.
            on_other = (any(start < t.end and t.start < end for t in doc.other_times)
                        and not any(same_date(found_here, g) for g in doc.dates))
            if start < doc.annotated_end and not on_other:
                found.append(found_here)
    return found


def same_date(p: Mention, g: Mention) -> bool:
    return p.value == g.value and p.start < g.end and g.start < p.end


def spellings(fact: dict) -> list[str]:
    return [fact["name"], *(fact.get("aliases") or ())]


def same_name(fact: dict, gold: list[str]) -> bool:
    return bool({norm(s) for s in spellings(fact)} & {norm(g) for g in gold})


def same_surname(fact: dict, gold: list[str]) -> bool:
    return surname(fact["name"]) in {surname(g) for g in gold}


def place_heads(fact: dict, gold: list[str]) -> bool:
    """A place named at the head of a longer annotated mention: "Everett" for "Everett,
    Washington", "Atlantic Ocean" for "the Atlantic Ocean"."""
    mentions = [re.sub(r"^the ", "", norm(g)) for g in gold]
    return any(m == s or m.startswith(s + " ") for s in map(norm, spellings(fact)) for m in mentions)


def score(corpus: str) -> dict[str, Tally]:
    docs = load(corpus)
    with tempfile.TemporaryDirectory() as folder:
        records = extract(docs, Path(folder))
    tallies = {"dates": Tally()}
    if corpus == "meantime":
        tallies.update(people=Tally(), places=Tally())
    for doc in docs:
        record = records.get(doc.id, {})
        _match(predicted_dates(record, doc), doc.dates, (same_date,), tallies["dates"], doc.id,
               lambda m: f"date {m.text!r} = {m.value}")
        if corpus == "meantime":
            people = [p for p in record.get("participants") or () if _in_annotated(p, doc)]
            places = [p for p in record.get("locations") or () if _in_annotated(p, doc)]
            show = lambda x: repr(x["name"]) if isinstance(x, dict) else repr(x)  # noqa: E731
            _match(people, doc.people, (same_name, same_surname), tallies["people"], doc.id, show)
            _match(places, doc.places, (same_name, place_heads), tallies["places"], doc.id, show)
    return tallies


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=("meantime", "timebank"), action="append")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    for corpus in args.corpus or ("meantime", "timebank"):
        for field_name, tally in score(corpus).items():
            s = tally.scores()
            print(f"{corpus} {field_name}: P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f} "
                  f"(tp {tally.tp}, predicted {tally.predicted}, gold {tally.gold})")
            if args.verbose:
                print("\n".join(f"  {e}" for e in tally.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
