"""The month grid model of `khcal cal`: layout, marks and lunar days.

Dates checked against src/khcal/core/khmer_calendar.md (holy days) and Sub-Decree No. 167 for 2026: Visak
Bochea (15th waxing day of Pisakh) on 1 May 2026; Pchum Ben (14th, 15th waning of Photrobot, 1st waxing of
Assoch) on 10-12 Oct 2026; Water Festival (14th, 15th waxing of Kadeuk, 1st waning) on 23-25 Nov 2026; the
Khmer New Year on 14-16 Apr 2026. Weekdays from any printed calendar: 1 January 2026 is a Thursday,
1 February 2026 a Sunday.
"""

from __future__ import annotations

from datetime import date

import pytest

from khcal.core import definitions as catalogue
from khcal.core.schedule import Filter, Schedule
from khcal.errors import DateRangeError
from khcal.views.grid import HOLY, OBSERVANCE, OFF, Cell, MonthGrid, month_grid, year_grids


@pytest.fixture(scope="module")
def schedule() -> Schedule:
    return Schedule(catalogue.load([]))


def cell(grid: MonthGrid, day: int) -> Cell:
    return next(c for c in grid.cells if c.day.day == day)


def test_layout_monday_first(schedule: Schedule) -> None:
    grid = month_grid(schedule, 2026, 1, date(2026, 1, 2), Filter())
    assert grid.columns == (0, 1, 2, 3, 4, 5, 6)
    first_week = grid.weeks[0]
    # 1 January 2026 is a Thursday: three empty cells before it.
    assert first_week[:3] == (None, None, None)
    assert first_week[3] is not None and first_week[3].day == date(2026, 1, 1)
    assert len(grid.cells) == 31
    assert all(len(week) == 7 for week in grid.weeks)
    assert [c.day.day for c in grid.cells] == list(range(1, 32))
    # Every cell sits in the column of its weekday.
    for week in grid.weeks:
        for column, c in enumerate(week):
            if c is not None:
                assert c.day.weekday() == grid.columns[column]


def test_layout_sunday_first(schedule: Schedule) -> None:
    grid = month_grid(schedule, 2026, 2, date(2026, 1, 2), Filter(), first_weekday=6)
    assert grid.columns == (6, 0, 1, 2, 3, 4, 5)
    # 1 February 2026 is a Sunday: the month starts in the first column and fills exactly four weeks.
    assert grid.weeks[0][0] is not None and grid.weeks[0][0].day == date(2026, 2, 1)
    assert len(grid.weeks) == 4
    monday_first = month_grid(schedule, 2026, 2, date(2026, 1, 2), Filter())
    assert len(monday_first.weeks) == 5
    assert monday_first.weeks[0][:6] == (None,) * 6


def test_today_and_weekend(schedule: Schedule) -> None:
    grid = month_grid(schedule, 2026, 1, date(2026, 1, 2), Filter())
    assert [c.day.day for c in grid.cells if c.today] == [2]
    assert [c.day.day for c in grid.cells if c.weekend][:4] == [3, 4, 10, 11]
    # A Friday-Saturday weekend, as some employers keep.
    other = month_grid(schedule, 2026, 1, date(2026, 1, 2), Filter(), weekend=(4, 5))
    assert [c.day.day for c in other.cells if c.weekend][:4] == [2, 3, 9, 10]
    elsewhere = month_grid(schedule, 2026, 2, date(2026, 1, 2), Filter())
    assert not any(c.today for c in elsewhere.cells)


def test_days_off_and_observances(schedule: Schedule) -> None:
    april = month_grid(schedule, 2026, 4, date(2026, 4, 1), Filter())
    off = [c.day.day for c in april.cells if c.day_off]
    assert off == [14, 15, 16]  # the Khmer New Year of the 2026 sub-decree
    assert cell(april, 14).mark == OFF
    # 17 April, the fall of Phnom Penh, is remembered but not a day off.
    assert cell(april, 17).mark == OBSERVANCE
    assert {o.id for o in april.occurrences} == {
        "rwanda-genocide-reflection",
        "khmer-new-year",
        "fall-of-phnom-penh",
    }


def test_holy_days_from_published_festivals(schedule: Schedule) -> None:
    may = month_grid(schedule, 2026, 5, date(2026, 5, 1), Filter())
    visak = cell(may, 1)
    assert visak.lunar.day == 15 and visak.lunar.phase == "waxing" and visak.lunar.month == "pisakh"
    assert visak.holy_day and visak.day_off
    assert visak.mark == OFF  # the day off wins the single mark
    # 8th waning day of Pisakh: a week and a day after the full moon of 1 May.
    assert cell(may, 9).holy_day and cell(may, 9).mark == HOLY
    october = month_grid(schedule, 2026, 10, date(2026, 5, 1), Filter())
    # Pchum Ben 10-12 Oct: 11 Oct is the 15th waning day, the last of a 30-day Photrobot.
    assert (cell(october, 11).lunar.day, cell(october, 11).lunar.phase) == (15, "waning")
    assert cell(october, 11).holy_day
    # 12 Oct is the 1st waxing day of Assoch, so the 8th and 15th waxing days are 19 and 26 Oct.
    assert [c.day.day for c in october.cells if c.holy_day and c.lunar.month == "assoch"][:2] == [19, 26]
    november = month_grid(schedule, 2026, 11, date(2026, 5, 1), Filter())
    # Water Festival 23-25 Nov: the 15th waxing day of Kadeuk is the 24th.
    assert cell(november, 24).lunar.day == 15 and cell(november, 24).holy_day
    assert [c.day.day for c in november.cells if c.day_off][-3:] == [23, 24, 25]


def test_filters(schedule: Schedule) -> None:
    only_off = month_grid(schedule, 2026, 4, date(2026, 4, 1), Filter(holidays_only=True))
    assert {c.mark for c in only_off.cells} == {OFF, None}
    assert [o.id for o in only_off.occurrences] == ["khmer-new-year"]
    holy = month_grid(schedule, 2026, 4, date(2026, 4, 1), Filter(categories=frozenset({"holy-day"})))
    assert not any(c.observance for c in holy.cells)
    assert any(c.mark == HOLY for c in holy.cells)
    # Days off stay marked whatever the categories asked for.
    remembrance = month_grid(
        schedule, 2026, 4, date(2026, 4, 1), Filter(categories=frozenset({"remembrance"}))
    )
    assert [c.day.day for c in remembrance.cells if c.day_off] == [14, 15, 16]
    assert [o.id for o in remembrance.occurrences] == ["rwanda-genocide-reflection", "fall-of-phnom-penh"]
    assert not any(c.holy_day for c in remembrance.cells)


def test_year_matches_months(schedule: Schedule) -> None:
    grids = year_grids(schedule, 2026, date(2026, 1, 2), Filter())
    assert [g.month for g in grids] == list(range(1, 13))
    assert sum(len(g.cells) for g in grids) == 365
    assert grids[3] == month_grid(schedule, 2026, 4, date(2026, 1, 2), Filter())
    # The 2026 list has 21 distinct days off (Visak Bochea shares 1 May with Labour Day).
    assert sum(c.day_off for g in grids for c in g.cells) == 21


def test_range(schedule: Schedule) -> None:
    with pytest.raises(DateRangeError):
        month_grid(schedule, 2201, 1, date(2026, 1, 2), Filter())
    first = month_grid(schedule, 1800, 1, date(2026, 1, 2), Filter())
    last = month_grid(schedule, 2200, 12, date(2026, 1, 2), Filter())
    assert len(first.cells) == 31 and len(last.cells) == 31
