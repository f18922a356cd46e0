"""People: every person an article names, with the role it states and whether the
person took part in the main event.

No NER model works offline for Dutch, German or Italian, so candidates come from
capitalisation and are kept only with a cue (see `person_mentions.py`). A document-level pass
then groups the mentions into people: full names that can name one person form one
person, a bare surname ("Poetin", "Kim") joins the most prominent full name it fits,
and an unexplained bare name needs a cue of its own.

A person is `present` (took part in the main event) when they are
- a main participant: among the most-mentioned people, named in the lead or in a
  main-event sentence (`event_cues.main_event_sentences`);
- listed with a main participant in the lead or a main-event sentence ("Biden, Macron,
  Scholz and Meloni"), or, when only one main participant stands out, joined to them or
  to a meeting word ("Putin met with Kim");
- named by a participation phrase ("accompanied by X", "X also took part in the talks"), an
  arrival or a seat said of them ("X arrived in Brussels", "X was also sitting in"), or as
  the agent of a reception ("received by X", "accolti dal presidente X"), a signatory ("the
  ministers signed"), or recalled after the main ones ("also met X", "together with X");
and not marked as past ("former", "the late", a background sentence). Spouses who travel
along and speakers of a participation sentence do not count by that phrase alone (spouses do
at a state visit's ceremony: "state visit", "militärische Ehren"). A person
the text says was absent ("did not attend", "nahm nicht teil") is not present unless a
participation phrase also names them, and one who took part by video link ("per
Videoschalte", "par visioconférence") is not present where others met in person.
A participation phrase followed by a site the headline and lead never name tells of
another meeting ("on Monday Biden hosted Scholz at the White House") and gives no presence.

Names that stand for companies, products or places are left out (`_is_person`): legal
forms, organisation nouns and model numbers mark them; a title, role, given name or
personal pronoun marks a person; a reporting verb proves nothing ("Apple said").

Language knowledge comes from the `people` section of `languages/<code>.yaml`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from ..records import Document, Person
from .event_cues import is_historical, lead_sentence, lexicon as event_lexicon, main_event_sentences
from .names import family_name_first, person_key, same_person
from .person_lexicon import PeopleLexicon, is_given_name, lexicon
from .person_mentions import Mention, find_mentions
from .roles import person_role, regnal_name

# A person mentioned in at least this share of the sentences of the most-mentioned
# person is a main participant (when they appear in main-event sentences).
PRINCIPAL_SHARE = 0.5
# The two most-mentioned people need less: a bilateral meeting names its host more often.
TOP_TWO_SHARE = 0.3
# In the opening main-event sentence, a person named only once counts when the most
# mentioned person is named at most this many times as often.
OPENING_SHARE = 0.34
# How many of the first sentences that name people count as the lead.
LEAD_SENTENCES = 2
# How many of them can name the participants as a pair (the news comes first).
OPENING_REACH = 5
# A participation phrase reaches the person named at most this many words before it
# ("Lavrov also took part") or, for the first of a list, after it ("accompanied by senior
# officials, including Foreign Minister Ri").
BEFORE_PARTICIPATION = 5
AFTER_PARTICIPATION = 10


@lru_cache(maxsize=None)
def meeting_pattern(code: str) -> re.Pattern[str]:
    return event_lexicon(code).meeting_pattern()


@dataclass
class _Cluster:
    """The mentions of one person while the document is being read (local, never shared)."""

    mentions: list[Mention] = field(default_factory=list)  # only ever appended to
    # (name, words) of the full-name mentions, first seen first, kept up with `mentions` as
    # it grows: gathering them anew for every mention made a long article quadratic.
    _full: dict[tuple[str, int], None] = field(default_factory=dict, repr=False)
    _counted: int = field(default=0, repr=False)

    def full_names(self) -> list[tuple[str, int]]:
        """The distinct (name, words) of the full-name mentions, in order of first mention."""
        if self._counted > len(self.mentions):
            self._full, self._counted = {}, 0
        for mention in self.mentions[self._counted:]:
            if mention.words > 1:
                self._full[(mention.name, mention.words)] = None
        self._counted = len(self.mentions)
        return list(self._full)

    def fits(self, name: str) -> bool:
        return any(same_person(name, full) for full in dict.fromkeys(n for n, _ in self.full_names()))

    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def sentences(self) -> list[int]:
        return sorted({m.sentence for m in self.mentions})


def _prominence(cluster: _Cluster, main: frozenset[int], lead: set[int]) -> tuple:
    """Which of several people a bare shared surname means: the one the lead names, then the
    one the main-event sentences name most, then the most mentioned ("Kim" is Kim Jong Un,
    not his father Kim Jong Il of a background sentence)."""
    sentences = set(cluster.sentences())
    return (bool(sentences & lead), len(sentences & main), len(sentences), -cluster.first())


def _cluster_full_names(mentions: list[Mention]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    for mention in mentions:
        home = next((c for c in clusters if c.fits(mention.name)), None)
        if home is None:
            home = _Cluster()
            clusters.append(home)
        home.mentions.append(mention)
    return clusters


def _genitive_base(name: str) -> str | None:
    """"Putins" → "Putin", "Kim Jong Uns" → "Kim Jong Un": a German or Dutch genitive."""
    return name[:-1] if len(name) > 3 and name.endswith("s") else None


def _names_by_part(mention: Mention, clusters: list[_Cluster]) -> list[_Cluster]:
    """People a one-word mention names by a middle part of a long name ("Lula" for
    "Luiz Inácio Lula da Silva")."""
    key = person_key(mention.name)
    return [c for c in clusters
            if any(words >= 3 and key in person_key(name).split()[1:-1] for name, words in c.full_names())]


def _with_particles(mention: Mention, cluster: _Cluster, text: str) -> Mention:
    """"Leyen" after "von der " is "von der Leyen" when the full name has those particles."""
    for name, _ in cluster.full_names():
        head, _, tail = name.rpartition(" ")
        particles = head.split()[1:]
        while particles and not particles[0].islower():
            particles = particles[1:]
        if not particles or tail != mention.name:
            continue
        lead = " ".join(particles) + " "
        start = mention.start - len(lead)
        if start >= 0 and text[start:mention.start].lower() == lead.lower():
            return replace(mention, name=text[start:mention.end], start=start)
    return mention


def _attach_to_full(mention: Mention, clusters: list[_Cluster], main: frozenset[int], lead: set[int],
                    text: str) -> bool:
    """Add a mention to the most prominent person whose full name it fits."""
    for name in (mention.name, _genitive_base(mention.name)):
        if name is None:
            continue
        fitting = [c for c in clusters if c.fits(name)]
        if fitting:
            best = max(fitting, key=lambda c: _prominence(c, main, lead))
            # The genitive's base form is the spelling; a surname keeps its particles.
            best.mentions.append(_with_particles(replace(mention, name=name), best, text))
            return True
    if mention.words == 1:
        fitting = _names_by_part(mention, clusters)
        if len(fitting) == 1:
            fitting[0].mentions.append(mention)
            return True
    return False


def _cluster_bare_names(mentions: list[Mention], seen_elsewhere: set[str], nouns_capitalised: bool
                        ) -> list[_Cluster]:
    """Bare names no full name explains: one person per key, kept only with a cue. A cue on
    a sentence-initial word counts when the word is also seen mid-sentence (`seen_elsewhere`:
    keys of words seen inside unconfirmed full names). Where every noun is capitalised
    (German), a word seen once before a reporting verb ("wie Diplomaten sagten") is not enough."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(person_key(mention.name), []).append(mention)
    for key in [k for k in groups if k.endswith("s") and k[:-1] in groups]:  # genitive "Poetins"
        groups[key[:-1]].extend(replace(m, name=m.name[:-1]) for m in groups.pop(key))
    seen_mid_sentence = {key for key, group in groups.items() if any(not m.initial for m in group)}
    seen_mid_sentence |= seen_elsewhere
    clusters = []
    for key, group in groups.items():
        trusted = any(m.cued and (not m.initial or key in seen_mid_sentence or m.cue_before) for m in group)
        if nouns_capitalised and len(group) == 1 and key not in seen_elsewhere \
                and not group[0].cue_before and not group[0].role:
            trusted = False
        if trusted:
            clusters.append(_Cluster(sorted(group, key=lambda m: m.start)))
    return clusters


