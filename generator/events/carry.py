"""Clustering carried forward from the last build: a decision whose inputs did not change is
taken again instead of being made again.

Clustering (`cluster.py`) takes the articles left on their own one by one, in a fixed
order, and each joins the best of its candidate events or starts one. Its decision is a
function of its own facts and text and of the state of its candidates (their members).
So each decision is kept, with what it was made from: a digest of the article's profile,
the candidate events (each named by its founder: the first article of a fact-linked
group, or the article that started it) and the event it joined.

A rebuild takes a kept decision again when the article's profile and its candidates are
the same and none of those candidates is *touched*: an event whose members may differ
from the last build's at that point. Touched are the fact-linked groups whose members
changed, the events that an article which is gone, changed or newly placed joined (or
started) in either build. Every other event has the same members in both builds, in the
same order, so the decision comes out the same; the rest are made again. A rebuild after
one added article makes a handful of decisions instead of one per article, and the
result equals a clean build's (tests/test_carry.py; tests/test_memo.py through whole
builds).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from ..memo import Memo

if TYPE_CHECKING:
    from .cluster import Profile


@dataclass(frozen=True)
class Decision:
    profile: str  # digest of the article's profile
    candidates: tuple[str, ...]  # founders of its candidate events, in event order
    joined: str | None  # founder of the event it joined; None: it started one


@dataclass(frozen=True)
class Clustering:
    """What one clustering run decided, kept for the next."""

    groups: dict[str, str]  # founder of each fact-linked group → digest of its members' profiles
    decisions: dict[str, Decision]  # article → its decision


def profile_digest(profile: Profile) -> str:
    """A digest of everything clustering reads of an article (not its index in this run)."""
    facts = (profile.article, profile.date, profile.spots, profile.recalled, sorted(profile.present),
             sorted(profile.named), profile.text)
    return hashlib.sha256(repr(facts).encode("utf-8")).hexdigest()[:24]


@dataclass
class Replay:
    """One clustering run, replaying the decisions of `last` where their inputs are unchanged."""

    last: Clustering
    founders: list[str] = field(default_factory=list)  # event number → its founder
    touched: set[str] = field(default_factory=set)
    digests: dict[str, str] = field(default_factory=dict)  # article → profile digest, this run
    decisions: dict[str, Decision] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    replayed: int = 0  # decisions taken again
    made: int = 0  # decisions made again

    def carries(self) -> bool:
        """Whether there are decisions of a last build to take again."""
        return bool(self.last.decisions)

    def begin(self, groups: Sequence[Sequence[Profile]], singles: Sequence[Profile]) -> None:
        """The fact-linked groups (event numbers 0, 1, ...) and the singles of this run."""
        for members in groups:
            founder = min(m.article for m in members)
            self.founders.append(founder)
            self.groups[founder] = _digest(sorted(profile_digest(m) for m in members))
        # a group that is new, changed or gone (its founder may now start an event of its own)
        self.touched.update(founder for founder in {*self.groups, *self.last.groups}
                            if self.groups.get(founder) != self.last.groups.get(founder))
        self.digests = {p.article: profile_digest(p) for p in singles}
        for article, decision in self.last.decisions.items():
            if self.digests.get(article) != decision.profile:  # gone, changed or now in a group
                self.touched.add(decision.joined or article)

    def recall(self, article: Profile, candidates: Sequence[int]) -> tuple[bool, int | None]:
        """(True, the event it joins, None for a new one) if the last decision stands."""
        decision = self.last.decisions.get(article.article)
        if decision is None or decision.profile != self.digests[article.article]:
            return False, None
        founders = tuple(self.founders[n] for n in candidates)
        if founders != decision.candidates or not self.touched.isdisjoint(founders):
            return False, None
        self.replayed += 1
        return True, None if decision.joined is None else candidates[founders.index(decision.joined)]

    def note(self, article: Profile, candidates: Sequence[int], number: int, replayed: bool) -> None:
        """The article joined event `number` (one it started, if that is a new number)."""
        started = number == len(self.founders)
        if started:
            self.founders.append(article.article)
        joined = None if started else self.founders[number]
        decision = Decision(self.digests[article.article], tuple(self.founders[n] for n in candidates), joined)
        self.decisions[article.article] = decision
        if replayed:
            return
        self.made += 1
        last = self.last.decisions.get(article.article)
        if last is None or last.joined != joined:
            self.touched.add(self.founders[number])
            if last is not None:
                self.touched.add(last.joined or article.article)

    def result(self) -> Clustering:
        return Clustering(self.groups, self.decisions)


def _digest(parts: Sequence[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode("ascii")).hexdigest()[:24]


NOTHING = Clustering({}, {})


def recall(memo: Memo | None) -> Replay | None:
    """A replay of the last build's clustering (kept in the output cache), or None without one."""
    if memo is None:
        return None
    kept = memo.recall(_key(memo))
    return Replay(kept if isinstance(kept, Clustering) else NOTHING)


def keep(memo: Memo | None, replay: Replay | None) -> None:
    if memo is not None and replay is not None:
        memo.keep(_key(memo), replay.result())


def _key(memo: Memo) -> str:
    return memo.key("clustering", "the last build's")
