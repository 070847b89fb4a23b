"""Occurrences computed from rules, periods, exceptions and in-lieu rules."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khcal.core import definitions as catalogue
from khcal.core.rules import OnceRule
from khcal.core.schedule import Filter, Schedule
from khcal.errors import DateRangeError

SMALL = """
[[published]]
year = 2016
sources = ["Test list"]

[[in_lieu]]
since = 2016
until = 2017
weekdays = ["sun"]
sources = ["Test rule"]

[[in_lieu]]
since = 2018
until = 2018
weekdays = ["sun"]
scope = "private-sector"
sources = ["Test rule, private"]

[[observances]]
id = "may-day"
name = "May Day"
category = "international"
rule = { kind = "fixed", month = 5, day = 1 }
description = "Test."
[[observances.holiday]]

[[observances]]
id = "three-days"
name = "Three days"
category = "religious"
rule = { kind = "fixed", month = 5, day = 13 }
days = 3
description = "Test."
[[observances.holiday]]
until = 2017
[[observances.exceptions]]
year = 2017
start = 2017-05-20
days = 2
sources = ["Decree moving it"]
[[observances.exceptions]]
year = 2016
holiday = false
sources = ["Decree cancelling it"]

[[observances]]
id = "after-may-day"
name = "After May Day"
category = "national"
rule = { kind = "offset", of = "may-day", days = 2 }
description = "Test."

[[observances]]
id = "last-friday"
name = "Last Friday of February"
category = "company"
rule = { kind = "nth-weekday", month = 2, weekday = "fri", n = -1 }
description = "Test."

