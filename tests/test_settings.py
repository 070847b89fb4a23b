"""The one settings layer: where each value comes from, how it is checked, and that every entry point (the
Typer commands, the fast path, export) reads it the same way."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from khcal.cli import fastpath
from khcal.config_file import Config
from khcal.errors import KhcalError
from khcal.settings import SettingError, language, resolve
from support.command_line import run, write_config

TODAY = ("--today", "2026-01-02")


# --- resolve: precedence and sources -----------------------------------------------------------------


def test_argument_then_environment_then_config_then_default() -> None:
    conf = Config(path=Path("/c/config.toml"), lang="km", tz="Europe/Paris", lines={"lang": 1, "tz": 2})
    assert resolve(config=conf, environ={}).lang == "km"
    assert resolve(config=conf, environ={"KHCAL_LANG": "en"}).lang == "en"
    assert resolve(lang="km", config=conf, environ={"KHCAL_LANG": "en"}).lang == "km"
    assert resolve(config=Config(), environ={}).lang == "en"
    found = resolve(config=conf, environ={"KHCAL_TZ": "Asia/Tokyo"})
    assert found.tz == "Asia/Tokyo"
    assert found.origins == {"lang": "/c/config.toml:1: field 'lang'", "tz": "KHCAL_TZ"}
    assert resolve(config=Config(), environ={}).tz == "Asia/Phnom_Penh"


def test_weekend_sector_extra_days_and_today() -> None:
    found = resolve(
        weekend="fri,sat", sector="public", extra_off=["2026-12-24", "tomorrow"], today="2026-01-02",
        config=Config(), environ={},
    )  # fmt: skip
    assert found.weekend == frozenset({4, 5})
    assert found.sector == "public"
    assert found.extra_off == (date(2026, 12, 24), date(2026, 1, 3))
    assert found.today == date(2026, 1, 2)


@pytest.mark.parametrize(
    ("kwargs", "environ", "expected"),
    [
        ({"tz": ""}, {}, "--tz: an empty value; use an IANA time zone name"),
        ({}, {"KHCAL_TZ": ""}, "KHCAL_TZ: an empty value; use an IANA time zone name"),
        ({}, {"KHCAL_LANG": "fr"}, "KHCAL_LANG: 'fr' is not one of en, km"),
        ({"lang": ""}, {}, "--lang: an empty value; use one of en, km"),
        ({"tz": "Mars/Olympus"}, {}, "--tz: unknown time zone 'Mars/Olympus' (use an IANA name"),
        ({"sector": "state"}, {}, "--sector: 'state' is not one of private, public"),
        ({"weekend": ""}, {}, "--weekend: an empty value; use a comma list of mon, tue"),
        ({"today": "soon"}, {}, "--today: 'soon' is not a date (use YYYY-MM-DD, today, tomorrow, yesterday"),
        ({"extra_off": ["x"]}, {}, "--extra-off: 'x' is not a date"),
    ],
)
def test_a_bad_value_names_where_it_came_from(
    kwargs: dict[str, object], environ: dict[str, str], expected: str
) -> None:
    with pytest.raises(SettingError) as caught:
        resolve(config=Config(), environ=environ, **kwargs)  # type: ignore[arg-type]
    assert str(caught.value).startswith(expected)


def test_errors_after_the_language_are_in_that_language() -> None:
    with pytest.raises(KhcalError) as caught:
        resolve(tz="Mars/Olympus", config=Config(), environ={"KHCAL_LANG": "km"})
    assert language(None, {"KHCAL_LANG": "km"}) == "km"  # what the command line words it in
    assert "Mars/Olympus" in caught.value.message("km") and "unknown" not in caught.value.message("km")


def test_the_command_line_words_errors_in_the_resolved_language(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = run("next", "--tz", "Mars/Olympus", "--lang", "km")
    assert (code, out) == (2, "")
    assert err.startswith("khcal: --tz៖ មិនស្គាល់ល្វែងម៉ោង 'Mars/Olympus'")
    monkeypatch.setenv("KHCAL_LANG", "km")
    code, _, err = run("list", "--year", "2026", "--from", "2026", *TODAY)
    assert code == 2 and err.startswith("khcal: --year មិនអាចប្រើជាមួយ --from/--to បានទេ")
    code, _, err = run("next", "--lang", "fr")  # the language itself is wrong: English
    assert err == "khcal: --lang: 'fr' is not one of en, km\n"


def test_environment_errors_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHCAL_TZ", "")
    assert run("next")[2].startswith("khcal: KHCAL_TZ: an empty value")
    monkeypatch.setenv("KHCAL_TZ", "Asia/Phnom_Penh")
    monkeypatch.setenv("KHCAL_LANG", "fr")
    assert run("next")[2] == "khcal: KHCAL_LANG: 'fr' is not one of en, km\n"


def test_config_errors_name_the_file_and_line(isolated: Path) -> None:
    path = write_config(isolated, '# mine\nlang = "en"\ntz = ""\n')
    code, _, err = run("next", *TODAY)
    assert code == 2
    assert err.startswith(f"khcal: {path}:3: field 'tz': an empty value")


def test_a_settings_file_words_its_problems_in_its_own_language(isolated: Path) -> None:
    """`lang = "km"` in a settings file with another problem: the language is known, the error is Khmer;
    also when the file is not TOML at all, from its own `lang` line. Another language asked for wins."""
    path = write_config(isolated, '# mine\nlang = "km"\ntz = ""\n')
    assert run("next", *TODAY)[2].startswith(f"khcal: {path}:3៖ វាល 'tz'៖ តម្លៃទទេ។")
    assert run("next", "--lang", "en", *TODAY)[2].startswith(f"khcal: {path}:3: field 'tz': an empty value")
    write_config(isolated, 'lang = "km"\nweekend = "sat\n')
    assert run("next", *TODAY)[2].startswith(f"khcal: {path}:2៖ កំហុសវាក្យសម្ព័ន្ធ TOML៖ ")
    write_config(isolated, 'lang = "fr"\ntz = ""\n')  # not a language: every problem in English
    assert run("next", *TODAY)[2].startswith(f"khcal: {path}:1: field 'lang': 'fr' is not one of en, km")


def test_a_broken_settings_file_is_reported_in_the_language_asked_for(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config(isolated, 'weekend = "satday"\n')
    code, _, err = run("next", "--lang", "km", *TODAY)
    assert code == 2
    assert err.startswith(f"khcal: {path}:1៖ វាល 'weekend'៖ 'satday' មិនមែនជាថ្ងៃនៃសប្តាហ៍ទេ")
    monkeypatch.setenv("KHCAL_LANG", "km")
    assert run("is-workday", "2026-04-14")[2] == err
    monkeypatch.setenv("KHCAL_LANG", "fr")  # no language to be had: English
    assert run("next", *TODAY)[2].startswith(f"khcal: {path}:1: field 'weekend': 'satday' is not a day")


def test_a_bad_weekend_option_is_worded_in_khmer() -> None:
    code, _, err = run("is-workday", "2026-04-14", "--weekend", "satday", "--lang", "km")
    assert code == 2 and err.startswith("khcal: --weekend៖ 'satday' មិនមែនជាថ្ងៃនៃសប្តាហ៍ទេ (តើអ្នកចង់សរសេរ 'sat'")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["next", "many"], "khcal: N: 'many' is not a whole number (use digits, such as 3 or -3)"),
        (["next", "0"], "khcal: N: 0 is not between 1 and 10000"),
        (["show", "pchum-ben", "--count", "x"], "khcal: --count: 'x' is not a whole number"),
        (["list", "--year", "twenty"], "khcal: --year: 'twenty' is not a whole number"),
        (["workdays", "add", "2026-01-05", "1.5"], "khcal: N: '1.5' is not a whole number"),
    ],
)
def test_number_errors_in_khcal_words(args: list[str], expected: str) -> None:
    code, out, err = run(*args, *TODAY)
    assert (code, out) == (2, "")
    assert err.startswith(expected)
    assert "Input should be" not in err


# --- options before the command name ------------------------------------------------------------------


def test_options_before_the_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run("--lang", "km", "next", "1", "--json", *TODAY)
    assert code == 0, err
    assert json.loads(out)[0]["name"] == "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍"
    assert run("--tz=Europe/Paris", "--today", "2026-04-14", "is-holiday", "-q")[0] == 0
    assert fastpath.dispatch(["--lang", "km", "is-holiday", "2026-01-07"]) == 0
    assert "ទិវាជ័យជម្នះ" in capsys.readouterr().out


# --- colour -------------------------------------------------------------------------------------------


def test_colour_flags_beat_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in run("next", "1", *TODAY)[1]
    assert "\x1b[" not in run("next", "1", "--no-color", *TODAY)[1]
    monkeypatch.delenv("FORCE_COLOR")
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run("next", "1", *TODAY)[1]
    assert "\x1b[" in run("next", "1", "--color", *TODAY)[1]
    assert "\x1b[" not in run("next", "1", *TODAY)[1]  # the choice lasted one command


# --- export and list agree ----------------------------------------------------------------------------


def _list_starts(*args: str) -> list[str]:
    code, out, err = run("list", "--from", "2027", "--to", "2027", "--json", *args, *TODAY)
    assert code == 0, err
    return sorted(o["start"].replace("-", "") for o in json.loads(out))


def _export_starts(*args: str) -> list[str]:
    code, out, err = run("export", "--from", "2027", "--to", "2027", *args, *TODAY)
    assert code == 0, err
    return sorted(re.findall(r"DTSTART;VALUE=DATE:(\d{8})", out))


COMPANY = (
    '[[observances]]\nid = "company-day"\nname = "Company Day"\ncategory = "company"\n'
    'rule = { kind = "fixed", month = 3, day = 3 }\ndescription = "Ours."\n[[observances.holiday]]\n'
)


@pytest.mark.parametrize(
    ("config", "args"),
    [
        ("", []),
        ('categories = ["national"]\n', []),
        ('categories = "remembrance, royal"\n', []),
        ('categories = ["national"]\n', ["--category", "religious"]),
        ("", ["--holidays"]),
        ('categories = ["remembrance"]\n', ["--holidays"]),
        ('lang = "km"\n', ["--category", "international"]),
        ('files = ["../company.toml"]\ncategories = ["company", "national"]\n', []),
    ],
)
def test_export_and_list_agree_under_every_setting(isolated: Path, config: str, args: list[str]) -> None:
    write_config(isolated, config)
    (isolated / "company.toml").write_text(COMPANY, encoding="utf-8")  # read only when a setting names it
    listed = _list_starts(*args)
    assert listed, "the case shows something"
    assert ("20270303" in listed) == ("company" in config)
    assert _export_starts(*args) == listed


def test_the_settings_categories_narrow_export() -> None:
    everything = _export_starts()
    assert len(_export_starts("--category", "national")) < len(everything)


def test_each_command_starts_in_english_until_its_language_is_known() -> None:
    assert run("next", "1", "--lang", "km", *TODAY)[0] == 0
    code, _, err = run("next", "--bogus")
    assert code == 2 and err.startswith("khcal: No such option: --bogus (see 'khcal next --help')")


def _list_names(*args: str) -> list[str]:
    code, out, err = run("list", "--from", "2027", "--to", "2027", "--json", *args, *TODAY)
    assert code == 0, err
    return sorted(o["name"] for o in json.loads(out))


def _export_names(*args: str) -> list[str]:
    code, out, err = run("export", "--from", "2027", "--to", "2027", *args, *TODAY)
    assert code == 0, err
    unfolded = re.sub(r"\r?\n ", "", out)
    return sorted(re.findall(r"^SUMMARY:(.*?)\r?$", unfolded, flags=re.M))


@pytest.mark.parametrize(
    ("where", "args"),
    [
        ("option", ["--lang", "km"]),
        ("option", ["--file", "{company}", "--category", "company"]),
        ("folder", ["--category", "company", "--holidays"]),
        ("option", ["--file", "{company}", "--lang", "km", "--holidays"]),
    ],
)
def test_export_and_list_agree_on_files_and_language(isolated: Path, where: str, args: list[str]) -> None:
    company = isolated / "company.toml"
    if where == "folder":  # a definitions file in the config folder is read by every command
        company = isolated / "khcal" / "company.toml"
    company.parent.mkdir(parents=True, exist_ok=True)
    company.write_text(
        COMPANY.replace('name = "Company Day"', 'name = { en = "Company Day", km = "ថ្ងៃក្រុមហ៊ុន" }'),
        encoding="utf-8",
    )
    given = [a.format(company=company) for a in args]
    listed = _list_names(*given)
    assert listed and _export_names(*given) == listed
    if "company" in given or "--file" in given:
        assert ("ថ្ងៃក្រុមហ៊ុន" if "km" in given else "Company Day") in listed