def _organisation_words(mentions: list[Mention]) -> set[str]:
    """Keys of the words of every name the article marks as an organisation ("Apple Inc.",
    "Ford Motor Company", "Airbus A400M", "Apple shares"): the same word elsewhere names it too."""
    return {person_key(word) for m in mentions if m.organisation or m.owned for word in m.name.split()}


def _is_person(cluster: _Cluster, organisation_words: set[str]) -> bool:
    """Whether a cluster names a person rather than a company, product or place, from the
    strongest cue of its mentions: a title or role ("CEO Steve Jobs"); a legal form,
    organisation noun or model number ("Apple Inc.", "the Hang Seng index"); a given name or
    the shape of an East Asian name; a noun only organisations own ("Airbus spokesman").
    Otherwise a bare name needs a personal pronoun after it ("Putin will not stop unless he
    is stopped"), and a full name must not be made of words the article uses for an
    organisation. Reporting verbs prove nothing: companies say things too ("Apple said")."""
    if any(m.person_cue for m in cluster.mentions):
        return True
    if any(m.organisation for m in cluster.mentions):
        return False
    full_names = [name for name, _ in cluster.full_names()]
    if any(is_given_name(name.split()[0]) or family_name_first(name) for name in full_names):
        return True
    if any(m.owned for m in cluster.mentions):
        return False
    if not full_names:  # a bare name: "he" or "she" after it shows a person ("Apple said it")
        return any(m.pronoun_after for m in cluster.mentions)
    return not all(person_key(word) in organisation_words for m in cluster.mentions for word in m.name.split())


