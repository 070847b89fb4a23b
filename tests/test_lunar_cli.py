"""`khcal lunar` and the New Year in `khcal show khmer-new-year`, through the command line.

Expected values come from published sources named beside each case (public holiday lists, Khmer calendar
software's documented examples, New Year announcements), or from the rules of src/khcal/core/khmer_calendar.md
worked by hand; never from khcal's own output.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from khcal.cli import app
from khcal.cli.dates import LUNAR_TABLE_MAX_DAYS

TODAY = "2026-01-15"
ENV = {"COLUMNS": "120", "NO_COLOR": "1", "KHCAL_LANG": None, "KHCAL_TZ": None}

MONTHS = {
    "migasir", "boss", "meak", "phalkun", "cheit", "pisakh", "jesth", "asadh", "pathamasadh", "tutiyasadh",
    "srap", "photrobot", "assoch", "kadeuk",
}  # fmt: skip
ANIMALS = {
    "rat",
    "ox",
    "tiger",
    "rabbit",
    "dragon",
    "snake",
    "horse",
    "goat",
    "monkey",
    "rooster",
    "dog",
    "pig",
}
CONTRACT_KEYS = {
    "date", "day", "phase", "month", "month_km", "be_year", "animal_year", "sak", "holy_day",
}  # fmt: skip


def run(*args: str) -> Any:
    return CliRunner(env=ENV).invoke(app, [*args, "--today", TODAY])


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return str(result.stdout)


def ok_json(*args: str) -> Any:
    return json.loads(ok(*args, "--json"))


def check_contract(obj: dict[str, Any]) -> None:
    assert set(obj) >= CONTRACT_KEYS
    date.fromisoformat(obj["date"])
    assert isinstance(obj["day"], int) and 1 <= obj["day"] <= 15
    assert obj["phase"] in ("waxing", "waning")
    assert obj["month"] in MONTHS
    assert isinstance(obj["month_km"], str) and obj["month_km"]
    assert isinstance(obj["be_year"], int)
    assert obj["animal_year"] in ANIMALS
    assert isinstance(obj["sak"], int) and 0 <= obj["sak"] <= 9
    assert isinstance(obj["holy_day"], bool)


# --- one day -----------------------------------------------------------------------------------------


def test_visak_bochea_2026_in_khmer() -> None:
    # Visak Bochea 2026 is Friday 1 May (Sub-Decree No. 167 / Prakas No. 216/25): the 15th waxing day of
    # Pisakh. Horse year (the New Year of 14 April 2026 began it), sak 8 (JS 2026 - 638 = 1388 from Leungsak),
    # and BE 2569 until the next day (FACTS section 4). The order of the parts is that of Khmer calendars.
    out = ok("lunar", "2026-05-01", "--lang", "km", "--plain")
    assert out == "២០២៦-០៥-០១  ថ្ងៃសុក្រ ១៥កើត ខែពិសាខ ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩ (ថ្ងៃសីល)\n"


def test_visak_bochea_2026_in_english() -> None:
    out = ok("lunar", "2026-05-01", "--plain")
    assert out == "2026-05-01  Friday, 15th waxing day of Pisakh, Horse year, Attha Sak, BE 2569 (Holy day)\n"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        # momentkh's README example for 15 December 2018 (it spells the sak សំរឹទ្ធស័ក; its own table of
        # era names, which khcal follows, writes សំរឹទ្ធិស័ក).
        ("2018-12-15", "ថ្ងៃសៅរ៍ ៨កើត ខែមិគសិរ ឆ្នាំច សំរឹទ្ធិស័ក ព.ស. ២៥៦២"),
        # dayjskh's README example, a Monday 12th waxing day of Srap in the rabbit year 2023.
        ("2023-08-28", "ថ្ងៃច័ន្ទ ១២កើត ខែស្រាពណ៍ ឆ្នាំថោះ បញ្ចស័ក ព.ស. ២៥៦៧"),
    ],
)
def test_examples_of_khmer_calendar_software(day: str, expected: str) -> None:
    found = ok_json("lunar", day, "--lang", "km")
    assert found["text"] == expected


def test_json_of_one_day_is_the_contract_object() -> None:
    # Visak Bochea 2024 is Wednesday 22 May (Phnom Penh Post, 2024 list): 15th waxing day of Pisakh, a holy
    # day, dragon year, sak 6 (JS 1386). The Buddhist Era changes the day after Visak Bochea (FACTS section
    # 4; cambodia-picturetour.com: "2556 BE will be finished on the full moon day of Pisakh ... the next day
    # is the beginning of 2557 BE"), so 22 May 2024 is still BE 2567.
    found = ok_json("lunar", "2024-05-22")
    check_contract(found)
    assert {k: found[k] for k in CONTRACT_KEYS} == {
        "date": "2024-05-22", "day": 15, "phase": "waxing", "month": "pisakh", "month_km": "ពិសាខ",
        "be_year": 2567, "animal_year": "dragon", "sak": 6, "holy_day": True,
    }  # fmt: skip
    assert found["weekday"] == "wednesday"
    after = ok_json("lunar", "2024-05-23")
    assert (after["day"], after["phase"], after["be_year"]) == (1, "waning", 2568)


def test_default_date_is_today() -> None:
    assert ok_json("lunar")["date"] == TODAY
    assert ok_json("lunar", "tomorrow")["date"] == "2026-01-16"


def test_one_day_for_people() -> None:
    out = ok("lunar", "2026-05-01", "--no-color")
    assert out.splitlines() == [
        "Friday 1 May 2026",
        "Friday, 15th waxing day of Pisakh, Horse year, Attha Sak, BE 2569",
        "Holy day",
    ]
    out_km = ok("lunar", "2026-05-01", "--lang", "km", "--no-color")
    assert "ថ្ងៃសុក្រ ១៥កើត ខែពិសាខ ឆ្នាំមមី អដ្ឋស័ក ព.ស. ២៥៦៩" in out_km.splitlines()


def test_language_from_the_environment() -> None:
    result = CliRunner(env={**ENV, "KHCAL_LANG": "km"}).invoke(app, ["lunar", "2026-05-01", "--plain"])
    assert result.exit_code == 0
    assert "ខែពិសាខ" in result.stdout


@pytest.mark.parametrize("day", ["1800-01-01", "2200-12-31"])
def test_edges_of_the_supported_range(day: str) -> None:
    found = ok_json("lunar", day)
    check_contract(found)
    assert found["date"] == day


# --- a range -----------------------------------------------------------------------------------------


def test_new_year_2026_range_in_json() -> None:
    # Khmer New Year 2026: 14-16 April (Sub-Decree No. 167; Tra Ing almanac per HELMAB/chhankitek#30).
    # The animal year changes on Moha Songkran day (snake 2025 -> horse 2026), the era on Leungsak day
    # (JS 1387 -> 1388, sak 7 -> 8); the khcal convention, as momentkh's (docs/khmer-calendar.md).
    found = ok_json("lunar", "--from", "2026-04-13", "--to", "2026-04-17")
    assert isinstance(found, list)
    for obj in found:
        check_contract(obj)
    assert [o["date"] for o in found] == [f"2026-04-{d}" for d in range(13, 18)]
    assert [o["new_year_day"] for o in found] == [None, "songkran", "vanabat", "leungsak", None]
    assert [o["animal_year"] for o in found] == ["snake", "horse", "horse", "horse", "horse"]
    assert [o["sak"] for o in found] == [7, 7, 7, 8, 8]
    # Leungsak 2026 is the last day of Cheit and the next day the 1st waxing day of Pisakh: Visak Bochea,
    # the 15th waxing day, is then 1 May (published date).
    assert (found[-1]["day"], found[-1]["phase"], found[-1]["month"]) == (1, "waxing", "pisakh")


def test_range_json_is_one_array_even_for_one_day() -> None:
    found = ok_json("lunar", "--from", "2026-05-01", "--to", "2026-05-01")
    assert isinstance(found, list) and len(found) == 1
    assert found[0]["date"] == "2026-05-01"


def test_range_of_years_and_plain_lines() -> None:
    out = ok("lunar", "--from", "2024", "--to", "2025", "--plain")
    lines = out.splitlines()
    assert len(lines) == 366 + 365
    assert lines[0].startswith("2024-01-01  Monday, ")
    assert lines[-1].startswith("2025-12-31  Wednesday, ")
    # Visak Bochea 2025: Sunday 11 May (Prakas No. 218/24).
    assert "2025-05-11  Sunday, 15th waxing day of Pisakh" in out


def test_only_from_runs_to_the_end_of_that_year() -> None:
    found = ok_json("lunar", "--from", "2026-12-30")
    assert [o["date"] for o in found] == ["2026-12-30", "2026-12-31"]


def test_holy_days_in_a_lunar_month() -> None:
    # Thngai Sel: 8th and 15th waxing, 8th and last waning day (FACTS section 4). Pisakh 2026 starts on
    # 17 April (the day after Leungsak, above) and has 30 days: holy days 24 Apr, 1 May, 9 May, 16 May.
    found = ok_json("lunar", "--from", "2026-04-17", "--to", "2026-05-16")
    holy = [o["date"] for o in found if o["holy_day"]]
    assert holy == ["2026-04-24", "2026-05-01", "2026-05-09", "2026-05-16"]
    assert all(o["month"] == "pisakh" for o in found)


def test_range_table_in_both_languages() -> None:
    out = ok("lunar", "--from", "2026-04-13", "--to", "2026-04-16", "--no-color")
    assert "2026-04-13 .. 2026-04-16" in out
    for word in ("Date", "Lunar date", "Year", "Era", "BE", "Moha Songkran", "Vanabat", "Leungsak"):
        assert word in out
    assert "11th waning Cheit" in out
    out_km = ok("lunar", "--from", "2026-04-13", "--to", "2026-04-16", "--lang", "km", "--no-color")
    assert "មហាសង្ក្រាន្ត" in out_km
    assert "២០២៦-០៤-១៤" in out_km


def test_the_whole_supported_range_streams_as_json() -> None:
    result = run("lunar", "--from", "1800", "--to", "2200", "--json")
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert len(found) == (date(2200, 12, 31) - date(1800, 1, 1)).days + 1
    assert found[0]["date"] == "1800-01-01" and found[-1]["date"] == "2200-12-31"


# --- errors ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1799-12-31"], "1799"),
        (["2201-01-01"], "2201"),
        (["--from", "1799-12-01", "--to", "1800-01-31"], "1799"),
        (["--from", "2200-12-01", "--to", "2201-01-31"], "2201"),
        (["--from", "2026-05-01", "--to", "2026-04-01"], "after"),
        (["--from", "2027", "--to", "2026"], "after"),
        (["2026-02-30"], "not a date"),
        (["next tuesday"], "not a date"),
        (["2026-01-01", "--from", "2026-01-01"], "cannot be combined"),
        (["--lang", "fr"], "--lang"),
        (["--tz", "Mars/Olympus"], "--tz"),
        (["--today", "soon"], "--today"),
        (["--from", "2016", "--to", "2026"], "too many for a table"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = CliRunner(env=ENV).invoke(app, ["lunar", *args])
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("khcal: ")
    assert message in lines[0]


def test_table_limit_is_ten_years() -> None:
    first = date(2016, 1, 1)
    last = first + timedelta(days=LUNAR_TABLE_MAX_DAYS - 1)
    assert LUNAR_TABLE_MAX_DAYS >= 3653
    assert run("lunar", "--from", first.isoformat(), "--to", last.isoformat(), "--no-color").exit_code == 0
    too_long = run("lunar", "--from", first.isoformat(), "--to", (last + timedelta(days=1)).isoformat())
    assert too_long.exit_code == 2
    # The same range is fine as plain lines.
    assert run("lunar", "--from", "2016", "--to", "2026", "--plain").exit_code == 0


# --- the New Year in `show khmer-new-year` --------------------------------------------------------------


def new_year_of(year: int) -> dict[str, Any]:
    found = ok_json("show", "khmer-new-year", "--year", str(year))
    [occ] = [o for o in found["occurrences"] if o["id"] == "khmer-new-year"]
    return occ  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("year", "first", "days", "holiday"),
    [
        # 2016: 13-16 April, Ministry of Labour Notification No. 080/16 of 31 Mar 2016 (EuroCham).
        (2016, "2016-04-13", 4, True),
        # 2020: 13-16 April, four days (Sub-Decree No. 112 of 2 Aug 2019, business-partners.asia); postponed
        # because of COVID-19 (Ministry of Labour notification of 7 Apr 2020, IBC): not days off.
        (2020, "2020-04-13", 4, False),
        # 2024: 13-16 April, four days (Prakas No. 014/24, angkortimes.com; python-holidays PR #1936).
        (2024, "2024-04-13", 4, True),
        # 2025: 14-16 April, three days (Prakas No. 218/24, Anant Law Firm).
        (2025, "2025-04-14", 3, True),
        # 2021-2023, 2026: 14-16 April (cne.wtf 2021 list, ECCC 2022, IBC 2023, KB Prasac Bank 2026).
        (2021, "2021-04-14", 3, True),
        (2023, "2023-04-14", 3, True),
        (2026, "2026-04-14", 3, True),
    ],
)
def test_show_new_year_days(year: int, first: str, days: int, holiday: bool) -> None:
    occ = new_year_of(year)
    start = date.fromisoformat(first)
    leungsak = start + timedelta(days=days - 1)
    assert occ["start"] == first and occ["end"] == leungsak.isoformat()
    assert occ["holiday"] is holiday
    new_year = occ["new_year"]
    assert new_year["songkran"].startswith(first + "T")
    assert new_year["days"] == days
    assert new_year["vanabat"] == [(start + timedelta(days=i)).isoformat() for i in range(1, days - 1)]
    assert new_year["leungsak"] == leungsak.isoformat()


def test_show_new_year_2024_in_words() -> None:
    out = ok("show", "khmer-new-year", "--year", "2024", "--no-color")
    assert "Moha Songkran: Saturday 13 April 2024 at " in out
    assert "(computed)" in out
    assert "Vanabat: Sunday 14 April 2024" in out
    assert "Vanabat: Monday 15 April 2024" in out
    assert "Leungsak: Tuesday 16 April 2024" in out
    assert "4 days" in out
    out_km = ok("show", "khmer-new-year", "--year", "2024", "--lang", "km", "--no-color")
    assert "មហាសង្ក្រាន្ត៖ ថ្ងៃសៅរ៍ ទី១៣ ខែមេសា ឆ្នាំ២០២៤" in out_km
    assert "វារៈឡើងស័ក៖ ថ្ងៃអង្គារ ទី១៦ ខែមេសា ឆ្នាំ២០២៤" in out_km


@pytest.mark.parametrize(
    ("year", "moment", "words"),
    [
        # Announced moments, pinned in data/observances.toml with their sources.
        (2013, "2013-04-14T02:12", "Sunday 14 April 2013 at 02:12"),  # cambodia-picturetour.com
        (2014, "2014-04-14T08:07", "Monday 14 April 2014 at 08:07"),  # visit-angkor.org
        (2015, "2015-04-14T14:02", "Tuesday 14 April 2015 at 14:02"),  # visit-angkor.org
        (2018, "2018-04-14T09:12", "Saturday 14 April 2018 at 09:12"),  # Phnom Penh Post, 13 Apr 2018
        (2019, "2019-04-14T15:12", "Sunday 14 April 2019 at 15:12"),  # visit-angkor.org
    ],
)
def test_show_prints_the_announced_songkran(year: int, moment: str, words: str) -> None:
    occ = new_year_of(year)
    assert occ["songkran"] == moment
    assert occ["new_year"]["songkran"] == moment
    assert occ["new_year"]["songkran_source"] == "announced"
    assert occ["new_year"]["sources"]
    assert all(s["title"] and s["url"] for s in occ["new_year"]["sources"])
    # The pins change the moment only: the same three days, 14-16 April.
    assert (occ["start"], occ["end"], occ["new_year"]["days"]) == (f"{year}-04-14", f"{year}-04-16", 3)
    out = ok("show", "khmer-new-year", "--year", str(year), "--no-color")
    assert f"Moha Songkran: {words} (officially announced)" in out


def test_a_pin_in_a_definitions_file_is_what_show_prints(tmp_path: Path) -> None:
    extra = tmp_path / "pin.toml"
    extra.write_text(
        "format = 1\n\n[[observances]]\n"
        'id = "khmer-new-year"\nname = { en = "Khmer New Year" }\ncategory = "traditional"\n'
        'rule = { kind = "new-year" }\ndescription = { en = "Test." }\n\n[[observances.holiday]]\n\n'
        "[[observances.exceptions]]\nyear = 2024\nsongkran = 2024-04-13T22:17:00\n"
        'sources = [{ title = "A test announcement", url = "https://example.org/2024" }]\n',
        encoding="utf-8",
    )
    occ = ok_json("show", "khmer-new-year", "--year", "2024", "--file", str(extra))["occurrences"][0]
    assert occ["new_year"]["songkran"] == "2024-04-13T22:17"
    assert occ["new_year"]["songkran_source"] == "announced"
    assert occ["new_year"]["sources"] == [{"title": "A test announcement", "url": "https://example.org/2024"}]
    assert (occ["start"], occ["end"], occ["new_year"]["days"]) == ("2024-04-13", "2024-04-16", 4)
    out = ok("show", "khmer-new-year", "--year", "2024", "--file", str(extra), "--no-color")
    assert "Moha Songkran: Saturday 13 April 2024 at 22:17 (officially announced)" in out


def test_list_json_carries_the_new_year_too() -> None:
    found = ok_json("list", "--year", "2025", "--category", "traditional")
    [occ] = [o for o in found if o["id"] == "khmer-new-year"]
    assert occ["new_year"]["leungsak"] == "2025-04-16"
    assert all("new_year" not in o for o in found if o["id"] != "khmer-new-year")


# --- the installed command ---------------------------------------------------------------------------


def khcal_command() -> list[str]:
    found = shutil.which("khcal", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "khcal"]


def test_installed_command_json() -> None:
    done = subprocess.run(
        [*khcal_command(), "lunar", "2026-05-01", "--json", "--today", TODAY],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    check_contract(found)
    assert (found["day"], found["month"], found["be_year"]) == (15, "pisakh", 2569)


def test_installed_command_error() -> None:
    done = subprocess.run(
        [*khcal_command(), "lunar", "2201-01-01", "--today", TODAY],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1


def test_lunar_json_and_plain_do_not_import_rich() -> None:
    code = (
        "import sys\n"
        "from khcal.cli import app\n"
        "for args in (['lunar', '2026-05-01', '--json'], ['lunar', '--from', '2026-04-01', '--plain']):\n"
        "    try:\n"
        "        app(args + ['--today', '2026-01-15'], prog_name='khcal')\n"
        "    except SystemExit as exc:\n"
        "        assert not exc.code, exc.code\n"
        "print('rich' in sys.modules, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "False"


def test_help_shows_every_option_with_an_example() -> None:
    result = CliRunner(env=ENV).invoke(app, ["lunar", "--help"])
    assert result.exit_code == 0
    assert "Usage: khcal lunar [OPTIONS] [DATE]" in result.stdout
    entries: list[str] = []
    for line in result.stdout.split("Options:")[1].splitlines():
        if line.startswith("  -"):  # an option; its help goes on in more deeply indented lines
            entries.append(line.strip())
        elif entries and line.strip():
            entries[-1] += " " + line.strip()
    # "--color / --no-color" is one entry with two names.
    names = {n for e in entries for n in e.split("  ")[0].replace("/", " ").split() if n.startswith("--")}
    assert {"--from", "--to", "--plain", "--today", "--tz", "--lang", "--json", "--no-color"} <= names
    assert all("Example:" in entry for entry in entries if not entry.startswith("-h, --help"))


@pytest.mark.parametrize("form", ["--plain", "--json"])
def test_a_reader_that_stops_early_is_not_an_error(form: str) -> None:
    # `khcal lunar --from 1800 --to 2200 --plain | head -1`: exit 0, nothing on stderr.
    with subprocess.Popen(
        [*khcal_command(), "lunar", "--from", "1800", "--to", "2200", form, "--today", TODAY],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        errors = process.stderr.read()
        code = process.wait(timeout=60)
    assert first
    assert code == 0
    assert errors == b""
