"""The Python API: the same answers as the command line, errors only of the KhcalError family, no output."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

import khcal
from support.command_line import run, run_bytes, write_config

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
        ({}, lambda c: c.upcoming(0), "n: 0 is not between 1 and 10000"),
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


# --- no surprises: nothing written unless asked, every day type, one file is one file, every error ------

COMPANY = """
[[observances]]
id = "company-day"
name = "Company Day"
category = "company"
rule = { kind = "fixed", month = 3, day = 16 }
description = "Our founding day."
[[observances.holiday]]
since = 2000
"""


def _everything_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*"))


def _ask_everything(cal: khcal.Calendar) -> None:
    assert cal.is_holiday("2026-04-14") and cal.is_holiday("2026-03-16")
    assert cal.days_off(2026) and cal.upcoming(3) and cal.summary() and cal.lunar("2024-05-22")
    assert cal.observance("pchum-ben") and cal.long_weekends(2026) and cal.feed(2026, 2026)
    assert cal.count_workdays("2026-01-01", "2026-12-31") > 200


@pytest.mark.parametrize("xdg", [True, False], ids=["XDG_CACHE_HOME", "HOME only"])
def test_a_calendar_writes_nothing_unless_asked(
    xdg: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    company = tmp_path / "definitions" / "company.toml"
    company.parent.mkdir()
    company.write_text(COMPANY, encoding="utf-8")
    (tmp_path / "home").mkdir()
    (tmp_path / "work").mkdir()
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CONFIG_HOME")
    if xdg:
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    else:
        monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.chdir(tmp_path / "work")
    before = _everything_under(tmp_path)
    _ask_everything(khcal.Calendar(company, today="2026-01-02"))
    _ask_everything(khcal.Calendar(str(company), today="2026-01-02", use_environment=False))
    assert _everything_under(tmp_path) == before


def test_the_cache_is_opt_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    company = tmp_path / "company.toml"
    company.write_text(COMPANY, encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    plain = khcal.Calendar(company, **FIXED)  # type: ignore[arg-type]
    assert not (tmp_path / "xdg").exists()
    cached = khcal.Calendar(company, cache=True, **FIXED)  # type: ignore[arg-type]
    assert [p.suffix for p in (tmp_path / "xdg" / "khcal").iterdir()] == [".marshal"]
    own = tmp_path / "own"
    for _ in range(2):  # stored, then read back
        mine = khcal.Calendar(company, cache=own, **FIXED)  # type: ignore[arg-type]
        assert [p.suffix for p in own.iterdir()] == [".marshal"]
        assert mine.catalogue == cached.catalogue == plain.catalogue
    with pytest.raises(khcal.ArgumentTypeError, match=r"^cache: expected True, False or a folder, got int"):
        khcal.Calendar(cache=1, **FIXED)  # type: ignore[arg-type]


def _days_of(day: date) -> list[object]:
    """The same day as a datetime, a pandas.Timestamp and numpy.datetime64s of several units."""
    import numpy as np
    import pandas as pd

    noon = datetime(day.year, day.month, day.day, 12, 30)
    return [
        noon,
        pd.Timestamp(noon),
        pd.Timestamp(noon, tz="Asia/Phnom_Penh"),
        np.datetime64(day.isoformat()),
        np.datetime64(noon.isoformat(), "ns"),
        np.datetime64(noon.isoformat(), "s"),
    ]


@pytest.mark.parametrize("kind", range(6), ids=["datetime", "Timestamp", "Timestamp+tz", "D", "ns", "s"])
def test_a_datetime_timestamp_or_datetime64_means_its_date(kind: int) -> None:
    cal = khcal.Calendar(**FIXED)  # type: ignore[arg-type]

    def as_(day: date) -> Any:
        return _days_of(day)[kind]

    assert cal.is_holiday(as_(date(2026, 4, 14))) and not cal.is_workday(as_(date(2026, 4, 14)))
    assert cal.is_workday(as_(date(2026, 4, 13))) and not cal.is_holiday(as_(date(2026, 4, 13)))
    assert cal.count_workdays(as_(date(2026, 4, 1)), as_(date(2026, 4, 30))) == 19
    assert cal.count_workdays(as_(date(2026, 4, 13)), as_(date(2026, 4, 17))) == 2  # the New Year is off
    assert cal.add_workdays(as_(date(2026, 4, 10)), 1) == date(2026, 4, 13)
    assert cal.next_workday(as_(date(2026, 4, 13))) == date(2026, 4, 17)
    assert cal.previous_workday(as_(date(2026, 4, 17))) == date(2026, 4, 13)
    assert sorted(cal.days_off((as_(date(2026, 4, 1)), as_(date(2026, 4, 30))))) == [
        date(2026, 4, d) for d in (14, 15, 16)
    ]
    assert cal.lunar(as_(date(2024, 5, 22))) == cal.lunar("2024-05-22")
    assert cal.occurrences(as_(date(2026, 4, 1)), as_(date(2026, 4, 30))) == cal.occurrences(
        "2026-04-01", "2026-04-30"
    )
    assert cal.upcoming(2, today=as_(date(2026, 4, 14))) == cal.upcoming(2, today="2026-04-14")
    assert cal.summary(today=as_(date(2026, 4, 14))) == cal.summary(today="2026-04-14")
    assert cal.day(as_(date(2026, 4, 14))) == date(2026, 4, 14)
    assert type(cal.day(as_(date(2026, 4, 14)))) is date
    own = khcal.Calendar(
        today=as_(date(2026, 1, 2)), extra_off=[as_(date(2026, 12, 24))], use_environment=False
    )
    assert own.today == date(2026, 1, 2) and type(own.today) is date
    assert own.days_off(("2026-12-24", "2026-12-24")) == {date(2026, 12, 24): "your own day off"}


def test_extra_off_takes_one_day_or_many() -> None:
    import pandas as pd

    for one in ("2026-12-24", date(2026, 12, 24), datetime(2026, 12, 24, 9)):
        cal = khcal.Calendar(extra_off=one, **FIXED)  # type: ignore[arg-type]
        assert cal.settings.extra_off == (date(2026, 12, 24),)
    many = khcal.Calendar(extra_off=pd.date_range("2026-12-24", "2026-12-25"), **FIXED)  # type: ignore[arg-type]
    assert many.settings.extra_off == (date(2026, 12, 24), date(2026, 12, 25))


def test_a_datetime_needs_no_numpy() -> None:
    code = (
        "import sys, datetime, khcal; cal = khcal.Calendar(use_environment=False); "
        "assert cal.is_holiday(datetime.datetime(2026, 4, 14, 9)); "
        "assert 'numpy' not in sys.modules and 'pandas' not in sys.modules"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        (lambda c: c.is_holiday(20260414), "day: expected a date, got int"),
        (lambda c: c.is_workday(None), "day: expected a date, got None"),
        (lambda c: c.is_holiday(2026.0), "day: expected a date, got float"),
        (lambda c: c.is_holiday(b"2026-04-14"), "day: expected a date, got bytes"),
        (lambda c: c.count_workdays("2026-01-01", object()), "last: expected a date, got object"),
        (lambda c: c.upcoming(3, today=7), "today: expected a date, got int"),
        (lambda c: c.lunar(1), "day: expected a date, got int"),
        (lambda c: c.days_off(date(2026, 1, 1)), "span: expected a year or a pair (first, last), got date"),
        (lambda c: c.days_off(True), "span: expected a year or a pair (first, last), got bool"),
        (lambda c: c.occurrences("2026-01-01", "2026-12-31", categories=[1]), "categories: expected text"),
        (lambda c: khcal.Calendar(today=1), "today: expected a date, got int"),
        (lambda c: khcal.Calendar(extra_off=[2026]), "extra_off: expected a date, got int"),
        (lambda c: khcal.Calendar(extra_off=5), "extra_off: expected a date, got int"),
        (lambda c: khcal.Calendar(files=[1]), "files: expected a file path (text or os.PathLike), got int"),
        (lambda c: khcal.Calendar(files=b"x.toml"), "files: expected a file path (text or os.PathLike), got"),
        (lambda c: khcal.Calendar(categories=5), "categories: expected text, got int"),
        (lambda c: khcal.Calendar(weekend=["sat", 6]), "weekend: expected text, got int"),
        (lambda c: khcal.Calendar(lang=1), "lang: expected text, got int"),
    ],
)
def test_a_value_of_another_type_is_a_khcal_error_naming_the_argument(call: Any, expected: str) -> None:
    cal = khcal.Calendar(**FIXED)  # type: ignore[arg-type]
    with pytest.raises(khcal.ArgumentTypeError) as caught:
        call(cal)
    assert isinstance(caught.value, khcal.KhcalError) and isinstance(caught.value, TypeError)
    assert str(caught.value).startswith(expected)
    khmer = caught.value.message("km")
    assert khmer.startswith(expected.split(":")[0] + "៖ ") and "expected" not in khmer


def test_a_time_with_no_date_is_refused_naming_the_argument() -> None:
    import numpy as np
    import pandas as pd

    cal = khcal.Calendar(**FIXED)  # type: ignore[arg-type]
    for nat in (pd.NaT, np.datetime64("NaT")):
        with pytest.raises(khcal.SettingError, match=r"^day: NaT is not a date"):
            cal.is_holiday(nat)
    with pytest.raises(khcal.KhcalError, match=r"^first: 12000-01-01 is not a date"):
        cal.count_workdays(np.datetime64("12000-01-01"), "2026-01-01")


def test_one_file_is_one_file_and_one_category_one_category(tmp_path: Path) -> None:
    company = tmp_path / "company.toml"
    company.write_text(COMPANY, encoding="utf-8")
    for files in (company, str(company), [company], (str(company),), iter([company])):
        cal = khcal.Calendar(files, **FIXED)  # type: ignore[arg-type]
        assert cal.is_holiday("2026-03-16"), files
    with pytest.raises(khcal.DefinitionsError) as missing:
        khcal.Calendar("company.toml", **FIXED)  # type: ignore[arg-type]
    assert [str(p.path) for p in missing.value.problems] == ["company.toml"]
    one = khcal.Calendar(categories="religious", **FIXED)  # type: ignore[arg-type]
    assert one.settings.categories == ("religious",)
    assert one.upcoming(3) == khcal.Calendar(categories=["religious"], **FIXED).upcoming(3)  # type: ignore[arg-type]
    cal = khcal.Calendar(**FIXED)  # type: ignore[arg-type]
    assert cal.occurrences("2026-01-01", "2026-12-31", categories="religious") == cal.occurrences(
        "2026-01-01", "2026-12-31", categories=["religious"]
    )
    assert cal.upcoming(2, categories="royal") == cal.upcoming(2, categories=("royal",))
    assert cal.feed(2026, 2026, categories="royal") == cal.feed(2026, 2026, categories=["royal"])
    assert khcal.Calendar(weekend=["fri", "sat"], **FIXED).settings.weekend == {4, 5}  # type: ignore[arg-type]


def test_every_error_class_is_importable_from_khcal() -> None:
    from khcal import errors

    found = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, errors.KhcalError) and not name.startswith("_")
    }
    assert found >= {"KhcalError", "DefinitionsError", "UnknownObservanceError", "ArgumentTypeError"}
    for name in found | {"SettingError", "ConfigError", "ValueProblem"}:
        assert name in khcal.__all__, name
        assert issubclass(getattr(khcal, name), khcal.KhcalError)
        assert name in dir(khcal)
    for name in khcal.__all__:
        assert getattr(khcal, name) is not None
    with pytest.raises(AttributeError, match="Calender"):
        khcal.Calender  # type: ignore[attr-defined]  # noqa: B018