def _display_name(cluster: _Cluster) -> str:
    """The fullest form the article gives; the commonest, then the first, among equals."""
    counts = Counter(m.name for m in cluster.mentions)
    first_seen: dict[str, int] = {}
    for mention in sorted(cluster.mentions, key=lambda m: m.start):
        first_seen.setdefault(mention.name, mention.start)
    return min(counts, key=lambda n: (-len(n.replace("-", " ").split()), not n[:1].isupper(),
                                      -counts[n], first_seen[n]))


def _role(cluster: _Cluster) -> str | None:
    for mention in sorted(cluster.mentions, key=lambda m: m.start):
        if mention.role:
            return mention.role
    return None


def _historical(doc: Document, index: int) -> bool:
    text = doc.sentences[index].text
    year = doc.anchor.year if doc.anchor else None
    return is_historical(text, doc.language, year) or bool(lexicon(doc.language).past_phrases.search(text))


def _opening_pair(clusters: list[_Cluster], main: frozenset[int], doc: Document) -> set[int]:
    """The people of the first main-event sentence that names two or more of them: a news
    lead names the participants ("Macron received Zelensky at the Élysée for talks"). The
    headline comes last, as it packs in context ("Macron hosts Zelensky as Putin steps up
    attacks"); someone named once in a long article is left out (a background name)."""
    counts = [len(c.sentences()) for c in clusters]
    top = max(counts, default=0)
    title = doc.article.title.strip()
    # Only the opening sentences: a main-event sentence further down that names two people
    # tells of a meeting beside the news ("Scholz was in Washington on Monday visiting Biden").
    lead = set(sorted({i for c in clusters for i in c.sentences()})[:OPENING_REACH])
    for index in sorted(main & lead, key=lambda i: (doc.sentences[i].text.strip() == title, i)):
        here = {i for i, c in enumerate(clusters) for m in c.mentions
                if m.sentence == index and not m.past and not m.speaker  # not "Peskov said Putin will meet Kim"
                and not m.attributive}  # nor "the Trump administration"
        here = {i for i in here if counts[i] >= 2 or counts[i] >= OPENING_SHARE * top}
        if len(here) >= 2:
            return here
    return set()


