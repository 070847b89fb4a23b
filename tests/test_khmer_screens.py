"""Every screen, help page and error under --lang km is Khmer: no English word and no Latin digit.

What stays as it is typed or as it is named, whatever the language (the allowed list of test_khmer_words,
kept small): ids, URLs, option names and their values, command names, file paths, the user's own words
between quotes, the titles of sources, and the examples of a help page. Dates a program reads (`--json`,
the batch answers of stdin `-`, the feeds, `workdays add|next|prev` whose answer is `$(...)`'d in a script)
keep their ISO digits and are not screens.

The usage errors are checked through both readers of a command line: the quick commands' own
(khcal.cli.fastpath), which hands every error on, and the full one, which words it.
"""

from __future__ import annotations

import io
import re
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from khcal.cli import fastpath
from support.command_line import run
from test_khmer_words import BUILTIN, SUBCOMMAND, TITLES, english_words, help_english_words, help_pages

TODAY = "2026-11-22"
ROOT = Path(__file__).resolve().parents[1]

# What keeps its Latin digits and its English, on a Khmer screen: what the reader types or what names a thing.
EXAMPLE_LINE = re.compile(r"^\s*(?:khcal|printf) .*$", re.M)  # a help page's examples, typed as they are
TYPED = [
    re.compile(r"https?://\S+"),
    re.compile(r"'[^']*'"),  # the user's own words, quoted back
    re.compile(r"YYYY-MM-DD|\b7 Jan 2027\b|UTF-8|[\w-]*[./]\w[\w./-]*"),  # date forms khcal reads, files
    # an example: "e.g. sat,sun or none", "such as 3 or -3", "example: --count 5"
    re.compile(r"(?:ឧទាហរណ៍៖|ឧ\.|ដូចជា) ?[!-~]+(?: (?:ឬ ?[!-~]+|[!-~]*[0-9][!-~]*)){0,2}"),
    re.compile(r"(?<![\w-])--?[a-z][a-z-]*(?:[ =][!-~]+)?"),  # an option, with the value typed after it
    re.compile(r"-?P(?:T?[0-9]+[WDHMS])+"),  # an alarm's duration (-PT15H)
    re.compile(r"\?[\w=&-]+|::1"),  # a feed's query (?lang=km&from=2026), an address
    re.compile(r"\b[a-z]+(?:-[a-z0-9]+)+\b"),  # ids (holy-day-2026-01-03, pchum-ben)
    re.compile(r"\b[a-z][a-z-]*(?:, [a-z][a-z-]*)+\b"),  # a list of the values an option takes
    re.compile(r"\b(?:IANA|ISO|RFC) ?[0-9]*"),
]
LATIN_DIGITS = re.compile(r"[0-9]+")


def typed_out(text: str) -> str:
    """`text` on one line without what is typed or named as it is."""
    flat = " ".join(SUBCOMMAND.sub(" ", EXAMPLE_LINE.sub(" ", text)).split())
    for title in TITLES:
        flat = flat.replace(" ".join(title.split()), " ")
    for typed in TYPED:
        flat = typed.sub(" ", flat)
    return flat


def latin_digits(text: str) -> list[str]:
    """The Latin digits left once what is typed or named is taken out."""
    return LATIN_DIGITS.findall(typed_out(text))


def english(text: str, *, help_page: bool = False) -> list[str]:
    """The English words left (a help page also names the values its options take, typed as they are)."""
    return help_english_words(typed_out(text)) if help_page else english_words(typed_out(text))


def test_the_checks_find_latin_digits_and_english() -> None:
    text = "ឆ្នាំ 2027 ថ្ងៃ ២០២៧ --today 2026-01-02 'x9' https://a.org/1 holy-day-2026-01-03 1 ថ្ងៃ ឧ. -PT15H ឬ 3"
    assert latin_digits(text) == ["2027", "1"]
    assert english("ចំនួន (ឧ. sat,sun) ឬ none of mon, tue, sun day", help_page=True) == ["of", "day"]


@pytest.fixture(autouse=True)
def wide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "1000")  # no wrapping: a source title stays on one line
    monkeypatch.delenv("KHCAL_LANG", raising=False)