[[observances]]
id = "leap-day"
name = "Leap day"
category = "company"
rule = { kind = "fixed", month = 2, day = 29 }
description = "Test."
event_year = 2000
"""


@pytest.fixture(scope="module")
def small() -> Schedule:
    return Schedule(catalogue.parse_text(SMALL))


@pytest.fixture(scope="module")
def builtin() -> Schedule:
    return Schedule(catalogue.load([]))


def spans(found: list, ident: str) -> list[tuple[date, date]]:  # type: ignore[type-arg]
    return [(o.start, o.end) for o in found if o.id == ident]


def test_fixed_offset_and_weekday_rules(small: Schedule) -> None:
    year = small.year(2015)
    assert spans(year, "may-day") == [(date(2015, 5, 1), date(2015, 5, 1))]
    assert spans(year, "after-may-day") == [(date(2015, 5, 3), date(2015, 5, 3))]
    # 27 February 2015 was the last Friday of that February.
    assert spans(year, "last-friday") == [(date(2015, 2, 27), date(2015, 2, 27))]
    assert spans(year, "leap-day") == []
    assert spans(small.year(2016), "leap-day") == [(date(2016, 2, 29), date(2016, 2, 29))]


def test_multi_day_occurrence_and_periods(small: Schedule) -> None:
    occ = next(o for o in small.year(2015) if o.id == "three-days")
    assert (occ.start, occ.end, occ.days, occ.holiday) == (date(2015, 5, 13), date(2015, 5, 15), 3, True)
    # After its holiday period it is still an observance, no longer a day off.
    later = next(o for o in small.year(2019) if o.id == "three-days")
    assert later.holiday is False


def test_exceptions_move_resize_and_cancel(small: Schedule) -> None:
    moved = next(o for o in small.year(2017) if o.id == "three-days")
    assert (moved.start, moved.end, moved.holiday) == (date(2017, 5, 20), date(2017, 5, 21), True)
    cancelled = next(o for o in small.year(2016) if o.id == "three-days")
    assert cancelled.holiday is False
    assert (cancelled.start, cancelled.end) == (date(2016, 5, 13), date(2016, 5, 15))


def test_days_in_lieu_follow_the_rule(small: Schedule) -> None:
    # 1 May 2016 was a Sunday: the next day was given in lieu.
    lieu = [o for o in small.year(2016) if o.in_lieu_of is not None]
    assert [(o.id, o.start, o.scope) for o in lieu] == [("may-day-in-lieu", date(2016, 5, 2), "public")]
    # 21 May 2017 (Sunday) is the last day of the moved holiday: 22 May in lieu.
    lieu = [o for o in small.year(2017) if o.in_lieu_of is not None]
    assert [(o.id, o.start) for o in lieu] == [("three-days-in-lieu", date(2017, 5, 22))]
    # No rule covers 2019.
    assert [o for o in small.year(2019) if o.in_lieu_of is not None] == []


def test_day_in_lieu_skips_days_that_are_already_off(builtin: Schedule) -> None:
    # Khmer New Year 14-16 April 2018: 15 April was a Sunday and 16 April a holiday, so private-sector
    # workers had 17 April (Ministry of Labour Notification No. 010/18).
    days_off = builtin.days_off(2018)
    assert [o.id for o in days_off[date(2018, 4, 17)]] == ["khmer-new-year-in-lieu"]
    assert days_off[date(2018, 4, 17)][0].scope == "private-sector"
    # Water Festival 10-12 November 2019 began on a Sunday: 13 November (cne.wtf, 28 Oct 2019).
    assert [o.id for o in builtin.days_off(2019)[date(2019, 11, 13)]] == ["water-festival-in-lieu"]


def test_two_holidays_on_one_sunday_give_one_day_in_lieu(builtin: Schedule) -> None:
    # 14 May 2017: the King's Birthday (2nd day) and the Royal Ploughing Ceremony on one Sunday.
    lieu = [o for o in builtin.year(2017) if o.in_lieu_of is not None and o.start.month == 5]
    assert [(o.id, o.start) for o in lieu] == [("king-birthday-in-lieu", date(2017, 5, 16))]


def test_no_days_in_lieu_from_2022(builtin: Schedule) -> None:
    # The October 2021 amendment of the Labour Law ended days in lieu; 1 May 2022 was a Sunday.
    for year in range(2022, 2031):
        assert [o for o in builtin.year(year) if o.in_lieu_of is not None] == []


def test_status_follows_published_years(small: Schedule, builtin: Schedule) -> None:
    assert {o.status for o in small.year(2016)} == {"official"}
    assert {o.status for o in small.year(2017)} == {"projected"}
    assert {o.status for o in builtin.year(2026)} == {"official"}
    assert {o.status for o in builtin.year(2027)} == {"projected"}


@pytest.mark.parametrize(
    ("year", "ident", "expected_start", "expected_days", "holiday"),
    [
        # Sub-Decree No. 112 of 2 August 2019: the King's Birthday cut from 13-15 May to 14 May from 2020.
        (2019, "king-birthday", date(2019, 5, 13), 3, True),
        (2020, "king-birthday", date(2020, 5, 14), 1, True),
        # Sub-Decree No. 19 of 14 February 2018: 20 May a day off in 2018 and 2019 only.
        (2017, "national-day-of-remembrance", date(2017, 5, 20), 1, False),
        (2018, "national-day-of-remembrance", date(2018, 5, 20), 1, True),
        (2019, "national-day-of-remembrance", date(2019, 5, 20), 1, True),
        (2020, "national-day-of-remembrance", date(2020, 5, 20), 1, False),
        # Peace Day added by the sub-decree of 1 January 2024.
        (2023, "peace-day", date(2023, 12, 29), 1, False),
        (2024, "peace-day", date(2024, 12, 29), 1, True),
        # Removed from 2020 by Sub-Decree No. 112.
        (2019, "human-rights-day", date(2019, 12, 10), 1, True),
        (2020, "human-rights-day", date(2020, 12, 10), 1, False),
        (2019, "international-childrens-day", date(2019, 6, 1), 1, True),
        (2020, "international-childrens-day", date(2020, 6, 1), 1, False),
        (2019, "paris-peace-agreements", date(2019, 10, 23), 1, True),
        (2020, "paris-peace-agreements", date(2020, 10, 23), 1, False),
        (2019, "meak-bochea", date(2019, 2, 19), 1, True),  # ECCC court holidays 2019
        # 2020: the Khmer New Year was postponed and worked; 17-21 August were given instead.
        (2020, "khmer-new-year", date(2020, 4, 13), 4, False),
        (2020, "khmer-new-year-2020-replacement", date(2020, 8, 17), 5, True),
        # Remembrance days that are not days off.
        (2026, "fall-of-phnom-penh", date(2026, 4, 17), 1, False),
        (2026, "genocide-victims-day", date(2026, 12, 9), 1, False),
        (2026, "holocaust-remembrance", date(2026, 1, 27), 1, False),
    ],
)
def test_history_of_days_off(
    builtin: Schedule, year: int, ident: str, expected_start: date, expected_days: int, holiday: bool
) -> None:
    [occ] = [o for o in builtin.year(year) if o.id == ident]
    assert (occ.start, occ.days, occ.holiday) == (expected_start, expected_days, holiday)


def test_observances_exist_in_every_year_of_their_history(builtin: Schedule) -> None:
    visak_1950 = [o for o in builtin.year(1950) if o.id == "visak-bochea"]
    assert len(visak_1950) == 1
    assert not visak_1950[0].holiday or visak_1950[0].status == "projected"
    # Peace Day is remembered from the event on, but was no day off before 2024.
    assert [o.id for o in builtin.year(1990) if o.id == "peace-day"] == []


def test_anniversaries(builtin: Schedule) -> None:
    found = {o.id: o.anniversary for o in builtin.year(2026)}
    assert found["victory-over-genocide"] == 47  # 1979
    assert found["king-birthday"] == 73  # born 1953
    assert found["independence-day"] == 73  # 1953
    assert found["pchum-ben"] is None


def test_holy_days_only_when_asked(builtin: Schedule) -> None:
    assert not [o for o in builtin.year(2026) if o.category == "holy-day"]
    holy = builtin.year(2026, Filter(categories=frozenset({"holy-day"})))
    # Four holy days in each lunar month: 48 or 49 in a Gregorian year, one every 7 or 8 days.
    assert 47 <= len(holy) <= 50
    gaps = {(b.start - a.start).days for a, b in itertools.pairwise(holy)}
    assert gaps <= {6, 7, 8}
    assert date(2026, 5, 1) in {o.start for o in holy}  # Visak Bochea, a full moon


def test_holidays_only_filter(builtin: Schedule) -> None:
    found = builtin.year(2026, Filter(holidays_only=True))
    assert found and all(o.holiday for o in found)
    assert "fall-of-phnom-penh" not in {o.id for o in found}


def test_upcoming_counts_a_day_running_today(builtin: Schedule) -> None:
    # Pchum Ben 2026 runs 10-12 October: on the 11th it is still "next", 0 days to go.
    first = builtin.upcoming(date(2026, 10, 11), 1)[0]
    assert (first.id, first.days_until(date(2026, 10, 11))) == ("pchum-ben", 0)


def test_upcoming_crosses_the_year(builtin: Schedule) -> None:
    found = builtin.upcoming(date(2026, 12, 30), 2, Filter(holidays_only=True))
    assert [(o.id, o.start) for o in found] == [
        ("international-new-year", date(2027, 1, 1)),
        ("victory-over-genocide", date(2027, 1, 7)),
    ]


def test_out_of_range_years_are_errors(builtin: Schedule) -> None:
    with pytest.raises(DateRangeError, match="outside the supported range 1800-2200"):
        builtin.year(2201)
    with pytest.raises(DateRangeError):
        builtin.upcoming(date(1799, 12, 31), 1)
    assert builtin.year(2200)
    assert builtin.year(1800)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), st.integers(1, 12))
def test_upcoming_is_sorted_and_never_before_today(today: date, count: int) -> None:
    schedule = _SHARED
    found = schedule.upcoming(today, count)
    assert len(found) == count
    assert all(o.end >= today for o in found)
    assert [(o.start, o.id) for o in found] == sorted((o.start, o.id) for o in found)
    # Nothing was skipped: every occurrence between today and the last one found is in the list.
    last = found[-1].start
    between = [o for o in schedule.between(today, last) if o.start <= last and o.end >= today]
    assert len(between) >= count
    assert {(o.id, o.start) for o in found} <= {(o.id, o.start) for o in between}


@settings(max_examples=40, deadline=None)
@given(st.integers(1900, 2100))
def test_days_off_are_the_dates_of_holiday_occurrences(year: int) -> None:
    schedule = _SHARED
    expected: set[date] = set()
    for y in (year - 1, year):
        for occ in schedule.year(y, Filter(holidays_only=True)):
            day = occ.start
            while day <= occ.end:
                if day.year == year:
                    expected.add(day)
                day += timedelta(days=1)
    assert set(schedule.days_off(year)) == expected


_SHARED = Schedule(catalogue.load([]))


def test_upcoming_reads_this_year_even_when_last_year_already_gives_enough() -> None:
    # A day in lieu of 2016 falls on 2 January 2017 here; New Year's Day 2017 must still come first.
    text = """