def _principals(clusters: list[_Cluster], main: frozenset[int], doc: Document) -> set[int]:
    """The main participants: the people of the opening main-event sentence or else the
    most-mentioned people, named where the event is told."""
    opening = _opening_pair(clusters, main, doc)
    if opening:
        return opening
    counts = [len(c.sentences()) for c in clusters]
    top = max(counts, default=0)
    ranked = sorted(range(len(clusters)), key=lambda i: (-counts[i], clusters[i].first()))
    top_two = set(ranked[:2])
    # The headline and lead name the main participants even when no meeting word is there.
    lead = _lead(clusters)
    found = set()
    for i, cluster in enumerate(clusters):
        in_main = bool(set(cluster.sentences()) & (main | lead)) or not main
        share = counts[i] / top if top else 0.0
        if in_main and counts[i] >= 2 and (share >= PRINCIPAL_SHARE or (i in top_two and share >= TOP_TWO_SHARE)):
            found.add(i)
    return found


def _joined(doc: Document, left_end: int, right: Mention, connectors: bool = False) -> bool:
    """Only coordinators, articles and punctuation stand between a person (or a meeting
    word) ending at `left_end` and the words introducing `right`: "Putin and Kim",
    "met with the North Korean leader Kim", "ha incontrato il leader Kim". `connectors`
    also lets "of"/"de" through ("accompagné de son ministre X et de la ministre Y")."""
    lex = lexicon(doc.language)
    gap = doc.article.text[left_end:right.lead_in]
    words = re.findall(r"[^\W\d_]+", gap.lower())
    if re.search(r"[.;:!?()]", gap) or len(words) > 3:
        return False
    return all(w in lex.coordinators or w in lex.determiners or w in lex.elisions
               or (connectors and (w in lex.connectors or w in lex.particles)) for w in words)


def _word_count(text: str) -> int:
    return len(re.findall(r"[^\W\d_]+", text))


Said = Literal["took part", "absent", "remote", "stood in for"]


def _took_part(doc: Document, clusters: list[_Cluster], said: Said = "took part") -> set[int]:
    """People a participation phrase puts at the event: named inside it ("nahm auch X teil"),
    right before it ("X also took part"), or listed right after it ("accompanied by senior
    officials, including X and his deputy Y"). Speakers, spouses and past sentences are left out.
    `said` "absent": the people an absence phrase names the same way ("X did not attend",
    "An dem Treffen nahm X nicht teil"); "remote": the people a remote phrase names, its
    subject ("X joined by video link") or, with none before it, those it introduces ("per
    Videoschalte zugeschaltet war X"); "stood in for": those someone else stood in for
    ("representing X", "in Vertretung von X")."""
    lex = lexicon(doc.language)
    text = doc.article.text
    owner = {id(m): i for i, c in enumerate(clusters) for m in c.mentions}
    by_sentence: dict[int, list[Mention]] = {}
    for cluster in clusters:
        for mention in cluster.mentions:
            by_sentence.setdefault(mention.sentence, []).append(mention)
    found: set[int] = set()
    # Spouses who travel along are not participants, but at a state visit's ceremony they are.
    ceremony = bool(lex.ceremony.search(text))
    # A speaker takes part only by speaking at the event: "said at the meeting", "sagte bei dem Treffen".
    phrases = {"absent": [(lex.absence, True)], "remote": [(lex.remote, True)],
               "stood in for": [(lex.represented, True)]}.get(said) or [
        (lex.participation, False), (lex.speaking_at, True), (lex.arrival, False), (lex.agent, False),
        (lex.recall, False)]
    subject_only = {lex.absence.pattern, lex.arrival.pattern}  # said of the person before the phrase
    for index, here in sorted(by_sentence.items()):
        sentence = doc.sentences[index]
        matches = [(m, speaking) for pattern, speaking in phrases for m in pattern.finditer(sentence.text)
                   if pattern.pattern != r"(?!x)x"]
        if not matches or _historical(doc, index):
            continue
        here.sort(key=lambda m: m.start)
        for match, speaking in matches:
            if match.re.pattern == lex.recall.pattern and lex.arrival_points.search(sentence.text) \
                    and not lex.ceremony.search(sentence.text):
                # "wo er am Flughafen vom Gouverneur empfangen wurde": greeted on arrival; but a
                # welcome "mit militärischen Ehren" at the airport opens a state visit
                continue
            # "did not take part", "the delegation he will lead" ("delegatie zal leiden")
            if said in ("took part", "remote") and lex.negation.search(sentence.text[max(0, match.start() - 25):match.end() + 5]):
                continue
            if match.re.pattern == lex.arrival.pattern and lex.earlier_tense.search(sentence.text[:match.start()]):
                continue  # "Scholz had travelled to Beijing in November"
            start, end = sentence.start + match.start(), sentence.start + match.end()
            taking = [m for m in here if start <= m.start < end]
            # "X nahm nicht teil; Washington wurde durch Y vertreten": a clause ends the reach.
            clause = sentence.start + max((i + 1 for i, c in enumerate(sentence.text[:match.start()]) if c in ";:"),
                                          default=0)
            # "Lavrov, venu représenter Poutine": who stands in for the absent is not absent.
            before = [] if said == "stood in for" else [m for m in here if clause <= m.start and m.end <= start]
            if match.re.pattern in subject_only and before and _after_comitative(text, before[-1], lex):
                before = []  # "An dem Gespräch mit Xi nahmen die Manager nicht teil": Xi is not the subject
            # "X, a senior official, later joined the talks": the apposition does not count.
            if before and _word_count(_after_apposition(text[before[-1].end:start])) <= BEFORE_PARTICIPATION:
                taking.append(before[-1])  # and the people listed with it: "A and B also took part"
                for left, right in zip(reversed(before[:-1]), reversed(before)):
                    if not _joined(doc, left.end, right, connectors=True):
                        break
                    taking.append(left)
            # An absence or an arrival is said of its subject, not of the names after it.
            after = [] if match.re.pattern in subject_only or (said == "remote" and taking) \
                else [m for m in here if m.lead_in >= end or (said == "stood in for" and m.start >= end)]  # "on behalf of President X"
            chain: list[Mention] = []
            agent = match.re.pattern == lex.agent.pattern  # "received by X": X and the people listed with X
            for mention in after:
                if (not (agent and chain) and _word_count(text[end:mention.lead_in]) <= AFTER_PARTICIPATION) \
                        or (chain and (_joined(doc, chain[-1].end, mention, connectors=True)
                                       or _list_goes_on(doc, chain[-1].end, mention))):
                    chain.append(mention)
                else:
                    break
            if agent and chain and lex.other_venue.match(text[chain[-1].end:]):
                chain = []  # "recibido por el rey Felipe VI en el Palacio Real": another occasion
            elif not agent and _elsewhere(doc, chain[-1].end if chain else end):
                continue  # "on Monday Biden received Scholz at the White House": another meeting
            taking += chain
            if match.re.pattern == lex.recall.pattern:  # "EDF and Veolia also signed": people, named as such
                taking = [m for m in taking if m.role or m.words > 1]
            found |= {owner[id(m)] for m in taking if (speaking or not m.speaker) and (ceremony or not _spouse(m, lex))}
    return found


