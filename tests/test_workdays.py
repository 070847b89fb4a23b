"""Working-day arithmetic (khcal.core.workdays), on a small made-up calendar and on the built-in catalogue.

Expected dates for the real catalogue come from the published lists of days off (the sub-decrees) and the
Ministry of Labour's announcements of days in lieu; weekdays come from the Gregorian calendar.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khcal.core import definitions as catalogue
from khcal.core.schedule import Schedule
from khcal.core.workdays import SAT_SUN, WorkCalendar, parse_sector, parse_weekend, weekend_text
from khcal.errors import BadValueError, DateRangeError

D = date.fromisoformat


@dataclass(frozen=True)
class FakeOff:
    """Stands in for an Occurrence: the calendar only reads id and scope."""

    id: str
    scope: str = "public"


def fake_days_off(days: Mapping[str, FakeOff]) -> Any:
    table = {D(k): (v,) for k, v in days.items()}

    def days_off(year: int) -> Mapping[date, Sequence[FakeOff]]:
        if not 1990 <= year <= 2040:
            raise DateRangeError(f"year {year} is outside the test range")
        return {d: v for d, v in table.items() if d.year == year}

    return days_off


# June 2025: Mon 2, ..., a holiday on Thu 12, a private-sector-only day on Mon 16.
JUNE = fake_days_off(
    {"2025-06-12": FakeOff("thursday-feast"), "2025-06-16": FakeOff("lieu", "private-sector")}
)


def cal(**kwargs: Any) -> WorkCalendar:
    return WorkCalendar(JUNE, **kwargs)


# --- --weekend -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sat,sun", {5, 6}),
        ("sun", {6}),
        ("SAT, Sun", {5, 6}),
        ("fri,sat", {4, 5}),
        ("none", set()),
        ("sun,sun", {6}),
        ("saturday,sunday", {5, 6}),
        (["sat", "sun"], {5, 6}),  # the settings file's array form
        (["Sunday"], {6}),
        ([], set()),
    ],
)
def test_parse_weekend(text: str | list[str], expected: set[int]) -> None:
    assert parse_weekend(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "'' is not a day of the week"),
        ("sat,", "'' is not a day of the week"),
        ("sat;sun", "'sat;sun' is not a day of the week"),
        ("sat,satday", "'satday' is not a day of the week (did you mean 'sat'?)"),
        ("mon,tue,wed,thu,fri,sat,sun", "leave at least one working day"),
        ("7", "'7' is not a day of the week"),
        ([7], "'7' is not a day of the week"),
    ],
)
def test_parse_weekend_rejects(text: str | list[object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_weekend(text)  # type: ignore[arg-type]


def test_the_core_names_no_option() -> None:
    # What is wrong, never where it came from: the caller adds the option, variable or setting.
    with pytest.raises(BadValueError, match=r"^'fun' is not a day of the week"):
        parse_weekend("sat,fun")
    with pytest.raises(BadValueError, match=r"^'state' is not one of private, public$"):
        parse_sector("state")
    with pytest.raises(BadValueError, match=r"^every day of the week is a weekend day"):
        WorkCalendar(lambda year: {}, weekend=frozenset(range(7)))


def test_weekend_text_round_trips() -> None:
    assert weekend_text(SAT_SUN) == "sat,sun"
    assert weekend_text(frozenset()) == "none"
    assert parse_weekend(weekend_text(frozenset({0, 6}))) == {0, 6}


def test_bad_sector() -> None:
    with pytest.raises(BadValueError, match=r"^'both' is not one of private, public"):
        cal(sector="both")


# --- single days ---------------------------------------------------------------------------------------


def test_weekend_and_day_off_are_not_worked() -> None:
    c = cal()
    assert c.is_workday(D("2025-06-11"))  # Wednesday
    assert not c.is_workday(D("2025-06-12"))  # the feast
    assert not c.is_workday(D("2025-06-14"))  # Saturday
    assert not c.is_workday(D("2025-06-15"))  # Sunday
    assert [o.id for o in c.reasons(D("2025-06-12"))] == ["thursday-feast"]
    assert c.reasons(D("2025-06-14")) == ()


def test_sunday_only_weekend_works_saturdays() -> None:
    c = cal(weekend=frozenset({6}))
    assert c.is_workday(D("2025-06-14"))
    assert not c.is_workday(D("2025-06-15"))


def test_private_sector_day_in_lieu_counts_for_private_only() -> None:
    assert not cal(sector="private").is_workday(D("2025-06-16"))
    public = cal(sector="public")
    assert public.is_workday(D("2025-06-16"))
    assert public.reasons(D("2025-06-16")) == ()
    assert [o.id for o in public.private_only(D("2025-06-16"))] == ["lieu"]


def test_extra_off() -> None:
    c = cal(extra_off=frozenset({D("2025-06-11")}))
    assert not c.is_workday(D("2025-06-11"))
    assert c.is_day_off(D("2025-06-11"))
    assert c.is_extra(D("2025-06-11"))
    assert c.reasons(D("2025-06-11")) == ()


# --- arithmetic ----------------------------------------------------------------------------------------


def test_count_inclusive_and_order_free() -> None:
    c = cal()
    # 2-13 June: 10 weekdays, less the feast on the 12th.
    assert c.count(D("2025-06-02"), D("2025-06-13")) == 9
    assert c.count(D("2025-06-13"), D("2025-06-02")) == 9
    assert c.count(D("2025-06-11"), D("2025-06-11")) == 1
    assert c.count(D("2025-06-14"), D("2025-06-15")) == 0
    assert cal(weekend=frozenset({6})).count(D("2025-06-02"), D("2025-06-15")) == 11


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        ("2025-06-11", 1, "2025-06-13"),  # Wed + 1 skips the feast on Thursday
        ("2025-06-11", 2, "2025-06-17"),  # then the weekend and the private-sector Monday
        ("2025-06-13", -1, "2025-06-11"),
        ("2025-06-17", -2, "2025-06-11"),
        ("2025-06-11", 0, "2025-06-11"),  # a working day stays
        ("2025-06-14", 0, "2025-06-17"),  # a Saturday rolls forward
        ("2025-06-02", 5, "2025-06-09"),
        ("2025-06-09", -5, "2025-06-02"),
    ],
)
def test_add(start: str, n: int, expected: str) -> None:
    assert cal().add(D(start), n) == D(expected)


def test_next_and_prev_are_strict() -> None:
    c = cal()
    assert c.next(D("2025-06-11")) == D("2025-06-13")
    assert c.add(D("2025-06-13"), -1) == D("2025-06-11")
    assert c.next(D("2025-06-13")) == D("2025-06-17")
    assert cal(sector="public").next(D("2025-06-13")) == D("2025-06-16")
    assert cal(weekend=frozenset({6})).next(D("2025-06-13")) == D("2025-06-14")


def test_add_past_the_supported_range_is_an_error() -> None:
    with pytest.raises(DateRangeError):
        cal().add(D("2040-12-30"), 5)


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2001, 1, 1), max_value=date(2029, 1, 1)),
    n=st.integers(min_value=-300, max_value=300),
    weekend=st.sampled_from([SAT_SUN, frozenset({6}), frozenset()]),
)
def test_add_and_count_agree(start: date, n: int, weekend: frozenset[int]) -> None:
    c = cal(weekend=weekend)
    end = c.add(start, n)
    assert c.is_workday(end)
    if n > 0:
        assert end > start
        assert c.count(start + timedelta(days=1), end) == n
    elif n < 0:
        assert end < start
        assert c.count(end, start - timedelta(days=1)) == -n
    if c.is_workday(start):
        assert c.add(end, -n) == start


# --- long weekends -------------------------------------------------------------------------------------


def test_long_weekends_and_bridges() -> None:
    runs, bridges = cal().long_weekends(D("2025-06-01"), D("2025-06-30"))
    # Sat 14 - Mon 16 (the private-sector Monday) is a run of 3.
    assert [(r.start, r.end, r.days) for r in runs] == [(D("2025-06-14"), D("2025-06-16"), 3)]
    # Friday 13 joins the feast (Thu 12) to that run: Thu 12 - Mon 16.
    assert [(b.day, b.joined.start, b.joined.end) for b in bridges] == [
        (D("2025-06-13"), D("2025-06-12"), D("2025-06-16"))
    ]


def test_plain_weekends_are_not_long_weekends() -> None:
    c = cal(weekend=frozenset({4, 5, 6}))
    runs, _ = c.long_weekends(D("2025-06-01"), D("2025-06-08"))
    assert runs == []


# --- the built-in catalogue ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return Schedule(catalogue.load([]))


def real(schedule: Schedule, **kwargs: Any) -> WorkCalendar:
    return WorkCalendar(schedule.days_off, **kwargs)


@pytest.mark.parametrize(
    "day",
    [
        # Days in lieu announced by the Ministry of Labour for the private sector, 2018-2020.
        "2018-04-17",
        "2018-05-21",
        "2019-09-30",
        "2019-11-13",
        "2020-05-11",
        "2020-11-02",
    ],
)
def test_private_sector_days_in_lieu(schedule: Schedule, day: str) -> None:
    assert not real(schedule).is_workday(D(day))
    assert real(schedule, sector="public").is_workday(D(day))


def test_no_days_in_lieu_after_2021(schedule: Schedule) -> None:
    # 2023-01-01 (International New Year) fell on a Sunday; the 2021 Labour Law amendment ended days in lieu.
    assert D("2023-01-01").weekday() == 6
    assert real(schedule).is_workday(D("2023-01-02"))


def test_2020_new_year_was_worked_and_august_given(schedule: Schedule) -> None:
    c = real(schedule)
    for day in ("2020-04-13", "2020-04-14", "2020-04-15", "2020-04-16"):
        assert c.is_workday(D(day)), day
    for day in ("2020-08-17", "2020-08-18", "2020-08-19", "2020-08-20", "2020-08-21"):
        assert not c.is_workday(D(day)), day
    # 10-21 August 2020: ten weekdays, five of them given back.
    assert c.count(D("2020-08-10"), D("2020-08-21")) == 5


def test_april_2026(schedule: Schedule) -> None:
    # April 2026 has 22 weekdays; the New Year takes 14-16 April (published list for 2026).
    assert real(schedule).count(D("2026-04-01"), D("2026-04-30")) == 19
    # Six-day week: 26 Monday-Saturdays, less the three New Year days.
    assert real(schedule, weekend=frozenset({6})).count(D("2026-04-01"), D("2026-04-30")) == 23


def test_water_festival_2026_is_a_long_weekend(schedule: Schedule) -> None:
    # Water Festival 23-25 November 2026 (Monday to Wednesday), after a weekend.
    runs, _ = real(schedule).long_weekends(D("2026-11-01"), D("2026-11-30"))
    assert (D("2026-11-21"), D("2026-11-25")) in [(r.start, r.end) for r in runs]
