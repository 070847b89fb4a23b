"""The command line: next, list, show and check, through Typer's runner and as an installed command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from khcal.cli import app
from support.command_line import run


def test_next_json_starts_with_victory_over_genocide() -> None:
    code, out, err = run("next", "--today", "2026-01-02", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert len(found) == 5
    first = found[0]
    assert (first["id"], first["start"], first["end"], first["days_until"]) == (
        "victory-over-genocide",
        "2026-01-07",
        "2026-01-07",
        5,
    )
    assert first["holiday"] is True and first["status"] == "official"
    assert first["category"] == "remembrance"
    assert first["anniversary"] == 47
    assert [o["start"] for o in found] == sorted(o["start"] for o in found)


def test_next_counts_and_filters() -> None:
    code, out, _ = run("next", "3", "--today", "2026-10-01", "--holidays", "--json")
    assert code == 0
    assert [o["id"] for o in json.loads(out)] == ["pchum-ben", "king-father-commemoration", "coronation-day"]
    code, out, _ = run("next", "2", "--today", "2026-01-02", "--category", "remembrance", "--json")
    assert [o["id"] for o in json.loads(out)] == ["victory-over-genocide", "holocaust-remembrance"]


def test_next_table_for_people(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "140")
    code, out, _ = run("next", "--today", "2026-01-02", "--no-color")
    assert code == 0
    assert "Victory over Genocide Day" in out
    assert "in 5 days" in out
    assert "47th anniversary" in out
    assert "\x1b[" not in out


def test_next_in_khmer() -> None:
    code, out, _ = run("next", "1", "--today", "2026-01-02", "--lang", "km", "--json")
    assert json.loads(out)[0]["name"] == "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍"
    code, out, _ = run("next", "1", "--today", "2026-01-02", "--lang", "km")
    assert code == 0
    assert "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍" in out


def test_language_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHCAL_LANG", "km")
    _code, out, _ = run("next", "1", "--today", "2026-01-02", "--json")
    assert json.loads(out)[0]["name"] == "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍"


def test_list_year_holidays_json() -> None:
    code, out, _ = run("list", "--year", "2025", "--holidays", "--json", "--today", "2025-01-01")
    assert code == 0
    found = json.loads(out)
    assert all(o["holiday"] for o in found)
    pchum = next(o for o in found if o["id"] == "pchum-ben")
    assert (pchum["start"], pchum["end"]) == ("2025-09-21", "2025-09-23")
    assert [(o["start"], o["id"]) for o in found] == sorted((o["start"], o["id"]) for o in found)


def test_list_range_of_days_and_years() -> None:
    code, out, _ = run(
        "list", "--from", "2026-04-01", "--to", "2026-05-01", "--holidays", "--json", "--today", "2026-01-01"
    )
    assert code == 0
    assert [o["id"] for o in json.loads(out)] == [
        "khmer-new-year",
        "international-labour-day",
        "visak-bochea",
    ]
    _code, out, _ = run(
        "list", "--from", "2027", "--to", "2027", "--holidays", "--json", "--today", "2026-01-01"
    )
    found = json.loads(out)
    assert {o["status"] for o in found} == {"projected"}
    assert found[0]["start"] == "2027-01-01"


def test_list_defaults_to_this_year_in_the_time_zone() -> None:
    _code, out, _ = run("list", "--holidays", "--json", "--today", "2024-06-01")
    assert {o["start"][:4] for o in json.loads(out)} == {"2024"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--from", "2026", "--to", "2025"], "khcal: --from 2026 is after --to 2025"),
        (["list", "--year", "2026", "--from", "2025"], "khcal: --year cannot be combined with --from/--to"),
        (["list", "--year", "2300"], "khcal: year 2300 is outside the supported range 1800-2200"),
        (["list", "--from", "2026-02-30"], "khcal: --from: '2026-02-30' is not a date"),
        (["next", "--today", "yesterday-ish"], "khcal: --today: 'yesterday-ish' is not a date"),
        (["next", "--today", "2026-01-02", "--lang", "fr"], "khcal: --lang: 'fr' is not one of en, km"),
        (["next", "--tz", "Mars/Olympus"], "khcal: --tz: unknown time zone 'Mars/Olympus'"),
        (
            ["next", "--today", "2026-01-02", "--category", "sport"],
            "khcal: --category: 'sport' is not a category",
        ),
        (["show", "pchum-benn"], "khcal: unknown observance id 'pchum-benn'; did you mean pchum-ben"),
        (["next", "--bogus"], "khcal: No such option: --bogus"),
        (["next", "zero"], "khcal: N: 'zero' is not a whole number (use digits, such as 3 or -3)"),
        (["show"], "khcal: Missing argument 'ID'"),
        (["check", "/nonexistent/file.toml"], "khcal: /nonexistent/file.toml: no such file"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert err.startswith(message), err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err
    assert out == ""


def test_show_text_has_every_part() -> None:
    code, out, _ = run("show", "victory-over-genocide", "--today", "2026-01-02")
    assert code == 0
    for part in (
        "Victory over Genocide Day",
        "ទិវាជ័យជម្នះលើរបបប្រល័យពូជសាសន៍",
        "Rule",
        "7 January every year",
        "History",
        "Sources",
        "Next dates",
        "in 5 days",
        "47th anniversary",
        "Khmer Rouge",
    ):
        assert part in out, part


def test_show_json_shape() -> None:
    code, out, _ = run("show", "king-birthday", "--today", "2026-01-02", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["id"] == "king-birthday"
    assert shown["names"]["km"].startswith("ព្រះរាជពិធីបុណ្យចម្រើនព្រះជន្ម")
    assert shown["category"] == "royal"
    assert "1953" in shown["description"]
    periods = shown["history"]["holiday_periods"]
    assert [(p["since"], p["until"], p["days"]) for p in periods] == [(2005, 2019, 3), (2020, None, None)]
    assert shown["sources"]
    first = shown["occurrences"][0]
    assert (first["start"], first["days_until"], first["anniversary"]) == ("2026-05-14", 132, 73)


def test_show_year() -> None:
    _code, out, _ = run("show", "king-birthday", "--year", "2019", "--today", "2026-01-02", "--json")
    [occ] = json.loads(out)["occurrences"]
    assert (occ["start"], occ["end"]) == ("2019-05-13", "2019-05-15")


def test_show_lists_decreed_exceptions() -> None:
    _code, out, _ = run("show", "khmer-new-year", "--today", "2026-01-02", "--json")
    exceptions = json.loads(out)["history"]["exceptions"]
    cancelled = next(e for e in exceptions if e["year"] == 2020)
    assert cancelled["holiday"] is False
    assert cancelled["sources"][0]["url"].startswith("https://")


def test_user_file_is_merged_and_replaces_by_id(tmp_path: Path) -> None:
    mine = tmp_path / "mine.toml"
    mine.write_text(
        """