@lru_cache(maxsize=None)
def _date_words(code: str) -> frozenset[str]:
    """Month and weekday names (the dates section): "am Montag" names a day, not a site."""
    from ..languages import load
    section = load(code).section("dates")
    names = [*(section.get("months") or {}).values(), *(section.get("weekdays") or {}).values()]
    return frozenset(str(w).lower() for words in names for w in (words if isinstance(words, list) else [words]))


def _elsewhere(doc: Document, at: int) -> bool:
    """Whether a site the lead and headline never name follows `at` ("... im Weißen Haus"):
    the sentence tells of a meeting at another venue than the article's."""
    lex = lexicon(doc.language)
    text = doc.article.text
    found = lex.other_venue.match(text[at:])
    word = re.match(r"[^\W\d_]+", text[at + found.end() - 1:]) if found else None
    if word is None or word.group().lower() in _date_words(doc.language):
        return False  # "am Dienstag": a day, not a site
    lead = lead_sentence(doc)
    told = " ".join([doc.article.title, doc.sentences[lead].text if lead is not None else ""]).lower()
    return word.group().lower()[:5] not in told


def _list_goes_on(doc: Document, left_end: int, right: Mention) -> bool:
    """A list of participants goes on after a coordinator and a short aside: "joined by A and B
    and, on the North Korean side, C and D"."""
    gap = doc.article.text[left_end:right.lead_in]
    words = re.findall(r"[^\W\d_]+", gap.lower())
    return (not re.search(r"[.;:!?()]", gap) and 0 < len(words) <= 6 and gap.count(",") >= 2
            and gap.rstrip().endswith(",") and words[0] in lexicon(doc.language).coordinators)


