"""`khcal today --short`, `--format TEMPLATE` and `--waybar`: one line for a status bar or a prompt."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from khcal.text import line
from support.command_line import run

DOCS = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def short(day: str, *more: str) -> str:
    code, out, err = run("today", "--short", "--today", day, *more)
    assert (code, err) == (0, "")
    assert out.endswith("\n") and out.count("\n") == 1
    return out[:-1]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2026-11-24", "Day off: Water Festival · 15th waxing Kadeuk"),
        ("2026-04-14", "Day off: Khmer New Year · 12th waning Cheit"),
        ("2026-12-28", "Peace Day in Cambodia tomorrow · 4th waning Migasir"),
        ("2026-04-18", "International Labour Day in 13 days · 2nd waxing Pisakh"),
    ],
)
def test_the_day_off_of_the_day_else_the_next_one(day: str, expected: str) -> None:
    assert short(day) == expected


def test_an_observance_that_is_not_a_day_off_is_named_as_today() -> None:
    text = short("2026-12-09")
    assert text.startswith("Today: International Day of Commemoration and Dignity of the Victims")
    assert text.endswith(" · 15th waning Kadeuk")


def test_the_filter_chooses_what_comes_next() -> None:
    assert short("2026-12-01", "--holidays").startswith("Peace Day in Cambodia in 4 weeks")
    assert short("2026-12-01").startswith("International Day of Commemoration")


def test_after_the_last_occurrence_only_the_lunar_date() -> None:
    assert short("2200-12-31") == "10th waning Migasir"
    code, out, _ = run("today", "--today", "2200-12-31", "--format", "[{event}|{name}|{countdown}] {status}")
    assert (code, out) == (0, "[||] working day\n")


def test_khmer_words_and_numerals() -> None:
    text = short("2026-12-01", "--lang", "km")
    assert text == "ទិវាអន្តរជាតិនៃការរំលឹក និងសេចក្តីថ្លៃថ្នូររបស់ជនរងគ្រោះនៃឧក្រិដ្ឋកម្មប្រល័យពូជសាសន៍ ៨ ថ្ងៃទៀត · ៧រោច ខែកត្តិក"
    code, out, _ = run(
        "today",
        "--today",
        "2026-11-24",
        "--lang",
        "km",
        "--format",
        "{" + "} {".join(line.PLACEHOLDERS) + "}",
    )
    assert code == 0
    assert not re.search(r"[0-9A-Za-z]", out), out  # every word and digit in Khmer


def test_every_placeholder() -> None:
    template = "|".join("{" + p + "}" for p in line.PLACEHOLDERS)
    code, out, _ = run("today", "--today", "2026-11-25", "--format", template + " {{braces}}")
    assert code == 0
    values = dict(zip(line.PLACEHOLDERS, out.rstrip("\n").removesuffix(" {braces}").split("|"), strict=True))
    assert values == {
        "event": "Day off: Water Festival",
        "name": "Water Festival",
        "countdown": "today",
        "status": "day off",
        "date": "25 November 2026",
        "iso": "2026-11-25",
        "weekday": "Wednesday",
        "lunar": "1st waning Kadeuk",
        "lunar_full": "1st waning day of Kadeuk, Horse year, Attha Sak, BE 2570",
    }
    _, out, _ = run("today", "--today", "2026-11-28", "--format", "{status}|{name}|{countdown}")
    name = "International Day of Commemoration and Dignity of the Victims of the Crime of Genocide"
    assert out == f"weekend|{name}|in 11 days\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "{bogus}"], "khcal: --format: unknown placeholder {bogus} (use {event}, {name}, "),
        (["--format", "{date:>20}"], "khcal: --format: unknown placeholder {date:>20} (use "),
        (
            ["--format", "{name"],
            "khcal: --format: a { or } without its pair (write {{ or }} for a brace itself)",
        ),
        (["--format", "name}"], "khcal: --format: a { or } without its pair"),
        (["--short", "--json"], "khcal: --short and --json cannot be used together"),
        (["--waybar", "--json"], "khcal: --waybar and --json cannot be used together"),
        (["--format", "{name}", "--json"], "khcal: --format and --json cannot be used together"),
        (["--short", "--count", "0"], "khcal: --count: "),
    ],
)
def test_bad_options_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    code, out, err = run("today", "--today", "2026-11-24", *args)
    assert (code, out) == (2, "")
    assert err.startswith(message) and err.count("\n") == 1, err


def test_waybar_reads_one_json_line() -> None:
    code, out, _ = run("today", "--waybar", "--today", "2026-12-09", "--count", "1")
    assert code == 0 and out.count("\n") == 1
    value = json.loads(out)
    assert set(value) == {"text", "tooltip", "class", "alt"}
    assert value["text"] == short("2026-12-09")
    assert value["class"] == value["alt"] == "observance"
    assert value["tooltip"].split("\n") == [
        "Wednesday 9 December 2026",
        "15th waning day of Kadeuk, Horse year, Attha Sak, BE 2570",
        "A working day",
        "Today: International Day of Commemoration and Dignity of the Victims of the Crime of Genocide "
        "(78th anniversary)",
        "International Human Rights Day, Thursday 10 December 2026: tomorrow (78th anniversary)",
    ]


@pytest.mark.parametrize(
    ("day", "kind"),
    [
        ("2026-11-24", "day-off"),
        ("2026-12-09", "observance"),
        ("2026-04-18", "weekend"),
        ("2026-12-01", "workday"),
    ],
)
def test_waybar_class_says_what_the_day_is(day: str, kind: str) -> None:
    _, out, _ = run("today", "--waybar", "--today", day, "--format", "{name}", "--lang", "km")
    value = json.loads(out)
    assert value["class"] == kind
    assert not re.search(r"[0-9A-Za-z]", value["text"] + value["tooltip"])


def test_help_shows_the_one_line_forms_with_examples() -> None:
    code, out, _ = run("today", "--help")
    assert code == 0
    for option in ("--short", "--format", "--waybar"):
        assert option in out
    assert "khcal today --short" in out and "khcal today --waybar" in out


def test_the_contract_documents_every_placeholder() -> None:
    text = DOCS.read_text(encoding="utf-8")
    for name in line.PLACEHOLDERS:
        assert f"`{{{name}}}`" in text, name
    assert "--waybar" in text and "--short" in text


def test_waybar_escapes_what_pango_markup_would_read(isolated: Path) -> None:
    """Waybar reads text and tooltip as Pango markup: a user's name with & or < is written as entities."""
    folder = isolated / "khcal"
    folder.mkdir(parents=True)
    (folder / "team.toml").write_text(
        '[[observances]]\nid = "rd-day"\nname = "R&D <Day>"\ncategory = "company"\n'
        'rule = { kind = "fixed", month = 12, day = 2 }\ndescription = "Ours."\n',
        encoding="utf-8",
    )
    _, out, _ = run("today", "--waybar", "--today", "2026-12-02", "--category", "company")
    value = json.loads(out)
    assert value["text"] == "Today: R&amp;D &lt;Day&gt; · 8th waning Kadeuk"
    assert "R&amp;D &lt;Day&gt;" in value["tooltip"] and "R&D" not in value["tooltip"]
    assert short("2026-12-02", "--category", "company") == "Today: R&D <Day> · 8th waning Kadeuk"  # plain
