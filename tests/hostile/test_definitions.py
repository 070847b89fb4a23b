"""Hostile definitions and settings files: whatever a file holds, `khcal check` and every command that loads
it agree, and none of them crashes, hangs or writes anything but the output it was asked for.

Each file of the corpus is either refused by `check` (exit 2, one line per problem, each `khcal: FILE...`),
and then refused the same way, with the same lines, by `list`, `show`, `export` and the Python API; or
accepted, and then every command answers it. `check` runs as a real process with a time limit (a hang or a
crash in reading a file is caught there), and so does `list` of an accepted file (computing its year); the
other commands run in this process, on files the process has shown to be read in time.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

import khcal
from khcal.errors import DefinitionsError
from support.command_line import run, write_config

LIMIT = 20  # seconds for one command: far more than any needs; only a hang reaches it
OBSERVANCE = """
[[observances]]
id = "{ident}"
name = "{ident} day"
category = "mine"
rule = {rule}
description = "A day of the tests."
"""
HOLIDAY = "[[observances.holiday]]\n"
FIXED = '{ kind = "fixed", month = 3, day = 14 }'
LAST_DAY = '{ kind = "once", date = 2200-12-31 }'


def observance(ident: str, rule: str = FIXED, extra: str = "") -> str:
    return OBSERVANCE.format(ident=ident, rule=rule) + extra


def offset(ident: str, of: str, days: int = 1, extra: str = "") -> str:
    return observance(ident, f'{{ kind = "offset", of = "{of}", days = {days} }}', extra)


def chain(count: int, *, closed: bool) -> str:
    """`o0` counts from `o1`, which counts from `o2`...; the last counts from `o0` (closed) or is fixed."""
    parts = [offset(f"o{i}", f"o{i + 1}") for i in range(count - 1)]
    parts.append(offset(f"o{count - 1}", "o0") if closed else observance(f"o{count - 1}", extra=HOLIDAY))
    return "".join(parts)


def nested(depth: int, opening: str, closing: str) -> str:
    return "deep = " + opening * depth + "1" + closing * depth + "\n"


EVERY_WRONG_TYPE = """
format = "one"
revision = 2026
published = 3
in_lieu = [1]