def _after_comitative(text: str, mention: Mention, lex: PeopleLexicon) -> bool:
    words = re.findall(r"[^\W\d_]+", text[max(0, mention.lead_in - 20):mention.lead_in].lower())
    return bool(words) and words[-1] in lex.comitatives


def _after_apposition(gap: str) -> str:
    """", a senior North Korean official, later " → " later ": what follows an apposition."""
    return gap.rsplit(",", 1)[-1] if gap.lstrip().startswith(",") and gap.count(",") >= 2 else gap


def _spouse(mention: Mention, lex: PeopleLexicon, text: str = "") -> bool:
    """Whether the mention names someone as a spouse: "his wife X", "seiner Frau X"."""
    return (bool(mention.role) and any(w in lex.spouses for w in mention.role.lower().split())) \
        or bool(text and lex.spouse_phrase.search(text[max(0, mention.start - 30):mention.start]))


def _chains(doc: Document, mentions: list[Mention]) -> list[list[Mention]]:
    """Runs of mentions joined one after another: "Biden, Macron, Scholz and Meloni"."""
    chains: list[list[Mention]] = []
    for mention in mentions:
        if chains and chains[-1][-1].end <= mention.lead_in and _joined(doc, chains[-1][-1].end, mention):
            chains[-1].append(mention)
        else:
            chains.append([mention])
    return chains


def _lead(clusters: list[_Cluster]) -> set[int]:
    """The headline and lead: the first sentences that name people."""
    return set(sorted({i for c in clusters for i in c.sentences()})[:LEAD_SENTENCES])


def _counterparts(clusters: list[_Cluster], principals: set[int], doc: Document, main: frozenset[int]) -> set[int]:
    """People a main-event sentence joins to a main participant took part too.

    A list of three or more people with a main participant in it ("Biden, Macron, Scholz and
    Meloni met") counts always. With fewer than two main participants found, so does
    one person joined to a main participant or to a meeting word ("X and Y met", "X met
    with Y"): a short report may name the guest only once.
    """
    if not principals:
        return set()
    owner = {id(m): i for i, c in enumerate(clusters) for m in c.mentions}
    meeting = meeting_pattern(doc.language)
    found: set[int] = set()
    by_sentence: dict[int, list[Mention]] = {}  # gathered once: a pass per sentence was quadratic
    for cluster in clusters:
        for m in cluster.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
    for index in sorted(main | _lead(clusters)):
        if _historical(doc, index):
            continue
        here = sorted(by_sentence.get(index, ()), key=lambda m: m.start)
        if not any(owner[id(m)] in principals for m in here):
            continue
        for chain in _chains(doc, here):
            if len(chain) >= 3 and any(owner[id(m)] in principals for m in chain):
                found |= {owner[id(m)] for m in chain}
        if len(principals) >= 2 or index not in main:
            continue
        sentence = doc.sentences[index]
        anchors = [m.end for m in here if owner[id(m)] in principals]
        anchors += [sentence.start + w.end() for w in meeting.finditer(sentence.text)]
        for mention in here:
            if any(end <= mention.lead_in and _joined(doc, end, mention) for end in anchors):
                found.add(owner[id(mention)])
    return found - principals


def _host_apposition(doc: Document, mention: Mention) -> bool:
    """"El anfitrión, el primer ministro malasio Anwar Ibrahim": a host word, a comma and at
    most a determiner stand right before the person's own role."""
    lex = lexicon(doc.language)
    before = doc.article.text[max(0, mention.lead_in - 40):mention.lead_in]
    head, comma, rest = before.rpartition(",")
    words = re.findall(r"[^\W\d_]+", rest.lower())
    if not comma or len(words) > 1 or any(w not in lex.determiners for w in words):
        return False
    found = list(lex.host.finditer(head))
    return bool(found) and not head[found[-1].end():].strip()