def khmer(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    return run(*args, "--lang", "km", input=stdin)


SCREENS = [
    ["next", "10", "--today", TODAY],
    ["next", "--holidays", "--today", TODAY],
    ["list", "--year", "2027", "--today", TODAY],
    ["list", "--from", "2027-04-01", "--to", "2027-05-31", "--today", TODAY],
    ["list", "--ids", "--today", TODAY],
    ["today", "--today", TODAY],
    ["today", "--today", "2027-04-14"],
    ["today", "--short", "--today", "2027-04-14"],
    ["today", "--short", "--today", TODAY],
    ["today", "--format", "{event} {date} {iso} {weekday} {lunar_full} {status}", "--today", TODAY],
    ["cal", "--today", TODAY],
    ["cal", "2027", "--today", TODAY],
    ["cal", "2027", "4", "--lunar", "--today", TODAY],
    ["lunar", "--today", TODAY],
    ["lunar", "2027-04-14", "--today", TODAY],
    ["lunar", "--from", "2027-04-12", "--to", "2027-04-18", "--today", TODAY],
    ["long-weekends", "--year", "2027", "--today", TODAY],
    ["is-holiday", "2027-04-14", "--today", TODAY],
    ["is-holiday", "2027-04-18", "--today", TODAY],
    ["is-workday", "2027-01-07", "--today", TODAY],
    ["is-workday", "2027-01-08", "--today", TODAY],
    ["is-workday", "2027-04-14", "--sector", "private", "--today", TODAY],
    ["show", "king-birthday", "--today", TODAY],
    ["show", "water-festival", "--today", TODAY],
    ["show", "khmer-new-year", "--year", "2027", "--today", TODAY],
    ["check", str(ROOT / "data" / "observances.toml")],
    ["help"],
]
ENGLISH_NAMES = {o["id"]: o["name"]["en"] for o in BUILTIN["observances"]}


@pytest.mark.parametrize("args", SCREENS, ids=lambda a: " ".join(a[:4]))
def test_screen_is_khmer(args: list[str]) -> None:
    code, out, err = khmer(*args)
    assert code in (0, 1), err
    assert out.strip()
    text = (out + err).replace(str(ROOT / "data" / "observances.toml"), " ")
    if args[0] == "show":  # its first line names the observance in both languages
        text = text.replace(ENGLISH_NAMES[args[1]], " ", 1)
    assert english(text, help_page=args[0] == "help") == [], text
    assert latin_digits(text) == [], text
    # Khmer punctuation: notes apart with ` · `, no ASCII comma or semicolon between Khmer words, no
    # brackets inside brackets.
    assert not re.search(r"[\u1780-\u17ff)][,;] [\u1780-\u17ff(]", text), text
    assert "))" not in text, text


@pytest.mark.parametrize("path", help_pages(), ids=lambda p: " ".join(p) or "khcal")
def test_help_is_khmer(path: list[str]) -> None:
    code, out, err = khmer(*path, "--help")
    assert (code, err) == (0, "")
    assert english(out, help_page=True) == [], out
    assert latin_digits(out) == [], out


# Usage errors: the parser's own, in the words of the command's language.
USAGE = [
    ["nxt"],
    ["show"],
    ["workdays", "bogus"],
    ["workdays", "add", "2027-01-07"],
    ["next", "--bogus"],
    ["next", "--holiday"],
    ["next", "1", "2"],
    ["is-workday", "2027-01-07", "extra"],
    ["is-holiday", "-q=1"],
    ["next", "--holidays=1"],
    ["today", "--json=yes"],
    ["publish"],
    ["check"],
    ["export", "--bogus"],
]
# Value errors: khcal's own checks of what was typed.
VALUES = [
    ["next", "abc", "--today", TODAY],
    ["next", "--today", "someday"],
    ["next", "--today", "01/02/2027"],
    ["is-workday", "2027-01-07", "--weekend", "moon", "--today", TODAY],
    ["is-workday", "2027-01-07", "--sector", "army", "--today", TODAY],
    ["workdays", "add", "2027-01-07", "x", "--today", TODAY],
    ["list", "--year", "3000", "--today", TODAY],
    ["list", "--year", "abc", "--today", TODAY],
    ["lunar", "1700-01-01"],
    ["show", "water-festivl", "--today", TODAY],
    ["next", "--category", "sport", "--today", TODAY],
    ["next", "--tz", "Mars/Base", "--today", TODAY],
    ["export", "--alarm", "soon", "--today", TODAY],
    ["cal", "2027", "13", "--today", TODAY],
]


def fast(argv: list[str]) -> int | None:
    """What the quick commands' reader does with a command line: None hands it to the full one."""
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
        return fastpath.dispatch(argv)


@pytest.mark.parametrize("args", USAGE + VALUES, ids=lambda a: " ".join(a[:3]))
def test_errors_are_khmer(args: list[str]) -> None:
    code, out, err = khmer(*args)
    assert (code, out) == (2, "")
    assert err.startswith("khcal: ") and err.count("\n") == 1, err
    assert english(err, help_page=True) == [], err
    assert latin_digits(err) == [], err
    assert fast([*args, "--lang", "km"]) is None  # the quick reader leaves every error to the full one


@pytest.mark.parametrize("how", ["env", "config"])
def test_usage_errors_follow_the_language_from_anywhere(
    how: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if how == "env":
        monkeypatch.setenv("KHCAL_LANG", "km")
    else:
        from support.command_line import write_config

        write_config(tmp_path / "config", 'lang = "km"\n')
        monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    code, _, err = run("nxt")
    assert code == 2
    assert err == "khcal: គ្មានពាក្យបញ្ជា 'nxt' ទេ។ តើអ្នកចង់សរសេរ 'next' ឬ? (សូមមើល 'khcal --help')\n"
    code, _, err = run("next", "--today")
    assert err == "khcal: ជម្រើស '--today' ត្រូវការតម្លៃមួយ។ (សូមមើល 'khcal --help')\n"


def test_usage_errors_stay_as_they_were_in_english() -> None:
    assert run("nxt")[2] == "khcal: No such command 'nxt'. Did you mean 'next'? (see 'khcal --help')\n"
    assert run("show")[2] == "khcal: Missing argument 'ID'. (see 'khcal show --help')\n"
    assert (
        run("next", "1", "2")[2] == "khcal: Got unexpected extra argument(s) (2) (see 'khcal next --help')\n"
    )
    assert run("next", "--holiday")[2] == (
        "khcal: No such option: --holiday (Possible options: --holidays, --today) (see 'khcal next --help')\n"
    )


def test_answers_for_scripts_keep_their_digits() -> None:
    """`workdays` answers are read by scripts (`$(khcal workdays add today 3)`): ISO digits in any language,
    as are the batch answers of stdin `-` and `--json`."""
    assert khmer("workdays", "add", "2027-01-07", "3", "--today", TODAY)[1] == "2027-01-12\n"
    assert khmer("workdays", "count", "2027-04-01", "2027-04-30", "--today", TODAY)[1] == "19\n"
    assert khmer("is-holiday", "-", "--today", TODAY, stdin="2027-04-14\n")[1] == "2027-04-14\tyes\n"
    assert '"date": "2027-04-14"' in khmer("is-holiday", "2027-04-14", "--json", "--today", TODAY)[1]


def test_file_errors_give_their_reason_in_khmer(tmp_path: Path) -> None:
    """What the OS or the UTF-8 decoder says of a file is in the error's language too (English as the
    OS says it), not the OS's English inside a Khmer sentence."""
    import errno
    import os

    from khcal.text import say
    from khcal.text.errors import reason_key

    missing = str(tmp_path / "missing" / "feed.ics")
    code, out, err = khmer("export", "--output", missing, "--today", TODAY)
    assert (code, out) == (2, "") and err.endswith("(គ្មានឯកសារ ឬថតឯកសារនេះទេ)\n"), err
    assert english(err, help_page=True) == [] and latin_digits(err) == [], err
    assert run("export", "--output", missing, "--today", TODAY)[2].endswith("(No such file or directory)\n")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe")
    code, _, err = khmer("check", str(binary))
    assert code == 2 and err.endswith("មិនមែនជាអត្ថបទ UTF-8 ទេ (មានបៃចាប់ផ្តើមមិនត្រឹមត្រូវ)\n"), err
    assert reason_key(os.strerror(errno.EACCES)) == "reason.EACCES"
    assert say("en", "reason.EACCES") == os.strerror(errno.EACCES)
    assert reason_key("something khcal has never heard of") is None


def test_a_value_in_latin_letters_is_set_apart_from_the_khmer_around_it(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('format = 1\n[[observances]]\nid = "a"\nname = 3\n', encoding="utf-8")
    err = khmer("check", str(path))[2]
    assert "មិនមែនលេខ 3 ទេ" in err and "3ទេ" not in err, err


# TOML syntax errors: tomllib's English read back into keys, worded in the language of `check`.
BROKEN_TOML = {
    'a = "x\n': "toml.illegal-character",
    "a = \n": "toml.invalid-value",
    "[a\n": "toml.unclosed-table-header",
    "[[a]\n": "toml.unclosed-array-header",
    "a = 1\na = 2\n": "toml.overwrite",
    "[a]\n[a]\n": "toml.declared-twice",
    "a b\n": "toml.expected-equals",
    "a = {b = 1\n": "toml.unclosed-inline-table",
    "a = 1 2\n": "toml.expected-newline",
    'a = "\\q"\n': "toml.escape",
    "= 1\n": "toml.invalid-statement",
    "a = [1, 2\n": "toml.unclosed-array",
    'a = """x\n': "toml.unterminated-string",
}


@pytest.mark.parametrize(("text", "key"), BROKEN_TOML.items(), ids=list(BROKEN_TOML.values()))
def test_toml_syntax_errors_are_read_back_into_keys(text: str, key: str, tmp_path: Path) -> None:
    import tomllib

    from khcal.core.definitions import syntax_problem

    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    problem = syntax_problem(raised.value, "x.toml")
    detail = problem.params["detail"]
    assert getattr(detail, "key", None) == key, str(raised.value)
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    code, _, err = khmer("check", str(path))
    assert code == 2
    line = err.replace(str(path), " ")
    assert line.startswith("khcal: ") and "កំហុសវាក្យសម្ព័ន្ធ TOML៖" in line, line
    assert english(line.replace("TOML", " "), help_page=True) == [], line
    assert latin_digits(re.sub(r"^khcal:  (:\d+)?", " ", line)) == [], line


def test_toml_syntax_errors_keep_their_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('format = 1\n\n[[observances]]\nid = "mine\n', encoding="utf-8")
    assert khmer("check", str(path))[2] == (
        f"khcal: {path}:4៖ កំហុសវាក្យសម្ព័ន្ធ TOML៖ មានតួអក្សរ '\\n' ដែលមិនអាចដាក់ក្នុងខ្សែអក្សរបាន (ជួរឈរទី ១១)\n"
    )
    english = f"khcal: {path}:4: TOML syntax error: Illegal character '\\n' (column 11)\n"
    assert run("check", str(path))[2] == english
    path.write_text("a = 1\n\u0000 = 2\n", encoding="utf-8")
    code, _, err = khmer("check", str(path))
    assert code == 2 and ":2៖ កំហុសវាក្យសម្ព័ន្ធ TOML៖ " in err and "invalid" not in err.lower(), err


# --- what the words say: royal names and register, categories, feeds --------------------------------------


def test_royal_days_carry_the_full_royal_names_and_register() -> None:
    code, out, _ = khmer("list", "--year", "2027", "--today", TODAY)
    assert code == 0
    flat = " ".join(out.replace("│", " ").split())
    assert "ព្រះករុណា ព្រះបាទសម្តេចព្រះបរមនាថ នរោត្តម សីហមុនី" in flat
    assert "(ព្រះជន្មគម្រប់ ៧៤ ព្រះវស្សា)" in flat and "(ព្រះជន្មគម្រប់ ៩១ ព្រះវស្សា)" in flat
    assert "ខួបកំណើត" not in out and "ព្រះករុណា ព្រះបាទ នរោត្តម" not in flat
    names = {o["id"]: o["name"]["km"] for o in BUILTIN["observances"]}
    assert names["king-father-commemoration"].endswith("ព្រះវររាជបិតាឯករាជ្យ បូរណភាពទឹកដី និងឯកភាពជាតិខ្មែរ")
    assert names["queen-mother-birthday"].endswith("ព្រះវររាជមាតាជាតិខ្មែរ")


def test_the_water_festival_is_not_a_buddhist_festival() -> None:
    import json

    def ids(category: str) -> set[str]:
        out = run("list", "--year", "2026", "--category", category, "--json", "--today", TODAY)[1]
        return {o["id"] for o in json.loads(out)}

    assert "water-festival" in ids("traditional") and "water-festival" not in ids("religious")
    assert "royal-ploughing" in ids("royal") and "royal-ploughing" not in ids("religious")
    assert ids("religious") == {"meak-bochea", "visak-bochea", "pchum-ben"}


def test_feeds_word_their_categories_in_their_language() -> None:
    from icalendar import Calendar

    from support.command_line import run_bytes

    def feed(*args: str) -> Calendar:
        code, out, err = run_bytes(
            "export", "--from", "2026", "--to", "2026", "--category", "remembrance", *args
        )
        assert code == 0, err
        return Calendar.from_ical(out)

    khmer_feed, english_feed = feed("--lang", "km"), feed()
    assert str(khmer_feed["X-WR-CALNAME"]) == "ថ្ងៃបុណ្យ និងទិវារំលឹកនៅកម្ពុជា (ការរំលឹក)"
    assert str(english_feed["X-WR-CALNAME"]).endswith("(remembrance)")
    khmer_events = {str(e["UID"]): e for e in khmer_feed.walk("VEVENT")}
    english_events = {str(e["UID"]): e for e in english_feed.walk("VEVENT")}
    assert set(khmer_events) == set(english_events)  # UIDs stay language-free
    uid = "victory-over-genocide-2026@khcal"
    assert [str(c) for c in khmer_events[uid]["CATEGORIES"].cats] == ["ការរំលឹក", "ថ្ងៃឈប់សម្រាក"]
    assert [str(c) for c in english_events[uid]["CATEGORIES"].cats] == ["remembrance", "day-off"]
