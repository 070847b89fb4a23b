"""khcal's days off, year by year, against the lists published for 2015-2026.

Each year's expected dates were typed in from the published list (sub-decree, Ministry of Labour prakas or
notification, or a page reproducing them), not from khcal's output; the source is named beside each year.
The days in lieu are those of the Sunday clause of the 2015-2017 sub-decrees (public) and of the Labour
Law as applied by the Ministry of Labour in 2018-2020 (private sector): the first following day that is
neither a holiday nor a Sunday. Dates are MM-DD; "MM-DD..MM-DD" is an inclusive run of days.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from typing import Any

import pytest
from typer.testing import CliRunner

from khcal.cli import app

TODAY = "2026-01-15"

PUBLISHED: dict[int, tuple[str, ...]] = {
    # 2015: sub-decree of late 2014, 27 days (business-partners.asia, syakai-20141015); Khmer New Year
    # 14-16 Apr (ECCC court schedule); lunar days per python-holidays tests; Pchum Ben 11-13 Oct, 15, 23,
    # 29 Oct and Water Festival 24-26 Nov (asiaclickglobe, "Water festival in Phnom Penh", Dec 2015).
    # In lieu (Sunday clause, Q++ Studio "Cambodia 2018 public holidays amended"): 8 Mar -> 9 Mar,
    # 11 Oct -> 14 Oct (12-13 Oct are holidays).
    2015: (
        "01-01", "01-07", "02-03", "03-08", "03-09", "04-14..04-16", "05-01", "05-02", "05-06",
        "05-13..05-15", "06-01", "06-18", "09-24", "10-11..10-13", "10-14", "10-15", "10-23", "10-29",
        "11-09", "11-24..11-26", "12-10",
    ),
    # 2016: sub-decree of 5 Oct 2015 (Q++ Studio); list reproduced by savongschool.wordpress.com "Holidays
    # in Cambodia, 2016"; Khmer New Year 13-16 Apr by Ministry of Labour Notification No. 080/16 of
    # 31 Mar 2016 (EuroCham). In lieu: 1 May -> 2 May and 15 May -> 16 May (python-holidays specials),
    # 2 Oct -> 3 Oct ("some sources include October 3rd", savongschool), 23 Oct -> 24 Oct,
    # 13 Nov -> 16 Nov (14-15 Nov are holidays).
    2016: (
        "01-01", "01-07", "02-22", "03-08", "04-13..04-16", "05-01", "05-02", "05-13..05-15", "05-16",
        "05-20", "05-24", "06-01", "06-18", "09-24", "09-30..10-02", "10-03", "10-15", "10-23", "10-24",
        "10-29", "11-09", "11-13..11-15", "11-16", "12-10",
    ),
    # 2017: Sub-Decree No. 223 of 14 Nov 2016 and Prakas No. 466 (B2B Cambodia, "Working with Cambodia's
    # numerous official public holidays"; pulse.asia "Cambodian public holidays 2017"). In lieu: 2 Jan,
    # 17 Apr and 16 May (yongyap.com "Cambodia public holidays"); 19 Jun, 25 Sep, 16 Oct, 30 Oct, 11 Dec by
    # the Sunday clause. 14 May is both the King's Birthday and Royal Ploughing: one day in lieu (16 May),
    # the only one attested.
    2017: (
        "01-01", "01-02", "01-07", "02-11", "03-08", "04-14..04-16", "04-17", "05-01", "05-10",
        "05-13..05-15", "05-16", "06-01", "06-18", "06-19", "09-19..09-21", "09-24", "09-25", "10-15",
        "10-16", "10-23", "10-29", "10-30", "11-02..11-04", "11-09", "12-10", "12-11",
    ),
    # 2018: sub-decree of late 2017 amended by Sub-Decree No. 19 of Feb 2018 adding 20 May (Q++ Studio);
    # dates per cyclebodia.com "Public holidays in Cambodia". Private-sector days in lieu: 17 Apr (Ministry
    # of Labour Notification No. 010/18, hrm-cambodia.blogspot.com 2018/03), 21 May (python-holidays), and
    # by the same Labour Law rule 8 Jan, 30 Apr, 16 May (14-15 May are holidays).
    2018: (
        "01-01", "01-07", "01-08", "01-31", "03-08", "04-14..04-16", "04-17", "04-29", "04-30", "05-01",
        "05-03", "05-13..05-15", "05-16", "05-20", "05-21", "06-01", "06-18", "09-24", "10-08..10-10",
        "10-15", "10-23", "10-29", "11-09", "11-21..11-23", "12-10",
    ),
    # 2019: sub-decree of 4 Oct 2018 (ECCC "Court holidays 2019"). Private-sector days in lieu: 30 Sep
    # (publicholidaynews.com, 2019-09-06 Pchum Ben notification), 13 Nov (cne.wtf 2019-10-28 "Ministry
    # announces 4 paid day Water Festival"), 17 Apr by the same rule (15-16 Apr are holidays).
    2019: (
        "01-01", "01-07", "02-19", "03-08", "04-14..04-16", "04-17", "05-01", "05-13..05-15", "05-18",
        "05-20", "05-22", "06-01", "06-18", "09-24", "09-27..09-29", "09-30", "10-15", "10-23", "10-29",
        "11-09", "11-10..11-12", "11-13", "12-10",
    ),
    # 2020: Sub-Decree No. 112 of 2 Aug 2019 (EuroCham press release, 22 days); Khmer New Year 13-16 Apr
    # postponed and worked (Ministry of Labour notification of 7 Apr 2020, IBC), replaced by 17-21 Aug
    # (Prime Minister's announcement of 14 Jul 2020, Khmer Post Asia); Pchum Ben 16-18 Sep (Ministry of
    # Labour notice of 3 Sep 2020, IBC). Private-sector days in lieu: 9 Mar (publicholidays.asia), 11 May
    # (python-holidays), 2 Nov (Notification No. 034/20 of 26 Oct 2020, sbclex.com).
    2020: (
        "01-01", "01-07", "03-08", "03-09", "05-01", "05-06", "05-10", "05-11", "05-14", "06-18",
        "08-17..08-21", "09-16..09-18", "09-24", "10-15", "10-29", "10-30..11-01", "11-02", "11-09",
    ),
    # 2021: Sub-Decree No. 131 of 26 Aug 2020 (cne.wtf 2020-12-03 "21 public holidays, many long weekends
    # for 2021"); no holiday fell on a Sunday.
    2021: (
        "01-01", "01-07", "03-08", "04-14..04-16", "04-26", "04-30", "05-01", "05-14", "06-18", "09-24",
        "10-05..10-07", "10-15", "10-29", "11-09", "11-18..11-20",
    ),
    # 2022: Sub-Decree No. 145 of 19 Aug 2021 (ECCC "Official court holidays 2022"; PRASAC public holiday
    # page, which adds 6 Jun, the day off after the commune elections). No days in lieu from 2022 (Labour
    # Law amendment of Oct 2021, noplegal.com 2021-11-26).
    2022: (
        "01-01", "01-07", "03-08", "04-14..04-16", "05-01", "05-14", "05-15", "05-19", "06-06", "06-18",
        "09-24..09-26", "10-15", "10-29", "11-07..11-09",
    ),
    # 2023: Sub-Decree No. 166 of 12 Aug 2022 (IBC "List of public holidays in 2023").
    2023: (
        "01-01", "01-07", "03-08", "04-14..04-16", "05-01", "05-04", "05-08", "05-14", "06-18", "09-24",
        "10-13..10-15", "10-29", "11-09", "11-26..11-28",
    ),
    # 2024: Ministry of Labour Prakas of 2 Oct 2023, 22 days (Phnom Penh Post "Public holidays announced
    # for 2024: 22 days"; Khmer New Year 13-16 Apr, angkortimes.com), plus Peace Day 29 Dec by the
    # sub-decree of 1 Jan 2024 (VietnamPlus).
    2024: (
        "01-01", "01-07", "03-08", "04-13..04-16", "05-01", "05-14", "05-22", "05-26", "06-18", "09-24",
        "10-01..10-03", "10-15", "10-29", "11-09", "11-14..11-16", "12-29",
    ),
    # 2025: Ministry of Labour Prakas No. 218/24 of 9 Oct 2024 (Anant Law Firm "Paid public holidays in
    # 2025").
    2025: (
        "01-01", "01-07", "03-08", "04-14..04-16", "05-01", "05-11", "05-14", "05-15", "06-18",
        "09-21..09-23", "09-24", "10-15", "10-29", "11-04..11-06", "11-09", "12-29",
    ),
    # 2026: Sub-Decree No. 167 and Ministry of Labour Prakas No. 216/25 (KB Prasac Bank public holiday
    # list); Visak Bochea falls on Labour Day, 1 May.
    2026: (
        "01-01", "01-07", "03-08", "04-14..04-16", "05-01", "05-05", "05-14", "06-18", "09-24",
        "10-10..10-12", "10-15", "10-29", "11-09", "11-23..11-25", "12-29",
    ),
}  # fmt: skip


def expand(year: int, specs: tuple[str, ...]) -> set[date]:
    out: set[date] = set()
    for spec in specs:
        first, _, last = spec.partition("..")
        day = date.fromisoformat(f"{year}-{first}")
        end = date.fromisoformat(f"{year}-{last or first}")
        while day <= end:
            out.add(day)
            day += timedelta(days=1)
    return out


def run_json(*args: str) -> Any:
    result = CliRunner().invoke(app, [*args, "--json", "--today", TODAY])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def listed() -> list[dict[str, Any]]:
    return run_json("list", "--holidays", "--from", "2015", "--to", "2026")  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def days_off_by_year(listed: list[dict[str, Any]]) -> dict[int, set[date]]:
    found: dict[int, set[date]] = defaultdict(set)
    for occ in listed:
        day, end = date.fromisoformat(occ["start"]), date.fromisoformat(occ["end"])
        while day <= end:
            found[day.year].add(day)
            day += timedelta(days=1)
    return found


@pytest.mark.parametrize("year", sorted(PUBLISHED))
def test_days_off_match_the_published_list(year: int, days_off_by_year: dict[int, set[date]]) -> None:
    expected = expand(year, PUBLISHED[year])
    got = days_off_by_year[year]
    assert sorted(got - expected) == [], "days off khcal gives that the published list does not"
    assert sorted(expected - got) == [], "published days off khcal misses"


def test_the_table_covers_2015_to_2026() -> None:
    assert sorted(PUBLISHED) == list(range(2015, 2027))


def test_2015_to_2026_are_official(listed: list[dict[str, Any]]) -> None:
    assert listed
    assert {occ["status"] for occ in listed} == {"official"}
    everything = run_json("list", "--from", "2015", "--to", "2026")
    assert {occ["status"] for occ in everything} == {"official"}


def test_2027_is_projected() -> None:
    found = run_json("list", "--year", "2027")
    assert found
    assert {occ["status"] for occ in found} == {"projected"}
    days_off = run_json("list", "--year", "2027", "--holidays")
    assert days_off
    assert {occ["status"] for occ in days_off} == {"projected"}