[[observances]]
id = 7
name = []
category = 1.5
rule = { kind = "fixed", month = "march", day = true }
description = { en = 1 }
days = "two"
since = "1900"
until = 2026-01-01
event_year = []
event_kind = 1
holiday = "yes"
exceptions = { year = 1 }
history = 2
sources = "a source"
"""

# name -> (files, whether `check` accepts them, a text every refusal must hold, an id `show` is asked for)
Files = dict[str, str | bytes]
REFUSED: dict[str, tuple[Files, str]] = {
    # offsets: unknown ids and circles, wherever the rule is
    "unknown id": ({"a.toml": offset("mine", "visak-boch")}, "did you mean 'visak-bochea'?"),
    "period rule, unknown id": (
        {
            "a.toml": observance(
                "mine", extra=HOLIDAY + 'rule = { kind = "offset", of = "nowhere", days = 1 }\n'
            )
        },
        "field 'holiday[0].rule.of': refers to unknown observance 'nowhere'",
    ),
    "period rule counts from its own observance": (
        {"a.toml": observance("mine", extra=HOLIDAY + 'rule = { kind = "offset", of = "mine", days = 1 }\n')},
        "field 'holiday[0].rule.of': offsets go round in a circle: mine -> mine",
    ),
    "circle of 1": ({"a.toml": offset("mine", "mine")}, "circle: mine -> mine"),
    "circle of 2": ({"a.toml": offset("a", "b") + offset("b", "a")}, "circle: a -> b -> a"),
    "circle of 300": ({"a.toml": chain(300, closed=True)}, "circle: o0 -> o1 -> o2 -> o3"),
    "circle through a period": (
        {
            "a.toml": offset("a", "b")
            + observance("b", extra=HOLIDAY + 'rule = { kind = "offset", of = "a", days = 2 }\n')
        },
        "circle: a -> b -> a",
    ),
    "circle across files, through the built-in catalogue": (
        {"a.toml": offset("visak-bochea", "mine"), "b.toml": offset("mine", "visak-bochea")},
        "circle: visak-bochea -> mine -> visak-bochea",
    ),
    "1,000 unknown ids": (
        {"a.toml": "".join(offset(f"o{i}", f"gone{i}") for i in range(1000))},
        "'gone999'",
    ),
    # in-lieu rules, dates and numbers
    "in lieu on every weekday": (
        {
            "a.toml": '[[in_lieu]]\nsince = 2000\nsources = ["A decree"]\n'
            'weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
        },
        "field 'weekdays': names all seven days of the week",
    ),
    "once on 0001-01-01": (
        {"a.toml": observance("mine", '{ kind = "once", date = 0001-01-01 }')},
        "outside 1800-2200",
    ),
    "once on 9999-12-31": (
        {"a.toml": observance("mine", '{ kind = "once", date = 9999-12-31 }')},
        "outside 1800-2200",
    ),
    "once as text before 1800": (
        {"a.toml": observance("mine", '{ kind = "once", date = "1799-12-31" }')},
        "1799-12-31 is outside 1800-2200",
    ),
    "once in a period rule after 2200": (
        {"a.toml": observance("mine", extra=HOLIDAY + 'rule = { kind = "once", date = 2201-01-01 }\n')},
        "field 'holiday[0].rule.date': 2201-01-01 is outside 1800-2200",
    ),
    "revision in year 1": ({"a.toml": "revision = 0001-01-01\n"}, "field 'revision': 0001-01-01 is outside"),
    "an integer of 5,000 digits": ({"a.toml": f"format = {'9' * 5000}\n"}, "TOML syntax error"),
    "an integer of 4,000 digits": (
        {"a.toml": f"format = {'9' * 4000}\n"},
        "this khcal reads format 1, not 999",
    ),
    "offset of 400 days": ({"a.toml": offset("mine", "visak-bochea", 400)}, "between -366 and 366"),
    # sizes and shapes
    "arrays nested 1,000 deep": ({"a.toml": nested(1000, "[", "]")}, "nest more than 20 deep"),
    "inline tables nested 1,000 deep": ({"a.toml": nested(1000, "{ a = ", " }")}, "nest more than 20 deep"),
    "a name of a million characters": (
        {"a.toml": observance("mine").replace('name = "mine day"', f'name = "{"x" * 1_000_000}"')},
        "field 'name': is 1000000 characters long; at most 500 are allowed",
    ),
    "an id of 100 characters": ({"a.toml": observance("a" * 100)}, "at most 64 are allowed"),
    "a description of 10,001 characters": (
        {"a.toml": observance("mine").replace("A day of the tests.", "d" * 10_001)},
        "field 'description': is 10001 characters long",
    ),
    "a key of 500,000 characters": ({"a.toml": f'"{"k" * 500_000}" = 1\n'}, "unknown key 'kkkk"),
    "a file of 2 MB": ({"a.toml": "# " + "x" * 2_000_000 + "\n"}, "is larger than 1048576 bytes"),
    "NUL byte": ({"a.toml": b'name = "a\x00b"\n'}, "TOML syntax error"),
    "invalid UTF-8": ({"a.toml": b'name = "\xff\xfe"\n'}, "not UTF-8 text"),
    "a control character in a name": (
        {"a.toml": observance("mine").replace("mine day", "mine\\u001b[31m day")},
        "control character U+001B",
    ),
    "5,000 periods, each with a bad year": (
        {"a.toml": observance("mine", extra=(HOLIDAY + 'since = "x"\n') * 5_000)},
        "field 'holiday[4999].since': must be",
    ),
    "12,000 exceptions for one year": (
        {
            "a.toml": observance(
                "mine",
                extra="[[observances.exceptions]]\nyear = 2000\nholiday = false\n"
                'sources = ["A decree"]\n' * 12_000,
            )
        },
        "year 2000 has more than one exception",
    ),
    "empty tables": ({"a.toml": "[[observances]]\n[[published]]\n[[in_lieu]]\n"}, "field 'id': is required"),
    "duplicate ids in a file": ({"a.toml": observance("mine") + observance("mine")}, "duplicate id 'mine'"),
    "a wrong type at every field": ({"a.toml": EVERY_WRONG_TYPE}, "must be"),
    # holy days are never days off: a period that says they are would be silently ignored
    "a day-off period on the holy days": (
        {"a.toml": observance("mine", '{ kind = "holy-days" }', HOLIDAY + "since = 2000\n")},
        "field 'holiday[0]': holy days are never days off",
    ),
    "a period with the holy-days rule": (
        {"a.toml": observance("mine", extra=HOLIDAY + 'rule = { kind = "holy-days" }\n')},
        "field 'holiday[0]': holy days are never days off",
    ),
    # sizes that would take minutes and gigabytes to compute, each year asked for
    "200 observances on the holy days": (
        {"a.toml": "".join(observance(f"h{i}", '{ kind = "holy-days" }') for i in range(200))},
        "201 observances follow the holy-days rule; at most 10 allowed",
    ),
    "10,001 observances in two files": (
        {
            "a.toml": "".join(observance(f"a{i}") for i in range(5000)),
            "b.toml": "".join(observance(f"b{i}") for i in range(5001)),
        },
        "observances together; at most 10000 allowed",
    ),
    # blank texts: a name, a description, a source or a note of spaces alone would show as nothing
    "a name of spaces": (
        {"a.toml": observance("mine").replace('name = "mine day"', 'name = "   "')},
        "field 'name': must not be empty",
    ),
    "an empty description": (
        {"a.toml": observance("mine").replace('"A day of the tests."', '""')},
        "field 'description': must not be empty",
    ),
    "a description of line breaks": (
        {"a.toml": observance("mine").replace('"A day of the tests."', '"\\n\\t\\n"')},
        "field 'description': must not be empty",
    ),
    "blank sources": (
        {"a.toml": observance("mine", extra='sources = ["  ", { title = "" }]\n')},
        "field 'sources[1].title': must not be empty",
    ),
    "a blank history note": (
        {"a.toml": observance("mine", extra='[[observances.history]]\nyear = 2000\nen = " "\n')},
        "field 'history[0].en': must not be empty",
    ),
}

ACCEPTED: dict[str, tuple[Files, str]] = {
    "a chain of 300 offsets": ({"a.toml": chain(300, closed=False)}, "o0"),
    "negative offsets": ({"a.toml": offset("mine", "khmer-new-year", -366, HOLIDAY)}, "mine"),
    "offsets to the last year": (
        {"a.toml": observance("last", LAST_DAY, HOLIDAY) + offset("after", "last", 366)},
        "after",
    ),
    "in lieu on six weekdays, every day a day off": (
        {"a.toml": '[[in_lieu]]\nsince = 1800\nweekdays = ["mon", "tue", "wed", "thu", "fri", "sat"]\n'
         'sources = ["A decree"]\n'
         + "".join(observance(f"m{m}", f'{{ kind = "fixed", month = {m}, day = 1 }}', "days = 31\n" + HOLIDAY)
                   for m in range(1, 13))},
        "m1",
    ),
    "byte order mark": ({"a.toml": "\ufeff" + observance("mine")}, "mine"),
    "CRLF line ends": ({"a.toml": observance("mine", extra=HOLIDAY).replace("\n", "\r\n")}, "mine"),
    "an empty file": ({"a.toml": ""}, "visak-bochea"),
    "the same id in two files": (
        {"a.toml": observance("mine"), "b.toml": observance("mine", extra=HOLIDAY)},
        "mine",
    ),
    "holy days with a period of another rule": (
        {"a.toml": observance("mine", '{ kind = "holy-days" }', HOLIDAY + f"rule = {FIXED}\n")},
        "mine",
    ),
    "a blank Khmer name beside an English one": (
        {"a.toml": observance("mine").replace('name = "mine day"', 'name = { en = "Mine", km = " " }')},
        "mine",
    ),
    "the longest strings allowed": (
        {"a.toml": observance("i" * 64).replace('"' + "i" * 64 + ' day"', '"' + "n" * 500 + '"')},
        "i" * 64,
    ),
}  # fmt: skip


def write(folder: Path, files: Files) -> list[str]:
    paths = []
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        paths.append(str(path))
    return paths


def process(*args: str, cwd: Path) -> tuple[int, str, str]:
    """The real command line, as its own process, within the time limit."""
    done = subprocess.run(
        [sys.executable, "-m", "khcal", *args], cwd=cwd, capture_output=True, timeout=LIMIT, check=False
    )
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def with_files(paths: list[str]) -> list[str]:
    return [arg for path in paths for arg in ("--file", path)]


def assert_problem_lines(err: str, paths: list[str]) -> list[str]:
    """One line per problem, each naming one of the files; never a traceback."""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines, err
    starts = tuple(f"khcal: {path}" for path in paths)
    for line in lines:
        assert line.startswith(starts), line[:200]
    return lines


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_file_check_refuses_is_refused_the_same_way_by_every_command(name: str, tmp_path: Path) -> None:
    files, text = REFUSED[name]
    paths = write(tmp_path, files)
    code, out, err = process("check", *paths, cwd=tmp_path)
    assert (code, out) == (2, "")
    lines = assert_problem_lines(err, paths)
    assert text in err
    assert all(len(line) < 600 for line in lines)  # every quoted value is cut
    assert run("list", "--year", "2027", *with_files(paths)) == (2, "", err)
    assert run("show", "visak-bochea", *with_files(paths)) == (2, "", err)
    output = tmp_path / "out.ics"
    assert run("export", *with_files(paths), "-o", str(output)) == (2, "", err)
    with pytest.raises(DefinitionsError) as caught:
        khcal.Calendar(files=paths)
    assert [f"khcal: {problem}" for problem in caught.value.problems] == lines
    assert sorted(os.listdir(tmp_path)) == sorted(files)  # nothing written, the output file neither


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_a_file_check_accepts_works_with_every_command(name: str, tmp_path: Path) -> None:
    files, ident = ACCEPTED[name]
    paths = write(tmp_path, files)
    code, out, err = process("check", *paths, cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out.endswith("valid\n")
    code, out, err = process("list", "--year", "2027", *with_files(paths), cwd=tmp_path)
    assert (code, err) == (0, "")
    assert out
    code, out, err = run("show", ident, *with_files(paths))
    assert (code, err) == (0, "")
    output = tmp_path / "out.ics"
    assert run("export", "--from", "2026", "--to", "2028", *with_files(paths), "-o", str(output))[::2] == (
        0,
        "",
    )
    assert output.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert khcal.Calendar(files=paths).occurrences("2027-01-01", "2027-12-31")
    assert sorted(os.listdir(tmp_path)) == sorted([*files, "out.ics"])


def test_a_chain_of_3000_offsets_is_checked_and_followed_without_recursion(tmp_path: Path) -> None:
    paths = write(tmp_path, {"a.toml": chain(3000, closed=False)})
    code, out, err = process("check", *paths, cwd=tmp_path)
    assert (code, err) == (0, "")
    code, out, err = process("show", "o0", "--year", "2027", "--json", *with_files(paths), cwd=tmp_path)
    assert (code, err) == (0, "")
    first = json.loads(out)["occurrences"][0]
    assert first["start"] == (date(2027, 3, 14) + timedelta(days=2999)).isoformat()  # o2999 on 14 March


# -- what cannot be written as text: devices, FIFOs, folders --------------------------------------------


def fifo(folder: Path, name: str = "fifo.toml") -> str:
    path = folder / name
    os.mkfifo(path)
    return str(path)


NOT_REGULAR = "is not a regular file (a device, a pipe or a socket); khcal reads only files"
SPECIAL: dict[str, tuple[Callable[[Path], str], str]] = {
    "/dev/zero": (lambda _: "/dev/zero", NOT_REGULAR),
    "a FIFO": (fifo, NOT_REGULAR),
    "a folder": (lambda folder: str(folder), "is a folder, not a definitions file"),
}


@pytest.mark.parametrize("name", sorted(SPECIAL))
def test_a_device_a_fifo_or_a_folder_is_refused_at_once(name: str, tmp_path: Path) -> None:
    make, text = SPECIAL[name]
    path = make(tmp_path)
    before = sorted(os.listdir(tmp_path))
    err = f"khcal: {path}: {text}\n"
    assert process("check", path, cwd=tmp_path) == (2, "", err)
    assert process("list", "--year", "2027", "--file", path, cwd=tmp_path) == (2, "", err)
    assert run("show", "visak-bochea", "--file", path) == (2, "", err)
    assert run("export", "--file", path, "-o", str(tmp_path / "out.ics")) == (2, "", err)
    assert sorted(os.listdir(tmp_path)) == before


# -- config.toml ----------------------------------------------------------------------------------------

CONFIGS: dict[str, tuple[Callable[[Path], None], str]] = {
    "files = ['/dev/zero']": (
        lambda home: _config(home, 'files = ["/dev/zero"]\n'),
        "khcal: /dev/zero: is not",
    ),
    "files naming a FIFO": (
        lambda home: _config(home, f'files = ["{fifo(home, "pipe.toml")}"]\n'),
        "pipe.toml: is not a regular file",
    ),
    "files naming a circle": (
        lambda home: (
            (home / "circle.toml").write_text(offset("a", "a"), encoding="utf-8"),
            _config(home, 'files = ["../circle.toml"]\n'),
        ),
        "circle.toml:6: observance 'a': field 'rule.of': offsets go round in a circle: a -> a",
    ),
    "config.toml a FIFO": (lambda home: _fifo_config(home), "config.toml: is not a regular file"),
    "config.toml a folder": (
        lambda home: (home / "khcal" / "config.toml").mkdir(parents=True),
        "cannot be read",
    ),
    "config.toml of 2 MB": (lambda home: _config(home, "# " + "x" * 2_000_000 + "\n"), "is larger than"),
    "config.toml nested 1,000 deep": (
        lambda home: _config(home, "categories = " + "[" * 1000 + "]" * 1000 + "\n"),
        "config.toml: arrays and tables nest more than 20 deep",
    ),
    "config.toml not UTF-8": (lambda home: _config(home, b"lang = '\xff'\n"), "not UTF-8 text"),
    "a FIFO among the definitions files": (
        lambda home: _fifo_config(home, "mine.toml"),
        "mine.toml: is not a",
    ),
}


def _config(home: Path, text: str | bytes) -> None:
    path = write_config(home, "")
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def _fifo_config(home: Path, name: str = "config.toml") -> None:
    (home / "khcal").mkdir(parents=True)
    fifo(home / "khcal", name)


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_a_hostile_settings_folder_is_one_line_for_every_command(
    name: str, isolated: Path, tmp_path: Path
) -> None:
    make, text = CONFIGS[name]
    isolated.mkdir(parents=True, exist_ok=True)
    make(isolated)
    code, out, err = process("list", "--year", "2027", cwd=tmp_path)
    assert (code, out) == (2, "")
    assert text in err and len(err.splitlines()) == 1 and err.startswith("khcal: ")
    assert process("is-holiday", "2027-01-07", cwd=tmp_path) == (2, "", err)  # the quick path too
    assert run("show", "visak-bochea") == (2, "", err)
    assert run("export", "-o", str(tmp_path / "out.ics")) == (2, "", err)
    assert not (tmp_path / "out.ics").exists()


# -- serve refuses before it listens --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["period rule counts from its own observance", "in lieu on every weekday"])
def test_serve_refuses_a_broken_file_before_it_listens(name: str, tmp_path: Path) -> None:
    files, text = REFUSED[name]
    paths = write(tmp_path, files)
    code, out, err = process("serve", "--port", "0", *with_files(paths), cwd=tmp_path)
    assert (code, out) == (2, "")
    assert text in err
    assert process("check", *paths, cwd=tmp_path)[2] == err


@pytest.mark.parametrize(
    ("moment", "start"),
    [
        ("2026-04-13T20:00:00", "2026-04-13"),
        ("2026-04-13T20:00:00Z", "2026-04-14"),  # 03:00 the next morning in Phnom Penh
        ("2026-04-14T03:00:00+07:00", "2026-04-14"),
        ("2026-04-13T23:00:00+09:00", "2026-04-13"),
    ],
)
def test_a_songkran_moment_with_an_offset_is_that_moment_in_cambodia(
    moment: str, start: str, tmp_path: Path
) -> None:
    """An announced moment written with its offset is not read as if it were Cambodian time."""
    decree = f'[[observances.exceptions]]\nyear = 2026\nsongkran = {moment}\nsources = ["A decree"]\n'
    extra = HOLIDAY + decree
    paths = write(tmp_path, {"a.toml": observance("mine", '{ kind = "new-year" }', extra)})
    code, out, err = run("list", "--year", "2026", "--json", "--today", "2026-01-01", *with_files(paths))
    assert (code, err) == (0, "")
    mine = [o for o in json.loads(out) if o["id"] == "mine"]
    assert [o["start"] for o in mine] == [start]


def test_a_range_of_too_many_occurrences_is_refused_before_it_takes_the_memory(tmp_path: Path) -> None:
    """5,000 observances (a valid file) over a century would be half a million events, gigabytes of a feed:
    `list` and `export` stop at 50,000 occurrences with one line, while a year of them is answered."""
    paths = write(tmp_path, {"a.toml": "".join(observance(f"o{i}") for i in range(5000))})
    for command in (["list", "--json"], ["export", "-o", str(tmp_path / "out.ics")]):
        code, out, err = process(*command, "--from", "2101", "--to", "2200", *with_files(paths), cwd=tmp_path)
        assert (code, out) == (2, "")
        assert err == "khcal: 2101-01-01 to 2200-12-31: more than 50000 occurrences; ask for fewer years\n"
    assert sorted(os.listdir(tmp_path)) == ["a.toml"]
    code, out, err = process("list", "--year", "2101", "--json", *with_files(paths), cwd=tmp_path)
    assert (code, err) == (0, "")
    assert len(json.loads(out)) > 5000
