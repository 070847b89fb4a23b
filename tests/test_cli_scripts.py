"""The scripting commands: is-holiday, is-workday, workdays, long-weekends; their exit codes, batch mode,
the quick start without Typer (fastpath.py), and what it imports.

Expected days off come from the published lists and days in lieu; weekdays from the Gregorian calendar.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from khcal.cli import app, fastpath

TODAY = ["--today", "2026-01-02"]


FORMS = "(use YYYY-MM-DD, today, tomorrow, yesterday, or a day such as 7 Jan 2027 or 2027/1/7)"
"""What every DATE accepts, as the hint of a bad date lists it."""


@pytest.fixture
def no_user_config(isolated: Path) -> Path:
    """The empty config folder of the shared isolation (tests/conftest.py)."""
    return isolated


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [*args, *TODAY], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def run_fast(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, stdin: str = ""
) -> tuple[int | None, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    capsys.readouterr()
    code = fastpath.dispatch([*args, *TODAY])
    out, err = capsys.readouterr()
    return code, out, err


# --- is-holiday / is-workday ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "holiday", "workday"),
    [
        ("2026-04-14", True, False),  # Khmer New Year 2026: 14-16 April
        ("2026-04-13", False, True),  # the Monday before it is worked
        ("2026-04-18", False, False),  # Saturday
        ("2026-04-19", False, False),  # Sunday
        ("2026-01-07", True, False),  # Victory over Genocide Day
        ("2026-05-01", True, False),  # Labour Day and Visak Bochea
        ("2020-04-14", False, True),  # the 2020 New Year was postponed and worked
        ("2020-08-18", True, False),  # one of the five replacement days, 17-21 August 2020
        ("2018-04-17", True, False),  # day in lieu of the New Year (private sector)
        ("2023-01-02", False, True),  # no days in lieu after 2021
    ],
)
def test_exit_codes(day: str, holiday: bool, workday: bool) -> None:
    assert run("is-holiday", day, "-q") == (0 if holiday else 1, "", "")
    assert run("is-workday", day, "-q") == (0 if workday else 1, "", "")


def test_human_lines() -> None:
    assert run("is-holiday", "2026-04-14")[1] == "2026-04-14 Tuesday: day off: Khmer New Year\n"
    assert run("is-workday", "2026-04-13")[1] == "2026-04-13 Monday: working day\n"
    assert run("is-workday", "2026-04-19")[1] == "2026-04-19 Sunday: weekend\n"
    assert run("is-holiday", "2018-04-17")[1] == (
        "2018-04-17 Tuesday: day off: Day in lieu of Khmer New Year (private sector only)\n"
    )
    code, out, _ = run("is-workday", "2026-04-14", "--lang", "km")
    assert code == 1
    assert out.startswith("២០២៦-០៤-១៤ អង្គារ៖ ថ្ងៃឈប់សម្រាក (")
    # One ៖ a line, and no brackets inside brackets.
    out = run("is-holiday", "2018-04-17", "--lang", "km")[1]
    assert out.count("៖") == 1 and out.count("(") == 1 and out.endswith("សម្រាប់តែវិស័យឯកជន)\n"), out


def test_sector_public_works_the_private_days_in_lieu() -> None:
    code, out, _ = run("is-workday", "2018-04-17", "--sector", "public")
    assert code == 0
    assert (
        out
        == "2018-04-17 Tuesday: working day (Day in lieu of Khmer New Year: worked in the public sector)\n"
    )
    assert run("is-holiday", "2018-04-17", "--sector", "public", "-q")[0] == 1
    # A public holiday is a day off for both.
    assert run("is-holiday", "2018-04-16", "--sector", "public", "-q")[0] == 0


def test_json() -> None:
    code, out, _ = run("is-holiday", "2018-04-17", "--json")
    assert code == 0
    assert json.loads(out) == {
        "date": "2018-04-17",
        "holiday": True,
        "workday": False,
        "observances": ["khmer-new-year-in-lieu"],
        "weekend": False,
        "extra_off": False,
        "scope": "private-sector",
    }
    code, out, _ = run("is-workday", "2026-04-18", "--json")
    assert code == 1
    assert json.loads(out)["weekend"] is True
    assert json.loads(out)["scope"] is None


def test_sunday_only_weekend() -> None:
    assert run("is-workday", "2026-04-18", "--weekend", "sun", "-q")[0] == 0
    assert run("is-workday", "2026-04-19", "--weekend", "sun", "-q")[0] == 1


def test_extra_off() -> None:
    code, out, _ = run("is-workday", "2026-04-13", "--extra-off", "2026-04-13", "--extra-off", "2026-04-17")
    assert code == 1
    assert out == "2026-04-13 Monday: day off: company day off (--extra-off)\n"
    assert run("is-holiday", "2026-04-17", "--extra-off", "2026-04-17", "-q")[0] == 0


def test_user_file_adds_a_company_day_off(tmp_path: Path) -> None:
    company = tmp_path / "company.toml"
    company.write_text(
        'format = 1\n\n[[observances]]\nid = "founders-day"\nname = { en = "Founders\' Day" }\n'
        'category = "national"\nrule = { kind = "fixed", month = 3, day = 3 }\n'
        'description = { en = "The company was founded on 3 March." }\n\n[[observances.holiday]]\n',
        encoding="utf-8",
    )
    code, out, _ = run("is-workday", "2026-03-03", "--file", str(company))
    assert (code, out) == (1, "2026-03-03 Tuesday: day off: Founders' Day\n")
    assert run("workdays", "count", "2026-03-02", "2026-03-06", "--file", str(company))[1] == "4\n"


def test_default_date_is_today() -> None:
    # --today 2026-01-02 is a Friday, the day after the International New Year.
    assert run("is-workday", "-q")[0] == 0
    assert run("is-holiday", "yesterday", "-q")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["is-holiday", "2026-02-30"], "khcal: DATE: '2026-02-30' is not a date"),
        (["is-workday", "26-1-1"], "khcal: DATE: '26-1-1' is not a date"),
        (["is-workday", "2300-01-01"], "khcal: year 2300 is outside the supported range"),
        (
            ["is-workday", "2026-01-05", "--weekend", "sat,fun"],
            "khcal: --weekend: 'fun' is not a day of the week",
        ),
        (
            ["is-workday", "2026-01-05", "--sector", "state"],
            "khcal: --sector: 'state' is not one of private, public",
        ),
        (["is-workday", "2026-01-05", "--extra-off", "soon"], "khcal: --extra-off: 'soon' is not a date"),
        (["is-workday", "2026-01-05", "-q", "--json"], "khcal: -q and --json cannot be used together"),
        (["is-workday", "-", "-q"], "khcal: -q cannot be used with '-'"),
        (["is-holiday", "2026-01-05", "--lang", "fr"], "khcal: --lang: 'fr' is not one of en, km"),
    ],
)
def test_bad_input(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert out == ""
    assert err.startswith(message)
    assert err.count("\n") == 1


# --- batch ---------------------------------------------------------------------------------------------


def test_batch_tsv() -> None:
    code, out, err = run("is-workday", "-", stdin="2026-04-14\n2026-04-13\n\n2026-04-18\n")
    assert (code, err) == (0, "")
    assert out == "2026-04-14\tno\n2026-04-13\tyes\n2026-04-18\tno\n"
    code, out, _ = run("is-holiday", "-", stdin="2026-04-14\n2026-04-13\n")
    assert out == "2026-04-14\tyes\n2026-04-13\tno\n"


def test_batch_bad_lines_are_reported_and_the_rest_answered() -> None:
    code, out, err = run(
        "is-workday", "-", stdin="2026-04-14\nnot a date\n 2020-04-14 \n1799-12-31\n2020-08-18\n"
    )
    assert code == 2
    assert out == "2026-04-14\tno\n2020-04-14\tyes\n2020-08-18\tno\n"
    assert err.splitlines() == [
        "khcal: line 2: 'not a date' is not a date " + FORMS,
        "khcal: line 4: year 1799 is outside the supported range 1800-2200",
    ]


def test_batch_json_lines() -> None:
    code, out, _ = run("is-holiday", "-", "--json", "--weekend", "sun", stdin="2026-04-18\n2020-08-17\n")
    assert code == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first == {
        "date": "2026-04-18",
        "holiday": False,
        "workday": True,
        "observances": [],
        "weekend": False,
        "extra_off": False,
        "scope": None,
    }
    assert second["observances"] == ["khmer-new-year-2020-replacement"]


def test_batch_a_whole_year() -> None:
    days = [(date(2019, 1, 1) + timedelta(days=i)).isoformat() for i in range(365)]
    code, out, _ = run("is-workday", "-", stdin="\n".join(days) + "\n")
    answers = dict(line.split("\t") for line in out.splitlines())
    assert code == 0
    assert list(answers) == days
    # Days in lieu for the private sector (Ministry of Labour): 30 September and 13 November 2019.
    assert answers["2019-09-30"] == answers["2019-11-13"] == "no"
    assert answers["2019-10-01"] == "yes"
    # Weekends: 2019 began on a Tuesday, so 104 Saturdays and Sundays.
    weekend = [d for d in days if date.fromisoformat(d).weekday() >= 5]
    assert len(weekend) == 104
    assert {answers[d] for d in weekend} == {"no"}


# --- workdays ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["count", "2026-04-01", "2026-04-30"], "19"),  # 22 weekdays less 14-16 April
        (["count", "2026-04-30", "2026-04-01"], "19"),  # backwards: the same days
        (["count", "2026-04-01", "2026-04-30", "--weekend", "sun"], "23"),
        (["count", "2020-04-13", "2020-04-17"], "5"),  # the cancelled 2020 New Year
        (["count", "2020-08-17", "2020-08-21"], "0"),  # its replacement days
        (["add", "2026-04-10", "1"], "2026-04-13"),
        (["add", "2026-04-13", "1"], "2026-04-17"),
        (["add", "2026-01-05", "-3"], "2025-12-30"),  # back over the weekend and 1 January
        (["add", "2026-04-17", "-1"], "2026-04-13"),
        (["add", "2026-04-18", "0"], "2026-04-20"),
        (["add", "2026-04-10", "1", "--weekend", "sun"], "2026-04-11"),
        (["add", "2026-04-10", "1", "--extra-off", "2026-04-13"], "2026-04-17"),
        (["next", "2026-04-13"], "2026-04-17"),
        (["prev", "2026-04-17"], "2026-04-13"),
        (["next"], "2026-01-05"),  # from --today, a Friday
        (["prev", "2018-04-18"], "2018-04-13"),  # 14-16 New Year, 17 in lieu
        (["prev", "2018-04-18", "--sector", "public"], "2018-04-17"),
    ],
)
def test_workdays(args: list[str], expected: str) -> None:
    assert run("workdays", *args) == (0, expected + "\n", "")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "2026-01-05", "three"], "khcal: N: 'three' is not a whole number (use digits"),
        (["add", "2200-12-30", "5"], "khcal: year 2201 is outside the supported range"),
        (["count", "2026-01-05"], "khcal: Missing argument 'B'"),
        (["count", "2026-01-05", "2026-13-01"], "khcal: B: '2026-13-01' is not a date"),
        (["next", "--weekend", ""], "khcal: --weekend: "),
    ],
)
def test_workdays_bad_input(args: list[str], message: str) -> None:
    code, out, err = run("workdays", *args)
    assert (code, out) == (2, "")
    assert err.startswith(message)
    assert err.count("\n") == 1


# --- long weekends -------------------------------------------------------------------------------------


def test_long_weekends_json() -> None:
    code, out, _ = run("long-weekends", "--year", "2026", "--json")
    assert code == 0
    found = json.loads(out)
    runs = {(r["start"], r["end"]) for r in found["long_weekends"]}
    # Water Festival 23-25 November 2026 (Mon-Wed) after a weekend; Pchum Ben 10-12 October (Sat-Mon).
    assert ("2026-11-21", "2026-11-25") in runs
    assert ("2026-10-10", "2026-10-12") in runs
    bridges = {b["date"]: (b["start"], b["end"]) for b in found["bridges"]}
    # Friday 2 January joins New Year's Day (Thursday) to the weekend.
    assert bridges["2026-01-02"] == ("2026-01-01", "2026-01-04")
    assert bridges["2026-04-13"] == ("2026-04-11", "2026-04-16")


def test_long_weekends_text_says_private_sector_only() -> None:
    code, out, _ = run("long-weekends", "--year", "2018")
    assert code == 0
    words = " ".join(out.split())  # the lines are wrapped at the terminal's width
    assert "Day in lieu of Khmer New Year (private sector only)" in words
    assert "Long weekends in 2018 (weekend: sat,sun, private sector)" in out


def test_long_weekends_bad_year() -> None:
    code, _, err = run("long-weekends", "--year", "3000")
    assert code == 2
    assert err.startswith("khcal: year 3000 is outside the supported range")


def test_help_shows_every_option_with_an_example() -> None:
    for command in (["is-holiday"], ["is-workday"], ["workdays", "add"], ["long-weekends"]):
        out = CliRunner().invoke(app, [*command, "--help"]).stdout
        for option in ("--weekend", "--extra-off", "--sector", "--today", "--file"):
            assert option in out, (command, option)
        assert "Example" in out
    assert "private (default)" in CliRunner().invoke(app, ["is-workday", "--help"]).stdout


# --- the quick start: the same answers without Typer ---------------------------------------------------

SAME = [
    ["is-holiday", "2026-04-14"],
    ["is-holiday", "2026-04-13", "--json"],
    ["is-workday", "2018-04-17", "--sector", "public"],
    ["is-workday", "2026-04-18", "--weekend=sun", "-q"],
    ["is-workday", "2026-04-14", "--lang", "km"],
    ["is-workday", "--extra-off", "2026-01-02"],
    ["is-workday", "-"],
    ["is-holiday", "-", "--json"],
    ["workdays", "count", "2026-04-30", "2026-04-01"],
    ["workdays", "add", "2026-01-05", "-3"],
    ["workdays", "add", "2026-04-18", "0", "--extra-off", "2026-04-20"],
    ["workdays", "next", "--weekend", "sun"],
    ["workdays", "prev", "tomorrow"],
    ["next"],
    ["next", "3", "--json"],
    ["next", "4", "--holidays", "--no-color", "--lang", "km"],
    ["next", "2", "--category", "remembrance", "--json"],
    ["today"],
    ["today", "--json", "--count", "2"],
    ["today", "--short"],
    ["today", "--waybar"],
]

TEMPLATE = "{iso}|{weekday}|{date}|{status}|{name}|{countdown}|{event}|{lunar}|{lunar_full}|{{x}}"
"""Every placeholder of `today --format`, and a brace written twice."""

TODAY_FORMS = [
    ["today", "--short"],
    ["today", "--format", TEMPLATE],
    ["today", f"--format={TEMPLATE}", "--waybar"],
    ["today", "--waybar", "--count", "1"],
    ["today", "--short", "--holidays"],
    ["today", "--short", "--category", "remembrance"],
    ["today"],
    ["today", "--json"],
]
TODAY_DAYS = [
    "2026-11-24",  # a day off: the Water Festival
    "2026-12-09",  # an observance that is not a day off
    "2026-12-01",  # neither: the next one with its countdown
    "2026-04-14",  # a day off of three days, with the New Year's notes
    "2200-12-31",  # the last day khcal knows: nothing comes any more
]


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize("day", TODAY_DAYS)
@pytest.mark.parametrize("args", TODAY_FORMS, ids=" ".join)
def test_quick_start_today_gives_the_same_answers(
    args: list[str], day: str, lang: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`khcal today` in every form, on days of every kind and in both languages: the same bytes both ways."""
    capsys.readouterr()
    fast = fastpath.dispatch([*args, "--today", day, "--lang", lang])
    fast_out = capsys.readouterr()
    assert fast is not None, "the quick start declined"
    full = CliRunner().invoke(app, [*args, "--today", day, "--lang", lang])
    assert (fast, fast_out.out, fast_out.err) == (full.exit_code, full.stdout, full.stderr)
    assert fast_out.out.strip()