def _presence(clusters: list[_Cluster], doc: Document, main: frozenset[int]) -> list[bool]:
    principals = _principals(clusters, main, doc)
    principals |= _counterparts(clusters, principals, doc, main)
    took_part = _took_part(doc, clusters)
    host = lexicon(doc.language).host
    took_part |= {i for i, c in enumerate(clusters)  # "Gastgeber Merz", "the host, Mark Carney,"
                  if any((m.role and host.search(m.role) or _host_apposition(doc, m))
                         and not m.past and not _historical(doc, m.sentence) for m in c.mentions)}
    absent = _took_part(doc, clusters, "absent")  # "Putin did not attend": named most, yet not there
    # "Lawrow nahm in Vertretung von Putin teil": the participation phrase names him, yet he was away.
    stood_in_for = _took_part(doc, clusters, "stood in for")
    present = []
    for i, cluster in enumerate(clusters):
        past = 2 * sum(m.past for m in cluster.mentions) >= len(cluster.mentions)
        # A participation phrase outweighs an absence ("Moon joined the two leaders" and "did not
        # take part in the talks"); an absence outweighs being named most.
        present.append(not past and i not in stood_in_for and (i in took_part or (i in principals and i not in absent)))
    # Taking part by video link is not being there ("Zelensky joined by video link"), where
    # someone else was: a meeting held wholly by video keeps its participants.
    remote = _took_part(doc, clusters, "remote")
    if any(p and i not in remote for i, p in enumerate(present)):
        present = [p and i not in remote for i, p in enumerate(present)]
    return present


def _spouse_role(doc: Document, index: int, clusters: list[_Cluster],
                 roles: list[tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """A spouse's English role, from their partner's: the person named last before them in
    the sentence that calls them so ("Moon, mit seiner Frau Kim Jung Sook": Spouse of the
    President of South Korea). A spouse is a relation, not an office, so it has none else."""
    role, role_en = roles[index]
    lex = lexicon(doc.language)
    if role_en is not None:
        return role, role_en
    for mention in sorted(clusters[index].mentions, key=lambda m: m.start):
        if not _spouse(mention, lex, doc.article.text):
            continue
        before = [(m.start, n) for n, c in enumerate(clusters) if n != index for m in c.mentions
                  if m.sentence == mention.sentence and m.end <= mention.lead_in]
        if before:
            partner = roles[max(before)[1]][1]
            return role, f"Spouse of the {partner}" if partner and " of " in partner else None
    return role, role_en


def extract_people(doc: Document) -> tuple[Person, ...]:
    """Every person the article names, in order of first mention."""
    mentions = find_mentions(doc)
    main = main_event_sentences(doc)
    clusters = _cluster_full_names([m for m in mentions if m.words > 1 and m.accepted])
    rest = [m for m in mentions if not (m.words > 1 and m.accepted)]
    lead = _lead(clusters)  # of the full names, before bare mentions join them
    unexplained = [m for m in rest if not _attach_to_full(m, clusters, main, lead, doc.article.text)]
    inside_full = {person_key(part) for m in unexplained if m.words > 1 and not m.initial for part in m.name.split()}
    bare_clusters = _cluster_bare_names([m for m in unexplained if m.words == 1], inside_full,
                                        lexicon(doc.language).nouns_capitalised)
    for mention in (m for m in unexplained if m.words > 1):  # "Wolodymyr Selenskyj" once, "Selenskyj sagte"
        home = next((c for c in bare_clusters if same_person(mention.name, c.mentions[0].name)), None)
        if home is not None:
            home.mentions.append(mention)
    clusters += bare_clusters
    organisation_words = _organisation_words(mentions)
    clusters = [c for c in clusters if _is_person(c, organisation_words)]
    clusters.sort(key=lambda c: c.first())
    people = []
    roles = [person_role(doc, cluster.mentions, _role(cluster)) for cluster in clusters]
    roles = [_spouse_role(doc, i, clusters, roles) for i in range(len(clusters))]
    for cluster, present, (role, role_en) in zip(clusters, _presence(clusters, doc, main), roles):
        sentences = cluster.sentences()
        shown = _display_name(cluster)
        people.append(Person(
            name=regnal_name(shown, role_en, doc.language) or shown,
            aliases=tuple(sorted({m.name for m in cluster.mentions})),
            role=role,
            role_en=role_en,
            present=present,
            evidence=tuple(doc.sentences[i].evidence() for i in sentences),
        ))
    return tuple(people)