[[in_lieu]]
since = 2016
until = 2016
weekdays = ["sat"]
sources = ["Test rule"]

[[observances]]
id = "last-day"
name = "Last day"
category = "national"
rule = { kind = "fixed", month = 12, day = 31 }
description = "Test."
[[observances.holiday]]

[[observances]]
id = "first-day"
name = "First day"
category = "national"
rule = { kind = "fixed", month = 1, day = 1 }
description = "Test."
[[observances.holiday]]
"""
    schedule = Schedule(catalogue.parse_text(text))
    # 31 December 2016 was a Saturday; 1 January 2017 is a day off, so the day in lieu is 2 January.
    assert [(o.id, o.start) for o in schedule.upcoming(date(2017, 1, 1), 2)] == [
        ("first-day", date(2017, 1, 1)),
        ("last-day-in-lieu", date(2017, 1, 2)),
    ]
    assert [(o.id, o.start) for o in schedule.upcoming(date(2017, 1, 1), 1)] == [
        ("first-day", date(2017, 1, 1))
    ]


def test_published_totals_match_the_rules() -> None:
    # Each year's sub-decree gives a total of holiday-days: two holidays on one date count twice (2022),
    # a day off later cancelled still counts (the 2020 New Year), and neither days in lieu nor later one-off
    # decrees (the August 2020 replacement days) are part of it. The totals are in the data, with sources.
    cat = catalogue.load([])
    schedule = Schedule(cat)
    checked = 0
    for year, published in cat.published.items():
        if published.total is None:
            continue
        listed = 0
        for occ in schedule.year(year, Filter(categories=None)):
            obs = occ.observance
            if occ.in_lieu_of is not None or isinstance(obs.rule, OnceRule) or obs.period(year) is None:
                continue
            listed += occ.days
        assert listed == published.total, year
        checked += 1
    assert checked >= 10


def test_a_users_own_observances_have_status_user(tmp_path: Path) -> None:
    # A company day from the user's file is neither published nor projected: it is the user's own.
    path = tmp_path / "company.toml"
    path.write_text(
        """
