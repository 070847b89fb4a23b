"""The terminal experience beyond the screens: countdown words, `khcal today`, `khcal cal` errors, help with
examples, `khcal help TOPIC`, and shell completion."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from khcal.cli import app, help_topics
from khcal.core import definitions as catalogue
from khcal.text import dates as describe
from khcal.views.render import date_span
from support.command_line import run

ROOT = Path(__file__).resolve().parents[1]


FORMS = "(use YYYY-MM-DD, today, tomorrow, yesterday, or a day such as 7 Jan 2027 or 2027/1/7)"
"""What every DATE accepts, as the hint of a bad date lists it."""


# --- countdowns and anniversaries ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "en", "km"),
    [
        (0, "today", "ថ្ងៃនេះ"),
        (1, "tomorrow", "ថ្ងៃស្អែក"),
        (-1, "yesterday", "ម្សិលមិញ"),
        (2, "in 2 days", "២ ថ្ងៃទៀត"),
        (13, "in 13 days", "១៣ ថ្ងៃទៀត"),
        (14, "in 2 weeks", "២ សប្តាហ៍ទៀត"),
        (35, "in 5 weeks", "៥ សប្តាហ៍ទៀត"),
        (59, "in 8 weeks", "៨ សប្តាហ៍ទៀត"),
        (60, "in 2 months", "២ ខែទៀត"),
        (120, "in 4 months", "៤ ខែទៀត"),
        (365, "in 1 year", "១ ឆ្នាំទៀត"),
        (430, "in 14 months", "១៤ ខែទៀត"),
        (800, "in 2 years", "២ ឆ្នាំទៀត"),
        (3652, "in 10 years", "១០ ឆ្នាំទៀត"),
        (-3, "3 days ago", "៣ ថ្ងៃមុន"),
        (-21, "3 weeks ago", "៣ សប្តាហ៍មុន"),
        (-366, "1 year ago", "១ ឆ្នាំមុន"),
    ],
)
def test_countdown(days: int, en: str, km: str) -> None:
    assert describe.countdown(days, "en") == en
    assert describe.countdown(days, "km") == km


def test_countdown_never_says_one_in_plural() -> None:
    for days in range(-2000, 2000):
        text = describe.countdown(days, "en")
        assert not re.search(r"\b1 (days|weeks|months|years)\b", text), (days, text)


@pytest.mark.parametrize(
    ("start", "end", "en", "km"),
    [
        (date(2026, 1, 7), date(2026, 1, 7), "Wed 7 Jan 2026", "ពុធ ៧ មករា ២០២៦"),
        (
            date(2026, 4, 14),
            date(2026, 4, 16),
            "Tue 14 \u2013 Thu 16 Apr 2026",
            "អង្គារ ១៤ \u2013 ១៦ មេសា ២០២៦",
        ),
        (
            date(2026, 4, 30),
            date(2026, 5, 2),
            "Thu 30 Apr \u2013 Sat 2 May 2026",
            "ព្រហស្បតិ៍ ៣០ មេសា \u2013 ២ ឧសភា ២០២៦",
        ),
        (date(2025, 12, 31), date(2026, 1, 1), "Wed 31 Dec 2025 \u2013 Thu 1 Jan 2026", None),
    ],
)
def test_date_span(start: date, end: date, en: str, km: str | None) -> None:
    assert date_span(start, end, "en") == en
    if km is not None:
        assert date_span(start, end, "km") == km


def test_next_and_show_give_countdowns_and_anniversaries() -> None:
    # 7 January 1979 -> 7 January 2026 is the 47th anniversary; 5 days after 2 January.
    code, out, _ = run("next", "1", "--today", "2026-01-02")
    assert code == 0
    assert "47th anniversary" in out and "in 5 days" in out
    code, out, _ = run("show", "victory-over-genocide", "--today", "2026-01-07")
    assert "7 January 2026 (today, 47th anniversary, day off)" in out
    assert "7 January 2027 (in 1 year, 48th anniversary" in out
    # King Sihamoni, born 14 May 1953: 73 in 2026.
    code, out, _ = run("show", "king-birthday", "--today", "2026-05-13")
    assert "tomorrow, 73rd birthday" in out


def test_next_json_keeps_the_contract_fields() -> None:
    # The 2026 sub-decree: Khmer New Year 14-16 April.
    code, out, _ = run("next", "1", "--today", "2026-04-14", "--json")
    assert code == 0
    [found] = json.loads(out)
    contract = ("id", "name", "category", "start", "end", "holiday", "status", "days_until")
    assert {k: found[k] for k in contract} == {
        "id": "khmer-new-year",
        "name": "Khmer New Year",
        "category": "traditional",
        "start": "2026-04-14",
        "end": "2026-04-16",
        "holiday": True,
        "status": "official",
        "days_until": 0,
    }


# --- today ------------------------------------------------------------------------------------------------


def test_today_on_visak_bochea() -> None:
    # 1 May 2026: Labour Day and Visak Bochea, the full moon of Pisakh (2026 sub-decree).
    code, out, _ = run("today", "--today", "2026-05-01", "--json")
    assert code == 0
    found = json.loads(out)
    assert found["date"] == "2026-05-01"
    assert (found["lunar"]["day"], found["lunar"]["phase"], found["lunar"]["month"]) == (
        15,
        "waxing",
        "pisakh",
    )
    assert found["lunar"]["holy_day"] is True
    assert found["holiday"] is True and found["workday"] is False
    assert {o["id"] for o in found["observances"]} == {"international-labour-day", "visak-bochea"}
    # Next: the Royal Ploughing Ceremony, 4th waning day of Pisakh, 5 May 2026.
    assert found["next"][0]["id"] == "royal-ploughing" and found["next"][0]["start"] == "2026-05-05"
    code, out, _ = run("today", "--today", "2026-05-01")
    assert "A day off: International Labour Day, Visak Bochea" in out
    # The lunar date worded as `khcal lunar` words it (one phrasing of a lunar date).
    assert "Friday, 15th waxing day of Pisakh, Horse year, Attha Sak, BE 2569" in out
    assert "Royal Ploughing Ceremony, Tuesday 5 May 2026: in 4 days" in out


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize("day", ["2026-01-02", "2026-04-14", "2026-05-01", "2027-07-24"])
def test_today_and_lunar_word_a_lunar_day_alike(day: str, lang: str) -> None:
    _, today_out, _ = run("today", "--today", day, "--lang", lang)
    _, lunar_out, _ = run("lunar", day, "--lang", lang, "--plain")
    lunar_text = lunar_out.split("  ", 1)[1].split(" (")[0].strip()
    assert today_out.splitlines()[1] == lunar_text
    _, today_json, _ = run("today", "--today", day, "--lang", lang, "--json")
    _, lunar_json, _ = run("lunar", day, "--lang", lang, "--json")
    # One JSON shape for a lunar day: today's "lunar" object is the `lunar --json` object.
    assert json.loads(today_json)["lunar"] == json.loads(lunar_json)


def test_today_working_day_and_weekend() -> None:
    code, out, _ = run("today", "--today", "2026-01-05")  # a Monday
    assert "A working day" in out
    code, out, _ = run("today", "--today", "2026-01-04", "--lang", "km")  # a Sunday
    assert code == 0
    assert "ថ្ងៃចុងសប្តាហ៍" in out and "ថ្ងៃអាទិត្យ ទី៤ ខែមករា ឆ្នាំ២០២៦" in out


def test_today_bad_input() -> None:
    code, out, err = run("today", "--today", "2026-13-01")
    assert (code, out) == (2, "")
    assert err.strip() == "khcal: --today: '2026-13-01' is not a date " + FORMS


# --- cal --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cal", "2026", "13"], "khcal: MONTH: 13 is not a month (use 1 to 12)"),
        (["cal", "2026", "0"], "khcal: MONTH: 0 is not a month (use 1 to 12)"),
        (["cal", "2300"], "khcal: year 2300 is outside the supported range 1800-2200"),
        (["cal", "twenty"], "khcal: YEAR: 'twenty' is not a whole number"),
        (["cal", "2026", "1", "--lang", "fr"], "khcal: --lang: 'fr' is not one of en, km"),
        (["cal", "2026", "1", "--category", "sports"], "khcal: --category: 'sports' is not a category"),
    ],
)
def test_cal_bad_input(args: list[str], message: str) -> None:
    code, out, err = run(*args, "--today", "2026-01-02")
    assert code == 2 and out == ""
    [line] = err.strip().splitlines()
    assert line.startswith(message)


def test_cal_this_month_by_default() -> None:
    code, out, _ = run("cal", "--today", "2026-11-20")
    assert code == 0
    assert out.splitlines()[0].strip() == "November 2026"
    assert "23\u201325 ● Water Festival" in out
    assert "Today: Friday 20 November 2026" in out


def test_cal_holidays_only_lists_days_off() -> None:
    code, out, _ = run("cal", "2026", "4", "--holidays", "--today", "2026-01-02")
    assert code == 0
    assert "Khmer New Year" in out and "Fall of Phnom Penh" not in out
    assert "○" not in out and "·" not in out


# --- help ------------------------------------------------------------------------------------------------


def command_names() -> list[str]:
    return sorted(c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands)


def test_every_command_leads_with_examples() -> None:
    for name in command_names():
        code, out, err = run(name, "--help")
        assert code == 0, (name, err)
        lines = out.splitlines()
        assert "Examples:" in out, name
        examples = next(i for i, line in enumerate(lines) if line.strip() == "Examples:")
        options = next(i for i, line in enumerate(lines) if line.strip().startswith(("Options", "Arguments")))
        assert examples < options, name
        assert f"khcal {name}" in "\n".join(lines[examples : examples + 8]), name
    code, out, _ = run("--help")
    assert "khcal cal" in out and "khcal today" in out and "khcal help definitions" in out


def test_help_topics() -> None:
    code, out, _ = run("help")
    assert code == 0 and "definitions" in out and "config" in out
    code, out, _ = run("help", "definitions")
    assert code == 0 and out.startswith("# The definitions format")
    code, out, _ = run("help", "config")
    assert code == 0 and "weekend" in out
    code, out, err = run("help", "colours")
    assert (code, out) == (2, "")
    assert err.strip() == "khcal: help: no topic 'colours' (topics: definitions, config)"


def keys_read_by_the_catalogue() -> set[str]:
    """Every key name the definitions reader accepts: the literal tuples passed to `self.keys(...)`, and
    the keys of every rule kind."""
    from khcal.core import validate
    from khcal.core.rules import KINDS

    tree = ast.parse(Path(validate.__file__).read_text(encoding="utf-8"))
    found: set[str] = {key for kind in KINDS.values() for key in kind.toml_keys()}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "keys" and len(node.args) >= 2:
            allowed = node.args[1]
            if isinstance(allowed, ast.Tuple):
                found |= {
                    e.value for e in allowed.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
                }
    return found


@pytest.mark.parametrize("lang", ["en", "km"])
def test_definitions_page_documents_every_key_and_rule_kind(lang: str) -> None:
    page = help_topics.page("definitions", lang)
    keys = keys_read_by_the_catalogue()
    assert {"event_kind", "songkran", "weekdays", "of"} <= keys  # the walk found the reader's keys
    missing = sorted(k for k in keys if not re.search(rf"`{k}`|\[\[(\w+\.)?{k}\]\]|^{k} = ", page, re.M))
    assert not missing
    for kind in ("fixed", "nth-weekday", "lunar", "new-year", "offset", "once", "holy-days"):
        assert f"`{kind}`" in page
    for month in catalogue.LUNAR_MONTHS:
        assert f"`{month}`" in page
    for table in ("[[observances]]", "[[published]]", "[[in_lieu]]", "[[observances.holiday]]",
                  "[[observances.exceptions]]", "[[observances.history]]"):  # fmt: skip
        assert table in page
    assert "config.toml" in page and "khcal check" in page


@pytest.mark.parametrize("lang", ["en", "km"])
def test_config_page_documents_every_setting(lang: str) -> None:
    from khcal import config_file as config

    page = help_topics.page("config", lang)
    assert all(f"`{key}`" in page for key in config.KEYS)


def test_the_documented_example_is_valid(tmp_path: Path) -> None:
    page = help_topics.page("definitions")
    example = page.split("## A complete example", 1)[1].split("```toml", 1)[1].split("```", 1)[0]
    path = tmp_path / "company.toml"
    path.write_text(example, encoding="utf-8")
    code, out, err = run("check", str(path))
    assert code == 0, err
    code, out, _ = run("next", "1", "--file", str(path), "--today", "2026-06-25", "--json")
    # The last Friday of June 2026 is the 26th.
    assert json.loads(out)[0]["id"] == "company-day" and json.loads(out)[0]["start"] == "2026-06-26"


# --- the installed command ----------------------------------------------------------------------------


def installed() -> str:
    found = shutil.which("khcal", path=str(Path(sys.executable).parent)) or shutil.which("khcal")
    if found is None:
        pytest.fail("the khcal command is not installed next to this Python")
    return found


def test_show_completion_prints_a_script(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path)}
    result = subprocess.run(
        [installed(), "--show-completion", "bash"], capture_output=True, text=True, env=env, timeout=30
    )
    assert result.returncode == 0, result.stderr
    assert "complete" in result.stdout and "_KHCAL_COMPLETE" in result.stdout
    help_text = subprocess.run([installed(), "--help"], capture_output=True, text=True, env=env, timeout=30)
    assert "--install-completion" in help_text.stdout


def test_completion_answers_command_names(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path),
        "_KHCAL_COMPLETE": "complete_bash",
        "COMP_WORDS": "khcal ca",
        "COMP_CWORD": "1",
    }
    result = subprocess.run([installed()], capture_output=True, text=True, env=env, timeout=30)
    assert "cal" in result.stdout.split()


def test_help_page_is_shipped_in_the_wheel(tmp_path: Path) -> None:
    import zipfile

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    [wheel] = tmp_path.glob("khcal-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for name in ("definitions.md", "config.md", "definitions.km.md", "config.km.md"):
            assert archive.read(f"khcal/docs/{name}") == (ROOT / "docs" / name).read_bytes()


def test_show_counts_eighteen_months_as_a_year_and_six_months_with_exact_days() -> None:
    code, out, _ = run("show", "victory-over-genocide", "--today", "2025-07-07")
    assert code == 0
    flat = " ".join(out.split())
    assert "7 January 2027 (in 1 year, 6 months, 48th anniversary, day off, projected, 549 days away)" in flat
    code, out, _ = run("show", "victory-over-genocide", "--today", "2025-07-07", "--lang", "km")
    flat = " ".join(out.split())  # Khmer lines wrap too
    assert "១ ឆ្នាំ ៦ ខែទៀត" in flat and "៥៤៩ ថ្ងៃទៀត" in flat


def test_long_weekends_in_khmer_have_no_english_words() -> None:
    for args in (["--year", "2026"], ["--year", "2018", "--weekend", "none"]):
        code, out, _ = run("long-weekends", *args, "--lang", "km")
        assert code == 0
        assert "ថ្ងៃឈប់សម្រាកជាប់គ្នាក្នុងឆ្នាំ" in out and "ថ្ងៃស្ពាន" in out
        assert "សៅរ៍" in out and "៣ ថ្ងៃ" in out
        assert not re.search(r"[A-Za-z]", out), out