@pytest.mark.parametrize("args", SAME, ids=" ".join)
def test_quick_start_gives_the_same_answers(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin = "2026-04-14\n2020-04-14\n\n2018-04-17\nsoon\n2201-01-01\n2020-08-17\n"
    monkeypatch.setenv("COLUMNS", "100")
    fast = run_fast(capsys, monkeypatch, *args, stdin=stdin)
    assert fast[0] is not None, "the quick start declined"
    full = run(*args, stdin=stdin)
    assert fast == full


@pytest.mark.parametrize(
    "args",
    [
        ["is-holiday", "--help"],
        ["is-holiday", "2026-13-01"],
        ["is-workday", "-", "-q"],
        ["is-workday", "2026-01-05", "--bogus"],
        ["is-workday", "2026-01-05", "--weekend"],
        ["is-workday", "2026-01-05", "2026-01-06"],
        ["workdays", "add", "2026-01-05", "+3"],
        ["workdays", "add", "2026-01-05", "1_0"],
        ["workdays", "count", "2026-01-05"],
        ["next", "0"],
        ["next", "--category", "nope"],
        ["list"],
        ["workdays"],
        ["today", "extra"],
        ["today", "--format", "{bogus}"],
        ["today", "--format", "{name"],
        ["today", "--short", "--json"],
        ["today", "--waybar", "--json"],
        ["today", "--count", "0", "--short"],
        ["today", "--short", "--help"],
    ],
    ids=" ".join,
)
def test_quick_start_hands_over_what_it_does_not_answer(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_fast(capsys, monkeypatch, *args) == (None, "", "")


@pytest.mark.parametrize(
    "args",
    [
        ["is-holiday", "2026-01-07"],
        ["is-workday", "2026-01-02", "--json"],
        ["workdays", "next", "2026-01-01"],
        ["next", "2", "--json"],
        ["next", "1", "--category", "royal", "--json"],
        ["today", "--short"],
        ["today", "--format", TEMPLATE],
        ["today", "--waybar"],
        ["today", "--json"],
        ["today"],
    ],
    ids=" ".join,
)
def test_quick_start_answers_with_a_config_file(
    args: list[str], no_user_config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The fast path reads config.toml through the same settings layer: the same answers as Typer's."""
    (no_user_config / "khcal").mkdir(parents=True)
    (no_user_config / "khcal" / "config.toml").write_text(
        'lang = "km"\nweekend = "fri,sat"\ncategories = ["remembrance"]\n', encoding="utf-8"
    )
    fast = run_fast(capsys, monkeypatch, *args)
    assert fast[0] is not None, "the quick start declined"
    assert fast == run(*args)
    if args[0] == "is-holiday":
        assert "ទិវាជ័យជម្នះ" in fast[1]  # in Khmer, from the settings file
    if args[:2] == ["workdays", "next"]:
        assert fast[1] == "2026-01-04\n"  # Friday 2 and Saturday 3 January are the weekend
    if args[:2] == ["next", "2"]:
        assert [o["category"] for o in json.loads(fast[1])] == ["remembrance", "remembrance"]
    if args[:2] == ["today", "--short"]:
        assert fast[1] == "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍ ៥ ថ្ងៃទៀត · ១៤កើត ខែបុស្ស\n"  # remembrance only


@pytest.mark.parametrize(
    "args",
    [
        ["today", "--short", "--category", "company"],
        ["today", "--waybar", "--category", "company"],
        ["is-holiday", "2026-03-14"],
    ],
    ids=" ".join,
)
def test_quick_start_answers_with_definitions_files_and_a_warm_cache(
    args: list[str], no_user_config: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A definitions file in the config folder and config.toml: the same answers, cache cold or warm."""
    folder = no_user_config / "khcal"
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text('weekend = "sun"\n', encoding="utf-8")
    (folder / "company.toml").write_text(
        '[[observances]]\nid = "company-day"\nname = "Company Day"\ncategory = "company"\n'
        'rule = { kind = "fixed", month = 3, day = 14 }\ndescription = "Our founding day."\n'
        "[[observances.holiday]]\nsince = 2000\n",
        encoding="utf-8",
    )
    answers = [run_fast(capsys, monkeypatch, *args) for _ in range(2)]  # the cache cold, then warm
    assert answers[0] == answers[1] == run(*args)
    assert "Company Day" in answers[0][1]


# --- the installed command -----------------------------------------------------------------------------

KHCAL = shutil.which("khcal", path=str(Path(sys.executable).parent)) or shutil.which("khcal")


def installed(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    assert KHCAL is not None
    return subprocess.run(
        [KHCAL, *args, *TODAY], input=stdin, capture_output=True, text=True, timeout=60, env=env, check=False
    )


def test_installed_command_exit_codes() -> None:
    assert installed("is-holiday", "2026-04-14", "-q").returncode == 0
    assert installed("is-workday", "2026-04-14", "-q").returncode == 1
    bad = installed("is-workday", "2026-04-31")
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == "khcal: DATE: '2026-04-31' is not a date " + FORMS + "\n"
    batch = installed("is-workday", "-", stdin="2026-04-14\nx\n2026-04-13\n")
    assert (batch.returncode, batch.stdout) == (2, "2026-04-14\tno\n2026-04-13\tyes\n")
    assert batch.stderr == "khcal: line 2: 'x' is not a date " + FORMS + "\n"
    assert installed("workdays", "add", "2026-04-20", "-5").stdout == "2026-04-08\n"


def test_installed_batch_survives_bytes_that_are_not_utf8() -> None:
    assert KHCAL is not None
    done = subprocess.run(
        [KHCAL, "is-holiday", "-", *TODAY], input=b"2026-04-14\n\xff\xfe\n2026-04-13\n", capture_output=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, b"2026-04-14\tyes\n2026-04-13\tno\n")
    assert done.stderr.startswith(b"khcal: line 2: ")


def test_python_dash_m_uses_the_quick_start_too() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "khcal", "is-workday", "2026-04-13", *TODAY],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, "2026-04-13 Monday: working day\n")


HEAVY = ("typer", "click", "rich", "pydantic", "icalendar", "dateutil", "json", "zoneinfo")


@pytest.mark.parametrize(
    ("args", "allowed"),
    [
        (["is-holiday", "2026-04-14"], ()),
        (["is-workday", "2026-04-14", "-q", "--weekend", "sun"], ()),
        (["is-workday", "-"], ()),
        (["workdays", "add", "2026-04-14", "3"], ()),
        (["is-holiday", "2026-04-14", "--json"], ("json",)),
        (["next", "--today", "2026-01-02"], ("rich",)),
        (["today", "--short", "--today", "2026-11-24"], ()),
        (["today", "--short"], ("zoneinfo",)),  # the clock: today in Asia/Phnom_Penh
        (["today", "--format", "{name} {countdown}", "--lang", "km", "--today", "2026-11-24"], ()),
        (["today", "--waybar", "--today", "2026-11-24"], ("json",)),
        (["today", "--today", "2026-11-24"], ("rich",)),
    ],
    ids=lambda v: " ".join(v) if isinstance(v, list) else ",".join(v) or "nothing heavy",
)
def test_quick_start_imports_nothing_heavy(args: list[str], allowed: tuple[str, ...]) -> None:
    """Run the entry point in a fresh interpreter and list the modules it loaded on the way out."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
        f"sys.argv = ['khcal', *{args!r}]\n"
        "from khcal.cli.entry import main\n"
        "main()\n"
    )
    env = {**os.environ, "TZ": "UTC"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        input="2026-04-14\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode in (0, 1), done.stderr
    modules = {m.split(".")[0] for m in done.stderr.split("MODULES ")[1].split()}
    for heavy in HEAVY:
        if heavy not in allowed:
            assert heavy not in modules, f"{heavy} was imported by {' '.join(args)}"
    for wanted in allowed:
        assert wanted in modules


def test_publish_starts_without_typer_click_pydantic_or_rich(tmp_path: Path) -> None:
    """A cron job publishes over and over: Typer's parsers (built with pydantic) are a third of its memory."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('MODULES ' + ' '.join(sorted(sys.modules)) + '\\n'))\n"
        f"sys.argv = ['khcal', 'publish', {str(tmp_path / 'site')!r}, '--base-url', 'https://example.org',"
        " '--from', '2027', '--to', '2027', '--today', '2026-11-24']\n"
        "from khcal.cli.entry import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    written = done.stdout.rpartition(": ")[2].split()
    assert written[0] == written[2] and written[3:] == ["files", "written"], done.stdout
    modules = {m.split(".")[0] for m in done.stderr.split("MODULES ")[1].split()}
    assert not modules & {"typer", "click", "pydantic", "rich"}
    assert (tmp_path / "site" / "index.html").is_file()
