"""Candidate blocking: the index finds exactly the events a scan of all of them would keep."""
from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.events.blocking import EventIndex, parse_day
from generator.events.cluster import DATE_TOLERANCE_DAYS, PLACE_RADIUS_KM, Spot, date_relation, place_relation

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Dates close together (month and year edges included), partial dates, none.
DATES = st.one_of(
    st.none(),
    st.sampled_from(["2023", "2024", "2023-12", "2024-01", "2024-02"]),
    st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.sampled_from([2023, 2024]), st.sampled_from([1, 2, 12]),
              st.sampled_from([1, 2, 28, 29, 30, 31])).filter(lambda s: _valid(s)),
)
PEOPLE = st.frozensets(st.sampled_from(["berg", "rossi", "gomez", "jansen", "weber"]), max_size=3)
# Places near each other (Nice and Monaco), across a degree of latitude (Utrecht, Amsterdam),
# far apart, and of unknown position.
SPOTS = st.frozensets(st.sampled_from([
    Spot("nice", "FR", 43.70, 7.27), Spot("monaco", "MC", 43.74, 7.42), Spot("utrecht", "NL", 52.09, 5.12),
    Spot("amsterdam", "NL", 52.37, 4.90), Spot("lima", "PE", -12.05, -77.04), Spot("moscow", "US", 46.73, -117.0),
    Spot("moscow", "RU", 55.76, 37.62), Spot("somewhere", None, None, None)]), max_size=2)


def _valid(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _scan(events: dict[int, tuple], when: str | None, named: frozenset[str], present: frozenset[str]) -> set[int]:
    """What clustering did before the index: every event sharing one of the article's people
    (present ones, if it names any), less those where both name people present and share
    none and neither names someone the other saw, less the date conflicts."""
    people = present or named
    return {n for n, (event_date, event_named, event_present, _) in events.items()
            if event_named & people and not (present and event_present and not present & event_present
                                             and not (present & event_named and named & event_present))
            and date_relation(when, event_date) != "conflict"}


@FAST
@given(st.lists(st.tuples(st.integers(0, 11), DATES, PEOPLE, PEOPLE, SPOTS), max_size=40), DATES, PEOPLE, PEOPLE,
       SPOTS)
def test_candidates_are_the_events_a_full_scan_keeps(updates, when, named, present, spots):
    index = EventIndex(DATE_TOLERANCE_DAYS, PLACE_RADIUS_KM)
    events: dict[int, tuple] = {}
    for number, event_date, more_named, more_present, more_spots in updates:  # events grow; their date moves
        index.add(number, event_date, more_named | more_present, more_present, more_spots)
        _, old_named, old_present, old_spots = events.get(number, (None, set(), set(), set()))
        events[number] = (event_date, old_named | more_named | more_present, old_present | more_present,
                          old_spots | more_spots)
    found = index.candidates(when, named | present, present, spots)
    scanned = _scan(events, when, named | present, present)
    assert found == sorted(found) and set(found) <= scanned
    # only events whose places contradict the article's are left out
    placed_apart = {n for n in scanned if place_relation(tuple(spots), tuple(events[n][3])) == "conflict"}
    assert scanned - placed_apart <= set(found)
    assert index.candidates(when, named | present, present) == sorted(scanned)


def test_an_event_that_moves_to_another_day_is_found_on_that_day_only():
    index = EventIndex(1, PLACE_RADIUS_KM)
    index.add(0, "2024-03-01", {"berg"})
    assert index.candidates("2024-03-02", {"berg"}) == [0]
    index.add(0, "2024-03-10", ())
    assert index.candidates("2024-03-02", {"berg"}) == []
    assert index.candidates("2024-03-11", {"berg"}) == [0]
    assert index.candidates("2024-03", {"berg"}) == [0]
    assert index.candidates("2024-04", {"berg"}) == []
    assert index.candidates(None, {"berg"}) == [0]
    assert index.candidates("2024-03-10", {"rossi"}) == []


def test_dates_the_index_cannot_place_rule_nothing_out():
    assert parse_day("soon") is None and parse_day("2024-03-01-02") is None
    index = EventIndex(1, PLACE_RADIUS_KM)
    index.add(0, "soon", {"berg"})
    index.add(1, "2024-03-01", {"berg"})
    assert index.candidates("2024-05-05", {"berg"}) == [0]
    assert index.candidates("sometime", {"berg"}) == [0, 1]
