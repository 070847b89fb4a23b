"""The settings file config.toml: parsing, validation, and how the commands use it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khcal import config_file as config
from support.command_line import run


def write_config(tmp_path: Path, text: str) -> Path:
    folder = tmp_path / "config" / "khcal"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- parsing ------------------------------------------------------------------------------------------


def test_every_setting() -> None:
    found = config.parse_text(
        'lang = "km"\ntz = "Europe/Paris"\nweekend = ["fri", "sat"]\n'
        'categories = ["royal", "national"]\nfiles = ["a.toml", "/abs/b.toml", "~/c.toml"]\n',
        Path("/home/me/.config/khcal/config.toml"),
    )
    assert (found.lang, found.tz, found.weekend) == ("km", "Europe/Paris", (4, 5))
    assert found.categories == ("royal", "national")
    assert found.definition_files(Path("/home/me")) == [
        "/home/me/.config/khcal/a.toml",
        "/abs/b.toml",
        "/home/me/c.toml",
    ]


def test_empty_file_sets_nothing() -> None:
    found = config.parse_text("# nothing yet\n", "config.toml")
    assert (found.lang, found.tz, found.weekend, found.categories, found.files) == (
        None,
        None,
        None,
        None,
        (),
    )


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        ('lang = "fr"\n', 1, "field 'lang': 'fr' is not one of en, km"),
        ('\ntz = "Mars/Olympus"\n', 2, "field 'tz': unknown time zone 'Mars/Olympus'"),
        ('lang = "en"\nweekend = "sat,sunday,funday"\n', 2, "field 'weekend': 'funday' is not a day"),
        ("weekend = 6\n", 1, "field 'weekend': must be a string"),
        ('langs = "km"\n', 1, "field 'langs': unknown setting 'langs' (did you mean 'lang'?)"),
        ("categories = [1]\n", 1, "field 'categories': must be an array of strings"),
        ('categories = ["Royal Days"]\n', 1, "field 'categories': 'Royal Days' is not a category name"),
        ("files = 3\n", 1, "field 'files': must be an array of strings"),
        ('lang = "km\n', 1, "TOML syntax error"),
    ],
)
def test_problems_name_file_line_and_field(text: str, line: int, expected: str) -> None:
    with pytest.raises(config.ConfigError) as caught:
        config.parse_text(text, "/etc/khcal/config.toml")
    assert str(caught.value).startswith(f"/etc/khcal/config.toml:{line}: ")
    assert expected in str(caught.value)


def test_every_problem_is_listed() -> None:
    with pytest.raises(config.ConfigError) as caught:
        config.parse_text('lang = "fr"\ntz = 3\nweekend = "xyz"\n', "c.toml")
    lines = str(caught.value).splitlines()
    assert [line.split(":")[1] for line in lines] == ["1", "2", "3"]


# --- the commands -------------------------------------------------------------------------------------


def test_config_sets_the_language(tmp_path: Path) -> None:
    write_config(tmp_path, 'lang = "km"\n')
    code, out, err = run("next", "1", "--today", "2026-01-04", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["name"] == "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍"


def test_option_and_environment_win_over_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_config(tmp_path, 'lang = "km"\n')
    code, out, _ = run("next", "1", "--today", "2026-01-02", "--json", "--lang", "en")
    assert json.loads(out)[0]["name"] == "Victory over Genocide Day"
    monkeypatch.setenv("KHCAL_LANG", "en")
    code, out, _ = run("next", "1", "--today", "2026-01-02", "--json")
    assert code == 0
    assert json.loads(out)[0]["name"] == "Victory over Genocide Day"


def test_config_categories_are_the_default_filter(tmp_path: Path) -> None:
    write_config(tmp_path, 'categories = "remembrance"\n')
    code, out, _ = run("next", "2", "--today", "2026-01-02", "--json")
    assert [o["id"] for o in json.loads(out)] == ["victory-over-genocide", "holocaust-remembrance"]
    code, out, _ = run("next", "1", "--today", "2026-01-02", "--json", "--category", "religious")
    assert code == 0
    assert [o["id"] for o in json.loads(out)] == ["meak-bochea"]


def test_config_files_are_loaded(tmp_path: Path) -> None:
    write_config(tmp_path, 'files = ["../../extra/company.toml"]\n')
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "company.toml").write_text(
        '[[observances]]\nid = "company-day"\nname = "Company Day"\ncategory = "company"\n'
        'rule = { kind = "fixed", month = 1, day = 3 }\ndescription = "Founded."\n'
        "[[observances.holiday]]\n",
        encoding="utf-8",
    )
    code, out, err = run("next", "1", "--today", "2026-01-02", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["id"] == "company-day"


def test_config_weekend_reaches_today(tmp_path: Path) -> None:
    # 2 January 2026 is a Friday: a weekend day only with a Friday-Saturday weekend.
    code, out, _ = run("today", "--today", "2026-01-02", "--json")
    assert json.loads(out)["weekend"] is False
    write_config(tmp_path, 'weekend = "fri,sat"\n')
    code, out, _ = run("today", "--today", "2026-01-02", "--json")
    assert code == 0
    assert json.loads(out)["weekend"] is True and json.loads(out)["workday"] is False


def test_config_weekend_reaches_the_working_day_commands(tmp_path: Path) -> None:
    # Friday 2 January 2026 is worked with the usual weekend, not with a Friday-Saturday one.
    assert run("is-workday", "2026-01-02", "-q")[0] == 0
    write_config(tmp_path, 'weekend = ["fri", "sat"]\n')
    assert run("is-workday", "2026-01-02", "-q")[0] == 1
    # Sunday 4 January is then worked; the option still wins over the file.
    assert run("is-workday", "2026-01-04", "-q")[0] == 0
    assert run("is-workday", "2026-01-04", "-q", "--weekend", "sat,sun")[0] == 1
    # After New Year's Day: Friday with the usual weekend, Sunday with a Friday-Saturday one.
    assert run("workdays", "next", "2026-01-01", "--weekend", "sat,sun")[1].strip() == "2026-01-02"
    assert run("workdays", "next", "2026-01-01")[1].strip() == "2026-01-04"


def test_config_language_and_files_reach_every_command(tmp_path: Path) -> None:
    extra = tmp_path / "config" / "khcal" / "company.toml"
    path = write_config(tmp_path, 'lang = "km"\nfiles = ["company.toml"]\n')
    extra.write_text(
        '[[observances]]\nid = "company-day"\nname = "Company Day"\ncategory = "company"\n'
        'rule = { kind = "fixed", month = 1, day = 5 }\ndescription = "Ours."\n[[observances.holiday]]\n',
        encoding="utf-8",
    )
    assert path.is_file()
    code, out, _ = run("is-holiday", "2026-01-07", "--today", "2026-01-02")
    assert code == 0 and "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍" in out
    assert run("is-holiday", "2026-01-05", "-q")[0] == 0  # the company's day off, from the file
    code, out, _ = run("lunar", "2026-05-01", "--plain")
    assert "ពិសាខ" in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('weekend = "sat,funday"\n', ":1: field 'weekend': 'funday' is not a day of the week"),
        (
            '# my settings\ncategories = ["royal", "sports"]\n',
            ":2: field 'categories': 'sports' is not a category",
        ),
        ('lang = "en"\ncolour = true\n', ":2: field 'colour': unknown setting 'colour'"),
        # The file's own language words its problems.
        ('lang = "km"\ncolour = true\n', ":2៖ វាល 'colour'៖ មិនស្គាល់ការកំណត់ 'colour' ទេ"),
    ],
)
def test_invalid_config_stops_every_command(tmp_path: Path, text: str, expected: str) -> None:
    path = write_config(tmp_path, text)
    for command in (
        ["next"],
        ["cal", "2026", "1"],
        ["today"],
        ["list", "--year", "2026"],
        ["is-holiday", "2026-01-05"],
        ["workdays", "count", "2026-01-01", "2026-01-31"],
        ["lunar", "2026-01-05"],
        ["export", "--from", "2026", "--to", "2026"],
    ):
        code, out, err = run(*command, "--today", "2026-01-02")
        assert code == 2
        assert out == ""
        [line] = err.strip().splitlines()
        assert line.startswith(f"khcal: {path}{expected}")


def test_config_toml_is_not_a_definitions_file(tmp_path: Path) -> None:
    """config.toml sits in the folder of the user's definitions files but is read as settings only: its
    language is used, and it is not merged (nor refused) as a definitions file beside company.toml."""
    path = write_config(tmp_path, 'lang = "km"\n')
    (path.parent / "company.toml").write_text(
        '[[observances]]\nid = "company-day"\nname = "Company Day"\ncategory = "company"\n'
        'rule = { kind = "fixed", month = 1, day = 3 }\ndescription = "Ours."\n',
        encoding="utf-8",
    )
    code, out, err = run("next", "2", "--today", "2026-01-02", "--json", "--category", "company")
    assert code == 0, err
    assert [o["id"] for o in json.loads(out)] == ["company-day", "company-day"]
    code, out, err = run("next", "1", "--today", "2026-01-04", "--json")
    assert code == 0, err
    assert json.loads(out)[0]["name"] == "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍"