[[observances]]
id = "company-day"
name = "Company Day"
category = "company"
rule = { kind = "fixed", month = 1, day = 5 }
description = "Ours."
[[observances.holiday]]
""",
        encoding="utf-8",
    )
    code, out, err = run("next", "2", "--today", "2026-01-02", "--holidays", "--json", "--file", str(mine))
    assert code == 0, err
    assert [o["id"] for o in json.loads(out)] == ["company-day", "victory-over-genocide"]


def test_user_files_in_the_config_folder_are_loaded(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "khcal"
    folder.mkdir(parents=True)
    (folder / "extra.toml").write_text(
        '[[observances]]\nid = "x-day"\nname = "X"\ncategory = "company"\n'
        'rule = { kind = "fixed", month = 1, day = 3 }\ndescription = "X."\n',
        encoding="utf-8",
    )
    _code, out, _ = run("next", "1", "--today", "2026-01-02", "--json")
    assert json.loads(out)[0]["id"] == "x-day"


def test_broken_user_file_lists_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[observances]]\nid = "x"\nname = "X"\ncategory = "company"\n'
        'rule = { kind = "fixed", month = 2, day = 30 }\ndescription = "X."\ncolour = "red"\n',
        encoding="utf-8",
    )
    code, out, err = run("check", str(bad))
    assert code == 2
    lines = err.strip().splitlines()
    assert lines == [
        f"khcal: {bad}:5: observance 'x': field 'rule.day': month 2 has no day 30",
        f"khcal: {bad}:7: observance 'x': field 'colour': unknown key 'colour'",
    ]
    code, out, err = run("next", "--file", str(bad), "--today", "2026-01-02")
    assert code == 2 and out == ""


def test_check_accepts_the_builtin_catalogue() -> None:
    from khcal.core.definitions import builtin_path

    code, out, _ = run("check", str(builtin_path()))
    assert code == 0
    assert out.strip().endswith("valid")


def test_version() -> None:
    from khcal import __version__

    code, out, _ = run("--version")
    assert (code, out.strip()) == (0, f"khcal {__version__}")


def test_help_shows_examples_for_each_command() -> None:
    for command in ("next", "list", "show", "check"):
        code, out, _ = run(command, "--help")
        assert code == 0
        assert "Examples" in out and f"khcal {command}" in out, command


# --- the installed command -----------------------------------------------------------------------------


def installed() -> list[str]:
    exe = shutil.which("khcal", path=str(Path(sys.executable).parent)) or shutil.which("khcal")
    assert exe, "the khcal command is not installed"
    return [exe]


def test_installed_command_runs_from_any_folder(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [*installed(), "next", "1", "--today", "2026-01-02", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["id"] == "victory-over-genocide"


def test_python_dash_m(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-m", "khcal", "show", "nope"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("khcal: unknown observance id 'nope'")


def test_a_closed_pipe_is_not_an_error(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        f"'{installed()[0]}' list --from 1900 --to 2100 --json | head -c 10",
        shell=True,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert "Traceback" not in done.stderr
    assert done.stdout.startswith("[")


@pytest.mark.parametrize(
    "args",
    [
        ["next", "50"],
        ["list", "--from", "1990", "--to", "2030"],
        ["show", "pchum-ben"],
        ["is-holiday", "2026-01-01"],
    ],
)
def test_an_unwritable_output_is_one_line_and_exit_2(tmp_path: Path, args: list[str]) -> None:
    full = Path("/dev/full")
    if not full.exists():
        pytest.skip("this system has no /dev/full")
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    with full.open("w") as sink:
        done = subprocess.run([*installed(), *args], stdout=sink, stderr=subprocess.PIPE, text=True, env=env,
                              check=False)  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == "khcal: cannot write the output: No space left on device\n"


@pytest.mark.parametrize(
    "args", [["next", "500"], ["list", "--from", "1900", "--to", "2100"], ["cal", "2026"]]
)
def test_a_reader_that_goes_away_ends_with_0(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    process = subprocess.Popen([*installed(), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    code = process.wait(timeout=30)
    assert code == 0
    assert b"Traceback" not in process.stderr.read()


def test_every_option_of_every_command_has_an_example() -> None:
    # docs/cli.md: `khcal COMMAND --help` must show every option with an example.
    import typer.main

    def leaves(command: object, path: str) -> list[tuple[str, object]]:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            return [leaf for name, sub in subcommands.items() for leaf in leaves(sub, f"{path} {name}")]
        return [(path, command)]

    found = leaves(typer.main.get_command(app), "khcal")
    assert len(found) >= 15
    missing = [
        (path, option.opts)
        for path, command in found
        for option in command.params  # type: ignore[attr-defined]
        if option.param_type_name == "option" and "Example" not in (option.help or "")
    ]
    assert missing == []
    for path, _ in found:
        code, out, _ = run(*path.split()[1:], "--help")
        assert code == 0 and "Example" in out, path


@pytest.mark.parametrize("args", [[], ["workdays"]])
def test_a_bare_command_prints_its_help(args: list[str]) -> None:
    code, out, err = run(*args)
    assert code == 0
    assert out.startswith(f"Usage: khcal {' '.join(args)}".rstrip() + " [OPTIONS] COMMAND")
    assert "Examples" in out
    assert err == ""


_OBSERVANCE = (
    '[[observances]]\nid = "mine"\nname = "Mine"\ncategory = "company"\n'
    'rule = {{ kind = "fixed", month = 3, day = 3 }}\ndescription = "Mine."\n{extra}'
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('[[observances]]\nid = "mine\n', ":2: TOML syntax error"),  # syntax error
        (
            _OBSERVANCE.format(extra="days = true\n"),
            ":7: observance 'mine': field 'days': must be a whole number",
        ),
        (_OBSERVANCE.format(extra="colour = 1\n"), ":7: observance 'mine': field 'colour': unknown key"),
        (
            _OBSERVANCE.format(
                extra='[[observances.exceptions]]\nyear = 2026\nstart = "2026-02-30"\nsources = ["x"]\n'
            ),
            ":9: observance 'mine': field 'exceptions[0].start'",
        ),
        (
            _OBSERVANCE.format(extra="") + _OBSERVANCE.format(extra=""),
            ":8: observance 'mine': field 'id': duplicate",
        ),
    ],
    ids=["syntax", "type", "unknown-key", "bad-date", "duplicate-id"],
)
def test_check_reports_each_kind_of_broken_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    code, out, err = run("check", str(path))
    assert code == 2 and out == ""
    [line] = err.strip().splitlines()
    assert line.startswith(f"khcal: {path}{expected}"), line
    assert "Traceback" not in err