[[observances]]
id = "company-day"
name = "Company Day"
category = "company"
rule = { kind = "fixed", month = 5, day = 1 }
description = "Our founding day."
[[observances.holiday]]
since = 2000

[[observances]]
id = "victory-over-genocide"
name = "Victory Day, the user's way"
category = "national"
rule = { kind = "fixed", month = 1, day = 8 }
description = "Replaced by the user."
[[observances.holiday]]
since = 1980

[[in_lieu]]
since = 2026
weekdays = ["fri"]
sources = ["Company rule"]
""",
        encoding="utf-8",
    )
    schedule = Schedule(catalogue.load([path]))
    found = {(o.id, o.status) for o in schedule.year(2026)}
    assert ("company-day", "user") in found and ("victory-over-genocide", "user") in found
    assert ("international-labour-day", "official") in found  # the built-in catalogue is unchanged
    assert ("company-day-in-lieu", "user") in found  # 1 May 2026 is a Friday
    assert {o.status for o in schedule.year(2027) if o.observance.user} == {"user"}
    assert {o.status for o in schedule.year(2027) if not o.observance.user} == {"projected"}
    # A file loaded as the catalogue itself (no built-in under it) keeps official and projected.
    alone = Schedule(catalogue.load([path], builtin=False))
    assert {o.status for o in alone.year(2026)} == {"projected"}
    # The feed says where a user day's dates come from, and never calls it projected.
    from khcal.feeds import ics

    feed = ics.build(schedule, ics.FeedOptions(2027, 2027, categories=("company",)))
    events = feed.decode().replace("\r\n ", "").split("BEGIN:VEVENT")[1:]
    assert events and all("Dates from your own definitions file." in e for e in events)
    assert not any("projected" in e for e in events)
