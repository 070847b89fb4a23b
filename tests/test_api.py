"""The Python API: the same answers as the command line, errors only of the KhcalError family, no output."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import khcal
from conftest import run, run_bytes, write_config

FIXED = {"today": "2026-01-02", "use_environment": False}
TODAY = ("--today", "2026-01-02")


@pytest.mark.parametrize(
    ("kwargs", "call", "expected"),
    [
        ({"lang": "fr"}, None, "lang: 'fr' is not one of en, km"),
        ({"weekend": "sat,funday"}, None, "weekend: 'funday' is not a day of the week"),
        ({"sector": "state"}, None, "sector: 'state' is not one of private, public"),
        ({"extra_off": ["soon"]}, None, "extra_off: 'soon' is not a date"),
        ({"tz": ""}, None, "tz: an empty value"),
        ({"categories": ["sport"]}, None, "categories: 'sport' is not a category"),
        ({}, lambda c: c.is_holiday("2026-02-30"), "day: '2026-02-30' is not a date"),
        ({}, lambda c: c.days_off(2300), "year 2300 is outside the supported range 1800-2200"),
        ({}, lambda c: c.observance("pchum"), "unknown observance id 'pchum'; did you mean pchum-ben?"),
        ({}, lambda c: c.upcoming(0), "0 is not between 1 and 10000"),
        ({}, lambda c: c.occurrences("2026-01-01", "2026-12-31", categories=["x"]), "categories: 'x'"),
    ],
)
def test_errors_are_khcal_errors_and_nothing_is_printed(
    kwargs: dict[str, object], call: object, expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(khcal.KhcalError) as caught:
        cal = khcal.Calendar(**{**FIXED, **kwargs})  # type: ignore[arg-type]
        assert callable(call)
        call(cal)
    assert str(caught.value).startswith(expected)
    assert capsys.readouterr() == ("", "")


def test_the_api_and_the_command_line_agree(capsys: pytest.CaptureFixture[str]) -> None:
    cal = khcal.Calendar(**FIXED)  # type: ignore[arg-type]
    for day in ("2026-04-14", "2026-04-13", "2026-04-18", "2018-04-17"):
        assert cal.is_holiday(day) == (run("is-holiday", day, "-q")[0] == 0)
        assert cal.is_workday(day) == (run("is-workday", day, "-q")[0] == 0)
    listed = json.loads(run("list", "--year", "2026", "--json", "--today", "2026-01-02")[1])
    assert [o.id for o in cal.occurrences(date(2026, 1, 1), date(2026, 12, 31))] == [o["id"] for o in listed]
    shown = json.loads(run("show", "pchum-ben", "--json", "--today", "2026-01-02")[1])
    assert cal.observance("pchum-ben") == shown
    lunar = json.loads(run("lunar", "2024-05-22", "--json")[1])
    assert cal.lunar("2024-05-22") == lunar
    assert cal.add_workdays("2026-04-20", -5) == date.fromisoformat(
        run("workdays", "add", "2026-04-20", "-5")[1].strip()
    )
    capsys.readouterr()


def test_the_sector_and_own_days_off() -> None:
    private = khcal.Calendar(**FIXED)  # type: ignore[arg-type]
    public = khcal.Calendar(sector="public", **FIXED)  # type: ignore[arg-type]
    assert private.is_holiday("2018-04-17") and not public.is_holiday("2018-04-17")  # day in lieu, 2018
    own = khcal.Calendar(extra_off=[date(2026, 12, 24)], **FIXED)  # type: ignore[arg-type]
    assert own.days_off(("2026-12-24", "2026-12-24")) == {date(2026, 12, 24): "your own day off"}
    km = khcal.Calendar(lang="km", extra_off=["2026-12-24"], **FIXED)  # type: ignore[arg-type]
    assert km.days_off(("2026-12-24", "2026-12-24"))[date(2026, 12, 24)] == "ថ្ងៃឈប់សម្រាកផ្ទាល់ខ្លួន"


def test_the_environment_and_settings_file_count_unless_told_not_to(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(isolated, 'weekend = "fri,sat"\n')
    monkeypatch.setenv("KHCAL_LANG", "km")
    cal = khcal.Calendar(today="2026-01-02")
    assert cal.lang == "km" and not cal.is_workday("2026-01-02")  # Friday: weekend by the file
    plain = khcal.Calendar(today="2026-01-02", use_environment=False)
    assert plain.lang == "en" and plain.is_workday("2026-01-02")


def test_the_feed_is_the_export(capsys: pytest.CaptureFixture[str]) -> None:
    cal = khcal.Calendar(**FIXED)  # type: ignore[arg-type]
    code, exported, _ = run_bytes("export", "--from", "2026", "--to", "2027", "--holidays", *TODAY)
    assert code == 0
    assert cal.feed(2026, 2027, holidays=True) == exported
    capsys.readouterr()
