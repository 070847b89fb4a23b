"""Khmer output is Khmer: no English word in what any command prints with --lang km, other than ids, URLs,
option names and argument names (DATE:), the names of sources, `khcal` with its command names in the hints,
what the user typed (echoed between quotes), and the date forms khcal reads (YYYY-MM-DD, today, 7 Jan 2027),
which are typed as they are whatever the language.

The longer help pages (`khcal help TOPIC`, docs/*.km.md) are held to the same rule, their code apart: the
examples, and every `backticked` key, id, value, option, command and file name.

`show` names each observance in both languages on its first line: the other name is the observance's
own name in English, as a source keeps its own title, and is the one English text allowed there.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from support.command_line import run

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = tomllib.loads((ROOT / "data" / "observances.toml").read_text(encoding="utf-8"))
IDS = sorted(o["id"] for o in BUILTIN["observances"])
COMMANDS = ("next", "list", "show", "cal", "today", "lunar", "export", "serve", "publish", "check", "help",
            "is-holiday", "is-workday", "long-weekends", "workdays")  # fmt: skip
TODAY = "2026-11-22"


def source_titles() -> list[str]:
    """Every source title in the catalogue, longest first (so none is cut by a shorter one)."""
    titles: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("title"), str):
                titles.add(value["title"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(BUILTIN)
    return sorted(titles, key=len, reverse=True)


TITLES = source_titles()
ALLOWED = [
    re.compile(r"https?://\S+"),
    re.compile(r"'[^']*'"),  # the user's own words
    re.compile(r"\b[A-Z]{2,}(?=[:៖] )"),  # an argument's name
    re.compile(r"YYYY-MM-DD, today, tomorrow, yesterday|\b7 Jan 2027\b"),  # the date forms khcal reads
    re.compile(r"(?<![\w-])--?[a-z][a-z-]*"),  # option names
    re.compile(r"\bkhcal(?: (?:" + "|".join(map(re.escape, COMMANDS)) + r"))*\b"),
    re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, IDS)) + r")(?![\w-])"),
]
ENGLISH = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """The English words left once the allowed texts are taken out."""
    flat = " ".join(text.split())
    for title in TITLES:
        flat = flat.replace(" ".join(title.split()), " ")
    for allowed in ALLOWED:
        flat = allowed.sub(" ", flat)
    return ENGLISH.findall(flat)


@pytest.fixture(autouse=True)
def in_khmer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHCAL_LANG", "km")  # every command reads it, even those without --lang


def khmer(*args: str) -> tuple[int, str, str]:
    return run(*args)


SCREENS = [
    ["next", "10", "--today", TODAY],
    ["next", "--holidays", "--today", TODAY],
    ["list", "--today", TODAY],
    ["list", "--year", "2018", "--today", TODAY],
    ["list", "--ids", "--today", TODAY],
    ["today", "--today", TODAY],
    ["today", "--today", "2026-04-14"],
    ["cal", "--today", TODAY],
    ["cal", "2026", "--today", TODAY],
    ["cal", "2026", "4", "--lunar", "--today", TODAY],
    ["lunar", "--today", TODAY],
    ["lunar", "--from", "2026-04-10", "--to", "2026-04-20", "--today", TODAY],
    ["long-weekends", "--today", TODAY],
    ["long-weekends", "--year", "2018", "--weekend", "sun", "--today", TODAY],
    ["is-holiday", "2026-04-14", "--today", TODAY],
    ["is-holiday", "2026-04-18", "--today", TODAY],
    ["is-workday", "2026-04-20", "--today", TODAY],
    ["is-workday", "2026-04-14", "--today", TODAY],
    ["workdays", "count", "2026-04-01", "2026-04-30", "--today", TODAY],
]


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # no wrapping: a source title stays on one line


@pytest.mark.parametrize("args", SCREENS, ids=lambda a: " ".join(a[:3]))
def test_screen_has_no_english_words(args: list[str]) -> None:
    code, out, err = khmer(*args) if args[0] == "workdays" else run(*args, "--lang", "km")
    assert code in (0, 1), err
    assert out.strip()
    assert english_words(out + err) == []


@pytest.mark.parametrize("ident", IDS)
def test_show_has_no_english_words(ident: str) -> None:
    code, out, err = khmer("show", ident, "--today", TODAY)
    assert code == 0, err
    heading, _, rest = out.partition("\n")
    english = next(o["name"]["en"] for o in BUILTIN["observances"] if o["id"] == ident)
    assert english in heading
    assert english_words(heading.replace(english, " ")) == []
    assert english_words(rest) == []


@pytest.mark.parametrize(
    "args",
    [
        ["show", "no-such-day", "--today", TODAY],
        ["next", "0", "--today", TODAY],
        ["cal", "2026", "13", "--today", TODAY],
        ["cal", "13", "--today", TODAY],
        ["list", "--from", "2027", "--to", "2026", "--today", TODAY],
        ["is-holiday", "31 Febr 2026", "--today", TODAY],
        ["long-weekends", "--year", "3000", "--today", TODAY],
        ["next", "--today", "someday"],
    ],
    ids=lambda a: " ".join(a[:3]),
)
def test_errors_have_no_english_words(args: list[str]) -> None:
    code, _, err = khmer(*args)
    assert code == 2
    assert err.startswith("khcal: ")
    assert english_words(err) == [], err


# --- the help pages --------------------------------------------------------------------------------------

# What a help page names as it is typed or as it is called, in any language:
HELP_ALLOWED = [
    re.compile(r"[\w~:-]*[./][\w./~:?&=-]*"),  # file names, paths, zones (config.toml, Asia/Phnom_Penh)
    re.compile(r"\?[\w=&-]+"),  # a feed's query (?lang=km&holidays=1)
    re.compile(r"\b[A-Z][A-Z0-9_]+\b"),  # metavars (DATE, ZONE), variables (KHCAL_LANG), JSON, HTTP, UID
    re.compile(r"\{\w+\}"),  # --format's placeholders
    re.compile(r"https://|webcal://"),
    re.compile(
        r"\b(?:"
        # values of options and settings, typed as they are
        r"en|km|mon|sat|sun|none|private|public|national|royal|religious|traditional|remembrance"
        r"|international|holy-day|definitions|config|lang|tz|weekend|revision|category|alarm"
        r"|text|tooltip|class|alt|yes|no|everything|days-off|buddhist|today|tomorrow|yesterday"
        # programs, formats and streams, called by their names
        r"|iCalendar|Lines|waybar|waitress|nginx|gzip|Google Calendar|Apple Calendar|Outlook|Ctrl-C"
        r"|X-Forwarded-Proto|X-Forwarded-Host|stdin|stdout|stderr|pipe"
        r")\b"
    ),
]
# An example, or the usage line: a command line, typed as it is.
EXAMPLE = re.compile(r"^(?:\s*|របៀបប្រើ៖ )(?:khcal|printf) .*$", re.M)
SUBCOMMAND = re.compile(r"^  (?:" + "|".join((*COMMANDS, "count", "add", "next", "prev")) + r") ", re.M)


def help_english_words(page: str) -> list[str]:
    text = SUBCOMMAND.sub(" ", EXAMPLE.sub(" ", page))  # and the names in a list of commands
    for allowed in HELP_ALLOWED:
        text = allowed.sub(" ", text)
    return english_words(text)


def help_pages() -> list[list[str]]:
    import typer.main

    from khcal.cli import app
    from khcal.cli.help_text import tree

    return [list(path) for path, _ in tree(typer.main.get_command(app))]


@pytest.mark.parametrize("path", help_pages(), ids=lambda p: " ".join(p) or "khcal")
def test_help_has_no_english_words(path: list[str]) -> None:
    code, out, err = khmer(*path, "--help")
    assert (code, err) == (0, "")
    assert out.startswith("របៀបប្រើ៖")
    assert help_english_words(out) == []


def test_help_index_has_no_english_words() -> None:
    code, out, _ = khmer("help")
    assert code == 0
    assert help_english_words(out) == []


def test_the_help_check_finds_english() -> None:
    assert help_english_words("  khcal next --today 2026-01-02\nបង្ហាញ DATE sat,sun config.toml the day") == [
        "the",
        "day",
    ]


def test_check_errors_have_no_english_words(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[observances]]\nid = "x"\n', encoding="utf-8")
    for args in ([], ["--lang", "km"]):
        code, _, err = khmer("check", str(bad), *args)
        assert code == 2
        assert english_words(err.replace(str(bad), " ")) == [], err
    code, out, _ = khmer("check", str(ROOT / "data" / "observances.toml"))
    assert code == 0
    assert english_words(out.replace(str(ROOT / "data" / "observances.toml"), " ")) == [], out


def test_the_check_finds_english() -> None:
    assert english_words("ថ្ងៃ day off <https://example.org/x> --lang khcal list victory-over-genocide") == [
        "day",
        "off",
    ]


# --- the longer help pages and publish's summary line -----------------------------------------------------

# What a page of `khcal help TOPIC` names as it is typed or as it is called, in any language:
PAGE_ALLOWED = [
    re.compile(r"```.*?```", re.S),  # the examples: TOML, a printed error
    re.compile(r"`[^`]+`"),  # keys, ids, values, options, commands, variables, file names
    re.compile(r"\b(?:TOML|JSON|IANA|API|DATE)\b"),  # acronyms and a metavar, written so in Khmer too
    re.compile(r"\b(?:khcal|Python)\b"),  # the program, and the language of its API
]


def page_english_words(page: str) -> list[str]:
    for allowed in PAGE_ALLOWED:
        page = allowed.sub(" ", page)
    return ENGLISH.findall(page)


@pytest.mark.parametrize("topic", ["definitions", "config"])
@pytest.mark.parametrize("how", [["--lang", "km"], []], ids=["--lang", "KHCAL_LANG"])
def test_help_page_has_no_english_words(topic: str, how: list[str]) -> None:
    code, out, err = khmer("help", topic, *how)
    assert (code, err) == (0, "")
    assert out.startswith("# ") and len(out) > 1000
    assert page_english_words(out) == []


def test_the_page_check_finds_english() -> None:
    page = 'ប្រើ `khcal check FILE` ជាមួយ JSON\n```toml\nname = "Company Day"\n```\nthe day ថ្ងៃ IANA zone'
    assert page_english_words(page) == ["the", "day", "zone"]


def test_publish_summary_has_no_english_words(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    for how in (["--lang", "km"], []):
        code, out, err = khmer("publish", str(folder), "--base-url", "https://example.org/c", "--today",
                               TODAY, *how)  # fmt: skip
        assert (code, err) == (0, "")
        assert out.startswith(f"khcal: {folder}៖ ")
        assert re.search(r"[០-៩]+ ក្នុងចំណោម [០-៩]+$", out.strip()), out
        assert english_words(out.replace(str(folder), " ")) == [], out
